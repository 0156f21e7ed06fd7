// Fluent bundles built from every .ftl file under locales/<lang>/, shared
// with the Rust side. Pure: the current language lives in i18n.svelte.ts.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Arg, Locale } from './types';

export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';

export type Args = { [key in string]?: Arg | null };

const sources = import.meta.glob<string>('../../../locales/*/*.ftl', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const built = new Map<Locale, FluentBundle>();

/** The bundle of `locale`, built the first time it is asked for: parsing a
 * language's messages is start-up work, and the second language may never
 * be shown. */
export function bundle(locale: Locale): FluentBundle {
  let found = built.get(locale);
  if (found) return found;
  found = new FluentBundle(locale, { useIsolating: false });
  for (const path of Object.keys(sources).sort()) {
    const text = sources[path];
    if (path.split('/').at(-2) !== locale || text === undefined) continue;
    const errors = found.addResource(new FluentResource(text));
    for (const error of errors) console.warn(`${path}: ${error.message}`);
  }
  built.set(locale, found);
  return found;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function hasMessage(locale: Locale, id: string): boolean {
  return bundle(locale).getMessage(id)?.value != null;
}

function variables(args: Args | undefined): Record<string, FluentVariable> | undefined {
  if (!args) return undefined;
  const out: Record<string, FluentVariable> = {};
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    out[name] = typeof value === 'bigint' ? Number(value) : value;
  }
  return out;
}

/** The message `id` in `locale`, or `undefined` when there is none. */
export function tryTranslate(locale: Locale, id: string, args?: Args): string | undefined {
  const messages = bundle(locale);
  const message = messages.getMessage(id);
  if (!message?.value) return undefined;
  const errors: Error[] = [];
  const text = messages.formatPattern(message.value, variables(args), errors);
  for (const error of errors) console.warn(`${locale}/${id}: ${error.message}`);
  return text;
}

/**
 * The message `id` in `locale`, or `undefined` when there is none or it
 * could not be formatted completely (e.g. an argument it needs is missing).
 */
export function tryTranslateExact(locale: Locale, id: string, args?: Args): string | undefined {
  const messages = bundle(locale);
  const message = messages.getMessage(id);
  if (!message?.value) return undefined;
  const errors: Error[] = [];
  const text = messages.formatPattern(message.value, variables(args), errors);
  return errors.length === 0 ? text : undefined;
}

/** The message `id` in `locale`; the id itself when it is missing. */
export function translate(locale: Locale, id: string, args?: Args): string {
  return tryTranslate(locale, id, args) ?? id;
}
