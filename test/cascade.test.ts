// One typo in an evidence item is reported once: the findings that follow only from it (a
// sign-off whose criteria it would have met, an IQA record sampling an item the schema left out)
// are left out (pipeline/consequences.ts). Each case makes one mistake in a copy of the sample
// centre and names the exact codes check must report; a real gap still shows.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assess, check, openCentre } from '../src/index.js';
import { folio, REPO } from './helpers.js';

const AS_OF = '2026-11-22';
const PORTFOLIO = 'portfolios/NT-0142/portfolio.yaml';
const dirs: string[] = [];

/** A copy of the sample centre with one change made to it. */
function copyWith(change: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-cascade-'));
  dirs.push(dir);
  for (const part of ['portfolios', 'specs']) cpSync(join(REPO, part), join(dir, part), { recursive: true });
  change(dir);
  return dir;
}

/** Replace one exact piece of the portfolio's text (which must be there once). */
const edit = (from: string, to: string, of = PORTFOLIO) => (dir: string) => {
  const file = join(dir, of);
  const text = readFileSync(file, 'utf8');
  if (text.split(from).length !== 2) throw new Error(`not once in the portfolio: ${from}`);
  writeFileSync(file, text.replace(from, to));
};

const E06 = 'method: observation\n    date: 2026-03-04';
const CASES: { name: string; change: (dir: string) => void; codes: string[] }[] = [
  { name: 'the sample centre as it is', change: () => {}, codes: [] },
  { name: 'a bad method (the item is left out)', change: edit(E06, 'method: observaton\n    date: 2026-03-04'), codes: ['invalid-value'] },
  { name: 'a date that is not a calendar date', change: edit(E06, 'method: observation\n    date: 2026-13-01'), codes: ['invalid-date'] },
  { name: 'an unknown criterion', change: edit('D/506/2119: [2.1, 2.2,', 'D/506/2119: [2.1, 1.99, 2.2,'), codes: ['unknown-criterion'] },
  { name: 'a criterion mistyped in place of one the sign-off needs', change: edit('A/506/2158: [2.1, 2.2,', 'A/506/2158: [2.1, 2.2x,'), codes: ['unknown-criterion'] },
  { name: 'a misspelt covers key (the item is left out)', change: edit('file: evidence/E06-observation-refund.md\n    covers:', 'file: evidence/E06-observation-refund.md\n    cover:'), codes: ['missing-field', 'unknown-key'] },
  { name: 'a missing evidence file', change: (dir) => rmSync(join(dir, 'portfolios/NT-0142/evidence/E06-observation-refund.md')), codes: ['evidence-file-missing'] },
  { name: 'an unknown witness', change: edit('witness: w-reed\n    date: 2026-03-20', 'witness: w-red\n    date: 2026-03-20'), codes: ['unknown-witness'] },
  { name: 'a mistyped unit in covers', change: edit('D/506/2119: [2.1, 2.2,', 'D/506/2191: [2.1, 2.2,'), codes: ['unknown-unit'] },
  { name: 'a mistyped optional unit (its evidence is not unit-not-chosen as well)', change: edit('optional-units: [D/506/2119,', 'optional-units: [D/506/2191,'), codes: ['unknown-unit'] },
  { name: 'a bad assessment decision (the item is left out)', change: edit('date: 2026-03-06, decision: accepted }\n\n  - id: E07', 'date: 2026-03-06, decision: acepted }\n\n  - id: E07'), codes: ['invalid-value'] },
  { name: 'an unknown assessor', change: edit('by: a.jones, date: 2026-03-06, decision: accepted }\n\n  - id: E07', 'by: a.jonse, date: 2026-03-06, decision: accepted }\n\n  - id: E07'), codes: ['unknown-staff'] },
  { name: 'a bad assessment date (the item is left out)', change: edit('by: a.jones, date: 2026-03-06, decision: accepted }\n\n  - id: E07', 'by: a.jones, date: 2026-13-06, decision: accepted }\n\n  - id: E07'), codes: ['invalid-date'] },
  { name: 'a misspelt name key in a witness entry (the witness is left out)', change: edit('- { id: w-reed, name: Tom Reed,', '- { id: w-reed, nme: Tom Reed,'), codes: ['missing-field', 'unknown-key'] },
  { name: 'a bad sign-off date (the sign-off is left out; its summative IQA is not date-order as well)', change: edit('unit: D/506/2119, by: a.jones, date: 2026-06-08', 'unit: D/506/2119, by: a.jones, date: 2026-16-08'), codes: ['invalid-date'] },
  // A staff entry left out for its shape: every record naming a.jones would otherwise be unknown-staff.
  { name: 'a misspelt roles key in the centre file (the staff entry is left out)', change: edit('name: Alex Jones, roles:', 'name: Alex Jones, role:', 'portfolios/centre.yaml'), codes: ['missing-field', 'unknown-key'] },
  // No typo: the criterion is simply not covered any more, so the sign-off is premature, and
  // NT-0142's claim of the diploma (2026-11-16) is of a qualification no longer achieved.
  { name: 'a real gap still shows', change: edit('      D/506/2119: [2.6]\n', ''), codes: ['signoff-unmet', 'claim-not-achieved'] },
];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('one typo in an evidence item is reported once', () => {
  it.each(CASES)('$name', async ({ change, codes }) => {
    const dir = copyWith(change);
    const { diagnostics } = check(await assess(await openCentre({ dir }), { asOf: AS_OF }));
    expect(diagnostics.map((d) => d.code)).toEqual(codes);
  });
});

describe('the note on stderr that results leave something out', () => {
  const status = (change: (dir: string) => void) => folio(['status', '-C', copyWith(change), '--as-of', AS_OF, '-f', 'json']);

  it('is not given for an error that leaves the results whole (an unknown assessor)', async () => {
    const r = await status(CASES.find((c) => c.name === 'an unknown assessor')!.change);
    expect(r.stderr).toBe('');
  });

  it('is given when an item was left out (a bad method)', async () => {
    const r = await status(CASES.find((c) => c.name.startsWith('a bad method'))!.change);
    expect(r.stderr).toContain("1 error in the centre's files; results leave out what could not be read");
  });
});
