// Autosave of a draft's answers. Every change to an answer goes through one
// queue per draft:
//
// - A change waits `delay` ms (debounce, per field) for more typing, unless
//   it is flushed first: on blur (flushField), on Next/Back/leaving (flush),
//   or when another field changes (so the saved draft is never more than one
//   change behind what the user sees).
// - Flushed changes are sent one at a time, in the order they were made:
//   save_answer is never called twice at once for the same draft. A field's
//   newer value waiting in the queue replaces its older one in place.
// - The status says "saving" while anything is waiting or on its way, and
//   "saved at" only once the last call has resolved (the back end resolves
//   after the commit). A failed call stops the queue, keeping the change, and
//   the status carries the error until retry(), the next flush or the next
//   change, each of which tries again.
import { toAppError } from './api';
import type { Answer, AppError, InterviewState } from './types';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: AppError };

export type SaveHandlers = {
  /** A save came back: the state as the back end now has it. */
  onSaved?: (fieldId: string, value: Answer | null, state: InterviewState) => void;
  /** The status changed. */
  onStatus?: (status: SaveStatus) => void;
};

export type SaveQueueOptions = SaveHandlers & {
  /** How long a field waits for more typing before it is saved. */
  delay?: number;
  /** Saves one answer (null clears it); resolves with the new state after the commit. */
  send: (fieldId: string, value: Answer | null) => Promise<InterviewState>;
  /** The clock, for "saved at" (tests replace it). */
  now?: () => Date;
};

type Item = { fieldId: string; value: Answer | null };

export const SAVE_DELAY_MS = 400;

export class SaveQueue {
  private readonly delay: number;
  private readonly options: SaveQueueOptions;
  private handlers: SaveHandlers;
  private readonly now: () => Date;
  /** Changes waiting for the typing to pause, by field. */
  private readonly pending = new Map<string, { value: Answer | null; timer: ReturnType<typeof setTimeout> }>();
  /** Changes ready to send, oldest first. */
  private readonly queue: Item[] = [];
  private inflight: Item | null = null;
  private failed: AppError | null = null;
  private savedAt: Date | null = null;
  private waiters: Array<(ok: boolean) => void> = [];
  private last: SaveStatus = { kind: 'idle' };

  constructor(options: SaveQueueOptions) {
    this.options = options;
    this.handlers = { onSaved: options.onSaved, onStatus: options.onStatus };
    this.delay = options.delay ?? SAVE_DELAY_MS;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Who hears about saves and status from now on (a new screen of the same
   * draft takes the queue over); they hear the current status at once.
   */
  listen(handlers: SaveHandlers): void {
    this.handlers = handlers;
    handlers.onStatus?.(this.last);
  }

  /** Records a change; it is saved after the delay, or at once when `immediate`. */
  change(fieldId: string, value: Answer | null, immediate = false): void {
    // Another field's waiting change goes first, now.
    for (const other of [...this.pending.keys()]) if (other !== fieldId) this.commit(other);
    const earlier = this.pending.get(fieldId);
    if (earlier) clearTimeout(earlier.timer);
    if (immediate) {
      this.pending.delete(fieldId);
      this.enqueue({ fieldId, value });
      this.pump();
      return;
    }
    const timer = setTimeout(() => this.commit(fieldId), this.delay);
    this.pending.set(fieldId, { value, timer });
    this.report();
  }

  /** Sends a field's waiting change now (on blur). */
  flushField(fieldId: string): void {
    this.commit(fieldId);
  }

  /**
   * Sends every waiting change now and waits until all are saved: true when
   * they were, false when a save failed (the change is kept for a retry).
   * After an error, a flush tries again.
   */
  flush(): Promise<boolean> {
    this.failed = null;
    for (const fieldId of [...this.pending.keys()]) this.commit(fieldId);
    if (this.idle()) {
      this.report();
      return Promise.resolve(true);
    }
    const done = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    this.pump();
    return done;
  }

  /** Tries the failed save again, with everything after it. */
  retry(): Promise<boolean> {
    return this.flush();
  }

  /** Whether a change of this field is not saved yet. */
  unsaved(fieldId: string): boolean {
    return (
      this.pending.has(fieldId) || this.inflight?.fieldId === fieldId || this.queue.some((item) => item.fieldId === fieldId)
    );
  }

  /** Whether every change is saved. */
  idle(): boolean {
    return this.pending.size === 0 && this.queue.length === 0 && this.inflight === null;
  }

  get status(): SaveStatus {
    return this.last;
  }

  private commit(fieldId: string): void {
    const waiting = this.pending.get(fieldId);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(fieldId);
    this.enqueue({ fieldId, value: waiting.value });
    this.pump();
  }

  private enqueue(item: Item): void {
    // A new change to send is also a new try after an error.
    this.failed = null;
    const queued = this.queue.find((other) => other.fieldId === item.fieldId);
    if (queued) queued.value = item.value;
    else this.queue.push(item);
  }

  private pump(): void {
    if (this.inflight || this.failed) {
      this.report();
      return;
    }
    const item = this.queue.shift();
    if (!item) {
      this.report();
      if (this.pending.size === 0) this.settle(true);
      return;
    }
    this.inflight = item;
    this.report();
    void this.send(item);
  }

  private async send(item: Item): Promise<void> {
    let state: InterviewState;
    try {
      state = await this.options.send(item.fieldId, item.value);
    } catch (error) {
      this.inflight = null;
      this.failed = toAppError(error);
      // Keep the change unless a newer one of the same field is already waiting.
      if (!this.queue.some((other) => other.fieldId === item.fieldId) && !this.pending.has(item.fieldId)) {
        this.queue.unshift(item);
      }
      this.report();
      this.settle(false);
      return;
    }
    this.inflight = null;
    this.savedAt = this.now();
    this.handlers.onSaved?.(item.fieldId, item.value, state);
    this.pump();
  }

  private settle(ok: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(ok);
  }

  private report(): void {
    let next: SaveStatus;
    if (this.failed) next = { kind: 'error', error: this.failed };
    else if (!this.idle()) next = { kind: 'saving' };
    else if (this.savedAt) next = { kind: 'saved', at: this.savedAt };
    else next = { kind: 'idle' };
    if (sameStatus(this.last, next)) return;
    this.last = next;
    this.handlers.onStatus?.(next);
  }
}

function sameStatus(a: SaveStatus, b: SaveStatus): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'saved' && b.kind === 'saved') return a.at.getTime() === b.at.getTime();
  if (a.kind === 'error' && b.kind === 'error') return a.error === b.error;
  return true;
}
