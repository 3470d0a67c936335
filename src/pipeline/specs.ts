// The specs and the centre file through parse → schema → model → spec rules → positions:
// what every learner is evaluated against, and the findings about the specs themselves.
import { pushAll } from '../iter.js';
import type { Diagnostic, Finding } from '../diagnostics.js';
import { loadSpecs } from '../load/load.js';
import type { Reader } from '../load/reader.js';
import { buildIndex } from '../model/index.js';
import type { Specs } from '../model/types.js';
import { RULES } from '../rules/index.js';
import { resolveAll } from './positions.js';

export function assessSpecs(reader: Reader): { specs: Specs; diagnostics: Diagnostic[] } {
  const loaded = loadSpecs(reader);
  const ctx = { specs: loaded.specs, index: buildIndex(loaded.specs) };
  const findings: Finding[] = [...loaded.findings];
  for (const rule of RULES) if (rule.specs) pushAll(findings, rule.specs(ctx));
  return { specs: loaded.specs, diagnostics: resolveAll(reader, findings) };
}
