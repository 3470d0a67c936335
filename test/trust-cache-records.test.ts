// The records a report keeps in the cache (src/api/report-records.ts) can only make it faster:
// a site written from them is byte for byte the site written with no cache; an entry is used
// only while what it rests on holds (the evidence folders it listed, the as-of day); and an
// entry of the wrong shape, or one naming a file outside its learner's folder, is a miss, even
// when it carries the user's own MAC.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAs, recordsEntry } from '../src/cache/shape.js';
import { fsCache } from '../src/cache/store.js';
import { cleanupRepos, tempDir } from './git-repo.js';
import { folio } from './helpers.js';
import { HOSTILE, hostileCentre } from './report-fixture.js';

afterAll(cleanupRepos);

const AS_OF = '2026-12-01';
const keyDir = tempDir('key-records');
const CACHED = { FOLIO_CACHE: '', FOLIO_CACHE_KEY_DIR: keyDir };
/** The six learners of the sample centre and the hostile one. */
const LEARNERS = ['NT-0142', 'NT-0147', 'NT-0151', 'NT-0153', 'NT-0156', 'NT-0163', HOSTILE.id];

/** Every file of a site, by its path in the site. */
function site(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

/** A report of the centre (evidence copied in, so a file an entry names would be read) into a new folder. */
async function report(centre: string, cached: boolean, asOf = AS_OF) {
  const out = join(tempDir('site'), 'site');
  const r = await folio(['report', '-o', out, '--as-of', asOf, '--copy-evidence', '--no-git', '-C', centre], cached ? { env: CACHED } : {});
  expect(r.code, r.stderr).toBe(0);
  return { pages: site(out), stderr: r.stderr.replaceAll(out, 'SITE') };
}

const recordsDir = (centre: string) => join(centre, '.folio-cache', 'v3', 'records');
function keys(centre: string): string[] {
  return readdirSync(recordsDir(centre)).flatMap((d) => readdirSync(join(recordsDir(centre), d)).map((f) => f.slice(0, -'.json'.length)));
}

/** Every records entry rewritten through the store, with the user's own key. */
function rewrite(centre: string, change: (v: any) => unknown, texts?: Map<string, string>) {
  const s = fsCache(centre, { env: { FOLIO_CACHE_KEY_DIR: keyDir } });
  for (const key of keys(centre)) {
    const text = texts?.get(key) ?? s.read('records', key);
    expect(text, key).toBeDefined();
    expect(s.write('records', key, JSON.stringify(change(JSON.parse(text!))) ?? 'null')).toBe(true);
  }
}

function genuine(centre: string): Map<string, string> {
  const s = fsCache(centre, { env: { FOLIO_CACHE_KEY_DIR: keyDir } });
  return new Map(keys(centre).map((k) => [k, s.read('records', k)!]));
}

describe('records kept in the cache for the report', () => {
  it('give the same site as no cache, on the run that writes them and on the run that reads them: one entry per learner, each of its shape', async () => {
    const centre = hostileCentre();
    const ref = await report(centre, false);
    const first = await report(centre, true);
    const s = fsCache(centre, { env: { FOLIO_CACHE_KEY_DIR: keyDir } });
    const entries = keys(centre).map((k) => parseAs<{ records: { learner: string } }>(recordsEntry, s.read('records', k)!));
    expect(entries.map((e) => e?.records.learner).sort()).toEqual(LEARNERS);
    const second = await report(centre, true);
    expect(first.pages).toEqual(ref.pages);
    expect(second.pages).toEqual(ref.pages);
    expect(second.stderr).toBe(ref.stderr);
  });

  it('are what the page shows while the evidence folders and the as-of day hold, and are read again when they do not', async () => {
    const centre = hostileCentre();
    await report(centre, true);
    const mark = (v: any) => ({ ...v, records: { ...v.records, evidence: v.records.evidence.map((e: any, i: number) => (i === 0 ? { ...e, title: `from the cache ${v.records.learner}` } : e)) } });
    rewrite(centre, mark);
    const later = await report(centre, true, '2026-12-02');
    // NT-0163 has just started and has no evidence to mark.
    for (const id of LEARNERS.filter((l) => l !== 'NT-0163')) expect(later.pages.get(`learners/${id}.html`), id).toContain(`from the cache ${id}`);
    // A file added to NT-0142's evidence folder: its entry no longer holds; the others do.
    writeFileSync(join(centre, 'portfolios/NT-0142/evidence/new.md'), 'new\n');
    const added = await report(centre, true);
    expect(added.pages.get('learners/NT-0142.html')).not.toContain('from the cache');
    expect(added.pages.get('learners/NT-0147.html')).toContain('from the cache NT-0147');
    // A day before the record's latest date (NT-0147's evidence runs into 2026): not the same record.
    rewrite(centre, mark);
    const early = await report(centre, true, '2026-01-15');
    const none = await report(centre, false, '2026-01-15');
    expect(early.pages).toEqual(none.pages);
  });

  // Wrong shapes and files out of place, each sealed with the user's own key.
  const other = (id: string) => (id === 'NT-0142' ? 'NT-0147' : 'NT-0142');
  const withFile = (file: (v: any) => string) => (v: any) => ({ ...v, records: { ...v.records, evidence: v.records.evidence.map((e: any) => ({ ...e, file: file(v) })) } });
  const WRONG: [string, (v: any) => unknown][] = [
    ['null', () => null],
    ['a list', () => []],
    ['records null', (v) => ({ ...v, records: null })],
    ['evidence null', (v) => ({ ...v, records: { ...v.records, evidence: null } })],
    ['an evidence item null', (v) => ({ ...v, records: { ...v.records, evidence: [null] } })],
    ['a decision unknown', (v) => ({ ...v, records: { ...v.records, evidence: v.records.evidence.map((e: any) => ({ ...e, assessment: { by: 'a.jones', date: '2026-03-01', decision: 'passed' } })) } })],
    ['an IQA stage unknown', (v) => ({ ...v, records: { ...v.records, iqa: [{ unit: 'x', by: 'y', date: '2026-03-01', stage: 'final', decision: 'agreed', evidence: [] }] } })],
    ['listings a number', (v) => ({ ...v, listings: 3 })],
    ['no as-of day', (v) => ({ ...v, asOf: undefined })],
    ['another learner’s records', (v) => ({ ...v, records: { ...v.records, learner: other(v.records.learner) } })],
    ['a file out of the centre', withFile(() => '../../../../etc/passwd')],
    ['a file through ..', withFile((v) => `portfolios/${v.records.learner}/../../../etc/hostname`)],
    ['a file of another learner', withFile((v) => `portfolios/${other(v.records.learner)}/evidence/E01-development-plan.md`)],
  ];

  it('of the wrong shape, for another learner or naming a file outside the learner’s folder, are misses: the same site as no cache', async () => {
    const centre = hostileCentre();
    const ref = await report(centre, false);
    await report(centre, true);
    const texts = genuine(centre);
    expect(texts.size).toBe(LEARNERS.length);
    for (const [name, change] of WRONG) {
      rewrite(centre, change, texts);
      const r = await report(centre, true);
      expect(r.stderr, name).toBe(ref.stderr);
      expect([...r.pages.keys()], name).toEqual([...ref.pages.keys()]);
      for (const [path, content] of ref.pages) if (r.pages.get(path) !== content) throw new Error(`records entries with ${name}: ${path} differs`);
    }
  }, 120_000);
});
