// Issue 14, part 3: safe output in every format. A copy of the sample centre whose learner
// folder and names carry newlines, escape sequences, OSC 8 links, a bidi override and
// spreadsheet formulas: no human format may pass a control character through, no line may
// start a GitHub workflow command but folio's own annotations, no CSV cell may be a formula,
// JSON stays exact, and check reports each unsafe name where it is.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS, guarded, text } from '../src/render/registry.js';
import { csvCell, quote, visible } from '../src/render/safe.js';
import { folio, REPO } from './helpers.js';

// No "/" in it: it is one folder name.
const FOLDER = 'NT-9\n::error::pwned\u001b[2J\u001b]8;;http:x\u0007link\u001b]8;;\u0007\u202eALL PASSED';
const NAME = '=HYPERLINK("http:x")\u001b[2J\nALL PASSED';
const TITLE = '=HYPERLINK("http:evil","x")';
const PLAIN_COMMAND = '::error::bare';
const FORMULA_FOLDER = '@SUM(1+1)';
const AS_OF = '2026-06-30';

// Raw characters no output may carry: C0 but tab and newline, DEL, C1, separators, bidi.
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-output-'));
  cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
  cpSync(join(REPO, 'portfolios'), join(dir, 'portfolios'), { recursive: true });
  renameSync(join(dir, 'portfolios/NT-0147'), join(dir, 'portfolios', FOLDER));
  const file = join(dir, 'portfolios', FOLDER, 'portfolio.yaml');
  const yaml = readFileSync(file, 'utf8')
    .replace('learner: { name: Daniel Kowalski,', `learner: { name: ${JSON.stringify(NAME)},`)
    .replace('title: Personal development plan agreed with team leader', `title: ${JSON.stringify(TITLE)}`);
  expect(yaml).toContain(JSON.stringify(TITLE));
  writeFileSync(file, yaml);
  renameSync(join(dir, 'portfolios/NT-0151'), join(dir, 'portfolios', PLAIN_COMMAND));
  renameSync(join(dir, 'portfolios/NT-0153'), join(dir, 'portfolios', FORMULA_FOLDER));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => folio([...args, '--as-of', AS_OF, '-C', dir]);

/** Every line GitHub's runner would take as a workflow command (it trims leading white space). */
const commandLines = (out: string) => out.split(/\r\n|\r|\n/).filter((l) => /^[\s\u0085]*::/.test(l) || l.includes('##['));

/** RFC 4180 cells, to look at each one's first character. */
function csvCells(csv: string): string[] {
  const cells: string[] = [];
  const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,\n]*))/gy;
  for (const line of csv.split('\n').filter(Boolean)) {
    re.lastIndex = 0;
    // Quoted cells hold no raw newline any more, so a line is a row.
    for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
  }
  return cells;
}

const FORMATS = {
  check: ['table', 'json', 'csv', 'markdown', 'github', 'junit', 'sarif', 'codeclimate'],
  status: ['table', 'json', 'csv', 'markdown'],
  gaps: ['table', 'json', 'csv', 'markdown', 'github', 'junit', 'sarif', 'codeclimate'],
} as const;

describe('every format of check, status and gaps on hostile names', () => {
  for (const [command, formats] of Object.entries(FORMATS)) {
    for (const format of formats) {
      it(`${command} --format ${format}`, async () => {
        const r = await run([command, '--format', format, '--fail-on', 'never']);
        expect(r.code).toBe(0);
        for (const out of [r.stdout, r.stderr]) {
          expect(out).not.toMatch(RAW);
          const commands = commandLines(out);
          if (format === 'github' && out === r.stdout) {
            // folio's own annotations, one per line, with every user value escaped inside them
            for (const l of commands) expect(l).toMatch(/^::(error|warning|notice) [^:]*::/);
            expect(commands.length).toBe(out.split('\n').filter(Boolean).length);
            expect(out).not.toContain('##[');
          } else expect(commands).toEqual([]);
        }
        if (format === 'csv') {
          const cells = csvCells(r.stdout);
          expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
          if (command !== 'check') expect(cells).toContain(`'${FORMULA_FOLDER}`);
          if (command !== 'check') expect(cells).toContain(`'${visible(NAME)}`);
        }
        if (format === 'table' && command !== 'check') expect(r.stdout).toContain('NT-9\\n:');
      });
    }
  }
});

describe('JSON keeps the exact names', () => {
  it('status', async () => {
    const doc = JSON.parse((await run(['status', '--format', 'json'])).stdout);
    const l = doc.learners.find((x: { id: string }) => x.id === FOLDER);
    expect(l.name).toBe(NAME);
    expect(doc.learners.map((x: { id: string }) => x.id)).toContain(PLAIN_COMMAND);
  });
  it('gaps and check', async () => {
    const gaps = JSON.parse((await run(['gaps', '--format', 'json'])).stdout);
    expect(gaps.gaps.some((g: { learner: string }) => g.learner === FOLDER)).toBe(true);
    const check = JSON.parse((await run(['check', '--format', 'json', '--fail-on', 'never'])).stdout);
    expect(check.diagnostics.some((d: { file: string }) => d.file === `portfolios/${FOLDER}/portfolio.yaml`)).toBe(true);
  });
});

describe('unsafe-text findings', () => {
  it('reports the folder name on the portfolio as a whole, and the learner name where it is', async () => {
    const r = await run(['check', '--format', 'json']);
    expect(r.code).toBe(1);
    const unsafe = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'unsafe-text');
    const file = `portfolios/${FOLDER}/portfolio.yaml`;
    expect(unsafe.map((d: { file: string; line: number; severity: string }) => [d.file, d.line, d.severity])).toEqual([
      [file, 0, 'error'],
      [file, 3, 'error'],
    ]);
    // The message quotes a short excerpt, made visible.
    for (const d of unsafe) {
      expect(d.message).not.toMatch(RAW);
      expect(d.message.length).toBeLessThan(260);
    }
    // A formula is text, not a finding; nor is a folder named like a command (its outputs are guarded).
    expect(JSON.parse(r.stdout).diagnostics.filter((d: { file: string; code: string }) => d.code === 'unsafe-text' && !d.file.includes('NT-9'))).toEqual([]);
  });

  it('reports staff and witness names with escape sequences', async () => {
    const centre = join(dir, 'portfolios/centre.yaml');
    const portfolio = join(dir, 'portfolios', PLAIN_COMMAND, 'portfolio.yaml');
    const before = [readFileSync(centre, 'utf8'), readFileSync(portfolio, 'utf8')] as const;
    try {
      writeFileSync(centre, before[0].replace('name: Alex Jones', 'name: "Alex\\e[31m Jones"'));
      writeFileSync(portfolio, before[1].replace('name: Imran Ahmed', 'name: "Imran\\u2067 Ahmed"'));
      const r = await run(['check', '--format', 'json']);
      const found = JSON.parse(r.stdout).diagnostics.filter((x: { code: string }) => x.code === 'unsafe-text');
      expect(found.find((x: { file: string }) => x.file === 'portfolios/centre.yaml')).toMatchObject({ line: 8, column: 26, severity: 'error' });
      expect(found.find((x: { file: string }) => x.file === 'portfolios/centre.yaml').message).toContain('\\x1b');
      expect(found.find((x: { file: string }) => x.file.startsWith(`portfolios/${PLAIN_COMMAND}/`))).toMatchObject({ line: 10, severity: 'error' });
    } finally {
      writeFileSync(centre, before[0]);
      writeFileSync(portfolio, before[1]);
    }
  });
});

describe('messages', () => {
  it('quote at most a short excerpt of a value', async () => {
    const file = join(dir, 'portfolios', FORMULA_FOLDER, 'portfolio.yaml');
    const before = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, `${before}\n${'k'.repeat(900)}: 1\n`);
      const r = await run(['check', '--format', 'json']);
      const d = JSON.parse(r.stdout).diagnostics.find((x: { code: string }) => x.code === 'unknown-key');
      expect(d.message).toContain(`unknown key "${'k'.repeat(59)}…"`);
      expect(d.message.length).toBeLessThan(300);
    } finally {
      writeFileSync(file, before);
    }
  });
});

describe('stderr', () => {
  it('shows a learner named on the command line escaped', async () => {
    const r = await run(['status', 'NT-x\u001b[2J\n::error::x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NT-x\\x1b[2J\\n::error::x');
    expect(r.stderr).not.toMatch(RAW);
    expect(commandLines(r.stderr)).toEqual([]);
  });
});

describe('the helpers', () => {
  it('keep numbers folio writes as numbers, and neutralise text that is a formula', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-3')).toBe(`"'-3"`);
    expect(csvCell('@x')).toBe(`"'@x"`);
    expect(csvCell('\tx')).toBe(`"'\\tx"`);
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('2026-06-30')).toBe('2026-06-30');
  });

  it('quote an excerpt', () => {
    const long = 'x'.repeat(500);
    expect(quote(long)).toBe(`"${'x'.repeat(59)}…"`);
    expect(quote('a\u001b[2Jb')).toBe('"a\\x1b[2Jb"');
  });

  it('make the history and progress formatters safe', () => {
    const timeline = {
      learner: { id: FOLDER, name: NAME, qualification: '601/3734/4' },
      examined: 1,
      folders: [FOLDER, 'old\u001b[2J'],
      shallow: false,
      commits: [
        {
          id: 'a'.repeat(40),
          parents: [],
          author: { name: 'Eve\u001b]8;;x\u0007', email: 'e@x', date: '2026-01-01T00:00:00Z' },
          committer: { name: 'Eve', email: 'e@x', date: '2026-01-01T00:00:00Z' },
          subject: '##[error]x',
          boundary: false,
          changes: [{ kind: 'decision' as const, evidence: 'E1\n::error::x', to: 'accepted by =cmd' }],
        },
      ],
    };
    const progress = { by: 'month' as const, since: '2026-01-01', until: '2026-01-31', periods: [{ id: '2026-01', end: '2026-01-31', commit: 'a'.repeat(40) }], learners: [{ id: FOLDER, name: NAME, series: [null] }] };
    const render = { color: false, width: 80 };
    for (const format of ['table', 'csv']) {
      for (const [command, data] of [['history', timeline], ['progress', progress]] as const) {
        const f = (FORMATTERS[command] as Record<string, (d: never, o: typeof render) => string>)[format]!;
        const out = text(guarded(format, f(data as never, render), false));
        expect(out).not.toMatch(RAW);
        expect(commandLines(out)).toEqual([]);
        if (format === 'csv') expect(csvCells(out).filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
      }
    }
  });
});
