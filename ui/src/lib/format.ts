// Money and other formatting, without Intl so the output is the same on
// every machine.
import { translate } from './fluent';
import type { Locale } from './types';

const NBSP = '\u00A0';
const DONG = '\u20AB';

/** Digits of a whole amount grouped by three: "30.500" (vi) or "30,500" (en). */
export function groupDigits(amount: number | bigint, locale: Locale): string {
  const whole = typeof amount === 'bigint' ? amount : BigInt(Math.round(Math.abs(amount)));
  const digits = (whole < 0n ? -whole : whole).toString();
  const separator = locale === 'vi' ? '.' : ',';
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** An amount in đồng: "30.500 ₫" (vi), "30,500 ₫" (en), or "Miễn phí" for 0. */
export function formatVnd(amount: number | bigint, locale: Locale): string {
  if (Number(amount) === 0) return translate(locale, 'fee-free');
  return `${groupDigits(amount, locale)}${NBSP}${DONG}`;
}

/** A fee that may be unknown: the amount, "Miễn phí", or "set by the province". */
export function formatFee(amount: number | bigint | null | undefined, locale: Locale): string {
  if (amount === null || amount === undefined) return translate(locale, 'fee-varies');
  return formatVnd(amount, locale);
}

const MIB = 1024 * 1024;

/** A file size: "350 KB", "1,2 MB" (vi) or "1.2 MB" (en); MB are MiB, as the limits are. */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (bytes < MIB) return `${groupDigits(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
  const tenths = Math.round((bytes / MIB) * 10);
  const whole = groupDigits(Math.floor(tenths / 10), locale);
  const fraction = tenths % 10;
  return fraction === 0 ? `${whole} MB` : `${whole}${locale === 'vi' ? ',' : '.'}${fraction} MB`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local time of day, "14:05". */
export function formatTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Local date, "05/09/2025". */
export function formatDate(date: Date): string {
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** Today's local date, "05/09/2025". */
export function formatToday(): string {
  return formatDate(new Date());
}

/** Local date and time, "05/09/2025 14:05", from a Date or an RFC 3339 stamp ("" when unreadable). */
export function formatDateTime(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return `${formatDate(date)} ${formatTime(date)}`;
}

/** A calendar day the API writes as "2025-09-05", as "05/09/2025" (the text as given when unreadable). */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}
