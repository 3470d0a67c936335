// The one orchestrator: load → parse → schema → model → rules → status. Commands call this
// and pick a formatter; nothing here prints. Specs are read once; learners are assessed one at
// a time and only their results are kept (pipeline/learner.ts).
import { compareDiagnostics, type Diagnostic, type Finding } from '../diagnostics.js';
import { listLearners, loadSpecs } from '../load/load.js';
import type { Reader } from '../load/reader.js';
import { buildIndex, type Index } from '../model/index.js';
import type { Specs } from '../model/types.js';
import type { CohortEntry, SpecContext } from '../rules/context.js';
import { RULES } from '../rules/index.js';
import { lazySource, resolve, type SourceFile } from '../source.js';
import { gapsOf, type Gap } from '../status/gaps.js';
import { assessLearner, resolveAll, type LearnerReport } from './learner.js';

export type { LearnerReport } from './learner.js';

export interface AnalyseOptions {
  asOf: string;
  /** Only these learners (folder names); the whole centre when absent. */
  learners?: string[];
  /** Run the rules (check does; status and gaps only need the statuses, but get them anyway
   * as a learner's findings come with its status). Spec-only commands pass false. */
  rules?: boolean;
}

export interface Analysis {
  specs: Specs;
  index: Index;
  asOf: string;
  /** Learners whose portfolio loaded, in folder-name order. */
  learners: LearnerReport[];
  /** Learners whose portfolio could not be read or parsed (their findings say why). */
  unreadable: string[];
  diagnostics: Diagnostic[];
  /** Every file read, for the check summary. */
  files: string[];
  gaps(): Gap[];
  /** Where a gap shows in the files (for CI annotations): the learner's entry for its unit, else
   * the learner's qualification line. */
  locate(gap: Gap): { file: string; line: number; column: number };
}

export function analyse(reader: Reader, opts: AnalyseOptions): Analysis {
  const loaded = loadSpecs(reader);
  const { specs } = loaded;
  const index = buildIndex(specs);
  const ctx: SpecContext = { specs, index, asOf: opts.asOf };
  const entries = listLearners(reader, opts.learners);
  reader.prefetch?.(entries.map((e) => e.file));

  const learners: LearnerReport[] = [];
  const unreadable: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    const a = assessLearner(ctx, reader, entry);
    if (a.report) learners.push(a.report);
    else unreadable.push(entry.id);
    if (opts.rules !== false) diagnostics.push(...a.diagnostics);
  }

  if (opts.rules !== false) {
    const findings: Finding[] = [...loaded.findings];
    const cohort: CohortEntry[] = learners.map((l) => ({ id: l.entry.id, file: l.entry.file, uln: l.result.uln }));
    for (const rule of RULES) {
      if (rule.specs) findings.push(...rule.specs(ctx));
      if (rule.cohort) findings.push(...rule.cohort(cohort));
    }
    diagnostics.push(...resolveAll(reader, findings));
  }
  diagnostics.sort(compareDiagnostics);

  const byId = new Map(learners.map((l) => [l.entry.id, l]));
  const sources = new Map<string, SourceFile>();
  const source = (file: string) => {
    let s = sources.get(file);
    if (!s) sources.set(file, (s = lazySource(file, () => reader.read(file))));
    return s;
  };
  return {
    specs,
    index,
    asOf: opts.asOf,
    learners,
    unreadable,
    diagnostics,
    files: [...loaded.files, ...entries.map((e) => e.file)],
    gaps: () => learners.flatMap((l) => gapsOf(l.result)),
    locate: (gap) => {
      const l = byId.get(gap.learner);
      if (!l) return { file: '', line: 0, column: 0 };
      const unit = gap.unit === null ? undefined : index.unit(gap.unit);
      const optional = unit ? l.optionalUnits.find((o) => index.unit(o.ref) === unit) : undefined;
      const file = l.entry.file;
      const d = resolve(source(file), { code: 'unknown-unit', message: '', target: { file, path: optional ? optional.path : ['qualification'] } });
      return { file: d.file, line: d.line, column: d.column };
    },
  };
}

/** Today as YYYY-MM-DD in local time: what an assessor means by "today". */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
