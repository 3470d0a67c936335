// Builds real git repositories in temporary folders for the tests of src/git/ and of the
// features on top of it (--at, history, verify, --changed-since). Real git, because the point
// of those features is git's actual behaviour, quirks included.
//
//   const repo = makeRepo();                          // git init -b main in a temp folder
//   repo.write('portfolios/NT-1/portfolio.yaml', text).commit('add NT-1', { author: alice, date: '2026-03-01T10:00:00Z' });
//   repo.rename(from, to) / repo.remove(path) / repo.symlink(path, target)
//   repo.branch('feature').checkout('feature') … repo.checkout('main').merge('feature', 'merge', { author: bob })
//   repo.tag('v1') / repo.tag('v1-signed-off', { message: 'annotated' })
//   repo.commit('signed', { author: alice, sign: true })   // SSH-signed, key trusted (G)
//   repo.commit('stranger', { author: alice, sign: 'untrusted' }) // signed by a key not listed (U)
//   const shallow = repo.shallowClone(1);              // git clone --depth 1 file://…
//   repo.git('config', 'x.y', 'z') / repo.head('HEAD~1') / repo.add(paths…) / repo.read(path)
//   runIn(dir, args, env) (git anywhere, e.g. with GIT_INDEX_FILE), tempDir(), hasSshKeygen
//   alice, bob, carol, admin                           // people; admin commits by default
//   afterAll(cleanupRepos);                            // in each test file
//
// Commits never depend on the machine's git configuration: importing this file points
// GIT_CONFIG_GLOBAL at an empty file and sets GIT_CONFIG_NOSYSTEM for this test process (the
// library under test runs git through process.env too), and drops GIT_DIR, GIT_INDEX_FILE…
// which a git hook running the tests would otherwise aim at folio's own repository.
// Dates default to a clock starting 2026-01-01T09:00:00Z and moving one hour per commit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Person {
  name: string;
  email: string;
}

export const alice: Person = { name: 'Alice Assessor', email: 'alice@centre.example' };
export const bob: Person = { name: 'Bob Bridges', email: 'bob@centre.example' };
export const carol: Person = { name: 'Carol IQA', email: 'carol@centre.example' };
export const admin: Person = { name: 'Centre Admin', email: 'admin@centre.example' };

export interface CommitOptions {
  author?: Person;
  /** Defaults to the author. */
  committer?: Person;
  /** Any date git accepts; ISO 8601 recommended. Defaults to the next hour of the clock. */
  date?: string;
  /** Defaults to date. */
  committerDate?: string;
  /** true: signed with the committer's SSH key, listed in the allowed signers file;
   * 'untrusted': with a key that is not listed. */
  sign?: boolean | 'untrusted';
  /** Commit only what is staged; by default everything in the working tree is added first. */
  stagedOnly?: boolean;
  allowEmpty?: boolean;
}

const ROOT = mkdtempSync(join(tmpdir(), 'folio-git-test-'));
const EMPTY_CONFIG = join(ROOT, 'empty-gitconfig');
writeFileSync(EMPTY_CONFIG, '');
process.env.GIT_CONFIG_GLOBAL = EMPTY_CONFIG;
process.env.GIT_CONFIG_NOSYSTEM = '1';
process.env.GIT_CEILING_DIRECTORIES = ROOT; // a temp folder is never inside someone's repository
for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_PREFIX', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES']) delete process.env[k];

let counter = 0;
let clock = Date.parse('2026-01-01T09:00:00Z');

/** A new empty folder under the test root (e.g. "not a repository" tests). */
export function tempDir(name = 'dir'): string {
  const dir = join(ROOT, `${name}-${++counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function cleanupRepos(): void {
  rmSync(ROOT, { recursive: true, force: true });
}

export const hasSshKeygen = spawnSync('ssh-keygen', ['-?']).error === undefined;

/** git in dir with a fixed identity; throws with git's stderr on failure. */
export function runIn(dir: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync('git', ['-c', 'maintenance.auto=false', '-c', 'gc.auto=0', '-c', 'commit.gpgSign=false', '-c', 'tag.gpgSign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_NAME: admin.name, GIT_AUTHOR_EMAIL: admin.email, GIT_COMMITTER_NAME: admin.name, GIT_COMMITTER_EMAIL: admin.email, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} (in ${dir}): ${r.stderr || r.error?.message}`);
  return r.stdout;
}

export class TestRepo {
  constructor(readonly dir: string) {}

  git(...args: string[]): string {
    return runIn(this.dir, args);
  }

  write(path: string, content: string | Buffer): this {
    const abs = join(this.dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return this;
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  symlink(path: string, target: string): this {
    const abs = join(this.dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    rmSync(abs, { force: true });
    symlinkSync(target, abs);
    return this;
  }

  /** git mv (a file or a whole folder). */
  rename(from: string, to: string): this {
    mkdirSync(dirname(join(this.dir, to)), { recursive: true });
    this.git('mv', '--', from, to);
    return this;
  }

  /** git rm -r */
  remove(path: string): this {
    this.git('rm', '-r', '-q', '--', path);
    return this;
  }

  /** Stage paths (all changes when none are given). */
  add(...paths: string[]): this {
    this.git('add', '-A', '--', ...(paths.length > 0 ? paths : ['.']));
    return this;
  }

  /** Commit and return the new commit's id. */
  commit(message: string, opts: CommitOptions = {}): string {
    if (!opts.stagedOnly) this.add();
    const args = ['commit', '-q', '--no-verify', '-m', message];
    if (opts.allowEmpty) args.push('--allow-empty');
    const committer = opts.committer ?? opts.author ?? admin;
    if (opts.sign) {
      args.unshift('-c', `user.signingKey=${this.signingKey(committer, opts.sign === 'untrusted')}`);
      args.push('-S');
    }
    runIn(this.dir, args, this.identity(opts));
    return this.head();
  }

  /** Merge branch into the current one with a merge commit (--no-ff); returns its id. */
  merge(branch: string, message: string, opts: Omit<CommitOptions, 'stagedOnly' | 'allowEmpty'> = {}): string {
    runIn(this.dir, ['merge', '-q', '--no-ff', '--no-verify', '-m', message, branch], this.identity(opts));
    return this.head();
  }

  /** A new branch at `from` (default HEAD), without switching to it. */
  branch(name: string, from = 'HEAD'): this {
    this.git('branch', name, from);
    return this;
  }

  checkout(name: string): this {
    this.git('checkout', '-q', name);
    return this;
  }

  /** A lightweight tag, or an annotated one with a message. */
  tag(name: string, opts: { message?: string; at?: string; tagger?: Person; date?: string } = {}): this {
    const args = opts.message ? ['tag', '-a', '-m', opts.message, name] : ['tag', name];
    if (opts.at) args.push(opts.at);
    runIn(this.dir, args, this.identity({ author: opts.tagger, date: opts.date }));
    return this;
  }

  head(rev = 'HEAD'): string {
    // HEAD from the files when they are plain (saves a process per commit), else ask git
    if (rev === 'HEAD') {
      try {
        const head = readFileSync(join(this.dir, '.git/HEAD'), 'utf8').trim();
        const id = head.startsWith('ref: ') ? readFileSync(join(this.dir, '.git', head.slice(5)), 'utf8').trim() : head;
        if (/^[0-9a-f]{40}$/.test(id)) return id;
      } catch {
        // packed or unusual refs
      }
    }
    return this.git('rev-parse', '--verify', `${rev}^{commit}`).trim();
  }

  /** git clone --depth depth file://this (a shallow clone). */
  shallowClone(depth: number, opts: { branch?: string } = {}): TestRepo {
    const dir = join(ROOT, `clone-${++counter}`);
    const args = ['clone', '-q', `--depth=${depth}`, ...(opts.branch ? ['--branch', opts.branch] : []), `file://${this.dir}`, dir];
    runIn(ROOT, args);
    return new TestRepo(dir);
  }

  private identity(opts: { author?: Person; committer?: Person; date?: string; committerDate?: string }): Record<string, string> {
    const author = opts.author ?? admin;
    const committer = opts.committer ?? author;
    const date = opts.date ?? new Date((clock += 3_600_000)).toISOString();
    return {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: opts.committerDate ?? date,
    };
  }

  // One key per person (and trust), made on first use; trusted keys are added to the
  // repository's allowed signers file so %G? can say G.
  private signingKey(person: Person, untrusted: boolean): string {
    const keys = join(this.dir, '..', `${this.dir.split(/[\\/]/).pop()}-keys`);
    const key = join(keys, `${person.email}${untrusted ? '-untrusted' : ''}`);
    const allowed = join(keys, 'allowed_signers');
    try {
      readFileSync(key);
      return key;
    } catch {
      // not made yet
    }
    mkdirSync(keys, { recursive: true });
    const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', person.email, '-f', key], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ssh-keygen: ${r.stderr || r.error?.message}`);
    if (!untrusted) writeFileSync(allowed, `${person.email} namespaces="git" ${readFileSync(`${key}.pub`, 'utf8').trim()}\n`, { flag: 'a' });
    this.git('config', 'gpg.format', 'ssh');
    this.git('config', 'gpg.ssh.allowedSignersFile', allowed);
    return key;
  }
}

/** git init -b main in a new temporary folder. */
export function makeRepo(opts: { branch?: string } = {}): TestRepo {
  const dir = tempDir('repo');
  runIn(dir, ['init', '-q', '-b', opts.branch ?? 'main']);
  return new TestRepo(dir);
}
