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
import { recordAsOf } from '../model/as-of.js';

import { catalogueKey } from '../pipeline/cache.js';
import { latestDate, recordingReader } from '../pipeline/learner.js';
import { idOf, indexOf, innerOf, type Assessment } from './assess.js';
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
    const loaded = loadLearner(recordingReader(reader, deps, summary.file), summary).learner;
    if (!loaded) return undefined;
    const records = recordsFrom(a, summary, recordAsOf(loaded, a.asOf));
    // latest is the result's own rule (a superset of the record's dates): on any day on or after
    // it, the record as of that day is whole
    if (!deps.links && deps.text) cache.write('records', keyOf(summary, deps.text), JSON.stringify({ asOf: a.asOf, latest: latestDate(loaded, indexOf(a)), listings: deps.listings, records } satisfies RecordsEntry));
    return records;
  };
}
