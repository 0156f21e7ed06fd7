// Drafts the portal refused (a 422 with field errors): the back end keeps
// the errors with the draft (DraftView.rejection) until it is submitted
// again, but the drafts list (DraftSummary) does not say which drafts have
// them. This remembers them on this machine, with the fields the user has
// changed since, so that:
// - the home page marks such drafts "Cần sửa để nộp lại";
// - a field's portal error goes once the user changes that field, and stays
//   gone when the draft is opened again.
// Filled from the `rejected` notice, from every opened draft, and by
// checking drafts that look submitted-then-returned (finished, left on the
// check page) once per run, in case a notice came before the window listened.
import { openDraft } from './api';
import type { DraftSummary, FieldProblem } from './types';

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

// Drafts already checked with open_draft in this run.
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry, not state
const checked = new Set<number>();

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
  checked.add(draftId);
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
  checked.add(draftId);
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

/** A finished draft left on the check page may be one the portal sent back. */
function maybeReturned(draft: DraftSummary): boolean {
  return draft.current_step === 'review' && draft.steps_total > 0 && draft.steps_done === draft.steps_total;
}

/** Asks the back end about listed drafts that may have come back, once per run each. */
export async function checkReturnedDrafts(drafts: readonly DraftSummary[]): Promise<void> {
  const candidates = drafts.filter((d) => d.submitted_at === null && !isRejected(d.id) && !checked.has(d.id) && maybeReturned(d));
  for (const draft of candidates) {
    checked.add(draft.id);
    try {
      const view = await openDraft(draft.id);
      noteRejection(draft.id, view.rejection);
    } catch {
      // The draft shows without the mark; opening it tells.
    }
  }
}

/** Forgets every mark; for tests. */
export function resetRejections(): void {
  rejections.entries = {};
  checked.clear();
  try {
    globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}
