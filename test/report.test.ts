// folio report without a browser: the escaping itself (text, attributes, addresses, paths),
// the templates (every value in an attribute is quoted), determinism (the same inputs give the
// same bytes), the folder rules (never into a folder that is not a report, stale pages
// removed), evidence linked or copied, and the pages that come from git history.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { href, html, sitePath, slug, text } from '../src/render/html/escape.js';
import { alice, cleanupRepos, makeRepo } from './git-repo.js';
import { folio, REPO } from './helpers.js';
import { FILE, HOSTILE, hostileCentre, sampleCentre } from './report-fixture.js';

afterAll(cleanupRepos);

const AS_OF = '2026-12-01';

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe('escaping', () => {
  it('escapes every value for text and quoted attributes, and keeps only its own markup', () => {
    const v = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${v}">${v}</p>`.markup).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>');
    expect(html`<ul>${['<a>', html`<li>${'<b>'}</li>`]}</ul>`.markup).toBe('<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.markup).toBe('0');
    // controls and bidi overrides become visible escapes; a line break in feedback stays
    expect(text('a\u202Eb\u0007c\nd')).toBe('a\\u202eb\\x07c\nd');
  });

  it('links only http and https addresses', () => {
    expect(href('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c');
    expect(href('  http://example.org ')).toBe('http://example.org/');
    expect(href('https://example.org/"><script>')).toBe('https://example.org/%22%3E%3Cscript%3E');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd', '//example.org', 'https:/x', 'https://exa mple.org', 'https://example.org\\@evil', 'mailto:a@b', 'http://', '']) {
      expect(href(bad), bad).toBeUndefined();
    }
  });

  it('makes every id a file name of its own, and every path segment only a name', () => {
    const ids = ['NT-0142', 'A/506/2130', 'A_506_2130', 'A.506', '..', '../../etc', 'a b', 'é', '%2F', '_2F', '.2F'];
    const slugs = ids.map(slug);
    expect(new Set(slugs).size).toBe(ids.length);
    for (const s of slugs) expect(s).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(slugs.filter((s) => s === '.' || s === '..')).toEqual([]);
    expect(slug('A/506/2130')).toBe('A_506_2130');
    expect(sitePath(['..', 'portfolios', 'a?b#c:d%e', '<x>.md'])).toBe('../portfolios/a%3Fb%23c%3Ad%25e/%3Cx%3E.md');
  });

  it('writes every value in an attribute inside quotes, in every template', () => {
    const dir = join(REPO, 'src/render/html');
    for (const f of readdirSync(dir)) {
      const source = readFileSync(join(dir, f), 'utf8');
      // name=${…} without a quote would let a value end the attribute with a space
      expect(source.match(/[a-z-]=\$\{/g) ?? [], f).toEqual([]);
    }
  });
});

describe('folio report', () => {
  it('gives the same bytes for the same inputs', async () => {
    const centre = sampleCentre();
    const one = join(centre, 'one');
    const two = join(centre, 'two');
    expect((await folio(['report', '-C', centre, '-o', one, '--as-of', AS_OF])).code).toBe(0);
    expect((await folio(['report', '-C', centre, '-o', two, '--as-of', AS_OF])).code).toBe(0);
    const list = files(one);
    expect(list).toEqual(files(two));
    expect(list).toContain('index.html');
    // a page for every learner's folder, a withdrawn learner's too
    const folders = readdirSync(join(centre, 'portfolios'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `learners/${e.name}.html`);
    expect(list.filter((f) => f.startsWith('learners/'))).toEqual(folders.sort());
    for (const f of list) expect(readFileSync(join(two, f)).equals(readFileSync(join(one, f))), f).toBe(true);
    // nothing of the clock: the only date is the as-of day (and the centre's own dates)
    const index = readFileSync(join(one, 'index.html'), 'utf8');
    expect(index).toContain(`as of ${AS_OF}`);
    expect(index).not.toMatch(/\d\d:\d\d:\d\d/);
  });

  it('shows the hostile learner as escaped text and links no unsafe address', async () => {
    const centre = hostileCentre();
    const site = join(centre, 'site');
    expect((await folio(['report', '-C', centre, '-o', site, '--as-of', AS_OF])).code).toBe(0);
    const page = readFileSync(join(site, 'learners', `${HOSTILE.id}.html`), 'utf8');
    expect(page).not.toContain('<script>window');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<iframe');
    expect(page).not.toMatch(/href="\s*(javascript|data|vbscript)/i);
    expect(page).toContain(text(HOSTILE.name));
    expect(page.match(/<script/g) ?? []).toEqual([]);
    // the file whose name is markup: linked, every character of its name percent-encoded
    expect(page).toContain(`href="../../portfolios/${HOSTILE.id}/evidence/${text(encodeURIComponent(FILE))}"`);
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index.match(/<script/g)).toHaveLength(1);
  });

  it('writes only into a new or empty folder or an earlier report, and removes the pages it no longer has', async () => {
    const centre = sampleCentre();
    const site = join(centre, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'notes.txt'), 'mine');
    const refused = await folio(['report', '-C', centre, '-o', site, '--as-of', AS_OF]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the folder is not empty and holds no report that folio wrote');
    expect(readFileSync(join(site, 'notes.txt'), 'utf8')).toBe('mine');
    rmSync(join(site, 'notes.txt'));
    expect((await folio(['report', '-C', centre, '-o', site, '--as-of', AS_OF])).code).toBe(0);
    expect(existsSync(join(site, 'learners', 'NT-0163.html'))).toBe(true);
    rmSync(join(centre, 'portfolios', 'NT-0163'), { recursive: true });
    const again = await folio(['report', '-C', centre, '-o', site, '--as-of', AS_OF]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('1 old file removed');
    expect(existsSync(join(site, 'learners', 'NT-0163.html'))).toBe(false);
    expect(readFileSync(join(site, '.folio-report'), 'utf8')).not.toContain('NT-0163');
    const none = await folio(['report', '-C', centre]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('report needs -o DIR');
  });

  it('links evidence where it is in the centre, or copies it in with --copy-evidence', async () => {
    const centre = sampleCentre();
    const linked = join(centre, 'linked');
    expect((await folio(['report', '-C', centre, '-o', linked, '--as-of', AS_OF, 'NT-0147'])).code).toBe(0);
    const page = readFileSync(join(linked, 'learners', 'NT-0147.html'), 'utf8');
    expect(page).toContain('href="../../portfolios/NT-0147/evidence/E01-development-plan.md"');
    // one learner named: one learner's page, and the cohort of one
    expect(files(linked).filter((f) => f.startsWith('learners/'))).toEqual(['learners/NT-0147.html']);
    const pack = join(centre, 'pack');
    const copied = await folio(['report', '-C', centre, '-o', pack, '--as-of', AS_OF, '--copy-evidence', 'NT-0147']);
    expect(copied.code).toBe(0);
    expect(copied.stderr).toMatch(/\d+ evidence files copied/);
    const packed = readFileSync(join(pack, 'learners', 'NT-0147.html'), 'utf8');
    expect(packed).toContain('href="../evidence/NT-0147/evidence/E01-development-plan.md"');
    expect(readFileSync(join(pack, 'evidence/NT-0147/evidence/E01-development-plan.md')).equals(readFileSync(join(centre, 'portfolios/NT-0147/evidence/E01-development-plan.md')))).toBe(true);
    expect(statSync(join(pack, 'evidence')).isDirectory()).toBe(true);
  });

  it('shows the timeline, burn-up and verification from git when the centre is a repository', async () => {
    const repo = makeRepo();
    const sample = sampleCentre();
    for (const f of files(sample)) repo.write(f, readFileSync(join(sample, f), 'utf8'));
    repo.commit('the sample centre', { author: alice, date: '2026-03-01T10:00:00Z' });
    const site = join(repo.dir, 'site');
    const run = await folio(['report', '-C', repo.dir, '-o', site, '--as-of', AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    const learner = readFileSync(join(site, 'learners', 'NT-0147.html'), 'utf8');
    const commit = repo.head();
    expect(learner).toContain(`<code title="${commit}">${commit.slice(0, 8)}</code>`);
    expect(learner).toContain(alice.name);
    expect(learner).toContain('portfolio added as NT-0147');
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain('id="burnup-title"');
    expect(index).not.toContain('Not available');
    const verification = readFileSync(join(site, 'verification.html'), 'utf8');
    expect(verification).toMatch(/Verified \d+ records in 6 portfolios/);
    expect(verification).toContain('verify-author');
    // the history too gives the same bytes again
    const again = join(repo.dir, 'again');
    expect((await folio(['report', '-C', repo.dir, '-o', again, '--as-of', AS_OF])).code).toBe(0);
    for (const f of files(site).filter((f) => f.endsWith('.html'))) expect(readFileSync(join(again, f), 'utf8'), f).toBe(readFileSync(join(site, f), 'utf8'));
    // --no-git leaves the history out, and says so
    const plain = join(repo.dir, 'plain');
    expect((await folio(['report', '-C', repo.dir, '-o', plain, '--as-of', AS_OF, '--no-git'])).code).toBe(0);
    expect(readFileSync(join(plain, 'index.html'), 'utf8')).toContain('Not available: the history was not asked for');
  }, 60_000);
});
