// Opening a centre: where it is (the one locator), where it sits in its repository, and what
// its files are read from (the working tree, a git revision, or git's index). Every other
// function of the library takes the Centre this returns.
import { resolve as resolvePath } from 'node:path';
import { fsCache, type CacheStore } from '../cache/store.js';
import { dayOption } from '../dates.js';
import { fsReader, type Reader } from '../load/reader.js';
import { locationOf, findCentreRoot, type CentreLocation } from '../locate.js';
import { today } from '../pipeline/index.js';
import { UsageError } from '../usage-error.js';

/** How to open a centre: where to look, and what to read its files from. */
export interface OpenOptions {
  /** Where to look for the centre: the first folder at or above it holding specs/. Default:
   * the working folder. */
  dir?: string;
  /** The day "today" means for this centre (YYYY-MM-DD); default: the day of the revision read
   * with `at`, else the day it is assessed. */
  asOf?: string;
  /** The centre as committed at a commit, tag, branch or day (YYYY-MM-DD: the last commit on or
   * before it), read from git without touching the working tree. */
  at?: string;
  /** The centre as staged in git's index (what the next commit will hold). */
  staged?: boolean;
  /** Running in a git hook: the index is the one the hook was given (GIT_INDEX_FILE). */
  hookIndex?: boolean;
  /** Find the centre's git repository now (one git process). Default true; a command that never
   * needs git or CI paths may skip it (the centre then has prefix "" and no repository, so
   * check's CI paths, verify, history and progress must not be given it). */
  repository?: boolean;
  /** Use the cache folder .folio-cache/ (read and written); off unless asked. env holds
   * FOLIO_CACHE_KEY and the like (default: process.env); warn receives why it is not used. */
  cache?: boolean | { env?: Record<string, string | undefined>; warn?: (message: string) => void };
}

/** An open centre: its place, its repository and the reader its files come from. */
export interface Centre extends CentreLocation {
  /** What the centre's files are read through. */
  reader: Reader;
  /** With `at`: the commit read and the day it stands for. */
  at?: { label: string; commit: string; day: string };
  /** The day asked for, or with `at` the revision's day; undefined: the day it is assessed. */
  asOf?: string;
  /** Opened from git's index (`staged`). */
  staged: boolean;
  /** The index is a git hook's own (GIT_INDEX_FILE). */
  hookIndex: boolean;
  /** The cache, when asked for. */
  cache?: CacheStore;
}

/** Open the centre at or above a folder. Throws UsageError when there is none, and when a
 * revision or the index cannot be read (no git, not a repository, an unknown revision). */
export async function openCentre(opts: OpenOptions = {}): Promise<Centre> {
  const start = resolvePath(opts.dir ?? '.');
  const root = findCentreRoot(start);
  if (!root) throw new UsageError(`no specs/ folder at or above ${start}: run folio inside a centre repository, or name one with -C DIR`);
  checkDay(opts.asOf);
  if (opts.at !== undefined && opts.staged) throw new UsageError('--at reads a past commit and --staged reads the index: give one of them');
  const location: CentreLocation = opts.repository === false && opts.at === undefined && !opts.staged ? { root, prefix: '' } : locationOf(root);
  const centre: Centre = { ...location, reader: fsReader(root), staged: false, hookIndex: !!opts.hookIndex, asOf: opts.asOf };
  if (opts.at !== undefined || opts.staged) {
    const repository = await import('../pipeline/repository.js');
    if (opts.at !== undefined) {
      const r = repository.atRevision(location, opts.at);
      centre.reader = r.reader;
      centre.at = { label: r.revision.label, commit: r.revision.commit, day: r.day };
      // The centre as it was on a day is judged as of that day, unless asOf says otherwise.
      centre.asOf ??= r.day;
    } else {
      const { indexReader } = await import('../git/index.js');
      const repo = repository.repositoryOf(location, '--staged');
      centre.reader = indexReader(repo.top, repo.prefix, { hookIndex: opts.hookIndex });
      centre.staged = true;
    }
  }
  // The cache holds what the working tree's files gave: never used for the index.
  if (opts.cache && !centre.staged) {
    const o = opts.cache === true ? {} : opts.cache;
    centre.cache = fsCache(root, { env: o.env ?? process.env, warn: o.warn, inRepository: location.repository ? true : location.noRepository ? false : undefined });
  }
  return centre;
}

/** Today as YYYY-MM-DD in local time: what an assessor means by "today". */
export { today };

const checkDay = (asOf: string | undefined) => dayOption('--as-of', asOf);

/** The day a centre is judged as of: the one asked for, else the centre's own (see
 * OpenOptions.asOf), else today. Throws UsageError for a day that is not YYYY-MM-DD. */
export function asOfFor(centre: Centre, asOf?: string): string {
  checkDay(asOf);
  return asOf ?? centre.asOf ?? today();
}
