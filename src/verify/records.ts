// The records verify attributes to people: every assessment decision, sign-off and IQA record
// of one portfolio, with the lines that hold it in the working-tree file. Git knows who wrote
// lines, not fields, so a record is checked through its lines; the model says what the record
// is (who it names, which units) and the syntax tree says where it is. Findings on a record
// point at an offset in its file, and are placed by the one resolver (source.ts) like every
// other finding.
import type { Code, Finding, MessageData } from '../diagnostics.js';
import type { Index } from '../model/index.js';
import type { Learner, Path } from '../model/types.js';
import { lineOffset, recordAt, type SourceFile } from '../source.js';

export type RecordKind = 'assessment' | 'sign-off' | 'iqa';

export interface DecisionRecord {
  kind: RecordKind;
  file: string;
  path: Path;
  /** The staff id the record names (by:). */
  by: string;
  date: string;
  /** How messages name it: "assessment of E07", "sign-off of A/506/2130". */
  label: string;
  /** Canonical ids of the units it concerns: those an assessed item covers, or the unit
   * signed off or sampled. */
  units: string[];
  /** An assessment: the evidence item's id. */
  evidence?: string;
  /** An IQA record: the items it samples; empty when it names none (the whole unit). */
  sample?: string[];
  /** An IQA record: "interim, agreed". */
  outcome?: string;
  /** The lines holding it, ascending, and the offset a finding on each points at (same
   * order): the record's start on its first line, the first non-blank character on the others. */
  lines: number[];
  offsets: number[];
  /** Lines that also hold other fields (see RecordSpan.shared). */
  shared: number[];
  /** Its value as written, normalised for comparison (see normalise). */
  value: string;
}

export function recordsOf(learner: Learner, source: SourceFile, index: Index): DecisionRecord[] {
  const out: DecisionRecord[] = [];
  const add = (r: Omit<DecisionRecord, 'lines' | 'offsets' | 'shared' | 'value' | 'file'>) => {
    const span = recordAt(source, r.path);
    if (!span || span.lines.length === 0) return;
    // found now, while the syntax tree is at hand: findings come after every portfolio is blamed
    const offsets = span.lines.map((l, i) => (i === 0 ? span.offset : lineOffset(source, l)));
    out.push({ ...r, file: source.file, lines: span.lines, offsets, shared: span.shared, value: normalise(span.value) });
  };
  for (const e of learner.evidence) {
    const a = e.assessment;
    if (!a) continue;
    const units = unique(e.covers.map((c) => index.canonical(c.unitRef)));
    add({ kind: 'assessment', path: a.loc.path, by: a.by, date: a.date, label: `assessment of ${e.id} (${a.decision})`, units, evidence: e.id });
  }
  for (const s of learner.signoffs) {
    add({ kind: 'sign-off', path: s.loc.path, by: s.by, date: s.date, label: `sign-off of ${s.unitRef}`, units: [index.canonical(s.unitRef)] });
  }
  for (const r of learner.iqa) {
    add({
      kind: 'iqa',
      path: r.loc.path,
      by: r.by,
      date: r.date,
      label: `IQA record on ${r.unitRef} (${r.stage}, ${r.decision})`,
      units: [index.canonical(r.unitRef)],
      sample: r.evidence,
      outcome: `${r.stage}, ${r.decision}`,
    });
  }
  return out;
}

/** The learner's own address, if the portfolio gives one: a commit by the learner is named so. */
export function learnerEmail(source: SourceFile): string | undefined {
  const v = recordAt(source, ['learner', 'email'])?.value;
  return typeof v === 'string' && v.trim() !== '' ? own(v.trim()) : undefined;
}

/** A copy of a string that holds no reference to the text it was cut from. V8 makes a longer
 * slice of a string a view of the whole (an email keeps its portfolio's text alive), and verify
 * keeps what it learns of each portfolio until every portfolio is read: 18 MB of texts at 600
 * generated learners, all held by one email each. */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * A record's value as text that is equal for equal records: keys sorted, text trimmed, absent
 * values left out. Re-indenting a record, reordering its keys or switching between block and
 * flow style does not change what it says.
 */
export function normalise(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (typeof v === 'string') return v.trim();
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== null && x !== undefined) o[k] = norm(x);
      }
      return o;
    }
    return v;
  };
  return JSON.stringify(norm(value) ?? null);
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** A finding on line i of a record (an index into record.lines). Its data names the record
 * (kind, label, who it names, the line) and adds what the message says of it. */
export function finding(code: Code, r: DecisionRecord, i: number, said: { id: string; data: MessageData }, message: string): Finding {
  const data: MessageData = { record: r.kind, label: r.label, by: r.by, line: r.lines[i] ?? null, ...said.data };
  return { code, messageId: said.id, data, message, target: { file: r.file, offset: r.offsets[i]! } };
}
