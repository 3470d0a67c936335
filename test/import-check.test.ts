// The confidence report and what is built on it: each unit lists the warnings on its lines,
// --strict writes no spec for a unit with any, and --check compares a form with the spec
// already in the centre and lists every difference.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folio, REPO } from './helpers.js';

const SURE = ['A/506/2130 Deliver customer service', '1 Understand things', '1.1 Explain a', '1.2 Explain b'].join('\n');
const UNSURE = ['H/506/2154 Deal with incoming telephone calls from customers', '1 Understand calls', '1.2 Describe b', '1.1 Describe a', '', 'Something else entirely.'].join('\n');

function centre(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-check-'));
  mkdirSync(join(dir, 'specs/units'), { recursive: true });
  writeFileSync(join(dir, 'sure.txt'), SURE);
  writeFileSync(join(dir, 'unsure.txt'), UNSURE);
  return dir;
}

describe('confidence report and --strict', () => {
  it('each unit carries the warnings on its lines', async () => {
    const dir = centre();
    const r = JSON.parse((await folio(['import', 'sure.txt', 'unsure.txt', '--format', 'json'], { cwd: dir })).stdout);
    expect(r.units.map((u: { unit: string; confidence: { line: number; code: string }[] }) => [u.unit, u.confidence.map((w) => `${w.line} ${w.code}`)])).toEqual([
      ['A/506/2130', []],
      ['H/506/2154', ['4 numbering-order', '6 unplaced-text']],
    ]);
  });

  it('--strict writes the units it is sure of and refuses the others, exit 1', async () => {
    const dir = centre();
    const r = await folio(['import', 'sure.txt', 'unsure.txt', '--strict', '--no-color'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/H\/506\/2154 +unsure/);
    expect(r.stdout).toContain('not written: 2 warnings on this unit\'s lines (--strict)');
    expect(r.stdout).toMatch(/1 created; 1 not written because the importer is unsure of it \(--strict; see the warnings\)\.\n$/);
    expect(existsSync(join(dir, 'specs/units/A-506-2130.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'specs/units/H-506-2154.yaml'))).toBe(false);
    // without --strict both are written
    const again = await folio(['import', 'unsure.txt'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(existsSync(join(dir, 'specs/units/H-506-2154.yaml'))).toBe(true);
  });
});

describe('import --check', () => {
  it('the seeds against the committed specs: no difference, exit 0, nothing written', async () => {
    const r = await folio(['import', '--check', 'seeds/000_7f56dec0fd1a1a50.txt', 'seeds/002_e544539dd1d23242.txt', '--format', 'json'], { cwd: REPO });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.units).toHaveLength(22);
    expect(doc.units.every((u: { differences: unknown[]; spec: string }) => u.differences.length === 0 && u.spec.startsWith('specs/units/'))).toBe(true);
  });

  it('lists every difference with the form’s line, exit 1', async () => {
    const dir = centre();
    writeFileSync(
      join(dir, 'specs/units/A-506-2130.yaml'),
      ['unit: A/506/2130', 'title: Deliver customer service', 'level: 2', 'outcomes:', '  - id: "1"', '    title: Understand things', '    type: performance', '    criteria:', '      - id: "1.1"', '        text: Explain A', '      - id: "1.3"', '        text: Explain c', '  - id: "2"', '    title: Be able to do', '    criteria: []', ''].join('\n'),
    );
    const form = ['A/506/2130 Deliver customer service', 'Level: 3', '1 Understand things', '1.1 Explain a', '1.2 Explain b'].join('\n');
    writeFileSync(join(dir, 'new.txt'), form);
    const before = readFileSync(join(dir, 'specs/units/A-506-2130.yaml'), 'utf8');
    const r = await folio(['import', '--check', 'new.txt', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const [u] = JSON.parse(r.stdout).units;
    expect(u.differences.map((d: { at: string; spec: string | null; form: string | null; line: number }) => [d.line, d.at, d.spec, d.form])).toEqual([
      [1, 'level', '2', '3'],
      [3, 'outcome 1 type', 'performance', 'knowledge'],
      [4, 'criterion 1.1 text', 'Explain A', 'Explain a'],
      [5, 'criterion 1.2', null, 'Explain b'],
      [3, 'criterion 1.3', 'Explain c', null],
      [1, 'outcome 2', 'Be able to do', null],
    ]);
    expect(readFileSync(join(dir, 'specs/units/A-506-2130.yaml'), 'utf8')).toBe(before);
    const t = await folio(['import', '--check', 'new.txt', '--no-color'], { cwd: dir });
    expect(t.stdout).toContain('new.txt:5: criterion 1.2: only in the form: “Explain b”');
    expect(t.stdout).toMatch(/1 of 1 unit differs from its spec: 6 differences\.\n$/);
  });

  it('a form whose unit has no spec says so', async () => {
    const dir = centre();
    const r = await folio(['import', '--check', 'sure.txt', '--no-color'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('A/506/2130 (sure.txt:1): no spec in the spec folder to compare with');
  });
});
