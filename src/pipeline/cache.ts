// The pipeline's use of the cache. Specs: one entry keyed by the content of every spec file
// and the centre file. Learners: one entry keyed by the portfolio's content, holding what the
// results were computed from (the spec files its references resolved to, the list of known
// ids, the centre file, the listings of its evidence folders, the date range for which the
// as-of date makes no difference); an entry whose dependencies changed is not used. Keys
// include folio's own code, so a new build never reads an old build's entries.
import type { Diagnostic } from '../diagnostics.js';
import type { LearnerEntry } from '../load/files.js';
import type { Reader } from '../load/reader.js';
import { specsFromPlain, specsToPlain, type PlainSpecs } from '../model/serial.js';
import type { Index } from '../model/index.js';
import type { Specs } from '../model/types.js';
import type { LearnerResult, LearnerSummary } from '../status/types.js';
import { codeId, hash, listingKey } from '../cache/key.js';
import { headEntry, learnerResult, parseAs, specsEntry } from '../cache/shape.js';
import type { CacheStore } from '../cache/store.js';
import type { Assessed } from './learner.js';

// A criterion's wording is most of a result's size and is already in the spec the entry
// depends on: cached results leave it out and get it back, criterion by criterion in the
// order the unit lists them, as evaluateUnit produced them.
function withWording(r: LearnerResult, index: Index): LearnerResult {
  for (const u of r.units) {
    const spec = index.unit(u.id);
    const criteria = spec ? spec.outcomes.flatMap((o) => o.criteria) : [];
    u.criteria.forEach((c, i) => {
      const text = criteria[i]?.text;
      if (text !== undefined) c.text = text;
    });
  }
  return r;
}

export interface AssessedSpecs {
  specs: Specs;
  diagnostics: Diagnostic[];
  /** A key of which ids exist, which a learner's unknown references and suggestions depend on. */
  catalogue: string;
}

export class SpecCache {
  readonly hashes = new Map<string, string>();
  private key = '';

  constructor(
    reader: Reader,
    files: string[],
    private store: CacheStore | undefined,
  ) {
    if (!store) return;
    for (const f of files) {
      let text: string;
      try {
        text = reader.read(f);
      } catch {
        text = '\0unreadable';
      }
      this.hashes.set(f, hash(text));
    }
    this.key = hash(codeId(), 'specs', ...files.flatMap((f) => [f, this.hashes.get(f)!]));
  }

  get(): AssessedSpecs | undefined {
    const text = this.store?.read('specs', this.key);
    if (!text) return undefined;
    try {
      const e = parseAs<{ specs: PlainSpecs; diagnostics: Diagnostic[]; catalogue: string }>(specsEntry, text);
      if (!e) return undefined;
      return { specs: specsFromPlain(e.specs), diagnostics: e.diagnostics, catalogue: e.catalogue };
    } catch {
      return undefined;
    }
  }

  put(a: { specs: Specs; diagnostics: Diagnostic[] }): AssessedSpecs {
    const out = { ...a, catalogue: catalogueKey(a.specs) };
    this.store?.write('specs', this.key, JSON.stringify({ specs: specsToPlain(a.specs), diagnostics: a.diagnostics, catalogue: out.catalogue }));
    return out;
  }
}

export function catalogueKey(specs: Specs): string {
  return hash(
    ...specs.units.map((u) => `u ${u.loc.file} ${u.id} ${u.aliases.join(',')}`),
    ...specs.qualifications.map((q) => `q ${q.loc.file} ${q.id}`),
    ...[...specs.unreadableSpecs].sort().map((id) => `x ${id}`),
  );
}

interface HeadEntry {
  asOf: string;
  latest: string;
  deps: { specs: Record<string, string>; catalogue: string; centre: string; listings: Record<string, string> };
  head: LearnerSummary;
  diagnostics: Diagnostic[];
  result: string;
}

export interface Context {
  asOf: string;
  /** For putting back what a cached result leaves out: the wording of each criterion (not
   * needed to write entries, as worker threads do). */
  index?: Index;
  specs: Map<string, string>;
  catalogue: string;
  centre: string;
}

/** A Context as it crosses to a worker thread. */
export interface WireContext {
  asOf: string;
  specs: [string, string][];
  catalogue: string;
  centre: string;
}

export const fromWire = (w: WireContext): Context => ({ ...w, specs: new Map(w.specs) });

export class LearnerCache {
  constructor(
    private reader: Reader,
    private store: CacheStore | undefined,
    private ctx: Context,
    /** How to assess a learner again when a result read back later is gone or corrupt. */
    private reassess?: (entry: LearnerEntry) => LearnerResult | undefined,
  ) {}

  /** What another thread needs to write entries like this one does. */
  context(): WireContext {
    const { asOf, specs, catalogue, centre } = this.ctx;
    return { asOf, specs: [...specs], catalogue, centre };
  }

  // A learner's head entry (summary and findings) is found by its portfolio's content (and the ids and centre file it was
  // assessed with, so views of other commits keep their own); it says what else it rests on.
  private headKey(file: string, textHash: string): string {
    return hash(codeId(), 'learner', file, textHash, this.ctx.catalogue, this.ctx.centre);
  }

  /** A learner's entry if it is still valid. withResult: 'now' reads the result at once (a
   * report shows few learners), 'lazy' makes sure it is there and reads it when asked, 'no'
   * reads it only if something asks (a check). */
  get(entry: LearnerEntry, withResult: 'now' | 'lazy' | 'no'): { summary: LearnerSummary; result: LearnerResult | (() => LearnerResult); diagnostics: Diagnostic[] } | undefined {
    if (!this.store) return undefined;
    let text: string;
    try {
      text = this.reader.read(entry.file);
    } catch {
      return undefined;
    }
    const raw = this.store.read('head', this.headKey(entry.file, hash(text)));
    if (!raw) return undefined;
    // Shape first: an entry of the wrong shape is a miss, like one with the wrong MAC.
    const e = parseAs<HeadEntry>(headEntry, raw);
    try {
      if (!e || !this.valid(e)) return undefined;
    } catch {
      return undefined;
    }
    const load = this.loader(entry, e.result);
    if (withResult === 'lazy' && !this.store.has('result', e.result)) return undefined;
    if (withResult !== 'now') return { summary: e.head, result: load, diagnostics: e.diagnostics };
    try {
      return { summary: e.head, result: load(), diagnostics: e.diagnostics };
    } catch {
      return undefined;
    }
  }

  /** Write a learner's entry; returns the key of its result, or undefined if not written. */
  put(entry: LearnerEntry, a: Assessed): string | undefined {
    if (!this.store || !a.summary || !a.result || a.deps.links || !a.deps.text) return undefined;
    const { asOf } = this.ctx;
    const specs: Record<string, string> = {};
    for (const f of a.deps.specs) specs[f] = this.ctx.specs.get(f) ?? '';
    const head = this.headKey(entry.file, a.deps.text);
    // The result is addressed by everything it was computed from, so no other run's result,
    // from other specs or another day, can ever be written under its key.
    const result = hash(head, JSON.stringify(specs), JSON.stringify(a.deps.listings), asOf >= a.deps.latest ? `from ${a.deps.latest}` : `at ${asOf}`);
    const e: HeadEntry = {
      asOf,
      latest: a.deps.latest,
      deps: { specs, catalogue: this.ctx.catalogue, centre: this.ctx.centre, listings: a.deps.listings },
      head: a.summary,
      diagnostics: a.diagnostics,
      result,
    };
    const written = this.store.write('result', result, JSON.stringify(a.result, (k, v: unknown) => (k === 'text' ? undefined : v)));
    if (written) this.store.write('head', head, JSON.stringify(e));
    return written ? result : undefined;
  }

  /** How to read a written result back, when a report asks for it. */
  loader(entry: LearnerEntry, resultKey: string): () => LearnerResult {
    return () => {
      try {
        const r = this.store?.read('result', resultKey);
        const parsed = r ? parseAs<LearnerResult>(learnerResult, r) : undefined;
        if (parsed) return this.ctx.index ? withWording(parsed, this.ctx.index) : parsed;
      } catch {
        // corrupt: assessed again below
      }
      // Deleted or damaged since the run began (another process, git clean): assess again.
      const again = this.reassess?.(entry);
      if (!again) throw new Error(`the result of ${entry.id} could not be read back from .folio-cache, and its portfolio no longer loads: run again`);
      return again;
    };
  }

  // Results do not depend on the as-of date once it is on or after every date in the
  // portfolio, so yesterday's entry still serves today.
  private valid(e: HeadEntry): boolean {
    const { asOf, specs, catalogue, centre } = this.ctx;
    if (e.asOf !== asOf && !(e.asOf >= e.latest && asOf >= e.latest)) return false;
    if (e.deps.catalogue !== catalogue || e.deps.centre !== centre) return false;
    for (const [f, h] of Object.entries(e.deps.specs)) if (specs.get(f) !== h) return false;
    for (const [dir, k] of Object.entries(e.deps.listings)) if (listingKey(this.reader.list(dir)) !== k) return false;
    return true;
  }
}
