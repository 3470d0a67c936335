// Fixture tree for the status engine: each learner in test/fixtures/centre isolates statuses;
// the table states what DESIGN.md says each must be.
import { describe, expect, it } from 'vitest';
import { FIXTURES, folio } from './helpers.js';

const CENTRE = `${FIXTURES}centre`;

interface StatusDoc {
  version: number;
  asOf: string;
  learners: {
    id: string;
    status: string;
    credits: { achieved: number; required: number | null; unknownUnits: string[] };
    units: { id: string; status: string; group: string | null; criteria: { id: string; outcome: string; status: string; evidence: string[] }[] }[];
    rules: { id: string; status: string; message: string }[];
  }[];
}

const run = await folio(['status', '-C', CENTRE, '--as-of', '2026-06-30', '--format', 'json']);
const doc = JSON.parse(run.stdout) as StatusDoc;
const learner = (id: string) => doc.learners.find((l) => l.id === id)!;

describe('learner, unit and rule statuses', () => {
  it.each([
    // id, learner status, credits achieved, unit statuses, rule statuses
    ['S-ACH', 'achieved', 9, { 'L/600/0001': 'achieved', 'R/600/0002': 'achieved', 'Y/600/0003': 'achieved' }, { 'mandatory.required': 'met', 'B.min-credits': 'met', 'C.max-credits': 'met', 'min-credits': 'met' }],
    ['S-RDY', 'in-progress', 7, { 'L/600/0001': 'achieved', 'R/600/0002': 'ready-for-signoff', 'Y/600/0003': 'achieved' }, { 'mandatory.required': 'unmet', 'B.min-credits': 'met', 'min-credits': 'unmet' }],
    ['S-MIX', 'in-progress', 0, { 'L/600/0001': 'in-progress', 'R/600/0002': 'in-progress', 'Y/600/0003': 'not-started' }, { 'mandatory.required': 'unmet', 'B.min-credits': 'unmet' }],
    ['S-UNK', 'in-progress', 5, { 'L/600/0001': 'achieved', 'R/600/0002': 'achieved', 'H/600/0005': 'achieved' }, { 'mandatory.required': 'met', 'B.min-credits': 'unknown', 'min-credits': 'unknown' }],
    ['S-IQA', 'in-progress', 2, { 'L/600/0001': 'in-progress', 'R/600/0002': 'not-started', 'D/600/0004': 'achieved' }, { 'C.max-credits': 'met', 'min-credits': 'unmet' }],
    ['S-NEW', 'not-started', 0, { 'L/600/0001': 'not-started', 'R/600/0002': 'not-started', 'Y/600/0003': 'not-started' }, { 'mandatory.required': 'unmet' }],
  ] as const)('%s is %s with %i credits', (id, status, credits, units, rules) => {
    const l = learner(id);
    expect(l.status).toBe(status);
    expect(l.credits.achieved).toBe(credits);
    expect(Object.fromEntries(l.units.map((u) => [u.id, u.status]))).toEqual(units);
    for (const [rule, s] of Object.entries(rules)) expect(l.rules.find((r) => r.id === rule)?.status, rule).toBe(s);
  });
});

describe('criterion statuses', () => {
  it.each([
    ['S-MIX', 'L/600/0001', '1.1', 'met', ['E1']],
    ['S-MIX', 'L/600/0001', '1.2', 'awaiting-assessment', ['E2']],
    ['S-MIX', 'L/600/0001', '2.1', 'insufficient', ['E3']], // min-evidence 2
    ['S-MIX', 'L/600/0001', '2.2', 'insufficient', ['E4', 'E5']], // requires observation
    ['S-MIX', 'R/600/0002', '1.1', 'not-yet', ['E6']],
    ['S-MIX', 'R/600/0002', '1.10', 'insufficient', ['E7']], // work-product not an accepted method
    ['S-MIX', 'Y/600/0003', '1.1', 'missing', []],
    ['S-ACH', 'R/600/0002', '1.10', 'met', ['E1']], // covered through the alias "102"
  ] as const)('%s %s %s is %s', (id, unit, criterion, status, evidence) => {
    const c = learner(id).units.find((u) => u.id === unit)!.criteria.find((x) => x.id === criterion)!;
    expect(c.status).toBe(status);
    expect(c.evidence).toEqual(evidence);
  });

  it('keeps criterion 1.10 distinct from 1.1', () => {
    const ids = learner('S-ACH').units.find((u) => u.id === 'R/600/0002')!.criteria.map((c) => c.id);
    expect(ids).toEqual(['1.1', '1.10']);
  });
});

describe('--as-of', () => {
  it('evaluates the portfolio as it stood on that date', async () => {
    const r = await folio(['status', 'S-ACH', '-C', CENTRE, '--as-of', '2026-02-15', '--format', 'json']);
    const l = (JSON.parse(r.stdout) as StatusDoc).learners[0]!;
    expect(r.stdout).toContain('"asOf": "2026-02-15"');
    // E3 (2026-03-10) does not exist yet, so outcome 2 has one observation of the two needed,
    // and no sign-off has happened.
    expect(l.units.find((u) => u.id === 'L/600/0001')!.criteria.find((c) => c.id === '2.1')!.status).toBe('insufficient');
    expect(l.units.find((u) => u.id === 'R/600/0002')!.status).toBe('ready-for-signoff');
    expect(l.status).toBe('in-progress');
  });
});

describe('gaps', () => {
  it.each([
    ['S-ACH', []],
    ['S-RDY', ['signoff-missing', 'mandatory-unit-missing', 'total-credits-short']],
    ['S-UNK', ['credits-unknown', 'credits-unknown']],
    ['S-IQA', ['iqa-not-agreed', 'missing', 'missing', 'mandatory-unit-missing', 'mandatory-unit-missing', 'unit-not-chosen', 'total-credits-short']],
    ['S-MIX', ['awaiting-assessment', 'needs-more-evidence', 'requires-method', 'not-yet', 'method-not-accepted', 'missing', 'mandatory-unit-missing', 'mandatory-unit-missing', 'group-credits-short', 'total-credits-short']],
  ] as const)('%s has gaps %j', async (id, reasons) => {
    const r = await folio(['gaps', id, '-C', CENTRE, '--as-of', '2026-06-30', '--format', 'json']);
    const gaps = (JSON.parse(r.stdout) as { gaps: { reason: string; learner: string }[] }).gaps;
    expect(gaps.map((g) => g.reason)).toEqual(reasons);
    expect(gaps.every((g) => g.learner === id)).toBe(true);
  });
});

describe('a withdrawn learner in the human formats', () => {
  // The sample centre's NT-0153 withdrew on 2026-11-06, their qualification still in progress.
  it('is shown withdrawn in the markdown cohort with --all and in their own markdown page, as in the table', async () => {
    const md = (await folio(['status', '--all', '-f', 'markdown', '--as-of', '2026-11-22'])).stdout;
    expect(md).toMatch(/^\| NT-0153 \| Liam O'Connor \| .* \| withdrawn \| \d+ \|$/m);
    expect(md).not.toMatch(/^\| NT-0153 .*\| in-progress \|/m);
    const table = (await folio(['status', '--all', '--as-of', '2026-11-22'])).stdout;
    expect(table).toMatch(/^NT-0153 .* withdrawn /m);
    const one = (await folio(['status', 'NT-0153', '-f', 'markdown', '--as-of', '2026-11-22'])).stdout;
    expect(one.split('\n')[2]).toMatch(/· withdrawn$/);
    // the JSON keeps the qualification's own status beside the withdrawal
    const json = JSON.parse((await folio(['status', 'NT-0153', '-f', 'json', '--as-of', '2026-11-22'])).stdout).learners[0];
    expect([json.status, json.withdrawn.date]).toEqual(['in-progress', '2026-11-06']);
  });
});
