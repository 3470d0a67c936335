// The recording commands against cases an independent tester wrote by hand from the README alone,
// without reading folio's code (test/held-back/record-blind: each case's why.md says which
// promise it rests on). The tester's own runner compares every file byte for byte.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from './helpers.js';

it('every blind recording case: the files written, or the refusal and an untouched centre', () => {
  const dir = join(REPO, 'test/held-back/record-blind');
  const out = execFileSync('node', [join(dir, 'run.mjs')], { encoding: 'utf8', env: { ...process.env, FOLIO_BIN: join(REPO, 'bin/folio.js') } });
  const failed = out.split('\n').filter((l) => l.startsWith('FAIL'));
  expect(failed).toEqual([]);
  expect(out.trim().split('\n').at(-1)).toBe('24 passed, 0 failed');
}, 240_000);
