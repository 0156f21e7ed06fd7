// Start-up on a PC without an OS keyring: the app is locked until the
// passphrase is typed, against the fake back end (only invoke() is mocked).
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import App from './App.svelte';
import { translate } from './lib/fluent';
import { i18n } from './lib/i18n.svelte';
import { rust } from './test/rust';
import { FAKE_PASSPHRASE, MIN_PASSPHRASE_CHARS, fakeInvoke, fakeLocked, resetFakeBackend, startLocked } from './test/fake-backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn(async () => () => {}) }));
const invokeMock = vi.mocked(invoke);

const vi_ = (id: string, args?: Record<string, string | number>) => translate('vi', id, args);

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not in the page`);
  return element as T;
}

function commands(): string[] {
  return invokeMock.mock.calls.map(([command]) => command);
}

/** Waits until the home page lists the procedures, i.e. the app proper runs. */
async function homePage(): Promise<void> {
  await waitFor(() => expect(document.querySelectorAll('[data-procedure]').length, 'the home page lists procedures').toBe(rust({ kind: 'search', query: '' }).length));
}

/** A promise and the function that settles it, for answers that wait. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => (resolve = res));
  return { promise, resolve };
}

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockImplementation((command, args) => fakeInvoke(command, args as Record<string, unknown>));
  resetFakeBackend();
  localStorage.clear();
  i18n.locale = 'vi';
});

describe('a locked start', () => {
  it('shows only the unlock page, at the text size kept, and sends no other command', async () => {
    startLocked({ newFolder: false });
    await fakeInvoke('set_text_size', { percent: 150 });
    invokeMock.mockClear();
    render(App);
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1.5'));
    const heading = await screen.findByRole('heading', { level: 1, name: vi_('unlock-title') });
    expect(heading, 'the unlock page is on screen').toBeInTheDocument();
    expect(screen.getByText(vi_('unlock-why')), 'it says why: no OS keyring on this PC').toHaveTextContent('kho khóa của hệ điều hành');
    expect(document.getElementById('nav-profiles'), 'the header is not mounted while locked').toBeNull();
    expect(document.getElementById('search'), 'the home page is not mounted while locked').toBeNull();
    expect(byId('passphrase'), 'the passphrase field has the focus').toHaveFocus();
    expect(byId('passphrase'), 'the passphrase is hidden as it is typed').toHaveAttribute('type', 'password');
    expect(document.getElementById('passphrase-confirm'), 'an existing passphrase is typed once').toBeNull();
    // Give any stray start-up call time to go out.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      commands().sort(),
      'nothing but lock_state, the language and the text size (kept outside the data, so this page shows in the chosen ones) and showing the window, before unlock',
    ).toEqual(['current_locale', 'lock_state', 'text_size', 'window_ready']);
  });

  it('shows in the language chosen on this computer, kept outside the locked data', async () => {
    startLocked({ newFolder: false });
    await fakeInvoke('set_locale', { locale: 'en' });
    render(App);
    const heading = await screen.findByRole('heading', { level: 1, name: translate('en', 'unlock-title') });
    expect(heading, 'the unlock page is in English').toBeInTheDocument();
    expect(document.documentElement.lang, 'the document says its language').toBe('en');
  });

  it('refuses a wrong passphrase, then opens the home page with the right one', async () => {
    startLocked({ newFolder: false });
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(byId('passphrase')).toHaveFocus());
    await user.type(byId('passphrase'), 'không phải{Enter}');
    const error = await waitFor(() => byId('unlock-error'));
    expect(error, 'the error is announced').toHaveAttribute('role', 'alert');
    expect(error, 'a wrong passphrase says so, through error-vault-wrong-key').toHaveTextContent(vi_('error-vault-wrong-key'));
    expect(fakeLocked(), 'a wrong passphrase leaves the data locked').toBe(true);
    expect(byId('passphrase'), 'focus is back in the field to try again').toHaveFocus();

    await user.clear(byId('passphrase'));
    await user.type(byId('passphrase'), `${FAKE_PASSPHRASE}{Enter}`);
    await homePage();
    expect(document.getElementById('unlock'), 'the unlock page is gone').toBeNull();
    expect(byId('nav-profiles'), 'the header is mounted once the data is open').toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }), 'focus moves to the home page, not lost on the body').toHaveFocus(),
    );
    const calls = commands().filter((command) => !['current_locale', 'text_size', 'window_ready'].includes(command));
    expect(calls.slice(0, 3), 'lock_state, then the two unlock attempts, before anything else').toEqual(['lock_state', 'unlock', 'unlock']);
    expect(calls, 'the normal start-up runs after unlock').toEqual(expect.arrayContaining(['portal_status', 'search_procedures']));
  });

  it('asks a new folder for a passphrase typed twice, with a warning, and refuses a short one', async () => {
    startLocked({ newFolder: true });
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { level: 1, name: vi_('unlock-new-title') });
    expect(byId('unlock-warning'), 'the person is warned that a lost passphrase loses the data').toHaveTextContent(
      vi_('unlock-new-warning'),
    );
    expect(byId('passphrase'), 'the hint gives the minimum length').toHaveAccessibleDescription(vi_('unlock-new-hint', { min: 8 }));

    await user.type(byId('passphrase'), 'ngắn');
    await user.type(byId('passphrase-confirm'), 'ngắn{Enter}');
    const error = await waitFor(() => byId('unlock-error'));
    expect(error, 'a short passphrase is refused with the minimum').toHaveTextContent(
      vi_('error-vault-passphrase-short', { min: String(MIN_PASSPHRASE_CHARS) }),
    );
    expect(fakeLocked(), 'a short passphrase opens nothing').toBe(true);

    await user.clear(byId('passphrase'));
    await user.clear(byId('passphrase-confirm'));
    await user.type(byId('passphrase'), 'mùa thu Hà Nội');
    await user.type(byId('passphrase-confirm'), 'mùa thu Hà Nôi{Enter}');
    expect(byId('passphrase-confirm'), 'two different entries are flagged on the second field').toHaveAccessibleDescription(
      expect.stringContaining(vi_('unlock-mismatch')),
    );
    expect(commands().filter((c) => c === 'unlock'), 'a mismatch never reaches the shell').toHaveLength(1);

    await user.clear(byId('passphrase-confirm'));
    await user.type(byId('passphrase-confirm'), 'mùa thu Hà Nội');
    await user.click(byId('unlock-submit'));
    await homePage();
    expect(fakeLocked(), 'the chosen passphrase opened the data').toBe(false);
  });

  it('shows the passphrase on request and stays busy while the key is derived', async () => {
    startLocked({ newFolder: false });
    const slow = deferred();
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'unlock') await slow.promise;
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const user = userEvent.setup();
    render(App);
    await waitFor(() => byId('passphrase'));
    await user.click(screen.getByLabelText(vi_('unlock-show')));
    expect(byId('passphrase'), 'the toggle shows what was typed').toHaveAttribute('type', 'text');
    await user.click(screen.getByLabelText(vi_('unlock-show')));
    expect(byId('passphrase'), 'and hides it again').toHaveAttribute('type', 'password');

    await user.type(byId('passphrase'), `${FAKE_PASSPHRASE}{Enter}`);
    await waitFor(() => expect(byId('unlock-submit'), 'a second submit cannot start while one runs').toBeDisabled());
    expect(byId('unlock-busy'), 'the person is told to wait').toHaveTextContent(vi_('unlock-busy'));
    slow.resolve();
    await homePage();
  });

  it('starts the app at once when the data is already open', async () => {
    render(App);
    await homePage();
    const calls = commands().filter((command) => command !== 'text_size' && command !== 'current_locale');
    expect(calls[0], 'the lock is asked about first').toBe('lock_state');
    expect(calls[1], 'then at once the catalog the home page lists, before anything else').toBe('search_procedures');
    expect(calls.filter((command) => command === 'search_procedures'), 'the home page takes that answer instead of asking again').toHaveLength(1);
    expect(document.getElementById('unlock'), 'no unlock page when the keyring gave the key').toBeNull();
  });
});

describe('a start while the keyring opens the data', () => {
  it('says what it is doing when opening takes more than a moment, then shows the home page', async () => {
    const slow = deferred();
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'lock_state') await slow.promise;
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    render(App);
    const status = await screen.findByRole('status', {}, { timeout: 2000 });
    expect(status, 'the window says the encrypted data is being opened').toHaveTextContent(vi_('startup-opening'));
    expect(document.getElementById('search'), 'no screen that needs the data is mounted yet').toBeNull();
    await waitFor(() => expect(commands(), 'the window shows with the notice drawn').toContain('window_ready'));
    expect(
      commands().filter((c) => c !== 'text_size' && c !== 'current_locale'),
      'nothing but lock_state is asked while the data opens, and the window shown',
    ).toEqual(['lock_state', 'window_ready']);

    slow.resolve();
    await homePage();
    expect(screen.queryByText(vi_('startup-opening')), 'the notice goes once the data is open').toBeNull();
  });

  it('shows no notice when the data opens at once', async () => {
    render(App);
    await homePage();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.queryByText(vi_('startup-opening')), 'a quick start shows no flash of a notice').toBeNull();
    expect(commands(), 'the window shows when home is drawn, through home_shown').toContain('home_shown');
    expect(commands(), 'not earlier, with an empty page').not.toContain('window_ready');
  });
});
