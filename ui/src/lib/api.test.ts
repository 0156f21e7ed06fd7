import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import {
  attachFile,
  listenForSync,
  searchProcedures,
  toAppError,
  unlock,
} from './api';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

beforeEach(() => {
  invokeMock.mockReset();
  listenMock.mockReset();
});

describe('api', () => {
  it('passes the sync notices on, and listens to nothing outside the shell', async () => {
    const unlisten = vi.fn();
    let deliver: ((event: { payload: unknown }) => void) | undefined;
    listenMock.mockImplementationOnce(async (_name, handler) => {
      deliver = handler as typeof deliver;
      return unlisten;
    });
    const seen: unknown[] = [];
    const stop = await listenForSync((notice) => seen.push(notice));
    expect(listenMock).toHaveBeenCalledWith('sync-notice', expect.any(Function));
    deliver?.({ payload: { kind: 'online', online: false } });
    expect(seen).toEqual([{ kind: 'online', online: false }]);
    stop();
    expect(unlisten).toHaveBeenCalled();

    listenMock.mockRejectedValueOnce(new TypeError('window.__TAURI_INTERNALS__ is undefined'));
    const none = await listenForSync(() => {});
    expect(() => none()).not.toThrow();
  });

  it('never sends a file path: the shell opens the picker itself', async () => {
    invokeMock.mockResolvedValueOnce(null);
    expect(await attachFile(7, '1.001193', 'to_khai', 'Bản chụp'), 'a closed picker resolves to null').toBeNull();
    const [, args] = invokeMock.mock.calls[0] ?? [];
    expect(Object.keys(args ?? {}).sort(), 'the web view names the draft, document and label, never a path').toEqual([
      'code',
      'documentId',
      'draftId',
      'filterName',
    ]);
  });

  it('passes the AppError of a command through unchanged', async () => {
    invokeMock.mockRejectedValueOnce({ code: 'vault-wrong-key', args: {} });
    await expect(unlock('sai'), 'a wrong passphrase reaches the UI as its AppError').rejects.toEqual({ code: 'vault-wrong-key', args: {} });
  });

  it('passes an AppError through and wraps anything else', async () => {
    invokeMock.mockRejectedValueOnce({ code: 'catalog', args: { file: 'x.toml' } });
    await expect(searchProcedures('')).rejects.toEqual({ code: 'catalog', args: { file: 'x.toml' } });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    invokeMock.mockRejectedValueOnce('window has no IPC');
    await expect(searchProcedures('')).rejects.toEqual({ code: 'unexpected', args: {} });
    expect(toAppError({ code: 'x' })).toEqual({ code: 'x', args: {} });
  });
});
