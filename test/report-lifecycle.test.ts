// The learner's lifecycle in the report and in folio status (issues 13 and 16), on a copy of the
// sample centre given a withdrawn learner with a break, an exemption and an open break, a claim
// of the qualification with its certificate, a claim of units awaiting one, and a transfer.
// Reasons and references hold markup and a javascript: address: they must come out as text.
// Every expected figure is worked out by hand from the sample centre and the lines the fixture
// (report-fixture.ts lifecycleCentre) adds.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupRepos } from './git-repo.js';
import { folio } from './helpers.js';
import { CERTIFICATE, lifecycleCentre, REASON, REFERENCE } from './report-fixture.js';
import { all, bodyRows, byId, parse, textOf, type El } from './html-tree.js';

const AS_OF = '2026-12-01';

afterAll(cleanupRepos);

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

let centre: string;
let site: string;
const pageOf = (path: string) => parse(readFileSync(join(site, path), 'utf8'));
const learnerPage = (id: string) => pageOf(`learners/${id}.html`);
const unitRow = (page: El, unit: string) => all(page, (e) => e.tag === 'tr' && e.attrs['data-unit'] === unit)[0]!;
const statusCell = (row: El) => all(row, (e) => e.tag === 'td' && e.attrs['data-value'] !== undefined)[0]!;

beforeAll(async () => {
  centre = lifecycleCentre();
  site = join(centre, 'site');
  const check = await folio(['check', '-C', centre, '--as-of', AS_OF]);
  expect(check.code, check.stdout).toBe(0);
  const run = await folio(['report', '-C', centre, '-o', site, '--as-of', AS_OF]);
  expect(run.code, run.stderr).toBe(0);
}, 60_000);

describe('the learner page shows the lifecycle', () => {
  it('a withdrawal with its reason as text and who recorded it, and a break that ended', () => {
    const page = learnerPage('NT-0153');
    const w = byId(page, 'withdrawn');
    const field = (name: string) => textOf(all(w, (e) => e.attrs['data-field'] === name)[0]!);
    expect(field('date')).toBe('2026-11-20');
    expect(field('reason')).toBe(REASON);
    expect(field('by')).toBe('Rachel Okafor (r.okafor)');
    expect(all(page, (e) => e.tag === 'script')).toEqual([]);
    expect(bodyRows(byId(page, 'breaks'))).toEqual([['2026-07-01', '2026-08-01', 'family matters']]);
  });

  it('an exemption in words, its reference as text, and the unit exempted, not assessed here', () => {
    const page = learnerPage('NT-0151');
    expect(bodyRows(byId(page, 'exemptions'))).toEqual([['Y/506/2135', 'recognition of prior learning', REFERENCE, '2026-06-01', 'Alex Jones (a.jones)']]);
    expect(all(page, (e) => e.tag === 'a' && /^\s*javascript:/i.test(e.attrs.href ?? ''))).toEqual([]);
    expect(bodyRows(byId(page, 'breaks'))).toEqual([['2026-11-15', 'goes on', 'illness']]);
    const row = unitRow(page, 'Y/506/2135');
    const status = statusCell(row);
    expect(status.attrs['data-value']).toBe('exempted');
    // the word and an icon of its own, not only a colour
    expect(textOf(status)).toBe('↷ exempted');
    expect(textOf(all(row, (e) => e.attrs.class === 'progress')[0]!)).toBe('exempted: not assessed here');
    // no criteria table for it, and no criterion shown as met
    expect(all(page, (e) => e.attrs['aria-label'] === 'Criteria of Y/506/2135')).toEqual([]);
    expect(textOf(all(page, (e) => e.attrs['data-exempted'] === 'Y/506/2135')[0]!)).toMatch(/^exempted: not assessed here \(recognition of prior learning on 2026-06-01/);
    // a unit with evidence keeps its criteria: A/506/2130 stands at 13/20 in the sample
    expect(textOf(all(unitRow(page, 'A/506/2130'), (e) => e.attrs.class === 'progress')[0]!)).toBe('13/20 (65%)');
  });

  it('a claim of the qualification with its certificate, every unit certificated', () => {
    const page = learnerPage('NT-0142');
    expect(bodyRows(byId(page, 'claims'))).toEqual([['2026-09-01', 'the qualification 601/3734/4', 'Alex Jones (a.jones)', 'BIIAB-Q-1', `★ certificate ${CERTIFICATE}, dated 2026-10-15`]]);
    expect(all(page, (e) => e.tag === 'img')).toEqual([]);
    // Priya achieved all 13 of her units: the claim of the qualification makes each certificated
    const units = all(page, (e) => e.tag === 'tr' && e.attrs['data-unit'] !== undefined);
    expect(units).toHaveLength(13);
    for (const u of units) expect(statusCell(u).attrs['data-value'], u.attrs['data-unit']).toBe('certificated');
    expect(all(byId(page, 'summary'), (e) => e.attrs['data-field'] === 'status')[0]!.attrs['data-value']).toBe('certificated');
  });

  it('a claim of units awaiting its certificate makes those units claimed and no other', () => {
    const page = learnerPage('NT-0147');
    expect(bodyRows(byId(page, 'claims'))).toEqual([['2026-09-05', 'units A/506/2130, F/506/2131', 'Rachel Okafor (r.okafor)', 'BIIAB-U-2', '✉ awaiting certificate']]);
    expect(textOf(statusCell(unitRow(page, 'A/506/2130')))).toBe('✉ claimed');
    expect(textOf(statusCell(unitRow(page, 'F/506/2131')))).toBe('✉ claimed');
    expect(textOf(statusCell(unitRow(page, 'J/506/2132')))).toBe('✔ achieved');
  });

  it('a transfer, and no lifecycle section for a learner without one', () => {
    expect(bodyRows(byId(learnerPage('NT-0163'), 'transfers'))).toEqual([['600/1234/1', '2026-11-02', 'moving up a level', 'Alex Jones (a.jones)']]);
    expect(all(learnerPage('NT-0156'), (e) => e.attrs.id === 'h-lifecycle')).toEqual([]);
  });
});

describe('the cohort page', () => {
  it('leaves the withdrawn learner out of its figures, chart and filters, and lists them apart', () => {
    const page = pageOf('index.html');
    // 6 learners less Liam (withdrawn): Priya certificated; Daniel, Aisha, Chloe in progress; Jordan not started
    const figures = '5 learners as of 2026-12-01: 1 certificated, 3 in progress, 1 not started.';
    expect(textOf(all(page, (e) => e.tag === 'p' && e.attrs.class === 'facts')[0]!)).toBe(`${figures} 1 learner has withdrawn: not counted here, listed under Withdrawn.`);
    expect(bodyRows(byId(page, 'cohort')).map((r) => r[0])).toEqual(['NT-0142', 'NT-0147', 'NT-0151', 'NT-0156', 'NT-0163']);
    expect(textOf(byId(page, 'shown'))).toBe('5 learners shown.');
    expect(textOf(byId(page, 'status-chart-title'))).toBe('The cohort by status: 1 certificated, 3 in progress, 1 not started');
    expect(bodyRows(byId(page, 'withdrawn'))).toEqual([['NT-0153', "Liam O'Connor", '2026-11-20', '1/13', 'H/506/1814']]);
    const link = all(byId(page, 'withdrawn'), (e) => e.tag === 'a')[0]!;
    expect(link.attrs.href).toBe('learners/NT-0153.html');
    expect(files(site)).toContain('learners/NT-0153.html');
    // nor is Liam taking a unit any more: H/506/1814 (his alone) has nobody on its page
    const h1814 = pageOf('units/H_506_1814.html');
    expect(all(h1814, (e) => e.tag === 'a' && (e.attrs.href ?? '').includes('NT-0153'))).toEqual([]);
    expect(all(pageOf('units/D_506_2119.html'), (e) => e.tag === 'a' && (e.attrs.href ?? '').includes('NT-0142'))).toHaveLength(1);
    // the filters offer what the cohort table holds: no status withdrawn, and H/506/1814 only Liam chose
    const options = (id: string) => all(byId(page, id), (e) => e.tag === 'option').map((o) => o.attrs.value);
    expect(options('f-status')).toEqual(['', 'certificated', 'in-progress', 'not-started']);
    expect(options('f-unit')).not.toContain('H/506/1814');
    expect(options('f-unit')).toContain('D/506/2119');
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = join(centre, 'again');
    expect((await folio(['report', '-C', centre, '-o', again, '--as-of', AS_OF])).code).toBe(0);
    const list = files(site);
    expect(files(again)).toEqual(list);
    for (const f of list) expect(readFileSync(join(again, f)).equals(readFileSync(join(site, f))), f).toBe(true);
  }, 60_000);
});

describe('folio status LEARNER shows the lifecycle', () => {
  const view = async (learner: string, ...more: string[]) => {
    const r = await folio(['status', learner, '-C', centre, '--as-of', AS_OF, ...more], { env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('exemptions, claims and transfers on lines of their own', async () => {
    expect((await view('NT-0153')).split('\n')).toContain(`Withdrawn 2026-11-20 (${REASON}), recorded by Rachel Okafor (r.okafor)`);
    const aisha = (await view('NT-0151')).split('\n');
    expect(aisha).toContain('Break in learning from 2026-11-15, goes on (illness)');
    expect(aisha).toContain(`Recognition of prior learning for Y/506/2135 on 2026-06-01, reference ${REFERENCE}, recorded by Alex Jones (a.jones)`);
    expect((await view('NT-0151', '--detail', '--unit', 'Y/506/2135')).split('\n')).toContain('  exempted: not assessed here (recognition of prior learning on 2026-06-01)');
    expect((await view('NT-0142')).split('\n')).toContain(`Claimed 2026-09-01: the qualification 601/3734/4, reference BIIAB-Q-1, certificate ${CERTIFICATE} of 2026-10-15, claimed by Alex Jones (a.jones)`);
    expect((await view('NT-0147')).split('\n')).toContain('Claimed 2026-09-05: units A/506/2130, F/506/2131, reference BIIAB-U-2, awaiting certificate, claimed by Rachel Okafor (r.okafor)');
    expect((await view('NT-0163')).split('\n')).toContain('Transferred 2026-11-02 from 600/1234/1 (moving up a level), recorded by Alex Jones (a.jones)');
    expect(await view('NT-0156')).not.toMatch(/^(Withdrawn|Break|Claimed|Transferred|Credit transfer|Exemption|Recognition)/m);
  });

  it('gains transfers in JSON, and keeps the fields it had', async () => {
    const [jordan] = JSON.parse(await view('NT-0163', '--format', 'json')).learners;
    expect(jordan.transfers).toEqual([{ date: '2026-11-02', from: '600/1234/1', by: 'a.jones', reason: 'moving up a level' }]);
    const [aisha] = JSON.parse(await view('NT-0151', '--format', 'json')).learners;
    expect(aisha.transfers).toEqual([]);
    expect(aisha.breaks).toEqual([{ from: '2026-11-15', to: null, reason: 'illness' }]);
    expect(aisha.units.find((u: { id: string }) => u.id === 'Y/506/2135').exemption).toEqual({ kind: 'rpl', date: '2026-06-01', reference: REFERENCE });
  });
});
