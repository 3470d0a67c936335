// The sample plan on a centre built by hand, with the plan it must give worked out here, step
// by step (README "The quality cycle": which decisions are sampled and why), and what is due
// once some IQA records are added.
import { describe, expect, it } from 'vitest';
import { dueOf } from '../src/iqa/due.js';
import { planSample } from '../src/iqa/plan.js';
import type { CentreInfo, Learner, Sampling } from '../src/model/types.js';
import type { Method } from '../src/schema/common.js';
import { assessment, centreFile, evidence, group, indexOf, iqa, learner, loc, qual, signoff, unit } from './model-builders.js';

const UNITS = ['U1', 'U2', 'U3', 'U4'].map((id) => unit(id, 3, 2));
const Q = qual([group('M', ['U1', 'U2', 'U3', 'U4'])]);
const index = indexOf(UNITS, [Q]);

export const SAMPLING: Sampling = { interimRate: 25, summativeRate: 50, newAssessorRate: 100, newAssessorMonths: 6, loc: loc('portfolios/centre.yaml', ['sampling']) };

/** Four staff: a.jones assesses (since 2024), n.new assesses (since 2026-03-01: new until
 * 2026-09-01), s.patel assesses and quality-assures, m.hughes quality-assures. */
export function fixtureCentre(sampling: Sampling = SAMPLING): CentreInfo {
  const c = centreFile([
    ['a.jones', ['assessor']],
    ['n.new', ['assessor']],
    ['s.patel', ['iqa', 'assessor']],
    ['m.hughes', ['iqa']],
  ]);
  const since: Record<string, string> = { 'a.jones': '2024-01-01', 'n.new': '2026-03-01', 's.patel': '2023-09-01', 'm.hughes': '2023-09-01' };
  const staffList = c.staffList.map((s) => ({ ...s, since: since[s.id] }));
  return { ...c, staffList, staff: new Map(staffList.map((s) => [s.id, s])), sampling, sites: ['leeds', 'york'].map((id, i) => ({ id, name: id, loc: loc('portfolios/centre.yaml', ['sites', i]) })) };
}

// One assessed item per unit; signed is the units signed off (by the same assessor).
type Item = [unit: string, method: Method, by: string, signed: boolean];
function l(id: string, site: string, items: Item[], extra: Partial<Learner> = {}): Learner {
  const ev = items.map(([u, method, by], i) => evidence(`E${i + 1}`, u, ['1.1'], method, undefined, { assessment: assessment('2026-03-05', 'accepted', by) }));
  const so = items.filter((x) => x[3]).map(([u, , by]) => signoff(u, '2026-04-01', by));
  return { ...learner(UNITS, { id, evidence: ev, signoffs: so }), site, ...extra };
}

export const LEARNERS: Learner[] = [
  l('NT-01', 'leeds', [['U1', 'observation', 'a.jones', true], ['U2', 'professional-discussion', 'a.jones', true], ['U4', 'observation', 'a.jones', true]]),
  l('NT-02', 'leeds', [['U1', 'observation', 'a.jones', true], ['U2', 'witness-testimony', 'a.jones', true]]),
  l('NT-03', 'york', [['U1', 'work-product', 'a.jones', true], ['U3', 'observation', 'a.jones', false]]),
  l('NT-04', 'leeds', [['U1', 'observation', 'n.new', true], ['U2', 'questioning', 'n.new', false]]),
  l('NT-05', 'york', [['U3', 'observation', 's.patel', true]]),
];

const plan = (learners = LEARNERS, centre = fixtureCentre()) => planSample({ learners, centre, index, asOf: '2026-06-30' });
const brief = (p: ReturnType<typeof plan>) => p.samples.map((s) => [s.learner, s.unit, s.stage, s.reason, s.for ?? null, s.iqa]);

describe('folio iqa plan on a centre computed by hand', () => {
  // The candidates are every unit with a decision: signed off (summative) or only assessed
  // (interim). Ten of them:
  //   a.jones summative, established: NT-01 U1, U2, U4; NT-02 U1, U2; NT-03 U1   (6)
  //   a.jones interim, established:   NT-03 U3                                    (1)
  //   n.new, new until 2026-09-01:    NT-04 U1 summative, NT-04 U2 interim        (1 + 1)
  //   s.patel summative:              NT-05 U3                                    (1)
  it('gives each assessor their quota at each stage', () => {
    const p = plan();
    expect(p.candidates).toBe(10);
    expect(p.quotas.map((q) => [q.assessor, q.stage, q.newAssessor, q.decisions, q.rate, q.quota])).toEqual([
      ['a.jones', 'interim', false, 1, 25, 1], // ceil(1 × 25%) = 1
      ['a.jones', 'summative', false, 6, 50, 3], // ceil(6 × 50%) = 3
      ['n.new', 'interim', true, 1, 100, 1], // all of a new assessor's decisions
      ['n.new', 'summative', true, 1, 100, 1],
      ['s.patel', 'summative', false, 1, 50, 1], // ceil(0.5) = 1
    ]);
  });

  it('chooses what represents most, then every method not yet represented, and allots IQAs in turn', () => {
    // a.jones interim: NT-03 U3 (the only one). Represented: U3, observation, york, NT-03.
    // a.jones summative, 3 of 6, each time the one adding most (unit, methods, sites, learner):
    //   NT-01 U1 3 (U1 leeds NT-01), NT-01 U2 4 (U2 professional-discussion leeds NT-01),
    //   NT-01 U4 3, NT-02 U1 3, NT-02 U2 4 (witness-testimony), NT-03 U1 2 → NT-01 U2 (first of the 4s)
    //   then NT-01 U1 1, U4 1, NT-02 U1 2, NT-02 U2 2, NT-03 U1 2                 → NT-02 U1
    //   then NT-01 U1 0, NT-01 U4 1 (U4), NT-02 U2 1, NT-03 U1 1 (work-product)  → NT-01 U4
    // n.new: both decisions (new-assessor). s.patel: NT-05 U3.
    // Then methods not yet represented: witness-testimony (NT-02 U2), work-product (NT-03 U1).
    // IQAs in sample order, fewest so far, s.patel before m.hughes among equals; NT-05 U3 was
    // assessed by s.patel, so only m.hughes may sample it.
    expect(brief(plan())).toEqual([
      ['NT-01', 'U2', 'summative', 'rate', null, 's.patel'],
      ['NT-01', 'U4', 'summative', 'rate', null, 'm.hughes'],
      ['NT-02', 'U1', 'summative', 'rate', null, 's.patel'],
      ['NT-02', 'U2', 'summative', 'method', 'witness-testimony', 'm.hughes'],
      ['NT-03', 'U1', 'summative', 'method', 'work-product', 's.patel'],
      ['NT-03', 'U3', 'interim', 'rate', null, 'm.hughes'],
      ['NT-04', 'U1', 'summative', 'new-assessor', null, 's.patel'],
      ['NT-04', 'U2', 'interim', 'new-assessor', null, 'm.hughes'],
      ['NT-05', 'U3', 'summative', 'rate', null, 'm.hughes'],
    ]);
    expect(plan().unrepresented).toEqual({ units: [], methods: [], sites: [] });
  });

  it('is the same plan for the same inputs, in any order of learners', () => {
    expect(plan([...LEARNERS].reverse())).toEqual(plan());
  });

  it('a unit or method held by no sampled decision is added for it; a stage at 0% is not sampled', () => {
    // Summative 10%, interim not given (0%), no new-assessor-months (nobody is new).
    // a.jones: ceil(6 × 10%) = 1 of six that each add 4 → the first, NT-01 U1 (U1, observation,
    // leeds, NT-01). n.new: ceil(0.1) = 1, NT-04 U1. s.patel: NT-05 U3 (U3, york).
    // Units: U2 by NT-01 U2 (adds U2 and professional-discussion: 2) or NT-02 U2 (U2,
    // witness-testimony, NT-02: 3) → NT-02 U2; U4 only in NT-01 U4. Methods:
    // professional-discussion → NT-01 U2; work-product → NT-03 U1. questioning is only in
    // NT-04 U2, an interim decision at 0%: it stays unrepresented, and the plan says so.
    const p = plan(LEARNERS, fixtureCentre({ summativeRate: 10, loc: loc() }));
    expect(brief(p).map((s) => s.slice(0, 5))).toEqual([
      ['NT-01', 'U1', 'summative', 'rate', null],
      ['NT-01', 'U2', 'summative', 'method', 'professional-discussion'],
      ['NT-01', 'U4', 'summative', 'unit', 'U4'],
      ['NT-02', 'U2', 'summative', 'unit', 'U2'],
      ['NT-03', 'U1', 'summative', 'method', 'work-product'],
      ['NT-04', 'U1', 'summative', 'rate', null],
      ['NT-05', 'U3', 'summative', 'rate', null],
    ]);
    expect(p.quotas.find((q) => q.assessor === 'n.new' && q.stage === 'summative')).toMatchObject({ newAssessor: false, rate: 10, quota: 1 });
    expect(p.quotas.find((q) => q.stage === 'interim')).toMatchObject({ rate: 0, quota: 0 });
    expect(p.unrepresented).toEqual({ units: [], methods: ['questioning'], sites: [] });
  });

  it('a site held by no sampled decision is added for it', () => {
    // Two learners on U1, at leeds and york, 25%: ceil(2 × 25%) = 1, the first (NT-10, leeds);
    // U1 and observation are represented, york is not → NT-11 U1 for its site.
    const two = [l('NT-10', 'leeds', [['U1', 'observation', 'a.jones', true]]), l('NT-11', 'york', [['U1', 'observation', 'a.jones', true]])];
    expect(brief(plan(two, fixtureCentre({ summativeRate: 25, loc: loc() }))).map((s) => s.slice(0, 5))).toEqual([
      ['NT-10', 'U1', 'summative', 'rate', null],
      ['NT-11', 'U1', 'summative', 'site', 'york'],
    ]);
  });

  it('due lists what has no IQA record of its stage yet, by IQA', () => {
    const records: Record<string, Learner['iqa']> = {
      'NT-01': [iqa('U2', '2026-07-02', 'agreed', 'summative', 's.patel'), iqa('U1', '2026-07-02', 'agreed', 'summative', 's.patel')],
      'NT-03': [iqa('U3', '2026-07-03', 'not-agreed', 'interim', 'm.hughes')],
      // the wrong stage: NT-04 U1 is planned summative
      'NT-04': [iqa('U1', '2026-07-03', 'agreed', 'interim', 'm.hughes')],
    };
    const later = new Map(LEARNERS.map((x) => [x.id, { ...x, iqa: records[x.id] ?? [] }]));
    const d = dueOf(plan().samples, later, index);
    expect(d).toMatchObject({ done: 2, total: 9 });
    expect(d.due.map((s) => [s.iqa, s.learner, s.unit, s.stage])).toEqual([
      ['m.hughes', 'NT-01', 'U4', 'summative'],
      ['m.hughes', 'NT-02', 'U2', 'summative'],
      ['m.hughes', 'NT-04', 'U2', 'interim'],
      ['m.hughes', 'NT-05', 'U3', 'summative'],
      ['s.patel', 'NT-02', 'U1', 'summative'],
      ['s.patel', 'NT-03', 'U1', 'summative'],
      ['s.patel', 'NT-04', 'U1', 'summative'],
    ]);
  });
});
