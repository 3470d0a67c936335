// A learner's record at one commit, as the facts a timeline is made of: each criterion's
// status, each unit's status and sign-off, each assessment decision and IQA record, the
// qualification's status. Two states side by side say what a commit changed.
import type { Learner } from '../model/types.js';
import type { LearnerResult } from '../status/types.js';

/** What a fact is about, for messages and JSON: the unit, the criterion or evidence item. */
export interface Subject {
  unit?: string;
  criterion?: string;
  evidence?: string;
}

export interface Fact extends Subject {
  /** folder: the learner's folder name; file: the portfolio could not be read at this commit. */
  kind: 'criterion' | 'unit' | 'signoff' | 'decision' | 'iqa' | 'qualification' | 'folder' | 'file';
  /** What it is at this commit, in words that compare: "met", "accepted by a.jones on 2026-03-06". */
  value: string;
}

export type State = Map<string, Fact>;

export function stateOf(learner: Learner, result: LearnerResult, canonical: (ref: string) => string): State {
  const s: State = new Map();
  const put = (key: string, f: Fact) => s.set(key, f);
  put('qualification', { kind: 'qualification', value: result.status });
  for (const u of result.units) {
    put(`unit ${u.id}`, { kind: 'unit', unit: u.id, value: u.status });
    if (u.signoff) put(`signoff ${u.id}`, { kind: 'signoff', unit: u.id, value: `by ${u.signoff.by} on ${u.signoff.date}` });
    for (const c of u.criteria) put(`criterion ${u.id} ${c.id}`, { kind: 'criterion', unit: u.id, criterion: c.id, value: c.status });
  }
  for (const e of learner.evidence) {
    const a = e.assessment;
    if (a) put(`decision ${e.id}`, { kind: 'decision', evidence: e.id, value: `${a.decision} by ${a.by} on ${a.date}` });
  }
  learner.iqa.forEach((r) => {
    const unit = canonical(r.unitRef);
    // An IQA record is known by its unit, date and stage; a second one that day is another record.
    let key = `iqa ${unit} ${r.date} ${r.stage}`;
    for (let n = 2; s.has(key); n++) key = `iqa ${unit} ${r.date} ${r.stage} ${n}`;
    put(key, { kind: 'iqa', unit, value: `${r.stage} ${r.decision} by ${r.by} on ${r.date}` });
  });
  return s;
}

export interface Change extends Subject {
  kind: Fact['kind'];
  /** undefined when the fact is new at this commit. */
  from?: string;
  /** undefined when the fact is gone at this commit. */
  to?: string;
}

/**
 * What a commit changed: the facts that differ from every parent, as git's combined diff
 * shows a merge. A commit on a branch shows its own changes; the merge that brings them in
 * shows only what it decided itself (a conflict resolved one way or the other).
 */
export function changes(state: State, parents: State[]): Change[] {
  const before = parents.length ? parents : [new Map() as State];
  const keys = new Set<string>([...state.keys(), ...before.flatMap((p) => [...p.keys()])]);
  const out: Change[] = [];
  for (const key of keys) {
    const now = state.get(key);
    if (!before.every((p) => p.get(key)?.value !== now?.value)) continue;
    const was = before[0]!.get(key);
    const f = (now ?? was)!;
    out.push({ kind: f.kind, unit: f.unit, criterion: f.criterion, evidence: f.evidence, from: was?.value, to: now?.value });
  }
  return out;
}
