// Drafts the portal refused (a 422 with field errors), for the open
// interview: the back end keeps each refused field's error with the draft
// (DraftView.rejection) until that answer changes, and marks the draft in
// the drafts list (DraftSummary.rejected). This remembers, between a change
// and the next open, which refused fields the user already changed, so their
// portal errors go at once.
// Filled from the `rejected` notice and from every opened draft.
import type { FieldProblem } from './types';

const STORAGE_KEY = 'rejected-drafts';

/** By draft id: the fields changed since the portal refused it. */
type Entries = { [id in string]?: { changed: string[] } };

function read(): Entries {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Entries) : {};
  } catch {
    return {};
  }
}

class Rejections {
  entries = $state<Entries>(read());
}

const rejections = new Rejections();


function save(): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(rejections.entries));
  } catch {
    // Storage may be disabled; the marks then last for this session.
  }
}

/** Whether the portal refused this draft and it was not submitted again since. */
export function isRejected(draftId: number): boolean {
  return rejections.entries[draftId] !== undefined;
}

/** The portal refused this draft just now (a `rejected` notice). */
export function markRejected(draftId: number): void {
  rejections.entries[draftId] = { changed: [] };
  save();
}

/** The draft went out again, or was delivered: nothing to fix any more. */
export function forgetRejection(draftId: number): void {
  if (rejections.entries[draftId] === undefined) return;
  delete rejections.entries[draftId];
  save();
}

/**
 * Records what an opened draft says (DraftView.rejection) and returns the
 * problems still to show: those of fields not changed since.
 */
export function noteRejection(draftId: number, problems: readonly FieldProblem[]): FieldProblem[] {
  if (problems.length === 0) {
    forgetRejection(draftId);
    return [];
  }
  const entry = rejections.entries[draftId];
  if (!entry) {
    rejections.entries[draftId] = { changed: [] };
    save();
    return [...problems];
  }
  return problems.filter((p) => !entry.changed.includes(p.field));
}

/** The user changed a field of a refused draft: its portal error goes. */
export function noteFieldChanged(draftId: number, fieldId: string): void {
  const entry = rejections.entries[draftId];
  if (!entry || entry.changed.includes(fieldId)) return;
  entry.changed.push(fieldId);
  save();
}

/** Forgets every mark; for tests. */
export function resetRejections(): void {
  rejections.entries = {};
  try {
    globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}
