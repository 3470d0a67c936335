// The library's entry point (src/index.ts) as a script uses it: the same answers as the
// command line, from the same centre, and a UsageError where the command exits 2.
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, check, format, formatsOf, gaps, history, isFormat, notAchieved, openCentre, selectLearners, specShow, status, statusStream, UsageError, verify } from '../src/index.js';
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

  it('gives results as plain data: arrays, with no functions or getters in them', async () => {
    const a = await assess(await openCentre({ dir: REPO }), { asOf: AS_OF });
    const report = status(a);
    expect(Array.isArray(report.learners)).toBe(true);
    expect(report.learners.map((l) => l.id)).toEqual(a.learners.map((l) => l.id));
    // what JSON.stringify keeps is all there is: no getter, no function, no lazy iterable
    const plain = (v: unknown): boolean =>
      v === null || typeof v !== 'object' ? typeof v !== 'function' : Object.entries(Object.getOwnPropertyDescriptors(v)).every(([, d]) => !d.get && plain(d.value));
    expect(plain(report.learners)).toBe(true);
    expect(plain(a.learners)).toBe(true);
    expect(JSON.parse(JSON.stringify(report.learners))).toEqual(report.learners);
    // the streaming twin formats to the same bytes
    expect(format('status', 'json', statusStream(a))).toBe(format('status', 'json', report));
  });

  it('takes an empty list of learners as none, and refuses a learner it cannot find', async () => {
    const centre = await openCentre({ dir: REPO });
    const a = await assess(centre, { asOf: AS_OF });
    expect(status(a, { learners: [] }).learners).toEqual([]);
    expect(gaps(a, { learners: notAchieved(a, { learners: [] }) }).gaps).toEqual([]);
    await expect(assess(centre, { asOf: AS_OF, learners: ['NT-0142', 'NOPE'] })).rejects.toThrow(/no learner NOPE in portfolios\//);
    const some = await assess(centre, { asOf: AS_OF, learners: ['NT-0142'] });
    expect(() => status(some, { learners: [a.learners.find((l) => l.id !== 'NT-0142')!.id] })).toThrow(/in this assessment, which took only the learners named to assess\(\)/);
  });

  it('throws UsageError, not an error of its own, where git is needed and there is none', async () => {
    const dir = tempDir();
    cpSync(`${REPO}specs`, join(dir, 'specs'), { recursive: true });
    cpSync(`${REPO}portfolios`, join(dir, 'portfolios'), { recursive: true });
    const centre = await openCentre({ dir });
    await expect(history(centre, 'NT-0142', {})).rejects.toBeInstanceOf(UsageError);
    await expect(openCentre({ dir, at: 'HEAD' })).rejects.toBeInstanceOf(UsageError);
  });

  it('takes check paths from the folder given, whatever the length of the centre\'s path, and refuses one outside it', async () => {
    const dir = join(tempDir(), 'a-centre-folder-with-a-long-name-to-tell-lengths-apart');
    cpSync(`${FIXTURES}broken`, dir, { recursive: true });
    const a = await assess(await openCentre({ dir }), { asOf: AS_OF });
    const inside = check(a, { paths: ['portfolios'], cwd: dir });
    expect(inside.diagnostics.length).toBeGreaterThan(0);
    expect(inside.diagnostics.every((d) => d.file.startsWith('portfolios/'))).toBe(true);
    // the same words from another folder name another place: not the centre's
    expect(() => check(a, { paths: ['portfolios'], cwd: REPO })).toThrow(UsageError);
    expect(() => check(a, { paths: ['../elsewhere'], cwd: dir })).toThrow(/no file of the centre/);
    expect(check(a, { paths: ['.'], cwd: dir }).diagnostics).toEqual(check(a).diagnostics);
    const r = await folio(['check', '-C', dir, '--as-of', AS_OF, '--format', 'json', 'portfolios'], { cwd: tempDir() });
    expect(JSON.parse(r.stdout).diagnostics.length).toBe(inside.diagnostics.length);
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
