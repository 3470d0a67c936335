// folio iqa plan and folio iqa due on a copy of the sample centre: the plan file written once
// and never replaced by another plan, read back by due, in every format.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folio, REPO } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'folio-iqa-'));
for (const d of ['specs', 'portfolios']) cpSync(join(REPO, d), join(dir, d), { recursive: true });
// The sample centre's own centre file is copied into the README's git demos, whose commit ids
// the README shows: the strategy is added to the copy here.
appendFileSync(join(dir, 'portfolios/centre.yaml'), 'sampling: { interim-rate: 25, summative-rate: 50, new-assessor-rate: 100, new-assessor-months: 6 }\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => folio([...args, '-C', dir, '--as-of', '2026-06-30']);

describe('folio iqa plan and due', () => {
  it('writes the plan once, says so, and the same plan again changes nothing', async () => {
    const first = await run('iqa', 'plan');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Wrote iqa/plans/2026-06-30.yaml');
    const text = readFileSync(join(dir, 'iqa/plans/2026-06-30.yaml'), 'utf8');
    expect(text).toMatch(/^ {2}- \{ learner: NT-0142, unit: A\/506\/1964, stage: summative, assessor: a\.jones, iqa: s\.patel, /m);
    const again = await run('iqa', 'plan');
    expect(again.stdout).toContain('already holds this plan');
    expect(readFileSync(join(dir, 'iqa/plans/2026-06-30.yaml'), 'utf8')).toBe(text);
  });

  it('never replaces a plan file that holds another plan', async () => {
    const other = await folio(['iqa', 'plan', '-C', dir, '--as-of', '2026-06-30', '--from', '2026-04-01']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('holds another plan');
    expect(other.stderr).toContain('--id');
  });

  it('json and csv carry every sample', async () => {
    const j = JSON.parse((await run('iqa', 'plan', '--dry-run', '-f', 'json')).stdout);
    expect(j.written).toBeNull();
    expect(j.samples.length).toBeGreaterThan(0);
    for (const s of j.samples) expect(['new-assessor', 'rate', 'unit', 'method', 'site']).toContain(s.reason);
    const csv = (await run('iqa', 'plan', '--dry-run', '-f', 'csv')).stdout.trim().split('\n');
    expect(csv[0]).toBe('learner,unit,stage,assessor,iqa,date,evidence,reason,for');
    expect(csv).toHaveLength(j.samples.length + 1);
  });

  it('due lists the samples with no IQA record of their stage, and one recorded drops out', async () => {
    const before = JSON.parse((await run('iqa', 'due', '-f', 'json')).stdout);
    expect(before.plan).toBe('2026-06-30');
    const first = before.due.find((d: { stage: string }) => d.stage === 'summative');
    expect(first).toBeDefined();
    const rec = await folio(['iqa', 'record', first.learner, first.unit, '--stage', 'summative', '--agree', '--by', first.iqa, '--date', '2026-06-30', '-C', dir]);
    expect(rec.code, rec.stderr).toBe(0);
    const after = JSON.parse((await run('iqa', 'due', '-f', 'json')).stdout);
    expect(after.due).toHaveLength(before.due.length - 1);
    expect(after.done).toBe(before.done + 1);
    expect((await run('iqa', 'due')).stdout).toMatch(/^IQA due on plan 2026-06-30: \d+ of \d+ samples still to do/);
  });

  it('a broken plan file is reported with its line, and due exits 1', async () => {
    writeFileSync(join(dir, 'iqa/plans/zz.yaml'), 'plan: { id: zz, as-of: 2026-06-31 }\nstrategy: { interim-rate: 25, summative-rate: 50 }\nsamples: []\n');
    const r = await run('iqa', 'due', 'zz');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('iqa/plans/zz.yaml:1');
    expect(r.stderr).toContain('invalid-date');
  });
});
