// A stand-in for the Rust commands, for tests and the browser preview only.
// It answers at the invoke boundary with hand-made data; it is not the
// engine and checks only what the tests need.
import type {
  AddressAnswer,
  Answer,
  Answers,
  Commune,
  Definition,
  FieldState,
  InterviewState,
  Message,
  ProcedureSummary,
  Province,
  StepState,
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
  },
];

type FakeField = {
  id: string;
  kind: FieldState['kind'];
  label: FieldState['label'];
  help?: FieldState['help'];
  required?: boolean;
  options?: FieldState['options'];
};
type FakeStep = { id: string; title: StepState['title']; intro?: StepState['intro']; showIf?: (a: Answers) => boolean; fields: FakeField[] };

export const steps: FakeStep[] = [
  {
    id: 'requester',
    title: lt('Người đi đăng ký', 'The person filing'),
    intro: lt('Người đi đăng ký là cha, mẹ hoặc người thân của trẻ.', 'The father, the mother or a relative of the child.'),
    fields: [
      { id: 'requester_name', kind: 'person_name', label: lt('Họ, chữ đệm và tên', 'Full name'), help: lt('Viết có dấu.', 'With diacritics.') },
      { id: 'requester_phone', kind: 'phone', label: lt('Số điện thoại di động', 'Mobile number') },
      { id: 'requester_email', kind: 'email', label: lt('Thư điện tử', 'E-mail'), required: false },
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
    note: lt('Miễn lệ phí khi đăng ký đúng hạn.', 'Free when on time.'),
  },
  legal_basis: [{ number: '60/2014/QH13', title: lt('Luật Hộ tịch', 'Law on Civil Status') }],
  notes: [lt('Thời hạn giải quyết chưa được đối chiếu.', 'The processing time has not been checked.')],
  documents: [
    { id: 'to_khai', name: lt('Tờ khai đăng ký khai sinh', 'Birth registration form'), note: null, required_if: null, accepted: ['pdf'], max_size_mb: 10 },
    {
      id: 'giay_chung_sinh',
      name: lt('Giấy chứng sinh (bản chính)', 'Medical birth certificate (original)'),
      note: null,
      required_if: 'has_birth_certificate == true',
      accepted: ['pdf', 'jpeg', 'png'],
      max_size_mb: 10,
    },
  ],
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
    })),
  })),
};

const fluent = (id: string, args: Record<string, string | number> = {}): Message => ({ kind: 'fluent', id, args });

function clean(kind: FieldState['kind'], answer: Answer): Answer {
  if (typeof answer === 'boolean') return answer;
  if (typeof answer === 'object') return { ...answer, street: answer.street.trim().replace(/\s+/g, ' ') };
  const text = answer.trim().replace(/\s+/g, ' ');
  if (kind === 'phone') {
    const digits = text.replace(/[\s.-]/g, '').replace(/^\+84/, '0');
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

export function evaluate(answers: Answers): InterviewState {
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
      };
    });
    return { id: s.id, title: s.title, intro: s.intro ?? null, fields, complete: fields.every((f) => f.errors.length === 0) };
  });
  return {
    code: definition.code,
    version: 1,
    steps: stepStates,
    documents: definition.documents
      .filter((d) => d.id !== 'giay_chung_sinh' || cleaned['has_birth_certificate'] === true)
      .map((d) => ({ id: d.id, name: d.name, note: d.note, accepted: d.accepted, max_size_mb: d.max_size_mb })),
    fee: { amount: 0, reason: null, note: definition.fee.note },
    ready: stepStates.every((s) => s.complete),
    answers: kept,
  };
}

/** Answers every command the UI sends, like the Rust shell would. */
export async function fakeInvoke(command: string, args: Record<string, unknown> = {}): Promise<unknown> {
  switch (command) {
    case 'search_procedures': {
      const query = String(args['query'] ?? '').trim().toLowerCase();
      const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase();
      const all = [...summaries].sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'));
      return query ? all.filter((p) => fold(`${p.name.vi} ${p.name.en}`).includes(fold(query))) : all;
    }
    case 'procedure_detail':
      if (args['code'] !== definition.code) throw { code: 'procedure-not-found', args: { code: String(args['code']) } };
      return definition;
    case 'evaluate_interview':
      return evaluate((args['answers'] ?? {}) as Answers);
    case 'list_provinces':
      return provinces;
    case 'search_communes': {
      const query = String(args['query'] ?? '').toLowerCase();
      return (communes[String(args['province'])] ?? []).filter((c) => c.name.toLowerCase().includes(query));
    }
    case 'set_locale':
      return null;
    default:
      throw { code: 'unknown-command', args: { command } };
  }
}
