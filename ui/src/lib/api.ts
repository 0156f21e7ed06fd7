// One typed function per Tauri command. Every rejection is turned into an
// AppError so the UI can show it through the Fluent id `error-<code>`.
import { invoke } from '@tauri-apps/api/core';
import type {
  Answers,
  AppError,
  Commune,
  Definition,
  InterviewState,
  Locale,
  ProcedureSummary,
  Province,
} from './types';

/** The code used when a rejection is not an AppError (e.g. no Tauri shell). */
export const UNEXPECTED = 'unexpected';

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { args?: unknown }).args === 'object' &&
    (value as { args?: unknown }).args !== null
  );
}

export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  if (typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string') {
    return { code: (value as { code: string }).code, args: {} };
  }
  return { code: UNEXPECTED, args: {} };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (!isAppError(error)) console.error(`${command} failed`, error);
    throw toAppError(error);
  }
}

/** Procedures matching `query`, best first; an empty query lists them all by name. */
export function searchProcedures(query: string): Promise<ProcedureSummary[]> {
  return call('search_procedures', { query });
}

/** The full definition of one procedure. */
export function procedureDetail(code: string): Promise<Definition> {
  return call('procedure_detail', { code });
}

/** The interview as of these answers: visible steps, errors, documents, fee. */
export function evaluateInterview(code: string, answers: Answers): Promise<InterviewState> {
  return call('evaluate_interview', { code, answers });
}

let provinces: Promise<Province[]> | null = null;

/** Every province, in code order (fetched once). */
export function listProvinces(): Promise<Province[]> {
  if (!provinces) {
    provinces = call<Province[]>('list_provinces');
    provinces.catch(() => (provinces = null));
  }
  return provinces;
}

/** Communes of a province whose name matches `query` (all of them for ""). */
export function searchCommunes(province: string, query: string): Promise<Commune[]> {
  return call('search_communes', { province, query });
}

/** Tells the shell the UI language (it updates the window title). */
export function setLocale(locale: Locale): Promise<void> {
  return call('set_locale', { locale });
}

/** Forgets cached answers; for tests. */
export function resetCache(): void {
  provinces = null;
}
