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

class Toasts {
  list = $state.raw<Toast[]>([]);
}

export const toasts = new Toasts();

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- timers, not state
const timers = new Map<number, ReturnType<typeof setTimeout>>();
let paused = false;
let nextId = 1;

function startTimer(toast: Toast): void {
  clearTimeout(timers.get(toast.id));
  timers.set(
    toast.id,
    setTimeout(() => dismissToast(toast.id), toast.duration),
  );
}

function stopTimer(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
}

/** Shows a message; its id. */
export function showToast(input: ToastInput): number {
  const toast: Toast = { ...input, id: nextId++, duration: input.duration ?? NOTICE_MS };
  const replaced = input.key === undefined ? [] : toasts.list.filter((t) => t.key === input.key);
  for (const old of replaced) stopTimer(old.id);
  let list = [...toasts.list.filter((t) => !replaced.includes(t)), toast];
  while (list.length > MAX_SHOWN) {
    const [oldest, ...rest] = list;
    if (oldest) stopTimer(oldest.id);
    list = rest;
  }
  toasts.list = list;
  if (!paused) startTimer(toast);
  return toast.id;
}

export function dismissToast(id: number): void {
  stopTimer(id);
  toasts.list = toasts.list.filter((t) => t.id !== id);
  // An empty region is hidden, so nothing is on it to keep the pause.
  if (toasts.list.length === 0) paused = false;
}

/** Removes the messages with this key (e.g. when the screen they belong to goes). */
export function dismissToastsWithKey(key: string): void {
  for (const toast of toasts.list) if (toast.key === key) dismissToast(toast.id);
}

/** Stops every countdown (the user is reading or using a message). */
export function pauseToasts(): void {
  paused = true;
  for (const id of [...timers.keys()]) stopTimer(id);
}

/** Starts the countdowns again, each from its full length. */
export function resumeToasts(): void {
  paused = false;
  for (const toast of toasts.list) startTimer(toast);
}

/** Forgets every message; for tests. */
export function clearToasts(): void {
  for (const id of [...timers.keys()]) stopTimer(id);
  toasts.list = [];
  paused = false;
}
