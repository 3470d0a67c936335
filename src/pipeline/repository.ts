// The centre inside its git repository: the reader for a revision (--at) or for what is
// staged (--staged), and which files changed (--changed-since). Commands that need history
// come here; everything else reads the working tree and works without git. Where git is missing
// or does not know a revision, the UsageError says what works without it.
import { changedFiles, gitReader, indexReader, resolveRevision, RevisionError, runGit, type Revision } from '../git/index.js';
import type { Reader } from '../load/reader.js';
import { locationOf, type CentreLocation } from '../locate.js';
import { UsageError } from '../usage-error.js';


export interface Repository {
  top: string;
  /** The centre's folder inside the repository: "" at the top, else "centre/". */
  prefix: string;
  shallow: boolean;
}

export function repositoryOf(given: CentreLocation, what: string): Repository {
  // A centre opened without looking for its repository is located now.
  const centre = given.repository || given.noRepository ? given : locationOf(given.root);
  const repo = centre.repository;
  if (!repo) {
    const no = centre.noRepository!;
    const why = no.reason === 'no-git' ? 'git is not installed' : no.reason === 'unsafe-ownership' ? no.message : `${centre.root} is not in a git repository`;
    throw new UsageError(`${what} needs the centre's git history, but ${why}. check, status and gaps without it read the files as they are`);
  }
  return repo;
}

export interface AtRevision {
  reader: Reader;
  revision: Revision;
  /** The day the revision stands for: the day asked for, or the commit's own date. */
  day: string;
}

export function atRevision(centre: CentreLocation, rev: string): AtRevision {
  const repo = repositoryOf(centre, '--at');
  let revision: Revision;
  try {
    revision = resolveRevision(repo.top, rev);
  } catch (e) {
    if (e instanceof RevisionError) throw new UsageError(`--at ${rev}: ${e.message}`);
    throw e;
  }
  const reader = gitReader(repo.top, revision.commit, repo.prefix);
  try {
    reader.list('');
  } catch {
    throw new UsageError(`--at ${rev}: the centre's folder ${repo.prefix || '(the top of the repository)'} did not exist at ${revision.label}`);
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(rev) ? rev : revision.date.slice(0, 10);
  return { reader, revision, day };
}

export interface Changed {
  /** What to read: the working tree, or the index for --staged. */
  reader?: Reader;
  /** The centre as it was before the change (where HEAD's branch left REV, or HEAD), for
   * the numbers a changed spec used to have; undefined when there is no such commit. */
  before?: Reader;
  /** Centre-relative paths that changed (deleted ones included). */
  paths: string[];
}

/** Files of the centre changed since a revision (from where HEAD's branch left it, so a
 * pull request's own changes), or staged for the next commit. */
export function changedSince(centre: CentreLocation, opts: { since?: string; staged?: boolean; hook?: boolean }): Changed {
  const repo = repositoryOf(centre, opts.staged ? '--staged' : '--changed-since');
  if (!opts.staged) {
    // Asked first, so a typo is named as one rather than as a failed git diff.
    const rev = opts.since ?? '';
    const known = rev !== '' && !/[\n\r]/.test(rev) && runGit(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).status === 0;
    if (!known) {
      const hint = repo.shallow ? ' (this clone is shallow: fetch the history the comparison needs, e.g. fetch-depth: 0 in GitHub Actions)' : '';
      throw new UsageError(`--changed-since ${JSON.stringify(rev)}: not a commit, branch or tag in this repository: name what this branch is compared with, e.g. --changed-since origin/main ("git branch -a" and "git tag" list the names)${hint}`);
    }
  }
  let paths: string[];
  try {
    paths = opts.staged ? changedFiles(repo.top, { staged: true, hookIndex: opts.hook }) : changedFiles(repo.top, { since: opts.since, mergeBase: true });
  } catch (e) {
    const what = opts.staged ? '--staged' : `--changed-since ${opts.since}`;
    const hint = repo.shallow && !opts.staged ? ' (this clone is shallow: fetch the history the comparison needs, e.g. fetch-depth: 0 in GitHub Actions)' : '';
    throw new UsageError(`${what}: ${firstLine((e as Error).message)}${hint}`);
  }
  const inCentre = paths.filter((p) => p.startsWith(repo.prefix)).map((p) => p.slice(repo.prefix.length));
  const base = runGit(repo.top, opts.staged ? ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'] : ['merge-base', '--end-of-options', opts.since!, 'HEAD']);
  const commit = base.status === 0 ? base.stdout.toString('utf8').trim() : '';
  return {
    reader: opts.staged ? indexReader(repo.top, repo.prefix, { hookIndex: opts.hook }) : undefined,
    before: commit ? gitReader(repo.top, commit, repo.prefix) : undefined,
    paths: inCentre,
  };
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? s).replace(/^fatal: /, '');
}
