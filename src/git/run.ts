// Runs the real `git` for the git plumbing layer (src/git/). Everything above this file sees
// git only through these functions, so output never depends on the user's pager, language,
// colour or log/blame configuration, and tests can count how many processes an operation costs.
// Reading never runs a program named in git config: pager, hooks, fsmonitor, external diff,
// filter/textconv/diff drivers and signature programs are all disarmed here (signatures are
// checked only when a caller asks, for verify --signed, which says which program runs).
//
//   git(cwd, args, opts?)            → stdout as UTF-8 text; throws GitError on a non-zero exit
//   gitBuffer(cwd, args, opts?)      → stdout as a Buffer (object contents are not UTF-8)
//   runGit(cwd, args, opts?)         → { status, stdout, stderr } without throwing on exit codes
//   locateRepo(dir)                  → { ok: true, top, prefix, shallow } | { ok: false, reason, message }
//   isShallow(top)                   → whether the repository is a shallow clone
//   shallowCommits(top)              → the commits whose parents a shallow clone does not have
//   recordGit(fn)                    → { result, commands }: the git commands fn ran (for tests)
//   recordGitAsync(fn)               → the same for an async fn, until its promise settles
//   gitLines(cwd, args, onLine)      → streams stdout line by line (UTF-8, without the \n)
//                                      through a temporary file, so a walk over a long history
//                                      never holds its whole output in memory; skip(byte)
//                                      drops lines by their first byte without decoding them
//   class GitError                   → command, status and stderr of a failed git run
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve as resolvePath } from 'node:path';

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
  /** Let git check signatures with the programs git config names (verify --signed only);
   * otherwise every signature program is set to one that runs nothing. */
  signatures?: boolean;
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
  // No program a repository's .git/config names runs when folio reads (a clone never carries
  // that file, but a shared or unpacked repository may have anything in it). Filter, textconv
  // and diff drivers are named per driver: see driverOverrides().
  'diff.external=',
  'core.pager=cat',
  'core.hooksPath=/dev/null',
  'core.sshCommand=false',
  'credential.helper=',
  'protocol.allow=never', // no fetch, not even a partial clone's lazy one
  'gc.auto=0',
  'maintenance.auto=false',
];

// Signature checkers: git runs them only for %G? (verify --signed), and then they are the
// user's choice, announced by verify; every other command gets programs that check nothing.
const NO_SIGNATURES: readonly string[] = ['gpg.program=false', 'gpg.openpgp.program=false', 'gpg.ssh.program=false', 'gpg.x509.program=false'];

const DRIVER_KEY = /^(filter|diff)\.(.+)\.(clean|smudge|process|textconv|command|required)$/s;

/** Per resolved folder: config overrides that disarm every filter, textconv and diff driver the
 * repository's config defines (their names are the repository's, so they are read first). */
const driverCache = new Map<string, Array<[string, string]>>();

function driverOverrides(cwd: string, base: NodeJS.ProcessEnv): Array<[string, string]> {
  // Read again when the repository's config file changes (a long-lived process, the tests).
  const key = `${cwd}\0${configStamp(cwd)}`;
  const cached = driverCache.get(key);
  if (cached) return cached;
  const r = spawnSync('git', ['--no-pager', '-C', cwd, 'config', '--null', '--get-regexp', '^(filter|diff)\\.'], { env: base, windowsHide: true, maxBuffer: 64 * 1024 ** 2 });
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  if (!r.error && r.status === 0) {
    for (const rec of r.stdout.toString('utf8').split('\0')) {
      const key = rec.split('\n', 1)[0]!;
      const m = DRIVER_KEY.exec(key);
      if (!m) continue;
      const driver = `${m[1]}.${m[2]}`;
      if (seen.has(driver)) continue;
      seen.add(driver);
      if (m[1] === 'filter') out.push([`${driver}.clean`, ''], [`${driver}.smudge`, ''], [`${driver}.process`, ''], [`${driver}.required`, 'false']);
      else out.push([`${driver}.textconv`, ''], [`${driver}.command`, '']);
    }
  }
  driverCache.set(key, out);
  return out;
}

function configStamp(dir: string): string {
  try {
    const s = statSync(resolvePath(dir, '.git', 'config'));
    return `${s.mtimeMs} ${s.size} ${s.ino}`;
  } catch {
    return '';
  }
}

/** Config as GIT_CONFIG_COUNT/KEY/VALUE variables: a driver's name may hold "=" or spaces,
 * which -c cannot carry; added after any the user's environment already has. */
function withConfig(e: NodeJS.ProcessEnv, pairs: Array<[string, string]>): NodeJS.ProcessEnv {
  if (!pairs.length) return e;
  const start = Number(e.GIT_CONFIG_COUNT ?? 0) || 0;
  const out: NodeJS.ProcessEnv = { ...e, GIT_CONFIG_COUNT: String(start + pairs.length) };
  pairs.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${start + i}`] = k;
    out[`GIT_CONFIG_VALUE_${start + i}`] = v;
  });
  return out;
}

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
    GIT_CONFIG_NOSYSTEM: '1', // the machine's config is not the centre's: only global and local
    GIT_EXTERNAL_DIFF: undefined,
    GIT_PROTOCOL_FROM_USER: '0',
  };
}

export function runGit(cwd: string, args: readonly string[], opts: RunOptions = {}): RunResult {
  return spawnGit(cwd, args, opts);
}

function spawnGit(cwd: string, args: readonly string[], opts: RunOptions, stdoutFd?: number): RunResult {
  for (const l of listeners) l(args);
  const dir = resolvePath(cwd);
  const config = opts.signatures ? CONFIG : [...CONFIG, ...NO_SIGNATURES];
  const full = ['--no-pager', ...config.flatMap((c) => ['-c', c]), '-C', dir, ...args];
  const base = env(opts.keepIndexFile ?? false);
  const r = spawnSync('git', full, {
    input: opts.input,
    env: withConfig(base, driverOverrides(dir, base)),
    maxBuffer: 1024 ** 3,
    windowsHide: true,
    ...(stdoutFd === undefined ? {} : { stdio: ['pipe', stdoutFd, 'pipe'] as const }),
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'git is not installed (or not on PATH)' : code === 'ENOBUFS' ? 'its output is larger than 1 GiB' : r.error.message;
    throw new GitError(`git ${args.join(' ')}: ${why}`, args, null, '');
  }
  return { status: r.status ?? -1, stdout: r.stdout ?? Buffer.alloc(0), stderr: (r.stderr ?? Buffer.alloc(0)).toString('utf8') };
}

/** Run git with its output going to a temporary file, then hand each line of it to onLine
 * (decoded as UTF-8, without its newline). Memory holds one chunk of the output at a time,
 * whatever its size. Throws GitError on a non-zero exit (before any line is handed over). */
export function gitLines(cwd: string, args: readonly string[], onLine: (line: string) => void, opts: RunOptions = {}, skip?: (firstByte: number) => boolean): void {
  const dir = mkdtempSync(join(tmpdir(), 'folio-git-'));
  try {
    const file = join(dir, 'out');
    const fd = openSync(file, 'w+', 0o600);
    try {
      const r = spawnGit(cwd, args, opts, fd);
      if (r.status !== 0 && !(opts.ok ?? []).includes(r.status)) {
        const first = r.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${r.status}`;
        throw new GitError(`git ${args.join(' ')} failed: ${first.replace(/^(fatal|error): /, '')}`, args, r.status, r.stderr);
      }
      const chunk = Buffer.alloc(1 << 20);
      let rest: Buffer = Buffer.alloc(0);
      let pos = 0;
      for (;;) {
        const n = readSync(fd, chunk, 0, chunk.length, pos);
        if (n === 0) break;
        pos += n;
        const buf = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
        let start = 0;
        for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
          // a line the reader does not want is never decoded (most of a diff's text)
          if (!skip?.(buf[start]!)) onLine(buf.toString('utf8', start, nl));
          start = nl + 1;
        }
        rest = Buffer.from(buf.subarray(start));
      }
      if (rest.length) onLine(rest.toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
