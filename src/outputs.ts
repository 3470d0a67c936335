// Several reports from one run, as Spectral allows: `-f github -f junit -o folio.xml` prints
// annotations and writes a JUnit file, so one CI step reads the centre once. Each -o takes
// the --format written before it; a format without -o, or with -o -, goes to stdout (at most one).
// commander reads -f and -o (every spelling it accepts: -fjson, --format=json, …); both
// options record what they read in one list, in the order written, and that list is paired
// here when the command writes its reports, so misuse is reported where it always was.
import { Option, type Command } from 'commander';
import { replaceFile } from './write-file.js';

export interface Output<F extends string = string> {
  format: F;
  /** Absolute path, or undefined for stdout. */
  file?: string;
  /** -o - was given: stdout, and this format has its output. */
  stdout?: boolean;
}

/** What -f and -o read, in the order written. */
export type Written = { option: 'format' | 'output'; value: string }[];

/** -f/--format and -o/--output on a command, read by commander into one ordered list (the value
 * of both opts.format and opts.output, whichever was given). */
/** The formats each -f option takes (commander's own choices would check each -f alone, before
 * the pairs are read): shell completion offers them. */
export const formatChoices = new WeakMap<Option, readonly string[]>();

export function outputOptions(cmd: Command, formats: readonly string[]): Command {
  const written: Written = [];
  const record = (option: Written[number]['option']) => (value: string) => {
    written.push({ option, value });
    return written;
  };
  const format = new Option('-f, --format <format>', `output format: ${formats.join(', ')}; repeat with -o FILE for several reports`).argParser(record('format'));
  formatChoices.set(format, formats);
  return cmd
    .addOption(format)
    .addOption(new Option('-o, --output <file>', 'write the report of the --format before it to FILE').argParser(record('output')));
}

/** Pair formats and outputs in the order they were written; throws a message on misuse. */
export function pairOutputs<F extends string>(opts: { format?: Written; output?: Written }, allowed: readonly F[], fallback: F, resolve: (p: string) => string): Output<F>[] {
  const out: Output<F>[] = [];
  for (const { option, value } of opts.format ?? opts.output ?? []) {
    if (option === 'format') {
      if (!(allowed as readonly string[]).includes(value)) throw new Error(`no format "${value}": use one of ${allowed.join(', ')}`);
      out.push({ format: value as F });
    } else {
      const target = [...out].reverse().find((x) => x.file === undefined && !x.stdout);
      const where = value === '-' ? { stdout: true } : { file: resolve(value) };
      if (!target) {
        if (out.length) throw new Error(`-o ${value} has no --format of its own before it: write -f FORMAT -o FILE for each report`);
        out.push({ format: fallback, ...where });
      } else Object.assign(target, where);
    }
  }
  if (!out.length) out.push({ format: fallback });
  const toStdout = out.filter((x) => x.file === undefined);
  if (toStdout.length > 1) throw new Error(`${toStdout.map((x) => x.format).join(' and ')} would both go to stdout: give all but one of them -o FILE`);
  return out;
}

/** Write a report file atomically, creating its folder; a report in pieces is written piece by
 * piece. A folder, link, FIFO or device named as the file is refused, never replaced. */
export function writeReport(file: string, text: string | Iterable<string>): void {
  replaceFile(file, text);
}
