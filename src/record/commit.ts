// --commit: one commit per command, of only the files it wrote, authored by the staff member
// as centre.yaml names them, so `folio verify` finds the record under its author. Refused before
// anything is written when those files have other changes staged (they would be committed under
// the staff member's name too). git runs through src/git/run.ts: no hook, pager or program from
// git config runs, except the signing program when --sign asks for a signature.
import { GitError, locateRepo, runGit } from '../git/run.js';
import { visible } from '../render/safe.js';
import { RecordRefused } from './core.js';

export interface Author {
  name: string;
  email: string;
}

interface Repo {
  top: string;
  paths: string[];
}

/** The repository and the files' paths in it; refuses when files have changes staged. */
export function prepareCommit(root: string, files: string[]): Repo {
  const at = locateRepo(root);
  if (!at.ok) throw new RecordRefused('commit-no-repository', `--commit: ${root} is not in a git repository that folio can use (${at.message}); leave out --commit, or run "git init"`);
  const paths = files.map((f) => `${at.prefix}${f}`);
  const staged = run(at.top, ['diff', '--cached', '--name-only', '-z', '--', ...paths]).split('\0').filter(Boolean);
  if (staged.length) throw new RecordRefused('commit-staged-changes', `--commit: ${staged.map(visible).join(', ')} ${staged.length === 1 ? 'has' : 'have'} changes staged already, which this commit would record under the staff member's name: commit or unstage them ("git restore --staged ${staged.join(' ')}") first (nothing was written)`);
  return { top: at.top, paths };
}

/** Commit the files as author; returns the new commit's hash. */
export function commitFiles(repo: Repo, author: Author | undefined, message: string, sign: boolean): string {
  run(repo.top, ['add', '--', ...repo.paths]);
  // The committer is whoever runs folio; when git knows no one, the staff member.
  const known = runGit(repo.top, ['config', '--get', 'user.email']).status === 0 && runGit(repo.top, ['config', '--get', 'user.name']).status === 0;
  if (!known && !author) throw new RecordRefused('commit-no-identity', '--commit: git does not know who you are here (no user.name and user.email) and you are not on the staff list: set them with "git config", or give --by STAFF-ID');
  const identity = known || !author ? [] : ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`];
  // Without a staff member (a learner adding evidence), the commit is git's user's own.
  const as = author ? [`--author=${author.name} <${author.email}>`] : [];
  run(repo.top, [...identity, 'commit', '--quiet', sign ? '-S' : '--no-gpg-sign', ...as, '-m', message, '--', ...repo.paths], sign);
  return run(repo.top, ['rev-parse', 'HEAD']).trim();
}

function run(top: string, args: string[], signatures = false): string {
  const r = runGit(top, args, { signatures });
  if (r.status !== 0) {
    const first = r.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${r.status}`;
    throw new GitError(`git ${args.filter((a) => !a.startsWith('user.')).slice(0, 2).join(' ')} failed: ${first.replace(/^(fatal|error): /, '')}`, args, r.status, r.stderr);
  }
  return r.stdout.toString('utf8');
}
