// Updates as the person sees them: the app asks at start (a moment after
// the first screen) and when the person asks; a newer version is described
// and installed only when the person agrees; the download shows its
// progress; and whatever fails, the version in use keeps working (Rust
// writes nothing before the signature is checked).
import { checkForUpdate, installUpdate, listenForUpdateProgress, restartApp, toAppError } from './api';
import { t } from './i18n.svelte';
import type { Toasts } from './toast.svelte';
import type { AppError, UpdateOffer, UpdateProgress } from './types';

/** Where the update stands: nothing to show, a version on offer, its download, installed, or failed. */
export type UpdatePhase = 'none' | 'checking' | 'offered' | 'installing' | 'installed' | 'failed';

/** How long after the first screen the start-up check waits, so it never slows that screen. */
export const START_CHECK_DELAY_MS = 2000;

export class UpdateState {
  phase = $state<UpdatePhase>('none');
  offer = $state<UpdateOffer | null>(null);
  progress = $state<UpdateProgress | null>(null);
  error = $state<AppError | null>(null);
  /** The version installed, waiting for a restart. */
  installed = $state<string | null>(null);
  /** "Để sau": the banner hides until the person asks again. */
  hidden = $state(false);
  /** Counts the answers to the person's own checks that the banner shows: it comes into view and takes the focus. */
  revealed = $state(0);
  /** Whether any check ran: the one at start then has nothing to add. */
  #checked = false;
  readonly #toasts: Toasts;

  constructor(toasts: Toasts) {
    this.#toasts = toasts;
  }

  /** Whether the banner shows. */
  get shown(): boolean {
    return !this.hidden && (this.phase === 'offered' || this.phase === 'installing' || this.phase === 'installed' || this.phase === 'failed');
  }

  /**
   * Asks whether a newer version is out. At start (`onDemand` false) a
   * failure or "nothing new" stays quiet; asked for, each is said.
   */
  async check(onDemand: boolean): Promise<void> {
    if (!onDemand && this.#checked) return;
    this.#checked = true;
    if (onDemand) this.hidden = false;
    if (this.phase === 'installing' || this.phase === 'checking') return;
    if (this.phase !== 'installed') {
      this.phase = 'checking';
      this.error = null;
      try {
        this.offer = await checkForUpdate();
        this.phase = this.offer ? 'offered' : 'none';
      } catch (e) {
        this.offer = null;
        this.phase = onDemand ? 'failed' : 'none';
        this.error = onDemand ? toAppError(e) : null;
      }
    }
    if (!onDemand) return;
    if (this.shown) this.revealed += 1;
    else this.#toasts.show({ key: 'update', message: () => t('update-latest') });
  }

  /** Downloads, checks and installs the version on offer: only ever called by the person's click. */
  async install(): Promise<void> {
    if (!this.offer || (this.phase !== 'offered' && this.phase !== 'failed')) return;
    this.phase = 'installing';
    this.error = null;
    this.progress = null;
    const stop = await listenForUpdateProgress((progress) => (this.progress = progress));
    try {
      this.installed = await installUpdate();
      this.phase = 'installed';
    } catch (e) {
      this.error = toAppError(e);
      this.phase = 'failed';
    } finally {
      stop();
    }
  }

  /** Hides the banner until the person asks again; an installed version still runs at the next start. */
  later(): void {
    if (this.phase !== 'installing') this.hidden = true;
  }

  /** Starts the installed version. */
  async restart(): Promise<void> {
    try {
      await restartApp();
    } catch (e) {
      this.error = toAppError(e);
    }
  }
}
