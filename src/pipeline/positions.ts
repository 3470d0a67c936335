// Findings → diagnostics with line and column. A file's syntax tree is built only if one of
// its findings needs a position, and only once per call.
import { CODES, type Diagnostic, type Finding } from '../diagnostics.js';
import type { Reader } from '../load/reader.js';
import { Refused } from '../load/guard.js';
import { lazySource, resolve, type SourceFile } from '../source.js';

export function resolveAll(reader: Reader, findings: Finding[]): Diagnostic[] {
  const sources = new Map<string, SourceFile>();
  return withoutConsequences(findings.map((f) => resolveOne(reader, f, sources)));
}

// A raw control character in a name is reported where it stands (control-character); the
// name's own finding (unsafe-text) on that line would say the same thing again.
function withoutConsequences(diagnostics: Diagnostic[]): Diagnostic[] {
  const cause = (d: Diagnostic): string | undefined => (CODES[d.code] as { consequenceOf?: string }).consequenceOf;
  if (!diagnostics.some((d) => cause(d))) return diagnostics;
  const lines = new Set(diagnostics.map((d) => `${d.code}\0${d.file}\0${d.line}`));
  return diagnostics.filter((d) => {
    const c = cause(d);
    return !c || d.line === 0 || !lines.has(`${c}\0${d.file}\0${d.line}`);
  });
}

export function resolveOne(reader: Reader, f: Finding, sources: Map<string, SourceFile>): Diagnostic {
  const file = f.target.file;
  let source = sources.get(file);
  if (!source) sources.set(file, (source = lazySource(file, () => textOf(reader, file))));
  try {
    return resolve(source, f);
  } catch {
    return resolve(undefined, f); // the file cannot be read again: the finding is about all of it
  }
}

// A file that is not UTF-8 is refused, but its finding points at the first bad byte: in the
// text as decoded with a replacement character for each bad sequence, which the refusal carries.
function textOf(reader: Reader, file: string): string {
  try {
    return reader.read(file);
  } catch (e) {
    if (e instanceof Refused && e.text !== undefined) return e.text;
    throw e;
  }
}
