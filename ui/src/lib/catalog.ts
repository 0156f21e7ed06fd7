// The whole catalog as the home page first lists it. At start-up it is asked
// for the moment the data is open, before the first screen renders, so the
// answer travels while the page draws instead of after.
import { searchProcedures } from './api';
import type { ProcedureSummary } from './types';

let prefetched: Promise<ProcedureSummary[]> | null = null;

/** Asks for the whole catalog now; the next `wholeCatalog()` takes this answer. */
export function prefetchCatalog(): void {
  prefetched = searchProcedures('');
  // A failure is reported by whoever takes the answer, not as unhandled here.
  prefetched.catch(() => {});
}

/** Every procedure the app carries: the answer asked for at start-up once, then a fresh one. */
export function wholeCatalog(): Promise<ProcedureSummary[]> {
  const answer = prefetched ?? searchProcedures('');
  prefetched = null;
  return answer;
}
