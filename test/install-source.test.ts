// Where folio init says folio came from, for each way a centre may have installed it: the CI
// files and the hook install that same folio, and folio says when CI cannot reach it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { givenSpec, ownSpec, shellWord } from '../src/install-source.js';
import { VERSION } from '../src/version.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'folio-source-'));

/** A project with folio-cli installed into its node_modules, as npm leaves one. */
function project(pkg: object | undefined, lock: object | undefined): { root: string; installed: string } {
  const root = scratch();
  const installed = join(root, 'node_modules/folio-cli');
  mkdirSync(installed, { recursive: true });
  if (pkg) writeFileSync(join(root, 'package.json'), JSON.stringify(pkg));
  if (lock) writeFileSync(join(root, 'node_modules/.package-lock.json'), JSON.stringify(lock));
  return { root, installed };
}

describe('the package spec folio init records', () => {
  it('a devDependency on a tarball in the centre: that tarball, relative to the centre', () => {
    const { root, installed } = project({ devDependencies: { 'folio-cli': 'file:vendor/folio-cli-0.1.0.tgz' } }, undefined);
    expect(ownSpec(root, installed)).toMatchObject({ spec: './vendor/folio-cli-0.1.0.tgz' });
  });

  it('a tarball outside the centre: its path, and why CI cannot reach it', () => {
    // npm records a file: spec relative to the project folder
    const { root, installed } = project(undefined, { packages: { 'node_modules/folio-cli': { resolved: 'file:../folio-cli-0.1.0.tgz' } } });
    const s = ownSpec(root, installed);
    expect(s.spec).toBe(join(root, '../folio-cli-0.1.0.tgz'));
    expect(s.unreachable).toContain('outside the centre');
  });

  it('a git URL or a registry version: as npm recorded it, or by name and version', () => {
    const git = project({ dependencies: { 'folio-cli': 'git+https://example.org/folio.git#v0.1.0' } }, undefined);
    expect(ownSpec(git.root, git.installed)).toMatchObject({ spec: 'git+https://example.org/folio.git#v0.1.0' });
    const reg = project({ devDependencies: { 'folio-cli': '^0.1.0' } }, undefined);
    expect(ownSpec(reg.root, reg.installed).spec).toBe(`folio-cli@${VERSION}`);
  });

  it('a global install, which keeps no record: the published name, with a warning', () => {
    const prefix = scratch();
    const installed = join(prefix, 'lib/node_modules/folio-cli');
    mkdirSync(installed, { recursive: true });
    const s = ownSpec(scratch(), installed);
    expect(s.spec).toBe(`folio-cli@${VERSION}`);
    expect(s.unreachable).toContain('the npm registry has no folio-cli yet');
  });

  it("a git checkout: its remote as a git URL (scp-style made ssh://), or its folder when it has none", () => {
    const root = scratch();
    spawnSync('git', ['init', '-q'], { cwd: root });
    expect(ownSpec(scratch(), root)).toMatchObject({ spec: root, unreachable: 'it is a folder on this machine' });
    spawnSync('git', ['remote', 'add', 'origin', 'git@github.com:centre/folio.git'], { cwd: root });
    expect(ownSpec(scratch(), root)).toMatchObject({ spec: 'git+ssh://git@github.com/centre/folio.git' });
  });

  it('--package: a path inside the centre made relative to it; anything else as given', () => {
    const centre = scratch();
    expect(givenSpec('folio-cli-0.1.0.tgz', centre, centre)).toMatchObject({ spec: './folio-cli-0.1.0.tgz', source: '--package' });
    expect(givenSpec('github:centre/folio', centre, centre).spec).toBe('github:centre/folio');
    expect(shellWord("/tmp/my folio's.tgz")).toBe(`'/tmp/my folio'\\''s.tgz'`);
  });
});
