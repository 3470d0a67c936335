// Every command example in the README runs as shown. Each `$ ` line of a fenced block (outside
// "From an empty folder to a checked centre", which test/walkthrough.test.ts runs from the
// packed tarball, and "Install", whose blocks it runs too) is run here, in one of two places:
//   - the sample centre (this repository), for commands that name no demo folder;
//   - a demo repository, for commands that name /tmp/northgate…: the README builds each one
//     with `node scripts/NAME-demo.mjs /tmp/…`, and those lines are run first, into a
//     temporary folder that stands in for the /tmp path in the commands and their output.
// The output shown must be what the command prints (stdout and stderr together, as a terminal
// shows them, 80 columns, no colour): a line that is only "…" stands for lines left out, every
// other line must be printed as shown, in order and next to its neighbours. The exit code must
// be 1 when the output shows an error finding, else 0. An inline `npx folio …` in the prose
// (a suggestion to try) must run without a usage error. A block that only a test can replay
// (commits made now, by several people) is marked `<!-- readme-examples: FILE runs this -->`
// just before it: FILE must exist and run the same subcommands with the same options.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

/** One `$ ` command of a README block, with the output shown under it. */
interface Example {
  command: string;
  shown: string[];
  line: number;
  /** The test file that replays this block instead (the README's marker before it). */
  ranBy?: string;
}

const RUN_ELSEWHERE = ['From an empty folder to a checked centre', 'Install'];
const DEMO_PATH = /\/tmp\/northgate[\w-]*/g;
const ERROR_FINDING = /: error: .*\[[a-z-]+\]$/;

function examples(readme: string): Example[] {
  const out: Example[] = [];
  let section = '';
  let inBlock = false;
  let marker: string | undefined;
  let ranBy: string | undefined;
  let current: Example | undefined; // the command the block's lines are shown under
  readme.split('\n').forEach((text, i) => {
    if (!inBlock && text.startsWith('## ')) section = text.slice(3);
    const mark = /^<!-- readme-examples: (\S+) runs this/.exec(text);
    if (!inBlock && mark) marker = mark[1];
    if (/^\s*```/.test(text)) {
      inBlock = !inBlock;
      ranBy = inBlock ? marker : undefined;
      if (inBlock) marker = undefined;
      current = undefined;
      return;
    }
    if (!inBlock || RUN_ELSEWHERE.includes(section)) return;
    if (text.startsWith('$ ')) out.push((current = { command: text.slice(2), shown: [], line: i + 1, ...(ranBy ? { ranBy } : {}) }));
    else current?.shown.push(text.trimEnd());
  });
  for (const e of out) while (e.shown.length && e.shown[e.shown.length - 1] === '') e.shown.pop();
  return out;
}

/** Does printed hold shown: the runs between "…" lines, each contiguous, in order; anchored at
 * the start and end unless the shown output opens or closes with "…". */
function holds(printed: string[], shown: string[]): string | null {
  const runs: string[][] = [[]];
  for (const l of shown) if (l.trim() === '…') runs.push([]);
    else runs[runs.length - 1]!.push(l);
  const openEnd = shown.length > 0 && shown[shown.length - 1]!.trim() === '…';
  let at = 0;
  for (const [k, run] of runs.entries()) {
    if (!run.length) continue;
    const anchored = k === 0;
    let found = -1;
    for (let i = at; i + run.length <= printed.length; i++) {
      if (run.every((l, j) => printed[i + j] === l)) {
        found = i;
        break;
      }
      if (anchored) break;
    }
    if (found < 0) return `not printed${anchored ? ' at the start' : ' in order'}:\n${run.join('\n')}`;
    at = found + run.length;
  }
  if (!openEnd && runs[runs.length - 1]!.length && printed.slice(at).some((l) => l.trim())) return `printed more after:\n${runs[runs.length - 1]!.join('\n')}\n--- then ---\n${printed.slice(at, at + 5).join('\n')}`;
  return null;
}

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const all = examples(readme);
const isDemoBuild = (e: Example) => /^node scripts\/[\w-]+-demo\.mjs /.test(e.command);
const scratch = mkdtempSync(join(tmpdir(), 'folio-readme-'));
const demos = new Map<string, string>();
const built = new Map<number, { code: number; printed: string[] }>();
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(FOLIO_|GIT_|VITEST|NODE_OPTIONS|COLUMNS|FORCE_COLOR)/i.test(k))), NO_COLOR: '1', COLUMNS: '80', FOLIO_CACHE: 'off', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function localise(text: string): string {
  return text.replace(DEMO_PATH, (p) => {
    if (!demos.has(p)) demos.set(p, join(scratch, p.slice('/tmp/'.length)));
    return demos.get(p)!;
  });
}

function run(command: string): { code: number; printed: string[] } {
  const r = spawnSync('sh', ['-c', `${localise(command)} 2>&1`], { cwd: REPO, env, encoding: 'utf8', timeout: 120_000 });
  const printed = r.stdout.replace(/\n$/, '').split('\n').map((l) => l.trimEnd());
  return { code: r.status ?? -1, printed };
}

beforeAll(() => {
  for (const e of all.filter(isDemoBuild)) built.set(e.line, run(e.command));
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('README command examples', () => {
  it('finds the examples, and every demo folder a command names is built by a command before it runs', () => {
    expect(all.length).toBeGreaterThan(10);
    const builds = all.filter(isDemoBuild).flatMap((e) => e.command.match(DEMO_PATH) ?? []);
    for (const e of all.filter((x) => !isDemoBuild(x))) for (const [, p] of e.command.matchAll(/-C (\/tmp\/northgate[\w-]*)/g)) expect(builds, `line ${e.line}: ${e.command}`).toContain(p);
  });

  it('finds the shown output of a command: the lines under it up to the next command', () => {
    const found = examples('## A\n```\n$ a\nx\n…\ny\n\n$ b\n```\n$ c\n```\n$ d\n```\n');
    expect(found.map((e) => [e.command, e.shown])).toEqual([['a', ['x', '…', 'y']], ['b', []], ['d', []]]);
    expect(holds(['x', 'q', 'y'], ['x', '…', 'y'])).toBeNull();
    expect(holds(['q', 'x', 'y'], ['x', '…', 'y'])).toMatch(/at the start/);
    expect(holds(['x', 'y', 'z'], ['x', '…', 'y'])).toMatch(/printed more/);
    expect(holds(['x', 'z', 'y'], ['x', 'y'])).toMatch(/printed more|not printed/);
    expect(holds(['a', 'b', 'c'], ['…', 'b', '…'])).toBeNull();
  });

  for (const e of all.filter((x) => x.ranBy)) {
    it(`line ${e.line}, replayed by ${e.ranBy}: ${e.command}`, () => {
      const test = readFileSync(join(REPO, e.ranBy!), 'utf8');
      const words = e.command.replace(/"[^"]*"/g, '').split(/\s+/);
      const sub = words.slice(2).filter((w) => /^[a-z]+$/.test(w)).slice(0, 2);
      expect(test, `${e.ranBy} runs folio ${sub.join(' ')}`).toContain(`'${sub[0]}'`);
      for (const flag of words.filter((w) => /^--[a-z-]+$/.test(w))) expect(test, `${e.ranBy} uses ${flag}`).toContain(`'${flag}'`);
    });
  }

  for (const e of all.filter((x) => !x.ranBy)) {
    it(`line ${e.line}: ${e.command}`, () => {
      const r = built.get(e.line) ?? run(e.command);
      const shown = e.shown.map(localise);
      const detail = `README line ${e.line}: ${e.command}\n--- printed ---\n${r.printed.join('\n')}`;
      expect(r.code, detail).toBe(shown.some((l) => ERROR_FINDING.test(l)) ? 1 : 0);
      if (shown.length) expect(holds(r.printed, shown), detail).toBeNull();
    }, 120_000);
  }

  for (const [, command] of readme.matchAll(/`(npx folio [^`]+)`/g)) {
    it(`suggested in the prose: ${command}`, () => {
      const r = run(command!);
      expect([0, 1], r.printed.join('\n')).toContain(r.code);
    });
  }
});
