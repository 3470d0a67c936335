// One learner through parse → schema → model → status → rules → positions. Everything a
// learner needs from the rest of the centre is in the spec context, so learners can be
// assessed one at a time, in any order, on any thread, or taken from the cache; what comes out
// is plain data that no longer refers to the model.
import type { Diagnostic, Finding } from '../diagnostics.js';
import { loadLearner, type LearnerEntry } from '../load/load.js';
import type { Reader } from '../load/reader.js';
import type { Path } from '../model/types.js';
import type { SpecContext } from '../rules/context.js';
import { RULES } from '../rules/index.js';
import { lazySource, resolve } from '../source.js';
import { evaluateLearner } from '../status/learner.js';
import type { LearnerResult } from '../status/types.js';

/** What a run keeps of a learner whose portfolio loaded. */
export interface LearnerReport {
  entry: LearnerEntry;
  result: LearnerResult;
  /** Where each optional unit is chosen in the portfolio, for placing gaps in CI reports. */
  optionalUnits: { ref: string; path: Path }[];
}

export interface Assessed {
  /** Undefined when the portfolio could not be read or parsed at all. */
  report?: LearnerReport;
  diagnostics: Diagnostic[];
}

export function assessLearner(ctx: SpecContext, reader: Reader, entry: LearnerEntry): Assessed {
  const { learner, findings } = loadLearner(reader, entry);
  if (!learner) return { diagnostics: resolveAll(reader, findings) };
  const result = evaluateLearner(learner, ctx.index, ctx.specs.centre, ctx.asOf);
  const lctx = { ...ctx, learner, result };
  for (const rule of RULES) if (rule.learner) findings.push(...rule.learner(lctx));
  return {
    report: { entry, result, optionalUnits: learner.optionalUnits.map((u) => ({ ref: u.ref, path: u.loc.path })) },
    diagnostics: resolveAll(reader, findings),
  };
}

/** Findings → diagnostics with line and column. A file's syntax tree is built only if one of
 * its findings needs a position, and only once. */
export function resolveAll(reader: Reader, findings: Finding[]): Diagnostic[] {
  const sources = new Map<string, ReturnType<typeof lazySource>>();
  return findings.map((f) => {
    const file = f.target.file;
    let source = sources.get(file);
    if (!source) sources.set(file, (source = lazySource(file, () => reader.read(file))));
    try {
      return resolve(source, f);
    } catch {
      return resolve(undefined, f); // the file cannot be read again: the finding is about all of it
    }
  });
}
