// Findings → diagnostics with line and column, and gaps → where they show in the files. A
// file's syntax tree is built only if one of its findings needs a position, and only once per
// call. Everything is placed by source.ts (placeAt): nothing here computes a line itself.
import { CODES, type Diagnostic, type Finding, type Target } from '../diagnostics.js';
import type { Reader } from '../load/reader.js';
import { Refused } from '../load/guard.js';
import { buildIndex, type Index } from '../model/index.js';
import type { Specs } from '../model/types.js';
import type { Gap } from '../status/gaps.js';
import type { LearnerSummary } from '../status/types.js';
import { lazySource, placeAt, resolve, type SourceFile } from '../source.js';

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
  try {
    return resolve(sourceOf(reader, f.target.file, sources), f);
  } catch {
    return resolve(undefined, f); // the file cannot be read again: the finding is about all of it
  }
}

function sourceOf(reader: Reader, file: string, sources: Map<string, SourceFile>): SourceFile {
  let source = sources.get(file);
  if (!source) sources.set(file, (source = lazySource(file, () => textOf(reader, file))));
  return source;
}

/** What gapPosition needs of an analysis: its specs and its learners. */
export interface Placed {
  specs: Specs;
  learners: readonly LearnerSummary[];
}

// Placing many gaps of one analysis: the index, the learners by id and the files read are
// kept with it (never on it), so each gap costs a lookup.
const memo = new WeakMap<Placed, { index: Index; byId: Map<string, LearnerSummary>; sources: Map<string, SourceFile> }>();

/** Where a gap shows in the files (for CI annotations): the learner's choice of its unit when
 * it is an optional unit they chose, else the learner's qualification line. */
export function gapPosition(reader: Reader, analysis: Placed, gap: Gap): { file: string; line: number; column: number } {
  let m = memo.get(analysis);
  if (!m) memo.set(analysis, (m = { index: buildIndex(analysis.specs), byId: new Map(analysis.learners.map((l) => [l.id, l])), sources: new Map() }));
  const l = m.byId.get(gap.learner);
  if (!l) return { file: '', line: 0, column: 0 };
  const unit = gap.unit === null ? undefined : m.index.unit(gap.unit);
  const optional = unit ? l.optionalUnits.find((o) => m.index.unit(o.ref) === unit) : undefined;
  const target: Target = { file: l.file, path: optional ? optional.path : ['qualification'] };
  let place: { line: number; column: number };
  try {
    place = placeAt(sourceOf(reader, l.file, m.sources), target);
  } catch {
    place = placeAt(undefined, target);
  }
  return { file: l.file, line: place.line, column: place.column };
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
