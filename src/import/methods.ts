// "Evidence may be supplied by: Observation, witness testimony, customer records*, …" →
// the fixed vocabulary of evidence methods (README "Unit specification"). Documents and records
// that a candidate produces or refers to in the workplace are work products (seed 004's "*" note).
import type { Method } from '../schema/common.js';

// Order matters: the first pattern that matches a phrase decides ("expert witness" before
// "witness", "written questions" before "questioning").
const PATTERNS: [RegExp, Method][] = [
  [/\bexpert witness/i, 'expert-witness'],
  [/\bwitness(es)?\b|\btestimon|third.party/i, 'witness-testimony'],
  [/\bobserv/i, 'observation'],
  [/professional discussion/i, 'professional-discussion'],
  [/written (questions|questioning|answers|test)|\bassignment|\bworkbook/i, 'written-questions'],
  [/\bquestion|\boral\b|\bq ?& ?a\b/i, 'questioning'],
  [/reflective|personal statement|learner statement|candidate statement|\blog\b|diary/i, 'reflective-account'],
  [/case stud/i, 'case-study'],
  [/\bproject/i, 'project'],
  [/simulat|role.?play/i, 'simulation'],
  [/prior (learning|achievement|experience)|\bRP[LA]\b|\bAP[LA]\b/i, 'rpl'],
  [
    /work.?products?|\bproducts?\b|document|record|material|manual|\bbrand\b|offer|content|schedule|rota|plan\b|script|instruction|polic(y|ies)|procedure|requirement|report|photo|video|audio|recording|e-?evidence|letter|email|minutes|form\b|portfolio/i,
    'work-product',
  ],
];

export function methodOf(phrase: string): Method | undefined {
  return PATTERNS.find(([re]) => re.test(phrase))?.[1];
}

/** Split a method list into phrases: commas, semicolons, bullets and a final "and". */
export function methodPhrases(list: string): string[] {
  return list
    .split(/[,;•·▪]|\s+and\s+|\s+or\s+/)
    .map((p) => p.replace(/[*.:]+/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}
