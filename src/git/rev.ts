// Turns what a user types after --at into one commit, so "the centre as it was" is always a
// single, named snapshot, and a typo or a date before the first commit is a clear error
// rather than an empty centre.
//
//   resolveRevision(top, rev) → { commit, date, label }
//     rev: a commit id (full or abbreviated), tag (annotated tags are peeled), branch,
//     anything git's revision syntax accepts (HEAD~2, main@{1}…), or a day YYYY-MM-DD meaning
//     the last commit on or before that day: committer date up to 23:59:59 local time, on
//     the first-parent history of HEAD (the states HEAD's branch has actually been in; commits
//     of merged branches are skipped, as their dates say when they were written, not merged).
//     A YYYY-MM-DD always means a day, even if a branch or tag has that name.
//     date is the commit's committer date, strict ISO 8601 with its offset.
//   class RevisionError → kind: 'unknown' | 'not-a-commit' | 'invalid-day' | 'before-first-commit' | 'empty-repository'
import { git, isShallow, runGit } from './run.js';

export interface Revision {
  commit: string;
  date: string;
  /** For messages: "v1.2 (3f2a9c1e)", "2026-03-01 (3f2a9c1e)". */
  label: string;
}

export type RevisionProblem = 'unknown' | 'not-a-commit' | 'invalid-day' | 'before-first-commit' | 'empty-repository';

export class RevisionError extends Error {
  constructor(
    readonly kind: RevisionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RevisionError';
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function resolveRevision(top: string, rev: string): Revision {
  // git reads a revision up to a newline: one with a newline (or none at all) names nothing
  if (rev === '' || /[\n\r]/.test(rev)) throw new RevisionError('unknown', `unknown revision ${JSON.stringify(rev)}: not a commit, branch, tag or date (YYYY-MM-DD) in this repository`);
  const day = DAY.exec(rev);
  if (day) return atDay(top, rev, Number(day[1]), Number(day[2]), Number(day[3]));
  // --end-of-options: a rev starting with "-" is a name, never an option
  const r = runGit(top, ['log', '-1', '--no-walk', '--format=%H%x00%cI', '--end-of-options', `${rev}^{commit}`, '--']);
  if (r.status === 0) {
    const [commit = '', date = ''] = r.stdout.toString('utf8').trim().split('\0');
    return { commit, date, label: `${rev} (${commit.slice(0, 8)})` };
  }
  if (isEmpty(top)) throw new RevisionError('empty-repository', `cannot resolve '${rev}': the repository has no commits yet`);
  const exists = runGit(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{object}`]); // a full id verifies without ^{object} even when absent
  if (exists.status === 0) throw new RevisionError('not-a-commit', `'${rev}' is not a commit`);
  throw new RevisionError('unknown', `unknown revision '${rev}': not a commit, branch, tag or date (YYYY-MM-DD) in this repository: "git log --oneline", "git branch -a" and "git tag" list what there is${shallowHint(top)}`);
}

function atDay(top: string, day: string, y: number, m: number, d: number): Revision {
  const start = new Date(y, m - 1, d);
  if (start.getFullYear() !== y || start.getMonth() !== m - 1 || start.getDate() !== d) throw new RevisionError('invalid-day', `${day} is not a valid date`);
  // Next local midnight minus one second: right across daylight-saving changes, and an
  // epoch (@N) so git's own date parsing and time zone play no part.
  const end = Math.floor(new Date(y, m - 1, d + 1).getTime() / 1000) - 1;
  const r = runGit(top, ['log', '-1', '--first-parent', `--until=@${end}`, '--format=%H%x00%cI', 'HEAD', '--']);
  if (r.status !== 0) {
    if (isEmpty(top)) throw new RevisionError('empty-repository', `no commit on or before ${day}: the repository has no commits yet`);
    throw new RevisionError('unknown', `cannot read the history of HEAD: ${r.stderr.trim()}`);
  }
  const [commit = '', date = ''] = r.stdout.toString('utf8').trim().split('\0');
  if (commit === '') {
    const first = git(top, ['log', '--first-parent', '--max-parents=0', '--format=%cI', 'HEAD', '--']).trim().split('\n').pop();
    throw new RevisionError('before-first-commit', `no commit on or before ${day}: the first commit is dated ${first}${shallowHint(top)}`);
  }
  return { commit, date, label: `${day} (${commit.slice(0, 8)})` };
}

// CI checkouts are often shallow (depth 1): say so, as the answer may exist upstream.
function shallowHint(top: string): string {
  return isShallow(top) ? ' (this is a shallow clone: older history was not fetched; fetch it with git fetch --unshallow)' : '';
}

/** No commit anywhere: HEAD is unborn and no ref exists. Only asked on the error path. */
function isEmpty(top: string): boolean {
  if (runGit(top, ['rev-parse', '--verify', '--quiet', 'HEAD']).status === 0) return false;
  return git(top, ['for-each-ref', '--count=1']).trim() === '';
}
