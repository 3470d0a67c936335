// What every command of the command line shares: the io it writes through, usage errors and
// exit codes, the common options, opening the centre, and writing reports in the formats
// asked for. Commands parse flags, call the library (src/index.ts) and pick a formatter;
// nothing else.
import { Option, type Command } from 'commander';
import { resolve as resolvePath } from 'node:path';
import { asOfFor, formatChunks, isFormat, formatsOf, leavesOut, openCentre, UsageError, type Centre, type Command as FormatCommand, type Format, type Reports } from '../index.js';
import { pairOutputs, writeReport, outputOptions, type Output, type Written } from '../outputs.js';
import type { RenderOptions } from '../render/style.js';
import { plural } from '../text.js';
import { progressBar } from './progress.js';

export { UsageError } from '../index.js';

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
  /** Whether stdin is a terminal: a missing option is asked for only when both are (ask.ts). */
  stdinIsTTY?: boolean;
  /** Asks one question on the terminal; undefined at end of input. */
  prompt?(question: string): Promise<string | undefined>;
}

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** When a command exits 1: on errors, on warnings too, when a learner shown is incomplete, or never. */
export const FAIL_ON = ['error', 'warning', 'incomplete', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface Common {
  dir?: string;
  at?: string;
  /** -f and -o as written (outputs.ts); the same list under both names. */
  format?: Written;
  output?: Written;
  asOf?: string;
  color: boolean;
  cache?: boolean;
  failOn: FailOn;
}

export function commonOptions(cmd: Command, command: FormatCommand, failOn: FailOn): Command {
  cmd.option('-C, --dir <dir>', 'the centre repository (default: the first folder upwards holding specs/)');
  return outputOptions(cmd, formatsOf(command))
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

/** The exit code --fail-on gives, from the learners shown that have not achieved. When only those
 * learners fail the run, nothing else on screen says why it exits 1: a line on stderr does. */
export function exitCode(io: Io, policy: FailOn, diagnostics: { severity: string }[], notAchieved: number): number {
  if (!fails(policy, diagnostics, () => notAchieved > 0)) return EXIT.clean;
  if (policy === 'incomplete' && !diagnostics.some((d) => d.severity === 'error')) {
    io.stderr(`folio: ${plural(notAchieved, 'learner')} shown ${notAchieved === 1 ? 'has' : 'have'} not achieved, and --fail-on incomplete exits 1 for that.\n`);
  }
  return EXIT.findings;
}

export interface CentreRun {
  centre: Centre;
  asOf: string;
  render: RenderOptions;
  progress?: (done: number, total: number) => void;
  /** FOLIO_WORKERS: how many worker threads (0: none); automatic when unset. */
  workers?: string;
  /** Call when the work is done, before printing: clears the progress bar. */
  done(): void;
}

/** The width output fits: the terminal's; when piped, COLUMNS if set, else none (Infinity), so a
 * file or a pipe gets whole names rather than text cut at an 80-column guess. */
export function renderOptions(io: Io, color: boolean): RenderOptions {
  const set = Number(io.env.COLUMNS);
  const columns = io.stdoutIsTTY && io.columns ? io.columns : Number.isInteger(set) && set > 0 ? set : Infinity;
  return { color: color !== false && io.stdoutIsTTY && !io.env.NO_COLOR, width: Math.max(40, columns) };
}

/** The centre a command works on, and how: from -C or the working folder upwards; with --at,
 * as committed at a revision; with staged, as in git's index. */
export async function centreRun(io: Io, opts: Partial<Common> & { staged?: boolean; repository?: boolean }): Promise<CentreRun> {
  const cacheOff = opts.cache === false || /^(0|off|false|no)$/i.test(io.env.FOLIO_CACHE ?? '');
  const dir = opts.dir ? resolvePath(io.cwd, opts.dir) : io.cwd;
  const centre = await openCentre({ dir, asOf: opts.asOf, at: opts.at, staged: opts.staged, repository: opts.repository, hookIndex: Boolean(io.env.GIT_INDEX_FILE), cache: cacheOff ? false : { env: io.env, warn: io.stderr } });
  const asOf = asOfFor(centre);
  if (centre.at) io.stderr(`folio: the centre as committed at ${centre.at.label}, as of ${asOf}.\n`);
  const bar = io.stderrIsTTY ? progressBar(io.draw ?? io.stderr, io.columns ?? 80) : undefined;
  return {
    centre,
    asOf,
    render: renderOptions(io, opts.color !== false),
    progress: bar?.update,
    workers: io.env.FOLIO_WORKERS,
    done: () => bar?.clear(),
  };
}

/** Formatting and writing reports: one to stdout, any number to files (-f F -o FILE pairs). */
export function reports(io: Io) {
  const formatted = <C extends FormatCommand>(command: C, format: string, data: Reports[C], render: RenderOptions): Iterable<string> => {
    if (!isFormat(command, format)) throw new UsageError(`${command} has no format "${format}": use one of ${formatsOf(command).join(', ')}`);
    return formatChunks(command, format, data, render);
  };
  const emit = <C extends FormatCommand>(command: C, format: string, data: Reports[C], render: RenderOptions) => {
    for (const piece of formatted(command, format, data, render)) io.stdout(piece);
  };
  /** The reports -f and -o ask for, in order; table to stdout when none. */
  const outputsOf = <C extends FormatCommand>(command: C, written: { format?: Written; output?: Written }): Output<Format<C>>[] => {
    try {
      // every command with -f/-o has a table
      return pairOutputs(written, formatsOf(command), 'table' as Format<C>, (p) => resolvePath(io.cwd, p));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  };
  /** Every report the --format/-o pairs ask for. */
  const emitAll = <C extends FormatCommand>(command: C, written: { format?: Written; output?: Written }, data: Reports[C], render: RenderOptions): Output<Format<C>>[] => {
    const outputs = outputsOf(command, written);
    for (const o of outputs) {
      if (o.file) writeReport(o.file, formatChunks(command, o.format, data, { ...render, color: false }));
      else for (const piece of formatChunks(command, o.format, data, render)) io.stdout(piece);
    }
    return outputs;
  };
  return { formatted, emit, emitAll, outputsOf };
}

/** The note that results leave out what could not be read: only when something was (a file
 * skipped, a value or item dropped: CodeInfo leavesOut), so an error that leaves the results
 * whole (an unknown assessor) does not raise it; and not for the errors of the unreadable
 * learners a report shows as such (the cohort table), since nothing of theirs was left out. */
export function warnIfBroken(io: Io, a: { diagnostics: { severity: string; code: string; file: string }[] }, shown: readonly string[] = []): void {
  const inShown = (file: string) => shown.some((id) => file.startsWith(`portfolios/${id}/`));
  if (!a.diagnostics.some((d) => leavesOut(d.code) && !inShown(d.file))) return;
  const errors = a.diagnostics.filter((d) => d.severity === 'error' && !inShown(d.file)).length;
  if (errors) io.stderr(`folio: ${errors} error${errors === 1 ? '' : 's'} in the centre's files; results leave out what could not be read. Run "folio check" for details.\n`);
}

/** The learners named on the command line: none named means every learner, which the library
 * spells as no list at all (an empty list there means none). */
export const named = (ids: string[]): string[] | undefined => (ids.length ? ids : undefined);

/** The command named name under program, made when no other module made it: several modules
 * add subcommands to one command (folio iqa, folio learner). */
export function sub(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}
