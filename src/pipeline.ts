// The one orchestrator: load → parse → schema → model → rules → status. Commands call this
// and pick a formatter; nothing here prints.
import { compareDiagnostics, type Diagnostic, type Finding } from './diagnostics.js';
import { loadCentre } from './load/load.js';
import type { Reader } from './load/reader.js';
import { buildIndex, type Index } from './model/index.js';
import type { Centre, Learner } from './model/types.js';
import { RULES } from './rules/index.js';
import { resolve } from './source.js';
import { gapsOf, type Gap } from './status/gaps.js';
import { evaluateLearner } from './status/learner.js';
import type { LearnerResult } from './status/types.js';

export interface AnalyseOptions {
  asOf: string;
  /** Only these learners (folder names); the whole centre when absent. */
  learners?: string[];
  /** Run the cross-file rules (check does; status and gaps only need the statuses). */
  rules?: boolean;
}

export interface Analysis {
  centre: Centre;
  index: Index;
  asOf: string;
  diagnostics: Diagnostic[];
  result(learner: Learner): LearnerResult;
  results(): LearnerResult[];
  gaps(): Gap[];
  /** Where a gap shows in the files (for CI annotations): the learner's entry for its unit, else
   * the learner's qualification line. */
  locate(gap: Gap): { file: string; line: number; column: number };
}

export function analyse(reader: Reader, opts: AnalyseOptions): Analysis {
  const { centre, findings } = loadCentre(reader, { learners: opts.learners });
  const index = buildIndex(centre);
  const cache = new Map<Learner, LearnerResult>();
  const result = (l: Learner) => {
    let r = cache.get(l);
    if (!r) cache.set(l, (r = evaluateLearner(l, index, centre.centre, opts.asOf)));
    return r;
  };
  const all: Finding[] = [...findings];
  if (opts.rules !== false) {
    const ctx = { centre, index, asOf: opts.asOf, result };
    for (const rule of RULES) all.push(...rule.run(ctx));
  }
  const diagnostics = all.map((f) => resolve(centre.sources.get(f.target.file), f)).sort(compareDiagnostics);
  return {
    centre,
    index,
    asOf: opts.asOf,
    diagnostics,
    result,
    results: () => centre.learners.map(result),
    gaps: () => centre.learners.flatMap((l) => gapsOf(result(l))),
    locate: (gap) => {
      const l = centre.learners.find((x) => x.id === gap.learner);
      if (!l) return { file: '', line: 0, column: 0 };
      const unit = gap.unit === null ? undefined : index.unit(gap.unit);
      const optional = unit ? l.optionalUnits.find((o) => index.unit(o.ref) === unit) : undefined;
      const d = resolve(centre.sources.get(l.loc.file), { code: 'unknown-unit', message: '', target: optional ? optional.loc : { file: l.loc.file, path: ['qualification'] } });
      return { file: d.file, line: d.line, column: d.column };
    },
  };
}

/** Today as YYYY-MM-DD in local time: what an assessor means by "today". */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
