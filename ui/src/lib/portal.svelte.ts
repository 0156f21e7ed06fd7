// The public-service portal as the header shows it: training mode, the
// connection, the signed-in account. Read once at start-up, then kept up to
// date by the sync worker's `online` notices and by sign-in and sign-out.
import { portalStatus, signIn as apiSignIn, signInWithBrowser as apiSignInWithBrowser, signOut as apiSignOut } from './api';
import { t } from './i18n.svelte';
import type { PortalStatus } from './types';

class Portal {
  /** The last status read; null until portal_status answers. */
  status = $state<PortalStatus | null>(null);
  /** Whether the portal is reachable; null while not known yet. */
  online = $state<boolean | null>(null);
  /** Goes up each time a page asks the header to open its sign-in chooser. */
  signInAsked = $state(0);
}

export const portal = new Portal();

function adopt(status: PortalStatus): void {
  portal.status = status;
  portal.online = status.online;
}

/** Reads the status (quietly: outside the shell there is no portal). */
export async function loadPortal(): Promise<void> {
  try {
    adopt(await portalStatus());
  } catch {
    // The header then shows no portal information.
  }
}

/** A fresh reading of the connection (an `online` notice, a submission's answer). */
export function setOnline(online: boolean): void {
  portal.online = online;
  if (portal.status) portal.status = { ...portal.status, online };
}

/** Whether dossiers go to the practice portal. */
export function isTraining(): boolean {
  return portal.status?.training === true;
}

/** The signed-in account's name (its id when it is not a known test account); null when signed out. */
export function accountName(status: PortalStatus | null = portal.status): string | null {
  const account = status?.account;
  if (!account) return null;
  if (account === 'browser') return t('portal-browser-account');
  return status.test_accounts.find((a) => a.id === account)?.name ?? account;
}

/** No one is signed in: submissions wait on this computer until someone is. */
export function signedOut(): boolean {
  return portal.status !== null && !portal.status.account;
}

/** Asks the header to open its sign-in chooser (from a page that needs a sign-in). */
export function askToSignIn(): void {
  portal.signInAsked += 1;
}

/** Signs in a test account; rejects with an AppError. */
export async function signIn(account: string): Promise<void> {
  adopt(await apiSignIn(account));
}

/** Signs in through the system browser; rejects with an AppError. */
export async function signInWithBrowser(): Promise<void> {
  adopt(await apiSignInWithBrowser());
}

/** Signs out; rejects with an AppError. */
export async function signOut(): Promise<void> {
  adopt(await apiSignOut());
}

/** Forgets the status; for tests. */
export function resetPortal(): void {
  portal.status = null;
  portal.online = null;
  portal.signInAsked = 0;
}
