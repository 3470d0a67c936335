// What makes folio fast must not change what it says: worker threads give the same reports as
// one thread, and the progress bar appears only on a terminal, only for long runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../src/cli/progress.js';
import { workerCount, WORKER_THRESHOLD } from '../src/pipeline/workers.js';
import { FIXTURES, folio, REPO } from './helpers.js';

const centre = mkdtempSync(join(tmpdir(), 'folio-scale-'));
afterAll(() => rmSync(centre, { recursive: true, force: true }));
spawnSync(process.execPath, [`${REPO}scripts/generate.mjs`, '--learners', '40', '--seed', '7', '--out', centre, '--force'], { encoding: 'utf8' });

const bin = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [`${REPO}bin/folio.js`, ...args, '-C', centre, '--as-of', '2026-11-01', '--no-cache'], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });

describe('worker threads', () => {
  it.each([
    ['status', '--format', 'json'],
    ['check', '--format', 'json'],
    ['gaps', '--format', 'csv'],
  ])('%s gives the same report on two workers as on one thread', (...args) => {
    const one = bin(args, { FOLIO_WORKERS: '0' });
    const two = bin(args, { FOLIO_WORKERS: '2' });
    expect(one.stdout.length).toBeGreaterThan(500);
    expect(two.stdout).toBe(one.stdout);
    expect(two.status).toBe(one.status);
  });

  it('write the cache as one thread would: a second run on workers, from the cache, says the same', () => {
    const cached = (env: Record<string, string>) => spawnSync(process.execPath, [`${REPO}bin/folio.js`, 'status', '--format', 'json', '-C', centre, '--as-of', '2026-11-01'], { encoding: 'utf8', env: { ...process.env, FOLIO_CACHE: '', ...env }, maxBuffer: 1 << 28 });
    const fresh = bin(['status', '--format', 'json'], { FOLIO_WORKERS: '0' }).stdout;
    const check = spawnSync(process.execPath, [`${REPO}bin/folio.js`, 'check', '--format', 'json', '-C', centre, '--as-of', '2026-11-01'], { encoding: 'utf8', env: { ...process.env, FOLIO_CACHE: '', FOLIO_WORKERS: '2' } });
    expect(check.stdout).toBe(bin(['check', '--format', 'json'], { FOLIO_WORKERS: '0' }).stdout);
    expect(cached({ FOLIO_WORKERS: '2' }).stdout).toBe(fresh);
    expect(cached({ FOLIO_WORKERS: '0' }).stdout).toBe(fresh);
  });

  it('send back a result they could not cache, in a cohort too big to keep results in memory', () => {
    const big = mkdtempSync(join(tmpdir(), 'folio-scale-big-'));
    try {
      spawnSync(process.execPath, [`${REPO}scripts/generate.mjs`, '--learners', '520', '--seed', '9', '--out', big, '--force', '--problems', '0'], { encoding: 'utf8' });
      // evidence through a symbolic link is never cached: its target is not in any listing
      const dir = join(big, 'portfolios/LR-00007');
      const text = readFileSync(join(dir, 'portfolio.yaml'), 'utf8');
      const file = /file: (evidence\/\S+)/.exec(text)![1]!;
      renameSync(join(dir, file), join(dir, 'evidence/moved.md'));
      symlinkSync('moved.md', join(dir, file));
      const run = (env: Record<string, string>) => spawnSync(process.execPath, [`${REPO}bin/folio.js`, 'status', '--format', 'json', '-C', big, '--as-of', '2026-11-01'], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
      const one = run({ FOLIO_WORKERS: '0', FOLIO_CACHE: 'off' });
      const workers = run({ FOLIO_WORKERS: '2', FOLIO_CACHE: '' });
      expect(workers.stderr).toBe('');
      expect(workers.status).toBe(0);
      expect(workers.stdout).toBe(one.stdout);
      expect(run({ FOLIO_WORKERS: '2', FOLIO_CACHE: '' }).stdout).toBe(one.stdout);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
    // 520 learners generated and assessed three times: a correctness test, so its time limit is
    // generous enough for a loaded machine (speed is measured by the benchmark, not here)
  }, 240_000);

  it('are used only for enough learners, on more than one core, unless FOLIO_WORKERS says', () => {
    expect(workerCount(WORKER_THRESHOLD - 1, undefined)).toBe(0);
    expect(workerCount(5, '3')).toBe(3);
    expect(workerCount(2, '3')).toBe(2);
    expect(workerCount(5000, '0')).toBe(0);
  });
});

describe('progress bar', () => {
  it('shows done, total and elapsed time, fitted to the width', () => {
    expect(progressLine(412, 1000, 3210, 80)).toBe(`[${'█'.repeat(16)}${'░'.repeat(24)}] 412/1,000 portfolios · 3.2 s`);
    expect(progressLine(5, 10, 0, 50).length).toBeLessThanOrEqual(50);
  });

  it('says nothing for the first second, redraws at most ten times a second, and clears itself', () => {
    let t = 0;
    let out = '';
    const bar = progressBar((s) => (out += s), 60, () => t);
    bar.update(1, 10);
    t = 900;
    bar.update(2, 10);
    expect(out).toBe('');
    t = 1000;
    bar.update(3, 10);
    t = 1050;
    bar.update(4, 10); // too soon after the last draw
    t = 1200;
    bar.update(5, 10);
    expect(out.split('\r').filter(Boolean).map((l) => / (\d+)\/10 /.exec(l)?.[1])).toEqual(['3', '5']);
    bar.clear();
    expect(out.endsWith(`\r${' '.repeat(59)}\r`)).toBe(true);
  });

  it('is never drawn when stderr is not a terminal', async () => {
    const r = await folio(['check', '-C', `${FIXTURES}centre`, '--as-of', '2026-06-30'], { env: {} });
    expect(r.stderr).not.toContain('\r');
  });
});
