import type { DraftView, LocalizedText, SupplementRequest } from './types';

/** What "Nộp hồ sơ" just did, for the message on the submissions screen. */
export type Submitted = {
  draftId: number;
  /** Whether the portal was reachable: the dossier is on its way, or waits on this machine. */
  online: boolean;
  /** Sent to the practice portal. */
  training: boolean;
  /** Documents the portal took the dossier without, still to give (a to-do). */
  toFollow: LocalizedText[];
};

/** The screen shown; there is no URL routing in a desktop window. */
export type Route =
  | { name: 'home' }
  | { name: 'procedure'; code: string }
  /** A draft's interview; `view` when the caller has just created or opened it. */
  | { name: 'interview'; draftId: number; view?: DraftView }
  | { name: 'profiles' }
  /** Officer mode: the desk this PC serves and the audit log. */
  | { name: 'desk' }
  /** Officer mode: "Tiếp công dân", the citizens served today. */
  | { name: 'sessions' }
  /** "Hồ sơ đã nộp"; `submitted` right after a submission. */
  | { name: 'submissions'; submitted?: Submitted }
  /** What was submitted in the dossier `code`, read only. */
  | { name: 'sent'; draftId: number; code: string }
  /** Answering the agency's supplement request on the dossier `code`, from its draft. */
  | { name: 'supplement'; draftId: number; code: string; request: SupplementRequest };
