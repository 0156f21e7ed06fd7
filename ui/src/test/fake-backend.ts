// The UI tests' backend: it answers at the invoke boundary, keeps drafts,
// profiles, files, the outbox and dossiers in memory, and takes everything
// the engine, the catalog and the store decide (interview states, cleaned
// answers, searches, profile checks, a picked file's check) from Rust's own
// answers, replayed by ./rust.ts. It holds no rule of its own.
import type {
  ActionSummary,
  AuditCheck,
  AppError,
  Answer,
  Answers,
  Attachment,
  Definition,
  DeskView,
  Dossier,
  DossierResult,
  DossierView,
  DraftSummary,
  DraftView,
  DueChange,
  EReceipt,
  Feedback,
  FieldProblem,
  InterviewState,
  LockState,
  PaymentLine,
  PaymentRequest,
  PortalStatus,
  Profile,
  QueuedSubmission,
  Rating,
  Refusal,
  SavedResult,
  Sessions,
  Status,
  StatusChange,
  Submissions,
  SubmitResult,
  SupplementItem,
  SupplementScope,
  SyncNotice,
  UpdateOffer,
  UpdateProgress,
  UpgradeNotice,
} from '../lib/types';
import { rust, type Evaluated } from './rust';

/** The procedure most tests use: birth registration, as the bundled catalog defines it. */
export const BIRTH = '1.001193';

/** A procedure's definition, as procedure_detail answers. */
export function definitionOf(code: string): Definition {
  const found = rust({ kind: 'detail', code });
  if ('error' in found) throw found.error;
  return found.ok;
}

type FakeDraft = {
  id: number;
  code: string;
  version: number;
  title: string | null;
  profileId: number | null;
  currentStep: string | null;
  /** The answers as the store keeps them (cleaned by Rust). */
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
  /** What a supplement request lets change in the submitted draft. */
  supplement: SupplementScope | null;
};

/** An outbox entry: a submitted draft waiting for the portal. */
type FakeQueued = { id: number; draftId: number; attempts: number; queuedAt: string; nextAttemptAt: string };

/** The sandbox's test accounts, as the shell lists them. */
export const testAccounts = [
  { id: 'cong-dan', name: 'Nguyễn Văn An', officer: false },
  { id: 'cong-dan-2', name: 'Phạm Thị Mai', officer: false },
  { id: 'can-bo', name: 'Lê Thị Hoa', officer: true },
];

function freshPortal(): PortalStatus {
  return {
    training: true,
    base_url: 'http://127.0.0.1:48080',
    account: 'cong-dan',
    name: 'Nguyễn Văn An',
    officer: false,
    online: true,
    test_accounts: testAccounts,
  };
}

/** The portal's status once `account` signed in (null: signed out). */
function signedIn(account: string | null): void {
  const found = store.portal.test_accounts.find((a) => a.id === account);
  store.portal.account = account;
  store.portal.name = found?.name ?? null;
  store.portal.officer = found?.officer ?? false;
}

type FakeAttachment = Attachment & { draftId: number; preview: string | null };

const store = {
  drafts: new Map<number, FakeDraft>(),
  profiles: new Map<number, Profile>(),
  attachments: new Map<number, FakeAttachment>(),
  notices: [] as AppError[],
  portal: freshPortal(),
  outbox: [] as FakeQueued[],
  dossiers: [] as DossierView[],
  /** Supplements, withdrawals, ratings and feedback the app queued. */
  actions: [] as ActionSummary[],
  /** Result files kept on this machine. */
  results: [] as SavedResult[],
  /** Feedback the portal holds. */
  feedback: [] as Feedback[],
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
  /** The update server: the version on offer, what fails next, what was installed. */
  update: freshUpdate(),
  /** The desk an officer set on this PC. */
  desk: null as DeskView | null,
  /** What checking the audit log finds. */
  auditCheck: { entries: 0, problem: null } as AuditCheck,
  /** Whether the native save dialog saves (true) or is closed (false). */
  saves: true,
  /** The channel the last submission named. */
  lastChannel: null as string | null,
  /** The officer's citizen sessions, newest first, and the one served now. */
  sessions: { current: null, sessions: [] } as Sessions,
};

function freshUpdate() {
  return {
    offer: null as UpdateOffer | null,
    checkError: null as AppError | null,
    installError: null as AppError | null,
    /** Progress the download reports before it ends, as [received, total]. */
    progress: [] as [number, number | null][],
    installed: [] as string[],
    restarts: 0,
  };
}

let updateProgressListener: ((progress: UpdateProgress) => void) | null = null;

/** Where the fake download reports its progress: a test's stand-in for the shell's event. */
export function reportUpdateProgressTo(listener: ((progress: UpdateProgress) => void) | null): void {
  updateProgressListener = listener;
}

/** Puts a newer version on offer. */
export function offerUpdate(offer: Partial<UpdateOffer> = {}): UpdateOffer {
  store.update.offer = { version: '0.2.0', current_version: '0.1.0', notes: 'Sửa lỗi khi gửi ảnh chân dung.', published: '2026-12-01', ...offer };
  return store.update.offer;
}

/** The next check for updates fails with `code`. */
export function failUpdateCheck(code: string): void {
  store.update.checkError = { code, args: {} } as AppError;
}

/** The next install fails with `code` (a refused signature, a cut download). */
export function failUpdateInstall(code: string): void {
  store.update.installError = { code, args: {} } as AppError;
}

/** The download reports these steps of progress, as [received, total]. */
export function updateProgressSteps(...steps: [number, number | null][]): void {
  store.update.progress = steps;
}

/** What the fake updater installed and how often the app restarted. */
export function fakeUpdate(): { installed: string[]; restarts: number } {
  return { installed: [...store.update.installed], restarts: store.update.restarts };
}

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
  store.actions = [];
  store.results = [];
  store.feedback = [];
  store.update = freshUpdate();
  store.desk = null;
  store.auditCheck = { entries: 0, problem: null };
  store.saves = true;
  store.sessions = { current: null, sessions: [] };
  store.lastChannel = null;
}

/** An officer signed in, the desk set, and citizen `name` served. */
export function seedOfficerServing(name: string): void {
  signedIn('can-bo');
  store.desk = { name: 'Bộ phận Một cửa UBND phường Ba Đình', province: '01', province_name: 'Thành phố Hà Nội', commune: null, commune_name: null };
  const id = store.nextId++;
  store.sessions = {
    current: id,
    sessions: [{ id, name, id_tail: '2345', started_at: stamp(), ended_at: null, wiped: false, drafts: 0, waiting: 0 }],
  };
}

/** The channel the last submission named. */
export function fakeLastChannel(): string | null {
  return store.lastChannel;
}

/** What the next audit log check finds. */
export function setFakeAuditCheck(check: AuditCheck): void {
  store.auditCheck = check;
}

/** The native save dialog saves (true) or is closed (false) from now on. */
export function fakeSaveDialog(saves: boolean): void {
  store.saves = saves;
}

/** The desk set on this fake PC. */
export function fakeDesk(): DeskView | null {
  return store.desk;
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

/** Only the answers that are there, as Rust sends them. */
function present(answers: Answers): { [key in string]: Answer } {
  return Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, Answer] => entry[1] !== undefined));
}

function attachedTo(draftId: number): FakeAttachment[] {
  return [...store.attachments.values()].filter((a) => a.draftId === draftId);
}

/** The store's evaluation of a draft: its interview, filer, subject and progress. */
function evaluated(draft: FakeDraft): Evaluated {
  const attached = [...new Set(attachedTo(draft.id).map((a) => a.document_id))].sort();
  return rust({ kind: 'evaluate', code: draft.code, answers: present(draft.answers), attached });
}

/** The interview of a draft with `answers` (as stored) and a file for each of `attached`, as Rust evaluates it. */
export function stateFor(answers: Answers, attached: string[] = [], code = BIRTH): InterviewState {
  return rust({ kind: 'evaluate', code, answers: present(answers), attached: [...attached].sort() }).state;
}

function summary(draft: FakeDraft): DraftSummary {
  const found = evaluated(draft);
  return {
    id: draft.id,
    procedure_code: draft.code,
    procedure_version: draft.version,
    title: draft.title,
    person: found.person,
    subject: found.subject,
    profile_id: draft.profileId,
    current_step: draft.currentStep,
    steps_done: found.steps_done,
    steps_total: found.steps_total,
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

function attachmentView({ draftId: _, preview: __, ...attachment }: FakeAttachment): Attachment {
  return attachment;
}

export function draftView(id: number): DraftView {
  const draft = live(id);
  return {
    draft: summary(draft),
    answers: present(draft.answers),
    prefilled: [...draft.prefilled],
    notice: draft.notice,
    attachments: attachedTo(id).map(attachmentView),
    state: evaluated(draft).state,
    rejection: draft.rejection && { ...draft.rejection, fields: draft.rejection.fields.map((p) => ({ ...p })) },
    supplement: draft.supplement && { ...draft.supplement },
  };
}

/** Attaches a file as the store checked it; replaces the document's earlier file. */
function addFile(draftId: number, code: string, documentId: string, file: string): Attachment {
  const checked = rust({ kind: 'attach', code, document: documentId, file });
  if ('error' in checked) throw checked.error;
  for (const [id, a] of store.attachments) if (a.draftId === draftId && a.document_id === documentId) store.attachments.delete(id);
  const { preview, ...rest } = checked.ok;
  const attachment: Attachment = { id: store.nextId++, document_id: documentId, ...rest };
  store.attachments.set(attachment.id, { ...attachment, draftId, preview });
  return attachment;
}

/**
 * Saves a draft as the store would (its answers cleaned by Rust); `files`
 * names the documents that already have a file attached (a PDF scan).
 */
export function seedDraft(
  options: Partial<Omit<FakeDraft, 'id' | 'prefilled'>> & { prefilled?: string[]; files?: string[] } = {},
): number {
  const { files = [], ...draft } = options;
  const id = store.nextId++;
  const at = stamp();
  const seeded: FakeDraft = {
    code: BIRTH,
    version: 1,
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
    supplement: null,
    ...draft,
    id,
    prefilled: new Set(draft.prefilled ?? []),
  };
  store.drafts.set(id, seeded);
  for (const documentId of files) addFile(id, seeded.code, documentId, `${documentId}.pdf`);
  seeded.answers = evaluated(seeded).answers;
  return id;
}

/** Saves a profile as save_profile would (checked and cleaned by Rust); returns it. */
export function seedProfile(label: string, data: Profile['data']): Profile {
  const checked = rust({ kind: 'save_profile', label, data });
  if ('error' in checked) throw checked.error;
  const id = store.nextId++;
  const profile: Profile = { id, label: checked.ok.label, data: checked.ok.data, updated_at: stamp() };
  store.profiles.set(id, profile);
  return profile;
}

/** A start-up notice, as when a damaged database was set aside. */
export function seedStartupNotice(notice: AppError): void {
  store.notices.push(notice);
}

/** Answers that complete a birth registration; a ready draft also needs [`readyFiles`]. */
export const readyAnswers: Answers = {
  requester_name: 'Nguyễn Văn An',
  requester_id: '001090012345',
  requester_relation: 'father',
  requester_phone: '0912345678',
  child_name: 'Nguyễn Minh Khang',
  child_sex: 'male',
  child_birth_date: '05/09/2025',
  child_birth_place: 'Bệnh viện Phụ sản Hà Nội',
  child_ethnicity: 'Kinh',
  mother_name: 'Trần Thị Bình',
  mother_birth_date: '12/03/1992',
  mother_id: '001192054321',
  mother_address: { province: '01', commune: '00004', street: 'Số 5 phố Đội Cấn' },
  has_father: false,
  has_birth_certificate: true,
  surrogacy: false,
};

/** The documents that need a file for [`readyAnswers`]. */
export const readyFiles = ['giay_chung_sinh'];

/** The procedure of a certified copy: its original is shown at the office, never uploaded. */
export const CERTIFIED_COPY = '2.000815';

/** Answers that complete a certified copy, ready to submit with no file. */
export const certifiedCopyAnswers: Answers = {
  requester_name: 'Nguyễn Văn An',
  requester_id: '001090012345',
  requester_phone: '0912345678',
  issued_in_vietnam: true,
  paper_name: 'Bằng tốt nghiệp trung học phổ thông',
  page_count: '1',
  copy_count: '2',
  copy_format: 'electronic',
};

// The portal: the connection, the outbox and the dossiers it confirmed.

/** Changes what portal_status reports (training, account, connection). */
export function setFakePortal(change: Partial<PortalStatus>): void {
  store.portal = { ...store.portal, ...change };
}

export function fakePortal(): PortalStatus {
  return { ...store.portal };
}

function personOf(draft: FakeDraft): string | null {
  return evaluated(draft).person;
}

function queuedView(item: FakeQueued): QueuedSubmission {
  const draft = store.drafts.get(item.draftId);
  return {
    id: item.id,
    draft_id: item.draftId,
    procedure_code: draft?.code ?? BIRTH,
    person: draft ? personOf(draft) : null,
    attempts: item.attempts,
    queued_at: item.queuedAt,
    next_attempt_at: item.nextAttemptAt,
  };
}

/** What list_submissions answers: what the person may still do with each dossier is Rust's answer. */
export function fakeSubmissions(): Submissions {
  const dossiers = (JSON.parse(JSON.stringify(store.dossiers)) as DossierView[]).map((view) => ({
    ...view,
    ...rust({ kind: 'dossier_actions', status: view.dossier.status, rated: view.dossier.rating !== null }),
  }));
  return {
    queued: store.outbox.map(queuedView),
    dossiers,
    actions: structuredClone(store.actions),
    results: structuredClone(store.results),
  };
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
  const address = Object.values(draft?.answers ?? {}).find((a) => typeof a === 'object');
  const province = typeof address === 'object' && address.province ? address.province : '00';
  return `X${province}-${at.slice(0, 10).replace(/-/g, '')}-${String(store.dossierSequence).padStart(4, '0')}`;
}

/** A dossier the portal confirmed, with its history (oldest first); returns it. */
export function seedDossier(
  options: {
    draftId?: number | null;
    person?: string | null;
    code?: string;
    /** Its steps, oldest first; who handled each is optional. */
    history?: (Omit<StatusChange, 'handler'> & { handler?: string | null })[];
    fee?: number | null;
    /** The day the result is due and how it came to be it, as the portal sends them. */
    due?: { date: string; changes: DueChange[] };
    /** The portal's request for payment. */
    payment?: PaymentRequest | null;
    /** The result, once issued. */
    result?: DossierResult | null;
  } = {},
): Dossier {
  const draft = options.draftId == null ? undefined : store.drafts.get(options.draftId);
  const history = (options.history ?? [{ status: 'submitted' as Status, at: stamp(), note: null }]).map((change) => ({
    ...change,
    handler: change.handler ?? null,
  }));
  const dossier: Dossier = {
    id: `d-${store.nextId++}`,
    code: options.code ?? nextCode(draft, history[0]?.at ?? stamp()),
    procedure_code: draft?.code ?? BIRTH,
    status: history.at(-1)?.status ?? 'submitted',
    history,
    attachments: [],
    fee: options.fee ?? null,
    due_date: options.due?.date ?? null,
    due_changes: options.due?.changes ?? [],
    payment: options.payment ?? null,
    supplement: null,
    result: options.result ?? null,
    stop_notice: null,
    rating: null,
    revision: history.length,
  };
  store.dossiers.unshift({
    dossier,
    person: options.person ?? (draft ? personOf(draft) : null),
    draft_id: options.draftId ?? null,
    can_withdraw: false,
    can_rate: false,
  });
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
  view.dossier.history.push({ status, at: stamp(), note, handler: null });
  view.dossier.status = status;
  view.dossier.revision += 1;
  return { kind: 'status_changed', code, status, note };
}

/**
 * The agency asks for what a dossier owes: it waits in payment_required
 * with a VietQR code Rust wrote (`tamper`: one digit of its amount changed
 * afterwards, as a forged code would be).
 */
export function requestPayment(code: string, lines: PaymentLine[], options: { tamper?: boolean } = {}): Extract<SyncNotice, { kind: 'status_changed' }> {
  const view = store.dossiers.find((d) => d.dossier.code === code);
  if (!view) throw new Error(`no dossier ${code}`);
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  view.dossier.payment = {
    id: `p-${store.nextId++}`,
    lines,
    total,
    payload: rust({ kind: 'vietqr', code, total, tamper: options.tamper ?? false }),
    bank_name: 'Ngân hàng tập huấn (không có thật)',
    account_name: 'TAP HUAN KHONG CHUYEN TIEN',
    expires_at: '2025-09-06T07:00:00Z',
    state: 'pending',
    paid_at: null,
    receipt: null,
  };
  return changeDossierStatus(code, 'payment_required', 'Đề nghị nộp phí, lệ phí.');
}

/** The bank confirms a dossier's payment; the dossier goes back to in_review. */
export function confirmPayment(code: string, receipt?: EReceipt): Extract<SyncNotice, { kind: 'status_changed' }> {
  const view = store.dossiers.find((d) => d.dossier.code === code);
  if (!view?.dossier.payment) throw new Error(`no payment for ${code}`);
  view.dossier.payment = { ...view.dossier.payment, state: 'paid', paid_at: stamp(), receipt: receipt ?? null };
  return changeDossierStatus(code, 'in_review', 'Đã nhận đủ phí, lệ phí.');
}

function viewOf(code: string): DossierView {
  const view = store.dossiers.find((d) => d.dossier.code === code);
  if (!view) throw new Error(`no dossier ${code}`);
  return view;
}

/** The agency asks once for a supplement; the dossier's draft opens to what it asks for. */
export function askSupplement(
  code: string,
  items: SupplementItem[],
  extra: { reason?: string; contact?: string | null; deadline?: string | null } = {},
): Extract<SyncNotice, { kind: 'status_changed' }> {
  const view = viewOf(code);
  const reason = extra.reason ?? 'Bản chụp giấy chứng sinh bị mờ.';
  view.dossier.supplement = {
    id: `s-${store.nextId++}`,
    asked_at: stamp(),
    reason,
    items,
    contact: extra.contact ?? null,
    deadline: extra.deadline ?? null,
    answered_at: null,
  };
  const draft = view.draft_id === null ? undefined : store.drafts.get(view.draft_id);
  if (draft) {
    draft.supplement = {
      dossier_id: view.dossier.id,
      request_id: view.dossier.supplement.id,
      fields: items.filter((i) => i.kind === 'answer').map((i) => i.id),
      documents: items.filter((i) => i.kind === 'document').map((i) => i.id),
      sent: false,
    };
  }
  return changeDossierStatus(code, 'supplement_required', reason);
}

/** The portal confirms the app's queued write `id` (or the oldest queued one), with its effect on the dossier. */
export function deliverAction(id?: number): Extract<SyncNotice, { kind: 'action_done' }> {
  const action = store.actions.find((a) => a.state === 'queued' && (id === undefined || a.id === id));
  if (!action) throw new Error('no follow-up queued');
  action.state = 'delivered';
  const view = store.dossiers.find((d) => d.dossier.id === action.dossier_id);
  const pending = pendingBodies.get(action.id);
  if (view && action.kind === 'supplement' && view.dossier.supplement) {
    view.dossier.supplement.answered_at = stamp();
    changeDossierStatus(view.dossier.code, 'in_review', 'Đã nhận đủ hồ sơ bổ sung; tiếp tục giải quyết.');
  }
  if (view && action.kind === 'withdrawal') {
    changeDossierStatus(view.dossier.code, 'withdrawn', `Công dân yêu cầu rút hồ sơ. Lý do: ${String(pending)}`);
    changeDossierStatus(view.dossier.code, 'stopped', 'Đã ban hành Thông báo dừng giải quyết hồ sơ.');
    view.dossier.stop_notice = {
      number: '1/TB-DXL',
      at: stamp(),
      reason: `Dừng giải quyết hồ sơ theo yêu cầu rút hồ sơ của công dân. Lý do: ${String(pending)}`,
      issued_by: 'UBND xã (tập huấn)',
    };
  }
  if (view && action.kind === 'rating') {
    view.dossier.rating = { rating: pending as Rating, at: stamp() };
  }
  if (action.kind === 'feedback') {
    const sent = pending as { dossier_code: string | null; subject: string; content: string; files: number };
    store.feedback.unshift({
      id: `f-${action.id}`,
      code: `PAKN-20250915-${String(action.id).padStart(4, '0')}`,
      dossier_code: sent.dossier_code,
      subject: sent.subject,
      content: sent.content,
      sent_at: stamp(),
      attachments: [],
      answer: null,
    });
  }
  return { kind: 'action_done', action: action.kind, code: view?.dossier.code ?? null, refusal: null };
}

/** The portal refuses the app's queued write `id` (or the oldest queued one). */
export function refuseAction(refusal: string, id?: number): Extract<SyncNotice, { kind: 'action_done' }> {
  const action = store.actions.find((a) => a.state === 'queued' && (id === undefined || a.id === id));
  if (!action) throw new Error('no follow-up queued');
  action.state = 'refused';
  action.refusal = refusal;
  const view = store.dossiers.find((d) => d.dossier.id === action.dossier_id);
  return { kind: 'action_done', action: action.kind, code: view?.dossier.code ?? null, refusal };
}

/** The agency issues the result; its files are then downloaded and kept (`kept`). */
export function issueResult(code: string, result: DossierResult, kept = true): Extract<SyncNotice, { kind: 'status_changed' }> {
  const view = viewOf(code);
  view.dossier.result = result;
  if (kept) {
    for (const document of result.documents) {
      store.results.push({
        dossier_id: view.dossier.id,
        document_id: document.id,
        file_name: document.file_name,
        size: document.size,
        sha256: document.sha256,
        saved_at: stamp(),
      });
    }
  }
  return changeDossierStatus(code, 'result_ready', 'Đã có kết quả giải quyết.');
}

/** The agency answers a feedback. */
export function answerFeedback(code: string, text: string): Extract<SyncNotice, { kind: 'feedback_answered' }> {
  const feedback = store.feedback.find((f) => f.code === code);
  if (!feedback) throw new Error(`no feedback ${code}`);
  feedback.answer = { at: stamp(), by: 'UBND xã (tập huấn)', text };
  return { kind: 'feedback_answered', code };
}

/** Result files the shell handed to the system viewer, in order. */
export const openedResults: string[] = [];

/** What each queued write carried, by its id (the shell keeps it in the store). */
const pendingBodies = new Map<number, unknown>();

function queueAction(kind: ActionSummary['kind'], dossierId: string | null, body: unknown): number {
  const id = store.nextId++;
  store.actions.push({ id, kind, dossier_id: dossierId, state: 'queued', attempts: 0, refusal: null, queued_at: stamp() });
  pendingBodies.set(id, body);
  return id;
}

/** The agency sets or moves the day a dossier's result is due. */
export function changeDueDate(
  code: string,
  to: string,
  reason: string | null = null,
  apology = false,
): Extract<SyncNotice, { kind: 'due_changed' }> {
  const view = store.dossiers.find((d) => d.dossier.code === code);
  if (!view) throw new Error(`no dossier ${code}`);
  view.dossier.due_changes.push({ at: stamp(), from: view.dossier.due_date, to, reason, apology });
  view.dossier.due_date = to;
  view.dossier.revision += 1;
  return { kind: 'due_changed', code, due_date: to, apology };
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

/** Answers every command the UI sends, like the Rust shell would. */
export async function fakeInvoke(command: string, args: Record<string, unknown> = {}): Promise<unknown> {
  if (store.lock.locked && !['lock_state', 'unlock', 'window_ready', 'current_locale', 'set_locale', 'text_size', 'set_text_size'].includes(command)) {
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

    case 'search_procedures':
      return rust({ kind: 'search', query: String(args['query'] ?? '') });
    case 'search_elsewhere':
      return rust({ kind: 'elsewhere', query: String(args['query'] ?? '') });
    case 'place_in_query':
      return rust({ kind: 'place', query: String(args['query'] ?? '') });
    case 'save_checklist':
      // The native save dialog answered: saved (a test can answer otherwise).
      return store.saves;
    case 'save_receipt_slip':
      if (!store.portal.officer) throw { code: 'not-officer', args: {} };
      if (!store.desk) throw { code: 'desk-not-set', args: {} };
      if (!store.dossiers.some((v) => v.dossier.id === String(args['dossierId']))) throw { code: 'dossier-not-found', args: {} };
      return store.saves;
    case 'desk':
      return store.desk;
    case 'set_desk': {
      if (!store.portal.officer) throw { code: 'not-officer', args: {} };
      const commune = args['commune'] == null ? null : String(args['commune']);
      const checked = rust({ kind: 'desk', name: String(args['name']), province: String(args['province']), commune });
      if ('error' in checked) throw checked.error;
      store.desk = checked.ok;
      return checked.ok;
    }
    case 'sessions':
      if (!store.portal.officer) throw { code: 'not-officer', args: {} };
      return structuredClone(store.sessions);
    case 'start_session': {
      if (!store.portal.officer) throw { code: 'not-officer', args: {} };
      const checked = rust({
        kind: 'session',
        name: String(args['name']),
        citizen_id: String(args['citizenId']),
        birth_date: String(args['birthDate']),
        consented: Boolean(args['consented']),
      });
      if ('error' in checked) throw checked.error;
      const [name, citizenId] = checked.ok;
      const id = store.nextId++;
      store.sessions.sessions.unshift({
        id,
        name,
        id_tail: citizenId.slice(-4),
        started_at: stamp(),
        ended_at: null,
        wiped: false,
        drafts: 0,
        waiting: 0,
      });
      store.sessions.current = id;
      return structuredClone(store.sessions);
    }
    case 'resume_session': {
      if (!store.portal.officer) throw { code: 'not-officer', args: {} };
      const id = args['id'] == null ? null : Number(args['id']);
      if (id !== null && !store.sessions.sessions.some((s) => s.id === id && !s.ended_at)) throw { code: 'not-found', args: { what: 'session' } };
      store.sessions.current = id;
      return structuredClone(store.sessions);
    }
    case 'end_session': {
      if (!store.portal.officer) throw { code: 'not-officer', args: {} };
      const session = store.sessions.sessions.find((s) => s.id === Number(args['id']) && !s.ended_at);
      if (!session) throw { code: 'not-found', args: { what: 'session' } };
      Object.assign(session, { ended_at: stamp(), wiped: true, name: null, id_tail: null, drafts: 0 });
      if (store.sessions.current === session.id) store.sessions.current = null;
      return structuredClone(store.sessions);
    }
    case 'check_audit_log':
      return store.auditCheck;
    case 'export_audit_log':
      if (!store.portal.officer) throw { code: 'not-officer', args: {} };
      return store.saves;
    case 'fee_quote': {
      const province = args['province'] == null ? null : String(args['province']);
      const quoted = rust({ kind: 'fee_quote', code: String(args['code']), province });
      if ('error' in quoted) throw quoted.error;
      return quoted.ok;
    }
    case 'procedure_detail':
      return definitionOf(String(args['code']));
    case 'unverified_facts': {
      const found = rust({ kind: 'unverified', code: String(args['code']) });
      if ('error' in found) throw found.error;
      return found.ok;
    }
    case 'list_provinces':
      return rust({ kind: 'provinces' });
    case 'search_communes':
      return rust({ kind: 'communes', province: String(args['province']), query: String(args['query'] ?? '') });
    case 'current_locale':
      return store.locale;
    case 'set_locale':
      store.locale = String(args['locale']);
      return null;
    case 'text_size':
      return store.textSize;
    case 'set_text_size': {
      // The shell keeps to the sizes it offers: the nearest one.
      const wanted = Number(args['percent']);
      store.textSize = [100, 125, 150, 175, 200].reduce((best, size) => (Math.abs(size - wanted) < Math.abs(best - wanted) ? size : best));
      return store.textSize;
    }
    case 'home_shown':
    case 'window_ready':
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
      const version = definitionOf(code).version;
      const profileId = (args['profileId'] as number | null | undefined) ?? null;
      if (profileId === null) return draftView(seedDraft({ code, version }));
      const profile = store.profiles.get(profileId);
      if (!profile) throw { code: 'not-found', args: { what: 'profile' } };
      const { answers, prefilled } = rust({ kind: 'prefill', code, data: profile.data });
      return draftView(seedDraft({ code, version, profileId, answers, prefilled }));
    }
    case 'open_draft':
      return draftView(Number(args['id']));
    case 'save_answer': {
      const draft = live(args['draftId']);
      if (String(args['code']) !== draft.code) throw { code: 'procedure-mismatch', args: {} };
      const fieldId = String(args['fieldId']);
      if (draft.submittedAt !== null && !(draft.supplement && !draft.supplement.sent && draft.supplement.fields.includes(fieldId))) {
        throw { code: 'draft-submitted', args: {} };
      }
      const answer = args['answer'] as Answer | null | undefined;
      const cleaned = answer == null ? null : rust({ kind: 'clean', code: draft.code, field: fieldId, answer });
      if (cleaned === null) delete draft.answers[fieldId];
      else draft.answers[fieldId] = cleaned;
      draft.prefilled.delete(fieldId);
      // The store's bookkeeping of a refusal (Refusal::after_change): the
      // changed answer's problems go, and the refusal ends once none is left
      // or it named none.
      if (draft.rejection) {
        const fields = draft.rejection.fields.filter((p) => p.field !== fieldId);
        draft.rejection = draft.rejection.fields.length === 0 || fields.length === 0 ? null : { ...draft.rejection, fields };
      }
      draft.updatedAt = stamp();
      return evaluated(draft).state;
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
      for (const attachment of attachedTo(draft.id)) {
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

    case 'list_profiles': {
      const profiles = [...store.profiles.values()];
      return rust({ kind: 'profile_order', labels: profiles.map((p) => p.label) }).map((i) => profiles[i]);
    }
    case 'save_profile': {
      const given = args['profile'] as Profile;
      if (given.id !== null && !store.profiles.has(given.id)) throw { code: 'not-found', args: { what: 'profile' } };
      const checked = rust({ kind: 'save_profile', label: given.label, data: given.data });
      if ('error' in checked) throw checked.error;
      const saved: Profile = { id: given.id ?? store.nextId++, label: checked.ok.label, data: checked.ok.data, updated_at: stamp() };
      store.profiles.set(saved.id ?? 0, saved);
      return saved;
    }
    case 'delete_profile':
      if (!store.profiles.delete(Number(args['id']))) throw { code: 'not-found', args: { what: 'profile' } };
      return null;
    case 'update_profile_from_draft': {
      const draft = live(args['draftId']);
      const fieldId = String(args['fieldId']);
      const field = definitionOf(draft.code).steps.flatMap((s) => s.fields).find((f) => f.id === fieldId);
      const profile = draft.profileId === null ? undefined : store.profiles.get(draft.profileId);
      if (!field?.meaning) throw { code: 'unexpected', args: {} };
      if (!profile) throw { code: 'not-found', args: { what: 'profile' } };
      const value = draft.answers[fieldId];
      if (value === undefined) delete profile.data[field.meaning];
      else profile.data[field.meaning] = value;
      profile.updated_at = stamp();
      draft.prefilled.add(fieldId);
      return { ...profile, data: { ...profile.data } };
    }

    case 'attach_file': {
      const draft = live(args['draftId']);
      if (String(args['code']) !== draft.code) throw { code: 'procedure-mismatch', args: {} };
      const documentId = String(args['documentId']);
      if (draft.submittedAt !== null && !(draft.supplement && !draft.supplement.sent && draft.supplement.documents.includes(documentId))) {
        throw { code: 'draft-submitted', args: {} };
      }
      // The shell opens the picker itself; the web view never sends a path.
      const name = store.picks.length > 0 ? store.picks.shift() : 'giay-chung-sinh.jpg';
      if (name === null || name === undefined) return null;
      const attachment = addFile(draft.id, draft.code, String(args['documentId']), name);
      draft.updatedAt = stamp();
      // Photo checks read the picture, and the fake keeps names, not pictures.
      return { attachment, state: evaluated(draft).state, photo: null };
    }
    case 'fix_photo':
      // Cropping needs the picture, which the fake does not keep
      // (crates/assistant/tests/photos.rs covers the real one).
      throw { code: 'photo-cannot-fix', args: {} };
    case 'remove_attachment': {
      const removed = store.attachments.get(Number(args['id']));
      if (!removed) throw { code: 'not-found', args: { what: 'attachment' } };
      store.attachments.delete(removed.id);
      return evaluated(live(removed.draftId)).state;
    }
    case 'attachment_preview': {
      const attachment = store.attachments.get(Number(args['id']));
      if (!attachment) throw { code: 'not-found', args: { what: 'attachment' } };
      return attachment.preview;
    }

    case 'portal_status':
      return fakePortal();
    case 'sign_in': {
      const account = String(args['account']);
      if (!store.portal.training) throw { code: 'not-training', args: {} };
      if (!store.portal.online) throw { code: 'portal-offline', args: {} };
      if (!store.portal.test_accounts.some((a) => a.id === account)) throw { code: 'portal-sign-in', args: {} };
      signedIn(account);
      return fakePortal();
    }
    case 'sign_in_with_browser': {
      // The browser signs in the first test account, as the sandbox's page would.
      if (!store.portal.online) throw { code: 'portal-offline', args: {} };
      signedIn(store.portal.test_accounts[0]?.id ?? 'browser');
      return fakePortal();
    }
    case 'sign_out':
      signedIn(null);
      return fakePortal();
    case 'submit_draft': {
      const draft = live(args['draftId']);
      if (store.portal.officer && !store.desk) throw { code: 'desk-not-set', args: {} };
      if (store.portal.officer && store.sessions.current === null) throw { code: 'no-citizen-served', args: {} };
      store.lastChannel = String(args['channel']);
      if (draft.submittedAt !== null) throw { code: 'draft-submitted', args: {} };
      if (!evaluated(draft).state.ready) throw { code: 'draft-not-ready', args: {} };
      draft.rejection = null;
      const outboxId = seedQueued(draft.id);
      const result: SubmitResult = { outbox_id: outboxId, online: store.portal.online };
      return result;
    }
    case 'list_submissions':
      return fakeSubmissions();
    case 'payment_code': {
      const view = store.dossiers.find((d) => d.dossier.id === String(args['dossierId']));
      if (!view) throw { code: 'payment-not-waiting', args: {} };
      const answer = rust({ kind: 'payment_code', dossier: view.dossier });
      if ('error' in answer) throw answer.error;
      return answer.ok;
    }

    case 'submit_supplement': {
      const draft = live(args['draftId']);
      const scope = draft.supplement;
      if (!scope || scope.sent) throw { code: 'supplement-not-open', args: {} };
      const files = [...store.attachments.values()].filter((a) => a.draftId === draft.id);
      if (scope.documents.some((doc) => !files.some((f) => f.document_id === doc))) throw { code: 'draft-not-ready', args: {} };
      draft.supplement = { ...scope, sent: true };
      return queueAction('supplement', scope.dossier_id, null);
    }
    case 'withdraw_dossier': {
      const reason = String(args['reason']).trim();
      if (reason === '') throw { code: 'withdraw-reason', args: {} };
      return queueAction('withdrawal', String(args['dossierId']), reason);
    }
    case 'rate_dossier':
      return queueAction('rating', String(args['dossierId']), args['rating']);
    case 'send_feedback': {
      const form = args['form'] as { dossier_code: string | null; subject: string; content: string; with_files: boolean };
      const subject = form.subject.trim();
      const content = form.content.trim();
      if (subject === '' || content === '') throw { code: 'feedback-text', args: {} };
      if (form.with_files && store.picks.length > 0 && store.picks[0] === null) {
        store.picks.shift();
        return null;
      }
      const code = form.dossier_code;
      const dossierId = store.dossiers.find((d) => d.dossier.code === code)?.dossier.id ?? null;
      return queueAction('feedback', dossierId, { dossier_code: code, subject, content });
    }
    case 'list_feedback':
      return structuredClone(store.feedback);
    case 'receipt': {
      const view = store.dossiers.find((d) => d.dossier.id === String(args['dossierId']));
      const receipt = view?.dossier.payment?.receipt;
      if (!view || !receipt) throw { code: 'receipt-not-found', args: {} };
      return { receipt, dossier_code: view.dossier.code, signed: true, amounts_agree: true };
    }
    case 'check_for_update': {
      const failed = store.update.checkError;
      store.update.checkError = null;
      if (failed) throw failed;
      return store.update.offer ? { ...store.update.offer } : null;
    }
    case 'install_update': {
      const offer = store.update.offer;
      if (!offer) throw { code: 'update-nothing-offered', args: {} };
      for (const [received, total] of store.update.progress) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        updateProgressListener?.({ received, total });
      }
      const failed = store.update.installError;
      store.update.installError = null;
      if (failed) throw failed;
      store.update.installed.push(offer.version);
      store.update.offer = null;
      return offer.version;
    }
    case 'restart_app':
      store.update.restarts += 1;
      return null;
    case 'support_info':
      return `Trợ lý Dịch vụ công 0.1.0\nlanguage: ${store.locale}; text size: ${store.textSize}%\n`;
    case 'open_result': {
      const kept = store.results.find((r) => r.dossier_id === String(args['dossierId']) && r.document_id === String(args['documentId']));
      if (!kept) throw { code: 'result-not-found', args: {} };
      openedResults.push(kept.file_name);
      return null;
    }

    default:
      throw { code: 'unknown-command', args: { command } };
  }
}
