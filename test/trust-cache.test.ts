// A cache that cannot lie: entries folio did not write for this user (forged, committed,
// cloned, copied from another user) are misses, entries of the wrong shape are misses, and a
// cache folder that git tracks or that is a link is neither read nor written. In every case
// the verdicts are exactly those of --no-cache.
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { headEntry, learnerResult, parseAs, specsEntry } from '../src/cache/shape.js';
import { fsCache, type CacheStore, type Kind } from '../src/cache/store.js';
import { recordGitAsync } from '../src/git/run.js';
import { fsReader } from '../src/load/reader.js';
import { analyse } from '../src/pipeline/index.js';
import { cleanupRepos, makeRepo, runIn, tempDir } from './git-repo.js';
import { FIXTURES, folio, REPO } from './helpers.js';

afterAll(cleanupRepos);

const AS_OF = '2026-06-30';
const CACHE = '.folio-cache';
/** Two users, each with their own key. */
const keyDirA = tempDir('key-a');
const keyDirB = tempDir('key-b');
const on = (keyDir: string) => ({ FOLIO_CACHE: '', FOLIO_CACHE_KEY_DIR: keyDir });
const store = (dir: string, keyDir: string) => fsCache(dir, { env: { FOLIO_CACHE_KEY_DIR: keyDir } });

/** The fixture centre, broken: its assessor loses the role, so decisions stop counting and
 * check reports errors. */
function fill(dir: string): string {
  cpSync(`${FIXTURES}centre`, dir, { recursive: true });
  const file = join(dir, 'portfolios/centre.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('roles: [assessor]');
  writeFileSync(file, text.replace('roles: [assessor]', 'roles: [iqa]'));
  return dir;
}
const centre = () => fill(tempDir('centre'));

/** The runs whose output is compared: a whole-centre check and status, in table and JSON. */
const RUNS = [
  ['check', '--as-of', AS_OF],
  ['check', '--as-of', AS_OF, '--format', 'json'],
  ['status', '--as-of', AS_OF],
  ['status', '--as-of', AS_OF, '--format', 'json'],
  ['status', 'S-MIX', '--as-of', AS_OF, '--format', 'json'],
];

/** What each run reports without a cache: the reference every cached run must equal. */
async function reference(dir: string) {
  return Promise.all(RUNS.map((args) => folio([...args, '-C', dir, '--no-cache'])));
}

async function expectSameAs(dir: string, ref: Awaited<ReturnType<typeof reference>>, env: Record<string, string>, which = RUNS.map((_, i) => i)) {
  const stderr: string[] = [];
  for (const i of which) {
    const args = RUNS[i]!;
    const r = await folio([...args, '-C', dir], { env });
    expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: ref[i]!.code, stdout: ref[i]!.stdout });
    // Whatever the cache adds to stderr comes first; the rest is what --no-cache says.
    expect(r.stderr.endsWith(ref[i]!.stderr), r.stderr).toBe(true);
    stderr.push(r.stderr.slice(0, r.stderr.length - ref[i]!.stderr.length));
  }
  return stderr;
}

/** Every entry in a centre's cache folder, whatever its format version, as kind and key. */
function entries(dir: string): { kind: Kind; key: string; file: string }[] {
  const out: { kind: Kind; key: string; file: string }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) {
        const kind = p.split(/[\\/]/).slice(-3)[0] as Kind;
        out.push({ kind, key: e.name.slice(0, -'.json'.length), file: p });
      }
    }
  };
  walk(join(dir, CACHE));
  return out;
}

// What an attacker would make every entry say: no findings, everything achieved.
function forge(kind: Kind, v: any): unknown {
  if (kind === 'specs') return { ...v, diagnostics: [] };
  if (kind === 'head') return { ...v, diagnostics: [], head: { ...v.head, status: 'achieved', gaps: 0 } };
  return {
    ...v,
    status: 'achieved',
    units: v.units.map((u: any) => ({ ...u, status: 'achieved', met: u.total, criteria: u.criteria.map((c: any) => ({ ...c, status: 'met', shortfalls: [] })) })),
    rules: v.rules.map((r: any) => ({ ...r, status: 'met' })),
  };
}

/** Rewrite every entry through the store API, so each is as valid as the writer's key makes it. */
function rewrite(dir: string, s: CacheStore, change: (kind: Kind, v: any) => unknown) {
  const all = entries(dir);
  expect(all.length).toBeGreaterThan(6);
  for (const e of all) {
    const text = s.read(e.kind, e.key);
    expect(text, `entry ${e.file} reads back`).toBeDefined();
    expect(s.write(e.kind, e.key, JSON.stringify(change(e.kind, JSON.parse(text!))))).toBe(true);
  }
}

describe('forged cache entries', () => {
  it('committed with git add -f and cloned, change nothing: the tracked cache is ignored with one warning and never written', async () => {
    const repo = makeRepo();
    fill(repo.dir);
    repo.commit('the centre');
    const ref = await reference(repo.dir);
    expect(ref[0]!.code).toBe(1);
    // The attacker's own runs fill their cache; they forge it with their own key and commit it.
    for (const args of RUNS) await folio([...args, '-C', repo.dir], { env: on(keyDirA) });
    rewrite(repo.dir, store(repo.dir, keyDirA), forge);
    const forged = await folio(['check', '--as-of', AS_OF, '-C', repo.dir], { env: on(keyDirA) });
    expect(forged.code).toBe(0); // the forgery works for the one who holds the key
    rmSync(join(repo.dir, CACHE, '.gitignore'));
    // A name chosen to clear the screen, should a warning quote it raw.
    writeFileSync(join(repo.dir, CACHE, '\x1b[2J\x1b[H ALL PASSED'), '');
    repo.git('add', '-f', CACHE);
    repo.commit('cache');
    const clone = tempDir('clone');
    runIn(clone, ['clone', '-q', repo.dir, 'c']);
    const dir = join(clone, 'c');
    expect(runIn(dir, ['ls-files', CACHE]).length).toBeGreaterThan(0);

    const { result: stderr, commands } = await recordGitAsync(() => expectSameAs(dir, ref, on(keyDirB)));
    for (const s of stderr) {
      expect(s.match(/\.folio-cache is not used/g)).toHaveLength(1);
      expect(s).toContain('git tracks files in it (".folio-cache/\\x1b[2J\\x1b[H ALL PASSED" and ');
      expect(s).toMatch(/ more\); remove them from git with "git rm -r --cached \.folio-cache" and commit\.\n$/);
      expect(s).not.toContain('\x1b');
    }
    // One git call a run to ask, none with --no-cache.
    expect(commands.filter((c) => c.includes('ls-files'))).toHaveLength(RUNS.length);
    const off = await recordGitAsync(() => folio(['check', '--as-of', AS_OF, '-C', dir, '--no-cache']));
    expect(off.result.stderr).toBe('');
    expect(off.commands.filter((c) => c.includes('ls-files'))).toEqual([]);
    // Nothing written: the tracked files are untouched and nothing new appeared.
    expect(runIn(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    // The same forged entries, no longer tracked (only the MAC stands in the way), still change nothing.
    runIn(dir, ['rm', '-q', '-r', '--cached', CACHE]);
    const untracked = await expectSameAs(dir, ref, on(keyDirB));
    expect(untracked.join('')).toBe('');
  });

  it('copied from another user are misses, assessed again and written again', async () => {
    const dir = centre();
    const ref = await reference(dir);
    const { analysis: a } = await analyse(fsReader(dir), { asOf: AS_OF, cache: store(dir, keyDirA), results: true });
    expect(a.cached).toBe(0);
    expect((await analyse(fsReader(dir), { asOf: AS_OF, cache: store(dir, keyDirA), results: true })).analysis.cached).toBe(6);
    // User B finds user A's genuine entries in the centre: none is used, all are rewritten.
    const { analysis: b } = await analyse(fsReader(dir), { asOf: AS_OF, cache: store(dir, keyDirB), results: true });
    expect(b.cached).toBe(0);
    expect((await analyse(fsReader(dir), { asOf: AS_OF, cache: store(dir, keyDirB), results: true })).analysis.cached).toBe(6);
    // Forged by A and left in place (not tracked): B's verdicts stay those of --no-cache.
    await analyse(fsReader(dir), { asOf: AS_OF, cache: store(dir, keyDirA), results: true });
    rewrite(dir, store(dir, keyDirA), forge);
    await expectSameAs(dir, ref, on(keyDirB));
  });

  it('edited by hand, old-format or truncated, are misses, never errors', async () => {
    const dir = centre();
    const ref = await reference(dir);
    await expectSameAs(dir, ref, on(keyDirB));
    for (const e of entries(dir)) {
      const text = readFileSync(e.file, 'utf8');
      const sealed = /^[0-9a-f]{64}\n/.test(text);
      const body = sealed ? text.slice(65) : text;
      // Heads forged with no MAC (as an older folio wrote entries), results forged under their
      // old MAC, the specs entry truncated.
      const forged = JSON.stringify(forge(e.kind, JSON.parse(body)));
      writeFileSync(e.file, e.kind === 'head' ? forged : e.kind === 'result' ? (sealed ? text.slice(0, 65) : '') + forged : text.slice(0, 70));
    }
    const stderr = await expectSameAs(dir, ref, on(keyDirB));
    expect(stderr.join('')).toBe('');
  });
});

// Wrong shapes, each written with the user's own key so that only the shape check stands
// between it and a formatter (the report's records entries: trust-cache-records.test.ts).
const SHAPES: Record<Exclude<Kind, 'records'>, [string, (v: any) => unknown][]> = {
  head: [
    ['null', () => null],
    ['a list', () => []],
    ['a string', () => 'achieved'],
    ['no head', (v) => ({ ...v, head: undefined })],
    ['head null', (v) => ({ ...v, head: null })],
    ['entry not an object', (v) => ({ ...v, head: { ...v.head, entry: 'S-MIX' } })],
    ['status unknown', (v) => ({ ...v, head: { ...v.head, status: 'certified' } })],
    ['optionalUnits a string', (v) => ({ ...v, head: { ...v.head, optionalUnits: 'x' } })],
    ['diagnostics an object', (v) => ({ ...v, diagnostics: {} })],
    ['diagnostic null', (v) => ({ ...v, diagnostics: [null] })],
    ['diagnostic of unknown code', (v) => ({ ...v, diagnostics: [{ code: 'no-such-code', severity: 'error', message: 'm', file: 'f', line: 1, column: 1 }] })],
    ['diagnostic line text', (v) => ({ ...v, diagnostics: [{ code: 'yaml-syntax', severity: 'error', message: 'm', file: 'f', line: '1', column: 1 }] })],
    ['deps null', (v) => ({ ...v, deps: null })],
    ['listings a number', (v) => ({ ...v, deps: { ...v.deps, listings: 3 } })],
    ['result key a number', (v) => ({ ...v, result: 7 })],
  ],
  result: [
    ['null', () => null],
    ['units null', (v) => ({ ...v, units: null })],
    ['unit null', (v) => ({ ...v, units: [null] })],
    ['criteria an object', (v) => ({ ...v, units: v.units.map((u: any) => ({ ...u, criteria: {} })) })],
    ['shortfall null', (v) => ({ ...v, units: v.units.map((u: any) => ({ ...u, criteria: u.criteria.map((c: any) => ({ ...c, shortfalls: [null] })) })) })],
    ['rules a string', (v) => ({ ...v, rules: 'x' })],
    ['credits null', (v) => ({ ...v, credits: null })],
    ['groups missing', (v) => ({ ...v, groups: undefined })],
  ],
  specs: [
    ['specs null', (v) => ({ ...v, specs: null })],
    ['unit empty', (v) => ({ ...v, specs: { ...v.specs, units: [{}] } })],
    ['outcomes null', (v) => ({ ...v, specs: { ...v.specs, units: v.specs.units.map((u: any) => ({ ...u, outcomes: null })) } })],
    ['staff roles a number', (v) => ({ ...v, specs: { ...v.specs, centre: { ...v.specs.centre, staffList: [{ id: 'x', roles: 5 }] } } })],
    ['unreadableSpecs null', (v) => ({ ...v, specs: { ...v.specs, unreadableSpecs: null } })],
    ['diagnostics numbers', (v) => ({ ...v, diagnostics: [1] })],
  ],
};

describe('cache entries of the wrong shape', () => {
  it('never include what folio writes itself: every entry of the sample centre and the fixtures passes its shape check', async () => {
    const sample = tempDir('sample');
    for (const d of ['specs', 'portfolios']) cpSync(join(REPO, d), join(sample, d), { recursive: true });
    for (const dir of [sample, centre()]) {
      for (const args of RUNS) await folio([...args, '-C', dir], { env: on(keyDirB) });
      const s = store(dir, keyDirB);
      const all = entries(dir);
      expect(all.filter((e) => e.kind === 'result').length).toBeGreaterThan(5);
      for (const e of all) {
        const shape = { head: headEntry, result: learnerResult, specs: specsEntry }[e.kind];
        expect(parseAs(shape, s.read(e.kind, e.key)!), `${e.kind} entry of ${dir}`).toBeDefined();
      }
    }
  });

  it('are misses: every run reports what --no-cache reports, and nothing crashes', async () => {
    const dir = centre();
    const ref = await reference(dir);
    await expectSameAs(dir, ref, on(keyDirB));
    const s = store(dir, keyDirB);
    const genuine = entries(dir).map((e) => ({ ...e, text: s.read(e.kind, e.key)! }));
    expect(genuine.every((e) => e.text !== undefined)).toBe(true);
    for (const kind of ['head', 'result', 'specs'] as Kind[]) {
      for (const [name, change] of SHAPES[kind]) {
        for (const e of genuine) s.write(e.kind, e.key, e.kind === kind ? JSON.stringify(change(JSON.parse(e.text))) ?? 'null' : e.text);
        const stderr = await expectSameAs(dir, ref, on(keyDirB), [1, 3, 4]).catch((err: Error) => {
          throw new Error(`${kind} entries with ${name}: ${err.message}`);
        });
        expect(stderr.join(''), `${kind} entries with ${name}`).toBe('');
      }
    }
  }, 120_000);
});

describe('a cache folder that is not folio’s own', () => {
  it('as a link to the centre: nothing is written in the centre, one warning, the same verdicts', async () => {
    const dir = centre();
    const ref = await reference(dir);
    const before = readdirSync(dir).sort();
    symlinkSync(dir, join(dir, CACHE));
    const stderr = await expectSameAs(dir, ref, on(keyDirB));
    for (const s of stderr) expect(s).toBe('folio: .folio-cache is not used and not written: it is a symbolic link; delete the link and folio makes its own folder.\n');
    expect(readdirSync(dir).sort()).toEqual([...before, CACHE].sort());
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
    expect(existsSync(join(dir, 'CACHEDIR.TAG'))).toBe(false);
    // A link to a folder elsewhere, and a dangling link, are refused the same way.
    rmSync(join(dir, CACHE));
    const elsewhere = tempDir('elsewhere');
    symlinkSync(elsewhere, join(dir, CACHE));
    for (const s of await expectSameAs(dir, ref, on(keyDirB))) expect(s).toMatch(/symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
    rmSync(join(dir, CACHE));
    symlinkSync(join(elsewhere, 'none'), join(dir, CACHE));
    for (const s of await expectSameAs(dir, ref, on(keyDirB))) expect(s).toMatch(/symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('as a file: left alone, one warning', async () => {
    const dir = centre();
    const ref = await reference(dir);
    writeFileSync(join(dir, CACHE), 'not a folder\n');
    for (const s of await expectSameAs(dir, ref, on(keyDirB))) expect(s).toBe('folio: .folio-cache is not used and not written: it is not a folder; delete it and folio makes its own folder.\n');
    expect(readFileSync(join(dir, CACHE), 'utf8')).toBe('not a folder\n');
  });

  it('with links planted inside it: nothing is written through them', async () => {
    const dir = centre();
    const ref = await reference(dir);
    const elsewhere = tempDir('planted');
    mkdirSync(join(dir, CACHE));
    for (const version of ['v1', 'v2', 'v3']) symlinkSync(elsewhere, join(dir, CACHE, version));
    symlinkSync(join(elsewhere, 'gitignore'), join(dir, CACHE, '.gitignore'));
    await expectSameAs(dir, ref, on(keyDirB));
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(lstatSync(join(dir, CACHE, 'v3')).isSymbolicLink()).toBe(true);
  });
});

describe('the key', () => {
  it('is made once, readable by its owner only; when it cannot be made the cache is off, with no message', async () => {
    const dir = centre();
    const ref = await reference(dir);
    const keyDir = join(tempDir('key'), 'folio');
    await expectSameAs(dir, ref, on(keyDir));
    const key = readFileSync(join(keyDir, 'key'));
    expect(key).toHaveLength(32);
    if (process.platform !== 'win32') expect(lstatSync(join(keyDir, 'key')).mode & 0o777).toBe(0o600);
    await expectSameAs(dir, ref, on(keyDir));
    expect(readFileSync(join(keyDir, 'key'))).toEqual(key);
    expect(readdirSync(keyDir)).toEqual(['key']);

    const other = centre();
    const blocker = join(tempDir('ro'), 'a-file');
    writeFileSync(blocker, '');
    const stderr = await expectSameAs(other, ref, on(join(blocker, 'folio')));
    expect(stderr.join('')).toBe('');
    expect(existsSync(join(other, CACHE))).toBe(false);
  });

  it('inside the centre, where a commit could supply it, or at a relative path, is not used, with a warning', async () => {
    const dir = centre();
    const ref = await reference(dir);
    // A key the attacker committed, with the right size and mode, in a folder of the centre.
    mkdirSync(join(dir, 'home'));
    writeFileSync(join(dir, 'home', 'key'), Buffer.alloc(32, 9), { mode: 0o600 });
    for (const s of await expectSameAs(dir, ref, on(join(dir, 'home')))) expect(s).toMatch(/^folio: the cache is not used: its key .*home[\\/]key would be inside the centre; set FOLIO_CACHE_KEY_DIR or XDG_CACHE_HOME to a folder outside it\.\n$/);
    expect(existsSync(join(dir, CACHE))).toBe(false);
    for (const s of await expectSameAs(dir, ref, on('relative/keys'))) expect(s).toBe('folio: the cache is not used: FOLIO_CACHE_KEY_DIR is not an absolute path: "relative/keys".\n');
    expect(existsSync(join(dir, CACHE))).toBe(false);
  });

  it('that others can read is not used, with a warning that says how to fix it', async () => {
    if (process.platform === 'win32') return;
    const dir = centre();
    const ref = await reference(dir);
    const keyDir = tempDir('shared-key');
    writeFileSync(join(keyDir, 'key'), Buffer.alloc(32, 7), { mode: 0o644 });
    for (const s of await expectSameAs(dir, ref, on(keyDir))) expect(s).toMatch(/^folio: the cache is not used: .*key can be read or changed by other users: make it yours alone \(chmod 600\) or delete it\.\n$/);
    expect(existsSync(join(dir, CACHE))).toBe(false);
  });
});
