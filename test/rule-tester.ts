// A case table per cross-file rule, as ESLint's RuleTester has one per lint rule: each case is
// the smallest hand-built model (test/model-builders.ts) that shows one problem, or shows that
// something near it is not one. The rule runs as the pipeline runs it (its specs hook once, its
// learner hook on each learner with the status engine's result and the record as of the date,
// its cohort hook on every learner), and the table as a whole must exercise every code the rule
// declares and no other, so Rule.codes cannot drift from what the rule emits.
import { describe, expect, it } from 'vitest';
import { CODES, type Code, type Finding } from '../src/diagnostics.js';
import { buildIndex } from '../src/model/index.js';
import { recordAsOf } from '../src/model/as-of.js';
import type { CentreInfo, Learner, Qualification, Unit } from '../src/model/types.js';
import type { CohortEntry, Rule } from '../src/rules/context.js';
import { RULES } from '../src/rules/index.js';
import { evaluateLearner } from '../src/status/learner.js';
import { placed, specsOf } from './model-builders.js';

/** The as-of date of every case that does not give one. */
export const AS_OF = '2026-06-30';

/** A centre as small as a case needs. Learners are placed in their own portfolio files
 * (placed()), so findings say where they point as a real run would. */
export interface Model {
  units?: Unit[];
  qualifications?: Qualification[];
  centre?: CentreInfo;
  /** Ids of spec files in error (their findings are the loader's, not the rule's). */
  unreadable?: string[];
  learners?: Learner[];
  asOf?: string;
}

/** One expected finding: its code alone, or the code with which message it is (its message
 * id), the data that message is written from, where it points and what it says. A case tells
 * findings apart by message id and data; `says` is for what the wording itself must show (a
 * value quoted, a fix offered). */
export type Expected =
  | Code
  | {
      code: Code;
      messageId?: string;
      /** Values the finding's data must hold (it may hold others too). */
      data?: Record<string, unknown>;
      file?: string;
      path?: (string | number)[];
      key?: boolean;
      whole?: boolean;
      /** Texts the message must contain. */
      says?: string[];
    };

export interface ValidCase {
  name: string;
  model: Model;
}

export interface InvalidCase extends ValidCase {
  /** Every finding, in the order the rule gives them. */
  errors: Expected[];
}

/** What the rule finds in the model, hook by hook as the pipeline calls them. */
export function runRule(rule: Rule, model: Model): Finding[] {
  const asOf = model.asOf ?? AS_OF;
  const specs = specsOf(model);
  const index = buildIndex(specs);
  const learners = (model.learners ?? []).map(placed);
  const out: Finding[] = [...(rule.specs?.({ specs, index }) ?? [])];
  for (const learner of learners) {
    if (!rule.learner) break;
    const result = evaluateLearner(learner, index, specs.centre, asOf);
    out.push(...rule.learner({ specs, index, asOf, learner, record: recordAsOf(learner, asOf), result }));
  }
  const cohort: CohortEntry[] = learners.map((l) => ({ id: l.id, file: l.loc.file, uln: l.uln }));
  out.push(...(rule.cohort?.(cohort) ?? []));
  return out;
}

function matches(f: Finding, e: Expected): void {
  const want = typeof e === 'string' ? { code: e } : e;
  expect(f.code).toBe(want.code);
  expect(f.messageId, `${want.code}: message id`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  expect(JSON.parse(JSON.stringify(f.data)), `${want.code}: data is plain JSON`).toEqual(f.data);
  if (want.messageId !== undefined) expect(f.messageId, `${want.code}: message id`).toBe(want.messageId);
  if (want.data !== undefined) expect(f.data, `${want.code}: data`).toMatchObject(want.data);
  if (want.file !== undefined) expect(f.target.file, `${want.code}: file`).toBe(want.file);
  if (want.path !== undefined) expect(f.target.path, `${want.code}: path`).toEqual(want.path);
  if (want.key !== undefined) expect(!!f.target.key, `${want.code}: key`).toBe(want.key);
  if (want.whole !== undefined) expect(!!f.target.whole, `${want.code}: whole file`).toBe(want.whole);
  for (const text of want.says ?? []) expect(f.message).toContain(text);
}

/** The table for one rule: a test per case, and the checks that tie the table to Rule.codes. */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule: ${rule.name}`, () => {
    it('is one of the rules the pipeline runs, declaring registered codes once each', () => {
      expect(RULES).toContain(rule);
      expect(new Set(rule.codes).size).toBe(rule.codes.length);
      for (const code of rule.codes) expect(Object.keys(CODES)).toContain(code);
    });

    if (cases.valid.length) {
      it.each(cases.valid)('valid: $name', ({ model }) => {
        expect(runRule(rule, model).map((f) => `${f.code}: ${f.message}`)).toEqual([]);
      });
    }

    it.each(cases.invalid)('invalid: $name', ({ model, errors }) => {
      const found = runRule(rule, model);
      expect(found.map((f) => f.code), found.map((f) => f.message).join('\n')).toEqual(errors.map((e) => (typeof e === 'string' ? e : e.code)));
      found.forEach((f, i) => matches(f, errors[i]!));
    });

    it('has an invalid case for every code the rule declares, and none for a code it does not', () => {
      const emitted = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => (typeof e === 'string' ? e : e.code))));
      expect([...emitted].filter((code) => !rule.codes.includes(code)), 'emitted but not declared').toEqual([]);
      expect(rule.codes.filter((code) => !emitted.has(code)), 'declared but never emitted').toEqual([]);
    });
  });
}
