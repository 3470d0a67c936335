// The conventions a user expects of any command line, held for every command at once: help with
// no arguments, -v, a description for each command, the options the README promises, "did you
// mean", plurals, and saying why an exit code is what it is.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestCriterion, nearest, plural } from '../src/text.js';
import { syntaxHint } from '../src/yaml-hint.js';
import { FIXTURES, folio, REPO } from './helpers.js';

const LEAVES = ['check', 'status', 'gaps', 'verify', 'history', 'progress', 'report', 'spec list', 'spec show', 'import', 'init', 'learner add', 'schema', 'evidence add', 'assess', 'signoff', 'iqa record', 'iqa plan', 'iqa due', 'staff add', 'witness add', 'learner withdraw', 'learner break', 'learner return', 'learner exempt', 'learner transfer', 'learner reassign', 'eqa pack'];

/** The README's options table: each option with the commands it is said to be on. */
function readmeOptions(): { flags: string[]; on: string[] }[] {
  const readme = readFileSync(`${REPO}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Commands and options'), readme.indexOf('## Importing unit specifications'));
  const rows = section.split('\n').filter((l) => /^\| `-/.test(l));
  return rows.map((row) => {
    const [option, on] = row.replace(/\\\|/g, '/').split('|').slice(1, 3).map((c) => c.trim()) as [string, string];
    const flags = [...option.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.split(/,\s*/).map((f) => f.split(' ')[0]!));
    const words = on.replace(/`[^`]*`/g, '');
    const named = /\ball\b/.test(words) ? LEAVES : LEAVES.filter((c) => (c.startsWith('spec ') ? new RegExp(`\\bspec(?! ${c === 'spec list' ? 'show' : 'list'})\\b`).test(words) : new RegExp(`\\b${c.includes(' ') ? c : c.split(' ')[0]}\\b`).test(words)));
    return { flags, on: named };
  });
}

describe('help and version', () => {
  it('folio with no arguments prints help to stdout and exits 0, as --help does', async () => {
    const bare = await folio([]);
    const help = await folio(['--help']);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe('');
    expect(bare.stdout).toBe(help.stdout);
    expect(bare.stdout).toMatch(/^Usage: folio /);
  });

  it('a command of subcommands alone prints its help to stdout and exits 0', async () => {
    for (const cmd of ['spec', 'learner']) {
      const r = await folio([cmd]);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: folio ${cmd} `));
      expect(r.stderr).toBe('');
    }
  });

  it('-v, -V and --version answer alike', async () => {
    const long = await folio(['--version']);
    expect(long.stdout).toMatch(/^folio \d+\.\d+\.\d+/);
    for (const flag of ['-v', '-V']) expect(await folio([flag])).toEqual(long);
  });

  it('an unknown command is still a usage error', async () => {
    const r = await folio(['stauts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('status');
  });

  it('every command and subcommand has a one-line description in help', async () => {
    const top = (await folio(['--help'])).stdout;
    const listed = [...top.slice(top.indexOf('Commands:')).matchAll(/^ {2}([a-z]+)\b(.*)$/gm)].map((m) => [m[1]!, m[2]!.trim()] as const);
    expect(listed.map(([c]) => c)).toEqual(expect.arrayContaining(['check', 'status', 'gaps', 'spec', 'learner', 'init']));
    for (const [cmd, rest] of listed) expect(rest.replace(/\[[^\]]*\]|<[^>]*>/g, '').trim(), cmd).not.toBe('');
    for (const leaf of LEAVES) {
      const help = (await folio([...leaf.split(' '), '--help'])).stdout;
      const description = help.split('\n\n')[1] ?? '';
      expect(description.trim(), leaf).not.toBe('');
      expect(description, leaf).not.toMatch(/^Options:/);
    }
  });

  it("every command accepts the options README's table says it takes", async () => {
    const rows = readmeOptions();
    expect(rows.length).toBeGreaterThan(10);
    const helps = new Map<string, string>();
    for (const leaf of LEAVES) helps.set(leaf, (await folio([...leaf.split(' '), '--help'])).stdout);
    const missing: string[] = [];
    for (const { flags, on } of rows)
      for (const cmd of on)
        for (const flag of flags) if (!new RegExp(`(^|[ ,])${flag.replace(/[-]/g, '\\-')}\\b`, 'm').test(helps.get(cmd)!)) missing.push(`${cmd} ${flag}`);
    expect(missing).toEqual([]);
    // -C and --no-color are on every command
    expect(rows.find((r) => r.flags.includes('-C'))!.on).toEqual(LEAVES);
    expect(rows.find((r) => r.flags.includes('--no-color'))!.on).toEqual(LEAVES);
  });
});

describe('plurals', () => {
  it('one helper words counts', () => {
    expect(plural(1, 'qualification')).toBe('1 qualification');
    expect(plural(0, 'unit')).toBe('0 units');
    expect(plural(1, 'criterion', 'criteria')).toBe('1 criterion');
    expect(plural(3, 'criterion', 'criteria')).toBe('3 criteria');
  });

  it('no message hedges with "(s)"', () => {
    const hedged = spawnSync('git', ['grep', '-n', '-E', '[0-9}] [a-z]+\\(s\\)', '--', 'src'], { cwd: REPO, encoding: 'utf8' });
    expect(hedged.stdout).toBe('');
    expect(hedged.status).toBe(1);
  });
});

describe('--fail-on incomplete says why it exits 1', () => {
  it('check names how many learners have not achieved', async () => {
    const r = await folio(['check', '--fail-on', 'incomplete', '--as-of', '2026-11-22']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('folio: 4 learners shown have not achieved, and --fail-on incomplete exits 1 for that.\n');
  });

  it('status and gaps count only the learners shown, in the singular for one', async () => {
    const one = await folio(['gaps', 'NT-0151', '--fail-on', 'incomplete', '--as-of', '2026-11-22']);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('folio: 1 learner shown has not achieved');
    const done = await folio(['status', 'NT-0142', '--fail-on', 'incomplete', '--as-of', '2026-11-22']);
    expect(done.code).toBe(0);
    expect(done.stderr).not.toContain('not achieved');
  });

  it('says nothing of the kind when errors are what fail the run', async () => {
    const r = await folio(['check', '-C', `${FIXTURES}broken`, '--fail-on', 'incomplete', '--as-of', '2026-11-22']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\d+ errors? and/);
    expect(r.stderr).not.toContain('--fail-on');
  });
});

describe('a YAML error from an unquoted colon says to quote the value', () => {
  it('recognises the case from the error code and the line, wherever the key stands', () => {
    expect(syntaxHint('BLOCK_AS_IMPLICIT_KEY', 'title: Observation: till procedures')).toContain('title: "Observation: till procedures"');
    expect(syntaxHint('BLOCK_AS_IMPLICIT_KEY', '    - title: Use "the" till: procedures')).toContain('title: "Use \\"the\\" till: procedures"');
    expect(syntaxHint('BLOCK_AS_IMPLICIT_KEY', '  notes:')).toBeUndefined();
    expect(syntaxHint('MISSING_CHAR', 'title: Observation: till procedures')).toBeUndefined();
  });

  it('folio check gives the advice at the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-colon-'));
    try {
      cpSync(`${FIXTURES}centre`, dir, { recursive: true });
      const file = join(dir, 'specs/units/Y-600-0003.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Observation: till procedures'));
      const r = await folio(['check', '-C', dir, '--as-of', '2026-11-22', '-f', 'json']);
      const found = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'yaml-syntax');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: 'specs/units/Y-600-0003.yaml', line: 2 });
      expect(found[0].message).toContain('put the value in quotes, title: "Observation: till procedures"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('"did you mean" for criteria: near by the shape of the id, not by edits alone', () => {
  const ids = ['1.1', '1.2', '2.1', '4.1', '4.2', '4.3'];
  it('suggests nothing for a criterion with no neighbour in its outcome', () => {
    expect(closestCriterion('4.7', ids)).toBeUndefined();
    expect(closestCriterion('5.1', ids)).toBeUndefined();
  });
  it('suggests a mistyped separator, the next number, or outcome and number swapped', () => {
    expect(closestCriterion('4,2', ids)).toBe('4.2');
    expect(closestCriterion('4.4', ids)).toBe('4.3');
    expect(closestCriterion('2.3', ['3.2', '1.1'])).toBe('3.2');
    expect(closestCriterion('4.10', ['4.8', '4.9'])).toBe('4.9');
  });
  it('falls back to edit distance for ids of another shape', () => {
    expect(closestCriterion('a1', ['a1x', 'zz'])).toBe('a1x');
  });
  it('names every candidate equally near, or none', () => {
    expect(nearest('NT-014', ['NT-0142', 'NT-0147', 'NT-0151'])).toEqual(['NT-0142', 'NT-0147']);
    expect(nearest('zzz', ['NT-0142'])).toEqual([]);
  });
});

describe('"did you mean" for what is named on the command line', () => {
  const AS_OF = ['--as-of', '2026-11-22'];
  it('learner ids: every folder equally near, or the plain advice when none is', async () => {
    const r = await folio(['status', 'NT-014', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('folio: no learner NT-014 in portfolios/: did you mean "NT-0142" or "NT-0147"? (a learner is named by the folder that holds their portfolio.yaml)\n');
    expect((await folio(['gaps', 'NT-0124', ...AS_OF])).stderr).toContain('did you mean "NT-0142"?');
    expect((await folio(['history', 'NT-0124'])).stderr).toContain('did you mean "NT-0142"?');
    const far = await folio(['status', 'XX-1', ...AS_OF]);
    expect(far.stderr).toBe('folio: no learner XX-1 in portfolios/: a learner is named by the folder that holds their portfolio.yaml\n');
  });

  it('staff ids, for --assessor', async () => {
    expect((await folio(['status', '--assessor', 'a.jone', ...AS_OF])).stderr).toContain('not on the staff list in portfolios/centre.yaml: did you mean "a.jones"?');
    expect((await folio(['gaps', '--assessor', 'zzz', ...AS_OF])).stderr).not.toContain('did you mean');
  });

  it('qualifications and assessors, for learner add', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-add-'));
    try {
      cpSync(`${FIXTURES}centre`, dir, { recursive: true });
      const q = await folio(['learner', 'add', 'N-1', '--name', 'N', '--qualification', '600/1243/1', '-C', dir]);
      expect(q.stderr).toContain('no qualification "600/1243/1" in specs/qualifications/: did you mean "600/1234/1"?');
      // only staff with the assessor role are suggested
      const staff = await folio(['learner', 'add', 'N-1', '--name', 'N', '--qualification', '600/1234/1', '--assessor', 'm.hughe', '-C', dir]);
      expect(staff.code).toBe(2);
      expect(staff.stderr).not.toContain('did you mean');
      const near = await folio(['learner', 'add', 'N-1', '--name', 'N', '--qualification', '600/1234/1', '--assessor', 'a.jnoes', '-C', dir]);
      expect(near.stderr).toContain('with the assessor role: did you mean "a.jones"?');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('unit numbers, for --unit and spec show, a swap of two digits counting as one slip', async () => {
    expect((await folio(['status', '--unit', 'A/506/2103', ...AS_OF])).stderr).toContain('no such unit in specs/units/: did you mean "A/506/2130"?');
    expect((await folio(['spec', 'show', 'A/506/2103'])).stderr).toContain('did you mean "A/506/2130"?');
    expect((await folio(['spec', 'show', '60/3734/4'])).stderr).toContain('did you mean "601/3734/4"?');
    const far = await folio(['spec', 'show', '4.7']);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('"folio spec list" shows what there is');
  });
});

describe('an unreadable learner in the cohort table', () => {
  it('appears as unreadable with its error count, never vanishes', async () => {
    const r = await folio(['status', '-C', `${FIXTURES}broken`, '--as-of', '2026-11-22']);
    expect(r.stdout).toMatch(/^B-BOUNDS-DEEP +1 error +unreadable$/m);
    expect(r.stdout).toMatch(/^8 learners as of 2026-11-22: .*, 2 unreadable\.$/m);
    const json = JSON.parse((await folio(['status', '-C', `${FIXTURES}broken`, '--as-of', '2026-11-22', '-f', 'json'])).stdout);
    expect(json.learners.map((l: { id: string }) => l.id)).not.toContain('B-BOUNDS-DEEP');
  });

  it('the note on stderr appears only when something was left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-unreadable-'));
    try {
      cpSync(`${FIXTURES}centre`, dir, { recursive: true });
      const clean = await folio(['status', '-C', dir, '--as-of', '2026-11-22']);
      expect(clean.stderr).toBe('');
      mkdirSync(join(dir, 'portfolios/Z-BAD'));
      writeFileSync(join(dir, 'portfolios/Z-BAD/portfolio.yaml'), 'learner: [unclosed\n');
      const table = await folio(['status', '-C', dir, '--as-of', '2026-11-22']);
      expect(table.stdout).toMatch(/^Z-BAD +1 error +unreadable$/m);
      expect(table.stderr).toBe('');
      // the JSON has no place for them: the note says something was left out
      const json = await folio(['status', '-C', dir, '--as-of', '2026-11-22', '-f', 'json']);
      expect(json.stderr).toContain('1 error in the centre\'s files; results leave out what could not be read');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
