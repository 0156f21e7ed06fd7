import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { evaluateInterview, listProvinces, resetCache, searchCommunes, searchProcedures, setLocale, toAppError } from './api';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

beforeEach(() => {
  invokeMock.mockReset();
  resetCache();
});

describe('api', () => {
  it('sends each command with its arguments', async () => {
    invokeMock.mockResolvedValue([]);
    await searchProcedures('khai sinh');
    await evaluateInterview('1.001193', { a: true });
    await searchCommunes('01', 'ba');
    await setLocale('en');
    expect(invokeMock.mock.calls).toEqual([
      ['search_procedures', { query: 'khai sinh' }],
      ['evaluate_interview', { code: '1.001193', answers: { a: true } }],
      ['search_communes', { province: '01', query: 'ba' }],
      ['set_locale', { locale: 'en' }],
    ]);
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
