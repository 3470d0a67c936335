// The one locator: where the centre is, and where it sits in its git repository, found once
// per run. check's CI paths, verify, history, progress and the checks of changed files all
// take the centre's path within the repository from here, so the same file has the same path
// in every report.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { locateRepo, type Located } from './git/run.js';

/** Where a centre is, and where it sits in its git repository. */
export interface CentreLocation {
  /** The centre's folder: the first folder at or above the start that holds specs/. */
  root: string;
  /** The git repository around the centre as git reports it: its top, and the centre's folder
   * in it ("centre/", or "" at the top). Undefined outside a repository or without git. */
  repository?: { top: string; prefix: string; shallow: boolean };
  /** Why there is no repository (git missing, not a repository, unsafe ownership). */
  noRepository?: Extract<Located, { ok: false }>;
  /** The centre's folder in the repository as CI reports write it ("centre", or "" at the top
   * or outside any repository); found from the nearest .git when git cannot say (not
   * installed, or a repository owned by someone else, as in some CI containers). */
  prefix: string;
}

/** The first folder at or above start that holds specs/, or undefined. No git process. */
export function findCentreRoot(start: string): string | undefined {
  let dir = resolvePath(start);
  for (;;) {
    if (existsSync(join(dir, 'specs'))) return dir;
    const parent = resolvePath(dir, '..');
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The centre at or above start with its repository; undefined when no folder holds specs/. */
export function locateCentre(start: string): CentreLocation | undefined {
  const root = findCentreRoot(start);
  return root === undefined ? undefined : locationOf(root);
}

/** The repository around a known centre folder: one git process. */
export function locationOf(root: string): CentreLocation {
  const repo = locateRepo(root);
  if (repo.ok) return { root, repository: { top: repo.top, prefix: repo.prefix, shallow: repo.shallow }, prefix: repo.prefix.replace(/\/$/, '') };
  return { root, noRepository: repo, prefix: walkedPrefix(root) };
}

/** When git cannot say, the nearest folder holding .git stands for the repository's top. */
function walkedPrefix(root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(resolvePath(dir, '.git'))) return relative(dir, root).replace(/\\/g, '/');
    if (dirname(dir) === dir) return '';
  }
}
