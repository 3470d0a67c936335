// objects.ts: many objects through one cat-file process, binary-safe, with missing ones said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchCheck, batchRead, isMissing, parseCommit, parseTree, type GitObject, type Missing } from '../src/git/objects.js';
import { recordGit } from '../src/git/run.js';
import { alice, bob, cleanupRepos, makeRepo, type TestRepo } from './git-repo.js';

afterAll(cleanupRepos);

const BINARY = Buffer.from([0, 255, 10, 13, 0x1e, 0xc3, 0x28, 10, 0]); // NULs, newlines, invalid UTF-8

function found(x: GitObject | Missing | undefined): GitObject {
  if (isMissing(x)) throw new Error('expected an object');
  return x;
}

describe('batch reads', () => {
  let repo: TestRepo;
  let commit: string;

  beforeAll(() => {
    repo = makeRepo();
    repo.write('centre/a b.yaml', 'name: a\n').write('centre/é.yaml', 'name: é\n').write('centre/photo.bin', BINARY).write('centre/empty.txt', '');
    repo.symlink('centre/link', 'a b.yaml');
    commit = repo.commit('files', { author: alice, committer: bob, date: '2026-03-01T10:00:00+01:00' });
  });

  it('reads several objects with one process, by commit:path or id', () => {
    const blobId = repo.git('rev-parse', `${commit}:centre/é.yaml`).trim();
    const specs = [`${commit}:centre/a b.yaml`, blobId, `${commit}:centre/photo.bin`, `${commit}:centre/empty.txt`, `${commit}:centre/link`];
    const { result, commands } = recordGit(() => batchRead(repo.dir, specs));
    expect(commands).toEqual([['cat-file', '--batch', '--buffer']]);
    expect(found(result.get(specs[0]!)).content.toString()).toBe('name: a\n');
    expect(found(result.get(blobId))).toMatchObject({ id: blobId, type: 'blob', size: 9 });
    expect(found(result.get(blobId)).content.toString()).toBe('name: é\n');
    expect(found(result.get(specs[2]!)).content.equals(BINARY)).toBe(true);
    expect(found(result.get(specs[3]!)).content.length).toBe(0);
    expect(found(result.get(specs[4]!)).content.toString()).toBe('a b.yaml'); // a link's blob is its target
  });

  it('says which specs name nothing, and keeps reading after them', () => {
    const specs = [`${commit}:centre/nope.yaml`, `${commit}:centre/a b.yaml`, '0123456789012345678901234567890123456789', `${commit}:centre/photo.bin`];
    const result = batchRead(repo.dir, specs);
    expect(result.get(specs[0]!)).toEqual({ missing: true, why: 'missing' });
    expect(result.get(specs[2]!)).toEqual({ missing: true, why: 'missing' });
    expect(found(result.get(specs[1]!)).content.toString()).toBe('name: a\n');
    expect(found(result.get(specs[3]!)).content.equals(BINARY)).toBe(true);
  });

  it('checks types and sizes without contents', () => {
    const { result, commands } = recordGit(() => batchCheck(repo.dir, [commit, `${commit}:centre`, `${commit}:centre/photo.bin`, `${commit}:gone`]));
    expect(commands).toHaveLength(1);
    expect(result.get(commit)).toMatchObject({ id: commit, type: 'commit' });
    expect(result.get(`${commit}:centre`)).toMatchObject({ type: 'tree' });
    expect(result.get(`${commit}:centre/photo.bin`)).toMatchObject({ type: 'blob', size: BINARY.length });
    expect(isMissing(result.get(`${commit}:gone`))).toBe(true);
  });

  it('costs nothing for nothing, walks trees for a path with a newline, and refuses an index spec with one', () => {
    expect(recordGit(() => batchRead(repo.dir, [])).commands).toHaveLength(0);
    expect(batchRead(repo.dir, ['HEAD:a\nb']).get('HEAD:a\nb')).toEqual({ missing: true, why: 'missing' });
    expect(() => batchRead(repo.dir, [':a\nb'])).toThrow(/one spec a line/);
  });

  it('parses tree objects', () => {
    const tree = found(batchRead(repo.dir, [`${commit}:centre`]).get(`${commit}:centre`));
    const entries = parseTree(tree.content, tree.id.length / 2);
    expect(entries.map((e) => [e.name, e.kind, e.mode])).toEqual([
      ['a b.yaml', 'file', '100644'],
      ['empty.txt', 'file', '100644'],
      ['link', 'link', '120000'],
      ['photo.bin', 'file', '100644'],
      ['é.yaml', 'file', '100644'],
    ]);
    expect(entries[0]!.id).toBe(repo.git('rev-parse', `${commit}:centre/a b.yaml`).trim());
    const root = found(batchRead(repo.dir, [`${commit}^{tree}`]).get(`${commit}^{tree}`));
    expect(parseTree(root.content)).toEqual([{ name: 'centre', mode: '40000', id: tree.id, kind: 'dir' }]);
  });

  it('parses commit objects with their raw identities', () => {
    const c = parseCommit(found(batchRead(repo.dir, [commit]).get(commit)).content);
    expect(c).toMatchObject({ parents: [], signed: false, message: 'files\n' });
    expect(c.author).toEqual({ name: alice.name, email: alice.email, time: Date.parse('2026-03-01T09:00:00Z') / 1000, tz: '+0100' });
    expect(c.committer).toMatchObject({ name: bob.name, email: bob.email });
  });
});
