// Commits with their authors, signatures and changed files from ONE `git log -z` process, for
// a learner's timeline (history), the files changed since a revision, and the signature
// check (verify). Answering "which commits touched these paths" with one process per commit
// or per file would not scale to a centre's history.
//
//   logCommits(top, opts) → Commit[], newest first (oldest first with reverse); git's order
//     otherwise (a simplified history with fullHistory is in graph order, not by date)
//
// Revisions and paths reach git on stdin (any number of them); a revision may not start
// with "-" (except "--all").
// Paths are from the repository top (prefix + centre-relative path) and literal: `*` or `[`
// in a learner's file name is not a glob. Identities are as git shows them, after .mailmap
// (%aN/%aE, the same as git blame's), which is read from the working tree. The raw identity
// in the commit object is available through parseCommit (objects.ts).
//
// Merges: git shows no changes for a merge unless asked; `merges` chooses 'none' or
// 'first-parent' (the changes the merge brought to the branch it was made on, as one entry
// per file, never one list per parent as -m gives). Default: 'first-parent' with firstParent
// (the merge is then the only commit carrying its branch's work), 'none' otherwise (the
// branch's own commits already carry it). Root commits show every file as added.
//
// Signatures (signatures: true) give git's %G? letter with the signer and key:
//   G good, and the key is trusted (for SSH: listed in gpg.ssh.allowedSignersFile; signer is
//     the principal that file names for the key, which git does NOT compare with the
//     committer — compare it yourself)
//   U good signature, unknown validity (SSH: the key is not in the allowed signers file)
//   X good signature that has expired; Y good signature by an expired key; R by a revoked key
//   B bad signature (the commit was changed after signing)
//   E cannot be checked: no gpg/ssh-keygen, OpenPGP key not in the keyring, or (corrected
//     here, see below) an SSH signature with no gpg.ssh.allowedSignersFile configured
//   N no signature
// Git 2.39 reports an SSH-signed commit as N when gpg.ssh.allowedSignersFile is not set;
// commits reported N are therefore re-read (one `cat-file --batch` for all of them) and
// those that carry a signature header become E. Checking signatures runs gpg or ssh-keygen
// (two ssh-keygen processes per SSH-signed commit), so ask only when needed. %GT is never
// used: git 2.39 aborts on it for an SSH signature it cannot check.
import { batchRead, isMissing, parseCommit } from './objects.js';
import { runGit, GitError } from './run.js';

export interface Person {
  name: string;
  email: string;
  /** Strict ISO 8601 with the offset the commit recorded: "2026-03-01T10:00:00+00:00". */
  date: string;
}

export type SignatureStatus = 'G' | 'B' | 'U' | 'X' | 'Y' | 'R' | 'E' | 'N';

export interface Signature {
  status: SignatureStatus;
  /** The signer git reports (%GS): for SSH the allowed-signers principal, for OpenPGP the key's user id. */
  signer?: string;
  /** The key (%GK): for SSH its fingerprint, for OpenPGP its id. */
  key?: string;
}

export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T' | 'U' | 'X';

export interface Change {
  status: ChangeStatus;
  /** The path after the change (for D, the path deleted). */
  path: string;
  /** For R and C: the path before. */
  from?: string;
  /** Similarity for R and C (0–100). */
  score?: number;
  oldMode?: string;
  newMode?: string;
  /** Blob ids; undefined where the file does not exist (oldBlob of A, newBlob of D). */
  oldBlob?: string;
  newBlob?: string;
}

export interface Commit {
  id: string;
  /** As `--parents` rewrites them when paths are given: the nearest ancestors that touched them. */
  parents: string[];
  author: Person;
  committer: Person;
  subject: string;
  /** Only with signatures: true. */
  signature?: Signature;
  /** Only with raw: true (or follow). */
  changes?: Change[];
}

export interface LogOptions {
  /** Revisions or ranges to walk from ("HEAD", "v1..main"); default HEAD. */
  rev?: string | string[];
  /** Exactly these commits, in this order, instead of walking (`--no-walk --stdin`). */
  commits?: string[];
  paths?: string[];
  /** Track paths[0] (one path) through renames. */
  follow?: boolean;
  /** git date syntax: "2026-03-01", "@1767261600", "2 weeks ago". */
  since?: string;
  until?: string;
  firstParent?: boolean;
  /** --full-history --simplify-merges: keep merges that matter for the paths. */
  fullHistory?: boolean;
  reverse?: boolean;
  raw?: boolean;
  merges?: 'none' | 'first-parent';
  signatures?: boolean;
  maxCount?: number;
}

const FIELDS = ['%H', '%P', '%aN', '%aE', '%aI', '%cN', '%cE', '%cI', '%s'];
const SIGNATURE_FIELDS = ['%G?', '%GS', '%GK'];
const ZERO = /^0+$/;

export function logCommits(top: string, opts: LogOptions = {}): Commit[] {
  const paths = opts.paths ?? [];
  if (opts.follow && paths.length !== 1) throw new Error('logCommits: follow needs exactly one path');
  const fields = opts.signatures ? [...FIELDS, ...SIGNATURE_FIELDS] : FIELDS;
  // \x1e opens a commit and \x1f closes its fields, so the parser can check it is in step.
  const args = ['--literal-pathspecs', 'log', '-z', `--format=%x1e${fields.join('%x00')}%x00%x1f`, '--no-color', '--no-ext-diff', '--no-textconv', '--root'];
  if (paths.length > 0) args.push('--parents');
  if (opts.follow) args.push('--follow');
  if (opts.firstParent) args.push('--first-parent');
  if (opts.fullHistory) args.push('--full-history', '--simplify-merges');
  if (opts.raw || opts.follow) {
    // after --first-parent, which would otherwise imply first-parent diffs by itself
    const merges = opts.merges ?? (opts.firstParent ? 'first-parent' : 'none');
    args.push('--raw', '--no-abbrev', '-M', `--diff-merges=${merges === 'none' ? 'off' : 'first-parent'}`);
  }
  if (opts.since) args.push(`--since=${opts.since}`);
  if (opts.until) args.push(`--until=${opts.until}`);
  if (opts.maxCount !== undefined) args.push(`--max-count=${opts.maxCount}`);
  // --reverse is done here, not by git: `git log --follow --reverse` loses the commits
  // before a rename (git 2.39).
  // Revisions and paths go through stdin, so a learner's history over hundreds of spec
  // files never meets the command-line length limit.
  let revs: string[];
  if (opts.commits) {
    if (opts.commits.length === 0) return [];
    args.push('--no-walk=unsorted');
    revs = opts.commits;
  } else revs = opts.rev === undefined ? ['HEAD'] : typeof opts.rev === 'string' ? [opts.rev] : opts.rev;
  for (const x of [...revs, ...paths]) if (x === '') throw new Error('logCommits: an empty revision or path cannot be passed to git');
  for (const x of revs) if (/[\n\r]/.test(x)) throw new Error(`logCommits: ${JSON.stringify(x)} cannot be passed to git`);
  for (const x of revs) if (x.startsWith('-') && x !== '--all') throw new Error(`logCommits: invalid revision '${x}'`);
  args.push('--stdin');
  // A path with a newline cannot be a line of stdin: such paths (rare: a folder named so)
  // go on the command line after --, which git adds to the paths read from stdin.
  const odd = paths.filter((p) => /[\n\r]/.test(p));
  if (odd.length) args.push('--', ...odd);
  const input = `${revs.join('\n')}\n--\n${paths.filter((p) => !/[\n\r]/.test(p)).map((p) => `${p}\n`).join('')}`;

  const r = runGit(top, args, { input, signatures: opts.signatures });
  if (r.status !== 0) {
    // HEAD with no commit yet: an empty history, not an error (only asked on this path)
    if (opts.rev === undefined && !opts.commits && runGit(top, ['rev-parse', '--verify', '--quiet', 'HEAD']).status !== 0) return [];
    const first = r.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${r.status}`;
    throw new GitError(`git log failed: ${first.replace(/^fatal: /, '')}`, args, r.status, r.stderr);
  }
  const commits = parse(r.stdout.toString('utf8'), fields.length, opts);
  if (opts.signatures) fixUnverifiable(top, commits);
  return opts.reverse ? commits.reverse() : commits;
}

function parse(out: string, nFields: number, opts: LogOptions): Commit[] {
  // Splitting the decoded text on NUL is safe: no UTF-8 sequence contains a zero byte.
  const tokens = out.split('\0');
  const commits: Commit[] = [];
  let current: Commit | undefined;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t === '' || t === '\n') {
      i++;
    } else if (t.startsWith('\x1e')) {
      const f = [t.slice(1), ...tokens.slice(i + 1, i + nFields)];
      if (tokens[i + nFields] !== '\x1f') throw new Error(`git log: unexpected output near commit ${f[0]}`);
      i += nFields + 1;
      current = {
        id: f[0]!,
        parents: f[1] ? f[1].split(' ') : [],
        author: { name: f[2]!, email: f[3]!, date: f[4]! },
        committer: { name: f[5]!, email: f[6]!, date: f[7]! },
        subject: f[8]!,
      };
      if (nFields > FIELDS.length) current.signature = signature(f[9]!, f[10]!, f[11]!);
      if (opts.raw || opts.follow) current.changes = [];
      commits.push(current);
    } else {
      // ":oldmode newmode oldblob newblob status" then the path, or from and to paths
      const m = /^\n?:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])(\d*)$/.exec(t);
      if (!m || !current) throw new Error(`git log: unexpected output: ${JSON.stringify(t.slice(0, 80))}`);
      const status = m[5] as ChangeStatus;
      const two = status === 'R' || status === 'C';
      const change: Change = { status, path: tokens[i + (two ? 2 : 1)] ?? '', oldMode: m[1], newMode: m[2] };
      if (two) change.from = tokens[i + 1];
      if (m[6]) change.score = Number(m[6]);
      if (!ZERO.test(m[3]!)) change.oldBlob = m[3];
      if (!ZERO.test(m[4]!)) change.newBlob = m[4];
      current.changes?.push(change);
      i += two ? 3 : 2;
    }
  }
  return commits;
}

function signature(status: string, signer: string, key: string): Signature {
  const s: Signature = { status: (/^[GBUXYREN]$/.test(status) ? status : 'E') as SignatureStatus };
  if (signer) s.signer = signer;
  if (key) s.key = key;
  return s;
}

/** Git says N for an SSH signature it cannot check (no allowed signers file): look at the objects. */
function fixUnverifiable(top: string, commits: Commit[]): void {
  const unsigned = commits.filter((c) => c.signature?.status === 'N');
  if (unsigned.length === 0) return;
  const objects = batchRead(top, unsigned.map((c) => c.id));
  for (const c of unsigned) {
    const obj = objects.get(c.id);
    if (!isMissing(obj) && parseCommit(obj.content).signed) c.signature = { status: 'E' };
  }
}
