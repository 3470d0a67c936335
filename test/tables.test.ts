// Tables on real names: CJK, accents written decomposed, an emoji and a long name
// (test/fixtures/names), drawn at terminal widths 60, 80 and 120 and piped. Columns are measured
// by display width, names are cut only when the terminal is too narrow, and piped output is cut
// only when COLUMNS asks.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { SUMMARY_FROM } from '../src/render/check.js';
import { fit, pad } from '../src/render/style.js';
import { cut, displayWidth, table } from '../src/render/table.js';
import { FIXTURES, REPO } from './helpers.js';

const NAMES = `${FIXTURES}names`;
const AS_OF = ['--as-of', '2026-06-30'];

/** stdout of folio on a terminal `columns` wide (colour off), or piped when columns is absent. */
async function run(args: string[], columns?: number, env: Record<string, string> = {}): Promise<string> {
  let stdout = '';
  await main([...args, '-C', NAMES, ...(args[0] === 'spec' ? [] : AS_OF)], {
    stdout: (s) => (stdout += s),
    stderr: () => {},
    cwd: REPO,
    env: { FOLIO_CACHE: 'off', NO_COLOR: '1', ...env },
    stdoutIsTTY: columns !== undefined,
    columns,
  });
  return stdout;
}

const VIEWS = [
  ['status', ['status']],
  ['learner', ['status', 'N-LONG']],
  ['spec-list', ['spec', 'list']],
  ['gaps', ['gaps', 'N-LONG']],
] as const;

describe('tables at several widths', () => {
  it.each(VIEWS)('%s', async (name, args) => {
    const parts: string[] = [];
    for (const w of [60, 80, 120]) parts.push(`--- a terminal ${w} columns wide ---\n${await run([...args], w)}`);
    parts.push(`--- piped, no COLUMNS ---\n${await run([...args])}`);
    await expect(parts.join('\n')).toMatchFileSnapshot(`__golden__/tables-${name}.txt`);
  });

  it('measures columns by display width: every row of the cohort lines up', async () => {
    const out = await run(['status']);
    const lines = out.split('\n').slice(0, 5);
    const starts = lines.map((line) => displayWidth(line.slice(0, line.search(/Qualification|600\/1234\/1/))));
    expect(new Set(starts).size, out).toBe(1);
    expect(out).toContain('王小明');
    expect(out).toContain('José Núñez'.normalize('NFD'));
  });

  it('cuts names only when the terminal is too narrow', async () => {
    expect(await run(['status'], 120)).toContain('Maximiliana Alexandra Fitzgerald-Worthington');
    expect(await run(['status'], 80)).toMatch(/Maximiliana Al\S*…/);
    for (const line of (await run(['status'], 80)).split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('piped, uses COLUMNS when set and otherwise does not cut', async () => {
    expect(await run(['status'], undefined, { COLUMNS: '80' })).toBe(await run(['status'], 80));
    const piped = await run(['status']);
    expect(piped).toContain('Maximiliana Alexandra Fitzgerald-Worthington');
    expect(piped).not.toContain('…');
  });

  it('never counts ANSI colour in a width', async () => {
    let coloured = '';
    await main(['status', '-C', NAMES, ...AS_OF], { stdout: (s) => (coloured += s), stderr: () => {}, cwd: REPO, env: { FOLIO_CACHE: 'off' }, stdoutIsTTY: true, columns: 80 });
    expect(coloured).toContain('\u001b[');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(await run(['status'], 80));
  });

  it('cuts by display width and whole characters, never inside an emoji', () => {
    expect(cut('王小明王小明', 7)).toBe('王小明…');
    expect(cut('🌟🌟🌟🌟', 6)).toBe('🌟🌟…');
    expect(cut('José Núñez'.normalize('NFD'), 10)).toBe('José Núñez'.normalize('NFD'));
    expect(cut('José Núñez'.normalize('NFD'), 8)).toBe('José Nú…'.normalize('NFD'));
    expect(displayWidth('\u001b[31mred\u001b[39m')).toBe(3);
  });

  it('pads and fits the lines drawn without a table (a criterion of --detail) by display width too', () => {
    for (const s of ['王小明', 'Sam 🌟', 'José Núñez'.normalize('NFD'), 'E01 E02']) expect(displayWidth(pad(s, 12))).toBe(12);
    expect(displayWidth(pad('\u001b[32mmet\u001b[39m', 7))).toBe(7);
    expect(fit('王小明王小明', 7)).toBe('王小明…');
    expect(fit('anything', 0)).toBe('');
  });

  it('fits a narrow terminal: the name gives way first, then the qualification, credits and units are left out', async () => {
    for (const w of [40, 50, 60, 66, 80]) {
      const out = await run(['status'], w);
      // 42 columns is the floor: learner, a name cut to 8, met, status and gaps.
      for (const line of out.split('\n')) expect(displayWidth(line), `${w}: ${line}`).toBeLessThanOrEqual(Math.max(w, 42));
      for (const kept of ['Learner', 'Name', 'Met', 'Status', 'Gaps', 'N-LONG', 'in-progress']) expect(out, `${w}`).toContain(kept);
    }
    expect(await run(['status'], 80)).toContain('Qualification');
    const at60 = await run(['status'], 60);
    expect(at60).not.toContain('Qualification');
    expect(at60).toContain('Credits');
    expect(await run(['status'], 40)).not.toMatch(/Credits|Units/);
    expect(await run(['status'], 120)).toContain('Maximiliana Alexandra Fitzgerald-Worthington');
  });

  it('leaves columns out in the order given, and renumbers the right-aligned and shrinking ones', () => {
    const drawn = table(['a', 'long', 'b', 'n'], [['x', 'a long name here', 'yyyyyyyy', '7']], { width: 16, right: [3], shrink: 1, min: 4, drop: [2] });
    expect(drawn.split('\n')).toEqual(['a  long        n', 'x  a long na…  7']);
    // Cutting the name to its narrowest is enough at 20: nothing is left out.
    expect(table(['a', 'long', 'b', 'n'], [['x', 'a long name here', 'yyyyyyyy', '7']], { width: 20, right: [3], shrink: 1, min: 4, drop: [2] })).toContain('yyyyyyyy');
    expect(table(['a', 'b'], [['x', 'y']], { width: 80, drop: [1] })).toBe('a  b\nx  y');
  });

  it('closes a long check with a table of counts by check, and a short one without', async () => {
    let long = '';
    await main(['check', '-C', `${FIXTURES}broken`], { stdout: (s) => (long += s), stderr: () => {}, cwd: REPO, env: { FOLIO_CACHE: 'off', NO_COLOR: '1' }, stdoutIsTTY: true, columns: 80 });
    const [, errors, warnings] = /(\d+) errors? and (\d+) warnings?/.exec(long)!;
    const rows = [...long.matchAll(/^([a-z-]+) +(\d+) +(\d+) +(\d+)$/gm)];
    expect(long).toMatch(/^Check +Errors +Warnings +Files$/m);
    expect(rows.reduce((a, r) => a + Number(r[2]), 0)).toBe(Number(errors));
    expect(rows.reduce((a, r) => a + Number(r[3]), 0)).toBe(Number(warnings));
    const findings = [...long.matchAll(/: (error|warning): .*\[([a-z-]+)\]$/gm)];
    expect(findings.length).toBeGreaterThanOrEqual(SUMMARY_FROM);
    for (const r of rows) expect(findings.filter((f) => f[2] === r[1]).length).toBe(Number(r[2]) + Number(r[3]));
    let short = '';
    await main(['check', '-C', NAMES], { stdout: (s) => (short += s), stderr: () => {}, cwd: REPO, env: { FOLIO_CACHE: 'off', NO_COLOR: '1' }, stdoutIsTTY: true, columns: 80 });
    expect(short).not.toContain('Warnings');
  });
});
