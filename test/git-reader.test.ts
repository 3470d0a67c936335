// reader.ts: the centre at a commit behaves like the working tree did at that commit (fsReader
// is the oracle), never looks at the working tree or index, and reads in constant processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitReader } from '../src/git/reader.js';
import { recordGit, recordGitAsync } from '../src/git/run.js';
import { analyse, type Analysed } from '../src/pipeline/index.js';
import { fsReader, type Reader } from '../src/load/reader.js';
import { cleanupRepos, makeRepo, type TestRepo } from './git-repo.js';

afterAll(cleanupRepos);

const E = 'portfolios/NT-1/evidence';
const DIRS = ['', 'specs', 'specs/units', 'portfolios', 'portfolios/NT-1', E, `${E}/sub`, `${E}/dirlink`, 'portfolios/NT-3', 'portfolios/NT-3/evidence', 'nope', 'specs/units/A-1.yaml'];
const FILES = [
  'specs/units/A-1.yaml',
  'specs/units/B 2 é.yaml',
  'portfolios/NT-1/portfolio.yaml',
  `${E}/a.txt`,
  `${E}/link-in`,
  `${E}/link-chain`,
  `${E}/link-up`,
  `${E}/link-out`,
  `${E}/abs`,
  `${E}/dangling`,
  `${E}/loop1`,
  `${E}/dirlink`,
  `${E}/dirlink/x.txt`,
  `${E}/sub`,
  `${E}/sub/x.txt`,
  `${E}/a.txt/oops`,
  'portfolios/NT-3/evidence/a.txt',
  'portfolios/NT-3/portfolio.yaml',
  'portfolios/nope.yaml',
  '../outside.txt',
];
const WITHIN: Array<[string, string]> = FILES.flatMap((f) => ['portfolios/NT-1', 'portfolios/NT-3', 'portfolios', E, ''].map((d): [string, string] => [f, d]));

/** Everything the loader can ask, as data. within only where isFile holds (as the loader asks). */
function snapshot(r: Reader) {
  const read = (f: string) => {
    try {
      return r.read(f);
    } catch {
      return 'unreadable';
    }
  };
  return {
    list: DIRS.map((d) => [d, r.list(d)]),
    isFile: FILES.map((f) => [f, r.isFile(f)]),
    read: FILES.map((f) => [f, r.isFile(f) ? read(f) : undefined]),
    within: WITHIN.filter(([f]) => r.isFile(f)).map(([f, d]) => [f, d, r.within(f, d)]),
  };
}

describe('gitReader', () => {
  let repo: TestRepo;
  let commit: string;
  let before: ReturnType<typeof snapshot>;
  const centre = () => join(repo.dir, 'centre');

  beforeAll(() => {
    repo = makeRepo();
    repo
      .write('outside.txt', 'outside the centre\n')
      .write('centre/specs/units/A-1.yaml', 'id: A/1\n')
      .write('centre/specs/units/B 2 é.yaml', 'id: B/2 é\n')
      .write('centre/portfolios/centre.yaml', 'name: Centre\n')
      .write('centre/portfolios/NT-1/portfolio.yaml', 'learner: NT-1\n')
      .write(`centre/${E}/a.txt`, 'evidence a\n')
      .write(`centre/${E}/sub/x.txt`, 'x\n')
      .write('centre/portfolios/NT-2/portfolio.yaml', 'learner: NT-2\n')
      .write('centre/portfolios/NT-2/evidence/b.txt', 'evidence b\n')
      .symlink(`centre/${E}/link-in`, 'a.txt')
      .symlink(`centre/${E}/link-chain`, 'link-in')
      .symlink(`centre/${E}/link-up`, '../../NT-2/evidence/b.txt')
      .symlink(`centre/${E}/link-out`, '../../../../outside.txt')
      .symlink(`centre/${E}/abs`, '/nonexistent-folio-test/x')
      .symlink(`centre/${E}/dangling`, 'nope.txt')
      .symlink(`centre/${E}/loop1`, 'loop2')
      .symlink(`centre/${E}/loop2`, 'loop1')
      .symlink(`centre/${E}/dirlink`, 'sub')
      .symlink('centre/portfolios/NT-3', 'NT-1');
    commit = repo.commit('centre');
    before = snapshot(fsReader(centre()));
  });

  it('answers as the working tree did at that commit', () => {
    const git = snapshot(gitReader(repo.dir, commit, 'centre/'));
    expect(git).toEqual(before);
    // and the oracle is not vacuous
    expect(before.isFile.filter(([, v]) => v).length).toBeGreaterThan(8);
    expect(before.within.filter(([, , v]) => v).length).toBeGreaterThan(8);
    expect(before.within.filter(([, , v]) => !v).length).toBeGreaterThan(8);
  });

  it('lists sorted entries, with links marked and folders followed', () => {
    const r = gitReader(repo.dir, commit, 'centre/');
    expect(r.list('portfolios')).toEqual([
      { name: 'NT-1', dir: true },
      { name: 'NT-2', dir: true },
      { name: 'NT-3', dir: true, link: true },
      { name: 'centre.yaml', dir: false },
    ]);
    expect(r.list(E).filter((e) => e.link).map((e) => [e.name, e.dir])).toEqual([
      ['abs', false],
      ['dangling', false],
      ['dirlink', true],
      ['link-chain', false],
      ['link-in', false],
      ['link-out', false],
      ['link-up', false],
      ['loop1', false],
      ['loop2', false],
    ]);
    expect(r.list('nope')).toEqual([]);
  });

  it('keeps symbolic links to their folder', () => {
    const r = gitReader(repo.dir, commit, 'centre/');
    expect(r.isFile(`${E}/link-chain`)).toBe(true);
    expect(r.within(`${E}/link-chain`, 'portfolios/NT-1')).toBe(true);
    expect(r.within(`${E}/link-up`, 'portfolios/NT-1')).toBe(false);
    expect(r.within(`${E}/link-up`, 'portfolios')).toBe(true);
    expect(r.within(`${E}/link-out`, '')).toBe(false);
    expect(r.isFile(`${E}/abs`)).toBe(false);
    expect(r.within(`${E}/abs`, 'portfolios/NT-1')).toBe(false);
    expect(r.isFile(`${E}/loop1`)).toBe(false);
    // a link that leaves the centre folder is not followed, even to elsewhere in the repository
    expect(r.isFile(`${E}/link-out`)).toBe(false);
    expect(() => r.read(`${E}/link-out`)).toThrow(/leads outside the centre/);
  });

  it('never reads the working tree or the index', () => {
    const index = join(repo.dir, '.git/index');
    repo.write('centre/specs/units/A-1.yaml', 'id: CHANGED\n').write('centre/portfolios/NT-9/portfolio.yaml', 'learner: NT-9\n');
    rmSync(join(centre(), 'specs/units/B 2 é.yaml'));
    repo.symlink(`centre/${E}/link-in`, '../../NT-2/evidence/b.txt');
    repo.add('centre/portfolios/NT-9');
    const indexBefore = { bytes: readFileSync(index), mtime: statSync(index).mtimeMs };
    expect(snapshot(fsReader(centre()))).not.toEqual(before);

    expect(snapshot(gitReader(repo.dir, commit, 'centre/'))).toEqual(before);
    expect(readFileSync(index).equals(indexBefore.bytes)).toBe(true);
    expect(statSync(index).mtimeMs).toBe(indexBefore.mtime);
    repo.git('checkout', '-q', '--', '.');
    repo.git('reset', '-q', '--hard');
    repo.git('clean', '-qfd');
  });

  it('reads a centre at the top of the repository', () => {
    const top = makeRepo();
    top.write('specs/units/A.yaml', 'a\n').write('portfolios/NT-1/portfolio.yaml', 'p\n').symlink('portfolios/NT-1/up', '../../specs/units/A.yaml');
    const c = top.commit('top');
    const r = gitReader(top.dir, c, '');
    expect(r.list('')).toEqual([
      { name: 'portfolios', dir: true },
      { name: 'specs', dir: true },
    ]);
    expect(r.read('specs/units/A.yaml')).toBe('a\n');
    expect(r.isFile('portfolios/NT-1/up')).toBe(true);
    expect(r.within('portfolios/NT-1/up', 'portfolios/NT-1')).toBe(false);
    expect(r.within('portfolios/NT-1/up', 'specs')).toBe(true);
  });

  it('says when the centre folder does not exist at the commit', () => {
    const first = repo.git('rev-list', '--max-parents=0', 'HEAD').trim();
    const r = gitReader(repo.dir, first, 'elsewhere/');
    expect(() => r.list('specs')).toThrow(/centre folder elsewhere\/ does not exist in commit/);
    expect(() => r.isFile('specs/units/A-1.yaml')).toThrow(/does not exist/);
  });

  it('fails to read a missing file or a folder as the loader expects (an error it reports)', () => {
    const r = gitReader(repo.dir, commit, 'centre/');
    expect(() => r.read('specs/units/none.yaml')).toThrow(/no such file in commit/);
    expect(() => r.read('specs/units')).toThrow(/is a folder/);
  });
});

describe('batching', () => {
  it('lists, checks, prefetches and reads 50 portfolios with two git processes', () => {
    const repo = makeRepo();
    for (let i = 1; i <= 50; i++) repo.write(`centre/portfolios/NT-${i}/portfolio.yaml`, `learner: NT-${i}\n`);
    const commit = repo.commit('fifty');
    const r = gitReader(repo.dir, commit, 'centre/');
    const { result, commands } = recordGit(() => {
      const files = r.list('portfolios').map((e) => `portfolios/${e.name}/portfolio.yaml`);
      const present = files.filter((f) => r.isFile(f) && r.within(f, 'portfolios'));
      r.prefetch!(present);
      return present.map((f) => r.read(f));
    });
    expect(result).toHaveLength(50);
    expect(result).toContain('learner: NT-37\n');
    expect(commands.map((c) => c[0])).toEqual(['ls-tree', 'cat-file']);
    // read again (a finding's position): no process at all
    expect(recordGit(() => r.read('portfolios/NT-5/portfolio.yaml')).commands).toHaveLength(0);
    // without prefetch, each read is a process of its own
    const lazy = gitReader(repo.dir, commit, 'centre/');
    expect(recordGit(() => [1, 2, 3].map((i) => lazy.read(`portfolios/NT-${i}/portfolio.yaml`))).commands).toHaveLength(1 + 3);
  });

  it('analyses the sample centre as the working tree does, in three processes (a listing, the specs, the portfolios)', async () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const repo = makeRepo();
    cpSync(join(root, 'specs'), join(repo.dir, 'centre/specs'), { recursive: true });
    cpSync(join(root, 'portfolios'), join(repo.dir, 'centre/portfolios'), { recursive: true });
    const commit = repo.commit('sample centre');

    const asOf = '2026-11-01';
    const fromDisk = await analyse(fsReader(join(repo.dir, 'centre')), { asOf, results: true });
    const r = gitReader(repo.dir, commit, 'centre/');
    const { result: fromGit, commands } = await recordGitAsync(() => analyse(r, { asOf, results: true }));
    expect(commands.map((c) => c[0])).toEqual(['ls-tree', 'cat-file', 'cat-file']);
    const view = ({ analysis: a, results }: Analysed) => ({
      diagnostics: a.diagnostics,
      units: a.specs.units.map((u) => u.id),
      learners: a.learners.map((x) => [x.id, results.get(x.id)]),
      files: a.files,
    });
    expect(view(fromGit)).toEqual(view(fromDisk));
    expect(fromDisk.analysis.learners.length).toBeGreaterThan(3);
  });
});
