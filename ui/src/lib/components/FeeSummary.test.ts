import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FeeSummary from './FeeSummary.svelte';
import type { FeeState } from '../types';

const copies = { label: { vi: 'Bản sao trích lục khai sinh cấp thêm', en: 'Extra copy of the birth extract' }, count: 2, each: 8000, total: 16000 };

describe('the fee', () => {
  it('lists extra copies with their sum and the total', () => {
    const state: FeeState = { amount: 0, reason: null, note: null, items: [copies], total: 16000 };
    const { container } = render(FeeSummary, { state });
    expect(container.querySelector('[data-fee-item="0"]')?.textContent?.trim()).toBe(
      'Bản sao trích lục khai sinh cấp thêm: 2 × 8.000\u00A0₫ = 16.000\u00A0₫',
    );
    expect(container.querySelector('#fee-total')?.textContent?.trim()).toBe('Tổng cộng: 16.000\u00A0₫');
  });

  it('claims no total while the province sets the fee, and says why', () => {
    const reason = { vi: 'Trẻ sinh đã hơn 60 ngày nên đây là đăng ký khai sinh quá hạn.', en: 'Late.' };
    const state: FeeState = { amount: null, reason, note: null, items: [copies], total: null };
    const { container } = render(FeeSummary, { state });
    expect(container.querySelector('#fee-reason')).toHaveTextContent('quá hạn');
    expect(container.querySelector('#fee-total')?.textContent?.trim()).toBe(
      'Tổng cộng: 16.000\u00A0₫, cộng thêm lệ phí do tỉnh quy định',
    );
  });
});
