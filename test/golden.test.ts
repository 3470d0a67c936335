// Golden CLI output with exit codes: what an assessor, an IQA and a CI job see, kept in
// test/__golden__/ and reviewed like code when it changes.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURES, folio, REPO } from './helpers.js';

const CENTRE = `${FIXTURES}centre`;
const AS_OF = ['--as-of', '2026-06-30'];

describe('golden output', () => {
  it.each([
    ['status-cohort.txt', ['status']],
    ['status-learner-detail.txt', ['status', 'S-MIX', '--detail']],
    ['status-learner.md', ['status', 'S-IQA', '--format', 'markdown']],
    ['status-cohort.csv', ['status', '--format', 'csv']],
    ['status-unit.txt', ['status', '--unit', 'L/600/0001']],
    ['status-unknown.json', ['status', 'S-UNK', '--format', 'json']],
    ['gaps.txt', ['gaps']],
    ['gaps.json', ['gaps', 'S-MIX', '--format', 'json']],
    ['gaps.csv', ['gaps', 'S-RDY', '--format', 'csv']],
    ['check-clean.txt', ['check']],
    ['spec-list.txt', ['spec', 'list']],
    ['spec-show-unit.txt', ['spec', 'show', 'L/600/0001']],
    ['spec-show-qualification.json', ['spec', 'show', '600/1234/1', '--format', 'json']],
  ])('%s', async (name, args) => {
    const r = await folio([...args, '-C', CENTRE, ...(args[0] === 'spec' ? [] : AS_OF)]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`__golden__/${name}`);
  });

  it('check on the broken centre, as a terminal shows it', async () => {
    const r = await folio(['check', '-C', `${FIXTURES}broken`, ...AS_OF]);
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot('__golden__/check-broken.txt');
  });
});

describe('exit codes', () => {
  it.each([
    ['status is complete for an achieved learner', ['status', 'S-ACH', '--fail-on', 'incomplete'], 0],
    ['status fails on an incomplete learner when asked', ['status', 'S-RDY', '--fail-on', 'incomplete'], 1],
    ['status does not fail by default', ['status'], 0],
    ['gaps fails on incomplete when asked', ['gaps', '--fail-on', 'incomplete'], 1],
    ['gaps of an achieved learner pass', ['gaps', 'S-ACH', '--fail-on', 'incomplete'], 0],
    ['an unknown learner is a usage error', ['status', 'NOBODY'], 2],
    ['a bad --as-of is a usage error', ['status', '--as-of', '30/06/2026'], 2],
    ['a bad --format is a usage error', ['status', '--format', 'pdf'], 2],
    ['an unknown command is a usage error', ['statsu'], 2],
    ['an unknown unit filter is a usage error', ['status', '--unit', 'Z/999/9999'], 2],
  ] as const)('%s (exit %i)', async (_what, args, code) => {
    const r = await folio([...args, '-C', CENTRE, ...(args.includes('--as-of') ? [] : AS_OF)]);
    expect(r.code).toBe(code);
    if (code === 2) expect(r.stderr).toMatch(/error|folio:/);
  });

  it('outside a centre, says how to name one (exit 2)', async () => {
    const r = await folio(['status'], { cwd: '/' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-C DIR');
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  it('is on for a terminal', async () => {
    expect((await folio(['status', '-C', CENTRE, ...AS_OF], { tty: true })).stdout).toContain(ESC);
  });
  it('is off when NO_COLOR is set', async () => {
    expect((await folio(['status', '-C', CENTRE, ...AS_OF], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
  it('is off with --no-color', async () => {
    expect((await folio(['status', '-C', CENTRE, '--no-color', ...AS_OF], { tty: true })).stdout).not.toContain(ESC);
  });
  it('is off when output is not a terminal', async () => {
    expect((await folio(['status', '-C', CENTRE, ...AS_OF])).stdout).not.toContain(ESC);
  });
});

describe('layout', () => {
  it('fits 80 columns in the terminal views when COLUMNS says 80', async () => {
    for (const args of [['status'], ['status', 'S-MIX', '--detail'], ['gaps']]) {
      const r = await folio([...args, '-C', CENTRE, ...AS_OF], { env: { COLUMNS: '80' } });
      for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });
});

describe('the installed bin', () => {
  it('runs from a subfolder, finding the centre upwards, with results on stdout and exit 0', () => {
    const r = spawnSync(process.execPath, [`${REPO}bin/folio.js`, 'check', ...AS_OF], { cwd: `${CENTRE}/portfolios/S-ACH`, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).toContain('No problems in 13 files.');
    expect(r.status).toBe(0);
  });
  it('prints its version', () => {
    expect(execFileSync(process.execPath, [`${REPO}bin/folio.js`, '--version'], { encoding: 'utf8' })).toMatch(/^folio \d+\.\d+\.\d+/);
  });
});
