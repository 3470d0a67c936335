// The one orchestrator: load → parse → schema → model → rules → status. Commands call this
// and pick a formatter; nothing here prints. The specs are assessed once; learners are
// assessed one at a time (pipeline/learner.ts) and only what reports need is kept. With a
// cache, a learner whose portfolio, specs and evidence folders are unchanged is taken from it,
// and a check or a status of a few hundred learners that finds everything there never loads the
// parser or the schemas.
import { pushAll } from '../iter.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { CENTRE_FILE, listLearners, specFiles, type LearnerEntry } from '../load/files.js';
import type { Reader } from '../load/reader.js';
import { buildIndex, type Index } from '../model/index.js';
import type { Specs } from '../model/types.js';
import type { CohortEntry } from '../rules/context.js';
import { RULES } from '../rules/index.js';
import type { Gap } from '../status/gaps.js';
import type { CacheStore } from '../cache/store.js';
import { LearnerCache, SpecCache } from './cache.js';
import type { Assessed } from './learner.js';
import { report, type LearnerReport } from './report.js';

export type { LearnerReport } from './report.js';

/** Up to this many learners, results a report will show stay in memory; beyond, those written
 * to the cache are read back from it as the report goes, so memory does not grow with the
 * cohort. */
const KEEP_IN_MEMORY = 500;

export interface AnalyseOptions {
  asOf: string;
  /** Only these learners (folder names); the whole centre when absent. */
  learners?: string[];
  /** Keep findings (check and every command that reports errors); false for spec-only commands. */
  rules?: boolean;
  /** Whether full results will be read (status, gaps); check needs only each learner's head. */
  results?: boolean;
  cache?: CacheStore;
  /** How many worker threads (FOLIO_WORKERS); automatic when absent. */
  workers?: string;
  /** Called after each learner, for a progress bar. */
  progress?: (done: number, total: number) => void;
}

export interface Analysis {
  specs: Specs;
  index: Index;
  asOf: string;
  /** Learners whose portfolio loaded, in folder-name order. */
  learners: LearnerReport[];
  /** Learners whose portfolio could not be read or parsed (their findings say why). */
  unreadable: string[];
  diagnostics: Diagnostic[];
  /** Every file read, for the check summary. */
  files: string[];
  /** How many learners came from the cache. */
  cached: number;
  /** Where a gap shows in the files (for CI annotations): the learner's entry for its unit, else
   * the learner's qualification line. */
  locate(gap: Gap): Promise<{ file: string; line: number; column: number }>;
}

export async function analyse(reader: Reader, opts: AnalyseOptions): Promise<Analysis> {
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
  // Results a report reads back from the cache later are assessed again if they are gone by
  // then: the stage that can do it is loaded now, while there is time to wait for it.
  const stage = opts.results && opts.cache && entries.length > KEEP_IN_MEMORY ? await import('./learner.js') : undefined;
  const reassess = stage && ((entry: LearnerEntry) => stage.assessLearner(ctx, reader, entry).result);
  const learnerCache = new LearnerCache(reader, opts.cache, { asOf: opts.asOf, index, specs: specCache.hashes, catalogue: assessed.catalogue, centre: specCache.hashes.get(CENTRE_FILE) ?? '' }, reassess);
  // Learners the cache holds first, then the rest, on worker threads when there are many.
  const slots: ({ report?: LearnerReport; diagnostics: Diagnostic[] } | undefined)[] = new Array(entries.length);
  const misses: number[] = [];
  let done = 0;
  for (const [i, entry] of entries.entries()) {
    const hit = learnerCache.get(entry, !opts.results ? 'no' : entries.length <= KEEP_IN_MEMORY ? 'now' : 'lazy');
    if (hit) {
      slots[i] = hit;
      opts.progress?.(++done, entries.length);
    } else misses.push(i);
  }
  const noResult = (id: string) => () => {
    throw new Error(`the result of ${id} was not kept: analyse with results: true`);
  };
  // A learner assessed here or on a worker: with the cache, a check keeps only heads, and reads
  // a result back if a report asks for it.
  const settle = (i: number, a: Assessed, written?: string) => {
    const entry = entries[i]!;
    const key = written ?? learnerCache.put(entry, a);
    const keep = opts.results && entries.length <= KEEP_IN_MEMORY;
    const result = a.result && (keep || !key) ? a.result : key ? learnerCache.loader(entry, key) : noResult(entry.id);
    slots[i] = { report: a.head ? report(a.head, result) : undefined, diagnostics: a.diagnostics };
    opts.progress?.(++done, entries.length);
  };
  if (misses.length) {
    const pool = await import('./workers.js');
    const count = reader.root && pool.workersAvailable() ? pool.workerCount(misses.length, opts.workers) : 0;
    if (count > 0) {
      // Workers open the same cache with the key already found, or none if it is not in use.
      const wired = opts.cache?.wire?.();
      const cache = wired ? { ...learnerCache.context(), ...wired } : undefined;
      const results = opts.results === true && (entries.length <= KEEP_IN_MEMORY || !cache);
      await pool.assessInWorkers(count, misses.map((i) => entries[i]!), { root: reader.root!, asOf: opts.asOf, specs, results, cache }, (k, a, written) => settle(misses[k]!, a, written));
    } else {
      const { assessLearner } = await import('./learner.js');
      for (const i of misses) settle(i, assessLearner(ctx, reader, entries[i]!));
    }
  }
  const learners: LearnerReport[] = [];
  const unreadable: string[] = [];
  const diagnostics: Diagnostic[] = [...assessed.diagnostics];
  const cached = entries.length - misses.length;
  for (const [i, slot] of slots.entries()) {
    if (slot!.report) learners.push(slot!.report);
    else unreadable.push(entries[i]!.id);
    pushAll(diagnostics, slot!.diagnostics);
  }

  const cohort: CohortEntry[] = learners.map((l) => ({ id: l.entry.id, file: l.entry.file, uln: l.uln }));
  const findings = RULES.flatMap((rule) => rule.cohort?.(cohort) ?? []);
  if (findings.length) pushAll(diagnostics, (await import('./positions.js')).resolveAll(reader, findings));
  diagnostics.sort(compareDiagnostics);

  const byId = new Map(learners.map((l) => [l.entry.id, l]));
  return {
    specs,
    index,
    asOf: opts.asOf,
    learners,
    unreadable,
    diagnostics: opts.rules === false ? [] : diagnostics,
    files: [...specList, ...entries.map((e) => e.file)],
    cached,
    locate: locator(reader, index, byId),
  };
}

function locator(reader: Reader, index: Index, byId: Map<string, LearnerReport>): Analysis['locate'] {
  let positions: typeof import('./positions.js') | undefined;
  const sources = new Map();
  return async (gap) => {
    const l = byId.get(gap.learner);
    if (!l) return { file: '', line: 0, column: 0 };
    const unit = gap.unit === null ? undefined : index.unit(gap.unit);
    const optional = unit ? l.optionalUnits.find((o) => index.unit(o.ref) === unit) : undefined;
    const file = l.entry.file;
    positions ??= await import('./positions.js');
    const d = positions.resolveOne(reader, { code: 'unknown-unit', message: '', target: { file, path: optional ? optional.path : ['qualification'] } }, sources);
    return { file: d.file, line: d.line, column: d.column };
  };
}

/** Today as YYYY-MM-DD in local time: what an assessor means by "today". */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
