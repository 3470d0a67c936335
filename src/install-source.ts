// Where folio came from, so the CI files and the pre-commit hook folio init writes install the
// same folio the centre is using. folio is not on the npm registry yet, so "npm install
// folio-cli" fails in every centre's CI; a tarball made by npm pack (committed to the centre)
// or a git URL is what works. `folio init --package SPEC` says which; without it folio looks at
// its own install, and says when it cannot tell or when what it found cannot be reached from
// CI (a path on this machine).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE, VERSION } from './version.js';

/** How the centre's CI and hook install folio. */
export interface PackageSpec {
  /** An npm package spec for `npx -p` (a registry name, a git URL, a tarball path). */
  spec: string;
  /** Where the spec came from, in words: "--package", "the git checkout folio runs from"… */
  source: string;
  /** Why CI on another machine cannot install it, when it cannot (a path outside the centre,
   * a name the registry does not have yet); undefined when it can. */
  unreachable?: string;
}

/** The spec given to `folio init --package`, made relative to the centre when it is a path
 * inside it (CI checks the repository out elsewhere). */
export function givenSpec(spec: string, centreRoot: string, cwd: string): PackageSpec {
  if (!isPath(spec)) return { spec, source: '--package' };
  return pathSpec(resolvePath(cwd, spec.replace(/^file:/, '')), centreRoot, '--package');
}

/** The spec folio was itself installed from, as far as it can tell. */
export function ownSpec(centreRoot: string, packageRoot = ownRoot()): PackageSpec {
  if (existsSync(resolvePath(packageRoot, '.git'))) return checkoutSpec(packageRoot);
  // An install into a project: its package.json says what was asked for, its lockfile what
  // npm resolved. A global install (PREFIX/lib/node_modules) keeps neither.
  if (basename(dirname(packageRoot)) === 'node_modules') {
    const project = dirname(dirname(packageRoot));
    const asked = dependencySpec(project);
    if (asked !== undefined) return fromSpec(asked, project, centreRoot, `${PACKAGE} in ${shown(resolvePath(project, 'package.json'), centreRoot)}`);
    const resolved = lockedSpec(project);
    if (resolved !== undefined) return fromSpec(resolved, project, centreRoot, `${PACKAGE} in ${shown(resolvePath(project, 'node_modules/.package-lock.json'), centreRoot)}`);
  }
  return {
    spec: `${PACKAGE}@${VERSION}`,
    source: 'the name folio will be published under (this install keeps no record of where it came from)',
    unreachable: `the npm registry has no ${PACKAGE} yet`,
  };
}

/** A file as the user knows it: relative inside the centre, absolute outside (npx's cache). */
function shown(path: string, centreRoot: string): string {
  const rel = relative(centreRoot, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** The root of the package this module belongs to (dist/.. or src/..). */
function ownRoot(): string {
  return resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
}

function checkoutSpec(root: string): PackageSpec {
  let remote = '';
  try {
    remote = execFileSync('git', ['-C', root, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // no git, or no remote called origin
  }
  if (!remote) return { spec: root, source: `the git checkout folio runs from (${root}), which has no remote`, unreachable: 'it is a folder on this machine' };
  const scp = /^([^@/:]+@[^:/]+):(.+)$/.exec(remote);
  const url = scp ? `git+ssh://${scp[1]}/${scp[2]}` : /^(git\+|github:|gitlab:)/.test(remote) ? remote : `git+${remote}`;
  const local = !/^(git\+)?(https?|ssh|git):|^(github|gitlab):/.test(url);
  return { spec: url, source: `the remote "origin" of the git checkout folio runs from (${root})`, unreachable: local ? 'the remote is a folder on this machine' : undefined };
}

function dependencySpec(project: string): string | undefined {
  const pkg = readJson(resolvePath(project, 'package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined;
  return pkg?.devDependencies?.[PACKAGE] ?? pkg?.dependencies?.[PACKAGE];
}

function lockedSpec(project: string): string | undefined {
  const lock = readJson(resolvePath(project, 'node_modules/.package-lock.json')) as { packages?: Record<string, { resolved?: string }> } | undefined;
  return lock?.packages?.[`node_modules/${PACKAGE}`]?.resolved;
}

/** A spec as npm recorded it (relative to the project it was installed into), for the centre. */
function fromSpec(spec: string, project: string, centreRoot: string, source: string): PackageSpec {
  if (isPath(spec)) return pathSpec(resolvePath(project, spec.replace(/^file:/, '')), centreRoot, source);
  // A registry install: the version folio is, by name.
  if (/^https?:\/\/registry\./.test(spec) || /^[~^]?\d/.test(spec)) return { spec: `${PACKAGE}@${VERSION}`, source };
  return { spec, source };
}

function pathSpec(abs: string, centreRoot: string, source: string): PackageSpec {
  const rel = relative(centreRoot, abs);
  if (!rel.startsWith('..') && !isAbsolute(rel)) return { spec: `./${rel.replace(/\\/g, '/')}`, source };
  return { spec: abs, source, unreachable: "it is outside the centre, so CI cannot see it: copy it into the centre's repository and commit it" };
}

/** A path or file: spec, as npm reads one (not a name, URL or git spec). */
function isPath(spec: string): boolean {
  return /^(file:|\.{0,2}\/|[A-Za-z]:[\\/])/.test(spec) || (/\.(tgz|tar\.gz)$/.test(spec) && !/^[a-z+]+:\/\//.test(spec));
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The spec as one shell word (it goes into the workflows' commands and the hook). */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9@%+=:,./_~#^-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
