// What Rust answers, replayed. The UI tests' backend asks this module for
// everything only Rust knows (an interview's state, a cleaned answer, a
// search, a profile check, a picked file's check); the answers were written
// by Rust itself (crates/assistant/tests/ui_fixtures.rs) into
// fixtures/answers.json for the asks listed in fixtures/asks.json.
//
// A new ask has no answer yet: the test fails and says so, and
// `bash scripts/update-ui-fixtures.sh` records every ask the tests make (Rust
// answers each new one on the spot through the example `answer_ask`, named
// by ANSWER_ASK) and has Rust write the answers file.
import { execFileSync } from 'node:child_process';
import raw from './fixtures/answers.json?raw';
import { canonical } from './canonical';
import type {
  AddressAnswer,
  AppError,
  Answer,
  Answers,
  Commune,
  Definition,
  DeskView,
  Dossier,
  Elsewhere,
  FeeQuote,
  FileKind,
  InterviewState,
  Meaning,
  PaymentCode,
  PlaceInQuery,
  ProcedureSummary,
  Province,
  Status,
  UnverifiedFact,
} from '../lib/types';

/** Everything the UI tests may ask Rust, by kind (see ui_fixtures.rs). */
export type Ask =
  | { kind: 'evaluate'; code: string; answers: Answers; attached: string[] }
  | { kind: 'clean'; code: string; field: string; answer: Answer }
  | { kind: 'prefill'; code: string; data: Partial<Record<Meaning, Answer>> }
  | { kind: 'save_profile'; label: string; data: Partial<Record<Meaning, Answer>> }
  | { kind: 'profile_order'; labels: string[] }
  | { kind: 'attach'; code: string; document: string; file: string }
  | { kind: 'search'; query: string }
  | { kind: 'detail'; code: string }
  | { kind: 'unverified'; code: string }
  | { kind: 'fee_quote'; code: string; province: string | null }
  | { kind: 'place'; query: string }
  | { kind: 'elsewhere'; query: string }
  | { kind: 'provinces' }
  | { kind: 'communes'; province: string; query: string }
  | { kind: 'desk'; name: string; province: string; commune: string | null }
  | { kind: 'session'; name: string; citizen_id: string; birth_date: string; consented: boolean }
  | { kind: 'vietqr'; code: string; total: number; tamper?: boolean }
  | { kind: 'payment_code'; dossier: Dossier }
  | { kind: 'dossier_actions'; status: Status; rated: boolean };

/** A draft's interview as the store evaluates it. */
export type Evaluated = {
  state: InterviewState;
  answers: Answers;
  person: string | null;
  subject: string | null;
  steps_done: number;
  steps_total: number;
};

/** A picked file as the store checked it. */
export type Checked = { file_name: string; kind: FileKind; size: number; sha256: string; preview: string | null };

/** Either what a call gave or the error it returned. */
export type Outcome<T> = { ok: T } | { error: AppError };

type Answered = {
  evaluate: Evaluated;
  clean: Answer | null;
  prefill: { answers: Answers; prefilled: string[] };
  save_profile: Outcome<{ label: string; data: Partial<Record<Meaning, Answer | AddressAnswer>> }>;
  profile_order: number[];
  attach: Outcome<Checked>;
  search: ProcedureSummary[];
  detail: Outcome<Definition>;
  unverified: Outcome<UnverifiedFact[]>;
  fee_quote: Outcome<FeeQuote>;
  place: PlaceInQuery | null;
  elsewhere: Elsewhere[];
  provinces: Province[];
  communes: Commune[];
  desk: Outcome<DeskView>;
  session: Outcome<[string, string, string]>;
  vietqr: string;
  payment_code: Outcome<PaymentCode>;
  dossier_actions: { can_withdraw: boolean; can_rate: boolean };
};

const answers = new Map<string, unknown>(
  (JSON.parse(raw) as { ask: unknown; answer: unknown }[]).map((entry) => [canonical(entry.ask), entry.answer]),
);

/** Every ask this test file made, for RECORD_FIXTURES. */
export const asked = new Set<string>();

/** What Rust answered to `ask`; throws when Rust has not answered it yet. */
export function rust<A extends Ask>(ask: A): Answered[A['kind']] {
  const key = canonical(ask);
  asked.add(key);
  if (!answers.has(key)) {
    const answerAsk = process.env['ANSWER_ASK'];
    if (!answerAsk) {
      throw new Error(`Rust has not answered ${key} yet: run bash scripts/update-ui-fixtures.sh and commit ui/src/test/fixtures.`);
    }
    answers.set(key, JSON.parse(execFileSync(answerAsk, { input: key, encoding: 'utf8' })));
  }
  // A fresh copy: a caller may change what it gets.
  return structuredClone(answers.get(key)) as Answered[A['kind']];
}
