// The records a report shows of each learner (records.ts), kept in the cache. A warm status
// reads each learner's result from the cache and never parses the portfolio; the report also
// shows the record itself (every evidence item, where it is kept, the feedback), and reading
// every portfolio again through the load stage for it was most of a warm report's own work. So
// the report keeps those records in an entry of their own, keyed like a learner's head entry
// (the portfolio's text, the ids of the specs it resolves units by, folio's code) and valid,
// like it, for the as-of day it was read for or any day after the record's latest date, while
// the evidence folders it listed hold the same names. An entry written under a link is never
// made: where a link leads is in no listing. A miss reads the portfolio as before, and writes
// the entry. The cache is untrusted input: every entry's shape is checked (cache/shape.ts), and
// a file it names must be in the learner's folder.
import { codeId, hash, listingKey } from '../cache/key.js';
import { parseAs, recordsEntry } from '../cache/shape.js';
import type { CacheStore } from '../cache/store.js';
import { loadLearner } from '../load/load.js';
import type { Reader } from '../load/reader.js';
import { recordAsOf } from '../model/as-of.js';
import type { Learner } from '../model/types.js';
import { catalogueKey } from '../pipeline/cache.js';
import { idOf, innerOf, type Assessment } from './assess.js';
import { recordsFrom, recordsOf, type PortfolioRecords } from './records.js';

type Summary = Assessment['learners'][number];

interface RecordsEntry {
  asOf: string;
  latest: string;
  listings: Record<string, string>;
  records: PortfolioRecords;
}

/** How a report reads each learner's records: from the cache when an entry there still holds,
 * else from the portfolio (recordsOf), writing the entry. Without a cache, recordsOf. */
export function recordsReader(a: Assessment, cache: CacheStore | undefined): (summary: Summary) => PortfolioRecords | undefined {
  if (!cache) return (summary) => recordsOf(a, summary);
  const reader = innerOf(a).reader;
  const catalogue = catalogueKey(a.specs);
  const keyOf = (summary: Summary, textHash: string) => hash(codeId(), 'records', summary.file, summary.dir, textHash, catalogue);
  const valid = (e: RecordsEntry, summary: Summary): boolean => {
    if (e.asOf !== a.asOf && !(e.asOf >= e.latest && a.asOf >= e.latest)) return false;
    if (e.records.learner !== idOf(summary)) return false;
    if (e.records.evidence.some((r) => r.file !== undefined && !r.file.startsWith(`${summary.dir}/`))) return false;
    for (const [dir, k] of Object.entries(e.listings)) if (listingKey(reader.list(dir)) !== k) return false;
    return true;
  };
  return (summary) => {
    let text: string;
    try {
      text = reader.read(summary.file);
    } catch {
      return undefined;
    }
    const raw = cache.read('records', keyOf(summary, hash(text)));
    const e = raw === undefined ? undefined : parseAs<RecordsEntry>(recordsEntry, raw);
    try {
      if (e && valid(e, summary)) return e.records;
    } catch {
      // a listing that cannot be made: read the portfolio
    }
    const deps = { listings: {} as Record<string, string>, links: false, text: '' };
    const loaded = loadLearner(recording(reader, deps, summary.file), summary).learner;
    if (!loaded) return undefined;
    const records = recordsFrom(a, summary, recordAsOf(loaded, a.asOf));
    if (!deps.links && deps.text) cache.write('records', keyOf(summary, deps.text), JSON.stringify({ asOf: a.asOf, latest: latestOf(loaded), listings: deps.listings, records } satisfies RecordsEntry));
    return records;
  };
}

// The latest date recordAsOf compares: on any day after it the record as of that day is whole.
function latestOf(l: Learner): string {
  let latest = '';
  const see = (d: string | undefined) => {
    if (d !== undefined && d > latest) latest = d;
  };
  for (const e of l.evidence) {
    see(e.date);
    see(e.assessment?.date);
  }
  for (const s of l.signoffs) see(s.date);
  for (const r of l.iqa) see(r.date);
  return latest;
}

// The reader as the load stage uses it, noting what the records rest on: the portfolio's text
// as read (the key), each folder listed, and any link resolved.
function recording(reader: Reader, deps: { listings: Record<string, string>; links: boolean; text: string }, portfolio: string): Reader {
  return {
    list(dir) {
      const entries = reader.list(dir);
      deps.listings[dir] = listingKey(entries);
      return entries;
    },
    read(file) {
      const text = reader.read(file);
      if (file === portfolio) deps.text = hash(text);
      return text;
    },
    isFile(file) {
      deps.links = true;
      return reader.isFile(file);
    },
    within(file, dir) {
      deps.links = true;
      return reader.within(file, dir);
    },
    leaves: (path) => reader.leaves(path),
  };
}
