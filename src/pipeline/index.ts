// analyse: the run every command makes (load → parse → schema → model → rules → status), as
// assessAll (pipeline/assess.ts) does it, with what makes it fast around it: the cache (a
// learner whose portfolio, specs and evidence folders are unchanged is taken from it), worker
// threads for many learners, and for a big cohort with a cache, results read back from the
// cache as a report goes rather than held in memory. None of these changes what comes back.
// Nothing here prints: commands pick a formatter.
import type { LearnerEntry } from '../load/files.js';
import { CENTRE_FILE, listLearners, specFiles } from '../load/files.js';
import type { Reader } from '../load/reader.js';
import { buildIndex } from '../model/index.js';
import type { CacheStore } from '../cache/store.js';
import { finish, type Analysed, type AssessOptions, type Slot } from './assess.js';
import { LearnerCache, SpecCache } from './cache.js';
import type { Assessed } from './learner.js';
import { ResultStore } from './results.js';

export type { Analysis, Analysed } from './assess.js';
export { assessAll } from './assess.js';
export { ResultStore } from './results.js';

/** Up to this many learners, results stay in memory; beyond, those written to the cache are
 * read back from it as a report goes, so memory does not grow with the cohort. */
const KEEP_IN_MEMORY = 500;

export interface AnalyseOptions extends AssessOptions {
  cache?: CacheStore;
  /** How many worker threads (FOLIO_WORKERS); automatic when absent. */
  workers?: string;
  /** How many results to keep in memory before reading them back from the cache instead
   * (KEEP_IN_MEMORY); for tests of the big-cohort path on a small centre. */
  keepInMemory?: number;
}

export async function analyse(reader: Reader, opts: AnalyseOptions): Promise<Analysed> {
  const found = specFiles(reader);
  // A layout folder that leads outside the centre is part of the specs' key (as unreadable),
  // so a cached assessment from before it became one is not used.
  const specList = [...found.units, ...found.qualifications, ...(found.centre ? [found.centre] : [])];
  reader.prefetch?.(specList);
  const specCache = new SpecCache(reader, [...specList, ...found.outside.map((o) => o.link)], opts.cache);
  let assessed = specCache.get();
  if (!assessed) {
    const { assessSpecs } = await import('./specs.js');
    assessed = specCache.put(assessSpecs(reader));
  }
  const { specs } = assessed;
  const index = buildIndex(specs);
  const ctx = { specs, index, asOf: opts.asOf };

  const entries = listLearners(reader, opts.learners);
  reader.prefetch?.(entries.map((e) => e.file));
  const inMemory = !opts.cache || entries.length <= (opts.keepInMemory ?? KEEP_IN_MEMORY);
  // Results a report reads back from the cache later are assessed again if they are gone by
  // then: the stage that can do it is loaded now, while there is time to wait for it.
  const stage = opts.results && !inMemory ? await import('./learner.js') : undefined;
  const reassess = stage && ((entry: LearnerEntry) => stage.assessLearner(ctx, reader, entry).result);
  const learnerCache = new LearnerCache(reader, opts.cache, { asOf: opts.asOf, index, specs: specCache.hashes, catalogue: assessed.catalogue, centre: specCache.hashes.get(CENTRE_FILE) ?? '' }, reassess);
  const results = new ResultStore(opts.results === true);
  // Learners the cache holds first, then the rest, on worker threads when there are many.
  const slots: Slot[] = new Array(entries.length);
  const misses: number[] = [];
  let done = 0;
  for (const [i, entry] of entries.entries()) {
    const hit = learnerCache.get(entry, !opts.results ? 'no' : inMemory ? 'now' : 'lazy');
    if (hit) {
      slots[i] = { id: entry.id, summary: hit.summary, diagnostics: hit.diagnostics };
      results.keep(entry.id, hit.result);
      opts.progress?.(++done, entries.length);
    } else misses.push(i);
  }
  // A learner assessed here or on a worker: with the cache, a check keeps only summaries, and a
  // big cohort's results wait in the cache until a report reads them.
  const settle = (i: number, a: Assessed, written?: string) => {
    const entry = entries[i]!;
    const key = written ?? learnerCache.put(entry, a);
    slots[i] = { id: entry.id, summary: a.summary, diagnostics: a.diagnostics };
    if (a.summary) {
      if (a.result && (inMemory || !key)) results.keep(entry.id, a.result);
      else if (key) results.keep(entry.id, learnerCache.loader(entry, key));
    }
    opts.progress?.(++done, entries.length);
  };
  if (misses.length) {
    const pool = await import('./workers.js');
    const count = reader.root && pool.workersAvailable() ? pool.workerCount(misses.length, opts.workers) : 0;
    if (count > 0) {
      // Workers open the same cache with the key already found, or none if it is not in use.
      const wired = opts.cache?.wire?.();
      const cache = wired ? { ...learnerCache.context(), ...wired } : undefined;
      const wanted = opts.results === true && (inMemory || !cache);
      await pool.assessInWorkers(count, misses.map((i) => entries[i]!), { root: reader.root!, asOf: opts.asOf, specs, results: wanted, cache }, (k, a, written) => settle(misses[k]!, a, written));
    } else {
      const { assessLearner } = await import('./learner.js');
      for (const i of misses) settle(i, assessLearner(ctx, reader, entries[i]!));
    }
  }
  const files = [...specList, ...entries.map((e) => e.file)];
  const analysis = await finish(reader, { specs, asOf: opts.asOf, specDiagnostics: assessed.diagnostics, files, learners: slots, cached: entries.length - misses.length, rules: opts.rules });
  return { analysis, results };
}

/** Today as YYYY-MM-DD in local time: what an assessor means by "today". */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
