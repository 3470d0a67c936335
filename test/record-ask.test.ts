// A recording command missing options: on a terminal it asks (choices from the spec and the
// centre, a wrong answer asked again) and records what the flags would; anywhere else it stops
// with one usage error naming every missing option, and the file stays byte-identical.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folio, sampleCopies } from './helpers.js';

const sample = sampleCopies('folio-ask-');
const read = (dir: string, id: string) => readFileSync(join(dir, 'portfolios', id, 'portfolio.yaml'), 'utf8');
const run = (dir: string, args: string[], answers?: string[]) => folio([...args, '-C', dir], { cwd: dir, env: { NO_COLOR: '1' }, answers });

describe('asking on a terminal', () => {
  it('evidence add: the answers record what the flags would, and a wrong answer is asked again', async () => {
    const flags = sample();
    const flagged = await run(flags, ['evidence', 'add', 'NT-0163', '--title', 'Written questions', '--method', 'written-questions', '--ref', 'Answer booklet', '--covers', 'A/506/1964:1.1-1.3', '--date', '2026-11-20', '--by', 'a.jones']);
    expect(flagged.code).toBe(0);
    const asked = sample();
    const r = await run(asked, ['evidence', 'add', 'NT-0163', '--date', '2026-11-20', '--by', 'a.jones'], ['Written questions', 'written-questions', 'ref', 'Answer booklet', 'A/506/1964', '9.9', 'outcome-9', '1.3-1.1', '1.1-1.3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Assessment method:');
    // the units offered are the learner's qualification's, with their titles
    expect(r.stdout).toMatch(/\d\) A\/506\/1964 .*\n/);
    expect(r.stdout).toContain('"9.9": not a criterion of A/506/1964');
    // read as --covers reads it: a missing outcome and a backwards range are asked again
    expect(r.stdout).toContain('A/506/1964 has no outcome "9"');
    expect(r.stdout).toContain('the range runs backwards');
    expect(read(asked, 'NT-0163')).toBe(read(flags, 'NT-0163'));
  });

  it('assess, signoff and iqa record: evidence, unit, stage and decision by number or as listed', async () => {
    const dir = sample();
    await run(dir, ['evidence', 'add', 'NT-0163', '--title', 'Q', '--method', 'written-questions', '--ref', 'booklet', '--covers', 'A/506/1964:all', '--date', '2026-11-20', '--by', 'a.jones']);
    const a = await run(dir, ['assess', 'NT-0163', '--date', '2026-11-23', '--by', 'a.jones'], ['E02', 'E01', 'maybe', 'accept']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('"E02" is not among the choices');
    expect(a.stdout).toContain('"maybe" is not one of the 2 choices');
    expect(read(dir, 'NT-0163')).toContain('assessment: { by: a.jones, date: 2026-11-23, decision: accepted }');
    const s = await run(dir, ['signoff', 'NT-0163', '--date', '2026-11-24', '--by', 'a.jones'], ['A/506/1964']);
    expect(s.code).toBe(0);
    const i = await run(dir, ['iqa', 'record', 'NT-0163', '--date', '2026-11-30', '--by', 'm.hughes'], ['A/506/1964', '2', 'agree']);
    expect(i.code).toBe(0);
    expect(read(dir, 'NT-0163')).toContain('signoffs:\n  - { unit: A/506/1964, by: a.jones, date: 2026-11-24 }\n');
    expect(read(dir, 'NT-0163')).toContain('  - { unit: A/506/1964, by: m.hughes, date: 2026-11-30, stage: summative, decision: agreed }\n');
    expect((await run(dir, ['check'])).code).toBe(0);
  });

  it('the end of input before an answer records nothing', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0151');
    const r = await run(dir, ['signoff', 'NT-0151', '--by', 'a.jones'], []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no answer to "Unit to sign off:"');
    expect(read(dir, 'NT-0151')).toBe(before);
  });
});

describe('not on a terminal', () => {
  const cases: { args: string[]; learner: string; names: string[] }[] = [
    { args: ['evidence', 'add', 'NT-0151', '--by', 'a.jones'], learner: 'NT-0151', names: ['--title TEXT', '--method METHOD', 'one of --file PATH, --url URL or --ref TEXT', '--covers UNIT:CRITERIA'] },
    { args: ['assess', 'NT-0151', '--by', 'a.jones'], learner: 'NT-0151', names: ['the evidence ids', 'the decision (--accept or --not-yet)'] },
    { args: ['signoff', 'NT-0151', '--by', 'a.jones'], learner: 'NT-0151', names: ['the unit'] },
    { args: ['iqa', 'record', 'NT-0151', '--by', 'm.hughes'], learner: 'NT-0151', names: ['the unit', '--stage interim|summative', 'the decision (--agree or --not-agree)'] },
    { args: ['witness', 'add', 'NT-0151', 'w-x'], learner: 'NT-0151', names: ['--name NAME'] },
  ];
  for (const c of cases) {
    it(`folio ${c.args.slice(0, c.args[0] === 'iqa' || c.args[1] === 'add' ? 2 : 1).join(' ')}: every missing option named, an example, exit 2, nothing written`, async () => {
      const dir = sample();
      const before = read(dir, c.learner);
      const r = await run(dir, c.args);
      expect(r.code).toBe(2);
      for (const n of c.names) expect(r.stderr).toContain(n);
      expect(r.stderr).toMatch(/e\.g\. folio /);
      expect(read(dir, c.learner)).toBe(before);
    });
  }

  it('folio staff add: --name and --roles, and the centre file unchanged', async () => {
    const dir = sample();
    const file = join(dir, 'portfolios/centre.yaml');
    const before = readFileSync(file, 'utf8');
    const r = await run(dir, ['staff', 'add', 't.brown']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('folio staff add needs --name NAME and --roles ROLES');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
