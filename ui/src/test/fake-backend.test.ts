// The UI tests' backend must answer exactly the commands Rust registers:
// the generated bindings list them, and a command the fake does not know (or
// one Rust no longer has) fails here rather than in a screen test.
import { describe, expect, it } from 'vitest';
import bindings from '../lib/bindings.ts?raw';
import fake from './fake-backend.ts?raw';

function names(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].map((m) => m[1] ?? '').sort();
}

describe('the fake backend', () => {
  it('answers exactly the commands in the generated bindings', () => {
    const generated = names(bindings, /__TAURI_INVOKE<[^>]*>\("([a-z_]+)"/g);
    expect(generated.length, 'the scan found the generated commands').toBeGreaterThan(25);
    const dispatcher = fake.slice(fake.indexOf('export async function fakeInvoke'));
    const answered = names(dispatcher, /^ {4}case '([a-z_]+)':/gm);
    expect(answered).toEqual(generated);
  });
});
