// Home page, procedure page and language switch, with only invoke() mocked.
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import App from './App.svelte';
import { translate } from './lib/fluent';
import { formatDateTime } from './lib/format';
import { i18n } from './lib/i18n.svelte';
import { rust } from './test/rust';
import {
  fakeDraft,
  fakeInvoke,
  fakeProfile,
  fakeTextSize,
  resetFakeBackend,
  seedDraft,
  seedProfile,
  seedStartupNotice,
} from './test/fake-backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn(async () => () => {}) }));
const invokeMock = vi.mocked(invoke);

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

/** How many communes Rust lists for a province. */
function communesOf(province: string): number {
  return rust({ kind: 'communes', province, query: '' }).length;
}

/** The procedures Rust finds for `query`, in its order (every one for ''). */
function found(query: string): string[] {
  return rust({ kind: 'search', query }).map((p) => p.code);
}

function listed(): string[] {
  return [...document.querySelectorAll('[data-procedure]')].map((b) => b.getAttribute('data-procedure') ?? '');
}

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockImplementation((command, args) => fakeInvoke(command, args as Record<string, unknown>));
  resetFakeBackend();
  localStorage.clear();
  i18n.locale = 'vi';
});

describe('search hints', () => {
  it('says why a result matched when its name does not', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.type(byId('search'), 'giay chung sinh');
    await waitFor(() => expect(listed()).toEqual(found('giay chung sinh')));
    expect(document.querySelector('[data-procedure="1.001193"] [data-matched="document"]')).toHaveTextContent(
      'Vì cần giấy tờ “Giấy chứng sinh (bản chính)”',
    );
  });

  it('says when a procedure is not in the app, where to do it, and where to look for anything else', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.type(byId('search'), 'cccd');
    const hint = await waitFor(() => element('[data-elsewhere="can_cuoc"]'));
    expect(hint).toHaveTextContent('Thủ tục “Cấp, đổi, cấp lại thẻ căn cước” chưa có trong ứng dụng này.');
    expect(hint).toHaveTextContent('do cơ quan Công an làm');
    expect(document.getElementById('search-portal-hint'), 'the app knows where: no general pointer').toBeNull();

    await user.clear(byId('search'));
    await user.type(byId('search'), 'xyzzy');
    await waitFor(() => expect(byId('search-portal-hint')).toHaveTextContent('dichvucong.gov.vn'));
    expect(document.querySelector('[data-elsewhere]')).toBeNull();
  });
});

describe('home page', () => {
  it('lists every procedure with its level and fee', async () => {
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await waitFor(() =>
      expect(
        invokeMock.mock.calls.filter(([command]) => command === 'home_shown'),
        'the shell hears once that the home screen shows its data (start-up ends there)',
      ).toHaveLength(1),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bạn cần làm thủ tục gì?');
    expect(screen.getByLabelText('Tìm thủ tục')).toBe(byId('search'));
    expect(byId('search')).toHaveAttribute('type', 'search');
    const licence = document.querySelector('[data-procedure="3.000347"]') as HTMLElement;
    expect(licence).toHaveTextContent('Đổi giấy phép lái xe');
    expect(licence).toHaveTextContent('Nơi giải quyết: tỉnh, thành phố');
    expect(licence.textContent).toContain('Phí, lệ phí: 135.000\u00A0₫');
    expect(document.querySelector('[data-procedure="1.001193"]')).toHaveTextContent('Phí, lệ phí: Miễn phí');
    expect(screen.getByText(`Có ${found('').length} thủ tục.`)).toBeInTheDocument();
  });

  it('puts the results right under the search box, and Enter or Down moves to the first one', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    const order = ['search', 'results', 'topics-title'].map((id) => byId(id));
    expect(
      order.every((el, i) => i === 0 || (order[i - 1]!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
      'the search box, then the results, then the topics',
    ).toBe(true);
    await user.type(byId('search'), 'khai sinh');
    await waitFor(() => expect(listed()).toEqual(found('khai sinh')));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(document.querySelector('[data-procedure="1.001193"]'));
    byId('search').focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(document.querySelector('[data-procedure="1.001193"]'));
  });

  it('searches as you type, once the typing pauses', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.type(byId('search'), 'khai sinh');
    await waitFor(() => expect(listed()).toEqual(found('khai sinh')));
    const searches = invokeMock.mock.calls.filter(([c]) => c === 'search_procedures').map(([, a]) => a);
    expect(searches.at(-1)).toEqual({ query: 'khai sinh' });
    expect(searches.length).toBeLessThan(5);
    await user.clear(byId('search'));
    await user.type(byId('search'), 'xyzzy');
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
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.type(byId('search'), 'khai');
    // Typing dropped the full list at once.
    expect(listed()).toEqual([]);
    expect(screen.getByText('Đang tìm…')).toBeInTheDocument();
    await waitFor(() => expect(release).toBeDefined());
    await user.type(byId('search'), ' sinh');
    release?.();
    await waitFor(() => expect(listed()).toEqual(found('khai sinh')));
    const searches = invokeMock.mock.calls.filter(([command]) => command === 'search_procedures');
    expect(searches.at(-1), 'the last search is for what the box says').toEqual(['search_procedures', { query: 'khai sinh' }]);
    expect(invokeMock).toHaveBeenCalledWith('search_elsewhere', { query: 'khai sinh' });
  });

  it('filters by topic and by life event', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    const topic = screen.getByRole('button', { name: 'Giao thông vận tải' });
    await user.click(topic);
    expect(topic).toHaveAttribute('aria-pressed', 'true');
    const all = rust({ kind: 'search', query: '' });
    const tagged = (has: (p: (typeof all)[number]) => boolean) => all.filter(has).map((p) => p.code);
    expect(listed()).toEqual(tagged((p) => p.topics.includes('transport')));
    expect(listed()).toContain('3.000347');
    expect(listed().length).toBeLessThan(all.length);
    await user.click(screen.getByRole('button', { name: 'Sinh con' }));
    expect(listed()).toEqual(tagged((p) => p.life_events.includes('having-a-baby')));
    expect(listed()).toEqual(expect.arrayContaining(['1.001193', '3.000722']));
    await user.click(screen.getByRole('button', { name: 'Bỏ lọc, xem tất cả' }));
    expect(listed()).toEqual(found(''));
  });
});

describe('procedure page', () => {
  it('shows the procedure, starts the interview and goes back home', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.click(document.querySelector('[data-procedure="1.001193"]') as HTMLElement);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('Thành phần hồ sơ')).toBeInTheDocument();
    expect(screen.getByText('Giấy chứng sinh (bản chính)')).toBeInTheDocument();
    expect(byId('procedure-fee')).toHaveTextContent('Miễn phí');
    expect(byId('procedure-fee')).toHaveTextContent('Miễn lệ phí khi đăng ký đúng hạn.');
    expect(screen.getByText('60/2014/QH13 — Luật Hộ tịch')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Từ 01/03/2027, Luật Hộ tịch 03/2026/QH16 thay thế Luật Hộ tịch 2014.');
    expect(screen.getAllByText('Dịch vụ công trực tuyến toàn trình').length).toBeGreaterThan(0);

    await user.click(byId('start-interview'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect(invokeMock).toHaveBeenCalledWith('create_draft', { code: '1.001193', profileId: null });
    // The new draft was opened from create_draft's answer, not asked for again.
    expect(invokeMock.mock.calls.some(([c]) => c === 'open_draft')).toBe(false);
    await user.click(byId('back'));
    await waitFor(() => byId('start-interview'));
    await user.click(byId('back-home'));
    await screen.findByRole('heading', { level: 1, name: 'Bạn cần làm thủ tục gì?' });
  });

  it('says to ask the office first when a fact has no verified source, and only then', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.click(document.querySelector('[data-procedure="1.014748"]') as HTMLElement);
    await screen.findByRole('heading', { level: 1, name: 'Giải quyết hưởng trợ cấp thất nghiệp' });
    const line = await waitFor(() => byId('procedure-unverified'));
    expect(line).toHaveTextContent('hãy hỏi lại cơ quan tiếp nhận trước khi nộp');
    expect(invokeMock).toHaveBeenCalledWith('unverified_facts', { code: '1.014748' });
    cleanup();

    invokeMock.mockImplementation(async (command, args) =>
      command === 'unverified_facts' ? [] : fakeInvoke(command, args as Record<string, unknown>),
    );
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.click(document.querySelector('[data-procedure="1.014748"]') as HTMLElement);
    await screen.findByRole('heading', { level: 1, name: 'Giải quyết hưởng trợ cấp thất nghiệp' });
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('unverified_facts', { code: '1.014748' }));
    expect(document.getElementById('procedure-unverified'), 'every fact verified: no caution').toBeNull();
  });

  it('quotes the fee for each way of filing, and for the province chosen or named in the search', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    // Permanent residence costs less online, the same in every province.
    await user.click(element('[data-procedure="1.004222"]'));
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký thường trú' });
    await waitFor(() => expect(byId('fee-online')).toHaveTextContent('Nộp trực tuyến: 10.000 ₫'));
    expect(byId('fee-counter')).toHaveTextContent('Nộp trực tiếp hoặc qua bưu chính: 20.000 ₫');
    expect(document.getElementById('fee-province'), 'the same everywhere: no province to choose').toBeNull();
    await user.click(byId('back-home'));

    // A search naming a province by its old name says what it is now, and the page quotes that province.
    await user.type(byId('search'), 'xac nhan tinh trang hon nhan o ha tay');
    await waitFor(() => expect(byId('search-place')).toHaveTextContent('Tỉnh Hà Tây nay thuộc Thành phố Hà Nội.'));
    await user.click(element('[data-procedure="1.004873"]'));
    await waitFor(() => expect(byId('fee-online')).toHaveTextContent('3.000 ₫'));
    expect((byId('fee-province') as HTMLSelectElement).value).toBe('01');
    expect(byId('procedure-fee')).toHaveTextContent('Nghị quyết 06/2020/NQ-HĐND');

    // A province whose amount the app does not have: said, with the national rule, and no amount claimed.
    await user.selectOptions(byId('fee-province'), '48');
    await waitFor(() =>
      expect(byId('fee-province-unknown')).toHaveTextContent('Ứng dụng chưa có mức thu do Thành phố Đà Nẵng quy định'),
    );
    expect(byId('fee-online')).toHaveTextContent('Do tỉnh quy định');
    expect(byId('procedure-fee')).toHaveTextContent('Lệ phí do Hội đồng nhân dân tỉnh quy định');
    expect(invokeMock).toHaveBeenCalledWith('fee_quote', { code: '1.004873', province: '48' });
  });

  it('saves the what-to-bring checklist and says so, or says why not', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.click(element('[data-procedure="1.004222"]'));
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký thường trú' });
    await user.click(byId('save-checklist'));
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('save_checklist', { code: '1.004222' }));
    expect(await screen.findByText('Đã lưu danh sách giấy tờ cần mang.')).toBeInTheDocument();

    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'save_checklist') throw { code: 'file-not-saved', args: {} };
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    await user.click(byId('save-checklist'));
    const alert = await waitFor(() => byId('checklist-error'));
    expect(alert).toHaveTextContent('Không lưu được tệp vào chỗ bạn chọn.');
    expect(document.activeElement).toBe(alert);
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
    await waitFor(() => expect(listed()).toEqual(found('')));
    expect(invokeMock).toHaveBeenCalledWith('current_locale');
    const select = byId('language') as HTMLSelectElement;
    expect(screen.getByLabelText('Ngôn ngữ')).toBe(select);
    expect([...select.options].map((o) => o.textContent)).toEqual(['Tiếng Việt', 'English']);

    await user.selectOptions(select, 'en');
    expect(invokeMock).toHaveBeenCalledWith('set_locale', { locale: 'en' });
    expect(await fakeInvoke('current_locale'), 'the shell keeps the choice').toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Which procedure do you need?');
    expect(document.querySelector('[data-procedure="1.001193"]')).toHaveTextContent('Birth registration');
    expect(document.querySelector('[data-procedure="3.000347"]')?.textContent).toContain('Fees and charges: 135,000\u00A0₫');
  });

  it('starts in the language the shell kept', async () => {
    await fakeInvoke('set_locale', { locale: 'en' });
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Which procedure do you need?'));
    expect(document.documentElement.lang).toBe('en');
  });

  it('works outside the Tauri shell, where set_locale fails', async () => {
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'set_locale') throw new Error('no shell');
      return fakeInvoke(command, args as Record<string, unknown>);
    });
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.selectOptions(byId('language'), 'en');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Which procedure do you need?');
  });
});

describe('text size', () => {
  const scale = () => document.documentElement.style.getPropertyValue('--text-scale');

  it('grows the text from the header or with Ctrl and +, keeps it, and goes back with Ctrl and 0', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    const select = screen.getByLabelText('Cỡ chữ') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['100%', '125%', '150%', '175%', '200%']);
    expect(select.value).toBe('100');

    await user.selectOptions(select, '200');
    expect(invokeMock).toHaveBeenCalledWith('set_text_size', { percent: 200 });
    await waitFor(() => expect(scale()).toBe('2'));
    expect(fakeTextSize(), 'the shell keeps the choice').toBe(200);

    await user.keyboard('{Control>}-{/Control}');
    await waitFor(() => expect(scale()).toBe('1.75'));
    expect(select.value).toBe('175');
    await user.keyboard('{Control>}0{/Control}');
    await waitFor(() => expect(scale()).toBe('1'));
    await user.keyboard('{Control>}={/Control}');
    await waitFor(() => expect(fakeTextSize()).toBe(125));
  });

  it('starts at the size the shell kept', async () => {
    await fakeInvoke('set_text_size', { percent: 150 });
    render(App);
    await waitFor(() => expect(scale()).toBe('1.5'));
    await waitFor(() => expect((screen.getByLabelText('Cỡ chữ') as HTMLSelectElement).value).toBe('150'));
  });
});

function card(id: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-draft="${id}"]`);
}

function cards(): number[] {
  return [...document.querySelectorAll('[data-draft]')].map((c) => Number(c.getAttribute('data-draft')));
}

function button(selector: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`${selector} is not in the page`);
  return element;
}

describe('drafts on the home page', () => {
  it('tells drafts of one procedure apart by whom they are about', async () => {
    const na = seedDraft({ answers: { child_name: 'Trần Bảo Na' } });
    const khang = seedDraft({ answers: { child_name: 'Lê Minh Khang' } });
    render(App);
    await waitFor(() => expect(document.querySelector(`[data-draft="${na}"]`)).not.toBeNull());
    expect(document.querySelector(`[data-draft="${na}"] .draft-subject`)).toHaveTextContent('Khai cho: Trần Bảo Na');
    expect(document.querySelector(`[data-resume="${khang}"]`)?.textContent, 'the buttons of two drafts say which is which').toBe(
      'Tiếp tục hồ sơ “Đăng ký khai sinh cho Lê Minh Khang”',
    );
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows no drafts section when there is none', async () => {
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    expect(document.getElementById('drafts')).toBeNull();
  });

  it('lets the results take the drafts\' place while a search is typed', async () => {
    seedDraft({ title: 'Khai sinh cho bé Na' });
    const user = userEvent.setup();
    render(App);
    await waitFor(() => byId('drafts'));
    await user.type(byId('search'), 'ket hon');
    await waitFor(() => expect(listed()).toEqual(found('ket hon')));
    expect(document.getElementById('drafts'), 'the results come right under the box').toBeNull();
    await user.clear(byId('search'));
    await waitFor(() => byId('drafts'));
  });

  it('lists each draft under the search, with its name, person, last change and progress', async () => {
    const older = seedDraft({
      answers: {
        requester_name: 'Nguyễn Văn An',
        requester_id: '001090012345',
        requester_relation: 'father',
        requester_phone: '0912345678',
      },
    });
    const newer = seedDraft({ title: 'Khai sinh cho bé Na' });
    render(App);
    const section = await waitFor(() => byId('drafts'));
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Hồ sơ đang soạn');
    // Under the search box, which stays at the top however many drafts there are.
    expect(section.compareDocumentPosition(byId('search')) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(cards()).toEqual([newer, older]);
    await waitFor(() => expect(card(older)).toHaveTextContent('Đăng ký khai sinh'));
    expect(card(older)).toHaveTextContent('Người khai: Nguyễn Văn An');
    expect(card(older)).toHaveTextContent(`Sửa lần cuối lúc ${formatDateTime(fakeDraft(older)!.updatedAt)}`);
    expect(card(older)?.textContent).toMatch(/Sửa lần cuối lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(card(older)).toHaveTextContent('Đã xong 1/5 bước');
    expect(card(newer)).toHaveTextContent('Khai sinh cho bé Na');
    expect(card(newer)).toHaveTextContent('Đã xong 0/5 bước');
    // Each button says which draft it is for (the end is for screen readers).
    expect(button(`[data-resume="${newer}"]`).textContent).toBe('Tiếp tục hồ sơ “Khai sinh cho bé Na”');
    expect(button(`[data-resume="${older}"]`).textContent).toBe('Tiếp tục hồ sơ “Đăng ký khai sinh”');
  });

  it('resumes a draft where it was left, with its answers', async () => {
    const id = seedDraft({
      currentStep: 'child',
      answers: { requester_name: 'Nguyễn Văn An', requester_phone: '0912345678', child_birth_date: '05/09/2025' },
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await waitFor(() => button(`[data-resume="${id}"]`)));
    await screen.findByRole('heading', { level: 2, name: 'Thông tin của trẻ' });
    expect((byId('field-child_birth_date') as HTMLInputElement).value).toBe('05/09/2025');
    expect(invokeMock).toHaveBeenCalledWith('open_draft', { id });
    await user.click(byId('back'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect((byId('field-requester_name') as HTMLInputElement).value).toBe('Nguyễn Văn An');
  });

  it('asks before deleting, in a dialog that keeps focus and closes on Esc', async () => {
    const id = seedDraft({ title: 'Khai sinh cho bé Na' });
    const user = userEvent.setup();
    render(App);
    const remove = await waitFor(() => button(`[data-delete="${id}"]`));
    await user.click(remove);
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleName('Bạn có chắc muốn xóa hồ sơ này?');
    expect(dialog).toHaveTextContent('Khai sinh cho bé Na');
    const cancel = within(dialog).getByRole('button', { name: 'Không xóa' });
    const confirm = within(dialog).getByRole('button', { name: 'Xóa hồ sơ' });
    expect(cancel).toHaveFocus();
    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(remove).toHaveFocus();
    expect(card(id)).not.toBeNull();
    expect(invokeMock.mock.calls.some(([c]) => c === 'delete_draft')).toBe(false);
  });

  it('deletes a draft and undoes it from the message', async () => {
    const keep = seedDraft();
    const id = seedDraft({ title: 'Khai sinh cho bé Na' });
    const user = userEvent.setup();
    render(App);
    await user.click(await waitFor(() => button(`[data-delete="${id}"]`)));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Xóa hồ sơ' }));
    await waitFor(() => expect(cards()).toEqual([keep]));
    expect(invokeMock).toHaveBeenCalledWith('delete_draft', { id });
    expect(screen.queryByRole('dialog')).toBeNull();
    const toast = byId('toast');
    expect(toast).toHaveTextContent('Đã xóa hồ sơ');
    expect(toast.closest('[role="status"]')).not.toBeNull();
    expect(byId('drafts-title')).toHaveFocus();

    await user.click(byId('undo-delete'));
    await waitFor(() => expect(cards()).toEqual([id, keep]));
    expect(invokeMock).toHaveBeenCalledWith('restore_draft', { id });
    expect(document.getElementById('undo-delete')).toBeNull();
    expect(byId('toast')).toHaveTextContent('Đã khôi phục hồ sơ.');
    expect(button(`[data-resume="${id}"]`)).toHaveFocus();
  });

  it('offers the undo for ten seconds only', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const id = seedDraft();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(App);
    await user.click(await waitFor(() => button(`[data-delete="${id}"]`)));
    await user.click(byId('confirm-ok'));
    await waitFor(() => byId('undo-delete'));
    // The last draft went: the section goes, focus goes to the page heading.
    expect(document.getElementById('drafts')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    vi.advanceTimersByTime(9_000);
    await Promise.resolve();
    expect(document.getElementById('undo-delete')).not.toBeNull();
    vi.advanceTimersByTime(1_100);
    await waitFor(() => expect(document.getElementById('undo-delete')).toBeNull());
  });

  it('renames a draft inline, and cancels with Esc', async () => {
    const id = seedDraft();
    const user = userEvent.setup();
    render(App);
    await user.click(await waitFor(() => button(`[data-rename="${id}"]`)));
    const input = screen.getByLabelText('Tên hồ sơ');
    expect(input).toHaveFocus();
    await user.type(input, 'Bé Na{Escape}');
    expect(screen.queryByLabelText('Tên hồ sơ')).toBeNull();
    expect(button(`[data-rename="${id}"]`)).toHaveFocus();
    expect(invokeMock.mock.calls.some(([c]) => c === 'rename_draft')).toBe(false);

    await user.click(button(`[data-rename="${id}"]`));
    await user.type(screen.getByLabelText('Tên hồ sơ'), 'Khai sinh cho bé Na');
    await user.click(button(`[data-rename-save="${id}"]`));
    await waitFor(() => expect(card(id)).toHaveTextContent('Khai sinh cho bé Na'));
    expect(invokeMock).toHaveBeenCalledWith('rename_draft', { id, title: 'Khai sinh cho bé Na' });
    expect(screen.queryByLabelText('Tên hồ sơ')).toBeNull();
  });

  it('duplicates a draft', async () => {
    const id = seedDraft({ answers: { requester_name: 'Nguyễn Văn An' } });
    const user = userEvent.setup();
    render(App);
    await user.click(await waitFor(() => button(`[data-duplicate="${id}"]`)));
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(invokeMock).toHaveBeenCalledWith('duplicate_draft', { id });
    const copy = cards().find((c) => c !== id)!;
    expect(card(copy)).toHaveTextContent('Người khai: Nguyễn Văn An');
  });

  it('saves the last change when the user leaves the interview by the header', async () => {
    const id = seedDraft();
    const user = userEvent.setup();
    render(App);
    await user.click(await waitFor(() => button(`[data-resume="${id}"]`)));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    await user.type(byId('field-requester_name'), 'Trần Thị Bình');
    // Straight to the home page, before the typing pause is over.
    await user.click(screen.getByRole('button', { name: 'Trợ lý Dịch vụ công' }));
    await waitFor(() => expect(card(id)).toHaveTextContent('Người khai: Trần Thị Bình'));
    expect(fakeDraft(id)?.answers['requester_name']).toBe('Trần Thị Bình');
  });

  it('shows what start-up reported, once, until dismissed', async () => {
    seedStartupNotice({ code: 'store-set-aside', args: { path: '/home/an/.local/share/du-lieu.hong' } });
    const user = userEvent.setup();
    render(App);
    const notice = await waitFor(() => button('[data-startup-notice="store-set-aside"]'));
    expect(notice).toHaveAttribute('role', 'alert');
    const expected = translate('vi', 'error-store-set-aside', { path: '/home/an/.local/share/du-lieu.hong' });
    if (expected !== 'error-store-set-aside') expect(notice).toHaveTextContent(expected);
    await user.click(within(notice).getByRole('button'));
    expect(document.querySelector('[data-startup-notice]')).toBeNull();
    await user.click(byId('nav-profiles'));
    await waitFor(() => byId('profiles'));
    await user.click(byId('profiles-back-home'));
    await waitFor(() => expect(listed()).toEqual(found('')));
    expect(document.querySelector('[data-startup-notice]')).toBeNull();
    expect(invokeMock.mock.calls.filter(([c]) => c === 'startup_notices')).toHaveLength(1);
  });
});

describe('starting with a profile', () => {
  async function openBirthRegistration(user: ReturnType<typeof userEvent.setup>) {
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.click(document.querySelector('[data-procedure="1.001193"]') as HTMLElement);
    await waitFor(() => byId('start-interview'));
  }

  it('offers the drafts of a procedure before starting another one', async () => {
    const draftId = seedDraft({ title: 'Khai sinh cho bé Na' });
    const user = userEvent.setup();
    await openBirthRegistration(user);
    const existing = await waitFor(() => byId('existing-drafts'));
    expect(existing).toHaveTextContent('Bạn đang có 1 hồ sơ đang soạn cho thủ tục này');
    expect(byId('start-interview')).toHaveTextContent('Tạo hồ sơ mới');
    await user.click(within(existing).getByRole('button', { name: /Tiếp tục hồ sơ “Khai sinh cho bé Na”/ }));
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('open_draft', { id: draftId }));
    expect(invokeMock.mock.calls.some(([c]) => c === 'create_draft'), 'no second draft is made').toBe(false);
  });

  it('asks who the dossier is for, then fills in from the chosen profile', async () => {
    const profile = seedProfile('Tôi', { full_name: 'Nguyễn Văn An', phone: '0912345678' });
    seedProfile('Mẹ', { full_name: 'Trần Thị Bình' });
    const user = userEvent.setup();
    await openBirthRegistration(user);
    await user.click(byId('start-interview'));
    const question = await screen.findByRole('heading', { level: 2, name: 'Bạn khai cho ai?' });
    expect(question).toHaveFocus();
    const group = screen.getByRole('radiogroup', { name: 'Bạn khai cho ai?' });
    expect(within(group).getAllByRole('radio').map((r) => r.parentElement?.querySelector('label')?.textContent?.trim())).toEqual([
      'Mẹ (Trần Thị Bình)',
      'Tôi (Nguyễn Văn An)',
      'Người khác (không điền sẵn)',
    ]);
    // Each choice says which questions it fills.
    const fills = (label: RegExp) => document.getElementById(screen.getByLabelText(label).getAttribute('aria-describedby') ?? '');
    expect(fills(/^Tôi/)).toHaveTextContent('Sẽ điền sẵn: Họ, chữ đệm và tên; Số điện thoại di động.');
    expect(fills(/^Mẹ/)).toHaveTextContent('Sẽ điền sẵn: Họ, chữ đệm và tên.');
    // Nothing is chosen for the user.
    await user.click(byId('start-with-profile'));
    expect(byId('choose-profile')).toHaveTextContent('Vui lòng cho biết bạn khai cho ai: chọn một người khai đã lưu, hoặc chọn “Người khác”.');
    expect(invokeMock.mock.calls.some(([c]) => c === 'create_draft')).toBe(false);

    await user.click(screen.getByLabelText(/^Tôi/));
    await user.click(byId('start-with-profile'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect(invokeMock).toHaveBeenCalledWith('create_draft', { code: '1.001193', profileId: profile.id });
    expect((byId('field-requester_name') as HTMLInputElement).value).toBe('Nguyễn Văn An');
    expect(document.querySelectorAll('.prefilled-badge')).toHaveLength(2);
  });

  it('starts unfilled for someone else', async () => {
    seedProfile('Tôi', { full_name: 'Nguyễn Văn An' });
    const user = userEvent.setup();
    await openBirthRegistration(user);
    await user.click(byId('start-interview'));
    await user.click(await screen.findByLabelText('Người khác (không điền sẵn)'));
    await user.click(byId('start-with-profile'));
    await screen.findByRole('heading', { level: 2, name: 'Người đi đăng ký' });
    expect(invokeMock).toHaveBeenCalledWith('create_draft', { code: '1.001193', profileId: null });
    expect((byId('field-requester_name') as HTMLInputElement).value).toBe('');
    expect(document.querySelector('.prefilled-badge')).toBeNull();
  });
});

describe('profiles screen', () => {
  it('refuses a profile value the interview would refuse, under its field, and saves nothing', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.click(screen.getByRole('button', { name: 'Người khai đã lưu' }));
    await waitFor(() => byId('profiles-empty'));
    await user.click(byId('new-profile'));
    await user.type(screen.getByLabelText('Họ, chữ đệm và tên'), 'Nguyễn Văn An');
    await user.type(screen.getByLabelText('Số định danh cá nhân'), '001.085.01234');
    await user.type(screen.getByLabelText('Số điện thoại di động'), '0084 912 345 678');
    await user.click(byId('save-profile'));
    const error = await waitFor(() => byId('profile-error-citizen_id'));
    expect(error).toHaveTextContent('phải gồm đúng 12 chữ số (bạn đã nhập 11 chữ số)');
    expect(screen.getByLabelText('Số định danh cá nhân')).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById('profile-error-phone'), '0084 is how many people write +84').toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('chưa được lưu');
    expect(fakeProfile(1), 'nothing was saved').toBeUndefined();
  });

  it('creates, edits and deletes a profile', async () => {
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(listed()).toEqual(found('')));
    await user.click(screen.getByRole('button', { name: 'Người khai đã lưu' }));
    const page = await waitFor(() => byId('profiles'));
    expect(within(page).getByRole('heading', { level: 1 })).toHaveTextContent('Người khai đã lưu');
    await waitFor(() => byId('profiles-empty'));

    await user.click(byId('new-profile'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Thêm người khai' })).toHaveFocus();
    // A profile needs a name, or a full name to be named after.
    await user.click(byId('save-profile'));
    expect(byId('profile-label')).toHaveFocus();
    expect(byId('profile-error-label')).toHaveTextContent('Vui lòng đặt tên gọi');

    await user.type(screen.getByLabelText('Họ, chữ đệm và tên'), 'Nguyễn Văn An');
    await user.type(screen.getByLabelText('Số định danh cá nhân'), '001090012345');
    await user.type(screen.getByLabelText('Ngày sinh'), '12/03/1990');
    await user.click(screen.getByLabelText('Nam'));
    await user.type(screen.getByLabelText('Số điện thoại di động'), '0912 345 678');
    await user.type(screen.getByLabelText('Thư điện tử (email)'), 'an@example.vn');
    await user.selectOptions(byId('profile-permanent_address-province'), '01');
    await waitFor(() => expect(byId('profile-permanent_address-commune').querySelectorAll('option')).toHaveLength(communesOf('01') + 1));
    await user.selectOptions(byId('profile-permanent_address-commune'), '00004');
    await user.type(byId('profile-permanent_address-street'), '12 phố Đội Cấn');
    await user.click(byId('save-profile'));

    const saved = await waitFor(() => button('[data-profile]'));
    const id = Number(saved.getAttribute('data-profile'));
    expect(within(saved).getByRole('heading', { level: 2 })).toHaveTextContent('Nguyễn Văn An');
    expect(within(saved).getByRole('heading', { level: 2 })).toHaveFocus();
    expect(fakeProfile(id)?.data).toEqual({
      full_name: 'Nguyễn Văn An',
      citizen_id: '001090012345',
      birth_date: '12/03/1990',
      sex: 'male',
      phone: '0912345678',
      email: 'an@example.vn',
      permanent_address: { province: '01', commune: '00004', street: '12 phố Đội Cấn' },
    });
    expect(saved.querySelector('[data-fact="sex"] .value')).toHaveTextContent('Nam');
    await waitFor(() =>
      expect(saved.querySelector('[data-fact="permanent_address"] .value')).toHaveTextContent(
        '12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
      ),
    );

    await user.click(button(`[data-edit-profile="${id}"]`));
    const label = await waitFor(() => byId('profile-label') as HTMLInputElement);
    expect(label.value).toBe('Nguyễn Văn An');
    expect((byId('profile-phone') as HTMLInputElement).value).toBe('0912345678');
    expect(byId('profile-sex-male')).toBeChecked();
    await user.clear(label);
    await user.type(label, 'Tôi');
    await user.click(byId('save-profile'));
    await waitFor(() => expect(button(`[data-profile="${id}"]`)).toHaveTextContent('Tôi'));
    expect(fakeProfile(id)?.label).toBe('Tôi');
    expect(fakeProfile(id)?.data.full_name).toBe('Nguyễn Văn An');

    await user.click(button(`[data-delete-profile="${id}"]`));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Tôi');
    await user.click(within(dialog).getByRole('button', { name: 'Xóa thông tin' }));
    await waitFor(() => expect(document.querySelector('[data-profile]')).toBeNull());
    expect(fakeProfile(id)).toBeUndefined();
    expect(within(page).getByRole('heading', { level: 1 })).toHaveFocus();
  });
});
