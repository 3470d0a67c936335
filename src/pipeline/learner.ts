// One learner through parse → schema → model → status → rules → positions. Everything a
// learner needs from the rest of the centre is in the spec context, so learners can be
// assessed one at a time, in any order, on any thread, or taken from the cache; what comes out
// is plain data that no longer refers to the model, with a record of what it depended on.
// learnerStage is the one way a learner is loaded and judged: check and status (through
// assessLearner), history (each commit) and verify all call it, with their own reader and
// the rules they need.
import { pushAll } from '../iter.js';
import { itemKey, type Diagnostic, type Finding } from '../diagnostics.js';
import type { LearnerEntry } from '../load/files.js';
import { loadLearner } from '../load/load.js';
import type { Reader } from '../load/reader.js';
import type { Index } from '../model/index.js';
import { recordAsOf } from '../model/as-of.js';
import type { Learner } from '../model/types.js';
import type { Rule, SpecContext } from '../rules/context.js';
import { RULES } from '../rules/index.js';
import { gapsOf } from '../status/gaps.js';
import { evaluateLearner, scopeOf } from '../status/learner.js';
import { warnFrom } from '../rules/certification-end.js';
import { currentBreak } from '../status/lifecycle.js';
import type { LearnerResult, LearnerSummary } from '../status/types.js';
import { hash, listingKey } from '../cache/key.js';
import type { SourceFile } from '../source.js';
import { resolveAll } from './positions.js';
import { withoutConsequences } from './consequences.js';

/** What a learner's results were computed from, besides its own portfolio. */
export interface Deps {
  /** Spec files the learner's references resolved to. */
  specs: string[];
  /** Folders listed to find evidence files, with a key of what they held. */
  listings: Record<string, string>;
  /** A symbolic link was followed: where it leads is not in any listing, so do not cache. */
  links: boolean;
  /** The latest date in the portfolio: any as-of date on or after it gives the same results. */
  latest: string;
  /** A hash of the portfolio's text as it was read for this assessment (the file may change
   * while a long run goes on: the cache keys the results by what was assessed). */
  text: string;
}

/** One learner as the pipeline hands it on (see the glossary in status/types.ts). */
export interface Assessed {
  /** Undefined when the portfolio could not be read or parsed at all. */
  summary?: LearnerSummary;
  result?: LearnerResult;
  diagnostics: Diagnostic[];
  deps: Deps;
}

/** A learner through load → parse → schema → model → status → the learner rules asked for.
 * source: the portfolio's syntax tree, built only when first used (verify places records by it). */
export function learnerStage(ctx: SpecContext, reader: Reader, entry: LearnerEntry, rules: readonly Rule[] = RULES): { learner?: Learner; result?: LearnerResult; source?: SourceFile; findings: Finding[] } {
  let source: SourceFile | undefined;
  const { learner, findings } = loadLearner(reader, entry, (s) => (source = s));
  if (!learner) return { findings, source };
  const result = evaluateLearner(learner, ctx.index, ctx.specs.centre, ctx.asOf);
  if (rules.some((r) => r.learner)) {
    const lctx = { ...ctx, learner, record: recordAsOf(learner, ctx.asOf), result };
    for (const rule of rules) if (rule.learner) pushAll(findings, rule.learner(lctx));
  }
  const elsewhere = (ctx.specs.centre?.droppedStaff ?? []).map((s) => itemKey(s.loc.file, s.loc.path));
  return { learner, result, source, findings: withoutConsequences(findings, elsewhere) };
}

/** A learner through load → parse → schema → model, and no further: verify asks who wrote each
 * record, not what the learner has achieved, and computing a status it never reads was garbage
 * that raised its peak memory on a large centre. */
export function modelStage(reader: Reader, entry: LearnerEntry): { learner?: Learner; source?: SourceFile } {
  let source: SourceFile | undefined;
  const { learner } = loadLearner(reader, entry, (s) => (source = s));
  return learner ? { learner, source } : { source };
}

export function assessLearner(ctx: SpecContext, reader: Reader, entry: LearnerEntry): Assessed {
  const deps: Deps = { specs: [], listings: {}, links: false, latest: '', text: '' };
  const used = new Set<string>();
  const index = recordingIndex(ctx.index, used);
  const recording = recordingReader(reader, deps, entry.file);
  const { learner, result, findings } = learnerStage({ ...ctx, index }, recording, entry);
  if (!learner || !result) return { diagnostics: resolveAll(reader, findings), deps };
  deps.specs = [...used].sort();
  deps.latest = latestDate(learner, index);
  const diagnostics = resolveAll(reader, findings);
  const summary: LearnerSummary = {
    id: entry.id,
    dir: entry.dir,
    file: entry.file,
    name: result.name,
    assessor: result.assessor,
    uln: result.uln,
    status: result.status,
    gaps: gapsOf(result).length,
    ...(result.withdrawn ? { withdrawn: result.withdrawn.date } : {}),
    ...((b) => (b ? { onBreak: b.from } : {}))(currentBreak(result)),
    optionalUnits: learner.optionalUnits.map((u) => ({ ref: u.ref, path: u.loc.path })),
  };
  return { summary, result, diagnostics, deps };
}

// Every spec a learner's results rest on is reached through the index, so recording its
// lookups records the dependencies. A canonical id depends only on which ids exist, which the
// catalogue key covers, not on the content of the unit.
function recordingIndex(index: Index, used: Set<string>): Index {
  const note = <T extends { loc: { file: string } } | undefined>(x: T) => {
    if (x) used.add(x.loc.file);
    return x;
  };
  return {
    unit: (ref) => note(index.unit(ref)),
    qualification: (ref) => note(index.qualification(ref)),
    canonical: (ref) => index.canonical(ref),
  };
}

/** The reader as the load stage uses it, noting what a learner's result rests on: the
 * portfolio's text as read, each folder listed, and any link resolved (the report's cached
 * records rest on the same). */
export function recordingReader(reader: Reader, deps: Pick<Deps, 'listings' | 'links' | 'text'>, portfolio: string): Reader {
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

// With the days the certification-end warning changes on, so a cached result is not reused
// across them.
export function latestDate(l: Learner, index: Index): string {
  let latest = l.registered ?? '';
  const see = (d: string | undefined) => {
    if (d !== undefined && d > latest) latest = d;
  };
  for (const e of l.evidence) {
    see(e.date);
    see(e.assessment?.date);
  }
  for (const s of l.signoffs) see(s.date);
  for (const r of l.iqa) see(r.date);
  see(l.withdrawn?.date);
  for (const b of l.breaks) {
    see(b.from);
    see(b.to);
  }
  for (const e of l.exemptions) see(e.date);
  for (const c of l.claims) see(c.date);
  const scope = scopeOf(l, index);
  for (const end of [scope.qualification?.certificationEnd, ...scope.units.map((u) => index.unit(u)?.certificationEnd)]) {
    if (end === undefined) continue;
    see(warnFrom(end));
    see(end);
  }
  return latest;
}
