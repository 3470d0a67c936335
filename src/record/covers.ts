// --covers as an assessor writes it: UNIT:CRITERIA, where UNIT is a unit's number or any alias,
// and CRITERIA a comma list of criterion ids, ranges in the unit's order (1.1-1.6), whole
// outcomes (outcome-3, or all-of-outcome-3) or the whole unit (all). Written to the portfolio as
// the unit's own number and the criteria one by one, so the file says exactly what is claimed.
// A unit folio does not know is written as given for check to refuse (unknown-unit), with its
// criteria as given; a range needs the unit's criteria, so it is a usage error there.
import type { Index } from '../model/index.js';
import type { Unit } from '../model/types.js';
import { visible } from '../render/safe.js';
import { UsageError } from '../usage-error.js';

export function parseCovers(given: readonly string[], index: Index): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of given) {
    const at = g.lastIndexOf(':');
    if (at <= 0 || at === g.length - 1) throw new UsageError(`--covers "${visible(g)}" is not UNIT:CRITERIA: write e.g. --covers A/506/2130:1.1,1.2 or --covers 201:1.1-1.6`);
    const ref = g.slice(0, at).trim();
    const unit = index.unit(ref);
    const id = unit?.id ?? ref;
    const list = (out[id] ??= []);
    for (const part of g.slice(at + 1).split(',').map((p) => p.trim()).filter(Boolean)) {
      for (const c of expandCriteria(part, unit && coversUnit(unit), ref)) if (!list.includes(c)) list.push(c);
    }
  }
  return out;
}

/** What --covers needs of a unit: its outcomes and their criteria, in the spec's order. */
export interface CoversUnit {
  id: string;
  outcomes: readonly { id: string; criteria: readonly string[] }[];
}

export const coversUnit = (u: Unit): CoversUnit => ({ id: u.id, outcomes: u.outcomes.map((o) => ({ id: o.id, criteria: o.criteria.map((c) => c.id) })) });

/** The criteria one part of --covers names (an id, a range, outcome-N or all); a UsageError
 * when it needs the unit's criteria and the unit has no such outcome or criterion. */
export function expandCriteria(part: string, unit: CoversUnit | undefined, ref: string): string[] {
  const outcome = /^(?:all-of-)?outcome-(.+)$/.exec(part);
  const range = /^([^-\s]+)-([^-\s]+)$/.exec(part);
  if (!outcome && !range && part !== 'all') return [part];
  if (!unit) throw new UsageError(`--covers ${ref}:${part}: no unit "${visible(ref)}" in specs/units/, so its criteria cannot be listed from it ("folio spec list" shows the units)`);
  const all = unit.outcomes.flatMap((o) => o.criteria);
  if (part === 'all') return all;
  if (outcome) {
    const o = unit.outcomes.find((x) => x.id === outcome[1]);
    if (!o) throw new UsageError(`--covers ${ref}:${part}: ${unit.id} has no outcome "${visible(outcome[1]!)}"; its outcomes are ${unit.outcomes.map((x) => x.id).join(', ')}`);
    return [...o.criteria];
  }
  const from = all.indexOf(range![1]!);
  const to = all.indexOf(range![2]!);
  if (from < 0 || to < 0 || to < from) {
    const bad = from < 0 ? range![1] : to < 0 ? range![2] : part;
    throw new UsageError(`--covers ${ref}:${part}: ${from < 0 || to < 0 ? `${unit.id} has no criterion "${visible(bad!)}"` : 'the range runs backwards'}; its criteria are ${all.join(', ')}`);
  }
  return all.slice(from, to + 1);
}
