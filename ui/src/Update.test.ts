// Updates of the app as the person meets them, against the fake back end
// (only invoke() and listen() are mocked): an offer with what is new, no
// install without a click, the download's progress, a refused signature
// that leaves the app as it was, and the check on demand.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import App from './App.svelte';
import { translate } from './lib/fluent';
import { i18n } from './lib/i18n.svelte';
import { START_CHECK_DELAY_MS } from './lib/update.svelte';
import {
  failUpdateCheck,
  failUpdateInstall,
  fakeInvoke,
  fakeUpdate,
  offerUpdate,
  reportUpdateProgressTo,
  resetFakeBackend,
  updateProgressSteps,
} from './test/fake-backend';
import type { UpdateProgress } from './lib/types';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

const vi_ = (id: string, args?: Record<string, string | number>) => translate('vi', id, args);

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not in the page`);
  return element;
}

function commands(): string[] {
  return invokeMock.mock.calls.map(([command]) => command);
}

/** Seen while the download ran: each progress text the banner showed. */
let progressTexts: string[] = [];

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockImplementation((command, args) => fakeInvoke(command, args as Record<string, unknown>));
  listenMock.mockReset();
  listenMock.mockImplementation(async (name, handler) => {
    if (name !== 'update-progress') return () => {};
    const listener = handler as (event: { event: string; id: number; payload: UpdateProgress }) => void;
    reportUpdateProgressTo((payload) => {
      listener({ event: name, id: 1, payload });
      queueMicrotask(() => {
        const shown = document.getElementById('update-progress')?.textContent;
        if (shown) progressTexts.push(shown);
      });
    });
    return () => reportUpdateProgressTo(null);
  });
  progressTexts = [];
  resetFakeBackend();
  localStorage.clear();
  i18n.locale = 'vi';
});

async function startApp() {
  const user = userEvent.setup();
  render(App);
  await waitFor(() => byId('check-update'));
  return user;
}

describe('an update found at start', () => {
  it('is described, with what is new, and installed only when the person agrees, then restarts on request', async () => {
    offerUpdate({ version: '0.2.0', current_version: '0.1.0', notes: 'Kiểm tra ảnh chân dung trước khi gửi.\nSửa lỗi in biên nhận.' });
    updateProgressSteps([1_048_576, 3_145_728], [3_145_728, 3_145_728]);
    const user = await startApp();
    const banner = await screen.findByText(vi_('update-title', { version: '0.2.0' }), {}, { timeout: START_CHECK_DELAY_MS + 2000 });
    const section = banner.closest('section') as HTMLElement;
    expect(section, 'the offer is a labelled region').toHaveAttribute('aria-labelledby', 'update-title');
    expect(within(section).getByText(vi_('update-current', { current: '0.1.0' }), { exact: false })).toBeInTheDocument();
    expect(section, 'the day it came out, as dd/mm/yyyy').toHaveTextContent('Phát hành ngày 01/12/2026.');
    expect(byId('update-notes'), 'what is new, line by line').toHaveTextContent('Kiểm tra ảnh chân dung trước khi gửi. Sửa lỗi in biên nhận.');
    expect(section, 'it says nothing saved is lost').toHaveTextContent(vi_('update-kept'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(commands(), 'nothing is installed without a click').not.toContain('install_update');

    await user.click(byId('update-install'));
    await waitFor(() => expect(byId('update-restart')).toBeInTheDocument());
    expect(progressTexts, 'the download showed its progress in MB').toEqual([
      'Đang tải bản cập nhật — 1 MB/3 MB',
      'Đang tải bản cập nhật — 3 MB/3 MB',
    ]);
    expect(fakeUpdate().installed, 'the version agreed to was installed, once').toEqual(['0.2.0']);
    expect(screen.getByText(vi_('update-installed-title', { version: '0.2.0' }))).toBeInTheDocument();
    expect(fakeUpdate().restarts, 'no restart without a click').toBe(0);
    await user.click(byId('update-restart'));
    expect(fakeUpdate().restarts).toBe(1);
  });

  it('says plainly when the signature is refused, installs nothing, and leaves the app working', async () => {
    offerUpdate();
    failUpdateInstall('update-signature');
    const user = await startApp();
    await user.click(byId('check-update'));
    await user.click(await waitFor(() => byId('update-install')));
    const error = await waitFor(() => byId('update-error'));
    expect(error, 'the refusal is announced').toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent(vi_('error-update-signature'));
    expect(error, 'it says the version in use keeps working').toHaveTextContent('Phiên bản đang dùng vẫn hoạt động bình thường');
    expect(fakeUpdate().installed, 'nothing was installed').toEqual([]);
    expect(byId('update-install'), 'the person may try again').toHaveTextContent(vi_('update-retry'));
    await user.type(byId('search'), 'khai sinh');
    await waitFor(() => expect(document.querySelectorAll('[data-procedure]').length).toBeGreaterThan(0));
    await user.click(byId('update-later'));
    expect(document.getElementById('update'), '"Để sau" hides it').toBeNull();
  });
});

describe('checking on demand', () => {
  it('says when the version in use is the latest', async () => {
    const user = await startApp();
    await user.click(byId('check-update'));
    expect(await screen.findByText(vi_('update-latest'))).toBeInTheDocument();
    expect(document.getElementById('update'), 'no banner when nothing is new').toBeNull();
  });

  it('says when the update server cannot be asked, and tries again on request', async () => {
    failUpdateCheck('update-unreachable');
    const user = await startApp();
    await user.click(byId('check-update'));
    const error = await waitFor(() => byId('update-error'));
    expect(error).toHaveTextContent(vi_('error-update-unreachable'));
    expect(screen.getByText(vi_('update-failed-title'))).toBeInTheDocument();
    offerUpdate({ version: '0.3.0' });
    await user.click(byId('update-check-again'));
    expect(await screen.findByText(vi_('update-title', { version: '0.3.0' }))).toBeInTheDocument();
  });

  it('shows an offer hidden with "Để sau" again when the person asks', async () => {
    offerUpdate();
    const user = await startApp();
    await user.click(byId('check-update'));
    await user.click(await waitFor(() => byId('update-later')));
    expect(document.getElementById('update')).toBeNull();
    await user.click(byId('check-update'));
    await waitFor(() => expect(byId('update')).toHaveTextContent(vi_('update-title', { version: '0.2.0' })));
    await waitFor(() => expect(byId('update-title'), 'the answer, far from the footer button, takes the focus').toHaveFocus());
  });

  it("keeps the answer to the person's own check: the check at start then adds nothing", async () => {
    failUpdateCheck('update-unreachable');
    const user = await startApp();
    await user.click(byId('check-update'));
    await waitFor(() => byId('update-error'));
    await new Promise((resolve) => setTimeout(resolve, START_CHECK_DELAY_MS + 300));
    expect(byId('update-error'), 'the failure still shows').toHaveTextContent(vi_('error-update-unreachable'));
    expect(commands().filter((c) => c === 'check_for_update'), 'asked once').toHaveLength(1);
  });

  it('stays quiet at start when the server cannot be asked', async () => {
    failUpdateCheck('update-unreachable');
    await startApp();
    await waitFor(() => expect(commands()).toContain('check_for_update'), { timeout: START_CHECK_DELAY_MS + 2000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.getElementById('update'), 'a failed check at start shows nothing').toBeNull();
  });
});
