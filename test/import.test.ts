// `folio import` end to end: the committed sample specs can always be regenerated from the
// five seeds; what each seed yields and what it warns about; and a spec that differs from
// the form is never overwritten without --force, which keeps a backup.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { folio, REPO } from './helpers.js';

const SEEDS = readdirSync(join(REPO, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => `seeds/${f}`);

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'folio-import-'));
}

/** A copy of the sample centre's specs, to import into without touching the repository. */
function sampleSpecs(): string {
  const dir = scratch();
  cpSync(join(REPO, 'specs/units'), join(dir, 'units'), { recursive: true });
  return join(dir, 'units');
}

describe('the sample specs are the seeds, imported', () => {
  it('importing all five seeds over the committed specs changes nothing', async () => {
    const out = sampleSpecs();
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    const r = await folio(['import', ...SEEDS, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/63 units read; specs in .*: 62 unchanged\.\n$/);
    const after = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    expect(after).toEqual(before);
  });

  it('every unit spec in specs/units comes from a seed', async () => {
    const r = await folio(['import', ...SEEDS, '--format', 'json']);
    const specs = (JSON.parse(r.stdout).specs as { file: string }[]).map((s) => s.file.replace(/^specs\/units\//, '')).sort();
    expect(specs).toEqual(readdirSync(join(REPO, 'specs/units')).sort());
  });

  it('reads 3 units from 000, 39 from 001, 19 from 002 and one each from 003 and 004', async () => {
    const counts: number[] = [];
    for (const seed of SEEDS) {
      const r = await folio(['import', seed, '--format', 'json']);
      counts.push(JSON.parse(r.stdout).units.length);
    }
    expect(counts).toEqual([3, 39, 19, 1, 1]);
  });

  it('merges seed 004, which has no unit number, into A/506/2130 by its criteria', async () => {
    const r = await folio(['import', SEEDS[4]!, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.units[0]).toMatchObject({ unit: null, title: null, spec: { file: 'specs/units/A-506-2130.yaml', action: 'unchanged' } });
    expect(doc.units[0].outcomes.map((o: { id: string; type: string; criteria: unknown[] }) => [o.id, o.type, o.criteria.length])).toEqual([
      ['1', 'knowledge', 6],
      ['2', 'knowledge', 4],
      ['3', 'performance', 2],
      ['4', 'performance', 6],
      ['5', 'performance', 2],
    ]);
    const spec = parse(readFileSync(join(REPO, 'specs/units/A-506-2130.yaml'), 'utf8'));
    expect(spec.source).toEqual(['seeds/004_d90e7e633d150227.txt', 'seeds/001_9251b7c42b0fa5fe.txt']);
    expect(spec.outcomes[2].methods).toEqual(['observation', 'witness-testimony', 'work-product', 'professional-discussion', 'questioning', 'reflective-account']);
  });

  it('reports the anomalies of each seed with their lines', async () => {
    const r = await folio(['import', ...SEEDS, '--format', 'json']);
    const warnings = (JSON.parse(r.stdout).warnings as { file: string; line: number; code: string }[]).map((w) => `${w.file.slice(6, 9)}:${w.line} ${w.code}`);
    expect(warnings).toEqual([
      '000:1 outside-units',
      '001:1 outside-units',
      '002:2 outside-units',
      '002:1532 foreign-criterion',
      '002:4678 repeated-text',
      '002:4966 repeated-text',
      '002:7438 outside-units',
      '003:4 matched-spec',
      '004:6 matched-spec',
      '004:54 wording-differs',
      '004:80 wording-differs',
      '004:93 unplaced-text',
      '004:94 wording-differs',
    ]);
  });

  it('a fresh centre built from the seeds alone passes check', async () => {
    const dir = scratch();
    const r = await folio(['import', ...SEEDS.map((s) => join(REPO, s))], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/specs in specs\/units: 62 created\./);
    const c = await folio(['check'], { cwd: dir });
    expect(c.stdout).toBe('No problems in 62 files.\n');
    expect(c.code).toBe(0);
  });
});

const FORM = ['Unit Reference Number: H/506/2154', 'Title: Deal with incoming telephone calls from customers', 'Unit Level: 2', '1 Understand how to deal with calls', '1.1 Describe the telephone system', '1.2 Explain call handling procedures'].join('\n');

describe('writing specs', () => {
  const setup = (spec?: string) => {
    const dir = scratch();
    writeFileSync(join(dir, 'form.txt'), FORM);
    const units = join(dir, 'specs/units');
    mkdirSync(units, { recursive: true });
    if (spec !== undefined) writeFileSync(join(units, 'H-506-2154.yaml'), spec);
    return { dir, file: join(units, 'H-506-2154.yaml') };
  };

  it('fills in what a spec lacks and keeps its comments and values', async () => {
    const spec = '# checked by the IQA, 2026-02-01\nunit: H/506/2154\ntitle: Deal with incoming telephone calls from customers\ncredits: 3   # facts.md\noutcomes:\n  - id: "1"\n    criteria:\n      - id: "1.1"\n        text: Describe the telephone system\n';
    const { dir, file } = setup(spec);
    const r = await folio(['import', 'form.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/H\/506\/2154 +filled in/);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# checked by the IQA, 2026-02-01');
    expect(text).toContain('credits: 3 # facts.md');
    expect(parse(text)).toMatchObject({ level: 2, credits: 3, outcomes: [{ id: '1', title: 'Understand how to deal with calls', criteria: [{ id: '1.1' }, { id: '1.2', text: 'Explain call handling procedures' }] }] });
  });

  it('never overwrites a spec that differs from the form without --force', async () => {
    const spec = 'unit: H/506/2154\ntitle: Handle incoming calls   # our own wording\noutcomes: []\n';
    const { dir, file } = setup(spec);
    const r = await folio(['import', 'form.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/H\/506\/2154 +differs/);
    expect(r.stdout).toContain('spec “Handle incoming calls”');
    expect(r.stdout).toContain('form “Deal with incoming telephone calls from customers”');
    expect(readFileSync(file, 'utf8')).toBe(spec);
  });

  it('--force replaces it and keeps the previous spec as a backup', async () => {
    const spec = 'unit: H/506/2154\ntitle: Handle incoming calls   # our own wording\noutcomes: []\n';
    const { dir, file } = setup(spec);
    const r = await folio(['import', 'form.txt', '--force'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(spec);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('title: Deal with incoming telephone calls from customers # our own wording');
    const again = await folio(['import', 'form.txt', '--force'], { cwd: dir });
    expect(again.stdout).toContain('unchanged');
    expect(existsSync(`${file}.bak.1`)).toBe(false);
  });

  it('--stdout and --format json without -o write nothing', async () => {
    const { dir, file } = setup();
    const y = await folio(['import', 'form.txt', '--stdout'], { cwd: dir });
    expect(parse(y.stdout)).toMatchObject({ unit: 'H/506/2154', level: 2, outcomes: [{ id: '1', criteria: [{ id: '1.1' }, { id: '1.2' }] }] });
    const j = await folio(['import', 'form.txt', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(j.stdout).specs[0]).toMatchObject({ file: 'specs/units/H-506-2154.yaml', action: 'create', written: false });
    expect(existsSync(file)).toBe(false);
  });

  it('--unit names a unit whose form gives no number', async () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'lo.txt'), 'LO 1\nUnderstand things\nAC 1.1\nExplain a thing\nAC 1.2\nDescribe another');
    const r = await folio(['import', 'lo.txt', '--unit', 'Y/615/0001', '--format', 'json', '-o', 'specs/units'], { cwd: dir });
    expect(JSON.parse(r.stdout).specs[0]).toMatchObject({ file: 'specs/units/Y-615-0001.yaml', action: 'create', written: true });
    expect(parse(readFileSync(join(dir, 'specs/units/Y-615-0001.yaml'), 'utf8')).unit).toBe('Y/615/0001');
  });

  it('a missing form is a usage error', async () => {
    const r = await folio(['import', 'nowhere.txt'], { cwd: scratch() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read nowhere.txt');
  });
});

// Forms in layouts the parser was not written against, each with its expected result written
// independently from the form (test/fixtures/import/forms/README.md lists their traps).
describe('held-out forms', () => {
  const FORMS = join(REPO, 'test/fixtures/import/forms');
  const names = readdirSync(FORMS).filter((f) => f.endsWith('.txt'));
  it.each(names)('%s', async (name) => {
    const r = await folio(['import', join(FORMS, name), '--format', 'json'], { cwd: scratch() });
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout).units.map((u: Record<string, unknown>) => {
      const { unit, aliases, title, level, credits, glh, outcomes } = u;
      return { unit, aliases, title, level, credits, glh, outcomes };
    });
    const expected = JSON.parse(readFileSync(join(FORMS, name.replace(/\.txt$/, '.expected.json')), 'utf8'));
    expect(got).toEqual(expected.units);
  });
});

describe('a unit named by an alias', () => {
  it('goes into the spec that lists that alias, not a new file', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'specs/units'), { recursive: true });
    writeFileSync(join(dir, 'specs/units/A-506-2130.yaml'), 'unit: A/506/2130\naliases: ["201"]\ntitle: Deliver customer service\noutcomes: []\n');
    writeFileSync(join(dir, 'form.txt'), 'Unit 201 Deliver customer service\n1.1 Explain a thing\n');
    const r = await folio(['import', 'form.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'specs/units'))).toEqual(['A-506-2130.yaml']);
    expect(parse(readFileSync(join(dir, 'specs/units/A-506-2130.yaml'), 'utf8')).outcomes[0].criteria[0].id).toBe('1.1');
  });
});

describe('awkward files', () => {
  it('reads Windows-1252 text and says so', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'w.txt'), Buffer.from('R/506/2151 Resolve customers\x92 complaints\n1.1 Explain a\n', 'latin1'));
    const r = JSON.parse((await folio(['import', 'w.txt', '--format', 'json'], { cwd: dir })).stdout);
    expect(r.units[0].title).toBe('Resolve customers’ complaints');
    expect(r.warnings.map((w: { code: string }) => w.code)).toContain('encoding');
  });

  it('two forms without numbers and with the same file name get a spec each', async () => {
    const dir = scratch();
    for (const d of ['a', 'b']) {
      mkdirSync(join(dir, d));
      writeFileSync(join(dir, d, 'form.txt'), `LO 1\nUnderstand ${d}\nAC 1.1\nExplain ${d} one\nAC 1.2\nExplain ${d} two\n`);
    }
    const r = JSON.parse((await folio(['import', 'a/form.txt', 'b/form.txt', '--format', 'json'], { cwd: dir })).stdout);
    expect(r.specs.map((s: { file: string }) => s.file)).toEqual(['specs/units/form.yaml', 'specs/units/form-2.yaml']);
  });

  it('exits 1 when one of several forms holds no unit', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'good.txt'), 'A/506/2130 Deliver customer service\n1.1 Explain a\n');
    writeFileSync(join(dir, 'empty.txt'), 'nothing here\n');
    const r = await folio(['import', 'good.txt', 'empty.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'specs/units/A-506-2130.yaml'))).toBe(true);
  });
});
