// How each line of a form is recognised: unit headers, fields, outcomes, criteria, lists and
// sub-items, for every layout folio reads. kinds.ts decides what a line means in context;
// this file only says what a line looks like.
import type { ImportedOutcome } from './types.js';

export type Field = 'unit' | 'alias' | 'title' | 'level' | 'credits' | 'glh' | 'ssa' | 'withdrawal';

export const CONTD = /\s*\((cont['’]?d|continued)\)\s*/gi;
export const URN = String.raw`[A-Z]\/\d{3}\/\d{4}`;
export const UNIT_HEADERS: { re: RegExp; pick: (m: RegExpExecArray) => { id: string | null; title: string; aliases: string[] } }[] = [
  // seed 000: "Unit 01 Principles of customer service and delivery (Y/507/5967)"
  // (the awarding body's number after "Unit" is one of the unit's numbers: an alias)
  { re: new RegExp(String.raw`^Unit\s+(\d{1,3})\s*[:.\-–]?\s+(.+?)\s*\((${URN})\)$`, 'i'), pick: (m) => ({ id: m[3]!, title: m[2]!, aliases: [m[1]!] }) },
  // seed 001 and web pages: "A/506/2130 Deliver customer service - Mandatory Unit", "Unit: A/506/2158 …"
  { re: new RegExp(String.raw`^(?:Unit\s*(?:\d{1,3}\s*)?[:.\-–]?\s*)?(${URN})\b\s*[:.\-–]?\s*(.*)$`), pick: (m) => ({ id: m[1]!, title: m[2]!, aliases: [] }) },
  // SVQ: "Unit 1FOH2/10 (F93L 04) Deal with customers face to face"
  { re: /^Unit\s+([0-9A-Z]{2,}\/[0-9A-Z]{1,4})\s*\(([^)]+)\)\s*[:.\-–]?\s*(.*)$/, pick: (m) => ({ id: m[1]!, title: m[3]!, aliases: [m[2]!.trim()] }) },
  // an awarding body's code with the unit's other code in brackets: "Unit 2GEN3 (H7R1 04)"
  { re: /^Unit\s+((?=[0-9A-Z]*\d)[0-9A-Z]{2,8})\s*\(([^)]+)\)\s*[:.\-–]?\s*(.*)$/, pick: (m) => ({ id: m[1]!, title: m[3]!, aliases: [m[2]!.trim()] }) },
  // a National Occupational Standard headed by its code: "SCDHSC0236 Support individuals …"
  { re: /^([A-Z]{4,8}\d{3,5})\s+([A-Z].*?)(?:\s{3,}\d{1,3})?$/, pick: (m) => ({ id: m[1]!, title: m[2]!, aliases: [] }) },
  // an awarding body's unit code alone on its line, the title on the next: "UV20417"
  { re: /^([A-Z]{1,6}\d{3,6}[A-Z]?)$/, pick: (m) => ({ id: m[1]!, title: '', aliases: [] }) },
  // an awarding body's or sector skills council's code: "Unit 2BA14: Work with others", "Unit PPL2FS7 Prepare …"
  { re: /^Unit\s+((?=[0-9A-Z]*\d)(?=[0-9A-Z]*[A-Z])[0-9A-Z]{4,8})(?:\s*[:.\-–]\s*|\s+(?=[A-Z]))(.*)$/, pick: (m) => ({ id: m[1]!, title: m[2]!, aliases: [] }) },
  // seed 002: "Unit 101 Prepare yourself to deliver good customer service", "Unit 105" (title below)
  { re: /^Unit\s*(?:[:\-–]\s*|\s)(\d{1,4}[A-Z]?)\b\s*[:.\-–]?\s*(.*)$/, pick: (m) => ({ id: m[1]!, title: m[2]!, aliases: [] }) },
];

export const FIELD_LABELS: { field: Field; re: RegExp }[] = [
  // the value after a space only when it is code-shaped ("Unit code PPL2FS7", "SSC code 2BA14")
  { field: 'unit', re: /^(?:(?:Ofqual|SSC)\s+)?(?:Unit\s+)?(?:reference\s+number|reference|ref(?:erence)?\s+no\.?|ref\.?|number|no\.?|code|URN|UAN)(?=\s*[:\t]|\s*$|\s+[A-Z0-9]+\/|\s+(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,10}(?:\s|$))/i },
  // the centre's or awarding body's own number beside the regulator's
  { field: 'alias', re: /^(?:(?:centre|provider)\s+unit|(?:awarding\s+body|AB|SQA)(?:\s+unit)?)\s+(?:no\.?|number|code|reference|ref\.?)(?=\s*[:\t]|\s*$|\s+[A-Z0-9])/i },
  { field: 'title', re: /^(?:Unit\s+)?title(?=\s*[:\t]|\s*$)/i },
  { field: 'level', re: /^(?:Unit\s+)?(?:RQF\s+|QCF\s+|SCQF\s+|NQF\s+)?level(?=\s*[:\t]|\s*$|\s+\d\s*$|\s+level\s+\d\s*$)/i },
  // the level written inside the label ("QCF Level 1: BTEC Introductory", "RQF Level 3 unit",
  // "Level 2 Unit"): its number is the value; a qualification's title ("Level 3 Diploma in …",
  // "Level 3: Diploma in …") is not a unit's level
  { field: 'level', re: /^(?:Unit\s+)?(?:(?:RQF|QCF|NQF)\s+)?level\s+(\d{1,2})(?:\s*\((?:RQF|QCF|NQF)\))?(?:\s+unit)?(?=\s*[:\t]|\s*$)(?!\s*[:\t]\s*(?:\S+\s+)?(?:extended\s+)?(?:diploma|certificate|award|nvq|svq|qualification|apprenticeship)\b)/i },
  { field: 'glh', re: /^(?:Unit\s+)?(?:total\s+)?(?:guided\s+learning(?:\s+hours)?|GLH)(?=\s*[:\t(]|\s*$|\s+\d)/i },
  { field: 'credits', re: /^(?:Unit\s+)?credits?(?:\s+value)?(?=\s*[:\t]|\s*$|\s+\d)/i },
  // a sector subject area code ("15.3 Business management") looks like a criterion number: it is read here, as a field
  {
    field: 'ssa',
    re: /^(?:(?:unit\s+)?(?:sector\s+subject\s+area|subject\s+sector\s+area|SSA)(?:\s+(?:code|tier\s*\d))?|location\s+of\s+the\s+unit\s+within\s+the\s+subject\/sector\s+classification(?:\s+system)?)(?:\s*\([^)]*\))*(?=\s*[:\t]|\s*$|\s+\d)/i,
  },
  { field: 'withdrawal', re: /^(?:unit\s+)?(?:withdrawal|operational\s+end)\s+date(?=\s*[:\t]|\s*$|\s+\d)/i },
];

const LABELLED = /^(?:LO|Learning\s+outcome|Outcome|Element)\s*(\d{1,2})\b(?:\s+of\s+\d{1,2}\b)?(\s*[:.\-–])?\s*(.*)$/i;

/** "LO 1", "Learning outcome 1: …", "LO2 Understand …" — but not "Learning outcome 2 must be
 * assessed in the workplace": with no separator after the number, a title that starts in
 * lower case reads on as a sentence that names the outcome, not as its heading. */
export const OUTCOME_LABELLED = {
  exec(text: string): (RegExpExecArray & { separated: boolean }) | null {
    const m = LABELLED.exec(text);
    if (!m || (!m[2] && /^[a-z]/.test(m[3]!))) return null;
    return Object.assign([m[0], m[1]!, m[3]!], { index: 0, input: text, separated: !!m[2] }) as RegExpExecArray & { separated: boolean };
  },
  test(text: string): boolean {
    return this.exec(text) !== null;
  },
};
export const OUTCOME_NUMBERED = /^(\d{1,2})\.?\s+([A-Z‘“'"(].*)$/;
export { CRITERION } from './marks.js';
export const SVQ_ITEM = /^([PK])\s?(\d{1,2})\b\.?\s*(?:[:\-–]\s+)?(.*)$/;
export const SVQ_HEADING = /^(performance criteria|knowledge and understanding)\b(?:\s*\([^)]*\))?\s*:?$/i;
export const SVQ_LIST = /^what you (have to|must|need to) (do|know)\b.*$/i;
export const SUB_ITEM = /^(?:\(?([a-z]|[ivx]{1,4})\)|([a-z])\.)\s+\S/;
export const BULLET = /^[•·▪◦‣○●\-–*]\s*/;
export const METHODS_HEADING = /^(?:evidence (?:may|must|can|should|could) be (?:supplied|provided|generated|gathered) (?:by|through|from)|(?:types of evidence\s*[:\-–]?\s*)?evidence (?:could|may|might|can) include|types of evidence|(?:suggested |recommended )?(?:assessment|evidence) methods?(?: may include)?)\s*:?\s*(.*)$/i;
export const APPENDIX = /^Appendix\s+\d+\b/i;
/** A register page's or web page's list of the qualifications a unit is in: the unit has ended,
 * and what follows (qualification titles, levels, numbers) belongs to no unit. */
export const QUALIFICATIONS_LIST = /^(?:qualifications?\s+(?:containing|that\s+contains?|which\s+contains?|including|using)\s+(?:this|the)\s+unit|this\s+unit\s+(?:is\s+(?:part\s+of|in|used\s+in)|appears\s+in)\s+(?:the\s+following\s+)?qualifications?|(?:related|linked)\s+qualifications?)\b.*$/i;
export const STRAY_ENUMERATOR = /^(\d{1,2}\.?|\(?[a-z]\)|[•·▪◦‣○●\-–*])$/;

export interface PipeColumns {
  lo: number;
  title: number;
  ac: number;
  text: number;
  guidance: number;
}

export function pipeHeader(cells: string[]): PipeColumns | null {
  const idx = (re: RegExp, skip: number[] = []) => cells.findIndex((c, i) => !skip.includes(i) && re.test(c));
  const lo = idx(/^(LO|LO\s*no\.?|outcome\s*(no\.?|number)|no\.?)$/i);
  const ac = idx(/^(AC|AC\s*no\.?|criteri(on|a)\s*(no\.?|number|ref))$/i);
  if (lo < 0 || ac < 0) return null;
  const title = idx(/outcome/i, [lo, ac]);
  const text = idx(/criteri|^AC\b|assessment/i, [lo, ac, title]);
  const guidance = idx(/guidance|range|amplification|content/i, [lo, ac, title, text]);
  return { lo, title, ac, text: text >= 0 ? text : ac + 1, guidance };
}

export function unitHeader(text: string): { id: string | null; title: string; aliases: string[] } | undefined {
  const t = text.replace(CONTD, ' ').trim();
  for (const h of UNIT_HEADERS) {
    const m = h.re.exec(t);
    if (m) {
      const r = h.pick(m);
      return { ...r, title: r.title.replace(/\s*[-–]\s*Mandatory( Unit)?$/i, '').trim() };
    }
  }
  return undefined;
}

/** A unit's code at the right margin of its title line, set off by a wide gap ("Unit 204
 * Support individuals …        HSC 204", "Title: Understand the role …      HSC 204"): letters
 * and digits, or a unit reference number. Never a page number (digits alone), a version
 * ("v1.3") or a qualification's name (words). */
export const MARGIN_CODE = new RegExp(String.raw`^(?:(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,10}(?: \d{2,4})?|[A-Z]{1,6} \d{2,6}[A-Z]?|${URN})$`);

export function marginCode(raw: string): { text: string; code: string } | null {
  const m = /^(.*\S)(?:\t+|\s{3,})(\S+(?: \S+)?)\s*$/.exec(raw);
  if (!m || !MARGIN_CODE.test(m[2]!)) return null;
  return { text: m[1]!.replace(/\s+/g, ' ').trim(), code: m[2]! };
}

/** A unit header with a code at its right margin: the code is one of the unit's numbers (an
 * alias), or its number when it is a unit reference number (the header's own number an alias). */
export function unitHeaderOf(raw: string, text: string): ReturnType<typeof unitHeader> {
  const margin = marginCode(raw);
  const h = margin && unitHeader(margin.text);
  if (!margin || !h?.title) return unitHeader(text);
  const urn = (id: string | null) => !!id && new RegExp(`^${URN}$`).test(id);
  if (h.id === margin.code || h.aliases.includes(margin.code) || (urn(margin.code) && urn(h.id))) return h;
  if (urn(margin.code)) return { id: margin.code, title: h.title, aliases: h.id ? [...h.aliases, h.id] : h.aliases };
  return { ...h, aliases: [...h.aliases, margin.code] };
}

/** "P3 …" / "K12 …" inside an SVQ "What you have to do / know" list. */
export function svqItem(text: string, outcome: ImportedOutcome | null): RegExpExecArray | null {
  const m = SVQ_ITEM.exec(text);
  if (!m || (outcome && outcome.id !== 'P' && outcome.id !== 'K')) return null;
  return Object.assign([text, `${m[1]}${m[2]}`, m[3] ?? ''], { index: 0, input: text }) as RegExpExecArray;
}

export function cleanTitle(title: string): string {
  return title
    .replace(CONTD, ' ')
    .replace(/^(the )?(learner|candidate)s? (will|can|should|must)\s*:\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** A value on the line after its label: an id for the unit number, digits for level, credits, GLH. */
export function looksLikeValue(field: Field, text: string): boolean {
  if (field === 'unit') return /^[A-Z0-9][A-Z0-9/ -]{1,20}$/i.test(text) && /\d/.test(text) && !/^\d{1,3}(\.\d+)+\s/.test(text);
  if (field === 'title') return !/^\d{1,3}(\.\d+)*\s/.test(text);
  if (field === 'alias') return /^[A-Z0-9][A-Z0-9/ -]{0,15}$/i.test(text) && /\d/.test(text);
  if (field === 'ssa') return /^\d{1,2}(\.\d{1,2})?\b/.test(text);
  if (field === 'withdrawal') return /\d/.test(text) || /^(none|n\/a|-)$/i.test(text);
  return /^(?:level\s*)?\d{1,3}\b/i.test(text);
}
