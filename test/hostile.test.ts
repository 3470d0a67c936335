// A battery of hostile inputs (issue 14), written black-box from README.md, DESIGN.md and the
// issue alone: every case builds a copy of the fixture centre (test/fixtures/centre) in a
// temporary folder, does one hostile thing to it, and asserts only behaviour that a correct
// folio must show, never the wording of a message. Where the exact behaviour is a judgement
// call, the test asserts the minimum any sound design meets and says so in a comment.
//
// Most cases run folio in-process (test/helpers.ts). Cases that can hang or exhaust memory in
// today's code (resource bombs, -o onto a FIFO) run folio in a child process with a time limit,
// from a transpiled copy of src/ made once in a temporary folder (the in-process runner cannot
// be interrupted by a test timeout).
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupRepos, makeRepo, runIn, type TestRepo } from './git-repo.js';
import { folio, REPO, type Run } from './helpers.js';

const FIXTURE = join(REPO, 'test/fixtures/centre');
const AS_OF = '2026-11-01';
const TMP = mkdtempSync(join(tmpdir(), 'folio-hostile-'));
afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
  cleanupRepos();
}, 120_000);
// The child-process runner (see buildRunner), made once for the FIFO and resource bomb cases.
beforeAll(() => {
  buildRunner();
}, 120_000);

// The learner add race (see 'writing under faults'), started early: it takes seconds of waiting.
let race: Promise<RaceResult> | undefined;
beforeAll(() => {
  race = learnerAddRace();
  race.catch(() => undefined);
});

let n = 0;
/** A fresh copy of the fixture centre. */
function centre(): string {
  const dir = join(TMP, `centre-${++n}`);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}
function put(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
function outside(name: string): string {
  const dir = join(TMP, `outside-${++n}`);
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

interface Diag {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}
function diags(r: Run): Diag[] {
  return (JSON.parse(r.stdout) as { diagnostics: Diag[] }).diagnostics;
}
async function checkJson(dir: string, extra: string[] = []): Promise<{ run: Run; diagnostics: Diag[] }> {
  const run = await folio(['check', '-C', dir, '--as-of', AS_OF, '--format', 'json', ...extra]);
  return { run, diagnostics: diags(run) };
}
interface StatusLearner {
  id: string;
  name: string;
  status: string;
  progress: { criteriaMet: number; criteriaTotal: number; unitsAchieved: number };
  units: { id: string; status: string; criteria?: { id: string; status: string; evidence: string[] }[] }[];
}
async function statusJson(dir: string, extra: string[] = []): Promise<StatusLearner[]> {
  const r = await folio(['status', '-C', dir, '--as-of', AS_OF, '--format', 'json', ...extra]);
  expect(r.code, r.stderr).not.toBe(2);
  return (JSON.parse(r.stdout) as { learners: StatusLearner[] }).learners;
}
const STACK = /^\s{4}at /m;

// ---------------------------------------------------------------------------------------------
// A child-process runner for the cases that may hang: src/ transpiled once (no type check).
let RUNNER = '';
function buildRunner(): string {
  if (RUNNER) return RUNNER;
  const root = join(TMP, 'build');
  const require = createRequire(import.meta.url);
  const ts = require('typescript') as typeof import('typescript');
  const walk = (d: string): string[] => readdirSync(d).flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)]));
  const src = join(REPO, 'src');
  for (const file of walk(src)) {
    const out = join(root, 'dist', relative(src, file));
    mkdirSync(dirname(out), { recursive: true });
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      const js = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }, fileName: file });
      writeFileSync(out.replace(/\.ts$/, '.js'), js.outputText);
    } else writeFileSync(out, readFileSync(file));
  }
  for (const link of ['node_modules', 'package.json', 'schemas']) symlinkSync(join(REPO, link), join(root, link));
  writeFileSync(
    join(root, 'run.mjs'),
    `import { main } from './dist/cli.js';\nprocess.exitCode = await main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd(), env: process.env, stdoutIsTTY: false, stderrIsTTY: false });\n`,
  );
  RUNNER = join(root, 'run.mjs');
  return RUNNER;
}
interface ChildRun extends Run {
  ms: number;
  /** CPU seconds (user + system) of the folio process, from /proc while it ran. */
  cpuMs: number;
  /** Peak resident memory (VmHWM) seen while it ran, in bytes. */
  peakRss: number;
  timedOut: boolean;
  outBytes: number;
}
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
/** folio in a child process, killed once it has used cpuLimitMs of CPU or wallLimitMs of wall
 * time (whichever first: CPU time is what a limit means on a loaded machine, the wall limit
 * stops a process starved of CPU from holding the run); output kept up to a cap, its size
 * counted. */
function child(args: string[], opts: { cwd: string; timeoutMs: number; wallLimitMs?: number; env?: Record<string, string> }): Promise<ChildRun> {
  const runner = buildRunner();
  const CAP = 4 << 20;
  return new Promise((resolve) => {
    const start = Date.now();
    const p = spawn(process.execPath, ['--max-old-space-size=1536', '--stack-size=984', runner, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, FOLIO_CACHE: 'off', NO_COLOR: '1', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let outBytes = 0;
    p.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (stdout.length < CAP) stdout += b.toString('utf8');
    });
    p.stderr.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (stderr.length < CAP) stderr += b.toString('utf8');
    });
    let timedOut = false;
    let cpuMs = 0;
    let peakRss = 0;
    const sample = () => {
      try {
        const stat = readFileSync(`/proc/${p.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
        if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
      } catch {
        // gone already
      }
    };
    const timer = setInterval(() => {
      sample();
      if (cpuMs > opts.timeoutMs || Date.now() - start > (opts.wallLimitMs ?? opts.timeoutMs * 3)) {
        timedOut = true;
        p.kill('SIGKILL');
      }
    }, 200);
    p.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr, ms: Date.now() - start, cpuMs, peakRss, timedOut, outBytes });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The issue's race: `learner add` on a centre with 1,500 specs overwrote a portfolio created
// while it ran. A first run measures how long learner add takes here (T); then learner add runs
// again and, T/2 later (or T/4, T/8 if folio had already written by then), the test creates the
// portfolio itself with exclusive creation. A correct folio then refuses (exclusive creation)
// and leaves the test's file alone.
interface RaceResult {
  ours: boolean;
  replaced: boolean;
  code: number;
  stderr: string;
  baselineMs: number;
}
async function learnerAddRace(): Promise<RaceResult> {
  const dir = centre();
  const unit = readFileSync(join(dir, 'specs/units/D-600-0004.yaml'), 'utf8');
  for (let i = 1; i <= 1500; i++) writeFileSync(join(dir, `specs/units/X-${i}.yaml`), unit.replace('unit: D/600/0004', `unit: X/${String(Math.floor(i / 1000)).padStart(3, '0')}/${String(i).padStart(4, '0')}`));
  const add = (id: string) => child(['learner', 'add', id, '--name', 'Race Person', '--qualification', '600/1234/1', '--assessor', 'a.jones'], { cwd: dir, timeoutMs: 60_000 });
  const base = await add('S-BASE');
  const MINE = '# created by the test while learner add ran\n';
  for (const fraction of [0.5, 0.25, 0.125]) {
    const id = `S-RACE-${fraction * 1000}`;
    const file = join(dir, 'portfolios', id, 'portfolio.yaml');
    const running = add(id);
    await new Promise((r) => setTimeout(r, base.ms * fraction));
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, MINE, { flag: 'wx' });
    } catch {
      await running; // folio wrote first: try earlier
      continue;
    }
    const r = await running;
    return { ours: true, replaced: readFileSync(file, 'utf8') !== MINE, code: r.code, stderr: r.stderr, baselineMs: base.ms };
  }
  return { ours: false, replaced: false, code: -1, stderr: '', baselineMs: base.ms };
}

// ---------------------------------------------------------------------------------------------
// Output checks shared by the injection cases.
const ALL_FORMATS = ['table', 'json', 'csv', 'markdown', 'github', 'junit', 'sarif', 'codeclimate'] as const;
/** C0 controls other than tab, LF and CR, DEL, and C1 controls (0x9b is a one-byte CSI). */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A CR not followed by LF (CRLF is allowed: CSV and XML may use it). */
const LONE_CR = /\r(?!\n)/;
function controlsIn(text: string): string | null {
  const m = RAW_CONTROL.exec(text) ?? LONE_CR.exec(text);
  if (!m) return null;
  const at = m.index;
  return `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`;
}
/** Lines a GitHub runner would take as workflow commands, other than folio's own annotations. */
function foreignWorkflowCommands(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((l) => /^\s*::/.test(l) && !/^::(error file=|warning file=|notice)/.test(l));
}
/** RFC 4180 CSV → rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

// =============================================================================================
describe('paths: nothing is read through a link that leaves the centre', () => {
  const SECRET = 'S3CRET-hostile-7f3a9c';
  // A YAML file whose every likely key holds the secret, so any quoted line or value shows it.
  const SECRET_YAML = `secret: ${SECRET}\nunit: ${SECRET}\nqualification: ${SECRET}\ncentre: ${SECRET}\nlearner: ${SECRET}\ntitle: ${SECRET}\n`;

  const linked = [
    { kind: 'unit spec', path: 'specs/units/D-600-0004.yaml' },
    { kind: 'qualification spec', path: 'specs/qualifications/600-1234-1.yaml' },
    { kind: 'centre file', path: 'portfolios/centre.yaml' },
    { kind: 'portfolio', path: 'portfolios/S-NEW/portfolio.yaml' },
  ];
  const cases = linked.flatMap((l) => ALL_FORMATS.map((format) => ({ ...l, format })));

  it.each(cases)('a $kind linked outside the centre: check --format $format never shows its content, exit 1', async ({ path, format }) => {
    const dir = centre();
    const target = outside('secret.yaml');
    writeFileSync(target, SECRET_YAML);
    rmSync(join(dir, path));
    symlinkSync(target, join(dir, path));
    const r = await folio(['check', '-C', dir, '--as-of', AS_OF, '--format', format]);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).not.toContain('S3CRET');
    expect(r.code).toBe(1);
  });

  // The file outside is a valid copy of the one it replaces (with the secret in a comment), so
  // only the link itself can be the error.
  it.each(linked)('a $kind linked outside the centre (valid content) is reported as an error at its own path', async ({ path }) => {
    const dir = centre();
    const target = outside('copy.yaml');
    writeFileSync(target, `# ${SECRET}\n${readFileSync(join(dir, path), 'utf8')}`);
    rmSync(join(dir, path));
    symlinkSync(target, join(dir, path));
    const { run, diagnostics } = await checkJson(dir);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.code).toBe(1);
    expect(diagnostics.some((d) => d.file === path && d.severity === 'error')).toBe(true);
  });

  // A learner folder that is a link to a folder outside the centre, holding a complete
  // portfolio whose evidence is in files. Its evidence must not count, and check must say so.
  function linkedLearner(): string {
    const dir = centre();
    const out = outside('S-OUT');
    mkdirSync(join(out, 'evidence'), { recursive: true });
    for (const e of ['E1', 'E2', 'E3']) writeFileSync(join(out, 'evidence', `${e}.md`), `${e}\n`);
    const portfolio = readFileSync(join(FIXTURE, 'portfolios/S-ACH/portfolio.yaml'), 'utf8')
      .replace('"1000000000"', '"9999999999"')
      .replace(/ref: [^,]+,/g, (m, offset: number) => `file: evidence/E${(offset % 3) + 1}.md,`)
      .replace(/\n  # Assessed after[^\n]*\n  - \{ id: E4[^\n]*/, '');
    writeFileSync(join(out, 'portfolio.yaml'), portfolio);
    symlinkSync(out, join(dir, 'portfolios/S-OUT'));
    return dir;
  }

  it('a learner folder linked outside the centre is an error', async () => {
    const dir = linkedLearner();
    const { run, diagnostics } = await checkJson(dir);
    expect(run.code).toBe(1);
    expect(diagnostics.some((d) => d.file.startsWith('portfolios/S-OUT') && d.severity === 'error')).toBe(true);
  });

  it('a learner folder linked outside the centre: its evidence is not counted', async () => {
    const dir = linkedLearner();
    const learners = await statusJson(dir);
    const out = learners.find((l) => l.id === 'S-OUT');
    // Either it is left out of status, or it is shown with nothing counted.
    if (out) {
      expect(out.status).not.toBe('achieved');
      expect(out.progress.criteriaMet).toBe(0);
    }
  });

  // One learner whose only evidence for Y/600/0003 is a file item with the given path.
  function fileItem(path: string): string {
    const dir = centre();
    put(dir, 'portfolios/S-NEW/evidence/E02.md', 'observation record\n');
    const p = join(dir, 'portfolios/S-NEW/portfolio.yaml');
    writeFileSync(
      p,
      readFileSync(p, 'utf8') +
        `evidence:\n  - { id: E02, method: observation, date: 2026-06-10, file: "${path}", covers: { Y/600/0003: [1.1] }, assessment: { by: a.jones, date: 2026-06-11, decision: accepted } }\n`,
    );
    return dir;
  }
  const y11 = (learners: StatusLearner[]) => learners.find((l) => l.id === 'S-NEW')!.units.find((u) => u.id === 'Y/600/0003')!.criteria!.find((c) => c.id === '1.1')!.status;

  it('control: evidence/E02.md counts as an existing file', async () => {
    const dir = fileItem('evidence/E02.md');
    expect((await checkJson(dir)).run.code).toBe(0);
    expect(y11(await statusJson(dir, ['S-NEW', '--detail']))).toBe('met');
  });

  it.each(['evidence/E02.md/.', 'evidence/E02.md/', 'evidence/./E02.md/.'])('evidence path %j is not an existing file: an error, not met', async (path) => {
    const dir = fileItem(path);
    const { run, diagnostics } = await checkJson(dir);
    expect(run.code).toBe(1);
    expect(diagnostics.some((d) => d.file === 'portfolios/S-NEW/portfolio.yaml' && d.severity === 'error')).toBe(true);
    expect(y11(await statusJson(dir, ['S-NEW', '--detail']))).not.toBe('met');
  });
});

// =============================================================================================
describe('output injection: names reach no output raw', () => {
  const NL_FOLDER = 'S-NL\n::error::x';
  const ESC_FOLDER = 'S-ESC\u001b[2J\u001b[HALL PASSED';
  const OSC_FOLDER = 'S-OSC\u001b]0;pwned\u0007\u001b]8;;evil.example\u0007link'; // no slash: one folder
  const BIDI_FOLDER = 'S-BIDI\u202Egpj.exe';
  const FORMULA_FOLDER = '=1+2';
  const ESC_NAME = 'Bad\u001b[2JName';
  const FORMULA = "=cmd|' /C calc'!A0";
  const FORMULA_NAME = '@SUM(1+1)';
  const FORMULA_TITLE = '+cmd|calc';
  const FOLDERS = [NL_FOLDER, ESC_FOLDER, OSC_FOLDER, BIDI_FOLDER, FORMULA_FOLDER];

  let dir = '';
  beforeAll(() => {
    dir = centre();
    const mix = readFileSync(join(FIXTURE, 'portfolios/S-MIX/portfolio.yaml'), 'utf8');
    // The temporary ULN, so the copies do not repeat S-MIX's (a shared-ULN finding is harmless).
    for (const folder of FOLDERS) put(dir, `portfolios/${folder}/portfolio.yaml`, mix.replace('"1000158380"', '"9999999999"'));
    // A learner name with an escape (YAML's \e), one with a formula, an evidence title and a
    // witness name with formulas, a unit title with a formula.
    const p = join(dir, 'portfolios/S-MIX/portfolio.yaml');
    writeFileSync(
      p,
      readFileSync(p, 'utf8')
        .replace('name: Mo Mixed', 'name: "Bad\\e[2JName"')
        .replace('name: Kay Lane', `name: "${FORMULA}"`)
        .replace('ref: Account 2,', `ref: Account 2, title: "${FORMULA_TITLE}",`),
    );
    const rdy = join(dir, 'portfolios/S-RDY/portfolio.yaml');
    writeFileSync(rdy, readFileSync(rdy, 'utf8').replace('name: Rob Ready', `name: "${FORMULA_NAME}"`));
    const unit = join(dir, 'specs/units/Y-600-0003.yaml');
    writeFileSync(unit, readFileSync(unit, 'utf8').replace('title: Resolve complaints', `title: "${FORMULA}"`));
    // A line quoted in a finding that holds raw escapes (in a comment) next to an unknown key.
    const ach = join(dir, 'portfolios/S-ACH/portfolio.yaml');
    writeFileSync(ach, readFileSync(ach, 'utf8') + 'bogus-key: 1 # \u001b[2J\u001b]0;title\u0007ALL PASSED\n');
  });

  const runs = [
    ...ALL_FORMATS.map((f) => ['check', f] as const),
    ...(['table', 'json', 'csv', 'markdown'] as const).map((f) => ['status', f] as const),
    ...ALL_FORMATS.map((f) => ['gaps', f] as const),
  ];
  const human = runs.filter(([, f]) => !['json', 'sarif', 'codeclimate'].includes(f));
  // Each report is made once and read by every test that looks at it.
  const made = new Map<string, Promise<Run>>();
  const run = (cmd: string, format: string, extra: string[] = []) => {
    const key = [cmd, format, ...extra].join(' ');
    if (!made.has(key)) made.set(key, folio([cmd, '-C', dir, '--as-of', AS_OF, '--format', format, ...extra]));
    return made.get(key)!;
  };

  it.each(human)('%s --format %s: no raw control character on stdout or stderr', async (cmd, format) => {
    const r = await run(cmd, format);
    expect(r.code).not.toBe(2);
    expect(controlsIn(r.stdout), 'stdout').toBeNull();
    expect(controlsIn(r.stderr), 'stderr').toBeNull();
  });

  it.each(runs.filter(([, f]) => ['json', 'sarif', 'codeclimate'].includes(f)))('%s --format %s: valid JSON, no raw control character', async (cmd, format) => {
    const r = await run(cmd, format);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(controlsIn(r.stdout)).toBeNull();
    expect(controlsIn(r.stderr), 'stderr').toBeNull();
  });

  it.each(runs)('%s --format %s: no injected workflow command at the start of a line', async (cmd, format) => {
    const r = await run(cmd, format);
    for (const text of [r.stdout, r.stderr]) {
      expect(text.split(/\r?\n|\r/).filter((l) => l.trimStart().startsWith('::error::x'))).toEqual([]);
      // No line but folio's own annotations may start a GitHub workflow command.
      expect(foreignWorkflowCommands(text)).toEqual([]);
    }
  });

  it.each([['check'], ['status'], ['gaps']])('%s --format csv: no cell of user-written text starts with = + - @', async (cmd) => {
    const r = await run(cmd, 'csv', cmd === 'status' ? ['--detail'] : []);
    const markers = ['cmd|', '1+2', 'SUM(', 'calc'];
    const bad = parseCsv(r.stdout)
      .flat()
      .filter((cell) => markers.some((m) => cell.includes(m)) && /^[=+\-@\t\r]/.test(cell));
    expect(bad).toEqual([]);
  });

  it('status --format json keeps the exact learner names', async () => {
    const learners = await statusJson(dir);
    const names = learners.map((l) => l.name);
    expect(names).toContain(ESC_NAME);
    expect(names).toContain(FORMULA_NAME);
  });

  // Judgement call: folio may assess a learner whose folder name cannot be shown safely, or
  // report the name as a finding instead. Either way the JSON (check's files or status's ids)
  // must carry the exact name, not a mangled one.
  it.each(FOLDERS)('the folder %j appears exactly in check or status JSON', async (folder) => {
    const { diagnostics } = await checkJson(dir);
    const learners = await statusJson(dir);
    const inCheck = diagnostics.some((d) => d.file.startsWith(`portfolios/${folder}/`) || d.file === `portfolios/${folder}`);
    const inStatus = learners.some((l) => l.id === folder);
    expect(inCheck || inStatus).toBe(true);
  });

  // Judgement call: bidirectional overrides are not C0 controls, but they reorder what a
  // terminal or a CI log shows (a folder can hide its real name); the issue's "control
  // characters escaped" is read here as covering them in the table and github formats.
  it.each([['check', 'table'], ['check', 'github'], ['status', 'table']])('%s --format %s: no raw bidirectional override', async (cmd, format) => {
    const r = await run(cmd, format);
    expect(r.stdout + r.stderr).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it.each(['history', 'verify'])('%s with a folder named with a newline does not crash', async (cmd) => {
    const repo = makeRepo();
    cpSync(dir, repo.dir, { recursive: true });
    repo.commit('centre');
    const r = await folio(cmd === 'history' ? ['history', NL_FOLDER, '-C', repo.dir] : ['verify', '-C', repo.dir]);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code === 0 || r.code === 1).toBe(true);
    expect(controlsIn(r.stdout)).toBeNull();
    expect(controlsIn(r.stderr)).toBeNull();
  });
});

// =============================================================================================
describe('writing under faults', () => {
  it('learner add refuses an existing portfolio and leaves it as it was', async () => {
    const dir = centre();
    const before = readFileSync(join(dir, 'portfolios/S-NEW/portfolio.yaml'));
    const r = await folio(['learner', 'add', 'S-NEW', '--name', 'Someone Else', '--qualification', '600/1234/1', '-C', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(join(dir, 'portfolios/S-NEW/portfolio.yaml'))).toEqual(before);
  });

  it('learner add never replaces a portfolio created while it ran (1,500 specs)', async () => {
    const r = await race!;
    expect(r.ours, `the test could not create the portfolio before folio wrote (learner add took ${r.baselineMs} ms)`).toBe(true);
    expect(r.replaced, 'the portfolio created while learner add ran was replaced').toBe(false);
    // folio did not create that portfolio, so it must not report success
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(STACK);
  }, 120_000);

  // A portfolio.yaml that exists as a dangling link is another test of exclusive creation: a
  // check-then-write follows the link and writes outside the centre.
  it('learner add never writes through an existing (dangling) portfolio link', async () => {
    const dir = centre();
    const target = outside('planted.yaml');
    mkdirSync(join(dir, 'portfolios/S-NEW2'));
    symlinkSync(target, join(dir, 'portfolios/S-NEW2/portfolio.yaml'));
    const r = await folio(['learner', 'add', 'S-NEW2', '--name', 'New Person', '--qualification', '600/1234/1', '-C', dir]);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(target)).toBe(false);
    expect(lstatSync(join(dir, 'portfolios/S-NEW2/portfolio.yaml')).isSymbolicLink()).toBe(true);
  });

  it('-o onto a FIFO neither blocks forever nor replaces the FIFO', async () => {
    const dir = centre();
    const fifo = join(dir, 'report.fifo');
    const mk = spawnSync('mkfifo', [fifo]);
    expect(mk.status, 'mkfifo').toBe(0);
    const r = await child(['check', '--as-of', AS_OF, '--format', 'json', '-o', fifo], { cwd: dir, timeoutMs: 20_000, wallLimitMs: 20_000 });
    expect(r.timedOut, 'folio blocked on the FIFO').toBe(false);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(r.stderr).not.toMatch(STACK);
  }, 40_000);

  const targets = [
    { what: 'a directory', make: (dir: string) => (mkdirSync(join(dir, 'out.json')), join(dir, 'out.json')) },
    { what: 'a path under a regular file', make: (dir: string) => (writeFileSync(join(dir, 'afile'), 'x'), join(dir, 'afile', 'out.json')) },
  ];
  it.each(targets)('-o onto $what: exit 2, names the path, no stack trace, no temporary file left', async ({ make }) => {
    const dir = centre();
    const target = make(dir);
    const before = readdirSync(dir).sort();
    const r = await folio(['check', '-C', dir, '--as-of', AS_OF, '--format', 'json', '-o', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(relative(dir, target).split('/')[0]!);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(dir).sort()).toEqual(before);
    if (existsSync(target) && statSync(target).isDirectory()) expect(readdirSync(target)).toEqual([]);
  });

  it.each(['status', 'gaps'])('%s -o onto a directory: exit 2, no stack trace', async (cmd) => {
    const dir = centre();
    mkdirSync(join(dir, 'out.csv'));
    const r = await folio([cmd, '-C', dir, '--as-of', AS_OF, '--format', 'csv', '-o', join(dir, 'out.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('out.csv');
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(join(dir, 'out.csv'))).toEqual([]);
  });

  it('import --format json never says written: true for a spec it did not write', async () => {
    const dir = centre();
    const out = join(dir, 'imported');
    mkdirSync(out);
    // An existing spec that differs from the form: a conflict, so it must not be written.
    const spec = readFileSync(join(REPO, 'specs/units/A-506-2130.yaml'), 'utf8').replace(/^title: .*$/m, 'title: Something else entirely');
    writeFileSync(join(out, 'A-506-2130.yaml'), spec);
    const seed = readdirSync(join(REPO, 'seeds')).find((f) => f.startsWith('001_'))!;
    const r = await folio(['import', join(REPO, 'seeds', seed), '--format', 'json', '-o', out], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    const report = JSON.parse(r.stdout) as { specs: { file: string; unit: string; action: string; written: boolean }[] };
    const a = report.specs.find((s) => s.unit === 'A/506/2130')!;
    expect(a.action).toBe('conflict');
    expect(readFileSync(join(out, 'A-506-2130.yaml'), 'utf8')).toBe(spec);
    expect(a.written).toBe(false);
    for (const s of report.specs.filter((x) => x.action === 'conflict')) expect(s.written, s.file).toBe(false);
  });
});

// =============================================================================================
describe('cache forgery: a committed .folio-cache never changes a verdict', () => {
  const CACHE_ON = { FOLIO_CACHE: '' };
  /** A git repository holding the fixture centre with one broken portfolio and its cache. */
  async function repoWithCache(): Promise<TestRepo> {
    const repo = makeRepo();
    cpSync(FIXTURE, repo.dir, { recursive: true });
    // S-MIX: a criterion the unit does not have (an error), S-RDY: complete but unsigned.
    const p = join(repo.dir, 'portfolios/S-MIX/portfolio.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('covers: { L/600/0001: [1.1] }', 'covers: { L/600/0001: [1.1, 9.9] }'));
    repo.commit('centre');
    for (const cmd of ['check', 'status', 'gaps']) {
      const r = await folio([cmd, '-C', repo.dir, '--as-of', AS_OF, '--format', 'json'], { env: CACHE_ON });
      expect(r.code, r.stderr).not.toBe(2);
    }
    expect(existsSync(join(repo.dir, '.folio-cache')), 'the cache is written when FOLIO_CACHE is not off').toBe(true);
    return repo;
  }
  function cacheFiles(root: string): string[] {
    const walk = (d: string): string[] => readdirSync(d).flatMap((name) => (lstatSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)]));
    return walk(join(root, '.folio-cache')).filter((f) => f.endsWith('.json'));
  }
  // Rewrites every plausible field of an entry: no findings, everything achieved and met.
  function forge(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(forge);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (/diagnostics|findings|problems|gaps|errors|warnings/i.test(k)) out[k] = Array.isArray(v) ? [] : typeof v === 'number' ? 0 : forge(v);
        else if (k === 'status' && typeof v === 'string') out[k] = ['met', 'unmet', 'unknown', 'insufficient', 'missing', 'not-yet', 'awaiting-assessment'].includes(v) ? 'met' : 'achieved';
        else out[k] = forge(v);
      }
      return out;
    }
    return value;
  }
  // An entry may carry a line of its own before its JSON (folio's writes a MAC there): an
  // attacker edits the JSON and keeps that line as it was, since they cannot make it anew.
  const inBody = (t: string, edit: (json: string) => string): string => {
    const m = /^[^{[\n]*\n/.exec(t);
    return m ? m[0] + edit(t.slice(m[0].length)) : edit(t);
  };
  const forgeries: { name: string; rewrite: (text: string, index: number) => string }[] = [
    { name: 'entries edited to no findings and achieved', rewrite: (t) => inBody(t, (j) => JSON.stringify(forge(JSON.parse(j)))) },
    { name: 'garbage', rewrite: () => '{"diagnostics": [' },
    { name: 'valid JSON of other types (array, null, number, string, empty object)', rewrite: (_t, i) => ['[1, "two", null]', 'null', '42', '"achieved"', '{}'][i % 5]! },
    { name: 'valid JSON of the wrong shape (fields of wrong types)', rewrite: (t) => inBody(t, (j) => JSON.stringify(Object.fromEntries(Object.keys(JSON.parse(j) as object).map((k) => [k, 42])))) },
    { name: 'valid JSON of the wrong shape (nested strings)', rewrite: (t) => inBody(t, (j) => JSON.stringify(JSON.parse(j), (_k, v: unknown) => (typeof v === 'number' ? 'x' : Array.isArray(v) ? {} : v))) },
  ];

  it.each(forgeries)('forged cache ($name), committed and cloned: check, status and gaps equal --no-cache', async ({ rewrite }) => {
    const repo = await repoWithCache();
    const files = cacheFiles(repo.dir);
    expect(files.length).toBeGreaterThan(0);
    files.forEach((f, i) => writeFileSync(f, rewrite(readFileSync(f, 'utf8'), i)));
    repo.git('add', '-f', '.folio-cache');
    repo.commit('forged cache');
    const clone = join(TMP, `clone-${++n}`);
    runIn(TMP, ['clone', '-q', repo.dir, clone]);
    expect(cacheFiles(clone).length).toBe(files.length);
    for (const cmd of ['check', 'status', 'gaps']) {
      const args = [cmd, '-C', clone, '--as-of', AS_OF, '--format', 'json'];
      const honest = await folio([...args, '--no-cache']);
      const cached = await folio(args, { env: CACHE_ON });
      expect(cached.stderr, `${cmd}: stack trace`).not.toMatch(STACK);
      expect(cached.code, `${cmd}: exit code`).toBe(honest.code);
      expect(JSON.parse(cached.stdout), `${cmd}: report`).toEqual(JSON.parse(honest.stdout));
    }
    expect((await folio(['check', '-C', clone, '--as-of', AS_OF, '--no-cache'])).code).toBe(1);
  });

  it('a forged cache in the working tree (not committed) is not believed either', async () => {
    const repo = await repoWithCache();
    for (const f of cacheFiles(repo.dir)) writeFileSync(f, inBody(readFileSync(f, 'utf8'), (j) => JSON.stringify(forge(JSON.parse(j)))));
    const args = ['check', '-C', repo.dir, '--as-of', AS_OF, '--format', 'json'];
    const honest = await folio([...args, '--no-cache']);
    const cached = await folio(args, { env: CACHE_ON });
    expect(cached.code).toBe(honest.code);
    expect(JSON.parse(cached.stdout)).toEqual(JSON.parse(honest.stdout));
  });

  it('a .folio-cache that links to the centre root: no .gitignore or cache tag written into the root', async () => {
    const dir = centre();
    symlinkSync('.', join(dir, '.folio-cache'));
    for (const cmd of ['check', 'status']) {
      const r = await folio([cmd, '-C', dir, '--as-of', AS_OF], { env: CACHE_ON });
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).not.toBe(2);
    }
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
    expect(existsSync(join(dir, 'CACHEDIR.TAG'))).toBe(false);
  });
});

// =============================================================================================
describe('git configuration: reading commands run no external program', () => {
  let repo: TestRepo;
  let markers = '';
  const PROGRAMS = ['filter-clean', 'filter-smudge', 'textconv', 'diff-external', 'fsmonitor', 'pager', 'gpg', 'gpg-ssh', 'gpg-x509', 'ssh-command', 'askpass', 'editor', 'hook'];
  beforeAll(() => {
    repo = makeRepo();
    cpSync(FIXTURE, repo.dir, { recursive: true });
    repo.write('.gitattributes', '*.yaml filter=evil diff=evil\n');
    repo.commit('centre');
    const p = join(repo.dir, 'portfolios/S-MIX/portfolio.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('Mo Mixed', 'Mo Mixed-Up'));
    repo.commit('rename learner');
    writeFileSync(p, readFileSync(p, 'utf8').replace('Mo Mixed-Up', 'Mo Mixed'));
    // Same content, new times: git must read it again (through the clean filter) to know.
    for (const learner of ['S-RDY', 'S-ACH']) {
      const f = join(repo.dir, `portfolios/${learner}/portfolio.yaml`);
      writeFileSync(f, readFileSync(f));
      utimesSync(f, new Date(Date.now() + 3_600_000), new Date(Date.now() + 3_600_000));
    }
    // Only now (after every git command of the test itself) the hostile configuration.
    markers = join(TMP, `markers-${++n}`);
    mkdirSync(markers);
    const script = (name: string) => {
      const path = join(TMP, `evil-${name}-${n}.sh`);
      writeFileSync(path, `#!/bin/sh\ntouch '${join(markers, name)}'\ncat\n`, { mode: 0o755 });
      return path;
    };
    const config = [
      ['filter.evil.clean', `${script('filter-clean')}`],
      ['filter.evil.smudge', `${script('filter-smudge')}`],
      ['diff.evil.textconv', `${script('textconv')}`],
      ['diff.external', `${script('diff-external')}`],
      ['core.fsmonitor', `${script('fsmonitor')}`],
      ['core.pager', `${script('pager')}`],
      ['gpg.program', `${script('gpg')}`],
      ['gpg.ssh.program', `${script('gpg-ssh')}`],
      ['gpg.x509.program', `${script('gpg-x509')}`],
      ['core.sshCommand', `${script('ssh-command')}`],
      ['core.askPass', `${script('askpass')}`],
      ['core.editor', `${script('editor')}`],
      ['core.hooksPath', dirname(script('hook'))],
    ];
    const cfg = join(repo.dir, '.git/config');
    writeFileSync(cfg, readFileSync(cfg, 'utf8') + '\n' + config.map(([k, v]) => {
      const parts = k!.split('.');
      const key = parts.pop()!;
      const section = parts.length === 2 ? `[${parts[0]} "${parts[1]}"]` : `[${parts[0]}]`;
      return `${section}\n\t${key} = ${v}\n`;
    }).join(''));
    for (const hook of ['post-checkout', 'pre-commit', 'post-index-change', 'reference-transaction']) writeFileSync(join(dirname(script('hook')), hook), `#!/bin/sh\ntouch '${join(markers, 'hook')}'\n`, { mode: 0o755 });
  });
  const commands = ['check --at HEAD', 'status --at HEAD', 'gaps --at HEAD~1', 'check --changed-since HEAD~1', 'check --staged', 'history S-MIX', 'progress', 'verify', 'check'];
  it.each(commands)('folio %s runs none of the configured programs', async (command) => {
    rmSync(markers, { recursive: true, force: true });
    mkdirSync(markers);
    const r = await folio([...command.split(' '), '-C', repo.dir]);
    expect(readdirSync(markers).filter((m) => PROGRAMS.includes(m))).toEqual([]);
    expect(r.stderr).not.toMatch(STACK);
  });
});

// =============================================================================================
describe('resource bombs: bounded work', () => {
  // 15 s of CPU each (HOSTILE_CPU_MS to change; a linear folio needs a fraction of that), and at
  // most 60 s of wall time: on a loaded 2-CPU machine nine bombs at once get little CPU each.
  const LIMIT_MS = Number(process.env.HOSTILE_CPU_MS ?? 15_000);
  const WALL_MS = Math.max(60_000, LIMIT_MS * 2);
  const HEAD = 'learner: { name: Bomb, uln: "9999999999" }\nqualification: 600/1234/1\nassessor: a.jones\noptional-units: [Y/600/0003]\n';

  function laughs(): string {
    let s = 'learner: { name: B, uln: "9999999999" }\nqualification: 600/1234/1\na: &a [x,x,x,x,x,x,x,x,x]\n';
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) s += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
    return s;
  }
  const bombs: { name: string; write: (file: string) => void; okExit?: number[]; bounded?: boolean }[] = [
    {
      name: 'billion laughs in a 400-byte portfolio',
      write: (f) => {
        const text = laughs();
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(400);
        writeFileSync(f, text);
      },
    },
    { name: '1,000-deep flow sequences', write: (f) => writeFileSync(f, `${HEAD}notes-x: ${'['.repeat(1000)}${']'.repeat(1000)}\n`) },
    { name: '1,000-deep flow mappings', write: (f) => writeFileSync(f, `${HEAD}notes-x: ${'{a: '.repeat(1000)}b${'}'.repeat(1000)}\n`) },
    {
      name: '1,000-deep block sequences',
      write: (f) => writeFileSync(f, `${HEAD}notes-x:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i + 2)}-`).join('\n')} x\n`),
    },
    {
      name: '200,000 evidence items on one criterion',
      // Valid items: a linear folio may well find nothing, so exit 0 is allowed here.
      okExit: [0, 1],
      write: (f) => {
        const fd = openSync(f, 'w');
        writeSync(fd, `${HEAD}evidence:\n`);
        let chunk = '';
        for (let i = 0; i < 200_000; i++) {
          chunk += `  - { id: E${i}, method: observation, date: 2026-02-10, ref: r${i}, covers: { Y/600/0003: [1.1] }, assessment: { by: a.jones, date: 2026-02-11, decision: accepted } }\n`;
          if (chunk.length > 1 << 20) writeSync(fd, chunk), (chunk = '');
        }
        writeSync(fd, chunk);
        closeSync(fd);
      },
    },
    {
      name: '20,000 broken items in one list',
      bounded: false, // every problem is reported, so the output is large by design
      write: (f) => {
        let s = `${HEAD}evidence:\n`;
        for (let i = 0; i < 20_000; i++) s += `  - { id: E${i}, method: telepathy, covers: { Y/600/0003: [1.1] } }\n`;
        writeFileSync(f, s);
      },
    },
    { name: 'a 300 KB single-line value', write: (f) => writeFileSync(f, `${HEAD.replace('qualification: 600/1234/1', `qualification: Q${'x'.repeat(300_000)}`)}`) },
    { name: 'a 300 KB single line in a flow list', write: (f) => writeFileSync(f, `${HEAD}optional-units-x: [${Array.from({ length: 30_000 }, (_, i) => `U${i}`).join(', ')}]\n`) },
    {
      name: 'a 200 MB portfolio',
      write: (f) => {
        const fd = openSync(f, 'w');
        writeSync(fd, `${HEAD}evidence:\n`);
        const line = '  - { id: E1, method: observation, date: 2026-02-10, ref: r, covers: { Y/600/0003: [1.1] } }\n';
        const chunk = line.repeat(Math.ceil((1 << 20) / line.length));
        for (let i = 0; i < 200; i++) writeSync(fd, chunk);
        closeSync(fd);
      },
    },
  ];

  // Every bomb is started at once (each in its own process, on its own copy of the centre), so
  // the time limit is waited for once, not once per bomb; each test then reads its result.
  const results = new Map<string, Promise<ChildRun>>();
  beforeAll(() => {
    for (const bomb of bombs) {
      const dir = centre();
      const file = join(dir, 'portfolios/S-BOMB/portfolio.yaml');
      mkdirSync(dirname(file));
      bomb.write(file);
      results.set(
        bomb.name,
        child(['check', '--as-of', AS_OF], { cwd: dir, timeoutMs: LIMIT_MS, wallLimitMs: WALL_MS }).then((r) => {
          rmSync(file, { force: true });
          return r;
        }),
      );
    }
  }, 60_000);

  it.each(bombs)('$name: finishes in time with a finding, no stack overflow, bounded output', async ({ name, okExit, bounded }) => {
    const r = await results.get(name)!;
    expect(r.timedOut, `killed after ${r.cpuMs} ms of CPU, ${r.ms} ms of wall time (limits ${LIMIT_MS} ms CPU, ${WALL_MS} ms wall)`).toBe(false);
    expect(r.stdout + r.stderr).not.toMatch(/Maximum call stack|heap out of memory|JavaScript heap/);
    expect(r.stderr).not.toMatch(STACK);
    expect(okExit ?? [1]).toContain(r.code);
    if (r.code === 1) expect(r.stdout).toContain('portfolios/S-BOMB/portfolio.yaml');
    if (bounded !== false) expect(r.outBytes, 'output size').toBeLessThan(100_000);
    // The issue's bound: peak memory on any single hostile file under 512 MB (sampled).
    expect(r.peakRss, 'peak RSS').toBeLessThan(512 * 2 ** 20);
  }, WALL_MS + 60_000);
});

// =============================================================================================
describe('positions and values', () => {
  function withPortfolio(text: string | Buffer): string {
    const dir = centre();
    writeFileSync(join(dir, 'portfolios/S-NEW/portfolio.yaml'), text);
    return dir;
  }
  const P = 'portfolios/S-NEW/portfolio.yaml';

  // After a syntax error, every finding that is reported stays within the file and a later
  // duplicate key (when reported) is on its own line.
  it.each([
    'x: { a: 1',
    'x: "a\\q"',
    'x: a: b',
    'x: [a, b]]',
    'x: @a',
    '- a\nassessor: a.jones\n]',
    'x: |\n  a\n b',
    '\t\tx: 1',
    'x: "a\n\n\n  b',
    'x: !<tag:yaml.org,2002:str 1',
  ])('after the syntax error %j, later findings point to their real lines', async (bad) => {
    const text = `learner: { name: N, uln: "1000395951" }\nqualification: 600/1234/1\n${bad}\nassessor: a.jones\nevidence:\n  - id: E1\n    bogus: 1\n    bogus: 2\nend: 1\n`;
    const dir = withPortfolio(text);
    const lines = text.split('\n');
    const dupLine = lines.indexOf('    bogus: 2') + 1;
    const { run, diagnostics } = await checkJson(dir);
    expect(run.code).toBe(1);
    const mine = diagnostics.filter((d) => d.file === P);
    expect(mine.length).toBeGreaterThan(0);
    for (const d of mine) {
      expect(d.line).toBeGreaterThanOrEqual(0);
      expect(d.line).toBeLessThanOrEqual(lines.length);
    }
    for (const d of mine.filter((x) => x.code === 'duplicate-key')) expect(d.line).toBe(dupLine);
  });

  it('an alias used as a key is reported on its own line', async () => {
    const text = 'learner: { name: N, uln: "1000395951" }\nqualification: &k 600/1234/1\nassessor: a.jones\noptional-units: [Y/600/0003]\n*k : 2\n';
    const { run, diagnostics } = await checkJson(withPortfolio(text));
    expect(run.code).toBe(1);
    const mine = diagnostics.filter((d) => d.file === P);
    expect(mine.length).toBeGreaterThan(0);
    for (const d of mine) expect(d.line).toBe(5);
  });

  it('a complex key is reported on its own line', async () => {
    const text = 'learner: { name: N, uln: "1000395951" }\nqualification: 600/1234/1\nassessor: a.jones\n? [a]\n: b\n';
    const { run, diagnostics } = await checkJson(withPortfolio(text));
    expect(run.code).toBe(1);
    for (const d of diagnostics.filter((x) => x.file === P)) expect(d.line).toBeGreaterThanOrEqual(4);
  });

  it.each(['99999999999999999999999', '9007199254740993'])('credits: %s is an error at the credits line', async (credits) => {
    const dir = centre();
    const f = join(dir, 'specs/units/D-600-0004.yaml');
    const text = readFileSync(f, 'utf8').replace(/^credits: 3$/m, `credits: ${credits}`);
    writeFileSync(f, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('credits:')) + 1;
    const { run, diagnostics } = await checkJson(dir);
    expect(run.code).toBe(1);
    expect(diagnostics.some((d) => d.file === 'specs/units/D-600-0004.yaml' && d.severity === 'error' && d.line === line)).toBe(true);
  });

  it('a huge min-evidence is an error, not a silently rounded number', async () => {
    const dir = centre();
    const f = join(dir, 'specs/units/L-600-0001.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('min-evidence: 2', 'min-evidence: 99999999999999999999999'));
    const { run, diagnostics } = await checkJson(dir);
    expect(run.code).toBe(1);
    expect(diagnostics.some((d) => d.file === 'specs/units/L-600-0001.yaml' && d.severity === 'error')).toBe(true);
  });

  it('a Latin-1 portfolio ("José") is reported', async () => {
    const text = readFileSync(join(FIXTURE, P), 'utf8').replace('Ned New', 'José New');
    const dir = withPortfolio(Buffer.from(text, 'latin1'));
    const { diagnostics } = await checkJson(dir);
    expect(diagnostics.some((d) => d.file === P)).toBe(true);
    // and the name is not silently shown with a replacement character
    const learners = await statusJson(dir);
    expect(learners.find((l) => l.id === 'S-NEW')?.name ?? '').not.toContain('\ufffd');
  });

  it.each([
    ['in a plain value', (t: string) => t.replace('Ned New', 'Ned\u0000New')],
    ['in a quoted value', (t: string) => t.replace('"1000395951"', '"10003\u000095951"')],
    ['in a comment', (t: string) => t.replace('# Just registered', '# Just\u0000registered')],
  ])('a NUL %s is reported', async (_where, edit) => {
    const dir = withPortfolio(edit(readFileSync(join(FIXTURE, P), 'utf8')));
    const { run, diagnostics } = await checkJson(dir);
    expect(run.code).not.toBe(2);
    expect(diagnostics.some((d) => d.file === P)).toBe(true);
  });
});

// =============================================================================================
describe('verdicts that follow the rules', () => {
  function edit(dir: string, path: string, f: (t: string) => string): void {
    const p = join(dir, path);
    writeFileSync(p, f(readFileSync(p, 'utf8')));
  }

  it('re-signing off after a summative IQA "not agreed", then a new agreed IQA: check is clean and the unit achieved', async () => {
    const dir = centre();
    edit(dir, 'portfolios/S-IQA/portfolio.yaml', (t) =>
      t
        .replace('  - { unit: D/600/0004, by: a.jones, date: 2026-03-15 }', '  - { unit: D/600/0004, by: a.jones, date: 2026-03-15 }\n  - { unit: L/600/0001, by: a.jones, date: 2026-04-01 }')
        .trimEnd()
        .concat('\n  - { unit: L/600/0001, by: m.hughes, date: 2026-04-10, stage: summative, decision: agreed }\n'),
    );
    const { run, diagnostics } = await checkJson(dir, ['portfolios/S-IQA']);
    expect(diagnostics).toEqual([]);
    expect(run.code).toBe(0);
    const learner = (await statusJson(dir, ['S-IQA'])).find((l) => l.id === 'S-IQA')!;
    expect(learner.units.find((u) => u.id === 'L/600/0001')!.status).toBe('achieved');
  });

  // S-MIX: R/600/0002 is met only by an item dated, assessed and signed off after 2026-05-01.
  function lateRecords(): string {
    const dir = centre();
    edit(dir, 'portfolios/S-MIX/portfolio.yaml', (t) =>
      t.trimEnd().concat(
        '\n  - { id: E8, method: written-questions, date: 2026-05-10, ref: Answers 2, covers: { R/600/0002: [1.1, 1.10] }, assessment: { by: a.jones, date: 2026-05-12, decision: accepted } }\nsignoffs:\n  - { unit: R/600/0002, by: a.jones, date: 2026-05-15 }\n',
      ),
    );
    return dir;
  }
  it('control: the late records are consistent as of a later date', async () => {
    const dir = lateRecords();
    const r = await folio(['check', '-C', dir, '--as-of', '2026-11-01', '--format', 'json', 'portfolios/S-MIX']);
    expect(diags(r)).toEqual([]);
  });
  it('check --as-of D reports no signoff-unmet or date-order for records dated after D', async () => {
    const dir = lateRecords();
    const r = await folio(['check', '-C', dir, '--as-of', '2026-05-01', '--format', 'json', 'portfolios/S-MIX']);
    expect(diags(r).filter((d) => ['signoff-unmet', 'date-order'].includes(d.code))).toEqual([]);
  });
  // Decided (README, Security and limits): --as-of is the date "today" means, so a record
  // dated after it is reported once, as future-date, and nothing else is judged from it.
  it('check --as-of D reports records dated after D as future dates only', async () => {
    const dir = lateRecords();
    const r = await folio(['check', '-C', dir, '--as-of', '2026-05-01', '--format', 'json', 'portfolios/S-MIX']);
    expect(diags(r).length).toBeGreaterThan(0);
    expect(diags(r).filter((d) => d.code !== 'future-date')).toEqual([]);
  });

  function currency(evidenceDate: string): string {
    const dir = centre();
    edit(dir, 'portfolios/centre.yaml', (t) => t.trimEnd() + '\npolicy:\n  evidence-currency-years: 3\n');
    edit(dir, 'portfolios/S-MIX/portfolio.yaml', (t) => t.replace('{ id: E3, method: observation, date: 2026-02-10,', `{ id: E3, method: observation, date: ${evidenceDate},`));
    return dir;
  }
  it('evidence exactly 3 years old when assessed (policy 3 years): no currency warning', async () => {
    const { diagnostics } = await checkJson(currency('2023-02-10'));
    expect(diagnostics.filter((d) => d.code === 'evidence-currency')).toEqual([]);
  });
  it('control: evidence 3 years and a day old when assessed is reported', async () => {
    const { diagnostics } = await checkJson(currency('2023-02-09'));
    expect(diagnostics.filter((d) => d.code === 'evidence-currency').length).toBe(1);
  });
  // Judgement call on wording (the issue names it): the age 3 years 8 months must be stated
  // more precisely than "3 years", in months, as a fraction or in days.
  it('evidence 3 years 8 months old when assessed: the message gives the age, not "3 years"', async () => {
    const { diagnostics } = await checkJson(currency('2022-06-10'));
    const d = diagnostics.find((x) => x.code === 'evidence-currency');
    expect(d).toBeDefined();
    expect(d!.message).toMatch(/8 months|44 months|3\.[67]\d* years|1,?341 days/);
  });

  // Y/600/0003 1.1 requires an observation or an expert witness (as A/506/2130's outcome 4 does).
  function expert(item: string, witnesses = ''): string {
    const dir = centre();
    edit(dir, 'specs/units/Y-600-0003.yaml', (t) => t.replace('  - id: "1"\n', '  - id: "1"\n    requires: [observation, expert-witness]\n'));
    edit(dir, 'portfolios/S-NEW/portfolio.yaml', (t) => `${t.trimEnd()}\n${witnesses}evidence:\n  - ${item}\n`);
    return dir;
  }
  const y = async (dir: string) => {
    const l = (await statusJson(dir, ['S-NEW', '--detail'])).find((x) => x.id === 'S-NEW')!;
    const unit = l.units.find((u) => u.id === 'Y/600/0003')!;
    return { unit: unit.status, criterion: unit.criteria!.find((c) => c.id === '1.1')!.status };
  };
  it('control: an observation satisfies the unit', async () => {
    const dir = expert('{ id: E1, method: observation, date: 2026-06-10, ref: Obs, covers: { Y/600/0003: [1.1] }, assessment: { by: a.jones, date: 2026-06-11, decision: accepted } }');
    expect((await y(dir)).criterion).toBe('met');
  });
  it.each([
    ['no witness named', '{ id: E1, method: expert-witness, date: 2026-06-10, ref: Statement, covers: { Y/600/0003: [1.1] }, assessment: { by: a.jones, date: 2026-06-11, decision: accepted } }', ''],
    ['a witness not in the list', '{ id: E1, method: expert-witness, witness: w-ghost, date: 2026-06-10, ref: Statement, covers: { Y/600/0003: [1.1] }, assessment: { by: a.jones, date: 2026-06-11, decision: accepted } }', ''],
  ])('expert-witness evidence with %s does not satisfy a unit requiring expert witness', async (_what, item, witnesses) => {
    const dir = expert(item, witnesses);
    const s = await y(dir);
    expect(s.criterion).not.toBe('met');
    expect(s.unit).not.toBe('achieved');
  });
});
