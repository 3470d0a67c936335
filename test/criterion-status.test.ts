// Rule case table for one criterion's status (DESIGN.md "What each status means"):
// met, insufficient (with each shortfall), awaiting-assessment, not-yet, missing, and the
// as-of date.
import { describe, expect, it } from 'vitest';
import type { Criterion, Evidence } from '../src/model/types.js';
import type { Method } from '../src/schema/common.js';
import { evaluateCriterion } from '../src/status/criterion.js';
import type { CriterionStatus, Shortfall } from '../src/status/types.js';
import type { WitnessBook } from '../src/status/witness.js';

const AS_OF = '2026-06-01';

function crit(rules: { methods?: Method[]; requires?: Method[]; minEvidence?: number } = {}): Criterion {
  return {
    id: '4.1',
    outcome: '4',
    text: 'Maintain organisational standards of presentation',
    rules: { methods: rules.methods, requires: rules.requires, minEvidence: rules.minEvidence ?? 1 },
    loc: { file: 'specs/units/A-506-2130.yaml', path: ['outcomes', 0, 'criteria', 0] },
  };
}

interface EvOpts {
  /** Assessment decision; omitted means not assessed. */
  decision?: 'accepted' | 'not-yet';
  assessed?: string;
  date?: string | null; // null: the item has no date
  fileProblem?: 'missing' | 'outside';
  by?: string;
}

function ev(id: string, method: Method, o: EvOpts = {}): Evidence {
  return {
    id,
    method,
    date: o.date === null ? undefined : (o.date ?? '2026-03-01'),
    location: o.fileProblem ? { kind: 'file', value: `evidence/${id}.md` } : { kind: 'ref', value: `log ${id}` },
    fileProblem: o.fileProblem,
    covers: [{ unitRef: 'A/506/2130', criteria: [{ criterion: '4.1', loc: { file: 'p.yaml', path: [] } }], loc: { file: 'p.yaml', path: [] } }],
    assessment: o.decision ? { by: o.by ?? 'a.jones', date: o.assessed ?? '2026-03-05', decision: o.decision, loc: { file: 'p.yaml', path: [] } } : undefined,
    loc: { file: 'portfolios/NT-0001/portfolio.yaml', path: ['evidence', 0] },
  };
}

const EXPERT: WitnessBook = new Map([['w-lund', { id: 'w-lund', name: 'Mark Lund', status: '1', loc: { file: 'p.yaml', path: [] } }]]);
const acc = (id: string, method: Method, o: EvOpts = {}) => ev(id, method, { ...o, decision: 'accepted' });
const ny = (id: string, method: Method, o: EvOpts = {}) => ev(id, method, { ...o, decision: 'not-yet' });

interface Case {
  name: string;
  criterion: Criterion;
  items: Evidence[];
  asOf?: string;
  /** Who may assess; omitted: no staff list, every decision counts. */
  mayAssess?: (id: string) => boolean;
  /** The portfolio's witnesses, by id. */
  witnesses?: WitnessBook;
  status: CriterionStatus;
  shortfalls: Shortfall[];
  evidence: string[];
  pending: string[];
}

const cases: Case[] = [
  // ── missing ──
  { name: 'nothing covers it', criterion: crit(), items: [], status: 'missing', shortfalls: [{ reason: 'missing' }], evidence: [], pending: [] },

  // ── met ──
  { name: 'one accepted item, no rules', criterion: crit(), items: [acc('E1', 'observation')], status: 'met', shortfalls: [], evidence: ['E1'], pending: [] },
  { name: 'accepted item of an accepted method', criterion: crit({ methods: ['observation', 'work-product'] }), items: [acc('E1', 'work-product')], status: 'met', shortfalls: [], evidence: ['E1'], pending: [] },
  { name: 'min-evidence 2 with two accepted', criterion: crit({ minEvidence: 2 }), items: [acc('E1', 'observation'), acc('E2', 'work-product')], status: 'met', shortfalls: [], evidence: ['E1', 'E2'], pending: [] },
  { name: 'requires observation, accepted observation and witness testimony', criterion: crit({ requires: ['observation'], minEvidence: 2 }), items: [acc('E1', 'witness-testimony'), acc('E2', 'observation')], status: 'met', shortfalls: [], evidence: ['E1', 'E2'], pending: [] },
  { name: 'requires observation or expert witness, accepted expert witness (status 1)', criterion: crit({ requires: ['observation', 'expert-witness'] }), items: [{ ...acc('E1', 'expert-witness'), witness: 'w-lund' }], witnesses: EXPERT, status: 'met', shortfalls: [], evidence: ['E1'], pending: [] },
  { name: 'one accepted and one not-yet', criterion: crit(), items: [ny('E1', 'observation'), acc('E2', 'observation')], status: 'met', shortfalls: [], evidence: ['E1', 'E2'], pending: [] },
  { name: 'met with a further item still pending (pending is listed, no shortfall)', criterion: crit(), items: [acc('E1', 'observation'), ev('E2', 'questioning')], status: 'met', shortfalls: [], evidence: ['E1', 'E2'], pending: ['E2'] },
  { name: 'a broken file does not block when another valid item suffices', criterion: crit(), items: [acc('E1', 'observation', { fileProblem: 'missing' }), acc('E2', 'work-product')], status: 'met', shortfalls: [], evidence: ['E1', 'E2'], pending: [] },
  { name: 'an item without a date is never filtered out by the as-of date', criterion: crit(), items: [acc('E1', 'observation', { date: null, assessed: '1999-12-31' })], asOf: '2000-01-01', status: 'met', shortfalls: [], evidence: ['E1'], pending: [] },

  // ── awaiting-assessment ──
  { name: 'one item, not assessed', criterion: crit(), items: [ev('E1', 'observation')], status: 'awaiting-assessment', shortfalls: [{ reason: 'awaiting-assessment', pending: ['E1'] }], evidence: ['E1'], pending: ['E1'] },
  { name: 'two items, neither assessed', criterion: crit(), items: [ev('E1', 'observation'), ev('E2', 'witness-testimony')], status: 'awaiting-assessment', shortfalls: [{ reason: 'awaiting-assessment', pending: ['E1', 'E2'] }], evidence: ['E1', 'E2'], pending: ['E1', 'E2'] },
  { name: 'mixed: one pending and one not-yet', criterion: crit(), items: [ny('E1', 'observation'), ev('E2', 'observation')], status: 'awaiting-assessment', shortfalls: [{ reason: 'awaiting-assessment', pending: ['E2'] }], evidence: ['E1', 'E2'], pending: ['E2'] },
  { name: 'pending item of a method the criterion does not accept is still awaiting assessment', criterion: crit({ methods: ['observation'] }), items: [ev('E1', 'simulation')], status: 'awaiting-assessment', shortfalls: [{ reason: 'awaiting-assessment', pending: ['E1'] }], evidence: ['E1'], pending: ['E1'] },

  // ── not-yet ──
  { name: 'one item assessed not-yet', criterion: crit(), items: [ny('E1', 'observation')], status: 'not-yet', shortfalls: [{ reason: 'not-yet', referred: ['E1'] }], evidence: ['E1'], pending: [] },
  { name: 'every item assessed not-yet', criterion: crit(), items: [ny('E1', 'observation'), ny('E2', 'work-product')], status: 'not-yet', shortfalls: [{ reason: 'not-yet', referred: ['E1', 'E2'] }], evidence: ['E1', 'E2'], pending: [] },

  // ── insufficient ──
  {
    name: 'method-not-accepted: methods [observation], accepted witness testimony',
    criterion: crit({ methods: ['observation'] }),
    items: [acc('E1', 'witness-testimony')],
    status: 'insufficient',
    shortfalls: [{ reason: 'method-not-accepted', items: ['E1'], methods: ['observation'] }],
    evidence: ['E1'],
    pending: [],
  },
  {
    name: 'method-not-accepted and needs-more-evidence: min-evidence 2, one item of a wrong method',
    criterion: crit({ methods: ['observation'], minEvidence: 2 }),
    items: [acc('E1', 'observation'), acc('E2', 'witness-testimony')],
    status: 'insufficient',
    shortfalls: [
      { reason: 'method-not-accepted', items: ['E2'], methods: ['observation'] },
      { reason: 'needs-more-evidence', have: ['E1'], need: 2 },
    ],
    evidence: ['E1', 'E2'],
    pending: [],
  },
  {
    name: 'needs-more-evidence: min-evidence 2 with one accepted',
    criterion: crit({ minEvidence: 2 }),
    items: [acc('E1', 'observation')],
    status: 'insufficient',
    shortfalls: [{ reason: 'needs-more-evidence', have: ['E1'], need: 2 }],
    evidence: ['E1'],
    pending: [],
  },
  {
    name: 'needs-more-evidence: min-evidence 3, one accepted, one not-yet',
    criterion: crit({ minEvidence: 3 }),
    items: [acc('E1', 'observation'), ny('E2', 'observation')],
    status: 'insufficient',
    shortfalls: [{ reason: 'needs-more-evidence', have: ['E1'], need: 3 }],
    evidence: ['E1', 'E2'],
    pending: [],
  },
  {
    name: 'needs-more-evidence with the second item still pending',
    criterion: crit({ minEvidence: 2 }),
    items: [acc('E1', 'observation'), ev('E2', 'observation')],
    status: 'insufficient',
    shortfalls: [
      { reason: 'needs-more-evidence', have: ['E1'], need: 2 },
      { reason: 'awaiting-assessment', pending: ['E2'] },
    ],
    evidence: ['E1', 'E2'],
    pending: ['E2'],
  },
  {
    name: 'requires-method: requires observation, accepted witness testimony only',
    criterion: crit({ requires: ['observation'] }),
    items: [acc('E1', 'witness-testimony')],
    status: 'insufficient',
    shortfalls: [{ reason: 'requires-method', methods: ['observation'] }],
    evidence: ['E1'],
    pending: [],
  },
  {
    name: 'requires-method: the observation was assessed not-yet',
    criterion: crit({ requires: ['observation', 'expert-witness'] }),
    items: [acc('E1', 'witness-testimony'), ny('E2', 'observation')],
    status: 'insufficient',
    shortfalls: [{ reason: 'requires-method', methods: ['observation', 'expert-witness'] }],
    evidence: ['E1', 'E2'],
    pending: [],
  },
  {
    name: 'a required method counts as accepted even when methods omits it',
    criterion: crit({ methods: ['witness-testimony'], requires: ['observation'], minEvidence: 2 }),
    items: [acc('E1', 'witness-testimony'), acc('E2', 'observation')],
    status: 'met',
    shortfalls: [],
    evidence: ['E1', 'E2'],
    pending: [],
  },
  {
    name: 'method-not-accepted names the required methods among the accepted ones',
    criterion: crit({ methods: ['work-product'], requires: ['observation'] }),
    items: [acc('E1', 'simulation')],
    status: 'insufficient',
    shortfalls: [
      { reason: 'method-not-accepted', items: ['E1'], methods: ['work-product', 'observation'] },
      { reason: 'requires-method', methods: ['observation'] },
    ],
    evidence: ['E1'],
    pending: [],
  },
  {
    name: 'evidence-file-missing: the only accepted item has no file',
    criterion: crit(),
    items: [acc('E1', 'observation', { fileProblem: 'missing' })],
    status: 'insufficient',
    shortfalls: [{ reason: 'evidence-file-missing', items: ['E1'] }],
    evidence: ['E1'],
    pending: [],
  },
  {
    name: 'evidence-file-missing: a file outside the folder cannot count either',
    criterion: crit(),
    items: [acc('E1', 'work-product', { fileProblem: 'outside' })],
    status: 'insufficient',
    shortfalls: [{ reason: 'evidence-file-missing', items: ['E1'] }],
    evidence: ['E1'],
    pending: [],
  },
  {
    name: 'evidence-file-missing and needs-more-evidence: min-evidence 2, one of two files missing',
    criterion: crit({ minEvidence: 2 }),
    items: [acc('E1', 'observation', { fileProblem: 'missing' }), acc('E2', 'work-product')],
    status: 'insufficient',
    shortfalls: [
      { reason: 'evidence-file-missing', items: ['E1'] },
      { reason: 'needs-more-evidence', have: ['E2'], need: 2 },
    ],
    evidence: ['E1', 'E2'],
    pending: [],
  },
  {
    name: 'evidence-file-missing: the required observation has no file',
    criterion: crit({ requires: ['observation'] }),
    items: [acc('E1', 'witness-testimony'), acc('E2', 'observation', { fileProblem: 'missing' })],
    status: 'insufficient',
    shortfalls: [
      { reason: 'evidence-file-missing', items: ['E2'] },
      { reason: 'requires-method', methods: ['observation'] },
    ],
    evidence: ['E1', 'E2'],
    pending: [],
  },

  // ── as-of date ──
  {
    name: 'as-of: an assessment dated after as-of has not happened yet',
    criterion: crit(),
    items: [acc('E1', 'observation', { assessed: '2026-03-05' })],
    asOf: '2026-03-04',
    status: 'awaiting-assessment',
    shortfalls: [{ reason: 'awaiting-assessment', pending: ['E1'] }],
    evidence: ['E1'],
    pending: ['E1'],
  },
  {
    name: 'as-of: an assessment dated on the as-of date counts',
    criterion: crit(),
    items: [acc('E1', 'observation', { assessed: '2026-03-05' })],
    asOf: '2026-03-05',
    status: 'met',
    shortfalls: [],
    evidence: ['E1'],
    pending: [],
  },
  {
    name: 'as-of: a later not-yet decision is not yet known either',
    criterion: crit(),
    items: [ny('E1', 'observation', { assessed: '2026-03-05' })],
    asOf: '2026-03-02',
    status: 'awaiting-assessment',
    shortfalls: [{ reason: 'awaiting-assessment', pending: ['E1'] }],
    evidence: ['E1'],
    pending: ['E1'],
  },
  {
    name: 'as-of: an evidence item dated after as-of is ignored',
    criterion: crit(),
    items: [acc('E1', 'observation', { date: '2026-03-01', assessed: '2026-03-01' })],
    asOf: '2026-02-28',
    status: 'missing',
    shortfalls: [{ reason: 'missing' }],
    evidence: [],
    pending: [],
  },
  {
    name: 'as-of: only the later of two items is ignored',
    criterion: crit({ minEvidence: 2 }),
    items: [acc('E1', 'observation', { date: '2026-01-10', assessed: '2026-01-12' }), acc('E2', 'observation', { date: '2026-04-01', assessed: '2026-04-02' })],
    asOf: '2026-03-01',
    status: 'insufficient',
    shortfalls: [{ reason: 'needs-more-evidence', have: ['E1'], need: 2 }],
    evidence: ['E1'],
    pending: [],
  },
  {
    name: 'as-of: second accepted item assessed after as-of is pending',
    criterion: crit({ minEvidence: 2 }),
    items: [acc('E1', 'observation'), acc('E2', 'observation', { date: '2026-05-01', assessed: '2026-05-20' })],
    asOf: '2026-05-10',
    status: 'insufficient',
    shortfalls: [
      { reason: 'needs-more-evidence', have: ['E1'], need: 2 },
      { reason: 'awaiting-assessment', pending: ['E2'] },
    ],
    evidence: ['E1', 'E2'],
    pending: ['E2'],
  },

  // ── who may assess ──
  {
    name: 'a decision recorded by someone who may not assess is no decision',
    criterion: crit(),
    items: [acc('E1', 'observation', { by: 'l.learner' })],
    mayAssess: (id) => id === 'a.jones',
    status: 'awaiting-assessment',
    shortfalls: [{ reason: 'awaiting-assessment', pending: ['E1'] }],
    evidence: ['E1'],
    pending: ['E1'],
  },
  {
    name: 'a not-yet by someone who may not assess is no decision either',
    criterion: crit(),
    items: [ny('E1', 'observation', { by: 'w.reed' })],
    mayAssess: (id) => id === 'a.jones',
    status: 'awaiting-assessment',
    shortfalls: [{ reason: 'awaiting-assessment', pending: ['E1'] }],
    evidence: ['E1'],
    pending: ['E1'],
  },
  {
    name: 'a decision by an assessor counts when there is a staff list',
    criterion: crit({ minEvidence: 2 }),
    items: [acc('E1', 'observation'), acc('E2', 'observation', { by: 'l.learner' })],
    mayAssess: (id) => id === 'a.jones',
    status: 'insufficient',
    shortfalls: [
      { reason: 'needs-more-evidence', have: ['E1'], need: 2 },
      { reason: 'awaiting-assessment', pending: ['E2'] },
    ],
    evidence: ['E1', 'E2'],
    pending: ['E2'],
  },
];

describe('evaluateCriterion', () => {
  it.each(cases)('$name → $status', ({ criterion, items, asOf, mayAssess, witnesses, status, shortfalls, evidence, pending }) => {
    const r = evaluateCriterion(criterion, items, asOf ?? AS_OF, mayAssess, witnesses);
    expect(r.status).toBe(status);
    expect(r.shortfalls).toEqual(shortfalls);
    expect(r.evidence).toEqual(evidence);
    expect(r.pending).toEqual(pending);
    expect(r.id).toBe('4.1');
    expect(r.outcome).toBe('4');
  });

  it('every status in DESIGN.md is covered by the table', () => {
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['met', 'insufficient', 'awaiting-assessment', 'not-yet', 'missing']));
  });

  it('every shortfall reason is covered by the table', () => {
    const reasons = new Set(cases.flatMap((c) => c.shortfalls.map((s) => s.reason)));
    expect(reasons).toEqual(
      new Set(['missing', 'awaiting-assessment', 'not-yet', 'method-not-accepted', 'needs-more-evidence', 'requires-method', 'evidence-file-missing']),
    );
  });
});
