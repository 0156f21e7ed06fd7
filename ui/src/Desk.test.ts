// Officer mode in the whole app, with only invoke() mocked: an officer's
// sign-in shows the desk in the header and opens the desk page, the desk is
// set through Rust's checks, and the audit log is checked and exported.
import { cleanup, render, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import App from './App.svelte';
import { translate } from './lib/fluent';
import { i18n } from './lib/i18n.svelte';
import {
  fakeDesk,
  fakeInvoke,
  fakeSaveDialog,
  resetFakeBackend,
  seedDossier,
  seedDraft,
  setFakeAuditCheck,
} from './test/fake-backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn(async () => () => {}) }));
const invokeMock = vi.mocked(invoke);

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not in the page`);
  return element;
}

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockImplementation((command, args) => fakeInvoke(command, args as Record<string, unknown>));
  resetFakeBackend();
  localStorage.clear();
  i18n.locale = 'vi';
});

afterEach(() => cleanup());

/** Renders the app and signs the officer in from the header's chooser. */
async function officerSignedIn(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  render(App);
  await user.click(await waitFor(() => byId('sign-out')));
  await user.click(await waitFor(() => byId('sign-in')));
  const officer = await waitFor(() => document.querySelector<HTMLElement>('[data-account="can-bo"]') ?? byId('none'));
  expect(officer).toHaveTextContent('Lê Thị Hoa (cán bộ một cửa)');
  await user.click(officer);
  await waitFor(() => expect(byId('account')).toHaveTextContent('Lê Thị Hoa'));
}

describe('officer mode', () => {
  it('shows only for an officer, and asks for the desk until it is set', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(byId('account')).toHaveTextContent('Nguyễn Văn An'));
    expect(document.getElementById('nav-desk'), 'a citizen has no desk').toBeNull();
    expect(document.getElementById('desk-line')).toBeNull();
    cleanup();

    await officerSignedIn(user);
    expect(byId('nav-desk')).toHaveTextContent('Quầy một cửa');
    expect(document.querySelector('.account-label')).toHaveTextContent('Cán bộ một cửa:');
    const setUp = await waitFor(() => byId('desk-set-up'));
    expect(setUp).toHaveTextContent('Chưa thiết lập quầy');
    await user.click(setUp);
    await waitFor(() => expect(byId('desk-name')).toHaveFocus());
  });

  it('sets the desk through Rust’s checks and names it in the header', async () => {
    const user = userEvent.setup();
    await officerSignedIn(user);
    await user.click(byId('nav-desk'));
    await waitFor(() => expect(byId('desk-name')).toHaveFocus());

    await user.click(byId('desk-save'));
    const error = await waitFor(() => byId('desk-error'));
    expect(error).toHaveTextContent('Vui lòng nhập tên đơn vị tiếp nhận (từ 2 đến 150 ký tự).');
    expect(byId('desk-name')).toHaveAttribute('aria-invalid', 'true');
    expect(fakeDesk()).toBeNull();

    await user.type(byId('desk-name'), '  Bộ phận Một cửa UBND phường Ba Đình ');
    await user.click(byId('desk-save'));
    await waitFor(() => expect(byId('desk-error')).toHaveTextContent('Vui lòng chọn tỉnh, thành phố trong danh sách.'));
    expect(byId('desk-province')).toHaveAttribute('aria-invalid', 'true');

    await user.selectOptions(byId('desk-province'), '01');
    await waitFor(() => expect(byId('desk-commune').querySelectorAll('option').length).toBeGreaterThan(100));
    await user.selectOptions(byId('desk-commune'), '00004');
    await user.click(byId('desk-save'));

    const summary = await waitFor(() => byId('desk-summary'));
    expect(summary).toHaveTextContent('Bộ phận Một cửa UBND phường Ba Đình');
    expect(summary).toHaveTextContent('Phường Ba Đình, Thành phố Hà Nội');
    expect(byId('desk-edit')).toHaveFocus();
    expect(byId('desk-name-shown')).toHaveTextContent('Bộ phận Một cửa UBND phường Ba Đình');
    expect(fakeDesk()?.commune).toBe('00004');

    // Editing keeps what was set.
    await user.click(byId('desk-edit'));
    expect(byId('desk-name')).toHaveValue('Bộ phận Một cửa UBND phường Ba Đình');
    expect(byId('desk-province')).toHaveValue('01');
    await user.click(byId('desk-cancel'));
    expect(byId('desk-summary')).toBeInTheDocument();
  });

  it('checks the audit log and says what it found, and exports it', async () => {
    const user = userEvent.setup();
    await officerSignedIn(user);
    await user.click(byId('nav-desk'));
    setFakeAuditCheck({ entries: 1234, problem: null });
    await user.click(await waitFor(() => byId('audit-check')));
    await waitFor(() =>
      expect(byId('audit-result')).toHaveTextContent(translate('vi', 'audit-intact', { entries: 1234 })),
    );
    expect(byId('audit-result')).toHaveTextContent('1.234 mục');

    setFakeAuditCheck({ entries: 40, problem: { kind: 'changed', id: 17, at: '2026-12-07T08:00:00.000Z' } });
    await user.click(byId('audit-check'));
    await waitFor(() => expect(byId('audit-result')).toHaveTextContent('đã bị sửa ở mục số 17.'));
    expect(byId('audit-result')).toHaveClass('alert');

    setFakeAuditCheck({ entries: 38, problem: { kind: 'truncated', sealed: 40, found: 38 } });
    await user.click(byId('audit-check'));
    await waitFor(() => expect(byId('audit-result')).toHaveTextContent('đã bị xóa mất 2 mục cuối.'));

    await user.click(byId('audit-export'));
    await waitFor(() => expect(byId('audit-exported')).toHaveTextContent('Đã lưu tệp nhật ký.'));
    fakeSaveDialog(false);
    await user.click(byId('audit-export'));
    await waitFor(() => expect(document.getElementById('audit-exported')).toBeNull());
  });

  it('tells a citizen the page is for officers', async () => {
    const user = userEvent.setup();
    await officerSignedIn(user);
    await user.click(byId('nav-desk'));
    await user.click(byId('sign-out'));
    await waitFor(() => expect(byId('desk-officer-only')).toBeInTheDocument());
    expect(document.getElementById('nav-desk')).toBeNull();
  });

  it('prints the receipt slip of a dossier filed from this PC once the desk is set', async () => {
    const user = userEvent.setup();
    const draftId = seedDraft({ answers: { requester_name: 'Nguyễn Văn An' } });
    seedDossier({ draftId, code: 'X01-20261207-0001' });
    seedDossier({ code: 'X01-20261207-0002', person: 'Phạm Thị Mai' });
    render(App);
    await user.click(await waitFor(() => byId('nav-submissions')));
    await waitFor(() => expect(document.querySelector('[data-dossier="X01-20261207-0001"]')).not.toBeNull());
    expect(document.querySelector('[data-save-slip]'), 'a citizen prints no desk slip').toBeNull();
    cleanup();

    await officerSignedIn(user);
    await user.click(byId('nav-submissions'));
    const slip = await waitFor(() => document.querySelector<HTMLElement>('[data-save-slip="X01-20261207-0001"]') ?? byId('none'));
    expect(slip).toHaveTextContent('In giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF) của hồ sơ X01-20261207-0001');
    expect(document.querySelector('[data-save-slip="X01-20261207-0002"]'), 'only for a dossier filed here').toBeNull();
    await user.click(slip);
    await waitFor(() =>
      expect(document.querySelector('[data-slip-error="X01-20261207-0001"]')).toHaveTextContent('Chưa thiết lập quầy.'),
    );

    await user.click(byId('nav-desk'));
    await user.type(await waitFor(() => byId('desk-name')), 'Trung tâm Phục vụ hành chính công tỉnh');
    await user.selectOptions(byId('desk-province'), '01');
    await user.click(byId('desk-save'));
    await waitFor(() => byId('desk-summary'));
    await user.click(byId('nav-submissions'));
    await user.click(await waitFor(() => document.querySelector<HTMLElement>('[data-save-slip="X01-20261207-0001"]') ?? byId('none')));
    await waitFor(() => expect(document.body).toHaveTextContent('Đã lưu giấy tiếp nhận của hồ sơ X01-20261207-0001.'));
  });

  it('serves citizens one at a time: identity checked by Rust, consent required, paused and ended', async () => {
    const user = userEvent.setup();
    await officerSignedIn(user);
    await waitFor(() => expect(byId('serving-none')).toHaveTextContent('Chưa tiếp công dân nào'));
    await user.click(byId('nav-sessions'));
    await waitFor(() => expect(byId('session-consent')).toHaveTextContent('Luật Bảo vệ dữ liệu cá nhân'));

    await user.type(byId('session-full_name'), 'An');
    await user.type(byId('session-citizen_id'), '12345');
    await user.type(byId('session-birth_date'), '31/02/1990');
    await user.click(byId('session-start'));
    await waitFor(() => expect(byId('session-error')).toHaveTextContent('Vui lòng kiểm tra lại thông tin của công dân.'));
    for (const meaning of ['full_name', 'citizen_id', 'birth_date']) {
      expect(byId(`session-${meaning}`)).toHaveAttribute('aria-invalid', 'true');
      expect(byId(`session-problem-${meaning}`).textContent?.trim()).not.toBe('');
    }

    await user.clear(byId('session-full_name'));
    await user.type(byId('session-full_name'), 'Nguyễn Văn An');
    await user.clear(byId('session-citizen_id'));
    await user.type(byId('session-citizen_id'), '001090012345');
    await user.clear(byId('session-birth_date'));
    await user.type(byId('session-birth_date'), '01/02/1990');
    await user.click(byId('session-start'));
    await waitFor(() => expect(byId('session-error')).toHaveTextContent('Cần có sự đồng ý của công dân'));
    await user.click(byId('session-consented'));
    await user.click(byId('session-start'));

    await waitFor(() => expect(byId('serving-name')).toHaveTextContent('Nguyễn Văn An'));
    expect(document.querySelector('[data-procedure]'), 'the officer goes on to find the procedure').not.toBeNull();

    await user.click(byId('nav-sessions'));
    const session = await waitFor(() => document.querySelector<HTMLElement>('[data-session]') ?? byId('none'));
    expect(session).toHaveTextContent('Nguyễn Văn An');
    expect(session).toHaveTextContent('số định danh …2345');
    expect(session).not.toHaveTextContent('001090012345');
    expect(session).toHaveTextContent('Đang phục vụ');
    await user.click(session.querySelector<HTMLElement>('[data-pause]') ?? byId('none'));
    await waitFor(() => expect(byId('serving-none')).toBeInTheDocument());
    expect(session).toHaveTextContent('Tạm dừng');

    await user.click(session.querySelector<HTMLElement>('[data-end]') ?? byId('none'));
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]') ?? byId('none'));
    expect(dialog).toHaveTextContent('Kết thúc phiên của Nguyễn Văn An?');
    await user.click([...dialog.querySelectorAll('button')].find((b) => b.textContent?.includes('Kết thúc và xóa dữ liệu')) ?? byId('none'));
    await waitFor(() => expect(document.querySelector('[data-session]')).toHaveTextContent('Đã kết thúc và đã xóa dữ liệu khỏi máy'));
    expect(document.querySelector('[data-session]')).not.toHaveTextContent('Nguyễn Văn An');
  });
});
