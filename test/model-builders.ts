// Hand-built centre models for the engine's rule case tables: units, groups, qualifications,
// evidence and learners with just the fields a case needs.
import { buildIndex, type Index } from '../src/model/index.js';
import type { Evidence, Group, IqaRecord, Learner, Qualification, Signoff, Unit, Witness } from '../src/model/types.js';
import type { Method } from '../src/schema/common.js';

export const loc = (file = 'test.yaml') => ({ file, path: [] as (string | number)[] });

/** A unit spec: one outcome "1" with the given criteria (default one, "1.1"). */
export function unit(id: string, credits: number | undefined, level: number | undefined, opts: { criteria?: string[]; aliases?: string[]; methods?: Method[]; requires?: Method[]; minEvidence?: number } = {}): Unit {
  const criteria = (opts.criteria ?? ['1.1']).map((c) => ({
    id: c,
    outcome: '1',
    text: `Criterion ${c}`,
    rules: { methods: opts.methods, requires: opts.requires, minEvidence: opts.minEvidence ?? 1 },
    loc: loc(`specs/units/${id}.yaml`),
  }));
  return {
    id,
    aliases: opts.aliases ?? [],
    title: `Unit ${id}`,
    level,
    credits,
    outcomes: [{ id: '1', title: 'Be able to do it', type: 'performance', criteria, loc: loc() }],
    criteria: new Map(criteria.map((c) => [c.id, c])),
    loc: loc(`specs/units/${id}.yaml`),
  };
}

export interface GroupRules {
  required?: 'all';
  minCredits?: number;
  maxCredits?: number;
  minUnits?: number;
  maxUnits?: number;
}

export function group(id: string, units: string[], r: GroupRules = {}): Group {
  return {
    id,
    units: units.map((ref) => ({ ref, loc: loc() })),
    requiredAll: r.required === 'all',
    minCredits: r.minCredits,
    maxCredits: r.maxCredits,
    minUnits: r.minUnits,
    maxUnits: r.maxUnits,
    loc: loc(),
  };
}

export function qual(groups: Group[], extra: { minCredits?: number; barred?: string[][]; atLevel?: { level: number; credits: number } } = {}): Qualification {
  return {
    id: '601/3734/4',
    title: 'Test Diploma',
    level: 2,
    minCredits: extra.minCredits,
    groups,
    barred: (extra.barred ?? []).map((units) => ({ units, loc: loc() })),
    minCreditsAtLevel: extra.atLevel,
    loc: loc(),
  };
}

export function centre(units: Unit[], qualifications: Qualification[], learners: Learner[] = []) {
  return { units, qualifications, learners, unreadableSpecs: new Set<string>() };
}

export function indexOf(units: Unit[], qualifications: Qualification[]): Index {
  return buildIndex(centre(units, qualifications));
}

/** What the learner has done on a unit: every criterion accepted and signed off, etc. */
type Progress =
  | 'achieved' // all criteria accepted, signed off
  | 'unsigned' // all criteria accepted, no sign-off
  | 'pending' // evidence on every criterion, not assessed
  | 'not-yet'; // evidence on every criterion, assessed not-yet

export interface LearnerSpec {
  id?: string;
  optional?: string[];
  progress?: Record<string, Progress>;
  /** Extra evidence items, appended after the generated ones. */
  evidence?: Evidence[];
  assessor?: string;
  iqa?: Learner['iqa'];
  /** Extra sign-offs, appended after the generated ones. */
  signoffs?: Learner['signoffs'];
  witnesses?: Learner['witnesses'];
}

/** A witness on the portfolio's list, with a witness status category (1–5) or none. */
export function witness(id: string, status?: '1' | '2' | '3' | '4' | '5'): Witness {
  return { id, name: `Witness ${id}`, relationship: 'line manager', status, loc: loc() };
}

export function signoff(unitRef: string, date: string, by = 'a.jones'): Signoff {
  return { unitRef, by, date, loc: loc() };
}

export function iqa(unitRef: string, date: string, decision: 'agreed' | 'not-agreed', stage: 'interim' | 'summative' = 'summative', by = 's.patel'): IqaRecord {
  return { unitRef, by, date, stage, decision, evidence: [], loc: loc() };
}

export function evidence(id: string, unitRef: string, criteria: string[], method: Method, decision?: 'accepted' | 'not-yet', extra: Partial<Evidence> = {}): Evidence {
  return {
    id,
    method,
    date: '2026-03-01',
    location: { kind: 'ref', value: `log ${id}` },
    covers: [{ unitRef, criteria: criteria.map((criterion) => ({ criterion, loc: loc() })), loc: loc() }],
    assessment: decision ? { by: 'a.jones', date: '2026-03-05', decision, loc: loc() } : undefined,
    loc: loc(),
    ...extra,
  };
}

/** A learner on qualification 601/3734/4; criteria of each unit come from the units given. */
export function learner(units: Unit[], spec: LearnerSpec = {}): Learner {
  const byId = new Map(units.map((u) => [u.id, u]));
  const ev: Evidence[] = [];
  const signoffs: Learner['signoffs'] = [];
  let n = 0;
  for (const [ref, p] of Object.entries(spec.progress ?? {})) {
    const u = byId.get(ref);
    const criteria = u ? [...u.criteria.keys()] : ['1.1'];
    const decision = p === 'achieved' || p === 'unsigned' ? 'accepted' : p === 'not-yet' ? 'not-yet' : undefined;
    ev.push(evidence(`E${String(++n).padStart(2, '0')}`, ref, criteria, 'observation', decision));
    if (p === 'achieved') signoffs.push({ unitRef: ref, by: 'a.jones', date: '2026-04-01', loc: loc() });
  }
  return {
    id: spec.id ?? 'NT-0001',
    dir: `portfolios/${spec.id ?? 'NT-0001'}`,
    name: 'Test Learner',
    qualificationRef: '601/3734/4',
    assessor: spec.assessor,
    optionalUnits: (spec.optional ?? []).map((ref) => ({ ref, loc: loc() })),
    witnesses: spec.witnesses ?? [],
    evidence: [...ev, ...(spec.evidence ?? [])],
    signoffs: [...signoffs, ...(spec.signoffs ?? [])],
    iqa: spec.iqa ?? [],
    loc: loc(),
  };
}
