import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatFee, formatFileSize, formatTime, formatVnd, groupDigits } from './format';

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

describe('formatFileSize', () => {
  it('writes megabytes with one decimal, in each language', () => {
    expect(formatFileSize(1_258_291, 'vi')).toBe('1,2 MB');
    expect(formatFileSize(1_258_291, 'en')).toBe('1.2 MB');
    expect(formatFileSize(10 * 1024 * 1024, 'vi')).toBe('10 MB');
  });

  it('writes smaller files in kilobytes, never 0', () => {
    expect(formatFileSize(350 * 1024, 'vi')).toBe('350 KB');
    expect(formatFileSize(12, 'en')).toBe('1 KB');
  });
});

describe('dates and times', () => {
  it('writes local times as HH:mm and dates as dd/mm/yyyy', () => {
    expect(formatTime(new Date(2025, 8, 5, 14, 5))).toBe('14:05');
    expect(formatDateTime(new Date(2025, 8, 5, 9, 7))).toBe('05/09/2025 09:07');
  });

  it('reads RFC 3339 stamps in UTC and shows them in local time', () => {
    const stamp = '2025-09-05T07:00:00.000Z';
    expect(formatDateTime(stamp)).toBe(formatDateTime(new Date(Date.UTC(2025, 8, 5, 7, 0))));
    expect(formatDateTime('not a date')).toBe('');
  });

  it('writes a day the API gives as YYYY-MM-DD as dd/mm/yyyy, and anything else as given', () => {
    expect(formatDay('2026-12-09')).toBe('09/12/2026');
    expect(formatDay('9/12/2026')).toBe('9/12/2026');
  });
});
