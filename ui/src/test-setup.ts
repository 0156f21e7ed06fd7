import '@testing-library/jest-dom/vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { asked } from './test/rust';

// RECORD_FIXTURES=1: hands the asks this file made to the run's set-up (src/test/record-asks.ts).
afterAll(() => {
  const folder = process.env['ASKS_FOLDER'];
  if (!folder) return;
  const file = (expect.getState().testPath ?? 'tests').replace(/[^a-z0-9]+/gi, '-');
  writeFileSync(join(folder, `${file}-${process.pid}-${Math.random().toString(36).slice(2)}.json`), JSON.stringify([...asked]));
});
