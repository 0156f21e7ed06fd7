// What must happen before the screen changes: the interview registers its
// autosave flush here, so leaving it by any way (header, Back, links) saves
// the last change first.

type Guard = () => Promise<unknown>;

let guard: Guard | null = null;

/** The longest a screen change waits for the guard. */
const LIMIT_MS = 5000;

/** Registers the guard; the returned function removes it. */
export function setLeaveGuard(next: Guard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

/** Runs the guard, if any (never longer than a few seconds, never throwing). */
export async function beforeLeave(): Promise<void> {
  const current = guard;
  if (!current) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([current(), new Promise((resolve) => (timer = setTimeout(resolve, LIMIT_MS)))]);
  } catch {
    // The interview shows its own save errors.
  } finally {
    clearTimeout(timer);
  }
}
