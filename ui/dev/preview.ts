// `npm run dev`, then open /dev/preview.html: the UI in a plain browser,
// answered by the made-up back end the tests use (not the Rust engine).
// Never part of the build.
import { mockIPC } from '@tauri-apps/api/mocks';
import { fakeInvoke } from '../src/test/fake-backend';

mockIPC((command, args) => fakeInvoke(command, (args ?? {}) as Record<string, unknown>));

await import('../src/main');
