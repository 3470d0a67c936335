// Whether an IQA record came after the plan line that asked for it (eqa/provenance.ts), case by
// case: the rule the EQA pack and verify's verify-iqa-before-plan share.
import { describe, expect, it } from 'vitest';
import { NO_REPOSITORY, planOrder, type PlanOrder, type Provenance } from '../src/eqa/provenance.js';

const at = (commit: string): Provenance => ({ commit, author: 'Carol IQA', email: 'carol@centre.example', date: '2026-03-01', later: [] });
const none = (unknown: Provenance['unknown']): Provenance => ({ ...NO_REPOSITORY, unknown });
// P wrote the plan line; A is a later commit with P in its history; B is not (before P, or on
// a branch without it).
const descendants = (c: string) => new Set(c === 'P' ? ['A'] : []);
const ON = { record: '2026-03-05', plan: '2026-03-01' };

const cases: [string, Provenance, Provenance, { record: string; plan: string }, PlanOrder][] = [
  ['committed after the plan, in its history', at('P'), at('A'), ON, 'after-plan'],
  ['committed before the plan, or on a branch without it', at('P'), at('B'), ON, 'before-plan'],
  ['committed in the same commit as the plan', at('P'), at('P'), ON, 'before-plan'],
  ['dated on the plan\'s day, committed first', at('P'), at('B'), { record: '2026-03-01', plan: '2026-03-01' }, 'before-plan'],
  ['dated before the plan\'s day: not a sample of it', at('P'), at('B'), { record: '2026-02-28', plan: '2026-03-01' }, 'dated-before-plan'],
  ['dated before the plan\'s day, outside git', NO_REPOSITORY, NO_REPOSITORY, { record: '2026-02-28', plan: '2026-03-01' }, 'dated-before-plan'],
  ['outside git', NO_REPOSITORY, NO_REPOSITORY, ON, 'unknown'],
  ['record not committed yet, plan committed', at('P'), none('not-committed'), ON, 'after-plan'],
  ['neither committed', none('not-committed'), none('not-committed'), ON, 'unknown'],
  ['record committed, plan line not', none('not-committed'), at('B'), ON, 'before-plan'],
  ['plan line older than a shallow clone', none('history-cut'), at('A'), ON, 'unknown'],
  ['record older than a shallow clone', at('P'), none('history-cut'), ON, 'unknown'],
];

describe('planOrder', () => {
  it.each(cases)('%s', (_, planned, recorded, days, expected) => {
    expect(planOrder(planned, recorded, days, descendants)).toBe(expected);
  });
});
