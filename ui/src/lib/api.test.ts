import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import {
  attachFile,
  attachmentPreview,
  createDraft,
  deleteDraft,
  deleteProfile,
  dismissNotice,
  duplicateDraft,
  listDrafts,
  listenForSync,
  listProfiles,
  listProvinces,
  listSubmissions,
  lockState,
  openDraft,
  portalStatus,
  removeAttachment,
  renameDraft,
  resetCache,
  restoreDraft,
  saveAnswer,
  savePosition,
  saveProfile,
  searchCommunes,
  searchProcedures,
  setLocale,
  signIn,
  signOut,
  startupNotices,
  submitDraft,
  toAppError,
  unlock,
  updateProfileFromDraft,
} from './api';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

beforeEach(() => {
  invokeMock.mockReset();
  listenMock.mockReset();
  resetCache();
});

describe('api', () => {
  it('sends each command with its arguments', async () => {
    invokeMock.mockResolvedValue([]);
    await searchProcedures('khai sinh');
    await searchCommunes('01', 'ba');
    await setLocale('en');
    expect(invokeMock.mock.calls).toEqual([
      ['search_procedures', { query: 'khai sinh' }],
      ['search_communes', { province: '01', query: 'ba' }],
      ['set_locale', { locale: 'en' }],
    ]);
  });

  it('sends the draft, profile and attachment commands with camelCase arguments', async () => {
    invokeMock.mockResolvedValue(null);
    const profile = { id: null, label: 'Tôi', data: { full_name: 'Nguyễn Văn An' }, updated_at: '' };
    await listDrafts();
    await createDraft('1.001193', 3);
    await openDraft(7);
    await saveAnswer(7, '1.001193', 'requester_name', 'An');
    await saveAnswer(7, '1.001193', 'requester_email', null);
    await savePosition(7, 'review');
    await renameDraft(7, 'Khai sinh cho bé Na');
    await duplicateDraft(7);
    await deleteDraft(7);
    await restoreDraft(7);
    await dismissNotice(7);
    await listProfiles();
    await saveProfile(profile);
    await deleteProfile(3);
    await updateProfileFromDraft(7, '1.001193', 'requester_phone');
    await attachFile(7, '1.001193', 'to_khai', 'Bản chụp hoặc bản quét');
    await removeAttachment(9);
    await attachmentPreview(9);
    await startupNotices();
    expect(invokeMock.mock.calls).toEqual([
      ['list_drafts', undefined],
      ['create_draft', { code: '1.001193', profileId: 3 }],
      ['open_draft', { id: 7 }],
      ['save_answer', { draftId: 7, code: '1.001193', fieldId: 'requester_name', answer: 'An' }],
      ['save_answer', { draftId: 7, code: '1.001193', fieldId: 'requester_email', answer: null }],
      ['save_position', { draftId: 7, stepId: 'review' }],
      ['rename_draft', { id: 7, title: 'Khai sinh cho bé Na' }],
      ['duplicate_draft', { id: 7 }],
      ['delete_draft', { id: 7 }],
      ['restore_draft', { id: 7 }],
      ['dismiss_notice', { id: 7 }],
      ['list_profiles', undefined],
      ['save_profile', { profile }],
      ['delete_profile', { id: 3 }],
      ['update_profile_from_draft', { draftId: 7, code: '1.001193', fieldId: 'requester_phone' }],
      ['attach_file', { draftId: 7, code: '1.001193', documentId: 'to_khai', filterName: 'Bản chụp hoặc bản quét' }],
      ['remove_attachment', { id: 9 }],
      ['attachment_preview', { id: 9 }],
      ['startup_notices', undefined],
    ]);
  });

  it('sends the portal commands with camelCase arguments', async () => {
    invokeMock.mockResolvedValue(null);
    await portalStatus();
    await signIn('cong-dan');
    await signOut();
    await submitDraft(7);
    await listSubmissions();
    expect(invokeMock.mock.calls).toEqual([
      ['portal_status', undefined],
      ['sign_in', { account: 'cong-dan' }],
      ['sign_out', undefined],
      ['submit_draft', { draftId: 7 }],
      ['list_submissions', undefined],
    ]);
  });

  it('passes the sync notices on, and listens to nothing outside the shell', async () => {
    const unlisten = vi.fn();
    let deliver: ((event: { payload: unknown }) => void) | undefined;
    listenMock.mockImplementationOnce(async (_name, handler) => {
      deliver = handler as typeof deliver;
      return unlisten;
    });
    const seen: unknown[] = [];
    const stop = await listenForSync((notice) => seen.push(notice));
    expect(listenMock).toHaveBeenCalledWith('sync', expect.any(Function));
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

  it('asks for the lock state and sends the passphrase to unlock', async () => {
    invokeMock.mockResolvedValueOnce({ locked: true, new_folder: false }).mockResolvedValueOnce(null);
    expect(await lockState(), 'the lock state comes through as the shell sends it').toEqual({ locked: true, new_folder: false });
    await unlock('mật khẩu dài');
    expect(invokeMock.mock.calls, 'each lock command has its own name and camelCase arguments').toEqual([
      ['lock_state', undefined],
      ['unlock', { passphrase: 'mật khẩu dài' }],
    ]);
    invokeMock.mockRejectedValueOnce({ code: 'vault-wrong-key', args: {} });
    await expect(unlock('sai'), 'a wrong passphrase reaches the UI as its AppError').rejects.toEqual({ code: 'vault-wrong-key', args: {} });
  });

  it('asks for the provinces once', async () => {
    invokeMock.mockResolvedValue([{ code: '01', name: 'Thành phố Hà Nội', kind: 'thanh_pho' }]);
    await listProvinces();
    await listProvinces();
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(invokeMock).toHaveBeenCalledWith('list_provinces', undefined);
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
