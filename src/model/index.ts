// Lookups over the model that rules and the status engine share: units by number or alias,
// qualifications by number with or without slashes.
import { aliasMap } from './aliases.js';
import type { Qualification, Unit } from './types.js';

export interface Index {
  unit(ref: string): Unit | undefined;
  qualification(ref: string): Qualification | undefined;
  /** Canonical unit id for a reference, or the reference itself when unknown. */
  canonical(ref: string): string;
}

const qnKey = (s: string) => s.trim().replace(/\//g, '').toUpperCase();

export function buildIndex(c: { units: Unit[]; qualifications: Qualification[] }): Index {
  const units = aliasMap(c.units, (u) => u.id, (u) => u.aliases);
  const quals = new Map<string, Qualification>();
  for (const q of c.qualifications) if (!quals.has(qnKey(q.id))) quals.set(qnKey(q.id), q);
  return {
    unit: (ref) => units.get(ref.trim()),
    qualification: (ref) => quals.get(qnKey(ref)),
    canonical: (ref) => units.get(ref.trim())?.id ?? ref.trim(),
  };
}
