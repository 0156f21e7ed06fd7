// The interview screens against a fake back end: only invoke() is mocked.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import Interview, { clearDrafts } from './Interview.svelte';
import { resetCache } from '../api';
import { translate } from '../fluent';
import { i18n } from '../i18n.svelte';
import { evaluate, fakeInvoke } from '../../test/fake-backend';
import type { Answers, InterviewState } from '../types';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

const vi_ = (id: string, args?: Record<string, string | number>) => translate('vi', id, args);

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not in the page`);
  return element as T;
}

async function start() {
  const user = userEvent.setup();
  const onExit = vi.fn();
  render(Interview, { code: '1.001193', onExit, onHome: vi.fn() });
  await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
  return { user, onExit };
}

function evaluations(): number {
  return invokeMock.mock.calls.filter(([command]) => command === 'evaluate_interview').length;
}

async function fillFirstStep(user: ReturnType<typeof userEvent.setup>) {
  await user.type(byId('field-requester_name'), 'Nguyễn Văn An');
  await user.type(byId('field-requester_phone'), '0912345678');
}

async function fillSecondStep(user: ReturnType<typeof userEvent.setup>) {
  await user.type(byId('field-child_birth_date'), '05/09/2025');
  await user.click(byId('field-child_sex-female'));
  await user.click(byId('field-has_birth_certificate-yes'));
}

async function fillAddressStep(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(byId('field-home_address-province'), '01');
  await waitFor(() => expect(byId('field-home_address-commune').querySelectorAll('option')).toHaveLength(3));
  await user.selectOptions(byId('field-home_address-commune'), '00004');
  await user.type(byId('field-home_address-street'), '12 phố Đội Cấn');
}

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockImplementation((command, args) => fakeInvoke(command, args as Record<string, unknown>));
  clearDrafts();
  resetCache();
  i18n.locale = 'vi';
});

describe('an interview step', () => {
  it('shows one step with its title, intro, progress and fields by kind', async () => {
    await start();
    expect(invokeMock).toHaveBeenCalledWith('evaluate_interview', { code: '1.001193', answers: {} });
    expect(screen.getByText('Bước 1/3')).toBeInTheDocument();
    expect(screen.getByText('Người đi đăng ký là cha, mẹ hoặc người thân của trẻ.')).toBeInTheDocument();
    expect(screen.getByLabelText('Họ, chữ đệm và tên')).toBe(byId('field-requester_name'));
    expect(byId('field-requester_name')).toHaveAttribute('aria-describedby', 'help-requester_name');
    expect(byId('field-requester_phone')).toHaveAttribute('inputmode', 'tel');
    expect(screen.getByLabelText('Thư điện tử (không bắt buộc)')).toBe(byId('field-requester_email'));
    expect(document.getElementById('error-summary')).toBeNull();
    expect(document.getElementById('error-requester_name')).toBeNull();
    expect(byId('back')).toHaveTextContent('Quay lại');
    expect(byId('next')).toHaveTextContent('Tiếp tục');
  });

  it('stays on the step and shows every error when Next is pressed too early', async () => {
    const { user } = await start();
    await user.click(byId('next'));

    const summary = await waitFor(() => byId('error-summary'));
    expect(summary).toHaveAttribute('role', 'alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('heading')).toHaveTextContent('Vui lòng sửa các lỗi sau');
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      `Họ, chữ đệm và tên: ${vi_('error-required')}`,
      `Số điện thoại di động: ${vi_('error-required')}`,
    ]);

    const name = byId('field-requester_name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name.getAttribute('aria-describedby')?.split(' ')).toEqual(['help-requester_name', 'error-requester_name']);
    expect(byId('error-requester_name')).toHaveTextContent(vi_('error-required'));
    expect(byId('error-requester_phone')).toHaveTextContent(vi_('error-required'));
    expect(document.getElementById('error-requester_email')).toBeNull();
    // The page keeps its headings: the procedure's name, then the step's
    // title as the first h2 (the end-to-end test reads it there).
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Đăng ký khai sinh');
    expect(document.querySelector('h2')).toHaveTextContent('Người đi đăng ký');
    expect(byId('field-requester_email')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText('Bước 1/3')).toBeInTheDocument();
  });

  it('renders errors from a given InterviewState, in both kinds of message', async () => {
    const state: InterviewState = evaluate({});
    const phone = state.steps[0]!.fields[1]!;
    phone.errors = [{ kind: 'fluent', id: 'wizard-progress', args: { current: 7, total: 9 } }];
    const name = state.steps[0]!.fields[0]!;
    name.errors = [{ kind: 'text', text: { vi: 'Tên này quá dài.', en: 'This name is too long.' } }];
    state.steps[0]!.complete = false;
    invokeMock.mockImplementation(async (command, args) =>
      command === 'evaluate_interview' ? state : fakeInvoke(command, args as Record<string, unknown>),
    );
    const { user } = await start();
    await user.click(byId('next'));
    await waitFor(() => expect(byId('error-requester_name')).toHaveTextContent('Tên này quá dài.'));
    // A Fluent message is formatted with its arguments.
    expect(byId('error-requester_phone')).toHaveTextContent('Bước 7/9');

    i18n.locale = 'en';
    await waitFor(() => expect(byId('error-requester_name')).toHaveTextContent('This name is too long.'));
    expect(byId('error-summary')).toHaveTextContent('Please fix the following');
  });

  it('updates the errors live after the first failed Next', async () => {
    const { user } = await start();
    await user.click(byId('next'));
    await waitFor(() => byId('error-requester_name'));

    await user.type(byId('field-requester_name'), 'Nguyễn Văn An');
    await waitFor(() => expect(document.getElementById('error-requester_name')).toBeNull());
    expect(byId('field-requester_name')).not.toHaveAttribute('aria-invalid');
    expect(within(byId('error-summary')).getAllByRole('link')).toHaveLength(1);

    await user.type(byId('field-requester_phone'), '12345');
    await waitFor(() => expect(byId('error-requester_phone')).toHaveTextContent(vi_('error-phone-format')));
  });

  it('focuses the field from a link in the error summary', async () => {
    const { user } = await start();
    await user.click(byId('next'));
    const summary = await waitFor(() => byId('error-summary'));
    await user.click(within(summary).getByText(`Số điện thoại di động: ${vi_('error-required')}`));
    expect(byId('field-requester_phone')).toHaveFocus();
  });

  it('debounces evaluation while typing and keeps the raw text until blur', async () => {
    const { user } = await start();
    const before = evaluations();
    const phone = byId<HTMLInputElement>('field-requester_phone');
    await user.type(phone, ' +84 912 345 678');
    await waitFor(() =>
      expect(invokeMock).toHaveBeenLastCalledWith('evaluate_interview', {
        code: '1.001193',
        answers: { requester_phone: ' +84 912 345 678' },
      }),
    );
    expect(evaluations() - before).toBeLessThan(5);
    await new Promise((r) => setTimeout(r, 50));
    expect(phone.value).toBe(' +84 912 345 678');

    await user.tab();
    await waitFor(() => expect(phone.value).toBe('0912345678'));
  });

  it('follows text replaced without input events, as WebDriver clear() does', async () => {
    const { user } = await start();
    const name = byId<HTMLInputElement>('field-requester_name');
    await user.type(name, 'Nguyễn Văn A');
    await user.tab();
    name.focus();
    name.value = '';
    fireEvent.change(name);
    name.blur();
    await user.type(name, 'Trần Thị Bình');
    await user.tab();
    await waitFor(() =>
      expect(invokeMock).toHaveBeenLastCalledWith('evaluate_interview', {
        code: '1.001193',
        answers: { requester_name: 'Trần Thị Bình' },
      }),
    );
    expect(name.value).toBe('Trần Thị Bình');
  });

  it('goes step by step, follows steps that appear and disappear, and goes back', async () => {
    const { user, onExit } = await start();
    await fillFirstStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    expect(screen.getByText('Bước 2/3')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Thông tin của trẻ' })).toHaveFocus();

    await user.click(byId('field-has_birth_certificate-no'));
    await screen.findByText('Bước 2/4');
    await user.click(byId('field-has_birth_certificate-yes'));
    await screen.findByText('Bước 2/3');

    await user.click(byId('back'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect(byId<HTMLInputElement>('field-requester_name').value).toBe('Nguyễn Văn An');
    await user.click(byId('back'));
    expect(onExit).toHaveBeenCalledWith('1.001193');
  });

  it('fills an address from the province and commune lists', async () => {
    const { user } = await start();
    await fillFirstStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    await fillSecondStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Nơi cư trú' });

    expect(byId('field-home_address-commune')).toBeDisabled();
    await user.click(byId('next'));
    await waitFor(() => expect(byId('error-home_address')).toHaveTextContent(vi_('error-required')));
    expect(byId('field-home_address-province')).toHaveAttribute('aria-invalid', 'true');

    await user.selectOptions(byId('field-home_address-province'), '79');
    await waitFor(() => expect(byId('error-home_address')).toHaveTextContent(vi_('error-address-commune')));
    expect(invokeMock).toHaveBeenCalledWith('search_communes', { province: '79', query: '' });
    await user.type(byId('field-home_address-commune-filter'), 'thạnh');
    await waitFor(() => expect(byId('field-home_address-commune').querySelectorAll('option')).toHaveLength(2));
    await user.selectOptions(byId('field-home_address-commune'), '27760');
    await waitFor(() => expect(byId('error-home_address')).toHaveTextContent(vi_('error-address-street')));
    expect(byId('field-home_address-street')).toHaveAttribute('aria-invalid', 'true');
    expect(byId('field-home_address-province')).not.toHaveAttribute('aria-invalid');
    await user.type(byId('field-home_address-street'), 'Ấp Thiềng Liềng');
    await waitFor(() => expect(document.getElementById('error-home_address')).toBeNull());
    expect(invokeMock).toHaveBeenLastCalledWith('evaluate_interview', {
      code: '1.001193',
      answers: expect.objectContaining({ home_address: { province: '79', commune: '27760', street: 'Ấp Thiềng Liềng' } }),
    });
  });
});

describe('check your answers', () => {
  async function reachCheck() {
    const started = await start();
    const { user } = started;
    await fillFirstStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    await fillSecondStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Nơi cư trú' });
    await fillAddressStep(user);
    await user.type(byId('field-fee_paid'), '30.500');
    await user.click(byId('next'));
    await waitFor(() => byId('check-answers'));
    return started;
  }

  it('reads back every answer, the documents and the fee', async () => {
    await reachCheck();
    const page = byId('check-answers');
    expect(within(page).getByRole('heading', { level: 1 })).toHaveTextContent('Kiểm tra lại thông tin');
    const row = (id: string) => page.querySelector(`[data-answer="${id}"] .value`)?.textContent?.trim();
    expect(row('requester_name')).toBe('Nguyễn Văn An');
    expect(row('requester_email')).toBe('Chưa trả lời');
    expect(row('child_sex')).toBe('Nữ');
    expect(row('has_birth_certificate')).toBe('Có');
    expect(row('home_address')).toBe('12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội');
    expect(row('fee_paid')).toBe('30.500\u00A0₫');
    expect(page.querySelectorAll('[data-change]')).toHaveLength(8);
    expect(within(byId('documents')).getByText('Giấy chứng sinh (bản chính)')).toBeInTheDocument();
    expect(byId('fee')).toHaveTextContent('Miễn phí');
    expect(screen.getByText(vi_('review-ready'))).toBeInTheDocument();
    expect(byId('finish')).toBeEnabled();
  });

  it('changes one answer and comes back to the check page', async () => {
    const { user } = await reachCheck();
    await user.click(byId('check-answers').querySelector<HTMLElement>('[data-change="requester_phone"]')!);
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    const phone = byId<HTMLInputElement>('field-requester_phone');
    expect(phone).toHaveFocus();
    await user.clear(phone);
    await user.type(phone, '0987654321');
    await user.click(byId('next'));
    await waitFor(() => byId('check-answers'));
    expect(byId('check-answers').querySelector('[data-answer="requester_phone"] .value')?.textContent).toContain('0987654321');
  });

  it('after a change that reveals a step, Next goes to that step', async () => {
    const { user } = await reachCheck();
    // A change that reveals a new step leaves the dossier incomplete.
    await user.click(byId('check-answers').querySelector<HTMLElement>('[data-change="has_birth_certificate"]')!);
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    expect(byId('field-has_birth_certificate-yes')).toHaveFocus();
    await user.click(byId('field-has_birth_certificate-no'));
    await screen.findByText('Bước 2/4');
    await user.click(byId('next'));
    // Next goes to the new, unfinished step rather than the check page.
    await screen.findByRole('heading', { level: 2, name: 'Người làm chứng' });
    await user.click(byId('back'));
    await user.click(byId('back'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
  });

  it('finishes when ready', async () => {
    const { user } = await reachCheck();
    await user.click(byId('finish'));
    await waitFor(() => byId('done'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bạn đã khai xong');
  });

  it('explains why Finish is disabled and links to the unfinished step', async () => {
    // As when a later answer makes a field of an earlier step required.
    invokeMock.mockImplementation(async (command, args) => {
      if (command !== 'evaluate_interview') return fakeInvoke(command, args as Record<string, unknown>);
      const state = evaluate((args as { answers: Answers }).answers);
      if (state.answers['fee_paid'] !== undefined && state.answers['requester_email'] === undefined) {
        const email = state.steps[0]!.fields[2]!;
        email.errors = [{ kind: 'fluent', id: 'error-required', args: {} }];
        state.steps[0]!.complete = false;
        state.ready = false;
      }
      return state;
    });
    const { user } = await reachCheck();
    const finish = byId('finish');
    expect(finish).toBeDisabled();
    expect(finish).toHaveAttribute('aria-describedby', 'finish-explanation');
    expect(byId('finish-explanation')).toHaveTextContent(vi_('review-not-ready'));
    await user.click(screen.getByRole('button', { name: vi_('review-go-to-step', { title: 'Người đi đăng ký' }) }));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    await user.type(byId('field-requester_email'), 'an@example.vn');
    await user.click(byId('next'));
    await waitFor(() => byId('check-answers'));
    expect(byId('finish')).toBeEnabled();
  });
});

describe('errors from the back end', () => {
  it('shows an AppError through its Fluent id, with a retry', async () => {
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'evaluate_interview') throw { code: 'procedure-not-found', args: { code: '9.999' } };
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    render(Interview, { code: '9.999', onExit: vi.fn(), onHome: vi.fn() });
    const alert = await screen.findByRole('alert');
    const expected = translate('vi', 'error-procedure-not-found', { code: '9.999' });
    expect(alert).toHaveTextContent(
      expected === 'error-procedure-not-found' ? vi_('common-error-unexpected') : expected,
    );
    expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });
});
