import { tick } from 'svelte';

/** Focuses the element with this id once the DOM has caught up. */
export async function focusById(id: string): Promise<boolean> {
  await tick();
  const element = document.getElementById(id);
  if (!element) return false;
  element.focus();
  element.scrollIntoView?.({ block: 'center' });
  return true;
}
