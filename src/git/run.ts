// Runs the real `git` for the git plumbing layer (src/git/). Everything above this file sees
// git only through these functions, so output never depends on the user's pager, language,
// colour or log/blame configuration, and tests can count how many processes an operation costs.
//
//   git(cwd, args, opts?)            → stdout as UTF-8 text; throws GitError on a non-zero exit
//   gitBuffer(cwd, args, opts?)      → stdout as a Buffer (object contents are not UTF-8)
//   runGit(cwd, args, opts?)         → { status, stdout, stderr } without throwing on exit codes
//   locateRepo(dir)                  → { ok: true, top, prefix, shallow } | { ok: false, reason, message }
//   repoTop(dir)                     → the working tree's top folder, or undefined (never throws)
//   isShallow(top)                   → whether the repository is a shallow clone
//   shallowCommits(top)              → the commits whose parents a shallow clone does not have
//   recordGit(fn)                    → { result, commands }: the git commands fn ran (for tests)
//   recordGitAsync(fn)               → the same for an async fn, until its promise settles
//   class GitError                   → command, status and stderr of a failed git run
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve as resolvePath } from 'node:path';

export class GitError extends Error {
  constructor(
    message: string,
    readonly command: readonly string[],
    readonly status: number | null,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface RunOptions {
  /** Written to git's standard input. */
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (e.g. 1 for `git config --get`). */
  ok?: readonly number[];
  /** Keep GIT_INDEX_FILE from the environment (made absolute). Only for reading the index
   * that a pre-commit hook is about to commit; see env() for why it is dropped otherwise. */
  keepIndexFile?: boolean;
}

export interface RunResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

// Settings a user or a repository may have that would change the output we parse. They are
// overridden on every call; settings that only matter to our own flags (e.g. diff.renames,
// since we always pass -M or nothing) are not listed.
const CONFIG: readonly string[] = [
  'core.quotePath=false',
  'core.fsmonitor=false', // no daemon or hook started on our behalf
  'color.ui=false',
  'log.showSignature=false', // would interleave gpg/ssh output with ours
  'log.follow=false', // a single path must not silently turn into --follow
  'log.showRoot=true',
  'i18n.logOutputEncoding=UTF-8',
  'blame.markIgnoredLines=false',
  'blame.markUnblamableLines=false',
];

/** Every git process started by this module: the hook for recordGit. */
const listeners = new Set<(args: readonly string[]) => void>();

/** Run fn and return the git commands it started (arguments after the global options). */
export function recordGit<T>(fn: () => T): { result: T; commands: string[][] } {
  const commands: string[][] = [];
  const listener = (args: readonly string[]) => commands.push([...args]);
  listeners.add(listener);
  try {
    return { result: fn(), commands };
  } finally {
    listeners.delete(listener);
  }
}

export async function recordGitAsync<T>(fn: () => Promise<T>): Promise<{ result: T; commands: string[][] }> {
  const commands: string[][] = [];
  const listener = (args: readonly string[]) => commands.push([...args]);
  listeners.add(listener);
  try {
    return { result: await fn(), commands };
  } finally {
    listeners.delete(listener);
  }
}

// Variables that would make git ignore `-C dir` and talk about another repository: a hook
// (or a test run from a hook) sets them for the repository being committed to.
const REPO_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_PREFIX', 'GIT_INDEX_FILE'];

function env(keepIndexFile: boolean): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  const index = e.GIT_INDEX_FILE;
  for (const k of REPO_VARIABLES) delete e[k];
  if (keepIndexFile && index) e.GIT_INDEX_FILE = isAbsolute(index) ? index : resolvePath(index);
  return {
    ...e,
    LC_ALL: 'C', // English messages, which GitError and the error classifiers read
    LANGUAGE: '',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0', // reading must never refresh (write) the index
    GIT_NO_REPLACE_OBJECTS: '1', // `git replace` must not rewrite what was committed
  };
}

export function runGit(cwd: string, args: readonly string[], opts: RunOptions = {}): RunResult {
  for (const l of listeners) l(args);
  const full = ['--no-pager', ...CONFIG.flatMap((c) => ['-c', c]), '-C', resolvePath(cwd), ...args];
  const r = spawnSync('git', full, {
    input: opts.input,
    env: env(opts.keepIndexFile ?? false),
    maxBuffer: 1024 ** 3,
    windowsHide: true,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'git is not installed (or not on PATH)' : code === 'ENOBUFS' ? 'its output is larger than 1 GiB' : r.error.message;
    throw new GitError(`git ${args.join(' ')}: ${why}`, args, null, '');
  }
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

export function gitBuffer(cwd: string, args: readonly string[], opts: RunOptions = {}): Buffer {
  const r = runGit(cwd, args, opts);
  if (r.status !== 0 && !(opts.ok ?? []).includes(r.status)) {
    const first = r.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${r.status}`;
    throw new GitError(`git ${args.join(' ')} failed: ${first.replace(/^(fatal|error): /, '')}`, args, r.status, r.stderr);
  }
  return r.stdout;
}

export function git(cwd: string, args: readonly string[], opts: RunOptions = {}): string {
  return gitBuffer(cwd, args, opts).toString('utf8');
}

export type Located =
  | { ok: true; top: string; prefix: string; shallow: boolean }
  | { ok: false; reason: 'no-git' | 'not-a-repository' | 'unsafe-ownership' | 'no-such-folder'; message: string };

/** The repository around dir, in one process. prefix is dir's path inside the repository
 * ("centre/", or "" at the top), so centre-relative paths become prefix + path. */
export function locateRepo(dir: string): Located {
  let r: RunResult;
  try {
    r = runGit(dir, ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository']);
  } catch (e) {
    return { ok: false, reason: 'no-git', message: (e as Error).message };
  }
  if (r.status === 0) {
    const [top = '', prefix = '', shallow = ''] = r.stdout.toString('utf8').split('\n');
    return { ok: true, top, prefix, shallow: shallow === 'true' };
  }
  const message = r.stderr.trim().replace(/^fatal: /, '');
  if (/dubious ownership/.test(r.stderr)) return { ok: false, reason: 'unsafe-ownership', message };
  if (/cannot change to/.test(r.stderr)) return { ok: false, reason: 'no-such-folder', message };
  return { ok: false, reason: 'not-a-repository', message };
}

/** The top of the working tree holding dir; undefined outside a repository or without git. */
export function repoTop(dir: string): string | undefined {
  const l = locateRepo(dir);
  return l.ok ? l.top : undefined;
}

export function isShallow(top: string): boolean {
  return git(top, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
}

/** The shallow clone's cut: commits present without their parents. Empty for a full clone. */
export function shallowCommits(top: string): Set<string> {
  const file = git(top, ['rev-parse', '--git-path', 'shallow']).trim();
  const path = resolvePath(top, file);
  if (!existsSync(path)) return new Set();
  return new Set(readFileSync(path, 'utf8').split('\n').filter((l) => l !== ''));
}
