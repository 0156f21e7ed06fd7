// `npm run dev`, then open /dev/preview.html: the UI in a plain browser,
// answered by the made-up back end the tests use (not the Rust engine).
// Never part of the build. A profile and two drafts are made up front so
// every screen has something to show.
import { mockIPC } from '@tauri-apps/api/mocks';
import { fakeInvoke, seedDraft, seedProfile } from '../src/test/fake-backend';

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

mockIPC((command, args) => fakeInvoke(command, (args ?? {}) as Record<string, unknown>));

await import('../src/main');
