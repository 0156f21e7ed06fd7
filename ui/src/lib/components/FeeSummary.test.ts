import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FeeSummary from './FeeSummary.svelte';
import type { FeeState } from '../types';

const online: FeeState = {
  amount: 0,
  reason: null,
  note: null,
  items: [],
  total: 0,
  channel: 'online',
  province: null,
  province_unknown: false,
  until: null,
};

const copies = { label: { vi: 'Bản sao trích lục khai sinh cấp thêm', en: 'Extra copy of the birth extract' }, count: 2, each: 8000, total: 16000 };

describe('the fee', () => {
  it('lists extra copies with their sum and the total', () => {
    const state: FeeState = { ...online, amount: 0, items: [copies], total: 16000 };
    const { container } = render(FeeSummary, { state });
    expect(container.querySelector('[data-fee-item="0"]')?.textContent?.trim()).toBe(
      'Bản sao trích lục khai sinh cấp thêm: 2 × 8.000\u00A0₫ = 16.000\u00A0₫',
    );
    expect(container.querySelector('#fee-total')?.textContent?.trim()).toBe('Tổng cộng: 16.000\u00A0₫');
  });

  it('claims no total while the province sets the fee, and says why', () => {
    const reason = { vi: 'Trẻ sinh đã hơn 60 ngày nên đây là đăng ký khai sinh quá hạn.', en: 'Late.' };
    const state: FeeState = { ...online, amount: null, reason, items: [copies], total: null };
    const { container } = render(FeeSummary, { state });
    expect(container.querySelector('#fee-reason')).toHaveTextContent('quá hạn');
    expect(container.querySelector('#fee-total')?.textContent?.trim()).toBe(
      'Tổng cộng: 16.000\u00A0₫, cộng thêm lệ phí do tỉnh quy định',
    );
  });

  it('says when a reduced amount ends', () => {
    const reason = { vi: 'Cấp đổi thẻ: 50.000 đồng, được giảm 50% còn 25.000 đồng đến hết 31/12/2026.', en: 'Halved.' };
    const { container } = render(FeeSummary, { state: { ...online, amount: 25000, reason, total: 25000, until: '31/12/2026' } });
    expect(container.querySelector('#fee-until')?.textContent?.trim()).toBe('Mức này áp dụng đến hết ngày 31/12/2026.');
  });

  it('names the province whose amount the app does not have, and claims none', () => {
    const note = { vi: 'Lệ phí do Hội đồng nhân dân tỉnh quy định.', en: 'Set by the province.' };
    const province = { code: '48', name: 'Thành phố Đà Nẵng' };
    const { container } = render(FeeSummary, {
      state: { ...online, amount: null, total: null, note, province, province_unknown: true },
    });
    expect(container.querySelector('.fee-amount')?.textContent?.trim()).toBe('Do tỉnh quy định');
    expect(container.querySelector('#fee-province-unknown')).toHaveTextContent(
      'Ứng dụng chưa có mức thu do Thành phố Đà Nẵng quy định',
    );
    expect(container.textContent).toContain('Lệ phí do Hội đồng nhân dân tỉnh quy định.');
  });
});
