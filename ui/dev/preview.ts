// `npm run dev`, then open /dev/preview.html: the UI in a plain browser,
// answered by the made-up back end the tests use (not the Rust engine).
// Never part of the build. A profile, two drafts and a dossier are made up
// front so every screen has something to show; a pretend sync worker
// delivers what is submitted after a few seconds and moves dossiers on.
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import {
  changeDossierStatus,
  deliverQueued,
  fakeInvoke,
  fakeSubmissions,
  readyAnswers,
  seedDossier,
  seedDraft,
  seedProfile,
} from '../src/test/fake-backend';
import type { Status } from '../src/lib/types';

const me = seedProfile('Tôi', {
  full_name: 'Nguyễn Văn An',
  phone: '0912345678',
  permanent_address: { province: '01', commune: '00004', street: '12 phố Đội Cấn' },
});
seedDraft({
  profileId: me.id,
  currentStep: 'child',
  answers: { requester_name: 'Nguyễn Văn An', requester_phone: '0912345678' },
  prefilled: ['requester_name', 'requester_phone'],
});
seedDraft({
  title: 'Khai sinh cho bé Na',
  notice: {
    from_version: 1,
    to_version: 2,
    removed: [{ vi: 'Số chứng minh nhân dân', en: 'Old ID card number' }],
    added: [{ vi: 'Thư điện tử', en: 'E-mail' }],
  },
});
seedDraft({ title: 'Sẵn sàng để nộp', currentStep: 'review', answers: readyAnswers });
seedDraft({
  title: 'Bị cổng dịch vụ công trả lại',
  currentStep: 'review',
  answers: readyAnswers,
  rejection: {
    reason: null,
    detail: null,
    fields: [
      { field: 'requester_phone', message_id: 'error-portal-rule' },
      { field: 'child_birth_date', message_id: 'error-date-future' },
    ],
  },
});
seedDossier({
  person: 'Nguyễn Văn An',
  history: [
    { status: 'submitted', at: '2025-09-01T02:15:00Z', note: null },
    { status: 'received', at: '2025-09-01T07:40:00Z', note: 'Đã nhận đủ giấy tờ.' },
  ],
});

mockIPC((command, args) => fakeInvoke(command, (args ?? {}) as Record<string, unknown>), { shouldMockEvents: true });

// The pretend sync worker: every few seconds, one thing happens.
const NEXT: { [status in Status]?: Status } = { submitted: 'received', received: 'in_review', in_review: 'result_ready' };
setInterval(() => {
  const { queued, dossiers } = fakeSubmissions();
  if (queued.length > 0) {
    void emit('sync', deliverQueued());
    return;
  }
  const moving = dossiers.find((d) => NEXT[d.dossier.status]);
  const next = moving && NEXT[moving.dossier.status];
  if (moving && next) void emit('sync', changeDossierStatus(moving.dossier.code, next, next === 'result_ready' ? 'Mời ông/bà đến nhận kết quả.' : null));
}, 6_000);

await import('../src/main');
