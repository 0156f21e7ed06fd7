// One typed function per Tauri command. Every rejection is turned into an
// AppError so the UI can show it through the Fluent id `error-<code>`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type {
  Answer,
  AppError,
  Attachment,
  Commune,
  Definition,
  DraftSummary,
  DraftView,
  InterviewState,
  Locale,
  LockState,
  PortalStatus,
  ProcedureSummary,
  Profile,
  Province,
  Submissions,
  SubmitResult,
  SyncNotice,
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

// The lock: on a PC without an OS keyring the data opens with a passphrase.

/** Whether the data waits for its passphrase (and whether one is being chosen). */
export function lockState(): Promise<LockState> {
  return call('lock_state');
}

/** Opens the data with the passphrase; fails with `vault-*` codes. */
export function unlock(passphrase: string): Promise<void> {
  return call('unlock', { passphrase });
}

/** Procedures matching `query`, best first; an empty query lists them all by name. */
export function searchProcedures(query: string): Promise<ProcedureSummary[]> {
  return call('search_procedures', { query });
}

/** The full definition of one procedure. */
export function procedureDetail(code: string): Promise<Definition> {
  return call('procedure_detail', { code });
}

// Drafts (hồ sơ đang soạn): the interview always belongs to one.

/** Drafts on this machine, most recently changed first. */
export function listDrafts(): Promise<DraftSummary[]> {
  return call('list_drafts');
}

/** Starts a draft of a procedure, filled in from a profile when one is given. */
export function createDraft(code: string, profileId: number | null): Promise<DraftView> {
  return call('create_draft', { code, profileId });
}

/** A draft with its answers, prefilled fields, notice, attachments and state. */
export function openDraft(id: number): Promise<DraftView> {
  return call('open_draft', { id });
}

/**
 * Saves one answer (`null` or blank clears it) and returns the interview as
 * it now stands. Resolves only after the answer is committed to disk.
 */
export function saveAnswer(draftId: number, code: string, fieldId: string, answer: Answer | null): Promise<InterviewState> {
  return call('save_answer', { draftId, code, fieldId, answer });
}

/** The step on screen (`review` for the check page), to resume there. */
export function savePosition(draftId: number, stepId: string): Promise<void> {
  return call('save_position', { draftId, stepId });
}

/** Gives a draft a name (blank removes it). */
export function renameDraft(id: number, title: string): Promise<void> {
  return call('rename_draft', { id, title });
}

/** Copies a draft with its answers and attachments; the copy's id. */
export function duplicateDraft(id: number): Promise<number> {
  return call('duplicate_draft', { id });
}

/** Deletes a draft; restoreDraft undoes it for a while. */
export function deleteDraft(id: number): Promise<void> {
  return call('delete_draft', { id });
}

/** Undoes deleteDraft. */
export function restoreDraft(id: number): Promise<void> {
  return call('restore_draft', { id });
}

/** Forgets a draft's upgrade notice once read. */
export function dismissNotice(id: number): Promise<void> {
  return call('dismiss_notice', { id });
}

// Profiles: a person's data, given once and used to fill in forms.

/** Every profile, by label. */
export function listProfiles(): Promise<Profile[]> {
  return call('list_profiles');
}

/** Creates (id null) or updates a profile; the profile as saved. */
export function saveProfile(profile: Profile): Promise<Profile> {
  return call('save_profile', { profile });
}

export function deleteProfile(id: number): Promise<void> {
  return call('delete_profile', { id });
}

/** Copies a draft's answer to a field with a meaning into the draft's profile. */
export function updateProfileFromDraft(draftId: number, code: string, fieldId: string): Promise<Profile> {
  return call('update_profile_from_draft', { draftId, code, fieldId });
}

// Attachments.

/**
 * Opens the native file picker (in the shell, so the web view never names a
 * path), then checks and attaches the chosen file to a document, replacing
 * its earlier file. `filterName` labels the accepted kinds in the picker.
 * Resolves to null when the person closed the picker without choosing.
 */
export function attachFile(draftId: number, code: string, documentId: string, filterName: string): Promise<Attachment | null> {
  return call('attach_file', { draftId, code, documentId, filterName });
}

export function removeAttachment(id: number): Promise<void> {
  return call('remove_attachment', { id });
}

/** An image attachment as a data: URL; null for a PDF. */
export function attachmentPreview(id: number): Promise<string | null> {
  return call('attachment_preview', { id });
}

// The public-service portal: sign-in, "Nộp hồ sơ" and the dossiers sent.

/** Which portal the app talks to (training or not), as whom, and whether it is reachable. */
export function portalStatus(): Promise<PortalStatus> {
  return call('portal_status');
}

/** Signs in one of the portal's test accounts; the new status. */
export function signIn(account: string): Promise<PortalStatus> {
  return call('sign_in', { account });
}

/** Signs in through the system browser (the portal's own sign-in page); the new status. */
export function signInWithBrowser(): Promise<PortalStatus> {
  return call('sign_in_with_browser');
}

/** Signs out; queued dossiers wait for the next sign-in. */
export function signOut(): Promise<PortalStatus> {
  return call('sign_out');
}

/**
 * Submits a ready draft: it goes into the outbox at once (the draft becomes
 * read-only) and out to the portal as soon as it is reachable.
 */
export function submitDraft(draftId: number): Promise<SubmitResult> {
  return call('submit_draft', { draftId });
}

/** Submissions still waiting to go out, and the dossiers the portal confirmed. */
export function listSubmissions(): Promise<Submissions> {
  return call('list_submissions');
}

/** The name of the window event the sync worker reports on. */
export const SYNC_EVENT = 'sync';

/**
 * Calls `handler` with every notice of the sync worker (connection,
 * delivery, refusal, status change). Resolves to the function that stops
 * listening; outside the Tauri shell there is nothing to listen to, and it
 * resolves to a no-op.
 */
export async function listenForSync(handler: (notice: SyncNotice) => void): Promise<() => void> {
  try {
    return await listen<SyncNotice>(SYNC_EVENT, (event) => handler(event.payload));
  } catch {
    return () => {};
  }
}

/** Problems found at start-up (e.g. a damaged database set aside). */
export function startupNotices(): Promise<AppError[]> {
  return call('startup_notices');
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
