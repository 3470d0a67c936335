// The cache, worker threads and result storage are wrappers around the pipeline's pure core
// (assessAll): whatever path analyse takes, it returns the same plain data, and the same full
// results, read back one at a time.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsCache } from '../src/cache/store.js';
import { fsReader } from '../src/load/reader.js';
import { assessAll } from '../src/pipeline/assess.js';
import { analyse, type Analysed } from '../src/pipeline/index.js';
import { gapPosition } from '../src/pipeline/positions.js';
import { gapsOf } from '../src/status/gaps.js';
import { FIXTURES } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-pipeline-'));
  cpSync(`${FIXTURES}centre`, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const AS_OF = '2026-06-30';
// JSON drops the undefined fields a fresh summary has and a cached one leaves out.
const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v)));
const view = ({ analysis, results }: Analysed) => ({ analysis: plain({ ...analysis, cached: 0 }), results: plain([...results.of(analysis.learners)]) });

describe('analyse around assessAll', () => {
  it('returns what the pure core returns, with no cache, a cold cache, a warm one, and results read back from the cache', async () => {
    const core = view(await assessAll(fsReader(dir), { asOf: AS_OF, results: true }));
    expect(core.analysis.learners.length).toBeGreaterThan(3);
    expect(view(await analyse(fsReader(dir), { asOf: AS_OF, results: true }))).toEqual(core);
    const cold = await analyse(fsReader(dir), { asOf: AS_OF, results: true, cache: fsCache(dir), keepInMemory: 0 });
    expect(cold.analysis.cached).toBe(0);
    expect(view(cold)).toEqual(core);
    for (const keepInMemory of [0, 500]) {
      const warm = await analyse(fsReader(dir), { asOf: AS_OF, results: true, cache: fsCache(dir), keepInMemory });
      expect(warm.analysis.cached).toBe(core.analysis.learners.length + core.analysis.unreadable.length);
      expect(view(warm)).toEqual(core);
    }
  });

  it('keeps an analysis plain: no functions or getters anywhere in it', async () => {
    const { analysis } = await analyse(fsReader(dir), { asOf: AS_OF, results: true, cache: fsCache(dir), keepInMemory: 0 });
    const walk = (x: unknown, seen = new Set<unknown>()): void => {
      if (x === null || typeof x !== 'object' || seen.has(x)) return;
      seen.add(x);
      for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(x))) {
        expect(d.get, k).toBeUndefined();
        expect(typeof d.value, k).not.toBe('function');
        walk(d.value, seen);
      }
      if (x instanceof Map) for (const [k, v] of x) (walk(k, seen), walk(v, seen));
      if (x instanceof Set) for (const v of x) walk(v, seen);
    };
    walk(analysis);
  });

  it('places a gap through the one resolver, at the learner\'s qualification line or their choice of the unit', async () => {
    const reader = fsReader(dir);
    const { analysis, results } = await analyse(reader, { asOf: AS_OF, results: true });
    const gaps = analysis.learners.flatMap((l) => gapsOf(results.get(l.id)));
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) {
      const at = gapPosition(reader, analysis, g);
      expect(at.file).toBe(analysis.learners.find((l) => l.id === g.learner)!.file);
      expect(at.line).toBeGreaterThan(0);
    }
    expect(gapPosition(reader, analysis, { ...gaps[0]!, learner: 'nobody' })).toEqual({ file: '', line: 0, column: 0 });
  });
});
