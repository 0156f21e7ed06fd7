import type { DraftView } from './types';

/** The screen shown; there is no URL routing in a desktop window. */
export type Route =
  | { name: 'home' }
  | { name: 'procedure'; code: string }
  /** A draft's interview; `view` when the caller has just created or opened it. */
  | { name: 'interview'; draftId: number; view?: DraftView }
  | { name: 'profiles' };
