// A worker thread's side of pipeline/workers.ts: it makes its own reader of the same folder,
// its own copy of the specs and of the cache, then assesses the learners it is sent, batch by
// batch. It writes each learner's cache entry itself and sends back the full result only when
// the command will show it: a check of thousands of learners moves only summaries and findings.
import { parentPort, workerData } from 'node:worker_threads';
import { fsCache, type WireCache } from '../cache/store.js';
import type { LearnerEntry } from '../load/files.js';
import { fsReader } from '../load/reader.js';
import { buildIndex } from '../model/index.js';
import { specsFromPlain, type PlainSpecs } from '../model/serial.js';
import { fromWire, LearnerCache, type WireContext } from './cache.js';
import { assessLearner } from './learner.js';

const data = workerData as { root: string; asOf: string; specs: PlainSpecs; results: boolean; cache?: WireContext & WireCache };
const specs = specsFromPlain(data.specs);
const ctx = { specs, index: buildIndex(specs), asOf: data.asOf };
const reader = fsReader(data.root);
const cache = data.cache ? new LearnerCache(reader, fsCache(data.cache.root, { key: Buffer.from(data.cache.key, 'hex'), checked: true }), fromWire(data.cache)) : undefined;

parentPort!.on('message', (batch: { at: number; entries: LearnerEntry[] }) => {
  const done = batch.entries.map((e) => {
    const a = assessLearner(ctx, reader, e);
    const written = cache?.put(e, a);
    // A result not written to the cache (a learner whose evidence goes through a symbolic
    // link, a cache that cannot be written) is sent back whatever the command shows.
    return { assessed: data.results || !written ? a : { ...a, result: undefined }, written };
  });
  parentPort!.postMessage({ at: batch.at, done });
});
