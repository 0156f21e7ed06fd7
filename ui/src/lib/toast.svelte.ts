// Short messages in the toast region (components/Toasts.svelte): "draft
// deleted" with its undo, a dossier delivered, a status changed. Each goes
// after a while; the countdown waits while the pointer or the focus is on
// the region (WCAG 2.2.1), and each has a close button.

/** A button in a message (e.g. "Hoàn tác"). */
export type ToastAction = {
  /** The button's id, for the DOM hooks (`undo-delete`). */
  id?: string;
  label: () => string;
  /** Read after the label by screen readers only, to say what it is about. */
  hiddenLabel?: () => string;
  run: () => void;
};

export type ToastInput = {
  /** A message with the same key replaces the earlier one (e.g. one per dossier). */
  key?: string;
  /** The text, read when shown, so it follows the language. */
  message: () => string;
  /** A second line, if any. */
  detail?: () => string | null;
  /** Words quoted after the detail as the portal wrote them, in Vietnamese (an agency's note). */
  quoted?: string | null;
  action?: ToastAction;
  /** How long it stays, in ms. */
  duration?: number;
};

export type Toast = ToastInput & { id: number; duration: number };

/** How long a notice from the portal stays. */
export const NOTICE_MS = 8_000;
/** At most this many messages at once; the oldest goes first. */
const MAX_SHOWN = 3;

/** The messages on screen, with their countdowns; one per app (see app-state.svelte.ts). */
export class Toasts {
  list = $state.raw<Toast[]>([]);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- timers, not state
  #timers = new Map<number, ReturnType<typeof setTimeout>>();
  #paused = false;
  #nextId = 1;

  #startTimer(toast: Toast): void {
    clearTimeout(this.#timers.get(toast.id));
    this.#timers.set(
      toast.id,
      setTimeout(() => this.dismiss(toast.id), toast.duration),
    );
  }

  #stopTimer(id: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }

  /** Shows a message; its id. */
  show(input: ToastInput): number {
    const toast: Toast = { ...input, id: this.#nextId++, duration: input.duration ?? NOTICE_MS };
    const replaced = input.key === undefined ? [] : this.list.filter((t) => t.key === input.key);
    for (const old of replaced) this.#stopTimer(old.id);
    let list = [...this.list.filter((t) => !replaced.includes(t)), toast];
    while (list.length > MAX_SHOWN) {
      const [oldest, ...rest] = list;
      if (oldest) this.#stopTimer(oldest.id);
      list = rest;
    }
    this.list = list;
    if (!this.#paused) this.#startTimer(toast);
    return toast.id;
  }

  dismiss(id: number): void {
    this.#stopTimer(id);
    this.list = this.list.filter((t) => t.id !== id);
    // An empty region is hidden, so nothing is on it to keep the pause.
    if (this.list.length === 0) this.#paused = false;
  }

  /** Removes the messages with this key (e.g. when the screen they belong to goes). */
  dismissWithKey(key: string): void {
    for (const toast of this.list) if (toast.key === key) this.dismiss(toast.id);
  }

  /** Stops every countdown (the user is reading or using a message). */
  pause(): void {
    this.#paused = true;
    for (const id of [...this.#timers.keys()]) this.#stopTimer(id);
  }

  /** Starts the countdowns again, each from its full length. */
  resume(): void {
    this.#paused = false;
    for (const toast of this.list) this.#startTimer(toast);
  }

  /** Takes every toast away now (another citizen is served: nothing said about the last one stays). */
  clear(): void {
    for (const toast of [...this.list]) this.dismiss(toast.id);
  }

  /** Stops every countdown for good (the app is gone). */
  close(): void {
    for (const id of [...this.#timers.keys()]) this.#stopTimer(id);
  }
}
