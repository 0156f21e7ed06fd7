// The interview screens against a fake back end: only invoke() is mocked.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import Interview from './Interview.svelte';
import { AppState, appContext } from '../app-state.svelte';
import { translate } from '../fluent';
import { formatTime } from '../format';
import { i18n } from '../i18n.svelte';
import {
  CERTIFIED_COPY,
  certifiedCopyAnswers,
  stateFor,
  definitionOf,
  fakeDraft,
  fakeInvoke,
  fakeProfile,
  fakeSubmissions,
  pickNext,
  readyAnswers,
  readyFiles,
  resetFakeBackend,
  seedDraft,
  seedProfile,
} from '../../test/fake-backend';
import { rust } from '../../test/rust';
import type { Answer, DraftView, FieldProblem, InterviewState, Refusal } from '../types';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const onSubmitted = vi.fn();

const vi_ = (id: string, args?: Record<string, string | number>) => translate('vi', id, args);

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not in the page`);
  return element as T;
}

/** The app's state for this test: one per test, shared by the pages it opens. */
let app = new AppState();

/** Mounts the interview page as App.svelte would, with this test's app state. */
function show(props: { draftId: number; onExit: (code: string) => void; onHome: () => void; onSubmitted: typeof onSubmitted }) {
  return render(Interview, { props, context: appContext(app) });
}

type Seed = Parameters<typeof seedDraft>[0];

/** Opens a new draft (or one made from `seed`) and waits for its page. */
async function openDraftPage(seed: Seed = {}, heading = 'Người đi đăng ký') {
  const draftId = seedDraft(seed);
  const user = userEvent.setup();
  const onExit = vi.fn();
  show({ draftId, onExit, onHome: vi.fn(), onSubmitted });
  await screen.findByRole('heading', { level: 2, name: heading });
  return { user, onExit, draftId };
}

const start = (seed: Seed = {}) => openDraftPage(seed);

/** Opens a draft, ready to submit, on its check page. */
async function openCheckPage(seed: Seed = {}) {
  const draftId = seedDraft({ currentStep: 'review', answers: readyAnswers, files: readyFiles, ...seed });
  const user = userEvent.setup();
  show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
  await waitFor(() => byId('check-answers'));
  return { user, draftId };
}

type SaveArgs = { draftId: number; code: string; fieldId: string; answer: Answer | null };

function saves(): SaveArgs[] {
  return invokeMock.mock.calls.filter(([command]) => command === 'save_answer').map(([, args]) => args as SaveArgs);
}

function positions(): string[] {
  return invokeMock.mock.calls
    .filter(([command]) => command === 'save_position')
    .map(([, args]) => (args as { stepId: string }).stepId);
}

function status(): string {
  return byId('save-status').textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** A promise and the functions that settle it, for answers that wait. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The person filing: the father, with his ID and phone. */
async function fillFirstStep(user: ReturnType<typeof userEvent.setup>) {
  await user.type(byId('field-requester_name'), 'Nguyễn Văn An');
  await user.type(byId('field-requester_id'), '001090012345');
  await user.click(byId('field-requester_relation-father'));
  await user.type(byId('field-requester_phone'), '0912345678');
}

/** The child, born ten days before the tests' today. */
async function fillSecondStep(user: ReturnType<typeof userEvent.setup>) {
  await user.type(byId('field-child_name'), 'Nguyễn Minh Khang');
  await user.click(byId('field-child_sex-male'));
  await user.type(byId('field-child_birth_date'), '05/09/2025');
  await user.type(byId('field-child_birth_place'), 'Bệnh viện Phụ sản Hà Nội');
  await user.type(byId('field-child_ethnicity'), 'Kinh');
}

/** How many communes Rust lists for a province. */
function communesOf(province: string): number {
  return rust({ kind: 'communes', province, query: '' }).length;
}

async function fillAddress(user: ReturnType<typeof userEvent.setup>, field: string) {
  await user.selectOptions(byId(`field-${field}-province`), '01');
  await waitFor(() => expect(byId(`field-${field}-commune`).querySelectorAll('option')).toHaveLength(communesOf('01') + 1));
  await user.selectOptions(byId(`field-${field}-commune`), '00004');
  await user.type(byId(`field-${field}-street`), 'Số 5 phố Đội Cấn');
}

async function fillMotherStep(user: ReturnType<typeof userEvent.setup>) {
  await user.type(byId('field-mother_name'), 'Trần Thị Bình');
  await user.type(byId('field-mother_birth_date'), '12/03/1992');
  await user.type(byId('field-mother_id'), '001192054321');
  await fillAddress(user, 'mother_address');
}

/** Every visible question of `answers` for a birth registration, as Rust counts them. */
function questions(answers: typeof readyAnswers): number {
  return stateFor(answers).steps.flatMap((s) => s.fields).length;
}

beforeEach(() => {
  app = new AppState();
  invokeMock.mockReset();
  invokeMock.mockImplementation((command, args) => fakeInvoke(command, args as Record<string, unknown>));
  resetFakeBackend();
  onSubmitted.mockReset();
  i18n.locale = 'vi';
});

describe('an interview step', () => {
  it('shows one step with its title, intro, progress and fields by kind', async () => {
    const { draftId } = await start();
    expect(invokeMock).toHaveBeenCalledWith('open_draft', { id: draftId });
    expect(screen.getByText('Bước 1/5')).toBeInTheDocument();
    expect(status()).toBe(vi_('save-auto'));
    expect(byId('save-status')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByText('Người đi đăng ký là cha hoặc mẹ của trẻ, hoặc ông, bà, người thân thích khác, người đang nuôi dưỡng trẻ. Người khác đi đăng ký thay thì cần có văn bản ủy quyền.')).toBeInTheDocument();
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
      `Số định danh cá nhân (số căn cước): ${vi_('error-required')}`,
      `Quan hệ với trẻ: ${vi_('error-required')}`,
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
    expect(screen.getByText('Bước 1/5')).toBeInTheDocument();
  });

  it('renders errors from a given InterviewState, in both kinds of message', async () => {
    const state: InterviewState = stateFor({});
    const phone = state.steps[0]!.fields.find((f) => f.id === 'requester_phone')!;
    phone.errors = [{ kind: 'fluent', id: 'wizard-progress', args: { current: 7, total: 9 } }];
    const name = state.steps[0]!.fields[0]!;
    name.errors = [{ kind: 'text', text: { vi: 'Tên này quá dài.', en: 'This name is too long.' } }];
    state.steps[0]!.complete = false;
    invokeMock.mockImplementation(async (command, args) => {
      const result = await fakeInvoke(command, args as Record<string, unknown>);
      return command === 'open_draft' ? { ...(result as DraftView), state } : result;
    });
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
    expect(within(byId('error-summary')).getAllByRole('link')).toHaveLength(3);

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

  it('saves once the typing pauses and keeps the raw text until blur', async () => {
    const { user, draftId } = await start();
    const phone = byId<HTMLInputElement>('field-requester_phone');
    await user.type(phone, ' +84 912 345 678');
    await waitFor(() =>
      expect(saves().at(-1)).toEqual({
        draftId,
        code: '1.001193',
        fieldId: 'requester_phone',
        answer: ' +84 912 345 678',
      }),
    );
    expect(saves().length).toBeLessThan(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(phone.value).toBe(' +84 912 345 678');

    await user.tab();
    await waitFor(() => expect(phone.value).toBe('0912345678'));
    expect(fakeDraft(draftId)?.answers['requester_phone']).toBe('0912345678');
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
    await waitFor(() => expect(saves().at(-1)).toMatchObject({ fieldId: 'requester_name', answer: 'Trần Thị Bình' }));
    expect(name.value).toBe('Trần Thị Bình');
  });

  it('goes step by step and goes back', async () => {
    const { user, onExit } = await start();
    await fillFirstStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    expect(screen.getByText('Bước 2/5')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Thông tin của trẻ' })).toHaveFocus();

    await user.click(byId('back'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect(byId<HTMLInputElement>('field-requester_name').value).toBe('Nguyễn Văn An');
    await user.click(byId('back'));
    expect(onExit).toHaveBeenCalledWith('1.001193');
  });

  it('follows questions that appear and disappear with an answer', async () => {
    const { user } = await openDraftPage({ currentStep: 'father', answers: { ...readyAnswers, has_father: undefined } }, 'Thông tin người cha');
    expect(document.getElementById('field-father_name')).toBeNull();
    await user.click(byId('field-has_father-yes'));
    await waitFor(() => byId('field-father_name'));
    await user.click(byId('field-has_father-no'));
    await waitFor(() => expect(document.getElementById('field-father_name')).toBeNull());
  });

  it('follows steps that appear and disappear with an answer', async () => {
    const { user } = await openDraftPage({ code: '3.000347', currentStep: 'licence' }, 'Giấy phép đang dùng');
    expect(screen.getByText('Bước 2/2')).toBeInTheDocument();
    await user.click(byId('field-licence_kind-car'));
    await screen.findByText('Bước 2/3');
    await user.click(byId('field-licence_kind-motorbike'));
    await screen.findByText('Bước 2/2');
  });

  it('fills an address from the province and commune lists', async () => {
    const { user } = await openDraftPage({ currentStep: 'mother' }, 'Thông tin người mẹ');

    expect(byId('field-mother_address-commune')).toBeDisabled();
    await user.click(byId('next'));
    await waitFor(() => expect(byId('error-mother_address')).toHaveTextContent(vi_('error-required')));
    expect(byId('field-mother_address-province')).toHaveAttribute('aria-invalid', 'true');

    await user.selectOptions(byId('field-mother_address-province'), '79');
    await waitFor(() => expect(byId('error-mother_address')).toHaveTextContent(vi_('error-address-commune')));
    expect(invokeMock).toHaveBeenCalledWith('search_communes', { province: '79', query: '' });
    await user.type(byId('field-mother_address-commune-filter'), 'cần giờ');
    await waitFor(() => expect(byId('field-mother_address-commune').querySelectorAll('option')).toHaveLength(2));
    // The one commune that matches is chosen, and the person is told.
    const [canGio] = rust({ kind: 'communes', province: '79', query: 'cần giờ' });
    await waitFor(() => expect((byId('field-mother_address-commune') as HTMLSelectElement).value).toBe(canGio?.code));
    expect(screen.getByText(vi_('wizard-address-commune-picked', { name: 'Xã Cần Giờ' }))).toBeInTheDocument();
    await waitFor(() => expect(byId('error-mother_address')).toHaveTextContent(vi_('error-address-street')));
    expect(byId('field-mother_address-street')).toHaveAttribute('aria-invalid', 'true');
    expect(byId('field-mother_address-province')).not.toHaveAttribute('aria-invalid');
    await user.type(byId('field-mother_address-street'), 'Ấp Thiềng Liềng');
    await waitFor(() => expect(document.getElementById('error-mother_address')).toBeNull());
    expect(saves().at(-1)).toMatchObject({
      fieldId: 'mother_address',
      answer: { province: '79', commune: canGio?.code, street: 'Ấp Thiềng Liềng' },
    });
  });

  it('proposes the commune an old name became, saying what it was', async () => {
    const { user } = await openDraftPage({ currentStep: 'mother' }, 'Thông tin người mẹ');
    // Bắc Giang is part of Bắc Ninh since 01/07/2025: the person picks the new
    // province and types the ward and town they knew.
    await user.selectOptions(byId('field-mother_address-province'), '24');
    await user.click(byId('field-mother_address-commune-filter'));
    await user.paste('trần phú bắc giang');
    const [found] = rust({ kind: 'communes', province: '24', query: 'trần phú bắc giang' });
    expect(found).toMatchObject({
      name: 'Phường Bắc Giang',
      formerly: { name: 'Phường Trần Phú, thành phố Bắc Giang, tỉnh Bắc Giang', part: false },
    });
    await waitFor(() => expect((byId('field-mother_address-commune') as HTMLSelectElement).value).toBe(found?.code));
    const formerly = vi_('wizard-address-formerly', { name: 'Phường Trần Phú, thành phố Bắc Giang, tỉnh Bắc Giang' });
    expect(formerly).toBe('trước đây: Phường Trần Phú, thành phố Bắc Giang, tỉnh Bắc Giang');
    expect(byId('field-mother_address-commune-formerly')).toHaveTextContent(formerly);
    expect(screen.getByText(vi_('wizard-address-commune-picked', { name: 'Phường Bắc Giang' }))).toBeInTheDocument();
    expect(within(byId('field-mother_address-commune')).getByRole('option', { selected: true })).toHaveTextContent(
      `Phường Bắc Giang (${formerly})`,
    );

    // A ward split between two communes: both proposed, each "part of" it.
    await user.selectOptions(byId('field-mother_address-province'), '01');
    await user.click(byId('field-mother_address-commune-filter'));
    await user.paste('tân lập đan phượng');
    const part = vi_('wizard-address-formerly-part', { name: 'Xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội' });
    expect(part).toBe('trước đây: một phần của Xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội');
    await waitFor(() =>
      expect(
        [...byId('field-mother_address-commune').querySelectorAll('option')].slice(1).map((o) => o.textContent),
      ).toEqual([`Xã Hoài Đức (${part})`, `Xã Ô Diên (${part})`]),
    );
    await user.selectOptions(byId('field-mother_address-commune'), 'Xã Ô Diên (' + part + ')');
    expect(byId('field-mother_address-commune-formerly')).toHaveTextContent(part);
  });
});

describe('dates', () => {
  it('say how to write them, in Vietnamese, under the question and in the box', async () => {
    const { user } = await start();
    await fillFirstStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    expect(byId('help-child_birth_date')).toHaveTextContent('Theo dạng ngày/tháng/năm, ví dụ 05/09/2024.');
    expect(byId('field-child_birth_date')).toHaveAttribute('placeholder', 'ngày/tháng/năm');
    expect(byId('field-child_birth_date').getAttribute('aria-describedby')).toContain('help-child_birth_date');
  });
});

describe('warnings', () => {
  it('shows what the engine finds unlikely under the field, and lets the person go on', async () => {
    const { user } = await start();
    await user.type(byId('field-requester_name'), 'Nguyen Van An');
    await user.type(byId('field-requester_id'), '001090012345');
    await user.click(byId('field-requester_relation-father'));
    await user.type(byId('field-requester_phone'), '0912345678');
    const warning = await waitFor(() => byId('warning-requester_name'));
    expect(warning).toHaveTextContent(vi_('warning-name-no-diacritics'));
    expect(byId('field-requester_name').getAttribute('aria-describedby')).toContain('warning-requester_name');
    expect(byId('field-requester_name')).not.toHaveAttribute('aria-invalid');
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
  });
});

describe('check your answers', () => {
  /** Answers every step in the window; by default the files were attached before. */
  async function reachCheck(seed: Seed = { files: readyFiles }) {
    const started = await start(seed);
    const { user } = started;
    await fillFirstStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    await fillSecondStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin người mẹ' });
    await fillMotherStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin người cha' });
    await user.click(byId('field-has_father-no'));
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Giấy tờ kèm theo' });
    await user.click(byId('field-has_birth_certificate-yes'));
    await user.click(byId('field-surrogacy-no'));
    await user.click(byId('next'));
    await waitFor(() => byId('check-answers'));
    return started;
  }

  it('holds a dossier back until every document to upload has its file, and never asks for the form', async () => {
    const { user } = await reachCheck({});
    const finish = byId('submit');
    expect(finish, 'answers alone are not enough').toBeDisabled();
    expect(screen.queryByText(vi_('review-ready'))).toBeNull();
    expect(byId('missing-files')).toHaveTextContent(vi_('review-files-missing', { count: 1 }));
    const form = byId('documents').querySelector('[data-document="to_khai"]');
    expect(form, 'the form the app fills is listed').toHaveTextContent(vi_('document-filled-by-app'));
    expect(form?.querySelector('[data-attach]'), 'and takes no file').toBeNull();
    expect(byId('documents').querySelector('[data-document="giay_chung_sinh"]')).toHaveTextContent(vi_('document-missing'));

    await user.click(screen.getByRole('button', { name: vi_('review-attach-document', { name: 'Giấy chứng sinh (bản chính)' }) }));
    expect(document.querySelector('#documents [data-attach="giay_chung_sinh"]'), 'the link goes to the attach button').toHaveFocus();
    pickNext('giay-chung-sinh.jpg');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(finish, 'with its file the dossier is ready').toBeEnabled());
    expect(screen.getByText(vi_('review-ready'))).toBeInTheDocument();
    expect(document.getElementById('missing-files')).toBeNull();
  });

  it('warns before submitting about a document given later, and hands it on as a to-do', async () => {
    // A certified copy: the original is shown at the office, never uploaded.
    const { user, draftId } = await openCheckPage({ code: CERTIFIED_COPY, answers: certifiedCopyAnswers, files: [] });
    const original = definitionOf(CERTIFIED_COPY).documents.find((d) => d.id === 'original')!;
    expect(byId('submit')).toBeEnabled();
    expect(byId('to-follow-warning')).toHaveTextContent(vi_('review-to-follow', { count: 1 }));
    expect(byId('ready-message')).toHaveTextContent(original.name.vi);
    expect(byId('documents').querySelector('[data-document="original"]')).toHaveTextContent(vi_('document-to-follow'));
    await user.click(byId('submit'));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(draftId, expect.anything(), [original.name]));
  });

  it('reads back every answer, the documents and the fee', async () => {
    const { draftId } = await reachCheck();
    const page = byId('check-answers');
    expect(within(page).getByRole('heading', { level: 1 })).toHaveTextContent('Kiểm tra lại thông tin');
    const row = (id: string) => page.querySelector(`[data-answer="${id}"] .value`)?.textContent?.trim();
    expect(row('requester_name')).toBe('Nguyễn Văn An');
    expect(row('requester_email')).toBe('Chưa trả lời');
    expect(row('child_sex')).toBe('Nam');
    expect(row('has_birth_certificate')).toBe('Có');
    expect(row('mother_address')).toBe('Số 5 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội');
    expect(page.querySelectorAll('[data-change]')).toHaveLength(questions(fakeDraft(draftId)!.answers));
    expect(within(byId('documents')).getByText('Giấy chứng sinh (bản chính)')).toBeInTheDocument();
    expect(byId('fee')).toHaveTextContent('Miễn phí');
    expect(screen.getByText(vi_('review-ready'))).toBeInTheDocument();
    expect(byId('submit')).toBeEnabled();
    expect(byId('submit')).toHaveTextContent('Nộp hồ sơ');
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
    // A driving licence: a car licence adds the health check step.
    await openCheckPage({
      code: '3.000347',
      answers: {
        applicant_name: 'Nguyễn Văn An',
        applicant_birth_date: '12/03/1990',
        applicant_sex: 'male',
        applicant_id: '001090012345',
        applicant_phone: '0912345678',
        licence_number: '790123456789',
        licence_kind: 'motorbike',
        exchange_reason: 'expiring',
        licence_has_expiry: true,
        licence_expiry: '01/12/2025',
      },
      files: ['current_licence', 'identity_card'],
    });
    const user = userEvent.setup();
    await user.click(byId('check-answers').querySelector<HTMLElement>('[data-change="licence_kind"]')!);
    await screen.findByRole('heading', { level: 2, name: 'Giấy phép đang dùng' });
    expect(byId('field-licence_kind-motorbike')).toHaveFocus();
    await user.click(byId('field-licence_kind-car'));
    await screen.findByText('Bước 2/3');
    await user.click(byId('next'));
    // Next goes to the new, unfinished step rather than the check page.
    await screen.findByRole('heading', { level: 2, name: 'Khám sức khỏe' });
    await user.click(byId('back'));
    await user.click(byId('back'));
    await screen.findByRole('heading', { level: 2, name: 'Người đề nghị đổi giấy phép' });
  });

  it('submits when ready, once the last change is saved', async () => {
    const { user, draftId } = await reachCheck();
    // A change still waiting for the typing pause goes out before the submission.
    await user.click(byId('check-answers').querySelector<HTMLElement>('[data-change="requester_email"]')!);
    await user.type(byId('field-requester_email'), 'an@example.vn');
    await user.click(byId('next'));
    await waitFor(() => byId('check-answers'));
    await user.click(byId('submit'));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(draftId, { outbox_id: expect.any(Number), online: true }, []));
    const calls = invokeMock.mock.calls.map(([c]) => c);
    expect(calls.lastIndexOf('save_answer')).toBeLessThan(calls.indexOf('submit_draft'));
    expect(invokeMock).toHaveBeenCalledWith('submit_draft', { draftId, channel: 'desk' });
    expect(fakeDraft(draftId)?.answers['requester_email']).toBe('an@example.vn');
    expect(fakeSubmissions().queued.map((q) => q.draft_id)).toEqual([draftId]);
  });

  it('submits once however often the button is pressed', async () => {
    let release: (() => void) | undefined;
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'submit_draft') await new Promise<void>((resolve) => (release = resolve));
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const { user } = await openCheckPage();
    await user.click(byId('submit'));
    await waitFor(() => expect(byId('submit')).toBeDisabled());
    expect(byId('submit')).toHaveTextContent(vi_('review-submitting'));
    await user.click(byId('submit'));
    release?.();
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1));
    expect(invokeMock.mock.calls.filter(([c]) => c === 'submit_draft')).toHaveLength(1);
  });

  it('shows why a submission was refused, and stays on the check page', async () => {
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'submit_draft') throw { code: 'draft-not-ready', args: {} };
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const { user } = await openCheckPage();
    await user.click(byId('submit'));
    const error = await waitFor(() => byId('submit-error'));
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent(vi_('error-draft-not-ready'));
    expect(error).toHaveFocus();
    expect(onSubmitted).not.toHaveBeenCalled();
    expect(byId('submit')).toBeEnabled();
  });

  it('explains why Finish is disabled and links to the unfinished step', async () => {
    // As when a later answer makes a field of an earlier step required.
    invokeMock.mockImplementation(async (command, args) => {
      const result = await fakeInvoke(command, args as Record<string, unknown>);
      if (command !== 'save_answer') return result;
      const state = result as InterviewState;
      if (state.answers['surrogacy'] !== undefined && state.answers['requester_email'] === undefined) {
        const email = state.steps[0]!.fields.find((f) => f.id === 'requester_email')!;
        email.errors = [{ kind: 'fluent', id: 'error-required', args: {} }];
        state.steps[0]!.complete = false;
        state.ready = false;
      }
      return state;
    });
    const { user } = await reachCheck();
    const finish = byId('submit');
    expect(finish).toBeDisabled();
    expect(finish).toHaveAttribute('aria-describedby', 'finish-explanation');
    expect(byId('finish-explanation')).toHaveTextContent(vi_('review-not-ready'));
    await user.click(screen.getByRole('button', { name: vi_('review-go-to-step', { title: 'Người đi đăng ký' }) }));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    await user.type(byId('field-requester_email'), 'an@example.vn');
    await user.click(byId('next'));
    await waitFor(() => byId('check-answers'));
    expect(byId('submit')).toBeEnabled();
  });
});

describe('a draft the portal sent back', () => {
  const refused = (fields: FieldProblem[]): Refusal => ({ reason: null, detail: null, fields });
  const problems = [
    { field: 'requester_phone', message_id: 'error-portal-rule' },
    { field: 'child_birth_date', message_id: 'error-date-future' },
  ];

  it('says why at the top and shows each error under its field until the field changes', async () => {
    const draftId = seedDraft({ currentStep: 'requester', answers: readyAnswers, files: readyFiles, rejection: refused(problems) });
    const user = userEvent.setup();
    show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    const notice = await waitFor(() => byId('rejection-notice'));
    expect(notice).toHaveTextContent('Cổng Dịch vụ công chưa nhận hồ sơ vì một số thông tin chưa đúng');
    expect(byId('rejection-notice-title')).toHaveFocus();
    // Nothing before the step title is a second-level heading.
    expect(document.querySelector('h2')).toHaveTextContent('Người đi đăng ký');

    // Shown at once, without pressing Next, with the usual error styling.
    const error = byId('error-requester_phone');
    expect(error).toHaveTextContent(vi_('error-portal-rule'));
    expect(error).toHaveClass('error-message');
    const phone = byId('field-requester_phone');
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone.getAttribute('aria-describedby')).toContain('error-requester_phone');
    expect(phone.closest('.field')).toHaveClass('has-error');
    expect(document.getElementById('error-requester_name')).toBeNull();

    // A link in the notice goes to a field on another step; the message there
    // got the one argument the app can give (today), not a raw placeholder.
    await user.click(within(notice).getByRole('button', { name: /Ngày, tháng, năm sinh/ }));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    expect(byId('field-child_birth_date')).toHaveFocus();
    expect(byId('error-child_birth_date').textContent).toContain('Ngày này chưa tới');
    expect(byId('error-child_birth_date').textContent).not.toContain('{');

    // Changing the field clears its portal error.
    await user.clear(byId('field-child_birth_date'));
    await user.type(byId('field-child_birth_date'), '01/09/2025');
    expect(document.getElementById('error-child_birth_date')).toBeNull();
    expect(byId('field-child_birth_date')).not.toHaveAttribute('aria-invalid');
    expect(within(byId('rejection-notice')).queryByRole('button', { name: /Ngày, tháng, năm sinh/ })).toBeNull();
    expect(within(byId('rejection-notice')).getByRole('button', { name: /Số điện thoại di động/ })).toBeInTheDocument();
  });

  it('combines the portal error with the engine errors of the same field', async () => {
    const draftId = seedDraft({ answers: { requester_name: 'Nguyễn Văn An' }, rejection: refused([{ field: 'requester_phone', message_id: 'error-portal-rule' }]) });
    const user = userEvent.setup();
    show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    await waitFor(() => byId('rejection-notice'));
    await user.click(byId('next'));
    const error = await waitFor(() => byId('error-requester_phone'));
    expect(error).toHaveTextContent(vi_('error-required'));
    expect(error).toHaveTextContent(vi_('error-portal-rule'));
    expect(document.querySelectorAll('#error-requester_phone')).toHaveLength(1);
  });

  it('keeps a changed field clear when the draft is opened again, and reads unknown ids as a rule error', async () => {
    const draftId = seedDraft({
      currentStep: 'requester',
      answers: readyAnswers,
      rejection: refused([
        { field: 'requester_phone', message_id: 'error-portal-rule' },
        { field: 'requester_name', message_id: 'error-no-such-message' },
      ]),
    });
    const user = userEvent.setup();
    const first = show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    await waitFor(() => byId('error-requester_phone'));
    expect(byId('error-requester_name')).toHaveTextContent(vi_('error-portal-rule'));
    await user.clear(byId('field-requester_phone'));
    await user.type(byId('field-requester_phone'), '0987654321');
    await user.tab();
    await waitFor(() => expect(fakeDraft(draftId)?.answers['requester_phone']).toBe('0987654321'));
    first.unmount();
    cleanup();

    show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    await waitFor(() => byId('rejection-notice'));
    expect(document.getElementById('error-requester_phone')).toBeNull();
    expect(byId('error-requester_name')).toBeInTheDocument();
  });

  it('shows the errors on the check page too, and a new submission forgets them', async () => {
    const draftId = seedDraft({ currentStep: 'review', answers: readyAnswers, files: readyFiles, rejection: refused(problems) });
    const user = userEvent.setup();
    show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    await waitFor(() => byId('check-answers'));
    expect(byId('rejection-notice')).toBeInTheDocument();
    expect(byId('review-error-requester_phone')).toHaveTextContent(vi_('error-portal-rule'));
    await user.click(byId('submit'));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    expect(fakeDraft(draftId)?.rejection, 'the new submission forgets the refusal').toBeNull();
    expect(document.getElementById('rejection-notice')).toBeNull();
  });

  it('says why the portal refused a dossier that names no field, in its own words, and what to do next', async () => {
    const draftId = seedDraft({
      currentStep: 'review',
      answers: readyAnswers,
      rejection: { reason: 'portal-refused', detail: 'Hồ sơ đã được nộp trước đó', fields: [] },
    });
    show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    const notice = await waitFor(() => byId('rejection-notice'));
    expect(byId('rejection-notice-title')).toHaveTextContent(vi_('rejection-title-refused'));
    expect(byId('rejection-reason')).toHaveTextContent('Hồ sơ đã được nộp trước đó');
    expect(byId('rejection-reason'), 'the refusal names the hotline').toHaveTextContent('1800 1096');
    expect(notice).toHaveTextContent(vi_('rejection-next-step'));
  });
});

describe('errors from the back end', () => {
  it('shows an AppError through its Fluent id, with a retry', async () => {
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'open_draft') throw { code: 'procedure-not-found', args: { code: '9.999' } };
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    show({ draftId: 1, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    const alert = await screen.findByRole('alert');
    const expected = translate('vi', 'error-procedure-not-found', { code: '9.999' });
    expect(alert).toHaveTextContent(
      expected === 'error-procedure-not-found' ? vi_('common-error-unexpected') : expected,
    );
    expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });
});

describe('autosave', () => {
  it('says "saving" while the call is out and "saved at" only once it has resolved', async () => {
    const held: Array<{ resolve: () => void }> = [];
    invokeMock.mockImplementation(async (command, args) => {
      if (command !== 'save_answer') return fakeInvoke(command, args as Record<string, unknown>);
      const gate = deferred<void>();
      held.push({ resolve: () => gate.resolve() });
      await gate.promise;
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const { user, draftId } = await start();
    await user.type(byId('field-requester_name'), 'Nguyễn Văn An');
    expect(status()).toBe('Đang lưu…');
    await waitFor(() => expect(held).toHaveLength(1));
    // The call is out but has not come back: not "saved" yet, however long it takes.
    await new Promise((r) => setTimeout(r, 600));
    expect(status()).toBe('Đang lưu…');
    expect(fakeDraft(draftId)?.answers['requester_name']).toBeUndefined();
    held[0]!.resolve();
    await waitFor(() => expect(status()).toMatch(/^Đã lưu lúc \d{2}:\d{2}$/));
    expect([formatTime(new Date(Date.now() - 60_000)), formatTime(new Date())]).toContain(status().slice(-5));
    expect(fakeDraft(draftId)?.answers['requester_name']).toBe('Nguyễn Văn An');
  });

  it('sends one save at a time per draft, in the order of the changes', async () => {
    const held: Array<{ fieldId: string; resolve: () => void }> = [];
    let out = 0;
    let most = 0;
    invokeMock.mockImplementation(async (command, args) => {
      if (command !== 'save_answer') return fakeInvoke(command, args as Record<string, unknown>);
      out++;
      most = Math.max(most, out);
      const gate = deferred<void>();
      held.push({ fieldId: (args as SaveArgs).fieldId, resolve: () => gate.resolve() });
      await gate.promise;
      out--;
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const { user, draftId } = await start();
    await user.type(byId('field-requester_name'), 'Nguyễn Văn An');
    // Going to the next field saves the name at once (blur).
    await user.click(byId('field-requester_phone'));
    await waitFor(() => expect(held.map((h) => h.fieldId)).toEqual(['requester_name']));
    await user.type(byId('field-requester_phone'), '0912345678');
    await user.click(byId('field-requester_email'));
    await user.type(byId('field-requester_email'), 'an@example.vn');
    await new Promise((r) => setTimeout(r, 500));
    // The phone waits for the name's save to come back.
    expect(held.map((h) => h.fieldId)).toEqual(['requester_name']);
    expect(status()).toBe('Đang lưu…');
    held[0]!.resolve();
    await waitFor(() => expect(held.map((h) => h.fieldId)).toEqual(['requester_name', 'requester_phone']));
    held[1]!.resolve();
    await waitFor(() => expect(held).toHaveLength(3));
    expect(status()).toBe('Đang lưu…');
    held[2]!.resolve();
    await waitFor(() => expect(status()).toMatch(/^Đã lưu lúc/));
    expect(most).toBe(1);
    expect(saves().map((s) => [s.fieldId, s.answer])).toEqual([
      ['requester_name', 'Nguyễn Văn An'],
      ['requester_phone', '0912345678'],
      ['requester_email', 'an@example.vn'],
    ]);
    expect(fakeDraft(draftId)?.answers).toEqual({
      requester_name: 'Nguyễn Văn An',
      requester_phone: '0912345678',
      requester_email: 'an@example.vn',
    });
  });

  it('keeps one queue per draft when its interview is closed and opened again', async () => {
    const held: Array<{ fieldId: string; resolve: () => void }> = [];
    let out = 0;
    let most = 0;
    invokeMock.mockImplementation(async (command, args) => {
      if (command !== 'save_answer') return fakeInvoke(command, args as Record<string, unknown>);
      out++;
      most = Math.max(most, out);
      const gate = deferred<void>();
      held.push({ fieldId: (args as SaveArgs).fieldId, resolve: () => gate.resolve() });
      await gate.promise;
      out--;
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const { user, draftId } = await start();
    await user.type(byId('field-requester_name'), 'Nguyễn Văn An');
    cleanup();
    // Closing sent the name; its save is still out when the draft opens again.
    await waitFor(() => expect(held.map((h) => h.fieldId)).toEqual(['requester_name']));
    show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect(status()).toBe('Đang lưu…');
    await user.type(byId('field-requester_phone'), '0912345678');
    await user.tab();
    await new Promise((r) => setTimeout(r, 100));
    expect(held).toHaveLength(1);
    held[0]!.resolve();
    await waitFor(() => expect(held).toHaveLength(2));
    held[1]!.resolve();
    await waitFor(() => expect(status()).toMatch(/^Đã lưu lúc/));
    expect(most).toBe(1);
    expect(fakeDraft(draftId)?.answers).toEqual({ requester_name: 'Nguyễn Văn An', requester_phone: '0912345678' });
  });

  it('saves the last change before Next moves on', async () => {
    const { user, draftId } = await start();
    await fillFirstStep(user);
    await user.click(byId('next'));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    expect(fakeDraft(draftId)?.answers['requester_phone']).toBe('0912345678');
    await user.type(byId('field-child_birth_date'), '05/09/2025');
    await user.click(byId('back'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect(fakeDraft(draftId)?.answers['child_birth_date']).toBe('05/09/2025');
  });

  it('keeps the input and offers a retry when a save fails', async () => {
    let failing = true;
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'save_answer' && failing) throw { code: 'store-disk-full', args: {} };
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const { user, draftId } = await start();
    const name = byId<HTMLInputElement>('field-requester_name');
    await user.type(name, 'Nguyễn Văn An');
    await user.tab();
    const expected = translate('vi', 'error-store-disk-full');
    await waitFor(() => expect(status()).toContain(vi_('save-failed')));
    if (expected !== 'error-store-disk-full') expect(status()).toContain(expected);
    expect(name.value).toBe('Nguyễn Văn An');
    // Next does not move on with an unsaved answer.
    await user.click(byId('next'));
    await waitFor(() => expect(byId('save-retry')).toHaveFocus());
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Người đi đăng ký');

    failing = false;
    await user.click(within(byId('save-status')).getByRole('button', { name: 'Thử lại' }));
    await waitFor(() => expect(status()).toMatch(/^Đã lưu lúc/));
    expect(name.value).toBe('Nguyễn Văn An');
    expect(fakeDraft(draftId)?.answers['requester_name']).toBe('Nguyễn Văn An');
  });

  it('resumes at the saved step with every answer in place, and remembers the step', async () => {
    const { user, draftId } = await openDraftPage(
      {
        currentStep: 'child',
        answers: { requester_name: 'Nguyễn Văn An', requester_phone: '0912345678', child_sex: 'female' },
      },
      'Thông tin của trẻ',
    );
    expect(byId('field-child_sex-female')).toBeChecked();
    await user.click(byId('back'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect(byId<HTMLInputElement>('field-requester_name').value).toBe('Nguyễn Văn An');
    await waitFor(() => expect(positions()).toEqual(['requester']));
    expect(fakeDraft(draftId)?.currentStep).toBe('requester');
  });

  it('resumes on the check page when the draft was left there', async () => {
    const draftId = seedDraft({ currentStep: 'review', answers: { requester_name: 'Nguyễn Văn An' } });
    show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    await waitFor(() => byId('check-answers'));
    expect(byId('check-answers').querySelector('[data-answer="requester_name"] .value')).toHaveTextContent('Nguyễn Văn An');
    expect(positions()).toEqual([]);
  });
});

describe('profiles in the interview', () => {
  async function startFromProfile() {
    const profile = seedProfile('Tôi', { full_name: 'Nguyễn Văn An', phone: '0912345678' });
    const started = await openDraftPage({
      profileId: profile.id,
      answers: { requester_name: 'Nguyễn Văn An', requester_phone: '0912345678' },
      prefilled: ['requester_name', 'requester_phone'],
    });
    return { ...started, profile };
  }

  function badge(fieldId: string): Element | null {
    return document.querySelector(`[data-field="${fieldId}"] .prefilled-badge`);
  }

  it('marks the answers filled in from the profile', async () => {
    await startFromProfile();
    expect(badge('requester_name')).toHaveTextContent('Điền sẵn từ thông tin người khai đã lưu');
    expect(badge('requester_phone')).toHaveTextContent('Điền sẵn từ thông tin người khai đã lưu');
    expect(badge('requester_email')).toBeNull();
    expect(byId('field-requester_name').getAttribute('aria-describedby')?.split(' ')).toContain('prefilled-requester_name');
    expect(byId<HTMLInputElement>('field-requester_phone').value).toBe('0912345678');
    expect(document.querySelector('[data-update-profile]')).toBeNull();
  });

  it('offers to save a changed answer back into the profile', async () => {
    const { user, draftId, profile } = await startFromProfile();
    const phone = byId<HTMLInputElement>('field-requester_phone');
    await user.clear(phone);
    await user.type(phone, '0987654321');
    expect(badge('requester_phone')).toBeNull();
    expect(badge('requester_name')).not.toBeNull();
    await user.tab();
    const offer = await waitFor(() => {
      const button = document.querySelector<HTMLElement>('[data-update-profile="requester_phone"]');
      if (!button) throw new Error('no offer yet');
      return button;
    });
    expect(offer).toHaveTextContent('Lưu vào thông tin người khai');
    await user.click(offer);
    await waitFor(() => expect(badge('requester_phone')).not.toBeNull());
    expect(document.querySelector('[data-update-profile]')).toBeNull();
    expect(invokeMock).toHaveBeenCalledWith('update_profile_from_draft', {
      draftId,
      code: '1.001193',
      fieldId: 'requester_phone',
    });
    expect(fakeProfile(profile.id!)?.data.phone).toBe('0987654321');
    expect(badge('requester_phone')).toHaveFocus();
  });

  it('offers nothing when the draft was not filled from a profile', async () => {
    const { user } = await start();
    await user.type(byId('field-requester_phone'), '0912345678');
    await user.tab();
    await waitFor(() => expect(status()).toMatch(/^Đã lưu lúc/));
    expect(document.querySelector('[data-update-profile]')).toBeNull();
  });
});

describe('upgrade notice', () => {
  it('tells what changed and goes away once read', async () => {
    const { user, draftId } = await start({
      version: 1,
      notice: {
        from_version: 1,
        to_version: 2,
        removed: [{ vi: 'Số chứng minh nhân dân', en: 'Old ID card number' }],
        added: [
          { vi: 'Thư điện tử', en: 'E-mail' },
          { vi: 'Quốc tịch', en: 'Nationality' },
        ],
      },
    });
    const notice = byId('upgrade-notice');
    expect(notice).toHaveTextContent('Thủ tục đã được cập nhật (phiên bản 1 → 2).');
    expect(notice).toHaveTextContent('Các câu trả lời không còn dùng: Số chứng minh nhân dân.');
    expect(notice).toHaveTextContent('Câu hỏi mới cần trả lời: Thư điện tử; Quốc tịch.');
    expect(byId('upgrade-notice-title')).toHaveFocus();
    await user.click(within(notice).getByRole('button', { name: 'Đã hiểu' }));
    await waitFor(() => expect(document.getElementById('upgrade-notice')).toBeNull());
    expect(invokeMock).toHaveBeenCalledWith('dismiss_notice', { id: draftId });
    expect(fakeDraft(draftId)?.notice).toBeNull();
    expect(byId('page-heading')).toHaveFocus();
  });
});

describe('documents and attachments', () => {
  it('lists the documents under the fields, open while a file is missing', async () => {
    await start({ answers: { has_birth_certificate: true } });
    const panel = byId<HTMLDetailsElement>('documents-panel');
    expect(panel.tagName).toBe('DETAILS');
    expect(panel.open).toBe(true);
    expect(within(panel).getByText('Giấy tờ cần chuẩn bị')).toBeInTheDocument();
    expect(panel.querySelector('[data-document="giay_chung_sinh"]')).toHaveTextContent('PDF, JPEG, PNG; tối đa 10 MB');
    expect(panel.querySelector('[data-attach="giay_chung_sinh"]')).toHaveTextContent('Đính kèm tệp');
  });

  it('attaches a file from the native picker, shows a refusal, replaces and removes it', async () => {
    const { user, draftId } = await start({ answers: { has_birth_certificate: true } });
    pickNext('giay-chung-sinh.docx');
    await user.click(document.querySelector<HTMLElement>('[data-attach="giay_chung_sinh"]')!);
    const refusal = await waitFor(() => {
      const element = document.querySelector('[data-attach-error="giay_chung_sinh"]');
      if (!element) throw new Error('no error yet');
      return element;
    });
    expect(refusal, 'a refused file is announced at once').toHaveAttribute('role', 'alert');
    expect(refusal, 'the refusal says which kinds the document takes').toHaveTextContent(
      translate('vi', 'error-attachment-kind', { accepted: 'PDF, JPEG, PNG' }),
    );
    expect(invokeMock, 'the web view sends the picker label, never a path').toHaveBeenCalledWith('attach_file', {
      draftId,
      code: '1.001193',
      documentId: 'giay_chung_sinh',
      filterName: vi_('attach-filter-name'),
    });

    pickNext('giay-chung-sinh.pdf');
    await user.click(document.querySelector<HTMLElement>('[data-attach="giay_chung_sinh"]')!);
    const row = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-attachment="giay_chung_sinh"]');
      if (!element) throw new Error('not attached yet');
      return element;
    });
    expect(document.querySelector('[data-attach-error="giay_chung_sinh"]'), 'a good file clears the earlier refusal').toBeNull();
    expect(row, 'the attached file shows its name').toHaveTextContent('giay-chung-sinh.pdf');
    expect(row, 'and its kind and size').toHaveTextContent('PDF · 1 KB');
    expect(row.querySelector('svg.pdf-icon'), 'a PDF has an icon, not a thumbnail').not.toBeNull();
    expect(document.querySelector('[data-replace="giay_chung_sinh"]'), 'focus moves to the Replace button').toHaveFocus();

    // A closed picker changes nothing and gives focus back.
    pickNext(null);
    await user.click(document.querySelector<HTMLElement>('[data-replace="giay_chung_sinh"]')!);
    await waitFor(() => expect(document.querySelector('[data-replace="giay_chung_sinh"]'), 'the button is usable again').not.toBeDisabled());
    expect(invokeMock.mock.calls.filter(([c]) => c === 'attach_file'), 'one call per click, the picker included').toHaveLength(3);
    expect(document.querySelector('[data-attachment="giay_chung_sinh"]'), 'the earlier file stays').toHaveTextContent('giay-chung-sinh.pdf');
    expect(document.querySelector('[data-replace="giay_chung_sinh"]'), 'focus is back on the button clicked').toHaveFocus();
    expect(document.querySelector('[data-attach-error="giay_chung_sinh"]'), 'closing the picker is no error').toBeNull();

    await user.click(document.querySelector<HTMLElement>('[data-remove="giay_chung_sinh"]')!);
    await waitFor(() => expect(document.querySelector('[data-attachment="giay_chung_sinh"]')).toBeNull());
    expect(document.querySelector('[data-attach="giay_chung_sinh"]'), 'focus goes to Attach once the file is removed').toHaveFocus();
    expect(invokeMock.mock.calls.some(([c]) => c === 'remove_attachment'), 'the removal reached the store').toBe(true);
  });

  it('stays busy while the picker is open and the file is checked', async () => {
    const { user } = await start({ answers: { has_birth_certificate: true } });
    const picked = deferred<void>();
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'attach_file') await picked.promise;
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    pickNext('giay-chung-sinh.pdf');
    await user.click(document.querySelector<HTMLElement>('[data-attach="giay_chung_sinh"]')!);
    await waitFor(() =>
      expect(document.querySelector('[data-attach="giay_chung_sinh"]'), 'a second click cannot open a second picker').toBeDisabled(),
    );
    expect(screen.getByText(vi_('attach-busy')), 'the person is told to choose and wait').toBeInTheDocument();
    picked.resolve();
    await waitFor(() => expect(document.querySelector('[data-attachment="giay_chung_sinh"]'), 'the file is attached').not.toBeNull());
    expect(screen.queryByText(vi_('attach-busy')), 'the busy note goes once the file is saved').toBeNull();
  });

  it('shows a thumbnail of an image, and the files on the check page', async () => {
    const { user } = await openDraftPage(
      {
        currentStep: 'child',
        answers: { requester_name: 'Nguyễn Văn An', requester_phone: '0912345678', has_birth_certificate: true },
      },
      'Thông tin của trẻ',
    );
    await user.click(document.querySelector<HTMLElement>('[data-attach="giay_chung_sinh"]')!);
    const image = await screen.findByAltText('Ảnh thu nhỏ của tệp giay-chung-sinh.jpg');
    expect(image.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(document.querySelector('[data-attachment="giay_chung_sinh"]')).toHaveTextContent('JPEG · 1 KB');
    expect(invokeMock).toHaveBeenCalledWith('attachment_preview', expect.objectContaining({ id: expect.any(Number) }));
  });

  it('lists the files on the check page, with a button for each missing one', async () => {
    const draftId = seedDraft({ currentStep: 'review', answers: { has_birth_certificate: true, surrogacy: true } });
    pickNext('giay-chung-sinh.png');
    await fakeInvoke('attach_file', { draftId, code: '1.001193', documentId: 'giay_chung_sinh', filterName: 'Bản chụp' });
    const user = userEvent.setup();
    show({ draftId, onExit: vi.fn(), onHome: vi.fn(), onSubmitted });
    const list = await waitFor(() => byId('documents'));
    expect(within(byId('check-answers')).getByText('Giấy chứng sinh (bản chính)')).toBeInTheDocument();
    expect(list.querySelector('[data-attachment="giay_chung_sinh"]')).toHaveTextContent('giay-chung-sinh.png');
    expect(list.querySelector('[data-remove]')).toBeNull();
    expect(list.querySelector('[data-replace]')).toBeNull();
    pickNext('xac-nhan.pdf');
    await user.click(list.querySelector<HTMLElement>('[data-attach="xac_nhan_mang_thai_ho"]')!);
    await waitFor(() => expect(list.querySelector('[data-attachment="xac_nhan_mang_thai_ho"]')).toHaveTextContent('xac-nhan.pdf'));
  });
});
