// The public-service portal as the header shows it: training mode, the
// connection, the signed-in account. Read once at start-up, then kept up to
// date by the sync worker's `online` notices and by sign-in and sign-out.
import { portalStatus, signIn, signInWithBrowser, signOut } from './api';
import { t } from './i18n.svelte';
import type { PortalStatus } from './types';

/** The portal's state for one app (see app-state.svelte.ts). */
export class Portal {
  /** The last status read; null until portal_status answers. */
  status = $state<PortalStatus | null>(null);
  /** Whether the portal is reachable; null while not known yet. */
  online = $state<boolean | null>(null);
  /** Goes up each time a page asks the header to open its sign-in chooser. */
  signInAsked = $state(0);

  #adopt(status: PortalStatus): void {
    this.status = status;
    this.online = status.online;
  }

  /** Reads the status (quietly: outside the shell there is no portal). */
  async load(): Promise<void> {
    try {
      this.#adopt(await portalStatus());
    } catch {
      // The header then shows no portal information.
    }
  }

  /** A fresh reading of the connection (an `online` notice, a submission's answer). */
  setOnline(online: boolean): void {
    this.online = online;
    if (this.status) this.status = { ...this.status, online };
  }

  /** Whether dossiers go to the practice portal. */
  get training(): boolean {
    return this.status?.training === true;
  }

  /** No one is signed in: submissions wait on this computer until someone is. */
  get signedOut(): boolean {
    return this.status !== null && !this.status.account;
  }

  /** The signed-in person's name as the portal gives it (else the account's); null when signed out. */
  accountName(): string | null {
    const account = this.status?.account;
    if (!this.status || !account) return null;
    if (this.status.name) return this.status.name;
    if (account === 'browser') return t('portal-browser-account');
    return this.status.test_accounts.find((a) => a.id === account)?.name ?? account;
  }

  /** Whether a one-stop desk officer is signed in (officer mode). */
  get officer(): boolean {
    return this.status?.officer ?? false;
  }

  /** Asks the header to open its sign-in chooser (from a page that needs a sign-in). */
  askToSignIn(): void {
    this.signInAsked += 1;
  }

  /** Signs in a test account; rejects with an AppError. */
  async signIn(account: string): Promise<void> {
    this.#adopt(await signIn(account));
  }

  /** Signs in through the system browser; rejects with an AppError. */
  async signInWithBrowser(): Promise<void> {
    this.#adopt(await signInWithBrowser());
  }

  /** Signs out; rejects with an AppError. */
  async signOut(): Promise<void> {
    this.#adopt(await signOut());
  }
}
