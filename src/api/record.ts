// Recording the work: evidence, assessment decisions, sign-offs and IQA records, each written
// into the learner's portfolio through the one writing core (record/core.ts), with who and when
// (record/who.ts) and, when asked, one git commit as the staff member (record/commit.ts).
import { resolve as resolvePath } from 'node:path';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { isMap } from 'yaml';
import { appendItem, indentsOf, setPair } from '../record/edit.js';
import type { Plain } from '../record/emit.js';
import { RecordRefused, type Change, type NewFile } from '../record/core.js';
import { parseCovers } from '../record/covers.js';
import { recordDate, whoRecords } from '../record/who.js';
import { visible } from '../render/safe.js';
import { closest } from '../text.js';
import { UsageError } from '../usage-error.js';
import type { Centre } from './centre.js';
import { assessmentStyle, EVIDENCE, finish, hint, listChange, listStyle, nextEvidenceId, open, placeFile, put, TOP, unknownStaff, type RecordOptions, type RecordResult } from './record-kit.js';

export { RecordRefused } from '../record/core.js';
export { nextEvidenceId, type RecordOptions, type RecordResult } from './record-kit.js';

export interface NewEvidence {
  title: string;
  method: string;
  /** Exactly one of file (a path from cwd: copied into the learner's evidence/ when outside
   * their folder), url or ref. */
  file?: string;
  url?: string;
  ref?: string;
  /** UNIT:CRITERIA, each (see record/covers.ts). */
  covers: string[];
  witness?: string;
  /** The id; default the next free one (E30 after E29). */
  id?: string;
}

/** Add an evidence item to a learner's portfolio. */
export async function addEvidence(centre: Centre, learner: string, ev: NewEvidence, opts: RecordOptions = {}): Promise<RecordResult> {
  const ctx = await open(centre, learner);
  const who = whoRecords(ctx.specs, centre.root, opts.by, false);
  // Refused as every other recording command refuses an unknown --by (exit 1, unknown-staff),
  // although an evidence item names no staff member: --by is who commits it.
  if (opts.by !== undefined && !who?.staff) throw unknownStaff(ctx.specs, opts.by);
  const date = recordDate(opts.date, ctx.today);
  const given = (['file', 'url', 'ref'] as const).filter((k) => ev[k] !== undefined);
  if (given.length !== 1) throw new UsageError('say where the evidence is with exactly one of --file PATH, --url URL or --ref TEXT');
  if (!ev.covers.length) throw new UsageError('--covers UNIT:CRITERIA is needed: which criteria does this evidence cover? e.g. --covers A/506/2130:1.1,1.2');
  const covers = parseCovers(ev.covers, ctx.index);
  const files: NewFile[] = [];
  let location: [string, string];
  if (ev.file !== undefined) {
    const placed = placeFile(centre.root, ctx.dir, resolvePath(opts.cwd ?? process.cwd(), ev.file));
    if (placed.copy) files.push(placed.copy);
    location = ['file', placed.path];
  } else location = ev.url !== undefined ? ['url', ev.url] : ['ref', ev.ref!];
  let id = ev.id;
  const change: Change = {
    file: ctx.file,
    learner,
    files,
    edit: (doc, text) => {
      const root = doc.contents as YAMLMap<unknown, unknown>;
      return [appendItem(doc, text, root, 'evidence', item(), listStyle(doc, text, 'evidence'), TOP)];
    },
    expect: (v) => {
      const list = Array.isArray(v.evidence) ? v.evidence : [];
      if (!Array.isArray(v.evidence)) put(v, 'evidence', list, TOP);
      list.push(item());
    },
  };
  const item = (): Record<string, Plain> => {
    const e: Record<string, Plain> = { id: id!, title: ev.title, method: ev.method };
    if (ev.witness !== undefined) e.witness = ev.witness;
    e.date = date;
    e[location[0]] = location[1];
    e.covers = covers;
    return e;
  };
  id ??= nextEvidenceId(ctx.evidenceIds);
  return finish(centre, ctx, change, opts, who, [`evidence ${id}`], `${learner}: add evidence ${id} (${ev.method})`, Object.keys(covers));
}

/** Record the assessor's decision on evidence items. */
export async function assessEvidence(centre: Centre, learner: string, ids: string[], decision: { decision: 'accepted' | 'not-yet'; feedback?: string }, opts: RecordOptions = {}): Promise<RecordResult> {
  const ctx = await open(centre, learner);
  if (!ids.length) throw new UsageError('name the evidence to assess, e.g. folio assess NT-0151 E07');
  const who = whoRecords(ctx.specs, centre.root, opts.by, true)!;
  const date = recordDate(opts.date, ctx.today);
  const unknown = ids.filter((i) => !ctx.evidenceIds.includes(i));
  if (unknown.length) throw new UsageError(`${learner} has no evidence ${unknown.map((u) => `"${visible(u)}"`).join(', ')}${hint(closest(unknown[0]!, ctx.evidenceIds))}`);
  const value = (): Record<string, Plain> => ({ by: who.id, date, decision: decision.decision, ...(decision.feedback !== undefined ? { feedback: decision.feedback } : {}) });
  const change: Change = {
    file: ctx.file,
    learner,
    edit: (doc, text) => {
      const seq = (doc.contents as YAMLMap<unknown, unknown>).get('evidence', true) as unknown as YAMLSeq<unknown>;
      const items = seq.items.filter(isMap) as YAMLMap<unknown, unknown>[];
      const style = assessmentStyle(items, text);
      return ids.map((i) => {
        const node = items.find((m) => String(m.get('id')) === i)!;
        return setPair(doc, text, node, 'assessment', value(), EVIDENCE, style, indentsOf(doc, text));
      });
    },
    expect: (v) => {
      for (const e of v.evidence as Record<string, unknown>[]) if (ids.includes(String(e.id))) put(e, 'assessment', value(), EVIDENCE);
    },
  };
  const units = ctx.coversOf(ids);
  return finish(centre, ctx, change, opts, who, ids.map((i) => `assessment of ${i}: ${decision.decision}`), `${learner}: ${ids.join(', ')} ${decision.decision} by ${who.id}`, units);
}

/** Sign a unit off; refused (signoff-unmet, with the gaps) unless every criterion is met or force. */
export async function signOff(centre: Centre, learner: string, unit: string, opts: RecordOptions & { force?: boolean } = {}): Promise<RecordResult> {
  const ctx = await open(centre, learner);
  const who = whoRecords(ctx.specs, centre.root, opts.by, true)!;
  const date = recordDate(opts.date, ctx.today);
  const id = ctx.index.unit(unit)?.id ?? unit;
  const already = ctx.signoffs.find((s) => ctx.index.canonical(s.unit) === id);
  if (already) throw new UsageError(`${id} is signed off already for ${learner} (by ${already.by} on ${already.date}): a unit is signed off once`);
  const record: Record<string, Plain> = { unit: id, by: who.id, date };
  const change = listChange(ctx, 'signoffs', record, opts.force ? ['signoff-unmet'] : []);
  try {
    return await finish(centre, ctx, change, opts, who, [`sign-off of ${id}`], `${learner}: sign off ${id} (${who.id})`, [id]);
  } catch (e) {
    if (e instanceof RecordRefused && e.code === 'signoff-unmet') e.gaps = ctx.gapsOn([id]);
    throw e;
  }
}

export interface IqaDecision {
  stage: 'interim' | 'summative';
  decision: 'agreed' | 'not-agreed';
  feedback?: string;
  /** The evidence items sampled. */
  evidence?: string[];
}

/** Record an IQA decision on a unit; refused (iqa-own-decision) when the IQA assessed any of its
 * evidence or signed it off. */
export async function recordIqa(centre: Centre, learner: string, unit: string, d: IqaDecision, opts: RecordOptions = {}): Promise<RecordResult> {
  const ctx = await open(centre, learner);
  const who = whoRecords(ctx.specs, centre.root, opts.by, true)!;
  const date = recordDate(opts.date, ctx.today);
  const id = ctx.index.unit(unit)?.id ?? unit;
  const record: Record<string, Plain> = { unit: id, by: who.id, date, stage: d.stage, decision: d.decision };
  if (d.evidence?.length) record.evidence = d.evidence;
  if (d.feedback !== undefined) record.feedback = d.feedback;
  const change = listChange(ctx, 'iqa', record, []);
  return finish(centre, ctx, change, opts, who, [`IQA ${d.stage} on ${id}: ${d.decision}`], `${learner}: IQA ${d.stage} on ${id} ${d.decision} (${who.id})`, [id]);
}

