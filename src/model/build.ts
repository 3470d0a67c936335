// Validated file data → model entities. Paths use the indices items have in the file, so a
// finding on the third evidence item points at the third item even if an earlier one was
// dropped for a shape error.
import type { CentreInput } from '../schema/centre.js';
import type { PortfolioInput } from '../schema/portfolio.js';
import type { QualificationInput } from '../schema/qualification.js';
import type { UnitInput } from '../schema/unit.js';
import type { IndexMap } from '../schema/validate.js';
import { outcomeTypeOf } from './outcome-type.js';
import type { AssessmentRules, CentreInfo, Staff, Criterion, DroppedEvidence, Evidence, Learner, Outcome, Path, Qualification, Unit } from './types.js';

const clean = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function rulesOf(x: { methods?: AssessmentRules['methods'] | null; requires?: AssessmentRules['requires'] | null; 'min-evidence'?: number | null }): AssessmentRules {
  return { methods: clean(x.methods), requires: clean(x.requires), minEvidence: clean(x['min-evidence']) };
}

// Only the dates that are given, so a spec without them has no such keys (the cache's shape).
function ends(x: { 'operational-end'?: string | null; 'certification-end'?: string | null }) {
  const operationalEnd = clean(x['operational-end']);
  const certificationEnd = clean(x['certification-end']);
  return { ...(operationalEnd ? { operationalEnd } : {}), ...(certificationEnd ? { certificationEnd } : {}) };
}

export function buildUnit(u: UnitInput, file: string, ix: IndexMap): Unit {
  const unitRules = rulesOf(u);
  const criteria = new Map<string, Criterion>();
  const outcomes: Outcome[] = u.outcomes.map((o, oi) => {
    const oPath: Path = ['outcomes', ix.original(['outcomes'], oi)];
    const outcomeRules = rulesOf(o);
    const list: Criterion[] = o.criteria.map((c, ci) => {
      const own = rulesOf(c);
      const crit: Criterion = {
        id: c.id.trim(),
        text: clean(c.text),
        guidance: clean(c.guidance),
        outcome: o.id.trim(),
        rules: {
          methods: own.methods ?? outcomeRules.methods ?? unitRules.methods,
          requires: own.requires ?? outcomeRules.requires ?? unitRules.requires,
          minEvidence: own.minEvidence ?? outcomeRules.minEvidence ?? unitRules.minEvidence ?? 1,
        },
        loc: { file, path: [...oPath, 'criteria', ix.original([...oPath, 'criteria'], ci)] },
      };
      if (!criteria.has(crit.id)) criteria.set(crit.id, crit);
      return crit;
    });
    const title = clean(o.title);
    return { id: o.id.trim(), title, type: clean(o.type) ?? outcomeTypeOf(title) ?? undefined, criteria: list, loc: { file, path: oPath } };
  });
  return {
    id: u.unit.trim(),
    aliases: (clean(u.aliases) ?? []).map((a) => a.trim()),
    title: clean(u.title),
    level: clean(u.level),
    credits: clean(u.credits),
    glh: clean(u.glh),
    guidance: clean(u.guidance),
    sources: ((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v))(clean(u.source)).map((s) => s.trim()),
    outcomes,
    criteria,
    ...ends(u),
    loc: { file, path: ['unit'] },
  };
}

export function buildQualification(q: QualificationInput, file: string, ix: IndexMap): Qualification {
  return {
    id: q.qualification.trim(),
    title: q.title,
    level: clean(q.level),
    minCredits: clean(q['min-credits']),
    groups: q.groups.map((g, gi) => {
      const gPath: Path = ['groups', ix.original(['groups'], gi)];
      return {
        id: g.id.trim(),
        title: clean(g.title),
        units: g.units.map((ref, ui) => ({ ref: ref.trim(), loc: { file, path: [...gPath, 'units', ix.original([...gPath, 'units'], ui)] } })),
        requiredAll: g.required === 'all',
        minCredits: clean(g['min-credits']),
        maxCredits: clean(g['max-credits']),
        minUnits: clean(g['min-units']),
        maxUnits: clean(g['max-units']),
        loc: { file, path: gPath },
      };
    }),
    barred: (clean(q.barred) ?? []).map((units, bi) => ({ units: units.map((u) => u.trim()), loc: { file, path: ['barred', ix.original(['barred'], bi)] } })),
    minCreditsAtLevel: clean(q['min-credits-at-level']),
    ...ends(q),
    loc: { file, path: ['qualification'] },
  };
}

export function buildCentre(c: CentreInput, file: string, ix: IndexMap, raw?: unknown): CentreInfo {
  const staffList: Staff[] = c.staff.map((s, si) => {
    const email = clean(s.email);
    return {
      id: s.id.trim(),
      name: s.name,
      roles: new Set(s.roles),
      emails: email === undefined ? [] : Array.isArray(email) ? email : [email],
      ...staffExtras(s, file, ['staff', ix.original(['staff'], si)], ix),
      loc: { file, path: ['staff', ix.original(['staff'], si)] },
    };
  });
  const staff = new Map<string, Staff>();
  for (const s of staffList) if (!staff.has(s.id)) staff.set(s.id, s);
  const rawStaff = (raw as { staff?: unknown } | undefined)?.staff;
  const droppedStaff = (Array.isArray(rawStaff) ? rawStaff : []).flatMap((r, i) => {
    const id = r !== null && typeof r === 'object' ? (r as { id?: unknown }).id : undefined;
    return typeof id === 'string' && !staff.has(id.trim()) ? [{ id: id.trim(), loc: { file, path: ['staff', i] } }] : [];
  });
  return {
    name: c.centre.name,
    number: clean(c.centre.number),
    staff,
    staffList,
    ...(droppedStaff.length ? { droppedStaff } : {}),
    currencyYears: clean(clean(c.policy)?.['evidence-currency-years']),
    ...sitesAndSampling(c, file, ix),
    loc: { file, path: ['centre'] },
  };
}

// Since dates and sites of a staff member, only when written (an old centre file's staff stay
// as they were).
function staffExtras(s: CentreInput['staff'][number], file: string, path: Path, ix: IndexMap): Partial<Staff> {
  const since = clean(s.since);
  const quals = clean(s.qualifications);
  const sites = clean(s.sites);
  return {
    ...(since !== undefined ? { since } : {}),
    ...(quals ? { qualifications: quals.map((q, i) => ({ qualification: q.qualification.trim(), since: q.since, loc: { file, path: [...path, 'qualifications', ix.original([...path, 'qualifications'], i)] } })) } : {}),
    ...(sites ? { sites: sites.map((id, i) => ({ id: id.trim(), loc: { file, path: [...path, 'sites', ix.original([...path, 'sites'], i)] } })) } : {}),
  };
}

function sitesAndSampling(c: CentreInput, file: string, ix: IndexMap): Pick<CentreInfo, 'sites' | 'sampling'> {
  const sites = clean(c.sites);
  const s = clean(c.sampling);
  return {
    ...(sites ? { sites: sites.map((x, i) => ({ id: x.id.trim(), name: x.name, address: clean(x.address), loc: { file, path: ['sites', ix.original(['sites'], i)] } })) } : {}),
    ...(s
      ? {
          sampling: {
            interimRate: clean(s['interim-rate']),
            summativeRate: clean(s['summative-rate']),
            newAssessorRate: clean(s['new-assessor-rate']),
            newAssessorMonths: clean(s['new-assessor-months']),
            beforeClaim: clean(s['before-claim']),
            loc: { file, path: ['sampling'] },
          },
        }
      : {}),
  };
}

// What an item the schema left out claimed, read from the raw data as far as it can be: only
// to tell which later findings follow from its absence, never to count it.
function droppedItem(raw: unknown, loc: DroppedEvidence['loc']): DroppedEvidence {
  const r = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined);
  const mapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  // Under a misspelt key (cover:) when covers itself is missing: the item claimed it all the same.
  const claimed = 'covers' in r ? r.covers : Object.entries(r).find(([k, v]) => k !== 'assessment' && mapping(v))?.[1];
  const covers = mapping(claimed) ? Object.entries(claimed) : [];
  return {
    id: text(r.id),
    covers: covers.map(([unitRef, c]) => ({ unitRef: unitRef.trim(), criteria: (Array.isArray(c) ? c : [c]).map(text).filter((x): x is string => x !== undefined) })),
    assessed: r.assessment !== undefined && r.assessment !== null,
    loc,
  };
}

export function buildLearner(p: PortfolioInput, file: string, id: string, dir: string, ix: IndexMap, raw: unknown): Learner {
  const list = <T>(key: string, items: T[] | null | undefined) =>
    (items ?? []).map((item, i) => ({ item, path: [key, ix.original([key], i)] as Path }));

  const rawEvidence = (raw as { evidence?: unknown[] } | undefined)?.evidence;
  const evidence: Evidence[] = list('evidence', p.evidence).map(({ item: e, path }) => {
    const rawCovers = (rawEvidence?.[path[1] as number] as { covers?: Record<string, unknown> } | undefined)?.covers;
    const location = e.file != null ? { kind: 'file' as const, value: e.file } : e.url != null ? { kind: 'url' as const, value: e.url } : e.ref != null ? { kind: 'ref' as const, value: e.ref } : undefined;
    const a = clean(e.assessment);
    return {
      id: e.id.trim(),
      title: clean(e.title),
      method: e.method,
      witness: clean(e.witness)?.trim(),
      date: clean(e.date),
      location,
      covers: Object.entries(e.covers).map(([unitRef, crits]) => {
        const coverPath: Path = [...path, 'covers', unitRef];
        const single = typeof rawCovers?.[unitRef] === 'string';
        const ids = typeof crits === 'string' ? [crits] : crits;
        return {
          unitRef: unitRef.trim(),
          criteria: ids.map((c, ci) => ({ criterion: c.trim(), loc: { file, path: single ? coverPath : [...coverPath, ix.original(coverPath, ci)] } })),
          loc: { file, path: coverPath },
        };
      }),
      assessment: a ? { by: a.by.trim(), date: a.date, decision: a.decision, feedback: clean(a.feedback), loc: { file, path: [...path, 'assessment'] } } : undefined,
      ...(clean(e.site) !== undefined ? { site: clean(e.site)!.trim() } : {}),
      loc: { file, path },
    };
  });

  const witnesses = list('witnesses', p.witnesses).map(({ item: w, path }) => ({
    id: w.id.trim(),
    name: w.name,
    relationship: clean(w.relationship),
    status: clean(w.status),
    loc: { file, path },
  }));
  const rawWitnesses = (raw as { witnesses?: unknown } | undefined)?.witnesses;
  const keptWitnesses = new Set(witnesses.map((w) => w.loc.path[1]));
  const droppedWitnesses = (Array.isArray(rawWitnesses) ? rawWitnesses : []).flatMap((r, i) => {
    const wid = r !== null && typeof r === 'object' ? (r as { id?: unknown }).id : undefined;
    return !keptWitnesses.has(i) && typeof wid === 'string' ? [{ id: wid.trim(), loc: { file, path: ['witnesses', i] } }] : [];
  });
  const signoffs = list('signoffs', p.signoffs).map(({ item: s, path }) => ({ unitRef: s.unit.trim(), by: s.by.trim(), date: s.date, loc: { file, path } }));
  const rawSignoffs = (raw as { signoffs?: unknown } | undefined)?.signoffs;
  const keptSignoffs = new Set(signoffs.map((s) => s.loc.path[1]));
  const droppedSignoffs = (Array.isArray(rawSignoffs) ? rawSignoffs : []).flatMap((r, i) => {
    const unit = r !== null && typeof r === 'object' ? (r as { unit?: unknown }).unit : undefined;
    return !keptSignoffs.has(i) && typeof unit === 'string' ? [{ unitRef: unit.trim(), loc: { file, path: ['signoffs', i] } }] : [];
  });
  const kept = new Set(evidence.map((e) => e.loc.path[1]));
  const dropped = (Array.isArray(rawEvidence) ? rawEvidence : []).flatMap((r, i) => (kept.has(i) ? [] : [droppedItem(r, { file, path: ['evidence', i] })]));

  return {
    id,
    dir,
    name: p.learner.name,
    uln: clean(p.learner.uln)?.trim(),
    qualificationRef: p.qualification.trim(),
    registered: clean(p.registered),
    assessor: clean(p.assessor)?.trim(),
    ...(clean(p.site) !== undefined ? { site: clean(p.site)!.trim() } : {}),
    optionalUnits: list('optional-units', p['optional-units']).map(({ item, path }) => ({ ref: item.trim(), loc: { file, path } })),
    witnesses,
    evidence,
    ...(dropped.length ? { dropped } : {}),
    ...(droppedWitnesses.length ? { droppedWitnesses } : {}),
    signoffs,
    ...(droppedSignoffs.length ? { droppedSignoffs } : {}),
    iqa: list('iqa', p.iqa).map(({ item: r, path }) => ({
      unitRef: r.unit.trim(),
      by: r.by.trim(),
      date: r.date,
      stage: r.stage,
      decision: r.decision,
      evidence: (clean(r.evidence) ?? []).map((x) => x.trim()),
      feedback: clean(r.feedback),
      loc: { file, path },
    })),
    ...lifecycle(p, file, list),
    loc: { file, path: ['learner'] },
  };
}

// The learner's lifecycle: withdrawal, breaks, exemptions, claims and transfers.
function lifecycle(p: PortfolioInput, file: string, list: <T>(key: string, items: T[] | null | undefined) => { item: T; path: Path }[]) {
  const w = clean(p.withdrawn);
  const reg = clean(p['registration-number'])?.trim();
  return {
    ...(reg ? { registrationNumber: reg } : {}),
    ...(w ? { withdrawn: { date: w.date, reason: clean(w.reason), by: clean(w.by)?.trim(), loc: { file, path: ['withdrawn'] } } } : {}),
    breaks: list('breaks', p.breaks).map(({ item: b, path }) => ({ from: b.from, to: clean(b.to), reason: clean(b.reason), loc: { file, path } })),
    exemptions: list('exemptions', p.exemptions).map(({ item: e, path }) => ({
      unitRef: e.unit.trim(),
      kind: e.kind,
      reference: clean(e.reference),
      date: e.date,
      by: e.by.trim(),
      note: clean(e.note),
      loc: { file, path },
    })),
    claims: list('claims', p.claims).map(({ item: c, path }) => ({
      date: c.date,
      qualification: clean(c.qualification)?.trim(),
      units: clean(c.units)?.map((u, i) => ({ ref: u.trim(), loc: { file, path: [...path, 'units', i] } })),
      by: c.by.trim(),
      reference: clean(c.reference),
      certificate: clean(c.certificate),
      certificateDate: clean(c['certificate-date']),
      loc: { file, path },
    })),
    transfers: list('transfers', p.transfers).map(({ item: t, path }) => ({ date: t.date, from: t.from.trim(), by: clean(t.by)?.trim(), reason: clean(t.reason), loc: { file, path } })),
  };
}
