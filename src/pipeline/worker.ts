// A worker thread's side of pipeline/workers.ts: it makes its own reader of the same folder
// and its own copy of the specs, then assesses the learners it is sent, batch by batch.
import { parentPort, workerData } from 'node:worker_threads';
import type { LearnerEntry } from '../load/files.js';
import { fsReader } from '../load/reader.js';
import { buildIndex } from '../model/index.js';
import { specsFromPlain, type PlainSpecs } from '../model/serial.js';
import { assessLearner } from './learner.js';

const data = workerData as { root: string; asOf: string; specs: PlainSpecs };
const specs = specsFromPlain(data.specs);
const ctx = { specs, index: buildIndex(specs), asOf: data.asOf };
const reader = fsReader(data.root);

parentPort!.on('message', (batch: { at: number; entries: LearnerEntry[] }) => {
  parentPort!.postMessage({ at: batch.at, assessed: batch.entries.map((e) => assessLearner(ctx, reader, e)) });
});
