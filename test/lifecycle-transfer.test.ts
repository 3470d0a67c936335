// folio learner transfer on a small centre with two qualifications that share some units
// (transfer-fixture.ts). The expected report is worked out from the two specs by hand:
//   the learner's units on the certificate: L, R (mandatory), Y, H, D (chosen, in that order);
//   the diploma has L, Y, K (mandatory), R and D (optional); it lacks H.
//   carried:     L achieved (E1 and E4, signed off), R not-started (mandatory before, optional now: added
//                to optional-units), Y in-progress (E3 awaits assessment), D not-started;
//   left behind: H, ready for sign-off on the certificate, with its evidence E2 kept;
//   not started: K, the diploma's own unit.
//   optional-units: Y is mandatory on the diploma and H is not in it, so only D stays, and R is
//   added: [D/600/0004, R/600/0002]; H/600/0005 is reported as dropped.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folio } from './helpers.js';
import { PORTFOLIO, transferCentre } from './transfer-fixture.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const centre = (text?: string) => {
  const d = transferCentre(text);
  made.push(d);
  return d;
};
const file = (d: string) => join(d, 'portfolios/T-001/portfolio.yaml');
const run = (d: string, args: string[]) => folio([...args, '-C', d], { cwd: d });
const ARGS = ['learner', 'transfer', 'T-001', '600/2345/4', '--reason', 'moving up a level', '--date', '2026-03-10', '--by', 'a.jones'];

describe('folio learner transfer', () => {
  it('moves the learner: qualification, optional-units and a transfers entry; every other byte stays', async () => {
    const d = centre();
    expect((await run(d, ['check'])).code).toBe(0);
    const r = await run(d, [...ARGS, '-f', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.written).toBe(true);
    const expected = PORTFOLIO.replace('qualification: 600/1234/1', 'qualification: 600/2345/4')
      .replace('optional-units: [Y/600/0003, H/600/0005, D/600/0004]', 'optional-units: [D/600/0004, R/600/0002]')
      .concat('\ntransfers:\n  - { date: 2026-03-10, from: 600/1234/1, by: a.jones, reason: moving up a level }\n');
    expect(readFileSync(file(d), 'utf8')).toBe(expected);
    // the evidence on H, a unit of the certificate only, is kept and check stays clean
    expect((await run(d, ['check'])).code).toBe(0);
    expect(data.transfer).toEqual({
      from: '600/1234/1',
      to: '600/2345/4',
      carried: [
        { unit: 'L/600/0001', title: 'Handle customer requests', status: 'achieved' },
        { unit: 'R/600/0002', title: 'Understand service standards', status: 'not-started' },
        { unit: 'Y/600/0003', title: 'Resolve complaints', status: 'in-progress' },
        { unit: 'D/600/0004', title: 'Manage a diary', status: 'not-started' },
      ],
      leftBehind: [{ unit: 'H/600/0005', title: 'Build customer relationships', status: 'ready-for-signoff', evidence: ['E2'] }],
      notStarted: [{ unit: 'K/600/0006', title: 'Lead a service improvement', status: 'not-started' }],
      droppedOptional: ['H/600/0005'],
    });
  });

  it('the table says what came across, what stayed behind (evidence kept) and what is new', async () => {
    const d = centre();
    const r = await run(d, [...ARGS, '--dry-run']);
    expect(r.code).toBe(0);
    expect(readFileSync(file(d), 'utf8')).toBe(PORTFOLIO);
    expect(r.stdout).toContain('-qualification: 600/1234/1\n+qualification: 600/2345/4');
    expect(r.stdout).toContain('Dry run: nothing written.');
    expect(r.stdout).toContain('Carried over to 600/2345/4 (4):\n  L/600/0001  achieved');
    expect(r.stdout).toContain('Left behind on 600/1234/1 (1; their records stay in the portfolio):\n  H/600/0005  ready-for-signoff  Build customer relationships  (evidence kept: E2)');
    expect(r.stdout).toContain('Dropped from optional-units: H/600/0005');
    expect(r.stdout).toContain('New on 600/2345/4, not started (1):\n  K/600/0006  not-started');
  });

  it('refuses the same qualification, a learner claimed for the whole qualification, and an unknown one; the file stays byte-identical', async () => {
    const d = centre();
    const same = await run(d, ['learner', 'transfer', 'T-001', '60012341', '--by', 'a.jones', '-f', 'json']);
    expect(same.code).toBe(1);
    expect(JSON.parse(same.stdout).refused.code).toBe('same-qualification');
    const unknown = await run(d, ['learner', 'transfer', 'T-001', '600/2345/5', '--by', 'a.jones']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('[unknown-qualification]');
    expect(unknown.stderr).toContain('did you mean "600/2345/4"?');
    expect(readFileSync(file(d), 'utf8')).toBe(PORTFOLIO);

    const claimed = PORTFOLIO.replace('optional-units: [Y/600/0003, H/600/0005, D/600/0004]', 'optional-units: [Y/600/0003, H/600/0005]') + 'claims:\n  - { date: 2026-03-05, qualification: 600/1234/1, by: a.jones }\n';
    const c = centre(claimed);
    const r = await run(c, [...ARGS, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).refused.code).toBe('qualification-claimed');
    expect(JSON.parse(r.stdout).transfer).toBeNull();
    expect(readFileSync(file(c), 'utf8')).toBe(claimed);
  });
});
