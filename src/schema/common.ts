// Shape primitives shared by the four file kinds. Scalars arrive as text (see source.ts);
// these convert and validate them, attaching a stable code and a fix for the issue mapper.
import { z } from 'zod';
import { isIsoDate } from '../dates.js';

export { isIsoDate };

export const METHODS = [
  'observation',
  'witness-testimony',
  'expert-witness',
  'professional-discussion',
  'questioning',
  'written-questions',
  'work-product',
  'reflective-account',
  'case-study',
  'project',
  'simulation',
  'rpl',
] as const;
export type Method = (typeof METHODS)[number];

export const DECISIONS = ['accepted', 'not-yet'] as const;
export const IQA_STAGES = ['interim', 'summative'] as const;
export const IQA_DECISIONS = ['agreed', 'not-agreed'] as const;
export const ROLES = ['assessor', 'iqa', 'eqa', 'admin'] as const;
export const OUTCOME_TYPES = ['knowledge', 'performance'] as const;
export const WITNESS_STATUSES = ['1', '2', '3', '4', '5'] as const;
/** How a unit was achieved without being assessed here (README "The learner's lifecycle"). */
export const EXEMPTION_KINDS = ['credit-transfer', 'exemption', 'rpl'] as const;
/** Which units need an agreed summative IQA before they may be claimed. */
export const BEFORE_CLAIM = ['none', 'sampled', 'all'] as const;

export interface Check {
  code: 'invalid-number' | 'invalid-date' | 'invalid-value';
  /** The finding's message id (diagnostics.ts). */
  id: string;
  problem: string;
  fix: string;
}

const check = (c: Check) => ({ params: c });

export const text = z.string();

/** Optional fields accept an empty value (`key:`) as "not given". */
export function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish();
}

// The checks are named so the editor schemas (json-schema.ts) can reuse their wording.
export const WHOLE_CHECK: Check = { code: 'invalid-number', id: 'not-whole', problem: 'is not a whole number', fix: 'write a whole number such as 5' };
export const POSITIVE_CHECK: Check = { code: 'invalid-number', id: 'not-positive', problem: 'is not a whole number of 1 or more', fix: 'write a whole number such as 2' };
export const DATE_CHECK: Check = { code: 'invalid-date', id: 'not-a-date', problem: 'is not a calendar date', fix: 'write the date as YYYY-MM-DD, e.g. 2026-03-04' };

/** Beyond 2^53 - 1 a number cannot be held exactly (9007199254740993 becomes ...992), and
 * 99999999999999999999999 would show as 1e+23: such a value is refused, not rounded. */
export const RANGE_CHECK: Check = { code: 'invalid-number', id: 'too-large', problem: `is larger than ${Number.MAX_SAFE_INTEGER}, the largest whole number folio holds exactly`, fix: 'write the number folio should use, such as 5' };
const inRange = (s: string) => Number.isSafeInteger(Number(s.trim()));

export const whole = z
  .string()
  .refine((s) => /^\d+$/.test(s.trim()), { ...check(WHOLE_CHECK), abort: true })
  .refine(inRange, check(RANGE_CHECK))
  .transform((s) => Number(s.trim()));

export const positive = z
  .string()
  .refine((s) => /^[1-9]\d*$/.test(s.trim()), { ...check(POSITIVE_CHECK), abort: true })
  .refine(inRange, check(RANGE_CHECK))
  .transform((s) => Number(s.trim()));


export const PERCENT_CHECK: Check = { code: 'invalid-number', id: 'not-percent', problem: 'is not a whole percentage from 0 to 100', fix: 'write a whole number from 0 to 100, such as 25' };

/** A sampling rate: a whole percentage, written with or without the % sign. */
export const percent = z
  .string()
  .refine((s) => /^(100|[1-9]?\d)\s*%?$/.test(s.trim()), check(PERCENT_CHECK))
  .transform((s) => Number(s.trim().replace(/\s*%$/, '')));

export const date = z
  .string()
  .refine((s) => isIsoDate(s.trim()), check(DATE_CHECK))
  .transform((s) => s.trim());

export const method = z.enum(METHODS);
export const methods = z.array(method);

/** A list of texts. */
export const textList = z.array(text);

/** zod's strictObject, with the allowed keys carried in the unknown-key message for suggestions. */
export function strict<S extends z.ZodRawShape>(shape: S) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? JSON.stringify(allowed) : undefined),
  });
}

/** Objects that must give exactly one of some keys, with those keys: the editor schemas
 * (json-schema.ts) state the same rule from this registry. */
export const exactlyOneOf = z.registry<{ keys: readonly string[] }>();

/** What a finding says when an object gives none, or more than one, of the keys it needs one of. */
export interface OneOfFinding {
  code: string;
  id: string;
  data: Record<string, unknown>;
  message: string;
}

/** The object schema, refined to give exactly one of keys (an empty value is not given). */
export function exactlyOne<S extends z.ZodType<Record<string, unknown>>, K extends keyof z.output<S> & string>(schema: S, keys: readonly K[], finding: (value: z.output<S>, given: K[]) => OneOfFinding) {
  const refined = schema.superRefine((value: z.output<S>, ctx) => {
    const given = keys.filter((k) => value[k] != null && value[k] !== '');
    if (given.length === 1) return;
    ctx.addIssue({ code: 'custom', input: value, params: finding(value, given) });
  });
  exactlyOneOf.add(refined, { keys });
  return refined;
}

/** Assessment rules that may stand on a unit, an outcome or a criterion. */
export const ruleFields = {
  methods: opt(methods).describe('Evidence methods that may be used; the value on a criterion wins over its outcome\'s, which wins over the unit\'s'),
  requires: opt(methods).describe('At least one accepted evidence item must use one of these methods (e.g. observation for performance criteria)'),
  'min-evidence': opt(positive).describe('Accepted evidence items needed for each criterion (default 1)'),
};
