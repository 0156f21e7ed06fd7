import { describe, expect, it } from 'vitest';
import { formatFee, formatVnd, groupDigits } from './format';

describe('formatVnd', () => {
  it('groups thousands with dots in Vietnamese, then a no-break space and ₫', () => {
    expect(formatVnd(30500, 'vi')).toBe('30.500\u00A0\u20AB');
    expect(formatVnd(1234567, 'vi')).toBe('1.234.567\u00A0₫');
  });

  it('groups thousands with commas in English', () => {
    expect(formatVnd(30500, 'en')).toBe('30,500\u00A0\u20AB');
    expect(formatVnd(1000000, 'en')).toBe('1,000,000\u00A0₫');
  });

  it('leaves small amounts ungrouped', () => {
    expect(formatVnd(8, 'vi')).toBe('8\u00A0₫');
    expect(formatVnd(999, 'en')).toBe('999\u00A0₫');
    expect(formatVnd(1000, 'vi')).toBe('1.000\u00A0₫');
  });

  it('says free for zero', () => {
    expect(formatVnd(0, 'vi')).toBe('Miễn phí');
    expect(formatVnd(0, 'en')).toBe('Free');
  });

  it('accepts bigint amounts, as ts-rs types u64', () => {
    expect(formatVnd(12345678901234567890n, 'vi')).toBe('12.345.678.901.234.567.890\u00A0₫');
    expect(formatVnd(0n, 'vi')).toBe('Miễn phí');
  });
});

describe('groupDigits', () => {
  it('rounds fractions away', () => {
    expect(groupDigits(1499.6, 'vi')).toBe('1.500');
  });
});

describe('formatFee', () => {
  it('says the province sets it when there is no amount', () => {
    expect(formatFee(null, 'vi')).toBe('Do tỉnh quy định');
    expect(formatFee(null, 'en')).toBe('Set by the province');
    expect(formatFee(135000, 'vi')).toBe('135.000\u00A0₫');
  });
});
