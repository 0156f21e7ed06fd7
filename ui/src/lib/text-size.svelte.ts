// The text size (100% to 200%), kept by Rust like the language so the window
// opens at it next time. It scales the root font: every size in rem grows and
// the layout reflows, with no sideways scrolling.
import { setTextSize, textSize as keptTextSize } from './api';

/** The sizes offered, in percent; Rust keeps to the same list. */
export const TEXT_SIZES = [100, 125, 150, 175, 200] as const;

export const textSize = $state<{ percent: number }>({ percent: TEXT_SIZES[0] });

function apply(): void {
  document.documentElement.style.setProperty('--text-scale', String(textSize.percent / 100));
}

/** Applies the size the shell kept (100% outside the shell). */
export async function initTextSize(): Promise<void> {
  try {
    textSize.percent = await keptTextSize();
  } catch {
    // Outside the Tauri shell (a plain browser) nothing is kept.
  }
  apply();
}

/** Switches to `percent` at once, and keeps the size the shell settles on. */
export async function chooseTextSize(percent: number): Promise<void> {
  textSize.percent = percent;
  apply();
  try {
    textSize.percent = await setTextSize(percent);
    apply();
  } catch {
    // Outside the shell the size holds for this page only.
  }
}

/** The step a key press asks for: Ctrl (or ⌘) with +/= bigger, - smaller, 0 normal; else null. */
export function zoomStep(event: KeyboardEvent): -1 | 0 | 1 | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === '+' || event.key === '=') return 1;
  if (event.key === '-') return -1;
  if (event.key === '0') return 0;
  return null;
}

/** One size up or down from the current one (0: back to normal). */
export function stepTextSize(step: -1 | 0 | 1): Promise<void> {
  const index = TEXT_SIZES.findIndex((size) => size >= textSize.percent);
  const next = step === 0 ? 0 : Math.min(TEXT_SIZES.length - 1, Math.max(0, index + step));
  return chooseTextSize(TEXT_SIZES[next] ?? TEXT_SIZES[0]);
}
