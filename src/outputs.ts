// Several reports from one run, as Spectral allows: `-f github -f junit -o folio.xml` prints
// annotations and writes a JUnit file, so one CI step reads the centre once. Each -o takes
// the --format written before it; a format without -o, or with -o -, goes to stdout (at most one).
import { replaceFile } from './write-file.js';

export interface Output {
  format: string;
  /** Absolute path, or undefined for stdout. */
  file?: string;
  /** -o - was given: stdout, and this format has its output. */
  stdout?: boolean;
}

// "-f json", "-fjson", "--format json", "--format=json": every form commander accepts
const FORMAT = /^(?:-f(?=$|[^-])|--format(?==|$))=?(.*)$/;
const OUTPUT = /^(?:-o(?=$|[^-])|--output(?==|$))=?(.*)$/;

/** Pair formats and outputs in the order they were written; throws a message on misuse. */
export function pairOutputs(argv: string[], allowed: string[], fallback: string, resolve: (p: string) => string): Output[] {
  const out: Output[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const f = FORMAT.exec(a);
    const o = f ? null : OUTPUT.exec(a);
    if (!f && !o) continue;
    const value = (f ?? o)![1] || argv[++i];
    if (value === undefined) throw new Error(`${a} needs a value`);
    if (f) {
      if (!allowed.includes(value)) throw new Error(`no format "${value}": use one of ${allowed.join(', ')}`);
      out.push({ format: value });
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
