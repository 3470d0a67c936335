// The report opened as its readers open it: the generated site of the sample centre in a real
// headless browser (Chromium through puppeteer-core), from file://, with every request that
// would leave file:// recorded and refused. The cohort and a learner's page show what
// `folio status --format json` says; sorting and filtering work; axe-core finds no WCAG 2.2 A
// or AA violation on the cohort, a learner and a unit page, in light and dark mode; the page
// reads whole with scripts off; a learner whose every text is markup shows it as text; the
// learner's lifecycle (report-fixture.ts lifecycleCentre) passes axe and runs none of its values.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionalChromium } from './browser.js';
import { cleanupRepos } from './git-repo.js';
import { folio } from './helpers.js';
import { HOSTILE, PWNED, hostileCentre, lifecycleCentre, sampleCentre } from './report-fixture.js';

const AS_OF = '2026-12-01';
const chromium = optionalChromium();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface StatusJson {
  learners: { id: string; name: string; status: string; credits: { achieved: number; required: number | null }; progress: { criteriaMet: number; criteriaTotal: number; unitsAchieved: number; unitsNeeded: number }; units: { id: string; status: string; criteria: { status: string }[] }[] }[];
}

describe.skipIf(!chromium)('the report in a browser', () => {
  let browser: Browser;
  let sample: string;
  let hostile: string;
  let lifecycle: string;
  let status: StatusJson;
  const outside: string[] = [];

  beforeAll(async () => {
    const centre = sampleCentre();
    sample = join(centre, 'site');
    const built = await folio(['report', '-C', centre, '-o', sample, '--as-of', AS_OF]);
    expect(built.code, built.stderr).toBe(0);
    status = JSON.parse((await folio(['status', '-C', centre, '--format', 'json', '--as-of', AS_OF])).stdout) as StatusJson;
    const bad = hostileCentre();
    hostile = join(bad, 'site');
    expect((await folio(['report', '-C', bad, '-o', hostile, '--as-of', AS_OF])).code).toBe(0);
    const life = lifecycleCentre();
    lifecycle = join(life, 'site');
    expect((await folio(['report', '-C', life, '-o', lifecycle, '--as-of', AS_OF])).code).toBe(0);
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({ executablePath: chromium!, args: ['--no-sandbox', '--disable-gpu'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    cleanupRepos();
  });

  /** A page of a site, every request that is not file:// recorded and aborted. */
  async function open(site: string, path: string, o: { js?: boolean; dark?: boolean; axe?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (r.url().startsWith('file://')) void r.continue();
      else {
        outside.push(r.url());
        void r.abort();
      }
    });
    if (o.js === false) await page.setJavaScriptEnabled(false);
    // axe is injected as a script: the page's own policy lets only its own script run
    if (o.axe) await page.setBypassCSP(true);
    if (o.dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await page.goto(pathToFileURL(join(site, path)).href, { waitUntil: 'load' });
    return page;
  }

  const rowsOf = (page: Page) => page.$$eval('#cohort tbody tr', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => ({ id: tr.cells[0]!.textContent!.trim(), status: tr.getAttribute('data-status') })));

  it('lists the sample learners with the statuses folio status gives, the withdrawn one apart', async () => {
    const page = await open(sample, 'index.html');
    const rows = await rowsOf(page);
    // six learners; NT-0153 withdrew, so is out of the cohort table as out of folio status
    expect(rows).toHaveLength(5);
    expect(await page.$eval('#h-withdrawn', (h) => h.parentElement!.textContent)).toContain('NT-0153');
    expect(rows).toEqual(status.learners.map((l) => ({ id: l.id, status: l.status })));
    // the status is a word beside its colour
    const words = await page.$$eval('#cohort tbody tr td:nth-child(4)', (tds) => tds.map((td) => td.textContent!.replace(/[^a-z -]/g, '').trim()));
    expect(words).toEqual(status.learners.map((l) => l.status.replace(/-/g, ' ')));
    expect(await page.$eval('#h-burnup + p', (p) => p.textContent)).toContain('Not available: the centre is not in a git repository');
    await page.close();
  });

  it("shows on a learner's page the figures of folio status LEARNER --format json", async () => {
    const json = status.learners.find((l) => l.id === 'NT-0147')!;
    const page = await open(sample, 'learners/NT-0147.html');
    const field = (name: string) => page.$eval(`[data-field="${name}"]`, (e) => e.textContent!.trim());
    expect(await field('credits')).toBe(`${json.credits.achieved}/${json.credits.required}`);
    expect(await field('criteria')).toBe(`${json.progress.criteriaMet}/${json.progress.criteriaTotal}`);
    expect(await field('units')).toBe(`${json.progress.unitsAchieved}/${json.progress.unitsNeeded}`);
    expect(await page.$eval('[data-field="status"]', (e) => e.getAttribute('data-value'))).toBe(json.status);
    const units = await page.$$eval('tr[data-unit]', (trs) => trs.map((tr) => ({ id: tr.getAttribute('data-unit'), status: tr.querySelector('[data-value]')!.getAttribute('data-value'), met: Number(tr.querySelector('[data-met]')!.getAttribute('data-met')), total: Number(tr.querySelector('[data-met]')!.getAttribute('data-total')) })));
    expect(units).toEqual(json.units.map((u) => ({ id: u.id, status: u.status, met: u.criteria.filter((c) => c.status === 'met').length, total: u.criteria.length })));
    const criteria = await page.$$eval('tr[data-criterion] [data-value]', (tds) => tds.map((td) => td.getAttribute('data-value')));
    expect(criteria).toEqual(json.units.flatMap((u) => u.criteria.map((c) => c.status)));
    await page.close();
  });

  it('sorts the cohort by a column, both ways, and says so', async () => {
    const page = await open(sample, 'index.html');
    // the share shown (a whole percent); equal shares keep the folder order either way
    const share = (l: StatusJson['learners'][number]) => Math.round((l.progress.criteriaMet / l.progress.criteriaTotal) * 100);
    const byMet = [...status.learners].sort((a, b) => share(a) - share(b)).map((l) => l.id);
    const byMetDown = [...status.learners].sort((a, b) => share(b) - share(a)).map((l) => l.id);
    expect(byMetDown).not.toEqual(byMet);
    const heads = await page.$$eval('#cohort thead th button', (bs) => bs.map((b) => b.textContent));
    expect(heads).toContain('Criteria met');
    const metButton = (await page.$$('#cohort thead th button'))[heads.indexOf('Criteria met')]!;
    await metButton.click();
    expect((await rowsOf(page)).map((r) => r.id)).toEqual(byMet);
    expect(await page.$eval('#shown', (e) => e.textContent)).toBe('Sorted by Criteria met, ascending');
    await metButton.click();
    expect((await rowsOf(page)).map((r) => r.id)).toEqual(byMetDown);
    expect(await page.$eval('#cohort thead th:nth-child(6)', (th) => th.getAttribute('aria-sort'))).toBe('descending');
    // by name, as text; the keyboard works as the mouse does
    const nameButton = (await page.$$('#cohort thead th button'))[heads.indexOf('Name')]!;
    await nameButton.focus();
    await page.keyboard.press('Enter');
    expect((await rowsOf(page)).map((r) => r.id)).toEqual([...status.learners].sort((a, b) => a.name.localeCompare(b.name)).map((l) => l.id));
    await page.close();
  });

  it('filters the cohort by assessor, status and unit', async () => {
    const page = await open(sample, 'index.html');
    expect(await page.$eval('#filters', (f) => (f as HTMLElement).hidden)).toBe(false);
    await page.select('#f-status', 'not-started');
    expect((await rowsOf(page)).map((r) => r.id)).toEqual(['NT-0163']);
    expect(await page.$eval('#shown', (e) => e.textContent)).toBe('1 of 5 learners shown');
    await page.select('#f-status', '');
    await page.select('#f-assessor', 'r.okafor');
    expect((await rowsOf(page)).map((r) => r.id)).toEqual(['NT-0147']);
    await page.select('#f-assessor', '');
    const taking = status.learners.filter((l) => l.units.some((u) => u.id === 'F/506/2159')).map((l) => l.id);
    expect(taking.length).toBeGreaterThan(0);
    expect(taking.length).toBeLessThan(6);
    await page.select('#f-unit', 'F/506/2159');
    expect((await rowsOf(page)).map((r) => r.id)).toEqual(taking);
    await page.close();
  });

  it('reads whole with scripts off: every learner, no dead controls', async () => {
    const page = await open(sample, 'index.html', { js: false });
    expect(await rowsOf(page)).toHaveLength(5);
    expect(await page.$eval('#filters', (f) => (f as HTMLElement).hidden)).toBe(true);
    expect(await page.$$('#cohort thead th button')).toHaveLength(0);
    await page.close();
  });

  for (const dark of [false, true]) {
    it(`has no axe-core violation (WCAG 2.2 A and AA) on the cohort, a learner and a unit page${dark ? ', in dark mode' : ''}`, async () => {
      for (const path of ['index.html', 'learners/NT-0147.html', 'units/A_506_2130.html', 'units/index.html', 'verification.html']) {
        const page = await open(sample, path, { axe: true, dark });
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate(() => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))) as { violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] };
        expect(result.violations.map((v) => `${path}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
        expect(result.passes.length).toBeGreaterThan(10);
        await page.close();
      }
    }, 60_000);
  }

  it('renders a learner whose name, titles, feedback and addresses hold markup as text: no script runs, no element is injected', async () => {
    const dialogs: string[] = [];
    for (const path of ['index.html', `learners/${HOSTILE.id}.html`, 'units/A_506_2130.html']) {
      const page = await open(hostile, path);
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      expect(await page.evaluate((k) => (window as unknown as Record<string, unknown>)[k], PWNED)).toBeUndefined();
      const injected = await page.$$eval('main img, main iframe, main script, main b, main em, main svg[onload], [onerror], [onload], [onmouseover]', (els) => els.map((e) => e.outerHTML.slice(0, 80)));
      expect(injected).toEqual([]);
      expect(await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).protocol).filter((p) => p !== 'file:' && p !== 'https:'))).toEqual([]);
      await page.close();
    }
    const page = await open(hostile, `learners/${HOSTILE.id}.html`);
    const text = await page.$eval('main', (m) => m.textContent!);
    expect(text).toContain(HOSTILE.name);
    expect(text).toContain(`${HOSTILE.title} 1`);
    expect(text).toContain(`javascript:window.${PWNED}=7`);
    expect(text).toContain('(not linked: only http and https addresses are)');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(`${HOSTILE.name} (${HOSTILE.id})`);
    // the one safe address is a link, to exactly that address; the file whose name is markup is one too
    expect(await page.$$eval('main a[href^="https:"]', (as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual(['https://example.org/ok?a=%22b%22&c=%3Cd%3E']);
    const file = await page.$$eval('main a[href]', (as) => as.filter((a) => (a as HTMLAnchorElement).protocol === 'file:').map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)).filter((p) => p.includes('/evidence/')));
    expect(file).toHaveLength(1);
    expect(file[0]!.endsWith(`portfolios/${HOSTILE.id}/evidence/<em>x&y"z'#?.md`)).toBe(true);
    expect(dialogs).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the lifecycle with no axe-core violation, its hostile reasons and references run nothing', async () => {
    for (const path of ['index.html', 'learners/NT-0153.html', 'learners/NT-0151.html', 'learners/NT-0142.html', 'learners/NT-0147.html', 'learners/NT-0163.html']) {
      const page = await open(lifecycle, path);
      expect(await page.evaluate((k) => (window as unknown as Record<string, unknown>)[k], PWNED), path).toBeUndefined();
      expect(await page.$$eval('main img, main script, [onerror]', (els) => els.length), path).toBe(0);
      expect(await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).protocol).filter((p) => p !== 'file:' && p !== 'https:')), path).toEqual([]);
      await page.close();
      const checked = await open(lifecycle, path, { axe: true });
      await checked.addScriptTag({ content: axeSource });
      const result = (await checked.evaluate(() => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))) as { violations: { id: string; nodes: { target: string[] }[] }[] };
      expect(result.violations.map((v) => `${path}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
      await checked.close();
    }
    // the filters of the cohort never bring back the withdrawn learner
    const page = await open(lifecycle, 'index.html');
    await page.select('#f-assessor', 'r.okafor');
    expect((await rowsOf(page)).map((r) => r.id)).toEqual(['NT-0147']);
    expect(await page.$eval('#shown', (e) => e.textContent)).toBe('1 of 5 learners shown');
    expect(await page.$$eval('#withdrawn tbody tr', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).length)).toBe(1);
    await page.close();
  }, 90_000);

  it('sent no request outside file://', () => {
    expect(outside).toEqual([]);
  });
});
