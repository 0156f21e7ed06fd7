// The app's state: one object per app, so a second one starts afresh.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { AppState } from './app-state.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

beforeEach(() => invokeMock.mockReset());

describe('the app state', () => {
  it('asks for the provinces once, and again after a failure', async () => {
    const state = new AppState();
    invokeMock.mockRejectedValueOnce({ code: 'unexpected', args: {} });
    await expect(state.provinces()).rejects.toEqual({ code: 'unexpected', args: {} });
    invokeMock.mockResolvedValue([{ code: '01', name: 'Thành phố Hà Nội', kind: 'thanh_pho' }]);
    await state.provinces();
    await state.provinces();
    expect(invokeMock.mock.calls.filter(([command]) => command === 'list_provinces')).toHaveLength(2);
    await new AppState().provinces();
    expect(invokeMock.mock.calls.filter(([command]) => command === 'list_provinces'), 'another app asks again').toHaveLength(3);
  });

  it('keeps one save queue per draft', () => {
    const state = new AppState();
    expect(state.saveQueues.for(1)).toBe(state.saveQueues.for(1));
    expect(state.saveQueues.for(1)).not.toBe(state.saveQueues.for(2));
    expect(new AppState().saveQueues.for(1), 'another app has its own').not.toBe(state.saveQueues.for(1));
  });
});
