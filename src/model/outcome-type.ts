// How an outcome's type is read from its title when the spec does not state it (README "Unit
// specification" and "Importing unit specifications"). The model uses it for a spec's
// unstated type and folio import for a form's titles, so both read a title the same way.
import type { OUTCOME_TYPES } from '../schema/common.js';

export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** "Be able to…" is performance; "Understand…" or "Know…" is knowledge; any other title leaves
 * the type unstated (null) rather than guessed. */
export function outcomeTypeOf(title: string | null | undefined): OutcomeType | null {
  if (!title) return null;
  if (/^be able to\b/i.test(title)) return 'performance';
  if (/^(understand|know)\b/i.test(title)) return 'knowledge';
  return null;
}
