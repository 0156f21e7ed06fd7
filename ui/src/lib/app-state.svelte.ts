// What the app keeps while it runs, one object per app, handed to every
// screen and component through Svelte's context (provideAppState in
// App.svelte, appState() below it): the portal's state, the sync worker's
// notices, the toasts, the home page's search, one save queue per draft,
// the attachments' previews, the provinces, the province whose fees the
// procedure pages quote, the update on offer, and the officer's desk. A test
// that renders a screen gives it a fresh one, so nothing carries over from
// another test.
import { getContext, setContext } from 'svelte';
import { listProvinces, saveAnswer } from './api';
import { OfficerState } from './officer.svelte';
import { Portal } from './portal.svelte';
import { SaveQueue } from './save-queue';
import { SyncState } from './sync.svelte';
import type { Filter } from './taxonomy';
import { Toasts } from './toast.svelte';
import { UpdateState } from './update.svelte';
import type { AppError, Province } from './types';

/** The home page's search and start-up notices, kept so Back finds them again. */
export class HomeMemory {
  query = $state('');
  filter = $state<Filter | null>(null);
  /** Whether start-up's notices were asked for (once per run). */
  startupAsked = $state(false);
  /** What start-up reported; each shows until dismissed. */
  startupNotices = $state<AppError[]>([]);
  /** Whether the shell heard the home screen is up (once per run). */
  shown = $state(false);
}

/**
 * One save queue per draft for the whole run, so saves of a draft never
 * overlap, even when its interview is left and opened again while a save is
 * still on its way (or failed and waits for a retry).
 */
export class SaveQueues {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry, not state
  #queues = new Map<number, SaveQueue>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry, not state
  #codes = new Map<number, string>();

  /** The draft's queue, made on first use. */
  for(draftId: number): SaveQueue {
    let queue = this.#queues.get(draftId);
    if (!queue) {
      queue = new SaveQueue({ send: (fieldId, value) => saveAnswer(draftId, this.#codes.get(draftId) ?? '', fieldId, value) });
      this.#queues.set(draftId, queue);
    }
    return queue;
  }

  /** The procedure of a draft, known once it is open; its saves name it. */
  setCode(draftId: number, code: string): void {
    this.#codes.set(draftId, code);
  }
}

/** Everything the app keeps while it runs. */
export class AppState {
  readonly toasts = new Toasts();
  readonly portal = new Portal();
  readonly sync = new SyncState(this.portal, this.toasts);
  readonly home = new HomeMemory();
  readonly update = new UpdateState(this.toasts);
  readonly saveQueues = new SaveQueues();
  readonly officer = new OfficerState(this.toasts);
  /** Previews by attachment id: an attachment never changes, so each is asked for once. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not state
  readonly previews = new Map<number, Promise<string | null>>();
  #provinces: Promise<Province[]> | null = null;
  /**
   * The province whose fees the procedure pages quote: chosen on a page, or
   * named in a search ("ở Hà Tây"); '' for none. Kept for this run only and
   * never written to disk, so a shared PC keeps nothing of where the last
   * person lives.
   */
  feeProvince = $state('');

  /** Every province, in alphabetical order of its proper name (asked for once). */
  provinces(): Promise<Province[]> {
    if (!this.#provinces) {
      const asked = listProvinces();
      this.#provinces = asked;
      asked.catch(() => (this.#provinces = null));
    }
    return this.#provinces;
  }
}

const KEY = Symbol('app-state');

/** Makes `state` the app's state for the component calling this and everything below it. */
export function provideAppState(state: AppState = new AppState()): AppState {
  return setContext(KEY, state);
}

/** The app's state, from the context App.svelte (or a test) provided. */
export function appState(): AppState {
  const state = getContext<AppState | undefined>(KEY);
  if (!state) throw new Error('no AppState in the context: provideAppState() above this component');
  return state;
}

/** The context that gives `state` to a component mounted on its own (not under App.svelte). */
export function appContext(state: AppState = new AppState()): Map<symbol, AppState> {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- Svelte's context map, not state
  return new Map([[KEY, state]]);
}
