// Home page, procedure page and language switch, with only invoke() mocked.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import App from './App.svelte';
import { resetCache } from './lib/api';
import { i18n } from './lib/i18n.svelte';
import { clearDrafts } from './lib/components/Interview.svelte';
import { resetHomeSearch } from './lib/components/Home.svelte';
import { fakeInvoke } from './test/fake-backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not in the page`);
  return element;
}

function listed(): string[] {
  return [...document.querySelectorAll('[data-procedure]')].map((b) => b.getAttribute('data-procedure') ?? '');
}

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockImplementation((command, args) => fakeInvoke(command, args as Record<string, unknown>));
  clearDrafts();
  resetHomeSearch();
  resetCache();
  localStorage.clear();
  i18n.locale = 'vi';
});

describe('home page', () => {
  it('lists every procedure with its level and fee', async () => {
    render(App);
    await waitFor(() => expect(listed()).toEqual(['1.000894', '1.001193', '2.000001']));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bạn cần làm thủ tục gì?');
    expect(screen.getByLabelText('Tìm thủ tục')).toBe(byId('search'));
    expect(byId('search')).toHaveAttribute('type', 'search');
    const licence = document.querySelector('[data-procedure="2.000001"]') as HTMLElement;
    expect(licence).toHaveTextContent('Đổi giấy phép lái xe');
    expect(licence).toHaveTextContent('Nơi giải quyết: Cấp tỉnh');
    expect(licence.textContent).toContain('Lệ phí: 135.000\u00A0₫');
    expect(document.querySelector('[data-procedure="1.001193"]')).toHaveTextContent('Lệ phí: Miễn phí');
    expect(screen.getByText('Có 3 thủ tục.')).toBeInTheDocument();
  });

  it('searches as you type, once the typing pauses', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toHaveLength(3));
    await user.type(byId('search'), 'khai sinh');
    await waitFor(() => expect(listed()).toEqual(['1.001193']));
    const searches = invokeMock.mock.calls.filter(([c]) => c === 'search_procedures').map(([, a]) => a);
    expect(searches.at(-1)).toEqual({ query: 'khai sinh' });
    expect(searches.length).toBeLessThan(5);
    await user.clear(byId('search'));
    await user.type(byId('search'), 'không có');
    expect(await screen.findByText(/Không tìm thấy thủ tục nào phù hợp/)).toBeInTheDocument();
    expect(listed()).toEqual([]);
  });

  it('never shows the results of earlier words while a search is on its way', async () => {
    let release: (() => void) | undefined;
    invokeMock.mockImplementation(async (command, args) => {
      const result = await fakeInvoke(command, args as Record<string, unknown>);
      if (command === 'search_procedures' && (args as { query: string }).query === 'khai') {
        await new Promise<void>((resolve) => (release = resolve));
      }
      return result;
    });
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toHaveLength(3));
    await user.type(byId('search'), 'khai');
    // Typing dropped the full list at once.
    expect(listed()).toEqual([]);
    expect(screen.getByText('Đang tìm…')).toBeInTheDocument();
    await waitFor(() => expect(release).toBeDefined());
    await user.type(byId('search'), ' sinh');
    release?.();
    await waitFor(() => expect(listed()).toEqual(['1.001193']));
    expect(invokeMock).toHaveBeenLastCalledWith('search_procedures', { query: 'khai sinh' });
  });

  it('filters by topic and by life event', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toHaveLength(3));
    const topic = screen.getByRole('button', { name: 'Giao thông vận tải' });
    await user.click(topic);
    expect(topic).toHaveAttribute('aria-pressed', 'true');
    expect(listed()).toEqual(['2.000001']);
    await user.click(screen.getByRole('button', { name: 'Sinh con' }));
    expect(listed()).toEqual(['1.001193']);
    await user.click(screen.getByRole('button', { name: 'Bỏ lọc, xem tất cả' }));
    expect(listed()).toHaveLength(3);
  });
});

describe('procedure page', () => {
  it('shows the procedure, starts the interview and goes back home', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toHaveLength(3));
    await user.click(document.querySelector('[data-procedure="1.001193"]') as HTMLElement);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('Thành phần hồ sơ')).toBeInTheDocument();
    expect(screen.getByText('Giấy chứng sinh (bản chính)')).toBeInTheDocument();
    expect(byId('procedure-fee')).toHaveTextContent('Miễn phí');
    expect(byId('procedure-fee')).toHaveTextContent('Miễn lệ phí khi đăng ký đúng hạn.');
    expect(screen.getByText('60/2014/QH13 — Luật Hộ tịch')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Thời hạn giải quyết chưa được đối chiếu.');
    expect(screen.getAllByText('Dịch vụ công trực tuyến toàn trình').length).toBeGreaterThan(0);

    await user.click(byId('start-interview'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    await user.click(byId('back'));
    await waitFor(() => byId('start-interview'));
    await user.click(byId('back-home'));
    await screen.findByRole('heading', { level: 1, name: 'Bạn cần làm thủ tục gì?' });
  });

  it('shows an unknown procedure as an error', async () => {
    invokeMock.mockImplementation(async (command, args) =>
      command === 'search_procedures'
        ? [{ ...((await fakeInvoke(command, args as Record<string, unknown>)) as object[])[0], code: '9.999' }]
        : fakeInvoke(command, args as Record<string, unknown>),
    );
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(['9.999']));
    await user.click(document.querySelector('[data-procedure="9.999"]') as HTMLElement);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });
});

describe('language', () => {
  it('switches every text, remembers the choice and tells the shell', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toHaveLength(3));
    expect(invokeMock).toHaveBeenCalledWith('set_locale', { locale: 'vi' });
    const select = byId('language') as HTMLSelectElement;
    expect(screen.getByLabelText('Ngôn ngữ')).toBe(select);
    expect([...select.options].map((o) => o.textContent)).toEqual(['Tiếng Việt', 'English']);

    await user.selectOptions(select, 'en');
    expect(invokeMock).toHaveBeenCalledWith('set_locale', { locale: 'en' });
    expect(localStorage.getItem('locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Which procedure do you need?');
    expect(document.querySelector('[data-procedure="1.001193"]')).toHaveTextContent('Birth registration');
    expect(document.querySelector('[data-procedure="2.000001"]')?.textContent).toContain('Fee: 135,000\u00A0₫');
  });

  it('works outside the Tauri shell, where set_locale fails', async () => {
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'set_locale') throw new Error('no shell');
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(App);
    await waitFor(() => expect(listed()).toHaveLength(3));
    await user.selectOptions(byId('language'), 'en');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Which procedure do you need?');
  });
});
