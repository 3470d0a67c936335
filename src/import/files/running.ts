// Running headers, footers and page numbers of a printed document: they stand between the
// last line of one page and the first of the next, often in the middle of a criterion, so
// they are taken out before the form is read. A line is running when it stands at the same
// place (counted from the top or the bottom of the page) on at least two pages and on at
// least half of them, digits aside ("Page 3 of 12" and "Page 4 of 12" are the same line). A
// unit header repeated on every page ("Unit 01 … (cont'd)") is kept where it first stands,
// since it opens the unit, and taken out where it repeats. A page number alone at the top or
// bottom of a page (its first or last line) goes too.
//
// Lines taken out become a lone form feed, which the form reader skips like any page break
// without ending a paragraph, so every other line keeps its line number in the form.
import { CONTD, CRITERION, OUTCOME_LABELLED, OUTCOME_NUMBERED, unitHeader } from '../lines.js';

/** How many lines at the top and bottom of a page may be running. */
const ZONE = 3;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;
export const DROPPED = '\f';

/** A criterion or outcome line is the same line elsewhere only word for word: "AC 2.2" at the
 * foot of one page and "AC 3.5" at the foot of another are content, not a footer. */
const shape = (line: string) => {
  const t = line.replace(/\s+/g, ' ').trim();
  return CRITERION.test(t) || OUTCOME_LABELLED.test(t) || OUTCOME_NUMBERED.test(t) ? t : t.replace(/\d+/g, '#').toLowerCase();
};

const blank = (l: string) => l.trim() === '';

export function dropRunning(pages: string[][]): string[][] {
  const counts = new Map<string, Set<number>>();
  const keysOf = (page: string[]) => {
    const content = page.map((l, i) => [l, i] as const).filter(([l]) => !blank(l));
    const top = content.slice(0, ZONE).map(([l, i], k) => [`t${k}:${shape(l)}`, i, k] as const);
    const bottom = content.slice(-ZONE).reverse().map(([l, i], k) => [`b${k}:${shape(l)}`, i, k] as const);
    return [...top, ...bottom];
  };
  pages.forEach((page, n) => {
    for (const [key] of keysOf(page)) counts.set(key, (counts.get(key) ?? new Set()).add(n));
  });
  const running = (key: string) => {
    const on = counts.get(key)?.size ?? 0;
    return on >= 2 && on * 2 >= pages.length;
  };
  const headers = new Set<string>();
  return pages.map((page) => {
    const drop = new Set<number>();
    for (const [key, i, k] of keysOf(page)) {
      const line = page[i]!.trim();
      const header = unitHeader(line) ? line.replace(CONTD, ' ').replace(/\s+/g, ' ').trim() : undefined;
      if (header !== undefined) {
        if (headers.has(header)) drop.add(i);
        headers.add(header);
      } else if (running(key) || (k === 0 && PAGE_NUMBER.test(line))) drop.add(i);
    }
    const out = page.map((l, i) => (drop.has(i) ? DROPPED : l));
    // the gaps a header or footer left are not paragraph breaks
    for (let i = 0; i < out.length && (blank(out[i]!) || out[i] === DROPPED); i++) out[i] = DROPPED;
    for (let i = out.length - 1; i >= 0 && (blank(out[i]!) || out[i] === DROPPED); i--) out[i] = DROPPED;
    return out;
  });
}

/** A text form with form feeds between its pages, with its running lines taken out; the
 * same number of lines. */
export function dropRunningText(text: string): string {
  if (!text.includes('\f')) return text;
  const lines = text.split(/\r\n|\r|\n/);
  const pages: string[][] = [[]];
  for (const line of lines) {
    if (line.includes('\f')) pages.push([]);
    pages[pages.length - 1]!.push(line.replace(/\f/g, ''));
  }
  return dropRunning(pages).flat().join('\n');
}
