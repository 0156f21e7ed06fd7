// The autosave queue on its own: debounce, order, one call at a time, and
// a status that says "saved" only once the back end has answered.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveStatus } from './save-queue';
import type { Answer, InterviewState } from './types';

type Call = { fieldId: string; value: Answer | null; resolve: () => void; reject: (error: unknown) => void };

function stateFor(label: string): InterviewState {
  return { code: label, version: 1, steps: [], documents: [], fee: { amount: 0, reason: null, note: null, items: [], total: 0, channel: 'online', province: null, province_unknown: false, until: null }, answers_complete: false, ready: false, answers: {} };
}

function setup(delay = 400) {
  const calls: Call[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const statuses: SaveStatus[] = [];
  const saved: string[] = [];
  const queue = new SaveQueue({
    delay,
    now: () => new Date(2025, 8, 5, 14, 5),
    send: (fieldId, value) =>
      new Promise<InterviewState>((resolve, reject) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        calls.push({
          fieldId,
          value,
          resolve: () => {
            inFlight--;
            resolve(stateFor(`${fieldId}=${String(value)}`));
          },
          reject: (error) => {
            inFlight--;
            reject(error);
          },
        });
      }),
    onSaved: (fieldId, value, state) => saved.push(`${fieldId}=${String(value)} -> ${state.code}`),
    onStatus: (status) => statuses.push(status),
  });
  return { queue, calls, statuses, saved, mostInFlight: () => mostInFlight };
}

/** Lets promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('SaveQueue', () => {
  it('waits for the typing to pause, then saves the last value once', async () => {
    const { queue, calls } = setup();
    queue.change('name', 'N');
    await vi.advanceTimersByTimeAsync(300);
    queue.change('name', 'Ng');
    await vi.advanceTimersByTimeAsync(300);
    queue.change('name', 'Nguyễn');
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(399);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.value)).toEqual(['Nguyễn']);
  });

  it('says saving while a call is out, and saved only when it resolves', async () => {
    const { queue, calls } = setup();
    expect(queue.status).toEqual({ kind: 'idle' });
    queue.change('name', 'An');
    expect(queue.status.kind).toBe('saving');
    await vi.advanceTimersByTimeAsync(400);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(queue.status.kind).toBe('saving');
    calls[0]!.resolve();
    await settle();
    expect(queue.status).toEqual({ kind: 'saved', at: new Date(2025, 8, 5, 14, 5) });
  });

  it('saves on blur without waiting for the delay', async () => {
    const { queue, calls } = setup();
    queue.change('name', 'An');
    queue.flushField('name');
    expect(calls.map((c) => c.value)).toEqual(['An']);
    queue.flushField('name');
    expect(calls).toHaveLength(1);
  });

  it('saves a choice at once', () => {
    const { queue, calls } = setup();
    queue.change('sex', 'female', true);
    expect(calls.map((c) => [c.fieldId, c.value])).toEqual([['sex', 'female']]);
  });

  it('sends one call at a time, in the order of the changes', async () => {
    const { queue, calls, saved, mostInFlight } = setup();
    queue.change('name', 'An');
    // Changing another field sends the first one's change at once.
    queue.change('phone', '0912345678');
    expect(calls.map((c) => c.fieldId)).toEqual(['name']);
    queue.change('sex', 'male', true);
    await vi.advanceTimersByTimeAsync(1000);
    // phone and sex wait for name.
    expect(calls.map((c) => c.fieldId)).toEqual(['name']);
    calls[0]!.resolve();
    await settle();
    expect(calls.map((c) => c.fieldId)).toEqual(['name', 'phone']);
    calls[1]!.resolve();
    await settle();
    expect(calls.map((c) => c.fieldId)).toEqual(['name', 'phone', 'sex']);
    calls[2]!.resolve();
    await settle();
    expect(mostInFlight()).toBe(1);
    expect(saved).toEqual(['name=An -> name=An', 'phone=0912345678 -> phone=0912345678', 'sex=male -> sex=male']);
    expect(queue.status.kind).toBe('saved');
  });

  it('keeps only the newest waiting value of a field', async () => {
    const { queue, calls } = setup();
    queue.change('name', 'A', true);
    queue.change('name', 'An', true);
    queue.change('name', 'Anh', true);
    expect(calls.map((c) => c.value)).toEqual(['A']);
    calls[0]!.resolve();
    await settle();
    expect(calls.map((c) => c.value)).toEqual(['A', 'Anh']);
    calls[1]!.resolve();
    await settle();
    expect(queue.idle()).toBe(true);
  });

  it('flush sends everything and resolves once all is saved', async () => {
    const { queue, calls } = setup();
    queue.change('name', 'An');
    let done: boolean | undefined;
    void queue.flush().then((ok) => (done = ok));
    expect(calls).toHaveLength(1);
    await settle();
    expect(done).toBeUndefined();
    calls[0]!.resolve();
    await settle();
    expect(done).toBe(true);
    expect(await queue.flush()).toBe(true);
  });

  it('keeps a failed change, reports the error, and retries it', async () => {
    const { queue, calls } = setup();
    queue.change('name', 'An', true);
    const flushed = queue.flush();
    calls[0]!.reject({ code: 'store-disk-full', args: {} });
    expect(await flushed).toBe(false);
    expect(queue.status).toEqual({ kind: 'error', error: { code: 'store-disk-full', args: {} } });
    expect(queue.unsaved('name')).toBe(true);
    const retried = queue.retry();
    expect(calls.map((c) => c.value)).toEqual(['An', 'An']);
    expect(queue.status.kind).toBe('saving');
    calls[1]!.resolve();
    expect(await retried).toBe(true);
    expect(queue.status.kind).toBe('saved');
    expect(queue.unsaved('name')).toBe(false);
  });

  it('tries again with the next change after an error', async () => {
    const { queue, calls } = setup();
    queue.change('name', 'An', true);
    calls[0]!.reject({ code: 'store-locked', args: {} });
    await settle();
    expect(queue.status.kind).toBe('error');
    queue.change('phone', '0912345678');
    await vi.advanceTimersByTimeAsync(400);
    // The failed change goes first.
    expect(calls.map((c) => c.fieldId)).toEqual(['name', 'name']);
    calls[1]!.resolve();
    await settle();
    expect(calls.map((c) => c.fieldId)).toEqual(['name', 'name', 'phone']);
  });

  it('drops a failed value when a newer one of the same field waits', async () => {
    const { queue, calls } = setup();
    queue.change('name', 'A', true);
    queue.change('name', 'An', true);
    calls[0]!.reject({ code: 'store-locked', args: {} });
    await settle();
    void queue.retry();
    expect(calls.map((c) => c.value)).toEqual(['A', 'An']);
  });

  it('tells a new listener the status at once, and only it hears from then on', async () => {
    const { queue, calls, saved } = setup();
    queue.change('name', 'An', true);
    const heard: string[] = [];
    queue.listen({ onStatus: (status) => heard.push(status.kind), onSaved: (fieldId) => heard.push(`saved ${fieldId}`) });
    expect(heard).toEqual(['saving']);
    calls[0]!.resolve();
    await settle();
    expect(heard).toEqual(['saving', 'saved name', 'saved']);
    expect(saved).toEqual([]);
  });
});
