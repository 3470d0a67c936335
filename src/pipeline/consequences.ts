// One mistake, one finding: a typo in an evidence item (a bad method, an unknown witness, a
// missing file) also leaves criteria unmet, so a sign-off looks premature and an IQA record
// samples an item that is not there. Those findings say nothing the user can act on beyond
// fixing the item, so a finding whose every reason (Finding.follows) is an item already
// reported as an error is left out, not marked: the report then lists only what to fix, and
// fixing it brings back any finding that still holds. Worked out per learner, before
// positions, from the findings' targets and data: never from their wording.
import { CODES, itemKey, type Finding } from '../diagnostics.js';

/** elsewhere: keys of items reported in another file (a staff entry of the centre file that the
 * schema left out, which is always reported there). */
export function withoutConsequences(findings: Finding[], elsewhere: readonly string[] = []): Finding[] {
  if (!findings.some((f) => f.follows)) return findings;
  const reported = new Set<string>(elsewhere);
  for (const f of findings) {
    const path = f.target.path;
    if (f.follows || (f.severity ?? CODES[f.code].severity) !== 'error' || !path || typeof path[1] !== 'number') continue;
    reported.add(itemKey(f.target.file, path));
  }
  return findings.filter((f) => !f.follows?.length || !f.follows.every((group) => group.some((k) => reported.has(k))));
}
