// Small text helpers shared by messages in every layer: "did you mean" suggestions and plurals,
// so that each is worded one way everywhere.

/** "1 unit", "2 units", "0 units"; the plural given when it is not the word plus s. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Edit distance (optimal string alignment: an insertion, deletion, substitution or swap of two
 * neighbouring characters is one edit), for short identifiers. A swap counts once because
 * "2103" for "2130" is one slip of the fingers, not two. */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, before[j - 2]! + 1);
    }
    [before, prev] = [prev, row];
  }
  return prev[b.length]!;
}

/** The candidate closest to value, if it is close enough to be a plausible typo. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const v = value.toLowerCase();
  for (const c of candidates) {
    const d = distance(v, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(value.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}

/** Every candidate at the least distance from value, when that is close enough to be a
 * plausible typo (the same bound as closest), in the candidates' order; none when far. */
export function nearest(value: string, candidates: Iterable<string>): string[] {
  let best: string[] = [];
  let bestD = Infinity;
  const v = value.toLowerCase();
  for (const c of new Set(candidates)) {
    const d = distance(v, c.toLowerCase());
    if (d > Math.max(1, Math.floor(Math.max(value.length, c.length) / 3))) continue;
    if (d < bestD) [best, bestD] = [[c], d];
    else if (d === bestD) best.push(c);
  }
  return best;
}

/** "did you mean "A"?" or "did you mean "A" or "B"?" for the nearest candidates; undefined when
 * none is near. At most three are named: more is a list, not a guess. */
export function didYouMean(value: string, candidates: Iterable<string>, quote = (s: string) => `"${s}"`): string | undefined {
  const near = nearest(value, candidates);
  if (!near.length || near.length > 3) return undefined;
  return `did you mean ${near.length === 1 ? quote(near[0]!) : `${near.slice(0, -1).map(quote).join(', ')} or ${quote(near.at(-1)!)}`}?`;
}

const CRITERION = /^(\d+)[.,: ](\d+)([a-z]?)$/i;

/** The criterion of a unit that a mistyped criterion id most plausibly meant. A criterion id is a
 * number within an outcome, so string distance alone misleads: "4.7" is one edit from "4.1", a
 * different criterion of the same outcome. Near means a comma or space for the dot ("4,7"),
 * outcome and number swapped ("7.4"), or, within the same outcome, the next number up or down
 * ("4.7" for "4.6"). Ids that are not outcome.number fall back to closest. */
export function closestCriterion(value: string, candidates: Iterable<string>): string | undefined {
  const ids = [...candidates];
  const m = CRITERION.exec(value.trim());
  if (!m || !ids.every((id) => CRITERION.test(id))) return closest(value, ids);
  const [, outcome, n, suffix] = m as unknown as [string, string, string, string];
  const plausible = ids.filter((id) => {
    const [, o, k, x] = CRITERION.exec(id) as unknown as [string, string, string, string];
    if (o === outcome && k === n) return true; // the separator, or the letter's case
    if (o === n && k === outcome && x === suffix) return true;
    return o === outcome && Math.abs(Number(k) - Number(n)) === 1 && x === suffix;
  });
  // Each is plausible by its shape already; distance only ranks them ("4.10" and "4.9" are two
  // edits apart, more than closest allows for short ids).
  return plausible.sort((x, y) => distance(value, x) - distance(value, y))[0];
}


/** An exemption's kind in words, the same in every view that shows it. */
export const EXEMPTION_WORDS: Record<'credit-transfer' | 'exemption' | 'rpl', string> = {
  'credit-transfer': 'credit transfer',
  exemption: 'exemption',
  rpl: 'recognition of prior learning',
};
