// Case table for rules/sites.ts: sites named by portfolios, evidence and staff are listed in the
// centre file once each, and the qualifications staff started on have specifications.
import { sites } from '../../src/rules/sites.js';
import type { CentreInfo, Site } from '../../src/model/types.js';
import { centreFile, evidence, learner, loc, qual, group, unit } from '../model-builders.js';
import { testRule, type Model } from '../rule-tester.js';

const U = unit('U1', 3, 2);
const Q = qual([group('M', ['U1'], { required: 'all' })]);
const site = (id: string, i: number): Site => ({ id, name: `Site ${id}`, loc: loc('portfolios/centre.yaml', ['sites', i]) });
const withSites = (ids: string[], c: CentreInfo = centreFile([['a.jones', ['assessor']]])): CentreInfo => ({ ...c, sites: ids.map(site) });
const model = (c: CentreInfo, l = learner([U])): Model => ({ units: [U], qualifications: [Q], centre: c, learners: [l] });

const staffAt = (c: CentreInfo, extra: Partial<CentreInfo['staffList'][number]>): CentreInfo => {
  const staffList = c.staffList.map((s) => ({ ...s, ...extra }));
  return { ...c, staffList, staff: new Map(staffList.map((s) => [s.id, s])) };
};
const staffLoc = (...path: (string | number)[]) => loc('portfolios/centre.yaml', ['staff', 0, ...path]);

testRule(sites, {
  valid: [
    { name: 'a centre without sites and portfolios that name none', model: model(centreFile([['a.jones', ['assessor']]])) },
    { name: 'a learner, an evidence item and a staff member at listed sites', model: model(staffAt(withSites(['leeds', 'york']), { sites: [{ id: 'york', loc: staffLoc('sites', 0) }] }), { ...learner([U], { evidence: [evidence('E9', 'U1', ['1.1'], 'observation', undefined, { site: 'york' })] }), site: 'leeds' }) },
    { name: 'without a centre file there is no site list to check against', model: { units: [U], learners: [{ ...learner([U]), site: 'leeds' }] } },
    { name: 'a staff member started on a qualification the centre has', model: model(staffAt(withSites([]), { qualifications: [{ qualification: '60137344', since: '2025-01-01', loc: staffLoc('qualifications', 0) }] })) },
  ],
  invalid: [
    {
      name: "a learner's site that is not listed, with the nearest suggested",
      model: model(withSites(['leeds', 'york']), { ...learner([U]), site: 'leds' }),
      errors: [{ code: 'unknown-site', messageId: 'learner', data: { site: 'leds', guess: 'leeds' }, file: 'portfolios/NT-0001/portfolio.yaml', path: ['site'], says: ['"leds"', 'did you mean "leeds"?'] }],
    },
    {
      name: 'an evidence item at a site when the centre lists none',
      model: model(centreFile([['a.jones', ['assessor']]]), learner([U], { evidence: [evidence('E9', 'U1', ['1.1'], 'observation', undefined, { site: 'york' })] })),
      errors: [{ code: 'unknown-site', messageId: 'evidence', data: { site: 'york', of: 'E9', listed: 0 }, path: ['evidence', 0, 'site'], says: ['the centre lists no sites'] }],
    },
    {
      name: 'a staff member at a site that is not listed',
      model: model(staffAt(withSites(['leeds']), { sites: [{ id: 'hull', loc: staffLoc('sites', 0) }] })),
      errors: [{ code: 'unknown-site', messageId: 'staff', data: { site: 'hull', of: 'a.jones', guess: null }, file: 'portfolios/centre.yaml', path: ['staff', 0, 'sites', 0], says: ['add it there'] }],
    },
    {
      name: 'a site listed twice',
      model: model(withSites(['leeds', 'leeds'])),
      errors: [{ code: 'duplicate-entry', messageId: 'site-twice', data: { site: 'leeds' }, path: ['sites', 1, 'id'] }],
    },
    {
      name: 'a staff member started on a qualification with no specification',
      model: model(staffAt(withSites([]), { qualifications: [{ qualification: '601/3734/5', since: '2025-01-01', loc: staffLoc('qualifications', 0) }] })),
      errors: [{ code: 'unknown-qualification', messageId: 'staff-qualification', data: { staff: 'a.jones', qualification: '601/3734/5', guess: '601/3734/4' }, path: ['staff', 0, 'qualifications', 0, 'qualification'] }],
    },
  ],
});
