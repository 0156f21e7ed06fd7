// The current language and the functions that read text in it. Reading
// `i18n.locale` inside t() makes every template that calls t() update when
// the language changes.
import { currentLocale, setLocale } from './api';
import { DEFAULT_LOCALE, bundle, isLocale, translate, tryTranslate, tryTranslateExact, type Args } from './fluent';
import { formatFee, formatToday, formatVnd } from './format';
import type { AppError, FieldProblem, Locale, LocalizedText, Message } from './types';

// Rust keeps the chosen language (it speaks it in notifications, dialogs and
// the browser sign-in page too); the page asks for it at start-up.
export const i18n = $state<{ locale: Locale }>({ locale: DEFAULT_LOCALE });

/** Text of Fluent message `id` in the current language (the id if missing). */
export function t(id: string, args?: Args): string {
  return translate(i18n.locale, id, args);
}

/** The current language's side of a definition's text. */
export function loc(text: LocalizedText): string;
export function loc(text: LocalizedText | null | undefined): string | undefined;
export function loc(text: LocalizedText | null | undefined): string | undefined {
  return text ? text[i18n.locale] : undefined;
}

/** A message from the engine: a Fluent id with arguments, or a definition's text. */
export function messageText(message: Message): string {
  return message.kind === 'fluent' ? translate(i18n.locale, message.id, message.args) : message.text[i18n.locale];
}

/** A command's error, through the Fluent id `error-<code>`. */
export function errorText(error: AppError): string {
  return tryTranslate(i18n.locale, `error-${error.code}`, error.args) ?? t('common-error-unexpected', { code: error.code });
}

/**
 * Why the portal refused a write that follows a submission (a code naming
 * `error-<reason>`). Only the code is kept, so a message that quotes the
 * portal's reason says the portal gave none.
 */
export function refusalText(reason: string): string {
  const detail = t('rejection-no-detail');
  return tryTranslate(i18n.locale, `error-${reason}`, { detail }) ?? t('sync-rejected-refused');
}

/**
 * A field error from the portal (a refused submission). The portal sends a
 * Fluent id without its arguments: `today` is the one it can be given here;
 * a message that needs others, or an id the app does not know, reads as the
 * general "does not meet the procedure's rules".
 */
export function problemText(problem: FieldProblem): string {
  const id = problem.message_id;
  const exact = id.startsWith('error-') ? tryTranslateExact(i18n.locale, id, { today: formatToday() }) : undefined;
  return exact ?? t('error-portal-rule');
}

export function vnd(amount: number | bigint): string {
  return formatVnd(amount, i18n.locale);
}

export function fee(amount: number | bigint | null | undefined): string {
  return formatFee(amount, i18n.locale);
}

function applyToDocument(locale: Locale): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale;
  document.title = translate(locale, 'app-name');
}

/** Tells the shell the language (it retitles the window); errors are only logged. */
async function tellShell(locale: Locale): Promise<void> {
  try {
    await setLocale(locale);
  } catch {
    // Outside the Tauri shell (a plain browser) there is no one to tell.
  }
}

/** Switches the language and tells the shell, which keeps the choice. */
export async function changeLocale(locale: Locale): Promise<void> {
  i18n.locale = locale;
  applyToDocument(locale);
  await tellShell(locale);
}

/** Applies the remembered language to the page only (the shell may not be ready). */
export function showLocale(): void {
  applyToDocument(i18n.locale);
}

/**
 * Applies the language the shell kept at start-up (the default outside the
 * shell), and parses its messages at once: this runs while the data opens,
 * so the first screen does not wait for the parse.
 */
export async function initLocale(): Promise<void> {
  try {
    const kept = await currentLocale();
    if (isLocale(kept)) i18n.locale = kept;
  } catch {
    // Outside the Tauri shell (a plain browser) nothing is kept.
  }
  bundle(i18n.locale);
  showLocale();
}
