// Who stands behind witness evidence decides what it counts as (README "Decisions where the
// design was silent"): an expert witness knows the units, is occupationally competent and
// holds an assessment qualification or a role that evaluates staff; undeclared expert evidence counts as ordinary witness testimony.
// Of seed 002's witness status categories only 1 ("occupational expert and assessor") says
// all three; 3 says nothing of assessing, 2 nothing of competence, 4 and 5 nothing of the
// standards. Status and check both ask here, so they cannot disagree.
import type { Evidence, Learner, Witness } from '../model/types.js';
import type { Method } from '../schema/common.js';

/** Witness status categories that make an expert witness. */
export const EXPERT_WITNESS_STATUSES: ReadonlySet<string> = new Set(['1']);

const CATEGORY: Record<string, string> = {
  '1': 'occupational expert and assessor',
  '2': 'assessor without occupational experience',
  '3': 'occupational expert familiar with the standards',
  '4': 'occupational expert not familiar with the standards',
  '5': 'not an expert, not familiar with the standards',
};

/** How an item counts: the method it counts as, or why it cannot count at all. */
export type Standing =
  | { method: Method }
  /** Expert-witness evidence whose witness is not shown to be an expert: ordinary testimony. */
  | { method: 'witness-testimony'; notExpert: string }
  /** Testimony from a witness the portfolio does not list: nobody can say who or what they are. */
  | { unknownWitness: string };

export type WitnessBook = ReadonlyMap<string, Witness>;

const books = new WeakMap<Learner, WitnessBook>();
/** The learner's witnesses by id (the first entry wins, as duplicate-entry reports the rest). */
export function witnessBook(l: Learner): WitnessBook {
  let book = books.get(l);
  if (!book) {
    const m = new Map<string, Witness>();
    for (const w of l.witnesses) if (!m.has(w.id)) m.set(w.id, w);
    books.set(l, (book = m));
  }
  return book;
}

const isWitnessMethod = (m: Method) => m === 'witness-testimony' || m === 'expert-witness';

export function standingOf(e: Evidence, book: WitnessBook | undefined): Standing {
  if (!isWitnessMethod(e.method)) return { method: e.method };
  if (e.witness !== undefined) {
    const w = book?.get(e.witness);
    if (!w) return { unknownWitness: e.witness };
    if (e.method === 'expert-witness' && !(w.status !== undefined && EXPERT_WITNESS_STATUSES.has(w.status))) {
      return { method: 'witness-testimony', notExpert: w.status ? `${w.id} is status ${w.status}, ${CATEGORY[w.status] ?? 'an unknown category'}` : `${w.id} has no status recorded` };
    }
    return { method: e.method };
  }
  // No witness named: check warns (witness-missing); a statement nobody is named behind
  // cannot be shown to come from an expert.
  return e.method === 'expert-witness' ? { method: 'witness-testimony', notExpert: 'no witness is named' } : { method: e.method };
}
