// The specs and the centre file through parse → schema → model → spec rules → positions:
// what every learner is evaluated against, and the findings about the specs themselves.
// Every command that reads specs (check, status, history, progress, verify) goes through
// specStage, whatever its reader (working tree, commit, index); they differ only in which
// rules run.
import { pushAll } from '../iter.js';
import type { Diagnostic, Finding } from '../diagnostics.js';
import { loadSpecs } from '../load/load.js';
import type { Reader } from '../load/reader.js';
import { buildIndex, type Index } from '../model/index.js';
import type { Specs } from '../model/types.js';
import type { Rule } from '../rules/context.js';
import { RULES } from '../rules/index.js';
import { resolveAll } from './positions.js';

/** The specs as loaded, their index, and the findings of the rules asked for (positions not
 * yet resolved: a command that shows none never pays for them). */
export function specStage(reader: Reader, rules: readonly Rule[] = RULES): { specs: Specs; index: Index; findings: Finding[] } {
  const loaded = loadSpecs(reader);
  const index = buildIndex(loaded.specs);
  const findings: Finding[] = [...loaded.findings];
  for (const rule of rules) if (rule.specs) pushAll(findings, rule.specs({ specs: loaded.specs, index }));
  return { specs: loaded.specs, index, findings };
}

export function assessSpecs(reader: Reader): { specs: Specs; diagnostics: Diagnostic[] } {
  const { specs, findings } = specStage(reader);
  return { specs, diagnostics: resolveAll(reader, findings) };
}
