// The library's entry point (src/index.ts) as a script uses it: the same answers as the
// command line, from the same centre, and a UsageError where the command exits 2.
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, check, format, formatsOf, gaps, isFormat, openCentre, selectLearners, specShow, status, UsageError, verify } from '../src/index.js';
import { makeRepo, tempDir } from './git-repo.js';
import { FIXTURES, folio, REPO } from './helpers.js';

const AS_OF = '2026-06-30';

describe('the library', () => {
  it('gives what folio check, status and gaps give, formatted by the one registry', async () => {
    const centre = await openCentre({ dir: `${REPO}portfolios` });
    expect(centre.root).toBe(REPO.replace(/\/$/, ''));
    const a = await assess(centre, { asOf: AS_OF });
    expect(format('check', 'json', check(a))).toBe((await folio(['check', '-f', 'json', '--as-of', AS_OF])).stdout);
    expect(format('status', 'csv', status(a))).toBe((await folio(['status', '-f', 'csv', '--as-of', AS_OF])).stdout);
    expect(format('gaps', 'markdown', gaps(a, { learners: ['NT-0142'] }))).toBe((await folio(['gaps', 'NT-0142', '-f', 'markdown', '--as-of', AS_OF])).stdout);
    expect(format('spec show', 'json', specShow(a, 'A/506/2130'))).toBe((await folio(['spec', 'show', 'A/506/2130', '-f', 'json'])).stdout);
  });

  it('checks only the files asked for, and names a path that holds none', async () => {
    const a = await assess(await openCentre({ dir: `${FIXTURES}broken` }), { asOf: AS_OF });
    const all = check(a);
    const one = check(a, { paths: ['portfolios'], cwd: `${FIXTURES}broken` });
    expect(one.diagnostics.length).toBeGreaterThan(0);
    expect(one.diagnostics.every((d) => d.file.startsWith('portfolios/'))).toBe(true);
    expect(one.diagnostics.length).toBeLessThan(all.diagnostics.length);
    expect(() => check(a, { paths: ['nowhere'], cwd: `${FIXTURES}broken` })).toThrow(UsageError);
  });

  it('throws UsageError, with what to do, where the command exits 2', async () => {
    await expect(openCentre({ dir: '/' })).rejects.toThrow(/no specs\/ folder at or above \/: run folio inside a centre repository/);
    await expect(openCentre({ dir: REPO, asOf: '30/06/2026' })).rejects.toBeInstanceOf(UsageError);
    const a = await assess(await openCentre({ dir: REPO }), { asOf: AS_OF });
    expect(() => selectLearners(a, { learners: ['NOPE'] })).toThrow(/no learner NOPE in portfolios\//);
    expect(() => status(a, { unit: 'Z/999' })).toThrow(UsageError);
  });

  it('lists and tests the formats of each command', () => {
    expect(formatsOf('status')).toEqual(['table', 'json', 'csv', 'markdown']);
    expect(isFormat('gaps', 'sarif')).toBe(true);
    expect(isFormat('status', 'sarif')).toBe(false);
  });

  it('places a file at the same path in check and verify, even when the centre is reached through a link', async () => {
    const repo = makeRepo();
    for (const d of ['specs', 'portfolios']) cpSync(join(REPO, d), join(repo.dir, 'centre', d), { recursive: true });
    repo.commit('the centre');
    const link = join(tempDir('link'), 'centre');
    symlinkSync(join(repo.dir, 'centre'), link);
    const centre = await openCentre({ dir: link });
    expect(centre.prefix).toBe('centre');
    expect(check(await assess(centre, { asOf: AS_OF })).ci?.prefix).toBe('centre');
    expect((await verify(centre)).report.ci?.prefix).toBe('centre');
  });
});
