// The cache can only make folio faster, never change what it says: after every kind of edit a
// cached run must report exactly what a run without the cache reports, and must take from the
// cache only the learners the edit cannot have touched.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAs, specsEntry } from '../src/cache/shape.js';
import { fsCache, type CacheStore } from '../src/cache/store.js';
import { LearnerCache } from '../src/pipeline/cache.js';
import type { LearnerResult } from '../src/status/types.js';
import { fsReader } from '../src/load/reader.js';
import { analyse } from '../src/pipeline/index.js';
import { FIXTURES, folio } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-cache-'));
  cpSync(`${FIXTURES}centre`, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const AS_OF = '2026-06-30';
const file = (p: string) => join(dir, p);
const edit = (p: string, from: string | RegExp, to: string) => {
  const before = readFileSync(file(p), 'utf8');
  const after = before.replace(from, to);
  expect(after, `edit of ${p} changes nothing`).not.toBe(before);
  writeFileSync(file(p), after);
};

/** One cached run: how many learners came from the cache, and the whole of what it reports. */
async function cachedRun(asOf = AS_OF) {
  const a = await analyse(fsReader(dir), { asOf, cache: fsCache(dir), results: true });
  return { cached: a.analysis.cached, view: view(a) };
}
async function freshRun(asOf = AS_OF) {
  return view(await analyse(fsReader(dir), { asOf, results: true }));
}
function view({ analysis: a, results }: Awaited<ReturnType<typeof analyse>>) {
  return { diagnostics: a.diagnostics, learners: a.learners.map((l) => ({ head: l, result: results.get(l.id) })), unreadable: a.unreadable };
}

describe('the cache', () => {
  it('serves every learner on a second run, with the same results, and keeps out of git', async () => {
    const first = await cachedRun();
    expect(first.cached).toBe(0);
    const second = await cachedRun();
    expect(second.cached).toBe(6);
    expect(second.view).toEqual(first.view);
    expect(second.view).toEqual(await freshRun());
    expect(readFileSync(file('.folio-cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });

  it('keeps the message id and data of each finding it serves from the cache', async () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(`${FIXTURES}broken`, dir, { recursive: true });
    const first = await cachedRun();
    const second = await cachedRun();
    expect(second.cached).toBeGreaterThan(0);
    expect(second.view.diagnostics).toEqual(first.view.diagnostics);
    expect(second.view.diagnostics.length).toBeGreaterThan(20);
    for (const d of second.view.diagnostics) {
      expect(d.messageId, `${d.code}: ${d.message}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.data, `${d.code}: ${d.message}`).toBeTypeOf('object');
    }
  });

  it('reads a finding back only when its message id is text and its data plain JSON in a mapping', () => {
    const base = { code: 'unknown-unit', severity: 'error', message: 'm', file: 'f', line: 1, column: 1 };
    const entry = (d: object) => JSON.stringify({ specs: { units: [], qualifications: [], unreadableSpecs: [] }, diagnostics: [{ ...base, ...d }], catalogue: 'c' });
    expect(parseAs(specsEntry, entry({}))).toBeDefined();
    expect(parseAs(specsEntry, entry({ messageId: 'no-specification', data: { unit: 'U9', guess: null, open: [{ criterion: '1.1' }] } }))).toBeDefined();
    expect(parseAs(specsEntry, entry({ messageId: 7 }))).toBeUndefined();
    expect(parseAs(specsEntry, entry({ data: ['U9'] }))).toBeUndefined();
    expect(parseAs(specsEntry, entry({ data: 'U9' }))).toBeUndefined();
    const deep = JSON.parse('{"a":'.repeat(20) + '1' + '}'.repeat(20)) as object;
    expect(parseAs(specsEntry, entry({ data: deep }))).toBeUndefined();
  });

  it('sees an edited portfolio at once, and only that learner is computed again', async () => {
    await cachedRun();
    edit('portfolios/S-MIX/portfolio.yaml', 'covers: { L/600/0001: [1.2] } }', 'covers: { L/600/0001: [1.2] }, assessment: { by: a.jones, date: 2026-02-04, decision: accepted } }');
    const after = await cachedRun();
    expect(after.cached).toBe(5);
    expect(after.view).toEqual(await freshRun());
    const mix = after.view.learners.find((l) => l.head.id === 'S-MIX')!;
    expect(mix.result.units[0]!.criteria.find((c) => c.id === '1.2')!.status).toBe('met');
  });

  it('recomputes the learners whose units changed and keeps the others', async () => {
    await cachedRun();
    // D/600/0004 is taken only by S-IQA; H/600/0005 only by S-UNK.
    edit('specs/units/D-600-0004.yaml', 'Keep a diary', 'Keep a reflective diary');
    const after = await cachedRun();
    expect(after.cached).toBe(5);
    expect(after.view).toEqual(await freshRun());
  });

  it('recomputes everyone when the centre file changes (staff and roles count for every decision)', async () => {
    await cachedRun();
    edit('portfolios/centre.yaml', 'roles: [assessor]', 'roles: [iqa]');
    const after = await cachedRun();
    expect(after.cached).toBe(0);
    expect(after.view).toEqual(await freshRun());
    expect(after.view.diagnostics.some((d) => d.code === 'staff-role')).toBe(true);
  });

  it('recomputes a learner whose reference becomes known when a spec is added', async () => {
    edit('portfolios/S-NEW/portfolio.yaml', 'optional-units: [', 'optional-units: [Z/600/0009, ');
    const before = await cachedRun();
    expect(before.view.diagnostics.filter((d) => d.code === 'unknown-unit').map((d) => d.file)).toEqual(['portfolios/S-NEW/portfolio.yaml']);
    writeFileSync(file('specs/units/Z-600-0009.yaml'), 'unit: Z/600/0009\ntitle: A new unit\ncredits: 3\noutcomes:\n  - id: "1"\n    criteria:\n      - { id: "1.1", text: Do it }\n');
    edit('specs/qualifications/600-1234-1.yaml', 'units: [Y/600/0003', 'units: [Z/600/0009, Y/600/0003');
    const after = await cachedRun();
    expect(after.view).toEqual(await freshRun());
    expect(after.view.diagnostics.filter((d) => d.code === 'unknown-unit')).toEqual([]);
  });

  it('sees an evidence file appear or disappear without any edit to the portfolio', async () => {
    edit('portfolios/S-MIX/portfolio.yaml', 'ref: Obs 1', 'file: evidence/obs-1.md');
    const missing = await cachedRun();
    expect(missing.view.diagnostics.map((d) => d.code)).toContain('evidence-file-missing');
    mkdirSync(file('portfolios/S-MIX/evidence'));
    writeFileSync(file('portfolios/S-MIX/evidence/obs-1.md'), 'Observed at the service desk.\n');
    const present = await cachedRun();
    expect(present.cached).toBe(5);
    expect(present.view).toEqual(await freshRun());
    expect(present.view.diagnostics.map((d) => d.code)).not.toContain('evidence-file-missing');
    rmSync(file('portfolios/S-MIX/evidence/obs-1.md'));
    const gone = await cachedRun();
    expect(gone.view.diagnostics.map((d) => d.code)).toContain('evidence-file-missing');
  });

  it('reuses results for a later as-of date once every date in the portfolio is past, and only then', async () => {
    await cachedRun('2026-06-30');
    const later = await cachedRun('2026-09-01');
    expect(later.cached).toBe(6);
    expect(later.view).toEqual(await freshRun('2026-09-01'));
    const earlier = await cachedRun('2026-02-11');
    expect(earlier.cached).toBe(0);
    expect(earlier.view).toEqual(await freshRun('2026-02-11'));
  });

  it('ignores corrupt or truncated entries and writes them again', async () => {
    await cachedRun();
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const entries = walk(file('.folio-cache')).filter((f) => f.endsWith('.json'));
    expect(entries.length).toBeGreaterThan(6);
    entries.forEach((f, i) => writeFileSync(f, i % 2 ? '{"truncat' : 'null'));
    const after = await cachedRun();
    expect(after.cached).toBe(0);
    expect(after.view).toEqual(await freshRun());
    expect((await cachedRun()).cached).toBe(6);
  });

  it('assesses a learner again when a result it reads back later has gone or is corrupt', () => {
    const entry = { id: 'S-MIX', dir: 'portfolios/S-MIX', file: 'portfolios/S-MIX/portfolio.yaml' };
    const again = { id: 'S-MIX' } as LearnerResult;
    const store = (text: string | undefined): CacheStore => ({ read: () => text, has: () => text !== undefined, write: () => true });
    const ctx = { asOf: AS_OF, specs: new Map<string, string>(), catalogue: '', centre: '' };
    for (const text of [undefined, '{"trunc', 'null']) {
      const cache = new LearnerCache(fsReader(dir), store(text), ctx, () => again);
      expect(cache.loader(entry, 'k')()).toBe(again);
    }
    const lost = new LearnerCache(fsReader(dir), store(undefined), ctx, () => undefined);
    expect(() => lost.loader(entry, 'k')()).toThrow(/could not be read back/);
  });

  it('is used by the command line unless --no-cache or FOLIO_CACHE=off says not to', async () => {
    const args = ['check', '-C', dir, '--as-of', AS_OF, '--format', 'json'];
    const off = await folio([...args, '--no-cache'], { env: { FOLIO_CACHE: '' } });
    expect(existsSync(file('.folio-cache'))).toBe(false);
    await folio(args, { env: { FOLIO_CACHE: 'off' } });
    expect(existsSync(file('.folio-cache'))).toBe(false);
    const on = await folio(args, { env: { FOLIO_CACHE: '' } });
    expect(existsSync(file('.folio-cache'))).toBe(true);
    const again = await folio(args, { env: { FOLIO_CACHE: '' } });
    expect(on.stdout).toBe(off.stdout);
    expect(again.stdout).toBe(off.stdout);
    expect(again.code).toBe(off.code);
  });
});
