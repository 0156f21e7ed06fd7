// The interview of one draft, apart from its page: what the draft holds,
// what the person typed and not yet got back cleaned, where they are (a step
// or the check page), and what each action does (answer, Next, Back, change
// from the check page, attach, save to the saved person, submit). Every
// change is saved to the draft through its save queue (see save-queue.ts);
// the state the back end returns after each save drives the pages.
// Interview.svelte shows it and hands it the clicks.
import { tick } from 'svelte';
import {
  attachFile,
  dismissNotice,
  fixPhoto,
  openDraft,
  procedureDetail,
  removeAttachment,
  savePosition,
  submitDraft,
  toAppError,
  updateProfileFromDraft,
} from './api';
import type { SaveQueues } from './app-state.svelte';
import type { RejectedField } from './components/RejectionNotice.svelte';
import { focusById } from './focus';
import { loc, problemText, t } from './i18n.svelte';
import { focusTargetId } from './interview';
import type { SaveQueue, SaveStatus } from './save-queue';
import type {
  AssistedChannel,
  Answer,
  Answers,
  AppError,
  Attachment,
  Definition,
  DocumentState,
  DraftSummary,
  DraftView,
  FieldKind,
  FieldProblem,
  FieldState,
  InterviewState,
  LocalizedText,
  Meaning,
  PhotoCheck,
  Refusal,
  SubmitResult,
  SupplementScope,
  UpgradeNotice,
} from './types';

/** The page the draft resumes on when it is the check page. */
const REVIEW = 'review';
/** Kinds answered by a choice rather than typing: saved at once. */
const CHOSEN: readonly FieldKind[] = ['choice', 'yes_no'];

/** Where the interview goes when it is left. */
export type InterviewExits = {
  /** Back from the first step: to the procedure's page. */
  onExit: (code: string) => void;
  /** After "Nộp hồ sơ", with the names of the documents still to give. */
  onSubmitted: (draftId: number, result: SubmitResult, toFollow: LocalizedText[]) => void;
};

function same(a: Answer | null | undefined, b: Answer | null | undefined): boolean {
  return typeof a === 'object' || typeof b === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

async function focusSelector(selector: string): Promise<void> {
  await tick();
  document.querySelector<HTMLElement>(selector)?.focus();
}

/** The documents the engine says are given after submitting. */
function toFollow(state: InterviewState): LocalizedText[] {
  return state.documents.filter((d) => d.status === 'to_follow').map((d) => d.name);
}

/** One draft's interview while its page is open. */
export class DraftInterview {
  readonly draftId: number;
  code = $state('');
  draft = $state<DraftSummary | null>(null);
  definition = $state<Definition | null>(null);
  interview = $state<InterviewState | null>(null);
  loadError = $state<AppError | null>(null);
  /** What the user typed and the back end has not given back cleaned yet: unsaved changes, and the field being typed in (raw until blur). */
  local = $state<Answers>({});
  /** Fields filled from the saved person and not changed since. */
  prefilled = $state<Record<string, boolean | undefined>>({});
  /** Fields the user changed here (for "save to the saved person"). */
  changed = $state<Record<string, boolean | undefined>>({});
  profileErrors = $state<Record<string, AppError | undefined>>({});
  notice = $state<UpgradeNotice | null>(null);
  /** What a supplement request lets change in this submitted draft. */
  supplement = $state<SupplementScope | null>(null);
  noticeError = $state<AppError | null>(null);
  attachments = $state<Attachment[]>([]);
  attachErrors = $state<Record<string, AppError | undefined>>({});
  attachBusy = $state<Record<string, boolean | undefined>>({});
  /** A portrait photo's check, per document, from when it was attached here. */
  photoChecks = $state<Record<string, PhotoCheck | undefined>>({});
  saveStatus = $state<SaveStatus>({ kind: 'idle' });
  /** Read by screen readers: what just happened. */
  announcement = $state('');
  /** Why the portal refused the last submission (the store keeps it until the answers it names change). */
  refusal = $state<Refusal | null>(null);
  /** The refusal's field errors, for fields not changed since. */
  problems = $state<FieldProblem[]>([]);
  submitting = $state(false);
  submitError = $state<AppError | null>(null);
  /** Officer mode: how the dossier reached the desk (Rust ignores it for a citizen). */
  channel = $state<AssistedChannel>('desk');
  view = $state<'step' | 'check'>('step');
  stepId = $state<string | null>(null);
  /** Steps where Next was pressed while they had errors: their errors show, live. */
  attempted = $state<Record<string, boolean>>({});
  /** Set by "Change" on the check page: Next then goes back there. */
  returnToCheck = $state(false);

  readonly title = $derived(loc(this.definition?.name) ?? t('procedure-code', { code: this.code }));
  readonly steps = $derived(this.interview?.steps ?? []);
  readonly stepIndex = $derived(this.steps.findIndex((s) => s.id === this.stepId));
  readonly step = $derived(this.steps[this.stepIndex]);
  /** What each visible field shows: the user's unsaved text, else the saved, cleaned answer. */
  readonly shown = $derived.by(() => {
    const out: Answers = {};
    for (const s of this.steps) for (const f of s.fields) if (f.value !== null) out[f.id] = f.value;
    return { ...out, ...this.local };
  });
  /** The draft came back from the portal and was not submitted again since. */
  readonly returned = $derived(this.refusal !== null);
  readonly portalErrors = $derived.by(() => {
    const out: Record<string, string[] | undefined> = {};
    for (const problem of this.problems) {
      const text = problemText(problem);
      const list = (out[problem.field] ??= []);
      if (!list.includes(text)) list.push(text);
    }
    return out;
  });
  readonly rejectedFields = $derived.by<RejectedField[]>(() => {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup rebuilt with the definition, never changed
    const labels = new Map((this.definition?.steps ?? []).flatMap((s) => s.fields.map((f) => [f.id, f.label] as const)));
    return Object.entries(this.portalErrors).flatMap(([field, messages]) => {
      const owner = this.steps.find((s) => s.fields.some((f) => f.id === field));
      const label = loc(owner?.fields.find((f) => f.id === field)?.label) ?? loc(labels.get(field)) ?? null;
      return (messages ?? []).map((message) => ({ field, label, message, stepId: owner?.id ?? null }));
    });
  });
  readonly #meanings = $derived(
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup rebuilt with the definition, never changed
    new Map<string, Meaning>(
      (this.definition?.steps ?? []).flatMap((s) => s.fields.flatMap((f) => (f.meaning ? [[f.id, f.meaning] as const] : []))),
    ),
  );
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup rebuilt with the state, never changed
  readonly #kinds = $derived(new Map(this.steps.flatMap((s) => s.fields.map((f) => [f.id, f.kind] as const))));

  readonly #queues: SaveQueues;
  readonly #queue: SaveQueue;
  readonly #exits: InterviewExits;
  #given: DraftView | null;
  #editing: string | null = null;
  #lastIndex = 0;
  #position: string | null = null;
  #closed = false;

  /** The interview of `draftId`; `initial` is the draft as create_draft or open_draft just returned it, to skip opening it again. */
  constructor(draftId: number, initial: DraftView | null, queues: SaveQueues, exits: InterviewExits) {
    this.draftId = draftId;
    this.code = initial?.draft.procedure_code ?? '';
    this.#given = initial;
    this.#queues = queues;
    this.#exits = exits;
    this.#queue = queues.for(draftId);
    this.#queue.listen({
      onSaved: (fieldId, value, state) => {
        if (this.#closed) return;
        this.interview = state;
        this.#settle(fieldId, value);
        this.#keepStep();
      },
      onStatus: (status) => (this.saveStatus = status),
    });
  }

  /** Opens the draft (unless it was given) with its procedure, on the page it was left on. */
  async load(): Promise<void> {
    this.loadError = null;
    try {
      const opened = this.#given ?? (await openDraft(this.draftId));
      this.#given = null;
      const detail = await procedureDetail(opened.draft.procedure_code).catch(() => null);
      if (this.#closed) return;
      this.definition = detail;
      this.#adopt(opened);
      this.#resumeAt(opened);
      await focusById(this.returned ? 'rejection-notice-title' : this.notice ? 'upgrade-notice-title' : 'page-heading');
    } catch (e) {
      this.loadError = toAppError(e);
    }
  }

  /** The page is gone: whatever is still waiting is sent now, and the calls finish on their own. */
  close(): void {
    this.#closed = true;
    this.#queue.listen({});
    void this.#queue.flush();
  }

  /** Sends every waiting change now; true when all are saved. */
  flushSaves(): Promise<boolean> {
    return this.#queue.flush();
  }

  /** Remembers where the user is, so the draft resumes there (run in an effect). */
  rememberPosition(): void {
    if (!this.draft || !this.interview) return;
    const here = this.view === 'step' && this.step ? this.step.id : REVIEW;
    if (here === this.#position) return;
    this.#position = here;
    savePosition(this.draftId, here).catch(() => {
      // Only the resume point; the answers are saved on their own.
    });
  }

  /** Drops a field's raw text once saved and no longer typed in: the cleaned answer shows. */
  #settle(fieldId: string, saved?: Answer | null): void {
    if (!(fieldId in this.local) || this.#editing === fieldId || this.#queue.unsaved(fieldId)) return;
    if (saved !== undefined && !same(this.local[fieldId], saved)) return;
    delete this.local[fieldId];
  }

  #adopt(opened: DraftView): void {
    this.draft = opened.draft;
    this.code = opened.draft.procedure_code;
    this.#queues.setCode(opened.draft.id, this.code);
    this.interview = opened.state;
    this.prefilled = Object.fromEntries(opened.prefilled.map((id) => [id, true]));
    this.notice = opened.notice;
    this.attachments = opened.attachments;
    this.refusal = opened.rejection;
    this.problems = opened.rejection?.fields ?? [];
    this.supplement = opened.supplement;
    this.local = {};
  }

  #resumeAt(opened: DraftView): void {
    const list = opened.state.steps;
    const saved = opened.draft.current_step;
    this.#position = saved;
    if (saved === REVIEW && list.length > 0) {
      this.view = 'check';
      this.stepId = list.at(-1)?.id ?? null;
      this.#lastIndex = list.length - 1;
      return;
    }
    const index = Math.max(
      0,
      list.findIndex((s) => s.id === saved),
    );
    this.view = 'step';
    this.stepId = list[index]?.id ?? null;
    this.#lastIndex = index;
  }

  /** Keeps the current step by id; if it was hidden, the one now at its place. */
  #keepStep(): void {
    const list = this.interview?.steps ?? [];
    if (list.length === 0) {
      this.stepId = null;
      return;
    }
    const index = list.findIndex((s) => s.id === this.stepId);
    if (index >= 0) this.#lastIndex = index;
    else this.stepId = list[Math.min(this.#lastIndex, list.length - 1)]?.id ?? null;
  }

  // Answers

  /** An answer changed: shown at once, saved once the typing pauses (a choice at once). */
  setAnswer(fieldId: string, value: Answer, immediate = false): void {
    if (typeof value !== 'object' && this.shown[fieldId] === value) return;
    this.local[fieldId] = value;
    if (this.problems.some((p) => p.field === fieldId)) this.problems = this.problems.filter((p) => p.field !== fieldId);
    delete this.prefilled[fieldId];
    delete this.profileErrors[fieldId];
    this.changed[fieldId] = true;
    this.#queue.change(fieldId, value, immediate || CHOSEN.includes(this.#kinds.get(fieldId) ?? 'text'));
  }

  editStart(fieldId: string): void {
    this.#editing = fieldId;
  }

  editEnd(fieldId: string): void {
    if (this.#editing === fieldId) this.#editing = null;
    this.#queue.flushField(fieldId);
    // Already saved: show the cleaned form now; otherwise when the save is back.
    this.#settle(fieldId);
  }

  /** Saves everything now; false (and focus on the retry) when a save failed. */
  async #flush(): Promise<boolean> {
    const ok = await this.#queue.flush();
    if (!ok && !this.#closed) await focusById('save-retry');
    return ok;
  }

  async retrySave(): Promise<void> {
    if (await this.#queue.retry()) await focusById('page-heading');
  }

  // Moving around

  async #goToStep(id: string, focusField?: string): Promise<void> {
    this.view = 'step';
    this.stepId = id;
    this.#keepStep();
    const field = focusField ? this.interview?.steps.find((s) => s.id === id)?.fields.find((f) => f.id === focusField) : undefined;
    if (!(field && (await focusById(focusTargetId(field))))) await focusById('page-heading');
  }

  async #showCheck(): Promise<void> {
    this.view = 'check';
    this.returnToCheck = false;
    await focusById('page-heading');
  }

  /** Next: the following step (or the check page), once this one is saved and complete. */
  async next(): Promise<void> {
    if (!(await this.#flush())) return;
    const list = this.interview?.steps ?? [];
    const index = list.findIndex((s) => s.id === this.stepId);
    const current = list[index];
    if (!current) return;
    if (!current.complete) {
      this.attempted[current.id] = true;
      await focusById('error-summary');
      return;
    }
    if (this.returnToCheck) {
      const unfinished = list.find((s) => !s.complete);
      if (unfinished) await this.#goToStep(unfinished.id);
      else await this.#showCheck();
      return;
    }
    const following = list[index + 1];
    if (following) await this.#goToStep(following.id);
    else await this.#showCheck();
  }

  /** Back: the step before, or out of the interview from the first. */
  async back(): Promise<void> {
    const list = this.interview?.steps ?? [];
    if (this.view === 'check') {
      const last = list.at(-1);
      if (last) await this.#goToStep(last.id);
      return;
    }
    // Moving on even if a save failed: the change stays queued and on screen.
    await this.#queue.flush();
    const previous = list[this.stepIndex - 1];
    if (previous) await this.#goToStep(previous.id);
    else this.#exits.onExit(this.code);
  }

  /** "Change" on the check page: the field's step, and back to the check page after. */
  async change(fieldId: string): Promise<void> {
    const owner = this.interview?.steps.find((s) => s.fields.some((f) => f.id === fieldId));
    if (!owner) return;
    this.returnToCheck = true;
    await this.#goToStep(owner.id, fieldId);
  }

  /** An unfinished step named on the check page. */
  async goFix(id: string): Promise<void> {
    this.returnToCheck = true;
    await this.#goToStep(id);
  }

  /** A field the portal refused, from the notice at the top. */
  async goToRejected(item: RejectedField): Promise<void> {
    if (!item.stepId) return;
    if (this.view === 'check') this.returnToCheck = true;
    this.view = 'step';
    this.stepId = item.stepId;
    this.#keepStep();
    const field = this.interview?.steps.find((s) => s.id === item.stepId)?.fields.find((f) => f.id === item.field);
    if (!(field && (await focusById(focusTargetId(field))))) await focusById('page-heading');
  }

  /** "Nộp hồ sơ": saves what is waiting, then hands the draft to the outbox. */
  async submit(): Promise<void> {
    if (this.submitting) return;
    this.submitError = null;
    if (!(await this.#flush())) return;
    if (!this.interview?.ready) return;
    this.submitting = true;
    try {
      const result = await submitDraft(this.draftId, this.channel);
      this.refusal = null;
      this.problems = [];
      // The connection indicator follows the worker's own notices only: this
      // answer may be older than a notice that already arrived.
      this.#exits.onSubmitted(this.draftId, result, toFollow(this.interview));
    } catch (e) {
      this.submitError = toAppError(e);
      if (!this.#closed) await focusById('submit-error');
    } finally {
      this.submitting = false;
    }
  }

  // The saved person

  /** Whether to offer saving a changed answer back into the saved person it came from. */
  offerProfile(field: FieldState): boolean {
    return (
      this.draft?.profile_id != null &&
      this.#meanings.has(field.id) &&
      this.changed[field.id] === true &&
      this.prefilled[field.id] !== true &&
      field.value !== null &&
      field.errors.length === 0
    );
  }

  async saveToProfile(fieldId: string): Promise<void> {
    delete this.profileErrors[fieldId];
    if (!(await this.#flush())) return;
    try {
      await updateProfileFromDraft(this.draftId, this.code, fieldId);
      this.prefilled[fieldId] = true;
      delete this.changed[fieldId];
      this.announcement = t('prefill-saved');
      await focusById(`prefilled-${fieldId}`);
    } catch (e) {
      this.profileErrors[fieldId] = toAppError(e);
    }
  }

  // Upgrade notice

  async dismissNotice(): Promise<void> {
    try {
      await dismissNotice(this.draftId);
      this.notice = null;
      this.noticeError = null;
      await focusById('page-heading');
    } catch (e) {
      this.noticeError = toAppError(e);
    }
  }

  // Attachments

  /**
   * The shell opens the picker and checks the chosen file in one call, so
   * the document stays busy from the click until the file is saved.
   */
  async attach(documentState: DocumentState): Promise<void> {
    const id = documentState.id;
    delete this.attachErrors[id];
    this.attachBusy[id] = true;
    try {
      const added = await attachFile(this.draftId, this.code, id, t('attach-filter-name'));
      delete this.attachBusy[id];
      if (!added) {
        // The picker was closed: nothing changes, focus goes back to the button.
        const had = this.attachments.some((a) => a.document_id === id);
        await focusSelector(had ? `[data-replace="${id}"]` : `[data-attach="${id}"]`);
        return;
      }
      this.attachments = [...this.attachments.filter((a) => a.document_id !== id), added.attachment];
      this.interview = added.state;
      this.photoChecks[id] = added.photo ?? undefined;
      this.announcement = t('attach-done', { name: added.attachment.file_name });
      await focusSelector(`[data-replace="${id}"]`);
    } catch (e) {
      this.attachErrors[id] = toAppError(e);
    } finally {
      delete this.attachBusy[id];
    }
  }

  /** Replaces a portrait photo with the copy cropped and shrunk to the document's rules. */
  async fixPhoto(documentState: DocumentState): Promise<void> {
    const id = documentState.id;
    delete this.attachErrors[id];
    this.attachBusy[id] = true;
    try {
      const added = await fixPhoto(this.draftId, this.code, id);
      this.attachments = [...this.attachments.filter((a) => a.document_id !== id), added.attachment];
      this.interview = added.state;
      this.photoChecks[id] = added.photo ?? undefined;
      this.announcement = t('photo-fixed', { name: added.attachment.file_name });
      delete this.attachBusy[id];
      await focusSelector(`[data-replace="${id}"], [data-attachment="${id}"]`);
    } catch (e) {
      this.attachErrors[id] = toAppError(e);
    } finally {
      delete this.attachBusy[id];
    }
  }

  async removeFile(attachment: Attachment): Promise<void> {
    const id = attachment.document_id;
    delete this.attachErrors[id];
    this.attachBusy[id] = true;
    try {
      this.interview = await removeAttachment(attachment.id);
      this.attachments = this.attachments.filter((a) => a.id !== attachment.id);
      delete this.photoChecks[id];
      this.announcement = t('attach-removed', { name: attachment.file_name });
      delete this.attachBusy[id];
      await focusSelector(`[data-attach="${id}"]`);
    } catch (e) {
      this.attachErrors[id] = toAppError(e);
    } finally {
      delete this.attachBusy[id];
    }
  }
}
