// What a recording command can be given, from the spec and the centre: the learners, the units
// of a learner's qualification (the mandatory ones and those chosen), each unit's criteria, the
// methods, the staff and their roles, the learner's evidence. The command line asks from these
// when an option is missing on a terminal, and completes from them in the shell.
import { METHODS } from '../schema/common.js';
import { coversUnit, expandCriteria } from '../record/covers.js';
import { whoRecords } from '../record/who.js';
import type { Centre } from './centre.js';
import type { Index } from '../model/index.js';
import { open } from './record-kit.js';

export interface UnitChoice {
  id: string;
  aliases: string[];
  title?: string;
  /** The criteria, in the spec's order. */
  criteria: string[];
  /** The outcomes with their criteria, in the spec's order. */
  outcomes: { id: string; criteria: string[] }[];
}

export interface RecordChoices {
  learner: string;
  /** The learner's qualification, as their portfolio names it. */
  qualification?: string;
  /** The units a record may name: the qualification's mandatory units and the optional ones
   * the learner chose; every unit of the qualification when they chose none yet. */
  units: UnitChoice[];
  methods: string[];
  staff: { id: string; name: string; roles: string[] }[];
  /** The learner's evidence, in the portfolio's order. */
  evidence: { id: string; title: string }[];
  /** The staff member git's user.email names here, when one does. */
  you?: string;
}

/** The criteria of a unit that one part of --covers names (1.1, 1.1-1.6, outcome-3 or all), as
 * folio evidence add reads it; a UsageError when the unit has no such outcome or range. */
export function criteriaNamed(unit: UnitChoice, part: string): string[] {
  return expandCriteria(part, unit, unit.id);
}

/** The choices for records on a learner's portfolio. */
export async function recordChoices(centre: Centre, learner: string): Promise<RecordChoices> {
  const ctx = await open(centre, learner);
  const units = unitsFor(ctx.index, ctx.qualification, ctx.optionalUnits);
  const staff = [...(ctx.specs.centre?.staff.values() ?? [])].map((s) => ({ id: s.id, name: s.name, roles: [...s.roles] }));
  let you: string | undefined;
  try {
    you = whoRecords(ctx.specs, centre.root, undefined, false)?.id;
  } catch {
    you = undefined;
  }
  return { learner, qualification: ctx.qualification, units, methods: [...METHODS], staff, evidence: ctx.evidence, you };
}

/** The units a record on a learner may name: the qualification's mandatory units and the
 * optional ones chosen, or every unit of the qualification while none is chosen. */
export function unitsFor(index: Index, qualification: string | undefined, optionalUnits: readonly string[]): UnitChoice[] {
  const q = qualification === undefined ? undefined : index.qualification(qualification);
  const mandatory = (q?.groups ?? []).filter((g) => g.requiredAll).flatMap((g) => g.units.map((u) => u.ref));
  const all = (q?.groups ?? []).flatMap((g) => g.units.map((u) => u.ref));
  const chosen = optionalUnits.length ? optionalUnits : all;
  const ids = [...new Set([...mandatory, ...chosen].map((r) => index.canonical(r)))];
  return ids.flatMap((id) => {
    const u = index.unit(id);
    if (!u) return [];
    const { outcomes } = coversUnit(u);
    return [{ id: u.id, aliases: [...u.aliases], title: u.title, criteria: [...u.criteria.keys()], outcomes: outcomes.map((o) => ({ id: o.id, criteria: [...o.criteria] })) }];
  });
}
