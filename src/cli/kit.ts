// What every command of the command line shares: the io it writes through, usage errors and
// exit codes, the common options, finding the centre, and writing reports in the formats
// asked for. Commands parse flags, call the library and pick a formatter; nothing else.
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fsCache, type CacheStore } from '../cache/store.js';
import { isIsoDate } from '../dates.js';
import { fsReader, findRoot, type Reader } from '../load/reader.js';
import { pairOutputs, writeReport, type Output } from '../outputs.js';
import { buildIndex } from '../model/index.js';
import { today, type Analysis } from '../pipeline/index.js';
import type { LearnerSummary } from '../status/types.js';
import { FORMATTERS, formatsOf, guarded, type Command as FormatCommand, type Rendered } from '../render/registry.js';
import { visible } from '../render/safe.js';
import type { RenderOptions } from '../render/style.js';
import { progressBar } from './progress.js';

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  /** Progress bars are drawn only on a terminal. */
  stderrIsTTY?: boolean;
  /** Where the progress bar draws (stderr, unchecked: the bar is folio's own text and needs \r). */
  draw?(s: string): void;
  columns?: number;
}

/** A problem with how folio was called or with unreadable input: exit 2. */
export class UsageError extends Error {}

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;
export { VERSION } from '../version.js';

/** When a command exits 1: on errors, on warnings too, when a learner shown is incomplete, or never. */
export const FAIL_ON = ['error', 'warning', 'incomplete', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface Common {
  dir?: string;
  at?: string;
  format?: string;
  asOf?: string;
  color: boolean;
  cache?: boolean;
  failOn: FailOn;
}

export function commonOptions(cmd: Command, command: FormatCommand, failOn: FailOn): Command {
  return cmd
    .option('-C, --dir <dir>', 'the centre repository (default: the first folder upwards holding specs/)')
    .option('-f, --format <format>', `output format: ${formatsOf(command).join(', ')}; repeat with -o FILE for several reports`)
    .option('-o, --output <file>', 'write the report of the --format before it to FILE')
    .option('--as-of <date>', 'the date "today" means (YYYY-MM-DD), for reproducible reports')
    .option('--at <rev>', 'the centre as committed at a commit, tag, branch or day (YYYY-MM-DD: the last commit on or before it)')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .option('--no-cache', 'neither read nor write the cache in .folio-cache/')
    .addOption(new Option('--fail-on <when>', 'exit 1 on errors, on warnings too, when a learner shown is incomplete, or never').choices(FAIL_ON).default(failOn));
}

/** Does the --fail-on policy fail this run? */
export function fails(policy: FailOn, diagnostics: { severity: string }[], incomplete: () => boolean): boolean {
  if (policy === 'never') return false;
  if (diagnostics.some((d) => d.severity === 'error')) return true;
  if (policy === 'warning') return diagnostics.length > 0;
  return policy === 'incomplete' && incomplete();
}

/** The repository that holds the centre: CI tools resolve annotation paths against its root. */
export function repositoryRoot(centre: string): string {
  for (let dir = centre; ; dir = dirname(dir)) {
    if (existsSync(resolvePath(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return centre;
  }
}

export interface CentreRun {
  root: string;
  reader: Reader;
  /** With --at: the commit read, for notes ("as committed at v1 (3f2a9c1e)"). */
  at?: string;
  asOf: string;
  render: RenderOptions;
  cache?: CacheStore;
  progress?: (done: number, total: number) => void;
  /** FOLIO_WORKERS: how many worker threads (0: none); automatic when unset. */
  workers?: string;
  /** Call when the work is done, before printing: clears the progress bar. */
  done(): void;
}

export function renderOptions(io: Io, color: boolean): RenderOptions {
  const columns = io.columns && io.columns > 40 ? Math.min(io.columns, 120) : 80;
  return { color: color !== false && io.stdoutIsTTY && !io.env.NO_COLOR, width: columns };
}

/** A date given on the command line (--as-of, --since, --until, --registered), checked once. */
export function dateFlag(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${name} "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-06-30`);
  return value;
}

/** The centre a command works on, and how: from -C or the working folder upwards; with --at,
 * as committed at a revision, read from git without touching the working tree. */
export async function centreRun(io: Io, opts: Partial<Common>): Promise<CentreRun> {
  const start = opts.dir ? resolvePath(io.cwd, opts.dir) : io.cwd;
  const root = findRoot(start);
  if (!root) throw new UsageError(`no specs/ folder at or above ${start}: run folio inside a centre repository, or name one with -C DIR`);
  dateFlag('as-of', opts.asOf);
  let reader = fsReader(root);
  let asOf = opts.asOf ?? today();
  let at: string | undefined;
  if (opts.at !== undefined) {
    const { atRevision } = await import('../pipeline/repository.js');
    const r = atRevision(root, opts.at);
    reader = r.reader;
    // The centre as it was on a day is judged as of that day, unless --as-of says otherwise.
    asOf = opts.asOf ?? r.day;
    at = r.revision.label;
    io.stderr(`folio: the centre as committed at ${at}, as of ${asOf}.\n`);
  }
  const bar = io.stderrIsTTY ? progressBar(io.draw ?? io.stderr, io.columns ?? 80) : undefined;
  const off = opts.cache === false || /^(0|off|false|no)$/i.test(io.env.FOLIO_CACHE ?? '');
  return {
    root,
    reader,
    at,
    asOf,
    render: renderOptions(io, opts.color !== false),
    cache: off ? undefined : fsCache(root, { env: io.env, warn: io.stderr }),
    progress: bar?.update,
    workers: io.env.FOLIO_WORKERS,
    done: () => bar?.clear(),
  };
}

/** Formatting and writing reports: one to stdout, any number to files (-f F -o FILE pairs). */
export function reports(io: Io, argv: string[]) {
  const formatted = (command: FormatCommand, format: string, data: unknown, render: RenderOptions) => {
    const f = (FORMATTERS[command] as Record<string, (d: never, o: RenderOptions) => Rendered>)[format];
    if (!f) throw new UsageError(`${command} has no format "${format}": use one of ${formatsOf(command).join(', ')}`);
    return guarded(format, f(data as never, render), render.color);
  };
  const emit = (command: FormatCommand, format: string, data: unknown, render: RenderOptions) => {
    const out = formatted(command, format, data, render);
    if (typeof out === 'string') io.stdout(out);
    else for (const piece of out) io.stdout(piece);
  };
  const outputsOf = (command: FormatCommand): Output[] => {
    try {
      return pairOutputs(argv, formatsOf(command), 'table', (p) => resolvePath(io.cwd, p));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  };
  /** Every report the --format/-o pairs ask for. */
  const emitAll = (command: FormatCommand, data: unknown, render: RenderOptions): Output[] => {
    const outputs = outputsOf(command);
    for (const o of outputs) {
      if (o.file) writeReport(o.file, formatted(command, o.format, data, { ...render, color: false }));
      else emit(command, o.format, data, render);
    }
    return outputs;
  };
  return { formatted, emit, emitAll, asked: (command: FormatCommand) => outputsOf(command).map((o) => o.format) };
}

export function pickLearners(a: Analysis, ids: string[], opts: { assessor?: string }): LearnerSummary[] {
  const byId = new Map(a.learners.map((l) => [l.id, l]));
  const broken = ids.filter((id) => a.unreadable.includes(id));
  if (broken.length) throw new UsageError(`the portfolio of ${broken.map(visible).join(', ')} cannot be read: "folio check" shows why`);
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new UsageError(`no learner ${unknown.map(visible).join(', ')} in portfolios/: a learner is named by the folder that holds their portfolio.yaml`);
  let learners = ids.length ? ids.map((id) => byId.get(id)!) : a.learners;
  if (opts.assessor) {
    if (a.specs.centre && !a.specs.centre.staff.has(opts.assessor)) throw new UsageError(`--assessor "${opts.assessor}" is not on the staff list in portfolios/centre.yaml`);
    learners = learners.filter((l) => l.assessor === opts.assessor);
  }
  return learners;
}

export function unitOption(a: Analysis, ref: string): string {
  const spec = buildIndex(a.specs).unit(ref);
  if (!spec) throw new UsageError(`--unit "${ref}": no such unit in specs/units/`);
  return spec.id;
}

export function warnIfBroken(io: Io, a: Analysis): void {
  const errors = a.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) io.stderr(`folio: ${errors} error${errors === 1 ? '' : 's'} in the centre's files; results leave out what could not be read. Run "folio check" for details.\n`);
}
