// What a profile holds, in the order the screens list it. Labels are read
// through literal t('…') calls so the id scans find them.
import { t } from './i18n.svelte';
import type { AppError, FieldKind, Meaning } from './types';

export const MEANINGS: readonly Meaning[] = [
  'full_name',
  'citizen_id',
  'birth_date',
  'sex',
  'phone',
  'email',
  'permanent_address',
  'current_address',
];

/** The field kind a meaning's answer has (as the engine cleans it). */
export function meaningKind(meaning: Meaning): FieldKind {
  switch (meaning) {
    case 'full_name':
      return 'person_name';
    case 'citizen_id':
      return 'citizen_id';
    case 'birth_date':
      return 'date';
    case 'sex':
      return 'choice';
    case 'phone':
      return 'phone';
    case 'email':
      return 'email';
    case 'permanent_address':
    case 'current_address':
      return 'address';
  }
}

export function meaningLabel(meaning: Meaning): string {
  switch (meaning) {
    case 'full_name':
      return t('profiles-full-name');
    case 'citizen_id':
      return t('profiles-citizen-id');
    case 'birth_date':
      return t('profiles-birth-date');
    case 'sex':
      return t('profiles-sex');
    case 'phone':
      return t('profiles-phone');
    case 'email':
      return t('profiles-email');
    case 'permanent_address':
      return t('profiles-permanent-address');
    case 'current_address':
      return t('profiles-current-address');
  }
}

export function meaningHint(meaning: Meaning): string | null {
  switch (meaning) {
    case 'full_name':
      return t('profiles-full-name-hint');
    case 'citizen_id':
      return t('profiles-citizen-id-hint');
    case 'birth_date':
      return t('profiles-birth-date-hint');
    case 'phone':
      return t('profiles-phone-hint');
    default:
      return null;
  }
}

export function sexLabel(value: string): string {
  return value === 'male' ? t('profiles-sex-male') : value === 'female' ? t('profiles-sex-female') : value;
}

/**
 * The values Rust refused with the interview's own validators (code
 * `profile-value`: each meaning names its message id, `<meaning>.<name>`
 * carries that message's arguments), as text by meaning.
 */
export function valueErrors(error: AppError | null): Partial<Record<Meaning, string>> {
  const out: Partial<Record<Meaning, string>> = {};
  if (error?.code !== 'profile-value') return out;
  for (const [key, id] of Object.entries(error.args)) {
    if (key.includes('.')) continue;
    const prefix = `${key}.`;
    const args = Object.fromEntries(
      Object.entries(error.args)
        .filter(([name]) => name.startsWith(prefix))
        .map(([name, value]) => [name.slice(prefix.length), value]),
    );
    out[key as Meaning] = t(id, args);
  }
  return out;
}
