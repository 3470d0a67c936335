// Rules of combination over achieved units (README "Qualification specification").
// Credits count from achieved units only; max rules cap what counts towards the total; a rule
// that depends on a credit value nobody knows is "unknown", never passed.
import type { Index } from '../model/index.js';
import type { Qualification } from '../model/types.js';
import { countsAchieved, type RuleResult, type UnitResult } from './types.js';
import { plural } from '../text.js';

interface UnitFacts {
  id: string;
  credits?: number;
  level?: number;
  achieved: boolean;
  planned: boolean; // mandatory or chosen: the learner means to achieve it
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface RocResult {
  rules: RuleResult[];
  credits: { achieved: number; unknownUnits: string[] };
}

/** The units of a barred combination that are taken, as distinct canonical ids in the order the
 * barred list names them: the combination is broken when more than one is. The one evaluation
 * of a barred combination; what counts as taken is the caller's: for status a unit mandatory,
 * chosen or achieved, for check one mandatory or chosen, for the specs' own check one mandatory.
 * A unit named twice (by number and alias) is one unit, taken once. */
export function barredTaken(units: readonly string[], index: Index, taken: (id: string) => boolean): string[] {
  return [...new Set(units.map((u) => index.canonical(u)))].filter(taken);
}

export function evaluateRules(q: Qualification, units: UnitResult[], index: Index, chosen: Set<string>): RocResult {
  const byId = new Map(units.map((u) => [u.id, u]));
  const facts = (ref: string): UnitFacts => {
    const id = index.canonical(ref);
    const u = byId.get(id);
    const achieved = u !== undefined && countsAchieved(u.status);
    const planned = chosen.has(id) || (u?.mandatory ?? false);
    // Credits and levels count only for units achieved or planned: a learner's results must
    // not depend on the specs of units they do not take (the cache relies on it).
    const spec = achieved || planned ? index.unit(id) : undefined;
    return { id, credits: spec?.credits, level: spec?.level, achieved, planned };
  };
  const rules: RuleResult[] = [];
  let total = 0;
  let totalUncertain = false;
  let atLevel = 0;
  let levelUncertain = false;
  const unknownUnits = new Set<string>();
  const counted = new Set<string>();

  for (const g of q.groups) {
    const members = g.units.map((u) => facts(u.ref));
    const achieved = members.filter((m) => m.achieved);
    for (const m of achieved) counted.add(m.id);
    const knownAchieved = achieved.filter((m) => m.credits !== undefined);
    const unknown = achieved.filter((m) => m.credits === undefined).map((m) => m.id);
    unknown.forEach((u) => unknownUnits.add(u));
    const label = `Group ${g.id}`;

    if (g.requiredAll) {
      const missing = members.filter((m) => !m.achieved).map((m) => m.id);
      rules.push({
        id: `${g.id}.required`, kind: 'required', group: g.id,
        status: missing.length ? 'unmet' : 'met',
        message: missing.length ? `${label}: ${members.length === 1 ? 'the 1 unit' : `all ${members.length} units`} required, ${achieved.length} achieved (${missing.join(', ')} not yet)` : `${label}: ${members.length === 1 ? 'the 1 unit' : `all ${members.length} units`} achieved`,
        need: members.length, have: achieved.length, units: missing,
      });
    }
    // Credits this group can count: capped by max-units (best units first) and max-credits.
    let countedUnits = [...knownAchieved].sort((a, b) => b.credits! - a.credits!);
    if (g.maxUnits !== undefined) countedUnits = countedUnits.slice(0, g.maxUnits);
    let groupCredits = sum(countedUnits.map((m) => m.credits!));
    const uncertain = unknown.length > 0;
    if (g.maxCredits !== undefined) groupCredits = Math.min(groupCredits, g.maxCredits);
    total += groupCredits;
    if (q.minCreditsAtLevel) {
      // Which credits a cap cuts is not stated; assume the worst (at-level ones first), so the
      // level rule is never passed by credits that do not count.
      const below = sum(countedUnits.filter((m) => m.level === undefined || m.level < q.minCreditsAtLevel!.level).map((m) => m.credits!));
      atLevel += Math.max(0, groupCredits - below);
      if (countedUnits.some((m) => m.level === undefined)) levelUncertain = true;
    }
    if (uncertain && (g.maxCredits === undefined || groupCredits < g.maxCredits)) totalUncertain = true;

    if (g.minCredits !== undefined) {
      const have = sum(knownAchieved.map((m) => m.credits!));
      const plannedUnits = members.filter((m) => m.planned && !m.achieved);
      const planned = sum(plannedUnits.map((m) => m.credits ?? 0));
      const plannedUnknown = plannedUnits.filter((m) => m.credits === undefined).map((m) => m.id);
      const status = have >= g.minCredits ? 'met' : uncertain ? 'unknown' : 'unmet';
      rules.push({
        id: `${g.id}.min-credits`, kind: 'min-credits', group: g.id, status,
        message: status === 'unknown'
          ? `${label}: at least ${plural(g.minCredits, 'credit')}; ${have} known, credits of ${unknown.join(', ')} unknown`
          : `${label}: at least ${plural(g.minCredits, 'credit')}, ${have} achieved`,
        need: g.minCredits, have, planned, unknownUnits: [...unknown, ...plannedUnknown],
        units: plannedUnits.map((m) => m.id),
      });
    }
    if (g.maxCredits !== undefined) {
      const have = sum(knownAchieved.map((m) => m.credits!));
      rules.push({
        id: `${g.id}.max-credits`, kind: 'max-credits', group: g.id, status: 'met',
        message: have > g.maxCredits ? `${label}: at most ${plural(g.maxCredits, 'credit')} ${g.maxCredits === 1 ? 'counts' : 'count'} (${have} achieved)` : `${label}: at most ${plural(g.maxCredits, 'credit')} ${g.maxCredits === 1 ? 'counts' : 'count'}, ${have} achieved`,
        need: g.maxCredits, have,
      });
    }
    if (g.minUnits !== undefined) {
      const planned = members.filter((m) => m.planned && !m.achieved).length;
      rules.push({
        id: `${g.id}.min-units`, kind: 'min-units', group: g.id,
        status: achieved.length >= g.minUnits ? 'met' : 'unmet',
        message: `${label}: at least ${plural(g.minUnits, 'unit')}, ${achieved.length} achieved`,
        need: g.minUnits, have: achieved.length, planned,
      });
    }
    if (g.maxUnits !== undefined) {
      rules.push({
        id: `${g.id}.max-units`, kind: 'max-units', group: g.id, status: 'met',
        message: `${label}: at most ${plural(g.maxUnits, 'unit')} count, ${achieved.length} achieved`,
        need: g.maxUnits, have: achieved.length,
      });
    }
  }

  if (q.minCredits !== undefined) {
    const status = total >= q.minCredits ? 'met' : totalUncertain ? 'unknown' : 'unmet';
    rules.push({
      id: 'min-credits', kind: 'total-credits', status,
      message: status === 'unknown'
        ? `At least ${plural(q.minCredits, 'credit')} in total; ${total} known, credits of ${[...unknownUnits].join(', ')} unknown`
        : `At least ${plural(q.minCredits, 'credit')} in total, ${total} achieved`,
      need: q.minCredits, have: total, unknownUnits: [...unknownUnits],
    });
  }
  if (q.minCreditsAtLevel) {
    const { level, credits } = q.minCreditsAtLevel;
    const unknownHere = [...counted].map((id) => facts(id)).filter((m) => m.credits === undefined || m.level === undefined).map((m) => m.id);
    const status = atLevel >= credits ? 'met' : levelUncertain || unknownHere.length ? 'unknown' : 'unmet';
    rules.push({
      id: 'min-credits-at-level', kind: 'level-credits', status,
      message: `At least ${plural(credits, 'credit')} at level ${level} or above, ${atLevel} counted${status === 'unknown' ? ' (some credits or levels unknown)' : ''}`,
      need: credits, have: atLevel, unknownUnits: unknownHere,
    });
  }
  q.barred.forEach((b, i) => {
    const taken = barredTaken(b.units, index, (id) => chosen.has(id) || (byId.get(id) !== undefined && countsAchieved(byId.get(id)!.status)) || byId.get(id)?.mandatory === true);
    rules.push({
      id: `barred.${i + 1}`, kind: 'barred', status: taken.length > 1 ? 'unmet' : 'met',
      message: taken.length > 1 ? `${taken.join(' and ')} may not be combined` : `Barred combination ${b.units.map((u) => index.canonical(u)).join(' / ')} not taken`,
      units: taken,
    });
  });
  return { rules, credits: { achieved: total, unknownUnits: [...unknownUnits] } };
}
