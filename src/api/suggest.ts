// "Did you mean" for what a user names in a call or on the command line: a learner, a staff
// member, a unit, a qualification. The library works the suggestion out, so a UsageError's
// message carries it and every front end shows the same; the nearness is check's own (text.ts),
// so a key, an id in a file and an id on the command line are guessed alike.
import { listLearners } from '../load/files.js';
import type { Specs } from '../model/types.js';
import { visible } from '../render/safe.js';
import { didYouMean } from '../text.js';
import type { Centre } from './centre.js';

const quote = (s: string) => `"${visible(s)}"`;

/** The message for learners named who have no folder in portfolios/, with the nearest folder
 * names when some are near. */
export function noSuchLearner(ids: string[], reader?: Centre['reader']): string {
  const known = reader ? listLearners(reader).map((e) => e.id) : [];
  const guesses = ids.flatMap((id) => {
    const guess = didYouMean(id, known, quote);
    return guess ? [ids.length === 1 ? guess : `for ${visible(id)}, ${guess}`] : [];
  });
  const named = 'a learner is named by the folder that holds their portfolio.yaml';
  return `no learner ${ids.map(visible).join(', ')} in portfolios/: ${guesses.length ? `${guesses.join('; ')} (${named})` : named}`;
}

/** "did you mean …?" among the staff ids (with the role, when one is needed), or undefined. */
export function staffGuess(specs: Specs, id: string, role?: string): string | undefined {
  const staff = [...(specs.centre?.staff.values() ?? [])].filter((s) => !role || s.roles.has(role));
  return didYouMean(id, staff.map((s) => s.id), quote);
}

/** "did you mean …?" among the unit numbers and aliases (and qualification numbers, when they
 * may be meant too), or undefined. */
export function specGuess(specs: Specs, ref: string, qualifications = false): string | undefined {
  const ids = [...specs.units.flatMap((u) => [u.id, ...u.aliases]), ...(qualifications ? specs.qualifications.map((q) => q.id) : [])];
  return didYouMean(ref, ids, quote);
}

/** "did you mean …?" among the qualification numbers, or undefined. */
export function qualificationGuess(specs: Specs, ref: string): string | undefined {
  return didYouMean(ref, specs.qualifications.map((q) => q.id), quote);
}
