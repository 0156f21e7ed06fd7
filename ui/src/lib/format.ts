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
