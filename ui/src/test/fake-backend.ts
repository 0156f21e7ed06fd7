// A stand-in for the Rust commands, for tests and the browser preview only.
// It answers at the invoke boundary with hand-made data; it is not the
// engine and checks only what the tests need.
import type {
  AddressAnswer,
  Answer,
  Answers,
  AppError,
  Attachment,
  Commune,
  Definition,
  DocumentRequirement,
  Elsewhere,
  DocumentState,
  Dossier,
  DossierView,
  DraftSummary,
  DraftView,
  FieldProblem,
  Refusal,
  FieldState,
  FileKind,
  InterviewState,
  LockState,
  Meaning,
  Message,
  PortalStatus,
  ProcedureSummary,
  Profile,
  Province,
  QueuedSubmission,
  Status,
  StepState,
  Submissions,
  SubmitResult,
  SyncNotice,
  UpgradeNotice,
} from '../lib/types';

const lt = (vi: string, en: string) => ({ vi, en });

export const provinces: Province[] = [
  { code: '01', name: 'Thành phố Hà Nội', kind: 'thanh_pho' },
  { code: '79', name: 'Thành phố Hồ Chí Minh', kind: 'thanh_pho' },
];

export const communes: Record<string, Commune[]> = {
  '01': [
    { code: '00004', name: 'Phường Ba Đình', kind: 'phuong' },
    { code: '00008', name: 'Phường Ngọc Hà', kind: 'phuong' },
  ],
  '79': [
    { code: '26734', name: 'Phường Sài Gòn', kind: 'phuong' },
    { code: '27760', name: 'Xã Thạnh An', kind: 'xa' },
  ],
};

export const summaries: ProcedureSummary[] = [
  {
    code: '1.000894',
    name: lt('Đăng ký kết hôn', 'Marriage registration'),
    summary: lt('Đăng ký kết hôn giữa hai công dân Việt Nam.', 'Register a marriage between two Vietnamese citizens.'),
    topics: ['civil-status'],
    life_events: ['getting-married'],
    agency_level: 'commune',
    online: 'full',
    fee: 0,
    matched: null,
  },
  {
    code: '1.001193',
    name: lt('Đăng ký khai sinh', 'Birth registration'),
    summary: lt('Đăng ký khai sinh cho trẻ sinh ra ở Việt Nam.', 'Register the birth of a child born in Vietnam.'),
    topics: ['civil-status'],
    life_events: ['having-a-baby'],
    agency_level: 'commune',
    online: 'full',
    fee: 0,
    matched: null,
  },
  {
    code: '2.000001',
    name: lt('Đổi giấy phép lái xe', 'Driving licence renewal'),
    summary: lt('Đổi giấy phép lái xe do ngành Công an cấp.', 'Renew a driving licence.'),
    topics: ['transport'],
    life_events: ['driving'],
    agency_level: 'province',
    online: 'partial',
    fee: 135000,
    matched: null,
  },
];

type FakeField = {
  id: string;
  kind: FieldState['kind'];
  label: FieldState['label'];
  help?: FieldState['help'];
  required?: boolean;
  options?: FieldState['options'];
  meaning?: Meaning;
};
type FakeStep = { id: string; title: StepState['title']; intro?: StepState['intro']; showIf?: (a: Answers) => boolean; fields: FakeField[] };

export const steps: FakeStep[] = [
  {
    id: 'requester',
    title: lt('Người đi đăng ký', 'The person filing'),
    intro: lt('Người đi đăng ký là cha, mẹ hoặc người thân của trẻ.', 'The father, the mother or a relative of the child.'),
    fields: [
      {
        id: 'requester_name',
        kind: 'person_name',
        label: lt('Họ, chữ đệm và tên', 'Full name'),
        help: lt('Viết có dấu.', 'With diacritics.'),
        meaning: 'full_name',
      },
      { id: 'requester_phone', kind: 'phone', label: lt('Số điện thoại di động', 'Mobile number'), meaning: 'phone' },
      { id: 'requester_email', kind: 'email', label: lt('Thư điện tử', 'E-mail'), required: false, meaning: 'email' },
    ],
  },
  {
    id: 'child',
    title: lt('Thông tin của trẻ', 'About the child'),
    fields: [
      { id: 'child_birth_date', kind: 'date', label: lt('Ngày, tháng, năm sinh', 'Date of birth') },
      {
        id: 'child_sex',
        kind: 'choice',
        label: lt('Giới tính', 'Sex'),
        options: [
          { value: 'male', label: lt('Nam', 'Male') },
          { value: 'female', label: lt('Nữ', 'Female') },
        ],
      },
      { id: 'has_birth_certificate', kind: 'yes_no', label: lt('Có giấy chứng sinh không?', 'Is there a birth certificate?') },
    ],
  },
  {
    id: 'witness',
    title: lt('Người làm chứng', 'Witness'),
    showIf: (a) => a['has_birth_certificate'] === false,
    fields: [{ id: 'witness_name', kind: 'person_name', label: lt('Họ và tên người làm chứng', 'Witness name') }],
  },
  {
    id: 'residence',
    title: lt('Nơi cư trú', 'Residence'),
    fields: [
      { id: 'home_address', kind: 'address', label: lt('Nơi cư trú của trẻ', "The child's residence") },
      { id: 'fee_paid', kind: 'money', label: lt('Số tiền đã nộp', 'Amount paid'), required: false },
    ],
  },
];

export const definition: Definition = {
  format: 1,
  code: '1.001193',
  version: 1,
  name: summaries[1]!.name,
  summary: summaries[1]!.summary,
  topics: ['civil-status'],
  life_events: ['having-a-baby'],
  keywords: [],
  agency: { level: 'commune', name: lt('Ủy ban nhân dân cấp xã nơi cư trú', "People's Committee of the commune") },
  online: 'full',
  processing_time: lt('Ngay trong ngày làm việc', 'The same working day'),
  fee: {
    amount: 0,
    rules: [{ when: 'late', amount: null, reason: lt('Đăng ký quá hạn: lệ phí do tỉnh quy định.', 'Late: set by the province.') }],
    per_item: [],
    note: lt('Miễn lệ phí khi đăng ký đúng hạn.', 'Free when on time.'),
  },
  legal_basis: [{ number: '60/2014/QH13', title: lt('Luật Hộ tịch', 'Law on Civil Status') }],
  notes: [lt('Thời hạn giải quyết chưa được đối chiếu.', 'The processing time has not been checked.')],
  documents: [
    {
      id: 'to_khai',
      name: lt('Tờ khai đăng ký khai sinh', 'Birth registration form'),
      note: null,
      required_if: null,
      accepted: ['pdf'],
      max_size_mb: 10,
      supply: 'app_form',
    },
    {
      id: 'can_cuoc',
      name: lt('Căn cước của người đi đăng ký (bản chụp)', 'ID card of the person filing (a copy)'),
      note: null,
      required_if: null,
      accepted: ['pdf'],
      max_size_mb: 10,
      supply: 'upload',
    },
    {
      id: 'giay_chung_sinh',
      name: lt('Giấy chứng sinh (bản chính)', 'Medical birth certificate (original)'),
      note: null,
      required_if: 'has_birth_certificate == true',
      accepted: ['pdf', 'jpeg', 'png'],
      max_size_mb: 10,
      supply: 'upload',
    },
    {
      id: 'ban_sao_trich_luc',
      name: lt('Giấy tờ mang đến khi nhận kết quả', 'Paper brought when collecting the result'),
      note: null,
      required_if: 'has_birth_certificate == false',
      accepted: ['pdf'],
      max_size_mb: 10,
      supply: 'later',
    },
  ],
  subject_field: null,
  steps: steps.map((s) => ({
    id: s.id,
    title: s.title,
    intro: s.intro ?? null,
    show_if: s.showIf ? 'has_birth_certificate == false' : null,
    fields: s.fields.map((f) => ({
      id: f.id,
      type: f.kind,
      label: f.label,
      help: f.help ?? null,
      required: f.required ?? true,
      show_if: null,
      options: f.options ?? [],
      not_future: false,
      birth_date_field: null,
      sex_field: null,
      min: null,
      max: null,
      checks: [],
      meaning: f.meaning ?? null,
      meaning_if: null,
      same_as: [],
    })),
  })),
};

const fluent = (id: string, args: Record<string, string | number> = {}): Message => ({ kind: 'fluent', id, args });

export function clean(kind: FieldState['kind'], answer: Answer): Answer {
  if (typeof answer === 'boolean') return answer;
  if (typeof answer === 'object') return { ...answer, street: answer.street.trim().replace(/\s+/g, ' ') };
  const text = answer.trim().replace(/\s+/g, ' ');
  if (kind === 'phone') {
    const digits = text.replace(/[\s.-]/g, '').replace(/^(\+84|0084)/, '0');
    return /^0\d{9}$/.test(digits) ? digits : text;
  }
  if (kind === 'money') {
    const digits = text.replace(/[.,\s]/g, '');
    return /^\d+$/.test(digits) ? String(Number(digits)) : text;
  }
  return text;
}

function blank(answer: Answer): boolean {
  if (typeof answer === 'string') return answer === '';
  if (typeof answer === 'object') return !answer.province && !answer.commune && !answer.street;
  return false;
}

function check(field: FakeField, answer: Answer): { error?: Message; display?: FieldState['display'] } {
  switch (field.kind) {
    case 'phone':
      return typeof answer === 'string' && /^0\d{9}$/.test(answer)
        ? { display: { kind: 'text', value: answer } }
        : { error: fluent('error-phone-format') };
    case 'date':
      return typeof answer === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(answer)
        ? { display: { kind: 'text', value: answer } }
        : { error: fluent('error-date-format') };
    case 'choice': {
      const option = field.options?.find((o) => o.value === answer);
      return option ? { display: { kind: 'choice', value: option.label } } : { error: fluent('error-choice-unknown') };
    }
    case 'yes_no':
      return { display: { kind: 'yes_no', value: answer === true } };
    case 'money':
      return typeof answer === 'string' && /^\d+$/.test(answer)
        ? { display: { kind: 'money', value: Number(answer) } }
        : { error: fluent('error-number-format') };
    case 'address': {
      const a = answer as AddressAnswer;
      const province = provinces.find((p) => p.code === a.province);
      if (!province) return { error: fluent('error-address-province') };
      const commune = communes[a.province]?.find((c) => c.code === a.commune);
      if (!commune) return { error: fluent('error-address-commune') };
      if (!a.street) return { error: fluent('error-address-street') };
      return { display: { kind: 'address', value: `${a.street}, ${commune.name}, ${province.name}` } };
    }
    case 'person_name':
      return typeof answer === 'string' && /\d/.test(answer)
        ? { error: { kind: 'text', text: lt('Họ tên không được có chữ số.', 'A name has no digits.') } }
        : { display: { kind: 'text', value: String(answer) } };
    default:
      return { display: { kind: 'text', value: String(answer) } };
  }
}

export function evaluate(answers: Answers, attached: ReadonlySet<string> = new Set()): InterviewState {
  const cleaned: Answers = {};
  const kinds = new Map(steps.flatMap((s) => s.fields.map((f) => [f.id, f.kind] as const)));
  for (const [id, answer] of Object.entries(answers)) {
    const kind = kinds.get(id);
    if (!kind || answer === undefined) continue;
    const value = clean(kind, answer);
    if (!blank(value)) cleaned[id] = value;
  }
  const visible = steps.filter((s) => !s.showIf || s.showIf(cleaned));
  const kept: Answers = {};
  const stepStates: StepState[] = visible.map((s) => {
    const fields: FieldState[] = s.fields.map((f) => {
      const value = cleaned[f.id];
      if (value !== undefined) kept[f.id] = value;
      const required = f.required ?? true;
      const result = value === undefined ? (required ? { error: fluent('error-required') } : {}) : check(f, value);
      return {
        id: f.id,
        kind: f.kind,
        label: f.label,
        help: f.help ?? null,
        required,
        options: f.options ?? [],
        value: value ?? null,
        display: result.display ?? null,
        errors: result.error ? [result.error] : [],
        warnings: [],
        copied_from: null,
      };
    });
    return { id: s.id, title: s.title, intro: s.intro ?? null, fields, complete: fields.every((f) => f.errors.length === 0) };
  });
  const answersComplete = stepStates.every((s) => s.complete);
  const needed = (d: DocumentRequirement): boolean =>
    d.required_if === null || cleaned['has_birth_certificate'] === (d.required_if === 'has_birth_certificate == true');
  const documents: DocumentState[] = definition.documents.filter(needed).map((d) => ({
    id: d.id,
    name: d.name,
    note: d.note,
    accepted: d.accepted,
    max_size_mb: d.max_size_mb,
    status: d.supply === 'app_form' ? 'filled_by_app' : attached.has(d.id) ? 'attached' : d.supply === 'upload' ? 'missing' : 'to_follow',
  }));
  return {
    code: definition.code,
    version: 1,
    steps: stepStates,
    documents,
    fee: { amount: 0, reason: null, note: definition.fee.note, items: [], total: 0 },
    answers_complete: answersComplete,
    ready: answersComplete && documents.every((d) => d.status !== 'missing'),
    answers: present(kept),
  };
}

/** Answers without the cleared ones, as Rust sends them. */
function present(answers: Answers): { [key in string]: Answer } {
  return Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, Answer] => entry[1] !== undefined));
}

// The store: drafts, profiles and attachments, in memory.

type FakeDraft = {
  id: number;
  code: string;
  version: number;
  title: string | null;
  profileId: number | null;
  currentStep: string | null;
  answers: Answers;
  prefilled: Set<string>;
  notice: UpgradeNotice | null;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  /** When it went into the outbox; a submitted draft is read-only and not listed. */
  submittedAt: string | null;
  /** Why the portal refused the last submission, until what it names changed. */
  rejection: Refusal | null;
  /** Whom it is about, as the store keeps it from the definition's subject field. */
  subject: string | null;
};

/** An outbox entry: a submitted draft waiting for the portal. */
type FakeQueued = { id: number; draftId: number; attempts: number; queuedAt: string; nextAttemptAt: string };

/** The sandbox's test accounts, as the shell lists them. */
export const testAccounts = [
  { id: 'cong-dan', name: 'Nguyễn Văn An' },
  { id: 'cong-dan-2', name: 'Phạm Thị Mai' },
  { id: 'can-bo', name: 'Lê Thị Hoa' },
];

function freshPortal(): PortalStatus {
  return { training: true, base_url: 'http://127.0.0.1:48080', account: 'cong-dan', online: true, test_accounts: testAccounts };
}

const store = {
  drafts: new Map<number, FakeDraft>(),
  profiles: new Map<number, Profile>(),
  attachments: new Map<number, Attachment & { draftId: number }>(),
  notices: [] as AppError[],
  portal: freshPortal(),
  outbox: [] as FakeQueued[],
  dossiers: [] as DossierView[],
  dossierSequence: 0,
  nextId: 1,
  clock: 0,
  /** The files the fake picker chooses next, in order (null: the picker was closed). */
  picks: [] as (string | null)[],
  /** The data lock: set when the PC has no OS keyring and the passphrase is not typed yet. */
  lock: { locked: false, newFolder: false, passphrase: null as string | null },
  /** The language the shell keeps. */
  locale: 'vi',
  /** The text size the shell keeps, in percent. */
  textSize: 100,
  /** What search_elsewhere answers, by query. */
  elsewhere: new Map<string, Elsewhere[]>(),
};

/** The passphrase a locked fake data folder opens with. */
export const FAKE_PASSPHRASE = 'hoa sen nở';

/** The shortest passphrase a new data folder takes, as the vault crate says. */
export const MIN_PASSPHRASE_CHARS = 8;

/** Forgets every draft, profile, attachment, submission and dossier. */
export function resetFakeBackend(): void {
  store.drafts.clear();
  store.profiles.clear();
  store.attachments.clear();
  store.notices = [];
  store.portal = freshPortal();
  store.outbox = [];
  store.dossiers = [];
  store.dossierSequence = 0;
  store.nextId = 1;
  store.clock = 0;
  store.picks = [];
  store.lock = { locked: false, newFolder: false, passphrase: null };
  store.locale = 'vi';
  store.textSize = 100;
  store.elsewhere = new Map();
}

/** Makes search_elsewhere answer `entries` for `query`, as Rust would for that query. */
export function seedElsewhere(query: string, entries: Elsewhere[]): void {
  store.elsewhere.set(query, entries);
}

/** The text size the shell keeps, in percent. */
export function fakeTextSize(): number {
  return store.textSize;
}

/**
 * Starts the app locked, as on a PC without an OS keyring: a new data folder
 * asks for a passphrase to be chosen, an existing one opens with
 * FAKE_PASSPHRASE.
 */
export function startLocked(options: { newFolder: boolean }): void {
  store.lock = { locked: true, newFolder: options.newFolder, passphrase: options.newFolder ? null : FAKE_PASSPHRASE };
}

/** Whether the fake data is still locked. */
export function fakeLocked(): boolean {
  return store.lock.locked;
}

/**
 * The files the native picker will return, in order, one per attach_file
 * (null: the person closed it). Without any, it picks giay-chung-sinh.jpg.
 */
export function pickNext(...files: (string | null)[]): void {
  store.picks.push(...files);
}

/** Change stamps that always move forward, a second apart (from 05/09/2025 07:00 UTC). */
function stamp(): string {
  store.clock += 1;
  return new Date(Date.UTC(2025, 8, 5, 7, 0, store.clock)).toISOString();
}

/** The interview of a draft, with its attached files counted. */
function stateOf(draft: FakeDraft): InterviewState {
  const attached = new Set([...store.attachments.values()].filter((a) => a.draftId === draft.id).map((a) => a.document_id));
  return evaluate(draft.answers, attached);
}

function fieldOf(id: string): FakeField | undefined {
  return steps.flatMap((s) => s.fields).find((f) => f.id === id);
}

function summary(draft: FakeDraft): DraftSummary {
  const state = stateOf(draft);
  const nameField = steps.flatMap((s) => s.fields).find((f) => f.meaning === 'full_name');
  const person = nameField ? draft.answers[nameField.id] : undefined;
  return {
    id: draft.id,
    procedure_code: draft.code,
    procedure_version: draft.version,
    title: draft.title,
    person: typeof person === 'string' ? person : null,
    subject: draft.subject,
    profile_id: draft.profileId,
    current_step: draft.currentStep,
    steps_done: state.steps.filter((s) => s.complete).length,
    steps_total: state.steps.length,
    created_at: draft.createdAt,
    updated_at: draft.updatedAt,
    submitted_at: draft.submittedAt,
    rejected: draft.rejection !== null,
  };
}

function live(id: unknown): FakeDraft {
  const draft = store.drafts.get(Number(id));
  if (!draft || draft.deleted) throw { code: 'not-found', args: { what: 'draft' } };
  return draft;
}

export function draftView(id: number): DraftView {
  const draft = live(id);
  return {
    draft: summary(draft),
    answers: present(draft.answers),
    prefilled: [...draft.prefilled],
    notice: draft.notice,
    attachments: [...store.attachments.values()]
      .filter((a) => a.draftId === id)
      .map(({ draftId: _, ...attachment }) => attachment),
    state: stateOf(draft),
    rejection: draft.rejection && { ...draft.rejection, fields: draft.rejection.fields.map((p) => ({ ...p })) },
  };
}

/** Makes a draft as create_draft would; returns its id. */
/**
 * Saves a draft as the store would; `files` names the documents that already
 * have a file attached (a scan named after the document).
 */
export function seedDraft(
  options: Partial<Omit<FakeDraft, 'id' | 'prefilled'>> & { prefilled?: string[]; files?: string[] } = {},
): number {
  const { files = [], ...draft } = options;
  const id = store.nextId++;
  const at = stamp();
  for (const documentId of files) {
    const fileId = store.nextId++;
    store.attachments.set(fileId, {
      id: fileId,
      document_id: documentId,
      file_name: `${documentId}.pdf`,
      kind: 'pdf',
      size: 524_288,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      draftId: id,
    });
  }
  store.drafts.set(id, {
    code: definition.code,
    version: definition.version,
    title: null,
    profileId: null,
    currentStep: null,
    answers: {},
    notice: null,
    createdAt: at,
    updatedAt: at,
    deleted: false,
    submittedAt: null,
    rejection: null,
    subject: null,
    ...draft,
    id,
    prefilled: new Set(draft.prefilled ?? []),
  });
  return id;
}

/** Saves a profile as save_profile would; returns it. */
export function seedProfile(label: string, data: Profile['data']): Profile {
  const id = store.nextId++;
  const profile: Profile = { id, label, data: { ...data }, updated_at: stamp() };
  store.profiles.set(id, profile);
  return profile;
}

/** A start-up notice, as when a damaged database was set aside. */
export function seedStartupNotice(notice: AppError): void {
  store.notices.push(notice);
}

/** Answers that make the fake birth registration ready to submit. */
/** Answers that complete the interview; a ready draft also needs [`readyFiles`]. */
export const readyAnswers: Answers = {
  requester_name: 'Nguyễn Văn An',
  requester_phone: '0912345678',
  child_birth_date: '05/09/2025',
  child_sex: 'female',
  has_birth_certificate: true,
  home_address: { province: '01', commune: '00004', street: '12 phố Đội Cấn' },
};

/** The documents that need a file for [`readyAnswers`]. */
export const readyFiles = ['can_cuoc', 'giay_chung_sinh'];

// The portal: the connection, the outbox and the dossiers it confirmed.

/** Changes what portal_status reports (training, account, connection). */
export function setFakePortal(change: Partial<PortalStatus>): void {
  store.portal = { ...store.portal, ...change };
}

export function fakePortal(): PortalStatus {
  return { ...store.portal };
}

function personOf(draft: FakeDraft): string | null {
  return summary(draft).person;
}

function queuedView(item: FakeQueued): QueuedSubmission {
  const draft = store.drafts.get(item.draftId);
  return {
    id: item.id,
    draft_id: item.draftId,
    procedure_code: draft?.code ?? definition.code,
    person: draft ? personOf(draft) : null,
    attempts: item.attempts,
    queued_at: item.queuedAt,
    next_attempt_at: item.nextAttemptAt,
  };
}

/** What list_submissions answers. */
export function fakeSubmissions(): Submissions {
  return { queued: store.outbox.map(queuedView), dossiers: JSON.parse(JSON.stringify(store.dossiers)) as DossierView[] };
}

/** Puts a submitted draft in the outbox, as a failed attempt or more would leave it. */
export function seedQueued(draftId: number, attempts = 0): number {
  const draft = live(draftId);
  const at = stamp();
  draft.submittedAt = at;
  const id = store.nextId++;
  store.outbox.push({ id, draftId, attempts, queuedAt: at, nextAttemptAt: new Date(Date.parse(at) + 2 ** attempts * 60_000).toISOString() });
  return id;
}

function nextCode(draft: FakeDraft | undefined, at: string): string {
  store.dossierSequence += 1;
  const address = draft?.answers['home_address'];
  const province = typeof address === 'object' && address.province ? address.province : '00';
  return `X${province}-${at.slice(0, 10).replace(/-/g, '')}-${String(store.dossierSequence).padStart(4, '0')}`;
}

/** A dossier the portal confirmed, with its history (oldest first); returns it. */
export function seedDossier(
  options: { draftId?: number | null; person?: string | null; code?: string; history?: Dossier['history']; fee?: number | null } = {},
): Dossier {
  const draft = options.draftId == null ? undefined : store.drafts.get(options.draftId);
  const history = options.history ?? [{ status: 'submitted' as Status, at: stamp(), note: null }];
  const dossier: Dossier = {
    id: `d-${store.nextId++}`,
    code: options.code ?? nextCode(draft, history[0]?.at ?? stamp()),
    procedure_code: draft?.code ?? definition.code,
    status: history.at(-1)?.status ?? 'submitted',
    history,
    attachments: [],
    fee: options.fee ?? null,
    revision: history.length,
  };
  store.dossiers.unshift({ dossier, person: options.person ?? (draft ? personOf(draft) : null), draft_id: options.draftId ?? null });
  return dossier;
}

/** The portal confirms a queued submission: it leaves the outbox and becomes a dossier. */
export function deliverQueued(outboxId?: number): Extract<SyncNotice, { kind: 'delivered' }> {
  const item = outboxId === undefined ? store.outbox[0] : store.outbox.find((q) => q.id === outboxId);
  if (!item) throw new Error('nothing queued to deliver');
  store.outbox = store.outbox.filter((q) => q !== item);
  const dossier = seedDossier({ draftId: item.draftId });
  return { kind: 'delivered', draft_id: item.draftId, code: dossier.code };
}

/** The agency moves a dossier on. */
export function changeDossierStatus(code: string, status: Status, note: string | null = null): Extract<SyncNotice, { kind: 'status_changed' }> {
  const view = store.dossiers.find((d) => d.dossier.code === code);
  if (!view) throw new Error(`no dossier ${code}`);
  view.dossier.history.push({ status, at: stamp(), note });
  view.dossier.status = status;
  view.dossier.revision += 1;
  return { kind: 'status_changed', code, status, note };
}

/** The portal refuses a queued submission (422): the draft comes back with the field errors, and `reason` when they do not say why. */
export function rejectQueued(problems: FieldProblem[], outboxId?: number, reason: string | null = null): Extract<SyncNotice, { kind: 'sent_back' }> {
  const item = outboxId === undefined ? store.outbox[0] : store.outbox.find((q) => q.id === outboxId);
  if (!item) throw new Error('nothing queued to reject');
  store.outbox = store.outbox.filter((q) => q !== item);
  const draft = live(item.draftId);
  draft.submittedAt = null;
  draft.rejection = { reason, detail: null, fields: problems.map((p) => ({ ...p })) };
  draft.updatedAt = stamp();
  return { kind: 'sent_back', draft_id: item.draftId, reason };
}

export function fakeDraft(id: number): FakeDraft | undefined {
  return store.drafts.get(id);
}

export function fakeProfile(id: number): Profile | undefined {
  return store.profiles.get(id);
}

function kindOfFile(name: string): FileKind | null {
  const ending = name.toLowerCase().split('.').at(-1);
  if (ending === 'pdf') return 'pdf';
  if (ending === 'jpg' || ending === 'jpeg') return 'jpeg';
  if (ending === 'png') return 'png';
  return null;
}

/** Answers every command the UI sends, like the Rust shell would. */
export async function fakeInvoke(command: string, args: Record<string, unknown> = {}): Promise<unknown> {
  if (store.lock.locked && !['lock_state', 'unlock', 'current_locale', 'set_locale', 'text_size', 'set_text_size'].includes(command)) {
    // The shell has no state to give such a command yet; Tauri rejects it with a plain string.
    throw `state not managed for field \`state\` on command \`${command}\``;
  }
  switch (command) {
    case 'lock_state': {
      const state: LockState = { locked: store.lock.locked, new_folder: store.lock.locked && store.lock.newFolder };
      return state;
    }
    case 'unlock': {
      if (!store.lock.locked) return null;
      const passphrase = String(args['passphrase'] ?? '');
      if (store.lock.newFolder) {
        if ([...passphrase].length < MIN_PASSPHRASE_CHARS) {
          throw { code: 'vault-passphrase-short', args: { min: String(MIN_PASSPHRASE_CHARS) } };
        }
        store.lock.passphrase = passphrase;
      } else if (passphrase !== store.lock.passphrase) {
        throw { code: 'vault-wrong-key', args: {} };
      }
      store.lock.locked = false;
      return null;
    }

    case 'search_procedures': {
      const query = String(args['query'] ?? '').trim().toLowerCase();
      const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase();
      const all = [...summaries].sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'));
      return query ? all.filter((p) => fold(`${p.name.vi} ${p.name.en}`).includes(fold(query))) : all;
    }
    case 'search_elsewhere':
      // What Rust answers for this query, as a test said (none by default).
      return store.elsewhere.get(String(args['query'] ?? '').trim()) ?? [];
    case 'procedure_detail':
      if (args['code'] !== definition.code) throw { code: 'procedure-not-found', args: { code: String(args['code']) } };
      return definition;
    case 'list_provinces':
      return provinces;
    case 'search_communes': {
      const query = String(args['query'] ?? '').toLowerCase();
      return (communes[String(args['province'])] ?? []).filter((c) => c.name.toLowerCase().includes(query));
    }
    case 'current_locale':
      return store.locale;
    case 'set_locale':
      store.locale = String(args['locale']);
      return null;
    case 'text_size':
      return store.textSize;
    case 'set_text_size': {
      // Rust keeps to the sizes offered: the nearest one.
      const wanted = Number(args['percent']);
      store.textSize = [100, 125, 150, 175, 200].reduce((best, size) => (Math.abs(size - wanted) < Math.abs(best - wanted) ? size : best));
      return store.textSize;
    }
    case 'home_shown':
      return null;
    case 'startup_notices':
      return [...store.notices];

    case 'list_drafts':
      return [...store.drafts.values()]
        .filter((d) => !d.deleted && d.submittedAt === null)
        .map(summary)
        .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id - a.id);
    case 'create_draft': {
      const code = String(args['code']);
      if (code !== definition.code) throw { code: 'procedure-not-found', args: { code } };
      const profileId = (args['profileId'] as number | null | undefined) ?? null;
      const answers: Answers = {};
      const prefilled: string[] = [];
      if (profileId !== null) {
        const profile = store.profiles.get(profileId);
        if (!profile) throw { code: 'not-found', args: { what: 'profile' } };
        for (const field of steps.flatMap((s) => s.fields)) {
          const value = field.meaning ? profile.data[field.meaning] : undefined;
          if (value !== undefined) {
            answers[field.id] = value;
            prefilled.push(field.id);
          }
        }
      }
      return draftView(seedDraft({ code, profileId, answers, prefilled }));
    }
    case 'open_draft':
      return draftView(Number(args['id']));
    case 'save_answer': {
      const draft = live(args['draftId']);
      if (draft.submittedAt !== null) throw { code: 'draft-submitted', args: {} };
      const fieldId = String(args['fieldId']);
      const field = fieldOf(fieldId);
      const answer = args['answer'] as Answer | null | undefined;
      const cleaned = field && answer != null ? clean(field.kind, answer) : null;
      if (cleaned === null || blank(cleaned)) delete draft.answers[fieldId];
      else draft.answers[fieldId] = cleaned;
      draft.prefilled.delete(fieldId);
      // The store's rule (Refusal::after_change): the changed answer's
      // problems go, and a refusal ends once none is left or named none.
      if (draft.rejection) {
        const fields = draft.rejection.fields.filter((p) => p.field !== fieldId);
        draft.rejection = draft.rejection.fields.length === 0 || fields.length === 0 ? null : { ...draft.rejection, fields };
      }
      draft.updatedAt = stamp();
      return stateOf(draft);
    }
    case 'save_position': {
      const draft = live(args['draftId']);
      draft.currentStep = String(args['stepId']);
      draft.updatedAt = stamp();
      return null;
    }
    case 'rename_draft': {
      const draft = live(args['id']);
      const title = String(args['title'] ?? '').trim();
      draft.title = title === '' ? null : title;
      draft.updatedAt = stamp();
      return null;
    }
    case 'duplicate_draft': {
      const draft = live(args['id']);
      const copy = seedDraft({
        code: draft.code,
        version: draft.version,
        title: draft.title,
        profileId: draft.profileId,
        currentStep: draft.currentStep,
        answers: { ...draft.answers },
        prefilled: [...draft.prefilled],
      });
      for (const attachment of [...store.attachments.values()].filter((a) => a.draftId === draft.id)) {
        const id = store.nextId++;
        store.attachments.set(id, { ...attachment, id, draftId: copy });
      }
      return copy;
    }
    case 'delete_draft':
      live(args['id']).deleted = true;
      return null;
    case 'restore_draft': {
      const draft = store.drafts.get(Number(args['id']));
      if (!draft) throw { code: 'not-found', args: { what: 'draft' } };
      draft.deleted = false;
      return null;
    }
    case 'dismiss_notice':
      live(args['id']).notice = null;
      return null;

    case 'list_profiles':
      return [...store.profiles.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi') || (a.id ?? 0) - (b.id ?? 0));
    case 'save_profile': {
      const given = args['profile'] as Profile;
      // Rust checks profile values with the interview's validators; the two the screens exercise:
      const refused: Record<string, string> = {};
      const citizenId = given.data.citizen_id;
      if (typeof citizenId === 'string' && citizenId.trim() && !/^\d{12}$/.test(citizenId.replace(/[\s.-]/g, ''))) {
        refused['citizen_id'] = 'error-citizen-id-format';
        refused['citizen_id.count'] = String(citizenId.replace(/\D/g, '').length);
      }
      const phone = given.data.phone;
      if (typeof phone === 'string' && phone.trim() && !/^0[35789]\d{8}$/.test(String(clean('phone', phone)))) {
        refused['phone'] = 'error-phone-format';
      }
      if (Object.keys(refused).length > 0) throw { code: 'profile-value', args: refused };
      const data: Profile['data'] = {};
      for (const [meaning, value] of Object.entries(given.data) as [Meaning, Answer][]) {
        const kind = meaning === 'sex' ? 'choice' : meaning.endsWith('address') ? 'address' : meaning === 'phone' ? 'phone' : 'text';
        const cleaned = clean(kind, value);
        if (!blank(cleaned)) data[meaning] = cleaned;
      }
      const id = given.id ?? store.nextId++;
      if (given.id !== null && !store.profiles.has(given.id)) throw { code: 'not-found', args: { what: 'profile' } };
      const saved: Profile = { id, label: given.label.trim(), data, updated_at: stamp() };
      store.profiles.set(id, saved);
      return saved;
    }
    case 'delete_profile':
      if (!store.profiles.delete(Number(args['id']))) throw { code: 'not-found', args: { what: 'profile' } };
      return null;
    case 'update_profile_from_draft': {
      const draft = live(args['draftId']);
      const fieldId = String(args['fieldId']);
      const meaning = fieldOf(fieldId)?.meaning;
      const profile = draft.profileId === null ? undefined : store.profiles.get(draft.profileId);
      if (!meaning) throw { code: 'unexpected', args: {} };
      if (!profile) throw { code: 'not-found', args: { what: 'profile' } };
      const value = draft.answers[fieldId];
      if (value === undefined) delete profile.data[meaning];
      else profile.data[meaning] = value;
      profile.updated_at = stamp();
      draft.prefilled.add(fieldId);
      return { ...profile, data: { ...profile.data } };
    }

    case 'attach_file': {
      const draft = live(args['draftId']);
      if (String(args['code']) !== draft.code) throw { code: 'procedure-mismatch', args: {} };
      const documentId = String(args['documentId']);
      const document = definition.documents.find((d) => d.id === documentId);
      if (!document) throw { code: 'unexpected', args: {} };
      if (document.supply === 'app_form') throw { code: 'document-filled-by-app', args: {} };
      // The shell opens the picker itself; the web view never sends a path.
      const name = store.picks.length > 0 ? store.picks.shift() : 'giay-chung-sinh.jpg';
      if (name === null || name === undefined) return null;
      const kind = kindOfFile(name);
      if (!kind || !document.accepted.includes(kind)) {
        throw { code: 'attachment-kind', args: { accepted: document.accepted.map((k) => k.toUpperCase()).join(', ') } };
      }
      for (const [id, a] of store.attachments) if (a.draftId === draft.id && a.document_id === documentId) store.attachments.delete(id);
      const id = store.nextId++;
      const attachment: Attachment = {
        id,
        document_id: documentId,
        file_name: name,
        kind,
        size: 1_258_291,
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      };
      store.attachments.set(id, { ...attachment, draftId: draft.id });
      draft.updatedAt = stamp();
      return { attachment, state: stateOf(draft) };
    }
    case 'remove_attachment': {
      const removed = store.attachments.get(Number(args['id']));
      if (!removed) throw { code: 'not-found', args: { what: 'attachment' } };
      store.attachments.delete(removed.id);
      return stateOf(live(removed.draftId));
    }
    case 'attachment_preview': {
      const attachment = store.attachments.get(Number(args['id']));
      if (!attachment) throw { code: 'not-found', args: { what: 'attachment' } };
      return attachment.kind === 'pdf' ? null : 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
    }

    case 'portal_status':
      return fakePortal();
    case 'sign_in': {
      const account = String(args['account']);
      if (!store.portal.training) throw { code: 'not-training', args: {} };
      if (!store.portal.online) throw { code: 'portal-offline', args: {} };
      if (!store.portal.test_accounts.some((a) => a.id === account)) throw { code: 'portal-sign-in', args: {} };
      store.portal.account = account;
      return fakePortal();
    }
    case 'sign_in_with_browser': {
      // The browser signs in the first test account, as the sandbox's page would.
      if (!store.portal.online) throw { code: 'portal-offline', args: {} };
      store.portal.account = store.portal.test_accounts[0]?.id ?? 'browser';
      return fakePortal();
    }
    case 'sign_out':
      store.portal.account = null;
      return fakePortal();
    case 'submit_draft': {
      const draft = live(args['draftId']);
      if (draft.submittedAt !== null) throw { code: 'draft-submitted', args: {} };
      if (!stateOf(draft).ready) throw { code: 'draft-not-ready', args: {} };
      draft.rejection = null;
      const outboxId = seedQueued(draft.id);
      const result: SubmitResult = { outbox_id: outboxId, online: store.portal.online };
      return result;
    }
    case 'list_submissions':
      return fakeSubmissions();

    default:
      throw { code: 'unknown-command', args: { command } };
  }
}
