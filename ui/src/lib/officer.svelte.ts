// Officer mode as the window keeps it: the desk this PC serves, asked for
// once an officer is signed in and set on the desk page, and the citizens
// served today, with the one served now.
import {
  desk as askDesk,
  endSession,
  resumeSession,
  sessions as askSessions,
  setDesk,
  startSession,
} from './api';
import type { Toasts } from './toast.svelte';
import type { DeskView, Sessions, SessionView } from './types';

export class OfficerState {
  readonly #toasts: Toasts;

  constructor(toasts: Toasts) {
    this.#toasts = toasts;
  }

  /** The desk set on this PC; undefined until asked for. */
  desk = $state<DeskView | null | undefined>(undefined);
  /** Today's sessions and the one served now; null until asked for. */
  sessions = $state<Sessions | null>(null);

  /** The session served now, if any. */
  get serving(): SessionView | null {
    const current = this.sessions?.current ?? null;
    return this.sessions?.sessions.find((s) => s.id === current) ?? null;
  }

  /** Asks Rust for the desk once; later calls reuse the answer. */
  async load(): Promise<DeskView | null> {
    if (this.desk === undefined) this.desk = await askDesk();
    return this.desk;
  }

  /** Sets the desk; rejects with an AppError naming the refused field. */
  async save(name: string, province: string, commune: string | null): Promise<DeskView> {
    const saved = await setDesk(name, province, commune);
    this.desk = saved;
    return saved;
  }

  /** Reads the sessions again (after a sign-in, or on the sessions page). */
  async refresh(): Promise<Sessions> {
    this.sessions = await askSessions();
    return this.sessions;
  }

  /** Starts serving a citizen; rejects with the refused values or a missing consent. */
  async start(name: string, citizenId: string, birthDate: string, consented: boolean): Promise<Sessions> {
    return this.#switched(await startSession(name, citizenId, birthDate, consented));
  }

  /** Serves session `id` again, or nobody (null: a pause). */
  async resume(id: number | null): Promise<Sessions> {
    return this.#switched(await resumeSession(id));
  }

  /** Another citizen is served (or nobody): what the last one's toasts said goes. */
  #switched(sessions: Sessions): Sessions {
    this.sessions = sessions;
    this.#toasts.clear();
    return sessions;
  }

  /** Ends session `id`: its data leaves this PC now or once sent. */
  async end(id: number): Promise<Sessions> {
    this.sessions = await endSession(id);
    return this.sessions;
  }

  /** Forgets what was read (after a sign-out: the next officer asks again). */
  forget(): void {
    this.sessions = null;
  }
}
