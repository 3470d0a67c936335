// Which files differ, for `check --changed-since REV` and `check --staged`, which check only
// the portfolios (and the learners of the specs) that changed.
//
//   changedFiles(top, { since: REV, mergeBase?, paths? }) → string[]: paths that differ between
//     REV and the working tree: committed since, staged, unstaged or untracked (not ignored).
//     mergeBase: from where HEAD's branch left REV (a pull request's own changes: since 'main').
//     Three processes: HEAD exists?, `git diff REV HEAD` and `git status`. A file changed and
//     changed back in the working tree is still listed (it differs between REV and HEAD).
//   changedFiles(top, { staged: true, paths?, hookIndex? }) → paths that differ between HEAD
//     and the index: what the next commit will change. One process. In a pre-commit hook
//     of `git commit -a` or `git commit FILE`, the index being committed is a temporary one
//     named by GIT_INDEX_FILE: pass hookIndex: true to use it (and indexReader's likewise).
//
// Paths are from the repository top, sorted, both sides of a rename, deleted files included.
// Why not `git diff REV` against the working tree: in git 2.39 it rewrites .git/index to
// refresh its stat cache, even with GIT_OPTIONAL_LOCKS=0, and that index may be locked by
// the commit running our hook; `git status` honours GIT_OPTIONAL_LOCKS and writes nothing.
import { gitBuffer, runGit } from './run.js';

export interface ChangedOptions {
  since?: string;
  mergeBase?: boolean;
  staged?: boolean;
  paths?: string[];
  hookIndex?: boolean;
}

export function changedFiles(top: string, opts: ChangedOptions): string[] {
  const paths = opts.paths ?? [];
  const out = new Set<string>();
  const split = (b: Buffer) => b.toString('utf8').split('\0').filter((p) => p !== '');
  if (opts.staged) {
    // no HEAD yet: git compares the index with an empty tree by itself
    for (const p of split(gitBuffer(top, ['--literal-pathspecs', 'diff', '--cached', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--', ...paths], { keepIndexFile: opts.hookIndex }))) out.add(p);
  } else if (opts.since !== undefined) {
    if (opts.since.startsWith('-')) throw new Error(`changedFiles: invalid revision '${opts.since}'`);
    const hasHead = runGit(top, ['rev-parse', '--verify', '--quiet', 'HEAD']).status === 0;
    if (hasHead) for (const p of split(gitBuffer(top, ['--literal-pathspecs', 'diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', ...(opts.mergeBase ? ['--merge-base'] : []), opts.since, 'HEAD', '--', ...paths]))) out.add(p);
    // =dirty: a submodule counts as changed when its commit moved, without git running status
    // inside it (with the submodule's own config, whose filters run.ts cannot see)
    for (const p of statusPaths(gitBuffer(top, ['--literal-pathspecs', 'status', '--porcelain=v2', '-z', '--no-renames', '--untracked-files=all', '--ignore-submodules=dirty', '--', ...paths]))) out.add(p);
  } else throw new Error('changedFiles: give since or staged');
  return [...out].sort();
}

// porcelain v2 records, without renames: "1 XY sub mH mI mW hH hI path",
// "u XY sub m1 m2 m3 mW h1 h2 h3 path", "? path".
function statusPaths(buf: Buffer): string[] {
  const paths: string[] = [];
  for (const rec of buf.toString('utf8').split('\0')) {
    if (rec.startsWith('? ')) paths.push(rec.slice(2));
    else if (rec.startsWith('1 ')) paths.push(afterFields(rec, 8));
    else if (rec.startsWith('u ')) paths.push(afterFields(rec, 10));
  }
  return paths;
}

function afterFields(rec: string, n: number): string {
  let pos = 0;
  for (let i = 0; i < n; i++) pos = rec.indexOf(' ', pos) + 1;
  return rec.slice(pos);
}
