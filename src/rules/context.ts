// What every rule receives: the model, its lookups, the date "today" means, and the status
// engine's results (computed once, shared with the status stage).
import type { Code, Finding } from '../diagnostics.js';
import type { Index } from '../model/index.js';
import type { Centre, Learner, Loc } from '../model/types.js';
import type { LearnerResult } from '../status/types.js';

export interface RuleContext {
  centre: Centre;
  index: Index;
  asOf: string;
  result(learner: Learner): LearnerResult;
}

export interface Rule {
  name: string;
  codes: Code[];
  run(ctx: RuleContext): Finding[];
}

export function at(code: Code, loc: Loc, message: string, opts: { key?: boolean; sub?: (string | number)[] } = {}): Finding {
  return { code, message, target: { file: loc.file, path: [...loc.path, ...(opts.sub ?? [])], key: opts.key } };
}
