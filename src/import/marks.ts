// The marks a form puts around a criterion's number and after its text, in the many ways
// awarding bodies print them: "1.1", "1.1.", "1.1)", "(1.1)", "AC 1.1", "• 1.1", and the
// tick-box columns of a recording form ("☐ O ☐ Q ☐ WT ☐ WP") with the legend that names them
// ("O = Observation  Q = Questioning"). A number's brackets are never part of the text, and
// tick boxes are methods (when ticked) or furniture, never a criterion's words.
import { methodOf } from './methods.js';
import type { Method } from '../schema/common.js';

const NUMBER = String.raw`\d{1,3}(?:\.\d{1,3}){1,2}`;
const SHAPE = new RegExp(String.raw`^(?:AC\s*)?(?:[•·▪◦‣]\s*)?(?:\((${NUMBER})\)|(${NUMBER})(?:\s?\)|\.(?=\s|$))?)\s*(?:[:\-–]\s+)?(.*)$`, 'i');

/** A criterion line: [line, number, text]. "(1.1) Describe …" and "1.1) Describe …" give the
 * same number and text as "1.1 Describe …". */
export const CRITERION = {
  exec(text: string): RegExpExecArray | null {
    const m = SHAPE.exec(text);
    if (!m) return null;
    return Object.assign([m[0], (m[1] ?? m[2])!, m[3]!], { index: 0, input: text }) as RegExpExecArray;
  },
  test(text: string): boolean {
    return SHAPE.test(text);
  },
};

/** A cell or column that starts with a criterion's number and has text after it. */
export const CRITERION_START = new RegExp(String.raw`^(?:AC\s*)?(?:\(${NUMBER}\)|${NUMBER}[.)]?)\s+\S`, 'i');
/** The same, found inside a printed line (the right-hand column of a two-column page). */
export const CRITERION_AT = new RegExp(String.raw`(?<=\S {2,}| {2,})(?:AC\s*)?(?:\(\d{1,3}\.\d{1,3}\)|\d{1,3}\.\d{1,3}[.)]?)\s+\S`, 'gi');

const EMPTY_BOX = '☐□▢❑';
const TICKED_BOX = '☑☒■✓✔✗✘';
const BOX = new RegExp(`^[${EMPTY_BOX}${TICKED_BOX}]$`);
const CODE = /^[A-Z]{1,4}$/;

export interface TickBoxes {
  /** The text without its tick-box columns. */
  text: string;
  /** The codes whose box is ticked ("WT" of "☒ WT"). */
  ticked: string[];
}

/** Take the tick-box columns off the end of a line: boxes, each with its short code before or
 * after it. Nothing is taken unless at least one box stands there. */
export function tickBoxes(text: string): TickBoxes {
  // boxes typed as brackets: "[ ] O [x] Q"
  const words = text.replace(/\[\s?\]/g, '☐').replace(/\[[xX✓✔]\]/g, '☒').split(/\s+/);
  let boxes = 0;
  const ticked: string[] = [];
  let end = words.length;
  const isBox = (w: string) => BOX.test(w) || /^[☐☑☒□▢❑■✓✔][A-Z]{1,4}$/.test(w);
  while (end > 0) {
    const w = words[end - 1]!;
    if (isBox(w)) {
      boxes++;
      const code = w.length > 1 ? w.slice(1) : words[end]; // "☒WT", or the code after the box
      if (TICKED_BOX.includes(w[0]!) && code && CODE.test(code)) ticked.push(code);
      end--;
    } else if (CODE.test(w) && end >= 2 && isBox(words[end - 2]!)) end--;
    else if (CODE.test(w) && boxes && end < words.length && isBox(words[end]!)) end--; // "O ☐ Q ☐": the code before its box
    else break;
  }
  if (!boxes) return { text, ticked: [] };
  return { text: words.slice(0, end).join(' '), ticked: ticked.reverse() };
}

/** A line of tick boxes and codes only, or of column codes over them: furniture. */
export function isTickRow(text: string): boolean {
  const t = tickBoxes(text);
  return t.text === '' && text.trim() !== '';
}

const LEGEND_ITEM = /\b([A-Z]{1,4})\s*(?:=|–|-|:)\s*([A-Za-z][A-Za-z' ]*?[a-z])(?=\s*(?:[,;|/]|\s{2,}|\s+[A-Z]{1,4}\s*(?:=|–|-|:)\s|$))/g;

/** "O = Observation, Q = Questioning, WT = Witness testimony": two or more codes, each naming an
 * evidence method, and nothing else on the line. Undefined when the line is not a legend. */
export function methodLegend(text: string): Map<string, Method> | undefined {
  const body = text.replace(/^(?:key|legend|assessment methods?|methods?(?: of assessment)?)\s*[:\-–]?\s*/i, '');
  const items = [...body.matchAll(LEGEND_ITEM)];
  if (items.length < 2) return undefined;
  const map = new Map<string, Method>();
  for (const m of items) {
    const method = methodOf(m[2]!);
    if (!method) return undefined;
    map.set(m[1]!, method);
  }
  const rest = items.reduce((t, m) => t.replace(m[0], ''), body).replace(/[\s,;|/.()]+/g, '');
  return rest === '' ? map : undefined;
}
