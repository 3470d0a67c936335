// Hand-built centre models for the engine's rule case tables: units, groups, qualifications,
// the centre file, evidence and learners with just the fields a case needs. Each record is
// placed at the file and data path the loader would give it, so a case can say where a
// finding points.
import { fileNameForId } from '../src/load/files.js';
import { buildIndex, type Index } from '../src/model/index.js';
import type { CentreInfo, Evidence, Group, IqaRecord, Learner, Loc, Qualification, Signoff, Specs, Staff, Unit, Witness } from '../src/model/types.js';
import type { Method } from '../src/schema/common.js';

export const loc = (file = 'test.yaml', path: (string | number)[] = []): Loc => ({ file, path });

/** Where the loader reads a unit's spec from. */
export const unitFile = (id: string) => `specs/units/${fileNameForId(id)}`;
/** Where the loader reads a qualification's spec from. */
export const qualificationFile = (id: string) => `specs/qualifications/${fileNameForId(id)}`;
/** Where the loader reads a learner's portfolio from. */
export const portfolioFile = (id: string) => `portfolios/${id}/portfolio.yaml`;

/** A unit spec: one outcome "1" with the given criteria (default one, "1.1"). */
export function unit(id: string, credits: number | undefined, level: number | undefined, opts: { criteria?: string[]; aliases?: string[]; methods?: Method[]; requires?: Method[]; minEvidence?: number; file?: string; title?: string } = {}): Unit {
  const file = opts.file ?? unitFile(id);
  const criteria = (opts.criteria ?? ['1.1']).map((c, i) => ({
    id: c,
    outcome: '1',
    text: `Criterion ${c}`,
    rules: { methods: opts.methods, requires: opts.requires, minEvidence: opts.minEvidence ?? 1 },
    loc: loc(file, ['outcomes', 0, 'criteria', i]),
  }));
  return {
    id,
    aliases: opts.aliases ?? [],
    title: opts.title ?? `Unit ${id}`,
    level,
    credits,
    sources: [],
    outcomes: [{ id: '1', title: 'Be able to do it', type: 'performance', criteria, loc: loc(file, ['outcomes', 0]) }],
    criteria: new Map(criteria.map((c) => [c.id, c])),
    loc: loc(file, ['unit']),
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

/** The qualification number every built learner is on, unless it says otherwise. */
export const QUALIFICATION = '601/3734/4';

/** A qualification spec; its groups and barred lists are placed in its file. */
export function qual(groups: Group[], extra: { minCredits?: number; barred?: string[][]; atLevel?: { level: number; credits: number }; id?: string; file?: string; title?: string } = {}): Qualification {
  const id = extra.id ?? QUALIFICATION;
  const file = extra.file ?? qualificationFile(id);
  return {
    id,
    title: extra.title ?? 'Test Diploma',
    level: 2,
    minCredits: extra.minCredits,
    groups: groups.map((g, gi) => ({ ...g, units: g.units.map((u, ui) => ({ ...u, loc: loc(file, ['groups', gi, 'units', ui]) })), loc: loc(file, ['groups', gi]) })),
    barred: (extra.barred ?? []).map((units, bi) => ({ units, loc: loc(file, ['barred', bi]) })),
    minCreditsAtLevel: extra.atLevel,
    loc: loc(file, ['qualification']),
  };
}

export function centre(units: Unit[], qualifications: Qualification[], learners: Learner[] = []) {
  return { units, qualifications, learners, unreadableSpecs: new Set<string>() };
}

/** portfolios/centre.yaml: staff as [id, roles] (listed in that order, duplicates kept). */
export function centreFile(staff: [string, string[]][], extra: { currencyYears?: number; name?: string; names?: Record<string, string> } = {}): CentreInfo {
  const file = 'portfolios/centre.yaml';
  const staffList: Staff[] = staff.map(([id, roles], i) => ({ id, name: extra.names?.[id] ?? `Staff ${id}`, roles: new Set(roles), emails: [], loc: loc(file, ['staff', i]) }));
  const byId = new Map<string, Staff>();
  for (const s of staffList) if (!byId.has(s.id)) byId.set(s.id, s);
  return { name: extra.name ?? 'Test Centre', staff: byId, staffList, currencyYears: extra.currencyYears, loc: loc(file, ['centre']) };
}

/** What every learner is evaluated against. */
export function specsOf(m: { units?: Unit[]; qualifications?: Qualification[]; centre?: CentreInfo; unreadable?: string[] }): Specs {
  return { units: m.units ?? [], qualifications: m.qualifications ?? [], centre: m.centre, unreadableSpecs: new Set(m.unreadable ?? []) };
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
  name?: string;
  uln?: string;
  /** Default QUALIFICATION. */
  qualification?: string;
  registered?: string;
  optional?: string[];
  progress?: Record<string, Progress>;
  /** Extra evidence items, appended after the generated ones. */
  evidence?: Evidence[];
  assessor?: string;
  iqa?: Learner['iqa'];
  /** Extra sign-offs, appended after the generated ones. */
  signoffs?: Learner['signoffs'];
  witnesses?: Learner['witnesses'];
  withdrawn?: Learner['withdrawn'];
  breaks?: Learner['breaks'];
  exemptions?: Learner['exemptions'];
  claims?: Learner['claims'];
  transfers?: Learner['transfers'];
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

/** An assessment decision on an evidence item (by default accepted by a.jones). */
export function assessment(date: string, decision: 'accepted' | 'not-yet' = 'accepted', by = 'a.jones'): NonNullable<Evidence['assessment']> {
  return { by, date, decision, loc: loc() };
}

/** A learner on qualification 601/3734/4 unless it says otherwise; criteria of each unit come
 * from the units given. */
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
  const id = spec.id ?? 'NT-0001';
  return {
    id,
    dir: `portfolios/${id}`,
    name: spec.name ?? 'Test Learner',
    uln: spec.uln,
    qualificationRef: spec.qualification ?? QUALIFICATION,
    registered: spec.registered,
    assessor: spec.assessor,
    optionalUnits: (spec.optional ?? []).map((ref) => ({ ref, loc: loc() })),
    witnesses: spec.witnesses ?? [],
    evidence: [...ev, ...(spec.evidence ?? [])],
    signoffs: [...signoffs, ...(spec.signoffs ?? [])],
    iqa: spec.iqa ?? [],
    ...(spec.withdrawn ? { withdrawn: spec.withdrawn } : {}),
    breaks: spec.breaks ?? [],
    exemptions: spec.exemptions ?? [],
    claims: spec.claims ?? [],
    transfers: spec.transfers ?? [],
    loc: loc(),
  };
}

/** The learner with every record placed at the file and data path the loader would give it
 * (its portfolio file, evidence[i], signoffs[i]...), for cases that say where a finding points
 * or that hold several learners. */
export function placed(l: Learner): Learner {
  const file = portfolioFile(l.id);
  const at = (...path: (string | number)[]) => loc(file, path);
  return {
    ...l,
    optionalUnits: l.optionalUnits.map((u, i) => ({ ...u, loc: at('optional-units', i) })),
    witnesses: l.witnesses.map((w, i) => ({ ...w, loc: at('witnesses', i) })),
    evidence: l.evidence.map((e, i) => ({
      ...e,
      covers: e.covers.map((c) => ({ ...c, criteria: c.criteria.map((cr, k) => ({ ...cr, loc: at('evidence', i, 'covers', c.unitRef, k) })), loc: at('evidence', i, 'covers', c.unitRef) })),
      assessment: e.assessment && { ...e.assessment, loc: at('evidence', i, 'assessment') },
      loc: at('evidence', i),
    })),
    signoffs: l.signoffs.map((s, i) => ({ ...s, loc: at('signoffs', i) })),
    iqa: l.iqa.map((r, i) => ({ ...r, loc: at('iqa', i) })),
    ...(l.withdrawn ? { withdrawn: { ...l.withdrawn, loc: at('withdrawn') } } : {}),
    breaks: l.breaks.map((b, i) => ({ ...b, loc: at('breaks', i) })),
    exemptions: l.exemptions.map((e, i) => ({ ...e, loc: at('exemptions', i) })),
    claims: l.claims.map((c, i) => ({ ...c, units: c.units?.map((u, k) => ({ ...u, loc: at('claims', i, 'units', k) })), loc: at('claims', i) })),
    loc: at('learner'),
  };
}

export function exemption(unitRef: string, kind: 'credit-transfer' | 'exemption' | 'rpl' = 'credit-transfer', date = '2026-02-01', reference = 'CERT-1'): Learner['exemptions'][number] {
  return { unitRef, kind, reference, date, by: 'a.jones', loc: loc() };
}

export function claim(date: string, scope: { qualification: string } | { units: string[] }, extra: { certificate?: string; reference?: string } = {}): Learner['claims'][number] {
  const what = 'qualification' in scope ? { qualification: scope.qualification } : { units: scope.units.map((ref) => ({ ref, loc: loc() })) };
  return { date, ...what, by: 'e.officer', ...extra, loc: loc() };
}
