// Seed 002's N/SVQ forms print, above the performance criteria, a grid whose columns are the
// underpinning knowledge items (U/K a, b, c …) and the evidence requirements (1 … 8, some
// split into 4a, 4b …). Extraction leaves one cell per line ("\ta", or "\t" for an empty
// cell) and an empty line between rows. Each list becomes an outcome of type knowledge whose
// criteria have no text (README "Decisions where the design was silent").
//
// Two shapes occur. Either one row holds the letters and the numbers (unit 101), or a first
// row holds the numbers and a second row the letters: first the U/K run, then, for each
// evidence requirement in turn, an empty cell (no sub-items) or a run a, b, c … of its
// sub-items; cells after the last requirement belong to the location column.

export interface Grid {
  knowledge: string[];
  requirements: string[];
}

const LETTER = /^[a-z]$/;
const NUMBER = /^\d{1,2}$/;

/** Read the grid from its rows of cells; undefined when the rows do not fit either shape. */
export function readGrid(rows: string[][], hasKnowledge: boolean): Grid | undefined {
  const numbers = rows.flat().filter((c) => NUMBER.test(c)).map(Number);
  if (!numbers.length) return undefined;
  const count = Math.max(...numbers);
  if (numbers.length !== count || numbers.some((n, i) => n !== i + 1)) return undefined;
  const letterRows = rows.filter((r) => r.some((c) => LETTER.test(c)));
  const plain = Array.from({ length: count }, (_, i) => String(i + 1));
  if (!letterRows.length) return { knowledge: [], requirements: plain };
  if (letterRows.length > 1) return undefined;
  const row = letterRows[0]!;
  if (row.some((c) => NUMBER.test(c))) {
    const letters = row.filter((c) => LETTER.test(c));
    return { knowledge: hasKnowledge ? letters : [], requirements: plain };
  }
  let i = 0;
  const knowledge: string[] = [];
  if (hasKnowledge) {
    // empty cells under the "Standards" column come first
    while (i < row.length && row[i] === '') i++;
    const run = takeRun(row, i);
    knowledge.push(...run);
    i += run.length;
  }
  const requirements: string[] = [];
  for (let n = 1; n <= count; n++) {
    if (i >= row.length) return undefined;
    if (row[i] === '') {
      requirements.push(String(n));
      i++;
      continue;
    }
    const run = takeRun(row, i);
    if (!run.length) return undefined;
    requirements.push(...run.map((l) => `${n}${l}`));
    i += run.length;
  }
  if (row.slice(i).some((c) => c !== '')) return undefined;
  return { knowledge, requirements };
}

/** A run of consecutive letters from "a": a, b, c … */
function takeRun(row: string[], from: number): string[] {
  const run: string[] = [];
  for (let i = from; i < row.length; i++) {
    const expected = String.fromCharCode(97 + run.length);
    if (row[i] !== expected) break;
    run.push(row[i]!);
  }
  return run;
}
