// The specs as JSON and back, for the cache and for worker threads: a run whose specs have not
// changed takes them from here instead of parsing and validating every spec file again. Maps
// and sets are left out and rebuilt, so the shapes in types.ts stay the only definition.
import type { CentreInfo, Criterion, Specs, Staff, Unit } from './types.js';

type Plain<T> = Omit<T, 'criteria' | 'staff' | 'staffList' | 'roles'>;
interface PlainSpecs {
  units: (Plain<Unit> & { outcomes: Unit['outcomes'] })[];
  qualifications: Specs['qualifications'];
  centre?: Plain<CentreInfo> & { staffList: (Plain<Staff> & { roles: string[] })[] };
  unreadableSpecs: string[];
}

export function specsToPlain(specs: Specs): PlainSpecs {
  return {
    units: specs.units.map(({ criteria: _derived, ...u }) => u),
    qualifications: specs.qualifications,
    centre: specs.centre && {
      name: specs.centre.name,
      number: specs.centre.number,
      currencyYears: specs.centre.currencyYears,
      loc: specs.centre.loc,
      staffList: specs.centre.staffList.map((s) => ({ ...s, roles: [...s.roles] })),
      ...(specs.centre.droppedStaff ? { droppedStaff: specs.centre.droppedStaff } : {}),
      ...(specs.centre.sites ? { sites: specs.centre.sites } : {}),
      ...(specs.centre.sampling ? { sampling: specs.centre.sampling } : {}),
    },
    unreadableSpecs: [...specs.unreadableSpecs],
  };
}

export function specsFromPlain(p: PlainSpecs): Specs {
  const units: Unit[] = p.units.map((u) => {
    // The first criterion of each id wins, as when the unit was built.
    const criteria = new Map<string, Criterion>();
    for (const o of u.outcomes) for (const c of o.criteria) if (!criteria.has(c.id)) criteria.set(c.id, c);
    return { ...u, criteria };
  });
  let centre: CentreInfo | undefined;
  if (p.centre) {
    const staffList: Staff[] = p.centre.staffList.map((s) => ({ ...s, roles: new Set(s.roles) }));
    const staff = new Map<string, Staff>();
    for (const s of staffList) if (!staff.has(s.id)) staff.set(s.id, s);
    centre = { name: p.centre.name, number: p.centre.number, currencyYears: p.centre.currencyYears, loc: p.centre.loc, staff, staffList, ...(p.centre.droppedStaff ? { droppedStaff: p.centre.droppedStaff } : {}), ...(p.centre.sites ? { sites: p.centre.sites } : {}), ...(p.centre.sampling ? { sampling: p.centre.sampling } : {}) };
  }
  return { units, qualifications: p.qualifications, centre, unreadableSpecs: new Set(p.unreadableSpecs) };
}

export type { PlainSpecs };
