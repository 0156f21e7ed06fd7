// The calls into Rust. Every command, its arguments and its result come
// from ./bindings.ts, which a Rust test generates from the commands the app
// registers; this module only turns every rejection into an AppError (so the
// UI can show it through the Fluent id `error-<code>`), caches the province
// list, and forwards the sync notices.
import { commands as generated, events } from './bindings';
import type { AppError, SyncNotice, UpdateProgress } from './types';

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
    return { code: (value as { code: AppError['code'] }).code, args: {} };
  }
  return { code: UNEXPECTED, args: {} };
}

type Commands = typeof generated;

/** The generated commands, each rejecting with an AppError only. */
const commands = Object.fromEntries(
  Object.entries(generated).map(([name, command]) => [
    name,
    async (...args: unknown[]) => {
      try {
        return await (command as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        if (!isAppError(error)) console.error(`${name} failed`, error);
        throw toAppError(error);
      }
    },
  ]),
) as Commands;

export const {
  attachFile,
  attachmentPreview,
  checkAuditLog,
  checkForUpdate,
  createDraft,
  currentLocale,
  deleteDraft,
  deleteProfile,
  desk,
  dismissNotice,
  duplicateDraft,
  endSession,
  exportAuditLog,
  feeQuote,
  fixPhoto,
  homeShown,
  installUpdate,
  listDrafts,
  listFeedback,
  listProfiles,
  listProvinces,
  listSubmissions,
  lockState,
  openResult,
  openDraft,
  paymentCode,
  placeInQuery,
  portalStatus,
  procedureDetail,
  rateDossier,
  receipt,
  removeAttachment,
  renameDraft,
  restartApp,
  restoreDraft,
  resumeSession,
  saveAnswer,
  saveChecklist,
  savePosition,
  saveProfile,
  saveReceiptSlip,
  searchCommunes,
  searchElsewhere,
  searchProcedures,
  sessions,
  sendFeedback,
  setDesk,
  setLocale,
  setTextSize,
  signIn,
  signInWithBrowser,
  signOut,
  startSession,
  startupNotices,
  submitDraft,
  submitSupplement,
  supportInfo,
  textSize,
  unlock,
  unverifiedFacts,
  updateProfileFromDraft,
  windowReady,
  withdrawDossier,
} = commands;

/**
 * Calls `handler` with every notice of the sync worker (connection,
 * delivery, refusal, status change). Resolves to the function that stops
 * listening; outside the Tauri shell there is nothing to listen to, and it
 * resolves to a no-op.
 */
export async function listenForSync(handler: (notice: SyncNotice) => void): Promise<() => void> {
  try {
    return await events.syncNotice.listen((event) => handler(event.payload));
  } catch {
    return () => {};
  }
}

/**
 * Calls `handler` with the progress of an update's download. Resolves to
 * the function that stops listening (a no-op outside the Tauri shell).
 */
export async function listenForUpdateProgress(handler: (progress: UpdateProgress) => void): Promise<() => void> {
  try {
    return await events.updateProgress.listen((event) => handler(event.payload));
  } catch {
    return () => {};
  }
}
