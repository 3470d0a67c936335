// Tables on real names: CJK, accents written decomposed, an emoji and a long name
// (test/fixtures/names), drawn at terminal widths 60, 80 and 120 and piped. Columns are measured
// by display width, names are cut only when the terminal is too narrow, and piped output is cut
// only when COLUMNS asks.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { cut, displayWidth } from '../src/render/table.js';
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
});
