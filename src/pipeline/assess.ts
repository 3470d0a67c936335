// The pipeline's core, as one pure function: the specs once, each learner through the stages
// (pipeline/learner.ts), the rules across learners, diagnostics sorted. It reads only through
// its reader and keeps nothing between runs. analyse (pipeline/index.ts) is the same run with
// the cache, worker threads and result storage for big cohorts around it; both end in
// `finish`, so what they return is the same plain data (test/pipeline.test.ts compares them).
// The parsing stages are loaded only when something has to be parsed: a check that finds
// every learner in the cache never loads the parser or the schemas.
import { pushAll } from '../iter.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { listLearners, specFiles } from '../load/files.js';
import type { Reader } from '../load/reader.js';
import { buildIndex } from '../model/index.js';
import type { Specs } from '../model/types.js';
import { RULES } from '../rules/index.js';
import type { LearnerSummary } from '../status/types.js';
import { ResultStore } from './results.js';

/** What an analysis of a centre (or of some of its learners) found. Plain data: no getters,
 * no functions; full results are kept apart, in a ResultStore. */
export interface Analysis {
  specs: Specs;
  asOf: string;
  /** Learners whose portfolio loaded, in folder-name order. */
  learners: LearnerSummary[];
  /** Learners whose portfolio could not be read or parsed (their findings say why). */
  unreadable: string[];
  /** Every finding, sorted (file, line, column, code); empty with rules: false. */
  diagnostics: Diagnostic[];
  /** Every file read, for the check summary. */
  files: string[];
  /** How many learners came from the cache (0 without one). */
  cached: number;
}

/** An analysis and the full results of its learners (when asked for), read one at a time. */
export interface Analysed {
  analysis: Analysis;
  results: ResultStore;
}

export interface AssessOptions {
  asOf: string;
  /** Only these learners (folder names); the whole centre when absent. */
  learners?: string[];
  /** Keep findings (check and every command that reports errors); false for spec-only commands. */
  rules?: boolean;
  /** Keep full results (status, gaps, progress); check needs only each learner's summary. */
  results?: boolean;
  /** Called after each learner, for a progress bar. */
  progress?: (done: number, total: number) => void;
}

/** The spec files and the centre file, as listed (what the check summary counts). */
export function specList(reader: Reader): string[] {
  const found = specFiles(reader);
  return [...found.units, ...found.qualifications, ...(found.centre ? [found.centre] : [])];
}

export async function assessAll(reader: Reader, opts: AssessOptions): Promise<Analysed> {
  const [{ assessSpecs }, { assessLearner }] = await Promise.all([import('./specs.js'), import('./learner.js')]);
  const files = specList(reader);
  const { specs, diagnostics } = assessSpecs(reader);
  const ctx = { specs, index: buildIndex(specs), asOf: opts.asOf };
  const entries = listLearners(reader, opts.learners);
  const results = new ResultStore(opts.results === true);
  const assessed = entries.map((entry, i) => {
    const a = assessLearner(ctx, reader, entry);
    if (a.summary && a.result) results.keep(entry.id, a.result);
    opts.progress?.(i + 1, entries.length);
    return { id: entry.id, summary: a.summary, diagnostics: a.diagnostics };
  });
  const analysis = await finish(reader, { specs, asOf: opts.asOf, specDiagnostics: diagnostics, files: [...files, ...entries.map((e) => e.file)], learners: assessed, cached: 0, rules: opts.rules });
  return { analysis, results };
}

/** Each learner as it came out of its stages (or the cache), in folder-name order. */
export interface Slot {
  id: string;
  summary?: LearnerSummary;
  diagnostics: Diagnostic[];
}

/** The end of every run: the rules across learners, and the analysis put together. */
export async function finish(reader: Reader, p: { specs: Specs; asOf: string; specDiagnostics: Diagnostic[]; files: string[]; learners: Slot[]; cached: number; rules?: boolean }): Promise<Analysis> {
  const learners: LearnerSummary[] = [];
  const unreadable: string[] = [];
  const diagnostics: Diagnostic[] = [...p.specDiagnostics];
  for (const slot of p.learners) {
    if (slot.summary) learners.push(slot.summary);
    else unreadable.push(slot.id);
    pushAll(diagnostics, slot.diagnostics);
  }
  const findings = RULES.flatMap((rule) => rule.cohort?.(learners) ?? []);
  if (findings.length) pushAll(diagnostics, (await import('./positions.js')).resolveAll(reader, findings));
  diagnostics.sort(compareDiagnostics);
  return { specs: p.specs, asOf: p.asOf, learners, unreadable, diagnostics: p.rules === false ? [] : diagnostics, files: p.files, cached: p.cached };
}
