// Assessing many learners on every core. Learners are independent once the specs are known,
// so worker threads each take batches of learners and send back plain results; the order of
// the results is the order of the entries, whatever order the workers finish in. Starting a
// worker costs about as much as assessing a hundred learners, so small runs stay on one thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LearnerEntry } from '../load/files.js';
import { specsToPlain } from '../model/serial.js';
import type { Specs } from '../model/types.js';
import type { WireCache } from '../cache/store.js';
import type { WireContext } from './cache.js';
import type { Assessed } from './learner.js';
import { plural } from '../text.js';

const BATCH = 25;
/** Fewer learners than this to assess: one thread is quicker than starting workers. */
export const WORKER_THRESHOLD = 200;

/** How many workers to use for this many learners; 0 for none. FOLIO_WORKERS overrides. */
export function workerCount(learners: number, env: string | undefined): number {
  const asked = env === undefined || env === '' ? undefined : Number(env);
  if (asked !== undefined && Number.isInteger(asked) && asked >= 0) return Math.min(asked, learners);
  if (learners < WORKER_THRESHOLD) return 0;
  const cores = availableParallelism();
  return cores > 1 ? Math.min(cores, 8) : 0;
}

/** The compiled worker; absent when folio runs from its TypeScript sources (tests). */
const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
export const workersAvailable = () => existsSync(WORKER);

export interface WorkerInit {
  root: string;
  asOf: string;
  specs: Specs;
  /** Send full results back (status, gaps), or only summaries and findings (check). */
  results: boolean;
  /** Write cache entries on the workers, like the main thread would. */
  cache?: WireContext & WireCache;
}

export function assessInWorkers(count: number, entries: LearnerEntry[], init: WorkerInit, onAssessed: (i: number, a: Assessed, written?: string) => void): Promise<void> {
  const workerData = { ...init, specs: specsToPlain(init.specs) };
  let next = 0;
  let pending = entries.length;
  return new Promise((resolve, reject) => {
    if (pending === 0) return resolve();
    const workers: Worker[] = [];
    const stop = () => workers.forEach((w) => void w.terminate());
    const feed = (w: Worker) => {
      if (next >= entries.length) return;
      w.postMessage({ at: next, entries: entries.slice(next, next + BATCH) });
      next += BATCH;
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(WORKER, { workerData });
      workers.push(w);
      w.on('message', (m: { at: number; done: { assessed: Assessed; written?: string }[] }) => {
        m.done.forEach((d, j) => onAssessed(m.at + j, d.assessed, d.written));
        pending -= m.done.length;
        if (pending === 0) {
          stop();
          resolve();
        } else feed(w);
      });
      w.on('error', (e) => {
        stop();
        reject(e);
      });
      // A worker that stops without an error (killed, out of memory) must not leave the run waiting.
      w.on('exit', (code) => {
        if (pending > 0) {
          stop();
          reject(new Error(`a worker thread stopped (exit code ${code}) with ${plural(pending, 'learner')} still to assess; FOLIO_WORKERS=0 runs on one thread`));
        }
      });
      // Two batches each, so a worker never waits for the main thread between batches.
      feed(w);
      feed(w);
    }
  });
}
