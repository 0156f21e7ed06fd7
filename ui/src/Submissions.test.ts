// Submitting to the portal and following dossiers, with only invoke() and
// listen() mocked: the header (training mode, connection, account),
// "Nộp hồ sơ", the submissions screen, the sync notices and drafts the
// portal sent back.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import App from './App.svelte';
import { translate } from './lib/fluent';
import { formatDateTime } from './lib/format';
import { i18n } from './lib/i18n.svelte';
import {
  answerFeedback,
  askSupplement,
  CERTIFIED_COPY,
  certifiedCopyAnswers,
  deliverAction,
  issueResult,
  openedResults,
  pickNext,
  refuseAction,
  changeDossierStatus,
  changeDueDate,
  confirmPayment,
  deliverQueued,
  fakeDraft,
  fakeInvoke,
  fakeLastChannel,
  readyAnswers,
  seedOfficerServing,
  readyFiles,
  rejectQueued,
  requestPayment,
  resetFakeBackend,
  seedDossier,
  seedDraft,
  seedQueued,
  setFakePortal,
} from './test/fake-backend';
import type { SyncNotice } from './lib/types';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

const vi_ = (id: string, args?: Record<string, string | number>) => translate('vi', id, args);

// The `sync` listeners the app registered, to send notices as the shell would.
const listeners = new Set<(event: { event: string; id: number; payload: unknown }) => void>();

function emitSync(notice: SyncNotice): void {
  for (const listener of [...listeners]) listener({ event: 'sync-notice', id: 1, payload: notice });
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not in the page`);
  return element;
}

function element(selector: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} is not in the page`);
  return found;
}

function text(selector: string): string {
  return element(selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockImplementation((command, args) => fakeInvoke(command, args as Record<string, unknown>));
  listeners.clear();
  listenMock.mockReset();
  listenMock.mockImplementation(async (name, handler) => {
    expect(name).toBe('sync-notice');
    const listener = handler as (event: { event: string; id: number; payload: unknown }) => void;
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  resetFakeBackend();
  localStorage.clear();
  i18n.locale = 'vi';
});

afterEach(() => {
  vi.useRealTimers();
});

/** Starts the app and waits for the header to know the portal and the sync listener to be there. */
async function startApp() {
  const user = userEvent.setup();
  render(App);
  await waitFor(() => byId('connection'));
  await waitFor(() => expect(listeners.size).toBe(1));
  return user;
}

/** Starts the app with a draft left on its check page, and opens it from the home page. */
async function startOnCheckPage(answers = readyAnswers, files = readyFiles, code = '1.001193') {
  const id = seedDraft({ code, currentStep: 'review', answers, files });
  const user = await startApp();
  await user.click(await waitFor(() => element(`[data-resume="${id}"]`)));
  await waitFor(() => byId('check-answers'));
  return { user, id };
}

describe('submitting as an officer', () => {
  it('asks how the dossier was received and sends it with the submission', async () => {
    seedOfficerServing('Nguyễn Văn An');
    const { user } = await startOnCheckPage();
    await waitFor(() => expect(byId('serving-name')).toHaveTextContent('Nguyễn Văn An'));
    const channel = byId('submit-channel');
    expect(channel).toHaveTextContent('Hình thức tiếp nhận');
    expect(byId('submit-channel-desk')).toBeChecked();
    await user.click(byId('submit-channel-online'));
    await user.click(byId('submit'));
    await waitFor(() => expect(fakeLastChannel()).toBe('online'));
  });

  it('shows no channel to a citizen, whose submission names the desk channel Rust ignores', async () => {
    const { user } = await startOnCheckPage();
    expect(document.getElementById('submit-channel')).toBeNull();
    await user.click(byId('submit'));
    await waitFor(() => expect(fakeLastChannel()).toBe('desk'));
  });
});

describe('the header', () => {
  it('shows training mode, the connection and the account on every screen', async () => {
    const user = await startApp();
    const badge = byId('training-badge');
    expect(badge).toHaveTextContent('Chế độ tập huấn');
    expect(badge).toHaveAttribute('title', vi_('portal-training-help'));
    // The explanation opens from the keyboard too.
    expect(byId('training-help')).not.toBeVisible();
    await user.click(badge);
    expect(badge).toHaveAttribute('aria-expanded', 'true');
    expect(byId('training-help')).toBeVisible();
    expect(byId('training-help')).toHaveTextContent('không có giá trị pháp lý');
    expect(byId('training-help'), 'who the signed-in person is').toHaveTextContent('người dân giả định');
    expect(element('.account-label')).toHaveTextContent('Tài khoản tập huấn:');

    expect(byId('connection')).toHaveTextContent('Đã kết nối');
    expect(byId('connection').querySelector('svg')).not.toBeNull();
    expect(byId('account')).toHaveTextContent('Nguyễn Văn An');
    expect(byId('nav-submissions')).toHaveTextContent('Hồ sơ đã nộp');

    await user.click(byId('nav-profiles'));
    await waitFor(() => byId('profiles'));
    expect(byId('training-badge')).toBeInTheDocument();
    expect(byId('connection')).toBeInTheDocument();
  });

  it('shows no training badge with a real portal', async () => {
    setFakePortal({ training: false });
    await startApp();
    expect(document.getElementById('training-badge')).toBeNull();
    expect(element('.account-label')).toHaveTextContent(/^Tài khoản:$/);
  });

  it('signs out, then in with a test account chosen from a list', async () => {
    const user = await startApp();
    await user.click(byId('sign-out'));
    await waitFor(() => expect(byId('account')).toHaveTextContent('Chưa đăng nhập'));
    expect(invokeMock).toHaveBeenCalledWith('sign_out');
    expect(byId('sign-in')).toHaveFocus();

    await user.click(byId('sign-in'));
    const chooser = byId('sign-in-chooser');
    expect(byId('sign-in')).toHaveAttribute('aria-expanded', 'true');
    const choices = [...chooser.querySelectorAll('[data-account]')];
    expect(choices.map((c) => c.getAttribute('data-account'))).toEqual(['cong-dan', 'cong-dan-2', 'can-bo']);
    expect(choices[0]).toHaveFocus();
    // Esc closes it and gives the focus back.
    await user.keyboard('{Escape}');
    expect(document.getElementById('sign-in-chooser')).toBeNull();
    expect(byId('sign-in')).toHaveFocus();

    await user.click(byId('sign-in'));
    await user.click(element('[data-account="cong-dan-2"]'));
    await waitFor(() => expect(byId('account')).toHaveTextContent('Phạm Thị Mai'));
    expect(invokeMock).toHaveBeenCalledWith('sign_in', { account: 'cong-dan-2' });
    expect(document.getElementById('sign-in-chooser')).toBeNull();
    await waitFor(() => expect(byId('sign-out')).toHaveFocus());
    const live = element('header [aria-live="polite"]');
    expect(live).toHaveTextContent('Đã đăng nhập bằng tài khoản Phạm Thị Mai.');
    await user.selectOptions(byId('language'), 'en');
    expect(live, 'the announcement follows the language').toHaveTextContent('Signed in as Phạm Thị Mai.');
  });

  it('shows why signing in failed', async () => {
    setFakePortal({ account: null, online: false });
    const user = await startApp();
    expect(byId('account')).toHaveTextContent('Chưa đăng nhập');
    expect(byId('connection')).toHaveTextContent('Mất kết nối');
    await user.click(byId('sign-in'));
    await user.click(element('[data-account="cong-dan"]'));
    const alert = await within(byId('sign-in-chooser')).findByRole('alert');
    expect(alert).toHaveTextContent(vi_('error-portal-offline'));
  });

  it('says test accounts sign in only in training mode', async () => {
    setFakePortal({ account: null, training: false });
    const user = await startApp();
    await user.click(byId('sign-in'));
    await user.click(element('[data-account="cong-dan"]'));
    const alert = await within(byId('sign-in-chooser')).findByRole('alert');
    expect(alert, 'a real portal refuses test accounts with a message that says why').toHaveTextContent(vi_('error-not-training'));
    expect(byId('account'), 'nobody is signed in').toHaveTextContent('Chưa đăng nhập');
  });

  it('follows the connection from the online notices, without a message', async () => {
    await startApp();
    expect(byId('connection')).toHaveTextContent('Đã kết nối');
    emitSync({ kind: 'online', online: false });
    await waitFor(() => expect(byId('connection')).toHaveTextContent('Mất kết nối'));
    expect(byId('connection')).toHaveClass('offline');
    emitSync({ kind: 'online', online: true });
    await waitFor(() => expect(byId('connection')).toHaveTextContent('Đã kết nối'));
    expect(document.getElementById('toast')).toBeNull();
  });
});

describe('submitting', () => {
  it('lists what is still to give after a submission the portal takes without a document', async () => {
    const { user } = await startOnCheckPage(certifiedCopyAnswers, [], CERTIFIED_COPY);
    await user.click(byId('submit'));
    await waitFor(() => byId('submit-result'));
    const todo = byId('to-follow');
    expect(todo).toHaveTextContent(vi_('submit-result-to-follow'));
    expect(within(todo).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Bản chính giấy tờ, văn bản cần chứng thực bản sao',
    ]);
  });

  it('submits from the check page and says the dossier is on its way', async () => {
    const { user, id } = await startOnCheckPage();
    expect(byId('submit')).toHaveTextContent('Nộp hồ sơ');
    expect(byId('ready-message')).toHaveTextContent(vi_('review-training'));
    await user.click(byId('submit'));

    const result = await waitFor(() => byId('submit-result'));
    expect(document.getElementById('to-follow'), 'nothing is left to give').toBeNull();
    expect(invokeMock).toHaveBeenCalledWith('submit_draft', { draftId: id, channel: 'desk' });
    expect(result).toHaveTextContent('Hồ sơ đang được gửi lên Cổng Dịch vụ công. (chế độ tập huấn)');
    expect(result).toHaveFocus();
    const page = byId('submissions');
    expect(within(page).getByRole('heading', { level: 1 })).toHaveTextContent('Hồ sơ đã nộp');
    const queued = await waitFor(() => element('[data-queued]'));
    expect(queued).toHaveTextContent('Đăng ký khai sinh');
    expect(queued).toHaveTextContent('Người khai: Nguyễn Văn An');
    expect(queued).toHaveTextContent('Đang chờ gửi');
    expect(queued).not.toHaveTextContent('đã thử');
    expect(queued.textContent).toMatch(/Lần gửi tiếp theo: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(fakeDraft(id)?.submittedAt).not.toBeNull();

    // The submitted draft has left the drafts list.
    await user.click(byId('submissions-back-home'));
    await waitFor(() => expect(document.querySelectorAll('[data-procedure]').length).toBeGreaterThan(0));
    expect(document.querySelector(`[data-draft="${id}"]`)).toBeNull();
  });

  it('says the dossier waits on this machine when the portal cannot be reached', async () => {
    setFakePortal({ online: false, training: false });
    const { user } = await startOnCheckPage();
    expect(byId('connection')).toHaveTextContent('Mất kết nối');
    await user.click(byId('submit'));
    const result = await waitFor(() => byId('submit-result'));
    expect(result).toHaveTextContent(
      'Chưa có kết nối. Hồ sơ đã được lưu trên máy và sẽ tự động gửi khi có kết nối trở lại.',
    );
    expect(result).not.toHaveTextContent('(chế độ tập huấn)');
    await waitFor(() => element('[data-queued]'));
    expect(byId('connection')).toHaveTextContent('Mất kết nối');
  });

  it('adds the training mark to the offline message', async () => {
    setFakePortal({ online: false });
    const { user } = await startOnCheckPage();
    await user.click(byId('submit'));
    const result = await waitFor(() => byId('submit-result'));
    expect(result).toHaveTextContent(`${vi_('submit-result-offline')} (chế độ tập huấn)`);
  });

  it('signed out, says one thing: the dossier waits for a sign-in, with the button to do it', async () => {
    setFakePortal({ account: null });
    const { user } = await startOnCheckPage();
    expect(byId('signed-out-warning'), 'the check page warns before submitting').toHaveTextContent(vi_('review-signed-out'));
    await user.click(byId('submit'));

    const result = await waitFor(() => byId('submit-result'));
    expect(result).toHaveTextContent(`${vi_('submit-result-signed-out')} (chế độ tập huấn)`);
    expect(result, 'not also "on its way"').not.toHaveTextContent(vi_('submit-result-online'));
    const queued = await waitFor(() => element('[data-queued]'));
    expect(queued).toHaveTextContent(vi_('submissions-waiting-sign-in'));
    expect(queued.textContent, 'no next attempt while no one is signed in').not.toContain('Lần gửi tiếp theo');

    await user.click(byId('result-sign-in'));
    const chooser = await waitFor(() => byId('sign-in-chooser'));
    await user.click(within(chooser).getAllByRole('button')[0]!);
    await waitFor(() => expect(element('[data-queued]')).toHaveTextContent(vi_('submissions-waiting')));
    expect(byId('submit-result')).toHaveTextContent(vi_('submit-result-online'));
  });

  it('keeps the explanation and a disabled button when the draft is not ready', async () => {
    await startOnCheckPage({ requester_name: 'Nguyễn Văn An' });
    expect(byId('submit')).toBeDisabled();
    expect(byId('submit')).toHaveAttribute('aria-describedby', 'finish-explanation');
    expect(byId('finish-explanation')).toHaveTextContent(vi_('review-not-ready'));
  });
});

describe('a result that is ready', () => {
  it('says where to collect it, and shows what was submitted, read only', async () => {
    const draftId = seedDraft({ answers: readyAnswers, files: readyFiles, submittedAt: '2025-09-05T07:00:00Z' });
    seedDossier({
      draftId,
      code: 'X01-20261129-0001',
      history: [
        { status: 'submitted', at: '2026-11-29T01:05:00Z', note: null },
        { status: 'result_ready', at: '2026-11-29T08:00:00Z', note: 'Mời nhận trích lục khai sinh.' },
      ],
    });
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    const next = await waitFor(() => element('[data-next-step="X01-20261129-0001"]'));
    await waitFor(() => expect(next).toHaveTextContent('Ủy ban nhân dân cấp xã nơi cư trú'));
    expect(next).toHaveTextContent('Việc tiếp theo: kết quả đã sẵn sàng.');

    await user.click(element('[data-show-sent="X01-20261129-0001"]'));
    const page = await waitFor(() => byId('sent-answers'));
    expect(within(page).getByRole('heading', { level: 1 })).toHaveTextContent('Thông tin đã nộp trong hồ sơ X01-20261129-0001');
    await waitFor(() => expect(page.querySelector('[data-answer="requester_name"] .value')).toHaveTextContent('Nguyễn Văn An'));
    expect(page.querySelector('[data-change]'), 'nothing can be changed').toBeNull();
    expect(page.querySelector('[data-document="giay_chung_sinh"]')).toHaveTextContent('Đã gửi tệp: giay_chung_sinh.pdf');
    await user.click(byId('sent-back'));
    await waitFor(() => element('[data-dossier="X01-20261129-0001"]'));
  });
});

describe('the submissions screen', () => {
  it('says when nothing was submitted', async () => {
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    const empty = await waitFor(() => byId('submissions-empty'));
    expect(empty).toHaveTextContent('Bạn chưa nộp hồ sơ nào từ máy này.');
    expect(within(byId('submissions')).getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('lists the queued submissions first, then each dossier with its code, status, due day and dated timeline', async () => {
    const waiting = seedDraft({ answers: { requester_name: 'Trần Thị Bình' } });
    const outboxId = seedQueued(waiting, 3);
    const history = [
      { status: 'submitted' as const, at: '2026-11-29T01:05:00Z', note: null },
      { status: 'received' as const, at: '2026-11-29T03:30:00Z', note: 'Đã nhận đủ giấy tờ', handler: 'Lê Thị Hoa, Bộ phận Một cửa' },
      { status: 'supplement_required' as const, at: '2026-11-30T09:00:00Z', note: 'Bổ sung bản sao giấy chứng sinh' },
    ];
    const changes = [
      { at: '2026-11-29T03:30:01Z', from: null, to: '2026-12-04', reason: null, apology: false },
      { at: '2026-12-03T08:00:00Z', from: '2026-12-04', to: '2026-12-09', reason: 'Cần xác minh thêm nơi sinh', apology: true },
    ];
    seedDossier({ code: 'X01-20261129-0001', person: 'Nguyễn Văn An', history, fee: 0, due: { date: '2026-12-09', changes } });
    const user = await startApp();
    await user.click(byId('nav-submissions'));

    const queued = await waitFor(() => element(`[data-queued="${outboxId}"]`));
    expect(queued).toHaveTextContent('Người khai: Trần Thị Bình');
    expect(queued).toHaveTextContent('Đang chờ gửi, đã thử 3 lần');
    const dossier = element('[data-dossier="X01-20261129-0001"]');
    expect(dossier.tagName).toBe('ARTICLE');
    // Queued first.
    expect(queued.compareDocumentPosition(dossier) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(dossier).getByRole('heading', { level: 3 })).toHaveTextContent('Mã hồ sơ: X01-20261129-0001');
    expect(dossier).toHaveAccessibleName('Mã hồ sơ: X01-20261129-0001');
    expect(dossier).toHaveTextContent('Đăng ký khai sinh');
    expect(dossier).toHaveTextContent('Người khai: Nguyễn Văn An');
    // The status in the national portal's words.
    expect(dossier.querySelector('[data-status]')).toHaveTextContent('Yêu cầu bổ sung giấy tờ');
    expect(dossier.querySelector('[data-due]')).toHaveTextContent('Ngày hẹn trả kết quả: 09/12/2026');
    expect(dossier).toHaveTextContent('Phí, lệ phí: Miễn phí');

    const timeline = element('[data-dossier="X01-20261129-0001"] [data-timeline]');
    expect(timeline.tagName).toBe('OL');
    const entries = [...timeline.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    // The steps and the changes of the due day, in the order they happened.
    expect(entries).toEqual([
      `${formatDateTime(history[0]!.at)} Mới đăng ký`,
      `${formatDateTime(history[1]!.at)} Được tiếp nhận Người xử lý: Lê Thị Hoa, Bộ phận Một cửa Ghi chú của cơ quan giải quyết: Đã nhận đủ giấy tờ`,
      `${formatDateTime(changes[0]!.at)} Hẹn trả kết quả ngày 04/12/2026`,
      `${formatDateTime(history[2]!.at)} Yêu cầu bổ sung giấy tờ Ghi chú của cơ quan giải quyết: Bổ sung bản sao giấy chứng sinh`,
      `${formatDateTime(changes[1]!.at)} Ngày hẹn trả đổi từ 04/12/2026 sang 09/12/2026 ` +
        'Cơ quan giải quyết đã gửi thư xin lỗi và hẹn lại ngày trả kết quả. Lý do: Cần xác minh thêm nơi sinh',
    ]);
    expect(timeline.querySelector('[data-due-change="2026-12-09"] [data-apology]'), 'the apology letter shows as such').not.toBeNull();
    expect(entries[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} /);
    expect(timeline.querySelector('time')).toHaveAttribute('datetime', history[0]!.at);
  });

  it('shows the dossier history oldest first even when it comes in another order', async () => {
    seedDossier({
      code: 'X01-20261129-0002',
      history: [
        { status: 'received', at: '2026-11-29T03:30:00Z', note: null },
        { status: 'submitted', at: '2026-11-29T01:05:00Z', note: null },
      ],
    });
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    const timeline = await waitFor(() => element('[data-dossier="X01-20261129-0002"] [data-timeline]'));
    expect([...timeline.querySelectorAll('[data-history]')].map((li) => li.getAttribute('data-history'))).toEqual([
      'submitted',
      'received',
    ]);
  });

  it('shows a failed read with a retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'list_submissions' && fail) throw { code: 'store-locked', args: {} };
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    const alert = await within(byId('submissions')).findByRole('alert');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    await waitFor(() => byId('submissions-empty'));
  });
});

describe('notices from the sync worker', () => {
  it('on delivery, says the code once, in the message of the submission, and lists the dossier instead of the queued one', async () => {
    const { user, id } = await startOnCheckPage();
    await user.click(byId('submit'));
    await waitFor(() => element('[data-queued]'));

    const notice = deliverQueued();
    // The list is read again after the notice; until then the notice alone says it went.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'list_submissions') await held;
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    emitSync(notice);
    await waitFor(() => expect(byId('submit-result')).toHaveTextContent(notice.code));
    expect(document.querySelector('[data-queued]'), 'a confirmed submission waits no more, even before the list is read').toBeNull();
    release();
    await waitFor(() => element(`[data-dossier="${notice.code}"]`));
    expect(document.querySelector('[data-queued]')).toBeNull();
    expect(byId('submissions')).not.toHaveTextContent('Đang chờ gửi');
    expect(text(`[data-dossier="${notice.code}"] [data-status]`)).toBe('Mới đăng ký');
    // The message of the submission now says where it went, and is announced.
    const result = byId('submit-result');
    expect(result).toHaveTextContent(`Hồ sơ đã được gửi. Mã hồ sơ: ${notice.code}`);
    expect(result).toHaveAttribute('role', 'status');
    expect(document.getElementById('toast'), 'no toast repeats it').toBeNull();
    expect(notice.draft_id).toBe(id);
  });

  it('shows how far the files have gone, says when one stalled, and reads nothing again for it', async () => {
    const waiting = seedDraft({ answers: { requester_name: 'Trần Thị Bình' } });
    const outboxId = seedQueued(waiting, 0);
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    const queued = await waitFor(() => element(`[data-queued="${outboxId}"]`));
    const reads = () => invokeMock.mock.calls.filter(([command]) => command === 'list_submissions').length;
    const before = reads();

    emitSync({ kind: 'upload', draft_id: waiting, file: 2, files: 4, sent: 3_250_586, total: 10 * 1024 * 1024, stalled: false });
    const line = await waitFor(() => within(queued).getByText(/Đang gửi tệp/));
    expect(line).toHaveTextContent('Đang gửi tệp 2/4 — 3,1 MB/10 MB');
    const bar = within(queued).getByRole('progressbar', { name: vi_('upload-progress-label') });
    expect(bar).toHaveAttribute('value', '3250586');
    expect(bar).toHaveAttribute('max', String(10 * 1024 * 1024));

    emitSync({ kind: 'upload', draft_id: waiting, file: 2, files: 4, sent: 3_250_586, total: 10 * 1024 * 1024, stalled: true });
    await waitFor(() => expect(queued).toHaveTextContent(vi_('upload-stalled', { file: 2, files: 4 })));
    expect(reads(), 'progress notices do not read the submissions again').toBe(before);
  });

  it('on delivery while the person is elsewhere, tells the code in a message', async () => {
    const { user } = await startOnCheckPage();
    await user.click(byId('submit'));
    await waitFor(() => element('[data-queued]'));
    await user.click(byId('submissions-back-home'));
    await waitFor(() => byId('search'));

    const notice = deliverQueued();
    emitSync(notice);
    const toast = await waitFor(() => byId('toast'));
    expect(toast).toHaveTextContent(`Hồ sơ đã được gửi. Mã hồ sơ: ${notice.code}`);
    expect(toast.closest('[aria-live="polite"]')).not.toBeNull();
  });

  it('on a status change, tells the new status with the note and updates the timeline', async () => {
    seedDossier({ code: 'X01-20261129-0001', history: [{ status: 'submitted', at: '2026-11-29T01:05:00Z', note: null }] });
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    await waitFor(() => element('[data-dossier="X01-20261129-0001"]'));

    emitSync(changeDossierStatus('X01-20261129-0001', 'received', 'Đã nhận đủ giấy tờ'));
    const toast = await waitFor(() => byId('toast'));
    expect(toast).toHaveTextContent('Hồ sơ X01-20261129-0001: Được tiếp nhận');
    expect(toast).toHaveTextContent('Đã nhận đủ giấy tờ');
    expect(toast.querySelector('[lang="vi"]'), 'the agency’s own words are marked Vietnamese').toHaveTextContent('Đã nhận đủ giấy tờ');
    await waitFor(() => expect(element('[data-dossier="X01-20261129-0001"] [data-timeline]').querySelectorAll('li')).toHaveLength(2));
    const dossier = element('[data-dossier="X01-20261129-0001"]');
    expect(dossier.querySelector('[data-status]')).toHaveTextContent('Được tiếp nhận');
    expect(dossier).toHaveTextContent('Đã nhận đủ giấy tờ');
  });

  it('on a new due day, says so with the apology and shows it on the dossier', async () => {
    seedDossier({
      code: 'X01-20261129-0001',
      history: [{ status: 'received', at: '2026-11-29T03:30:00Z', note: null }],
      due: { date: '2026-12-04', changes: [{ at: '2026-11-29T03:30:01Z', from: null, to: '2026-12-04', reason: null, apology: false }] },
    });
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    await waitFor(() => expect(element('[data-dossier="X01-20261129-0001"] [data-due]')).toHaveTextContent('04/12/2026'));

    emitSync(changeDueDate('X01-20261129-0001', '2026-12-09', 'Cần xác minh thêm nơi sinh', true));
    const toast = await waitFor(() => byId('toast'));
    expect(toast).toHaveTextContent('Hồ sơ X01-20261129-0001: ngày hẹn trả kết quả mới là 09/12/2026');
    expect(toast).toHaveTextContent('Cơ quan giải quyết đã gửi thư xin lỗi.');
    const dossier = element('[data-dossier="X01-20261129-0001"]');
    await waitFor(() => expect(dossier.querySelector('[data-due]')).toHaveTextContent('Ngày hẹn trả kết quả: 09/12/2026'));
    expect(dossier.querySelector('[data-due-change="2026-12-09"]')).toHaveTextContent('Ngày hẹn trả đổi từ 04/12/2026 sang 09/12/2026');
  });

  it('shows the fee to pay with its checked VietQR code, and never again once paid', async () => {
    seedDossier({ code: 'X01-20261129-0001', history: [{ status: 'in_review', at: '2026-11-29T03:30:00Z', note: null }] });
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    await waitFor(() => element('[data-dossier="X01-20261129-0001"]'));

    emitSync(requestPayment('X01-20261129-0001', [{ name: 'Lệ phí cấp bản sao trích lục', kind: 'levy', amount: 8000, collected: 'on_receipt' }]));
    const box = await waitFor(() => element('[data-dossier="X01-20261129-0001"] [data-payment="pending"]'));
    expect(box).toHaveTextContent('Lệ phí cấp bản sao trích lục (lệ phí) 8.000 ₫');
    expect(box).toHaveTextContent('Tổng cộng: 8.000 ₫');
    expect(box.querySelector('[data-payment-training]'), 'a trainee is told no money moves').not.toBeNull();
    const code = await waitFor(() => box.querySelector<HTMLImageElement>('[data-payment-code]') ?? Promise.reject(new Error('no code yet')));
    expect(code.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(code).toHaveAccessibleName('Mã VietQR để nộp 8.000\u00A0₫');
    expect(box.querySelector('[data-payment-account]')).toHaveTextContent('0001234567');
    expect(box.querySelector('[data-payment-amount]')).toHaveTextContent('8.000 ₫');
    expect(box).toHaveTextContent('LE PHI X01-20261129-0001');

    emitSync(confirmPayment('X01-20261129-0001'));
    const paid = await waitFor(() => element('[data-dossier="X01-20261129-0001"] [data-payment="paid"]'));
    expect(paid.querySelector('[data-paid]')).toHaveTextContent(/^Đã thanh toán lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/);
    expect(paid.querySelector('[data-payment-code]'), 'nothing is offered to pay twice').toBeNull();
  });

  it('never shows a payment code that fails its checks, and says why', async () => {
    seedDossier({ code: 'X01-20261129-0001', history: [{ status: 'in_review', at: '2026-11-29T03:30:00Z', note: null }] });
    requestPayment('X01-20261129-0001', [{ name: 'Lệ phí', kind: 'levy', amount: 8000, collected: 'on_receipt' }], { tamper: true });
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    const error = await waitFor(() => element('[data-dossier="X01-20261129-0001"] [data-payment-error]'));
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent('đã bị sai lệch, nên ứng dụng không hiển thị mã. Vui lòng không chuyển tiền theo mã này');
    expect(document.querySelector('[data-payment-code]')).toBeNull();
  });

  it('shows a message on any screen, for about eight seconds, and one per dossier', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    seedDossier({ code: 'X01-20261129-0001' });
    await startApp();
    emitSync(changeDossierStatus('X01-20261129-0001', 'received'));
    await waitFor(() => expect(byId('toast')).toHaveTextContent('Hồ sơ X01-20261129-0001: Được tiếp nhận'));
    emitSync(changeDossierStatus('X01-20261129-0001', 'in_review'));
    await waitFor(() => expect(byId('toast')).toHaveTextContent('Hồ sơ X01-20261129-0001: Đang xử lý'));
    expect(byId('toast')).not.toHaveTextContent('Được tiếp nhận');
    vi.advanceTimersByTime(7_000);
    await Promise.resolve();
    expect(document.getElementById('toast')).not.toBeNull();
    vi.advanceTimersByTime(1_500);
    await waitFor(() => expect(document.getElementById('toast')).toBeNull());
  });

  it('can be closed, and waits while the pointer is on it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    seedDossier({ code: 'X01-20261129-0001' });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(App);
    await waitFor(() => expect(listeners.size).toBe(1));
    emitSync(changeDossierStatus('X01-20261129-0001', 'received'));
    const toast = await waitFor(() => byId('toast'));
    await user.hover(toast);
    vi.advanceTimersByTime(20_000);
    await Promise.resolve();
    expect(document.getElementById('toast')).not.toBeNull();
    await user.click(within(toast).getByRole('button', { name: 'Đóng thông báo' }));
    await waitFor(() => expect(document.getElementById('toast')).toBeNull());
  });

  it('on a refusal, says so, marks the draft on the home page and opens it with the errors', async () => {
    const { user, id } = await startOnCheckPage();
    await user.click(byId('submit'));
    await waitFor(() => element('[data-queued]'));
    await user.click(screen.getByRole('button', { name: 'Trợ lý Dịch vụ công' }));
    await waitFor(() => expect(document.querySelectorAll('[data-procedure]').length).toBeGreaterThan(0));
    expect(document.querySelector(`[data-draft="${id}"]`)).toBeNull();

    emitSync(rejectQueued([{ field: 'requester_phone', message_id: 'error-portal-rule' }]));
    const toast = await waitFor(() => byId('toast'));
    expect(toast).toHaveTextContent(
      'Cổng Dịch vụ công trả lại hồ sơ để sửa. Vui lòng mở hồ sơ và sửa các mục được đánh dấu.',
    );
    // The draft is back in the list, marked.
    const badge = await waitFor(() => element(`[data-draft="${id}"] [data-rejected]`));
    expect(badge).toHaveTextContent('Cần sửa để nộp lại');

    await user.click(within(toast).getByRole('button', { name: 'Mở hồ sơ để sửa' }));
    const notice = await waitFor(() => byId('rejection-notice'));
    expect(notice).toHaveTextContent('Cổng Dịch vụ công chưa nhận hồ sơ vì một số thông tin chưa đúng');
    await user.click(within(notice).getByRole('button', { name: /Số điện thoại di động/ }));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect(byId('error-requester_phone')).toHaveTextContent(vi_('error-portal-rule'));
    expect(document.querySelector('main h2')).toHaveTextContent('Người đi đăng ký');
  });

  it('says why a submission came back when no field error says it', async () => {
    const { user } = await startOnCheckPage();
    await user.click(byId('submit'));
    await waitFor(() => element('[data-queued]'));
    emitSync(rejectQueued([], undefined, 'portal-too-large'));
    const toast = await waitFor(() => byId('toast'));
    expect(toast).toHaveTextContent(vi_('error-portal-too-large'));
  });

  it('marks a draft sent back before the window listened, once it is listed', async () => {
    const id = seedDraft({ currentStep: 'review', answers: readyAnswers, files: readyFiles, rejection: { reason: null, detail: null, fields: [{ field: 'requester_phone', message_id: 'error-portal-rule' }] } });
    const untouched = seedDraft({ currentStep: 'review', answers: readyAnswers, files: readyFiles });
    await startApp();
    await waitFor(() => element(`[data-draft="${id}"] [data-rejected]`));
    expect(document.querySelector(`[data-draft="${untouched}"] [data-rejected]`)).toBeNull();
  });
});

describe('after submission', () => {
  const CODE = 'X01-20261129-0001';

  /** A birth registration filed from this computer, now at `status`. */
  function filed(status: 'received' | 'in_review' | 'returned' = 'received'): number {
    const draftId = seedDraft({ answers: readyAnswers, files: readyFiles, submittedAt: '2026-11-29T03:00:00Z' });
    seedDossier({ draftId, code: CODE, history: [{ status, at: '2026-11-29T03:30:00Z', note: null }] });
    return draftId;
  }

  async function onSubmissions() {
    const user = await startApp();
    await user.click(byId('nav-submissions'));
    await waitFor(() => element(`[data-dossier="${CODE}"]`));
    return user;
  }

  it('shows a supplement request, opens only what it asks for, and sends the reply through the outbox', async () => {
    filed();
    const user = await onSubmissions();
    emitSync(
      askSupplement(CODE, [{ number: 1, kind: 'document', id: 'giay_chung_sinh', note: 'Chụp lại rõ nét, thấy đủ bốn góc.' }], {
        contact: 'Bộ phận Một cửa, 0243 000 000',
        deadline: '2026-12-04',
      }),
    );
    const box = await waitFor(() => element(`[data-dossier="${CODE}"] [data-supplement="waiting"]`));
    expect(box).toHaveTextContent('Cơ quan yêu cầu bổ sung hồ sơ');
    expect(box).toHaveTextContent('Lý do: Bản chụp giấy chứng sinh bị mờ.');
    await waitFor(() => expect(box.querySelector('[data-supplement-items]')).toHaveTextContent('Giấy tờ: Giấy chứng sinh'));
    expect(box).toHaveTextContent('Chụp lại rõ nét, thấy đủ bốn góc.');
    expect(box.querySelector('[data-supplement-deadline]')).toHaveTextContent('Hạn bổ sung: 04/12/2026');
    expect(box).toHaveTextContent('Liên hệ: Bộ phận Một cửa, 0243 000 000');

    await user.click(element(`[data-supplement-open="${CODE}"]`));
    await waitFor(() => byId('supplement-page'));
    expect(byId('page-heading')).toHaveTextContent(`Bổ sung hồ sơ ${CODE}`);
    await waitFor(() => element('[data-replace="giay_chung_sinh"]'));
    expect(document.querySelectorAll('[data-document]'), 'only the asked document shows').toHaveLength(1);
    expect(byId('supplement-page').querySelector('input, textarea, select'), 'no question was asked').toBeNull();
    pickNext('giay-chung-sinh-chup-lai.pdf');
    await user.click(element('[data-replace="giay_chung_sinh"]'));
    await waitFor(() => expect(byId('supplement-page')).toHaveTextContent('giay-chung-sinh-chup-lai.pdf'));
    await user.click(byId('supplement-send'));

    await waitFor(() => byId('submissions'));
    await waitFor(() => element(`[data-dossier="${CODE}"] [data-supplement-sending]`));
    expect(document.querySelector(`[data-supplement-open="${CODE}"]`), 'sent once: nothing to send again').toBeNull();
    emitSync(deliverAction());
    const done = await waitFor(() => element(`[data-dossier="${CODE}"] [data-supplement-done]`));
    expect(done).toHaveTextContent(/^Đã bổ sung đủ lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\. Hồ sơ tiếp tục được giải quyết\.$/);
    expect(byId('toast')).toHaveTextContent(`Đã gửi phần bổ sung của hồ sơ ${CODE}.`);
  });

  it('opens an asked question with the answer already given, and sends it once corrected', async () => {
    const draftId = filed();
    const user = await onSubmissions();
    emitSync(askSupplement(CODE, [{ number: 1, kind: 'answer', id: 'child_name', note: 'Tên của trẻ ghi sai dấu.' }]));
    await user.click(await waitFor(() => element(`[data-supplement-open="${CODE}"]`)));
    const input = await waitFor(() => byId('field-child_name') as HTMLInputElement);
    expect(input.value, 'the answer given before').toBe(readyAnswers['child_name']);
    expect(byId('supplement-page').querySelectorAll('input, textarea, select'), 'only the asked question').toHaveLength(1);
    expect(document.querySelector('[data-document]'), 'no document was asked').toBeNull();
    await user.clear(input);
    await user.type(input, 'Nguyễn Minh Khôi');
    await user.tab();
    await user.click(byId('supplement-send'));
    await waitFor(() => element(`[data-dossier="${CODE}"] [data-supplement-sending]`));
    expect(fakeDraft(draftId)?.answers['child_name']).toBe('Nguyễn Minh Khôi');
  });

  it('opens the result files kept on this computer and says where to collect the paper', async () => {
    filed('in_review');
    const user = await onSubmissions();
    const sha256 = 'a'.repeat(64);
    emitSync(
      issueResult(CODE, {
        documents: [{ id: 'ket-qua-1', name: 'Trích lục khai sinh (bản điện tử)', file_name: 'trich-luc.pdf', size: 2048, sha256 }],
        paper: {
          place: 'Bộ phận Một cửa — UBND xã',
          from: '2026-12-05',
          hours: 'Sáng 7 giờ 30 – 11 giờ 30',
          bring: ['Giấy tiếp nhận hồ sơ và hẹn trả kết quả', 'Căn cước của người nhận'],
        },
      }),
    );
    const result = await waitFor(() => element(`[data-result="${CODE}"]`));
    expect(result).toHaveTextContent('Trích lục khai sinh (bản điện tử)');
    expect(result.querySelector('[data-result-kept]')).toHaveTextContent('Đã tải về và kiểm tra');
    await user.click(element('[data-result-open="ket-qua-1"]'));
    await waitFor(() => expect(openedResults).toContain('trich-luc.pdf'));
    const paper = element('[data-result-paper]');
    expect(paper).toHaveTextContent('Bản giấy: nhận từ ngày 05/12/2026.');
    expect(paper).toHaveTextContent('Căn cước của người nhận');
  });

  it('shows the e-receipt of a paid fee with the amounts in words, and prints it alone', async () => {
    filed('in_review');
    requestPayment(CODE, [{ name: 'Lệ phí cấp bản sao trích lục', kind: 'levy', amount: 8000, collected: 'with_result' }]);
    confirmPayment(CODE, {
      title: 'Biên lai thu phí, lệ phí không in sẵn mệnh giá',
      form: '01BLP0-001',
      series: 'TH-26E',
      number: '0000012',
      collector: 'UBND xã Đông Anh',
      collector_tax_code: null,
      payer: 'Nguyễn Văn An',
      lines: [{ name: 'Lệ phí cấp bản sao trích lục', kind: 'levy', amount: 8000, amount_in_words: 'Tám nghìn đồng' }],
      total: 8000,
      total_in_words: 'Tám nghìn đồng',
      issued_at: '2026-11-29T04:00:00Z',
      signed_by: 'UBND xã Đông Anh',
      signature: 'c2ln',
    });
    const user = await onSubmissions();
    expect(await waitFor(() => element('[data-collected="with_result"]'))).toHaveTextContent('thu khi trả kết quả');
    await user.click(await waitFor(() => element('[data-receipt-toggle]')));
    const receipt = await waitFor(() => element('[data-receipt="0000012"]'));
    expect(receipt).toHaveTextContent('Ký hiệu TH-26E');
    expect(receipt.querySelector('[data-receipt-total]')).toHaveTextContent('8.000 ₫');
    expect(receipt.querySelector('[data-receipt-words]')).toHaveTextContent('Tám nghìn đồng');
    expect(receipt.querySelector('[data-receipt-signed="true"]')).toHaveTextContent('Chữ ký số của Cổng Dịch vụ công trên biên lai hợp lệ.');
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      expect(document.body.dataset['printing']).toBe('receipt');
    });
    await user.click(element('[data-receipt-print]'));
    expect(print).toHaveBeenCalledOnce();
  });

  it('withdraws a dossier with a reason and shows the stop notice', async () => {
    filed();
    const user = await onSubmissions();
    await user.click(await waitFor(() => element(`[data-withdraw="${CODE}"]`)));
    const form = element(`[data-withdraw-form="${CODE}"]`);
    await user.click(element('[data-withdraw-send]'));
    await waitFor(() => expect(form).toHaveTextContent('Vui lòng ghi lý do rút hồ sơ'));
    await user.type(within(form).getByLabelText('Lý do rút hồ sơ'), 'Tôi nộp nhầm thủ tục.');
    await user.click(element('[data-withdraw-send]'));
    await waitFor(() => element('[data-withdraw-sending]'));
    emitSync(deliverAction());
    const notice = await waitFor(() => element('[data-stop-notice="1/TB-DXL"]'));
    expect(notice).toHaveTextContent('Thông báo dừng giải quyết hồ sơ số 1/TB-DXL');
    expect(notice).toHaveTextContent('Lý do: Tôi nộp nhầm thủ tục.');
    expect(element(`[data-dossier="${CODE}"] [data-status]`)).toHaveTextContent('Dừng xử lý');
    expect(document.querySelector(`[data-withdraw="${CODE}"]`), 'a stopped dossier offers no withdrawal').toBeNull();
  });

  it('rates a returned dossier once on the official criteria, and shows why a second rating is refused', async () => {
    filed('returned');
    const user = await onSubmissions();
    await user.click(await waitFor(() => element(`[data-rate="${CODE}"]`)));
    const form = element(`[data-rating-form="${CODE}"]`);
    expect(form.querySelectorAll('fieldset')).toHaveLength(11);
    await user.click(element('[data-rating-send]'));
    expect(form).toHaveTextContent('Vui lòng chọn một mức cho mỗi câu hỏi trước khi gửi đánh giá.');
    for (const fieldset of form.querySelectorAll('fieldset')) {
      await user.click(within(fieldset as HTMLElement).getAllByRole('radio')[0]!);
    }
    await user.type(within(form).getByLabelText('Góp ý thêm (không bắt buộc)'), 'Cán bộ hướng dẫn tận tình.');
    await user.click(element('[data-rating-send]'));
    await waitFor(() => element('[data-rating-sending]'));
    emitSync(refuseAction('already-rated'));
    await waitFor(() =>
      expect(element(`[data-dossier="${CODE}"]`)).toHaveTextContent('Mã hồ sơ đã được đánh giá, không thể đánh giá lại.'),
    );
  });

  it('sends feedback, shows its tracking code, then the answer', async () => {
    filed();
    const user = await onSubmissions();
    await user.click(element('[data-feedback-send]'));
    await waitFor(() => expect(byId('feedback')).toHaveTextContent('Vui lòng ghi tiêu đề'));
    await user.selectOptions(screen.getByLabelText('Về việc'), CODE);
    await user.type(screen.getByLabelText('Tiêu đề'), 'Trả kết quả chậm');
    await user.type(screen.getByLabelText('Nội dung'), 'Hồ sơ trả chậm hai ngày so với ngày hẹn.');
    await user.click(element('[data-feedback-send]'));
    await waitFor(() => element('[data-feedback-sending]'));
    emitSync(deliverAction());
    const sent = await waitFor(() => element('[data-feedback^="PAKN-"]'));
    expect(sent).toHaveTextContent(`Hồ sơ ${CODE}`);
    expect(sent).toHaveTextContent('Chưa có trả lời.');
    emitSync(answerFeedback(sent.dataset['feedback']!, 'Đã chấn chỉnh bộ phận trả kết quả.'));
    await waitFor(() => expect(sent.querySelector('[data-feedback-answer]')).toHaveTextContent('Đã chấn chỉnh bộ phận trả kết quả.'));
  });
});

describe('support information', () => {
  it('copies the support text, or shows it selected when the clipboard refuses', async () => {
    const user = await startApp();
    // After user-event's setup, which puts its own clipboard in place.
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(byId('copy-support'));
    await waitFor(() => expect(writeText).toHaveBeenCalledOnce());
    expect(writeText.mock.calls[0]![0]).toContain('Trợ lý Dịch vụ công');
    await waitFor(() => expect(byId('toast')).toHaveTextContent('Đã sao chép thông tin hỗ trợ.'));

    writeText.mockRejectedValueOnce(new Error('denied'));
    await user.click(byId('copy-support'));
    const box = await waitFor(() => byId('support-text') as HTMLTextAreaElement);
    expect(box.value).toContain('text size: 100%');
    expect(document.activeElement).toBe(box);
  });
});
