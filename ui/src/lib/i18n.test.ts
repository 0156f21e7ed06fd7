// Text built from codes the portal sends back reads as a sentence in both
// languages, never with a Fluent placeholder left in it.
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, refusalText } from './i18n.svelte';

describe('refusalText', () => {
  afterEach(() => {
    i18n.locale = 'vi';
  });

  it('says the portal gave no reason where the message quotes one', () => {
    for (const locale of ['vi', 'en'] as const) {
      i18n.locale = locale;
      const text = refusalText('portal-refused');
      expect(text, `${locale}: no placeholder is shown`).not.toMatch(/[{}]/);
    }
    i18n.locale = 'vi';
    expect(refusalText('portal-refused')).toContain('Lý do: cổng không nêu lý do cụ thể');
    expect(refusalText('portal-refused'), 'the refusal gives the hotline').toContain('1800 1096');
  });

  it('falls back to the general refusal for a code the app does not know', () => {
    i18n.locale = 'vi';
    expect(refusalText('no-such-reason')).toContain('không nêu lý do');
  });
});
