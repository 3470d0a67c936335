// The recording commands on a copy of the sample centre: each changes only the node it adds or
// changes (every other byte of the file as it was), leaves the centre clean for check and moves
// the statuses it should; each refusal has check's code and leaves the file byte-identical.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { folio, sampleCopies } from './helpers.js';

const sample = sampleCopies('folio-record-');

const portfolio = (dir: string, id: string) => join(dir, 'portfolios', id, 'portfolio.yaml');
const read = (dir: string, id: string) => readFileSync(portfolio(dir, id), 'utf8');

/** The text inserted into before to make after, asserting every other byte is unchanged. */
function inserted(before: string, after: string): string {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  // back to a line start, so the insertion is whole lines where it is lines
  const rest = before.slice(p);
  expect(after.endsWith(rest)).toBe(true);
  return after.slice(p, after.length - rest.length);
}

async function run(dir: string, args: string[]) {
  return folio([...args, '-C', dir], { cwd: dir });
}

async function json(dir: string, args: string[]) {
  const r = await run(dir, [...args, '--format', 'json']);
  return { ...r, data: JSON.parse(r.stdout) };
}

describe('folio evidence add', () => {
  it('appends one block item in the style of its neighbours, copies the file in, and check stays clean', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0151');
    const file = join(dir, 'obs.md');
    writeFileSync(file, 'Observed at the counter.\n');
    const r = await json(dir, ['evidence', 'add', 'NT-0151', '--title', 'Second observation: outcome 4', '--method', 'observation', '--date', '2026-12-01', '--file', file, '--covers', 'A/506/2130:4.1-4.6', '--by', 'a.jones']);
    expect(r.code).toBe(0);
    expect(r.data.written).toBe(true);
    const after = read(dir, 'NT-0151');
    const add = inserted(before, after);
    // a blank line between items, as the file has them; block mapping, covers with a flow list
    expect(add).toBe('  - id: E14\n    title: "Second observation: outcome 4"\n    method: observation\n    date: 2026-12-01\n    file: evidence/obs.md\n    covers:\n      A/506/2130: [4.1, 4.2, 4.3, 4.4, 4.5, 4.6]\n\n');
    expect(readFileSync(join(dir, 'portfolios/NT-0151/evidence/obs.md'), 'utf8')).toBe('Observed at the counter.\n');
    expect(r.data.files).toEqual(['portfolios/NT-0151/portfolio.yaml', 'portfolios/NT-0151/evidence/obs.md']);
    // 4.1 needs one more accepted item and E14 awaits assessment: one entry, both reasons
    const on41 = r.data.gaps.filter((g: { criterion: string }) => g.criterion === '4.1');
    expect(on41).toHaveLength(1);
    expect(on41[0].reasons.map((x: { reason: string }) => x.reason)).toEqual(['needs-more-evidence', 'awaiting-assessment']);
    const keys = r.data.gaps.map((g: { unit: string; criterion: string }) => `${g.unit} ${g.criterion}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.data.gaps.length).toBeGreaterThan(1);
    expect((await run(dir, ['check'])).code).toBe(0);
  });

  it('turns an empty list into a block list, names units by alias, and moves criteria from missing', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0163');
    const r = await json(dir, ['evidence', 'add', 'NT-0163', '--title', 'Written questions', '--method', 'written-questions', '--date', '2026-11-20', '--ref', 'Answer booklet', '--covers', 'A/506/1964:outcome-1', '--covers', 'A/506/1964:2.1,2.2', '--by', 'a.jones']);
    expect(r.code).toBe(0);
    const after = read(dir, 'NT-0163');
    expect(after).toBe(before.replace('evidence: []\n', 'evidence:\n  - id: E01\n    title: Written questions\n    method: written-questions\n    date: 2026-11-20\n    ref: Answer booklet\n    covers:\n      A/506/1964: [1.1, 1.2, 1.3, 2.1, 2.2]\n'));
    expect(r.data.moved).toContainEqual({ unit: 'A/506/1964', criterion: '1.1', from: 'missing', to: 'awaiting-assessment' });
    expect(r.data.moved).toContainEqual({ unit: null, criterion: null, from: 'not-started', to: 'in-progress' });
    expect((await run(dir, ['check'])).code).toBe(0);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0163');
    const r = await run(dir, ['evidence', 'add', 'NT-0163', '--title', 'Q', '--method', 'questioning', '--date', '2026-11-20', '--ref', 'notes', '--covers', 'A/506/1964:1.1', '--by', 'a.jones', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-evidence: []\n+evidence:\n+  - id: E01\n');
    expect(r.stdout).toContain('Dry run: nothing written.');
    expect(read(dir, 'NT-0163')).toBe(before);
  });
});

describe('folio assess', () => {
  it('adds the decision to each item as a flow mapping, as its neighbours have it, and criteria move to met', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0151');
    const r = await json(dir, ['assess', 'NT-0151', 'E12', 'E13', '--accept', '--by', 'a.jones', '--date', '2026-11-20']);
    expect(r.code).toBe(0);
    const after = read(dir, 'NT-0151');
    const line = '    assessment: { by: a.jones, date: 2026-11-20, decision: accepted }\n';
    expect(after).toBe(before.replace('      D/506/2119: [1.1, 1.2, 1.3, 1.4, 1.5, 1.6]\n', `      D/506/2119: [1.1, 1.2, 1.3, 1.4, 1.5, 1.6]\n${line}`).replace('      K/506/2155: [2.1, 2.2, 2.3, 2.4]\n', `      K/506/2155: [2.1, 2.2, 2.3, 2.4]\n${line}`));
    expect(r.data.moved).toContainEqual({ unit: 'D/506/2119', criterion: '1.1', from: 'awaiting-assessment', to: 'met' });
    expect(r.data.moved).toContainEqual({ unit: 'K/506/2155', criterion: '2.1', from: 'awaiting-assessment', to: 'met' });
    expect((await run(dir, ['check'])).code).toBe(0);
  });

  it('keeps feedback that needs quoting exact', async () => {
    const dir = sample();
    const feedback = 'Good: but say more, e.g. "why" #2';
    const r = await run(dir, ['assess', 'NT-0151', 'E12', '--not-yet', '--feedback', feedback, '--by', 'a.jones', '--date', '2026-11-20']);
    expect(r.code).toBe(0);
    const e12 = parse(read(dir, 'NT-0151')).evidence.find((e: { id: string }) => e.id === 'E12');
    expect(e12.assessment).toEqual({ by: 'a.jones', date: '2026-11-20', decision: 'not-yet', feedback });
    expect((await run(dir, ['check'])).code).toBe(0);
  });
});

describe('folio signoff and folio iqa record', () => {
  it('signs off a ready unit, then an IQA agrees: flow items like their neighbours, unit achieved', async () => {
    const dir = sample();
    await run(dir, ['evidence', 'add', 'NT-0163', '--title', 'Written questions', '--method', 'written-questions', '--date', '2026-11-20', '--ref', 'Answer booklet', '--covers', 'A/506/1964:all', '--by', 'a.jones']);
    await run(dir, ['assess', 'NT-0163', 'E01', '--accept', '--by', 'a.jones', '--date', '2026-11-23']);
    const before = read(dir, 'NT-0163');
    const s = await json(dir, ['signoff', 'NT-0163', 'A/506/1964', '--by', 'a.jones', '--date', '2026-11-24']);
    expect(s.code).toBe(0);
    expect(read(dir, 'NT-0163')).toBe(before.replace('signoffs: []\n', 'signoffs:\n  - { unit: A/506/1964, by: a.jones, date: 2026-11-24 }\n'));
    expect(s.data.moved).toContainEqual({ unit: 'A/506/1964', criterion: null, from: 'ready-for-signoff', to: 'achieved' });

    const signed = read(dir, 'NT-0163');
    const i = await json(dir, ['iqa', 'record', 'NT-0163', 'A/506/1964', '--stage', 'summative', '--agree', '--by', 'm.hughes', '--date', '2026-11-30', '--evidence', 'E01']);
    expect(i.code).toBe(0);
    expect(read(dir, 'NT-0163')).toBe(signed.replace('iqa: []\n', 'iqa:\n  - { unit: A/506/1964, by: m.hughes, date: 2026-11-30, stage: summative, decision: agreed, evidence: [E01] }\n'));
    // an IQA decision moves no status; the unit stays achieved and the record is the IQA's
    expect(i.data.moved).toEqual([]);
    expect(i.data.by).toBe('m.hughes');
    expect((await run(dir, ['check'])).code).toBe(0);
    const status = JSON.parse((await run(dir, ['status', 'NT-0163', '--format', 'json'])).stdout);
    expect(status.learners[0].units.find((u: { id: string }) => u.id === 'A/506/1964').status).toBe('achieved');
  });

  it('appends to a list of flow mappings with a flow mapping on its own line', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0142');
    const r = await run(dir, ['iqa', 'record', 'NT-0142', 'L/506/1788', '--stage', 'summative', '--agree', '--by', 'm.hughes', '--date', '2026-09-01', '--feedback', 'Second sample: agreed.']);
    expect(r.code).toBe(0);
    expect(inserted(before, read(dir, 'NT-0142'))).toBe('  - { unit: L/506/1788, by: m.hughes, date: 2026-09-01, stage: summative, decision: agreed, feedback: Second sample: agreed. }\n'.replace('Second sample: agreed.', '"Second sample: agreed."'));
    expect((await run(dir, ['check'])).code).toBe(0);
  });

  it('--force signs off a unit with criteria unmet and says what check will report', async () => {
    const dir = sample();
    const r = await run(dir, ['signoff', 'NT-0151', 'A/506/2130', '--by', 'a.jones', '--force']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Check will report: A\/506\/2130 is signed off but 7 of its 20 criteria are not met.*\[signoff-unmet\]/);
    expect((await run(dir, ['check'])).code).toBe(1);
  });
});

// Each refusal: the code check (or folio) gives, exit 1, and the portfolio byte-identical.
// setup: commands run first (on the copy), whose changes the refused command must keep as they are.
const REFUSALS: { name: string; learner: string; args: string[]; code: string; setup?: string[][] }[] = [
  { name: 'unknown unit', learner: 'NT-0163', args: ['evidence', 'add', 'NT-0163', '--title', 'T', '--method', 'questioning', '--date', '2026-11-20', '--ref', 'r', '--covers', 'X/999/9999:1.1', '--by', 'a.jones'], code: 'unknown-unit' },
  { name: 'criterion not in the unit', learner: 'NT-0163', args: ['evidence', 'add', 'NT-0163', '--title', 'T', '--method', 'questioning', '--date', '2026-11-20', '--ref', 'r', '--covers', 'A/506/1964:9.9', '--by', 'a.jones'], code: 'unknown-criterion' },
  { name: 'unit outside the qualification', learner: 'NT-0163', args: ['evidence', 'add', 'NT-0163', '--title', 'T', '--method', 'questioning', '--date', '2026-11-20', '--ref', 'r', '--covers', '201:1', '--by', 'a.jones'], code: 'unit-not-in-qualification' },
  { name: 'duplicate id', learner: 'NT-0151', args: ['evidence', 'add', 'NT-0151', '--id', 'E01', '--title', 'T', '--method', 'questioning', '--date', '2026-11-20', '--ref', 'r', '--covers', 'A/506/2130:5.1', '--by', 'a.jones'], code: 'duplicate-evidence-id' },
  { name: 'unknown witness', learner: 'NT-0151', args: ['evidence', 'add', 'NT-0151', '--witness', 'w-nobody', '--title', 'T', '--method', 'witness-testimony', '--date', '2026-11-20', '--ref', 'r', '--covers', 'A/506/2130:5.1', '--by', 'a.jones'], code: 'unknown-witness' },
  { name: 'future date', learner: 'NT-0151', args: ['assess', 'NT-0151', 'E12', '--accept', '--by', 'a.jones', '--date', '2999-01-01'], code: 'future-date' },
  { name: 'decision dated before the evidence', learner: 'NT-0151', args: ['assess', 'NT-0151', 'E12', '--accept', '--by', 'a.jones', '--date', '2026-11-01'], code: 'date-order' },
  { name: 'unknown staff', learner: 'NT-0151', args: ['assess', 'NT-0151', 'E12', '--accept', '--by', 'a.jonse'], code: 'unknown-staff' },
  { name: 'an IQA assessing', learner: 'NT-0151', args: ['assess', 'NT-0151', 'E12', '--accept', '--by', 'm.hughes'], code: 'staff-role' },
  { name: 'an assessor recording IQA', learner: 'NT-0151', args: ['iqa', 'record', 'NT-0151', 'A/506/2130', '--stage', 'interim', '--agree', '--by', 'r.okafor'], code: 'staff-role' },
  { name: 'a unit with criteria unmet', learner: 'NT-0151', args: ['signoff', 'NT-0151', 'A/506/2130', '--by', 'a.jones'], code: 'signoff-unmet' },
  { name: 'an IQA signing off', learner: 'NT-0147', args: ['signoff', 'NT-0147', 'F/506/2159', '--by', 'm.hughes'], code: 'staff-role' },
  { name: 'an admin assessing', learner: 'NT-0151', setup: [['staff', 'add', 'x.admin', '--name', 'Pat Admin', '--roles', 'admin']], args: ['assess', 'NT-0151', 'E12', '--accept', '--by', 'x.admin'], code: 'staff-role' },
  { name: 'an EQA signing off', learner: 'NT-0147', setup: [['staff', 'add', 'x.eqa', '--name', 'Lee Eqa', '--roles', 'eqa']], args: ['signoff', 'NT-0147', 'F/506/2159', '--by', 'x.eqa'], code: 'staff-role' },
  { name: 'an EQA recording IQA', learner: 'NT-0151', setup: [['staff', 'add', 'x.eqa', '--name', 'Lee Eqa', '--roles', 'eqa']], args: ['iqa', 'record', 'NT-0151', 'A/506/2130', '--stage', 'interim', '--agree', '--by', 'x.eqa'], code: 'staff-role' },
  // s.patel holds both roles: the IQA record is refused for what they did as assessor
  { name: "an IQA who assessed any of the unit's evidence", learner: 'NT-0151', setup: [['assess', 'NT-0151', 'E12', '--accept', '--by', 's.patel', '--date', '2026-11-20']], args: ['iqa', 'record', 'NT-0151', 'D/506/2119', '--stage', 'interim', '--agree', '--by', 's.patel'], code: 'iqa-own-decision' },
  { name: 'an IQA who signed the unit off', learner: 'NT-0147', setup: [['signoff', 'NT-0147', 'F/506/2159', '--by', 's.patel', '--date', '2026-11-20']], args: ['iqa', 'record', 'NT-0147', 'F/506/2159', '--stage', 'summative', '--agree', '--by', 's.patel'], code: 'iqa-own-decision' },
];

describe('refusals leave the file byte-identical', () => {
  for (const c of REFUSALS) {
    it(`${c.name}: ${c.code}`, async () => {
      const dir = sample();
      for (const step of c.setup ?? []) expect((await run(dir, step)).code).toBe(0);
      const before = read(dir, c.learner);
      const centre = readFileSync(join(dir, 'portfolios/centre.yaml'), 'utf8');
      const r = await json(dir, c.args);
      expect(r.code).toBe(1);
      expect(r.data.written).toBe(false);
      expect(r.data.refused.code).toBe(c.code);
      expect(r.data.refused.diagnostics.map((d: { code: string }) => d.code)).toContain(c.code);
      expect(read(dir, c.learner)).toBe(before);
      expect(readFileSync(join(dir, 'portfolios/centre.yaml'), 'utf8')).toBe(centre);
    });
  }

  it('a --by not on the staff list is refused by the commands whose records name nobody too', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0163');
    const ev = await json(dir, ['evidence', 'add', 'NT-0163', '--title', 'T', '--method', 'questioning', '--date', '2026-11-20', '--ref', 'r', '--covers', 'A/506/1964:1.1', '--by', 'a.jonse']);
    expect([ev.code, ev.data.written, ev.data.refused.code]).toEqual([1, false, 'unknown-staff']);
    expect(ev.data.refused.message).toContain('did you mean "a.jones"?');
    expect(read(dir, 'NT-0163')).toBe(before);
    const learner = await json(dir, ['learner', 'add', 'NT-0170', '--name', 'Sam Lee', '--qualification', '601/3734/4', '--by', 'nobody', '--commit']);
    expect([learner.code, learner.data.refused.code]).toEqual([1, 'unknown-staff']);
    expect(existsSync(join(dir, 'portfolios/NT-0170'))).toBe(false);
    const lifecycle = [
      ['learner', 'withdraw', 'NT-0147', '--date', '2026-11-30', '--by', 'r.okafr'],
      ['learner', 'exempt', 'NT-0163', 'A/506/2130', '--kind', 'rpl', '--by', 'r.okafr'],
      ['claim', 'record', 'NT-0153', '--units', 'H/506/1814', '--by', 'r.okafr'],
    ];
    for (const args of lifecycle) {
      const before = [read(dir, args[2]!)];
      const r = await json(dir, args);
      expect([args.slice(0, 2).join(' '), r.code, r.data.refused.code], r.stdout).toEqual([args.slice(0, 2).join(' '), 1, 'unknown-staff']);
      expect(r.data.refused.message).toContain('did you mean "r.okafor"?');
      expect([read(dir, args[2]!)]).toEqual(before);
    }
  });

  it('an IQA who assessed the unit: iqa-own-decision, in check format on stderr', async () => {
    const dir = sample();
    await run(dir, ['assess', 'NT-0151', 'E12', '--accept', '--by', 's.patel', '--date', '2026-11-20']);
    const before = read(dir, 'NT-0151');
    const r = await run(dir, ['iqa', 'record', 'NT-0151', 'D/506/2119', '--stage', 'interim', '--agree', '--by', 's.patel']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/portfolios\/NT-0151\/portfolio\.yaml:\d+:\d+: error: IQA record on D\/506\/2119 is by s\.patel, who made assessment decisions on that unit.*\[iqa-own-decision\]/);
    expect(read(dir, 'NT-0151')).toBe(before);
  });

  it('a sign-off refused lists the gaps', async () => {
    const dir = sample();
    const r = await run(dir, ['signoff', 'NT-0151', 'A/506/2130', '--by', 'a.jones']);
    expect(r.stderr).toContain('What is not met yet:\n  A/506/2130 4.1: Needs 2 accepted items');
  });

  it('a portfolio folio cannot parse is never rewritten: the located error', async () => {
    const dir = sample();
    const broken = read(dir, 'NT-0151').replace('qualification: 601/3734/4', 'qualification: [601/3734/4');
    writeFileSync(portfolio(dir, 'NT-0151'), broken);
    const r = await run(dir, ['assess', 'NT-0151', 'E12', '--accept', '--by', 'a.jones']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/portfolios\/NT-0151\/portfolio\.yaml:4:\d+: error: YAML syntax/);
    expect(read(dir, 'NT-0151')).toBe(broken);
  });

  it('an evidence file of the same name and other content is never overwritten', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0151');
    const other = join(dir, 'E01-development-plan.md');
    writeFileSync(other, 'something else\n');
    const r = await json(dir, ['evidence', 'add', 'NT-0151', '--title', 'T', '--method', 'work-product', '--date', '2026-11-20', '--file', other, '--covers', 'A/506/2130:5.1', '--by', 'a.jones']);
    expect(r.code).toBe(1);
    expect(r.data.refused.code).toBe('evidence-file-exists');
    expect(read(dir, 'NT-0151')).toBe(before);
  });

  it('unknown evidence and a missing decision are usage errors (exit 2)', async () => {
    const dir = sample();
    expect((await run(dir, ['assess', 'NT-0151', 'E99', '--accept', '--by', 'a.jones'])).stderr).toContain('NT-0151 has no evidence "E99"');
    expect((await run(dir, ['assess', 'NT-0151', 'E12', '--by', 'a.jones'])).code).toBe(2);
  });
});

describe('the people records name', () => {
  it('folio staff add appends a flow entry to the centre file; a duplicate id is refused', async () => {
    const dir = sample();
    const file = join(dir, 'portfolios/centre.yaml');
    const before = readFileSync(file, 'utf8');
    const r = await run(dir, ['staff', 'add', 't.brown', '--name', 'Tara Brown', '--roles', 'assessor,iqa', '--email', 'tara.brown@northgate.example']);
    expect(r.code).toBe(0);
    expect(inserted(before, readFileSync(file, 'utf8'))).toBe('  - { id: t.brown, name: Tara Brown, roles: [assessor, iqa], email: tara.brown@northgate.example }\n');
    expect((await run(dir, ['check'])).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect((await run(dir, ['staff', 'add', 't.brown', '--name', 'T', '--roles', 'admin'])).code).toBe(2);
    const role = await json(dir, ['staff', 'add', 'x.y', '--name', 'X Y', '--roles', 'boss']);
    expect(role.data.refused.code).toBe('invalid-value');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('folio witness add appends to the witnesses; a witness status outside 1-5 is refused', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0163');
    const r = await run(dir, ['witness', 'add', 'NT-0163', 'w-patel', '--name', 'Ravi Patel', '--relationship', 'optometrist', '--status', '1']);
    expect(r.code).toBe(0);
    expect(inserted(before, read(dir, 'NT-0163'))).toBe('  - { id: w-patel, name: Ravi Patel, relationship: optometrist, status: 1 }\n');
    expect((await run(dir, ['check'])).code).toBe(0);
    const after = read(dir, 'NT-0163');
    // the witness can now give testimony, and the item naming them is accepted by check
    const testimony = await json(dir, ['evidence', 'add', 'NT-0163', '--witness', 'w-patel', '--title', 'Witness testimony', '--method', 'witness-testimony', '--date', '2026-11-20', '--ref', 'signed statement', '--covers', 'A/506/1964:1.1', '--by', 'a.jones', '--dry-run']);
    expect([testimony.code, testimony.data.refused]).toEqual([0, null]);
    const bad = await json(dir, ['witness', 'add', 'NT-0163', 'w-x', '--name', 'X', '--status', '7']);
    expect(bad.data.refused.code).toBe('invalid-value');
    expect(read(dir, 'NT-0163')).toBe(after);
  });

  it('folio learner add takes --uln and --optional-units (by alias too), and refuses what check would report', async () => {
    const dir = sample();
    const r = await run(dir, ['learner', 'add', 'NT-0170', '--name', 'Sam Lee', '--qualification', '601/3734/4', '--assessor', 'a.jones', '--registered', '2026-12-01', '--uln', '1234567899', '--optional-units', 'D/506/2119,T/506/2126']);
    expect(r.code).toBe(0);
    expect(read(dir, 'NT-0170')).toContain('learner: { name: Sam Lee, uln: "1234567899" }\nqualification: 601/3734/4\nregistered: 2026-12-01\nassessor: a.jones\noptional-units: [D/506/2119, T/506/2126]\n');
    expect((await run(dir, ['check'])).code).toBe(0);
    const status = JSON.parse((await run(dir, ['status', 'NT-0170', '--format', 'json'])).stdout).learners[0];
    expect([status.status, status.progress.criteriaMet, status.units.length]).toEqual(['not-started', 0, 7]);
    const bad = await run(dir, ['learner', 'add', 'NT-0171', '--name', 'A B', '--qualification', '601/3734/4', '--uln', '1234567890']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('[uln-check-digit]');
    const twice = await run(dir, ['learner', 'add', 'NT-0172', '--name', 'A B', '--qualification', '601/3734/4', '--uln', '1234567899']);
    expect(twice.stderr).toContain('[duplicate-uln]');
    expect(existsSync(join(dir, 'portfolios/NT-0171'))).toBe(false);
    expect(existsSync(join(dir, 'portfolios/NT-0172'))).toBe(false);
  });

  it('folio learner add --dry-run shows the new portfolio and writes nothing; -f json is the record document', async () => {
    const dir = sample();
    const args = ['learner', 'add', 'NT-0170', '--name', 'Sam Lee', '--qualification', '601/3734/4', '--registered', '2026-12-01'];
    const dry = await run(dir, [...args, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+learner: { name: Sam Lee }\n+qualification: 601/3734/4\n');
    expect(dry.stdout).toContain('Dry run: nothing written. portfolios/NT-0170/portfolio.yaml would be created for Sam Lee (601/3734/4).');
    expect(existsSync(join(dir, 'portfolios/NT-0170'))).toBe(false);
    // a name that would not read back plain in braces is quoted; one that would is not
    const odd = await run(dir, ['learner', 'add', 'NT-0173', '--name', 'Lee, Sam: [x]', '--qualification', '601/3734/4', '--registered', '2026-12-01', '--dry-run']);
    expect(odd.stdout).toContain('+learner: { name: "Lee, Sam: [x]" }\n');
    const r = await json(dir, args);
    expect(r.code).toBe(0);
    expect(r.data).toMatchObject({ version: 1, learner: 'NT-0170', file: 'portfolios/NT-0170/portfolio.yaml', files: ['portfolios/NT-0170/portfolio.yaml'], written: true, refused: null, moved: [], gaps: [], commit: null });
    expect(r.data.diff).toContain('+qualification: 601/3734/4');
    expect(read(dir, 'NT-0170')).toContain('qualification: 601/3734/4\n');
    const bad = await json(dir, ['learner', 'add', 'NT-0171', '--name', 'A B', '--qualification', '601/3734/4', '--uln', '1234567890']);
    expect(bad.code).toBe(1);
    expect([bad.data.written, bad.data.refused.code]).toEqual([false, 'uln-check-digit']);
    expect(bad.data.refused.diagnostics.map((d: { code: string }) => d.code)).toContain('uln-check-digit');
    expect(existsSync(join(dir, 'portfolios/NT-0171'))).toBe(false);
  });
});
