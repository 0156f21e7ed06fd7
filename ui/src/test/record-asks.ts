// Vitest's global set-up for RECORD_FIXTURES: each test file writes the
// asks it made to a folder (see test-setup.ts), and at the end of the run
// they become fixtures/asks.json, sorted, for Rust to answer: exactly the
// asks of this run, or (RECORD_FIXTURES=merge) those added to the listed ones.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonical } from './canonical';

export default function setup(): (() => void) | undefined {
  if (!process.env['RECORD_FIXTURES']) return undefined;
  const folder = mkdtempSync(join(tmpdir(), 'ui-asks-'));
  process.env['ASKS_FOLDER'] = folder;
  const listed = new URL('./fixtures/asks.json', import.meta.url);
  const merge = process.env['RECORD_FIXTURES'] === 'merge';
  return () => {
    const asks = new Set<string>(merge ? (JSON.parse(readFileSync(listed, 'utf8')) as unknown[]).map(canonical) : []);
    for (const file of readdirSync(folder)) {
      for (const ask of JSON.parse(readFileSync(join(folder, file), 'utf8')) as string[]) asks.add(ask);
    }
    rmSync(folder, { recursive: true, force: true });
    const lines = [...asks].sort();
    writeFileSync(listed, `[\n${lines.join(',\n')}\n]\n`);
  };
}
