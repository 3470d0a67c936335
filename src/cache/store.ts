// The cache folder: <centre>/.folio-cache, ignored by git through its own .gitignore so a
// centre never commits it. Entries are content-addressed (the key is a hash of everything the
// entry was computed from), written atomically (a temporary file renamed into place), and each
// carries an HMAC made with the user's own key (secret.ts), over its kind, key and bytes: an
// entry folio did not write for this user (committed to the centre, copied, edited) is a miss,
// like a missing, unreadable, truncated or corrupt one. The cache can only make folio faster,
// never change what it says. Deleting the folder is always safe.
//
// A folder that git tracks, that is a symbolic link or is not a folder at all is not ours: it
// is neither read nor written, with one warning, and nothing is ever written through a link.
import { createHmac } from 'node:crypto';
import { constants, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runGit } from '../git/run.js';
import { quote } from '../render/safe.js';
import { cacheKey, type Env } from './secret.js';

export const CACHE_DIR = '.folio-cache';
/** Bumped whenever the shape of an entry changes (v2: entries carry a MAC; v3: diagnostics
 * carry a message id and data). */
const FORMAT = 'v3';
const MAC_HEX = 64;

/** records: what a report shows of a learner's portfolio (api/report-records.ts). */
export type Kind = 'specs' | 'head' | 'result' | 'records';

export interface CacheStore {
  /** An entry's text, only if this user's folio wrote it under this kind and key. */
  read(kind: Kind, key: string): string | undefined;
  has(kind: Kind, key: string): boolean;
  /** False when the entry could not be written. */
  write(kind: Kind, key: string, text: string): boolean;
  /** What a worker thread needs to open the same cache; undefined when it is not in use. */
  wire?(): WireCache | undefined;
}

export interface WireCache {
  root: string;
  /** The key, hex: workers do not look for it again. */
  key: string;
}

export interface CacheOptions {
  /** Where the key is looked for (FOLIO_CACHE_KEY_DIR, XDG_CACHE_HOME, HOME); process.env by default. */
  env?: Env;
  /** The key itself, when the caller has it (worker threads). */
  key?: Buffer;
  /** The folder was already found to be usable (worker threads): no checks, no git. */
  checked?: boolean;
  /** Where the one warning about a cache folder that is not used goes. */
  warn?: (message: string) => void;
  /** Whether the centre is in a git repository, when the locator (locate.ts) has found out:
   * outside one, git is not asked which files it tracks. */
  inRepository?: boolean;
}

/** The MAC of an entry, hex: over the format, kind and key it is stored under, then its text. */
function mac(secret: Buffer, kind: Kind, key: string, text: string): string {
  return createHmac('sha256', secret).update(`folio-cache ${FORMAT}\0${kind}\0${key}\0`).update(text).digest('hex');
}

export function fsCache(centreRoot: string, opts: CacheOptions = {}): CacheStore {
  const base = join(centreRoot, CACHE_DIR);
  const made = new Set<string>();
  let secret: Buffer | undefined;
  let usable: boolean | undefined;
  let prepared = false;
  const ready = (): boolean => {
    if (usable !== undefined) return usable;
    secret = opts.key;
    if (!secret) {
      const k = cacheKey(opts.env ?? process.env, centreRoot);
      if (k.problem) opts.warn?.(`folio: the cache is not used: ${k.problem}.\n`);
      secret = k.key;
    }
    const refusal = secret && !opts.checked ? refuse(centreRoot, base, opts.inRepository) : undefined;
    if (refusal) opts.warn?.(`folio: ${CACHE_DIR} is not used and not written: ${refusal}.\n`);
    return (usable = secret !== undefined && refusal === undefined);
  };
  const pathOf = (kind: Kind, key: string) => join(base, FORMAT, kind, key.slice(0, 2), `${key}.json`);
  const prepare = () => {
    if (prepared) return;
    prepared = true;
    ownFolder(base);
    writeIfAbsent(join(base, '.gitignore'), '# folio cache: safe to delete, never committed\n*\n');
    // The CACHEDIR.TAG convention tells backup tools to skip this folder.
    writeIfAbsent(join(base, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by folio; see https://bford.info/cachedir/\n');
  };
  return {
    read(kind, key) {
      if (!ready() || !/^[0-9a-f]{2,}$/.test(key)) return undefined;
      const text = readEntry(pathOf(kind, key));
      if (text === undefined || text.length <= MAC_HEX || text.charCodeAt(MAC_HEX) !== 0x0a) return undefined;
      // The text as decoded: a MAC that matches was made over exactly this text. A plain
      // comparison, as nothing can time it to learn a MAC byte by byte.
      const body = text.slice(MAC_HEX + 1);
      return mac(secret!, kind, key, body) === text.slice(0, MAC_HEX) ? body : undefined;
    },
    has: (kind, key) => ready() && existsSync(pathOf(kind, key)),
    write(kind, key, text) {
      if (!ready() || !/^[0-9a-f]{2,}$/.test(key)) return false;
      const path = pathOf(kind, key);
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        prepare();
        const dir = dirname(path);
        if (!made.has(dir)) {
          for (const d of [join(base, FORMAT), join(base, FORMAT, kind), dir]) ownFolder(d);
          made.add(dir);
        }
        writeFileSync(tmp, `${mac(secret!, kind, key, text)}\n${text}`, { flag: 'wx' });
        renameSync(tmp, path);
        return true;
      } catch {
        // A cache that cannot be written (read-only checkout, full disk) is no cache.
        try {
          unlinkSync(tmp);
        } catch {}
        return false;
      }
    },
    wire: () => (ready() ? { root: centreRoot, key: secret!.toString('hex') } : undefined),
  };
}

/** Why the cache folder must not be used, or undefined when it may. */
function refuse(centreRoot: string, base: string, inRepository: boolean | undefined): string | undefined {
  let st;
  try {
    st = lstatSync(base);
  } catch {
    st = undefined;
  }
  if (st?.isSymbolicLink()) return 'it is a symbolic link; delete the link and folio makes its own folder';
  if (st && !st.isDirectory()) return 'it is not a folder; delete it and folio makes its own folder';
  const tracked = inRepository === false ? undefined : trackedFiles(centreRoot);
  if (tracked) return `git tracks files in it (${tracked}); remove them from git with "git rm -r --cached ${CACHE_DIR}" and commit`;
  return undefined;
}

/** The first file of the cache folder that git's index holds, if any: one git process. Outside
 * a repository, or with a git that cannot answer, the MACs guard the entries. */
function trackedFiles(centreRoot: string): string | undefined {
  try {
    const r = runGit(centreRoot, ['ls-files', '-z', '--', CACHE_DIR]);
    if (r.status !== 0) return undefined;
    const files = r.stdout.toString('utf8').split('\0').filter((f) => f !== '');
    return files.length ? `${quote(files[0]!, 80)}${files.length > 1 ? ` and ${files.length - 1} more` : ''}` : undefined;
  } catch {
    return undefined;
  }
}

/** A folder of the cache, made if absent; throws if it is anything else (a link above all). */
function ownFolder(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (!lstatSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
}

// Never through a link at the entry itself, and never waiting on a FIFO: one read, as fast
// as reading any file.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** An entry's text, or undefined if it cannot be read. */
function readEntry(path: string): string | undefined {
  try {
    // Node takes numeric flags here too; its types say only strings.
    return readFileSync(path, { encoding: 'utf8', flag: READ_FLAGS as unknown as string });
  } catch {
    return undefined;
  }
}

function writeIfAbsent(path: string, text: string): void {
  try {
    // 'wx' never follows a link: a planted one makes this fail, which is fine.
    writeFileSync(path, text, { flag: 'wx' });
  } catch {}
}
