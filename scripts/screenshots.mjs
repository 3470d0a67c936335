// Screenshots of the report for the README: the cohort page and one learner's page of the
// sample centre, at a desktop and a phone width, taken by headless Chromium (Debian's
// /usr/bin/chromium, or CHROMIUM=path) through puppeteer-core. Run after `npm run build`:
//   node scripts/screenshots.mjs [OUT_DIR]      (default: docs/)
// Never run by tests; the pictures are committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const out = resolve(process.argv[2] ?? 'docs');
const site = mkdtempSync(join(tmpdir(), 'folio-shots-'));
const root = resolve(new URL('..', import.meta.url).pathname);
execFileSync(process.execPath, [join(root, 'bin/folio.js'), 'report', '-C', root, '-o', join(site, 'site'), '--as-of', '2026-06-30', '--no-git'], { stdio: 'inherit' });
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
try {
  const shots = [
    ['cohort', 'index.html'],
    ['learner', 'learners/NT-0147.html'],
  ];
  const sizes = [
    ['desktop', 1200, 900, 1],
    ['phone', 390, 844, 1],
  ];
  for (const [name, path] of shots) {
    for (const [size, width, height, scale] of sizes) {
      const page = await browser.newPage();
      await page.setViewport({ width, height, deviceScaleFactor: scale });
      await page.goto(pathToFileURL(join(site, 'site', path)).href);
      await page.screenshot({ path: join(out, `report-${name}-${size}.png`) });
      await page.close();
    }
  }
} finally {
  await browser.close();
  rmSync(site, { recursive: true, force: true });
}
console.log(`screenshots in ${out}`);
