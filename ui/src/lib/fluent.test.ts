// Every Fluent id the UI uses exists in both languages, and the UI's own
// files (app.ftl, catalog.ftl) have the same ids in vi and en.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FluentResource } from '@fluent/bundle';
import { bundle, hasMessage, LOCALES, translate } from './fluent';
import { LIFE_EVENTS, TOPICS } from './taxonomy';

const src = resolve(__dirname, '..');
const locales = resolve(__dirname, '../../../locales');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bindings' ? [] : sourceFiles(path);
    return /\.(ts|js|svelte)$/.test(name) ? [path] : [];
  });
}

/**
 * Literal ids passed to t('…') anywhere under src/ (as the Rust-side scan
 * finds them, tests included), and to translate(locale, '…') in the app.
 */
function usedIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const patterns = [/\bt\(\s*'([a-z0-9-]+)'/g];
    if (!file.endsWith('.test.ts')) patterns.push(/translate\([^,()]+,\s*'([a-z0-9-]+)'/g);
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) ids.set(match[1]!, file);
    }
  }
  return ids;
}

function ids(locale: string, file: string): string[] {
  const resource = new FluentResource(readFileSync(join(locales, locale, file), 'utf8'));
  return resource.body.map((entry) => entry.id);
}

describe('Fluent messages', () => {
  it('finds the ids the code uses', () => {
    const used = usedIds();
    expect(used.size).toBeGreaterThan(50);
    expect(used.has('wizard-next')).toBe(true);
  });

  it.each(LOCALES)('has every id the code uses in %s', (locale) => {
    const missing = [...usedIds()].filter(([id]) => !hasMessage(locale, id)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it.each(['app.ftl', 'catalog.ftl'])('%s has the same ids in vi and en, without duplicates', (file) => {
    const vi = ids('vi', file);
    const en = ids('en', file);
    expect(new Set(vi).size).toBe(vi.length);
    expect([...vi].sort()).toEqual([...en].sort());
  });

  it.each(LOCALES)('labels every topic, life event, level and online kind in %s', (locale) => {
    const needed = [
      ...TOPICS.map((id) => `topic-${id}`),
      ...LIFE_EVENTS.map((id) => `life-event-${id}`),
      'agency-level-province',
      'agency-level-commune',
      'online-full',
      'online-partial',
      'fee-free',
      'fee-varies',
    ];
    expect(needed.filter((id) => !hasMessage(locale, id))).toEqual([]);
  });

  it('formats arguments and plurals without isolation marks', () => {
    expect(translate('vi', 'wizard-progress', { current: 2, total: 5 })).toBe('Bước 2/5');
    expect(translate('en', 'wizard-progress', { current: 2, total: 5 })).toBe('Step 2 of 5');
    expect(translate('en', 'home-result-count', { count: 1 })).toBe('1 procedure.');
    expect(translate('vi', 'home-result-count', { count: 3 })).toBe('Có 3 thủ tục.');
  });

  it('gives the required wording', () => {
    expect(translate('vi', 'online-full')).toBe('Dịch vụ công trực tuyến toàn trình');
    expect(translate('vi', 'online-partial')).toBe('Dịch vụ công trực tuyến một phần');
    expect(translate('vi', 'fee-free')).toBe('Miễn phí');
    expect(translate('vi', 'nav-language-vi')).toBe('Tiếng Việt');
    expect(translate('en', 'nav-language-en')).toBe('English');
  });

  it('falls back to the id when a message is missing', () => {
    expect(translate('vi', 'error-no-such-thing')).toBe('error-no-such-thing');
  });

  it('builds one bundle per locale, once, in that locale', () => {
    for (const locale of LOCALES) {
      expect(bundle(locale).locales, `the ${locale} bundle`).toEqual([locale]);
      expect(bundle(locale), `the ${locale} bundle is built once`).toBe(bundle(locale));
    }
    expect(bundle('vi'), 'each locale has its own').not.toBe(bundle('en'));
  });
});
