// Recording the work: evidence, assessment decisions, sign-offs and IQA records, each written
// into the learner's portfolio through the one writing core (record/core.ts), with who and when
// (record/who.ts) and, when asked, one git commit as the staff member (record/commit.ts).
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, relative, resolve as resolvePath } from 'node:path';
import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import { isMap, isSeq } from 'yaml';
import { appendItem, setPair, shapeOf, type ListStyle } from '../record/edit.js';
import type { Plain, Shape } from '../record/emit.js';
import { runChange, RecordRefused, type Change, type NewFile, type Recorded } from '../record/core.js';
import { commitFiles, prepareCommit, type Author } from '../record/commit.js';
import { parseCovers } from '../record/covers.js';
import { recordDate, whoRecords } from '../record/who.js';
import { visible } from '../render/safe.js';
import { gapsOf, type Gap } from '../status/gaps.js';
import { closest } from '../text.js';
import { UsageError } from '../usage-error.js';
import { assess, indexOf, resultOf } from './assess.js';
import { today, type Centre } from './centre.js';

export { RecordRefused } from '../record/core.js';

/** How a record is made: by whom, dated when, and what happens to it. */
export interface RecordOptions {
  /** The staff member recording (a staff id). Default: the one whose email is git's user.email. */
  by?: string;
  /** The record's date (YYYY-MM-DD). Default: today. */
  date?: string;
  /** Show the change and write nothing. */
  dryRun?: boolean;
  /** Commit the files written, authored by the staff member. */
  commit?: boolean;
  /** Sign that commit (git commit -S). */
  sign?: boolean;
  /** Where relative --file paths are taken from. Default: the working folder. */
  cwd?: string;
}

/** What a record did: the change, what moved for the learner, the next gaps, the commit. */
export interface RecordResult extends Recorded {
  learner: string;
  /** One line for each thing recorded, e.g. "evidence E30" or "assessment of E30: accepted". */
  records: string[];
  /** The staff member recorded as acting (absent for evidence added by someone not on staff). */
  by?: string;
  /** The learner's gaps on the units the record touched, after it. */
  gaps: Gap[];
  commit?: { hash: string; author: string; message: string };
}

// The formats' key orders: a key a record adds goes where the format puts it.
const TOP = ['learner', 'qualification', 'registered', 'assessor', 'notes', 'optional-units', 'witnesses', 'evidence', 'signoffs', 'iqa'];
const EVIDENCE = ['id', 'title', 'method', 'witness', 'date', 'file', 'url', 'ref', 'covers', 'assessment', 'notes'];

// How a new item looks when its list has none to copy: the layout of the sample centre.
const FLOW: Shape = { flow: true, pad: true };
const ITEM_STYLE: Record<'evidence' | 'signoffs' | 'iqa' | 'witnesses', Shape> = {
  evidence: { flow: false, keys: { covers: { flow: false, any: { flow: true } }, assessment: FLOW } },
  signoffs: FLOW,
  iqa: FLOW,
  witnesses: FLOW,
};

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
  if (opts.by !== undefined && !who?.staff) throw new UsageError(`--by "${visible(opts.by)}" is not on the staff list in portfolios/centre.yaml${hint(closest(opts.by, ctx.specs.centre?.staff.keys() ?? []))} [unknown-staff]`);
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
        return setPair(doc, text, node, 'assessment', value(), EVIDENCE, style);
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

// ---- shared by the commands above

interface Ctx {
  learner: string;
  file: string;
  dir: string;
  today: string;
  specs: import('../model/types.js').Specs;
  index: import('../model/index.js').Index;
  evidenceIds: string[];
  signoffs: { unit: string; by: string; date: string }[];
  coversOf(ids: string[]): string[];
  /** The learner's gaps on these units now. */
  gapsOn(units: string[]): Gap[];
}

async function open(centre: Centre, learner: string): Promise<Ctx> {
  const day = today();
  const a = await assess(centre, { asOf: day, learners: [learner], rules: false });
  const index = indexOf(a);
  const entry = a.learners.find((l) => l.id === learner);
  const dir = `portfolios/${learner}`;
  const file = entry?.file ?? (centre.reader.isFile(`${dir}/portfolio.yml`) ? `${dir}/portfolio.yml` : `${dir}/portfolio.yaml`);
  // A portfolio folio cannot read is refused by the core with check's located findings, before
  // anything is asked of its contents (a no-op change, never written).
  if (a.unreadable.includes(learner)) await runChange(centre.root, centre.reader, { file, learner, edit: () => [], expect: () => undefined }, { asOf: day, dryRun: true });
  // What the commands need to know of the portfolio before they change it, from its data.
  let data: Record<string, unknown> = {};
  try {
    const { parseYaml } = await import('../source.js');
    const v = parseYaml(file, centre.reader.read(file)).value;
    if (v && typeof v === 'object' && !Array.isArray(v)) data = v as Record<string, unknown>;
  } catch {
    // unreadable: the core refuses it with check's findings
  }
  const list = (k: string) => (Array.isArray(data[k]) ? (data[k] as unknown[]) : []).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
  const evidence = list('evidence');
  return {
    learner,
    file,
    dir,
    today: day,
    specs: a.specs,
    index,
    evidenceIds: evidence.map((e) => String(e.id ?? '')).filter(Boolean),
    signoffs: list('signoffs').map((s) => ({ unit: String(s.unit ?? ''), by: String(s.by ?? ''), date: String(s.date ?? '') })),
    gapsOn: (units) => (entry ? gapsOf(resultOf(a, entry)).filter((g) => g.unit !== null && units.includes(g.unit)) : []),
    coversOf: (ids) => [...new Set(evidence.filter((e) => ids.includes(String(e.id))).flatMap((e) => (e.covers && typeof e.covers === 'object' ? Object.keys(e.covers).map((u) => index.canonical(u)) : [])))],
  };
}

function listChange(ctx: Ctx, key: 'signoffs' | 'iqa', record: Record<string, Plain>, allow: string[]): Change {
  return {
    file: ctx.file,
    learner: ctx.learner,
    allow,
    edit: (doc, text) => [appendItem(doc, text, doc.contents as YAMLMap<unknown, unknown>, key, record, listStyle(doc, text, key), TOP)],
    expect: (v) => {
      if (!Array.isArray(v[key])) put(v, key, [], TOP);
      (v[key] as unknown[]).push(record);
    },
  };
}

async function finish(centre: Centre, ctx: Ctx, change: Change, opts: RecordOptions, who: { id: string; staff?: import('../model/types.js').Staff } | undefined, records: string[], message: string, units: string[]): Promise<RecordResult> {
  let author: Author | undefined;
  if (opts.commit && who?.staff) {
    const email = who.staff.emails[0];
    if (!email) throw new UsageError(`--commit: ${who.id} has no email in portfolios/centre.yaml, so folio verify could not find them as the author: add the address they commit with`);
    author = { name: who.staff.name, email };
  }
  const repo = opts.commit && !opts.dryRun ? prepareCommit(centre.root, [change.file, ...(change.files ?? []).map((f) => f.file)]) : undefined;
  const r = await runChange(centre.root, centre.reader, change, { asOf: ctx.today, dryRun: opts.dryRun });
  const gaps = r.after ? gapsOf(r.after).filter((g) => g.unit !== null && units.includes(g.unit)) : [];
  const out: RecordResult = { ...r, learner: ctx.learner, records, by: who?.id, gaps };
  if (repo && r.written) {
    const body = records.map((x) => `- ${x}`).join('\n');
    const full = `${message}\n\n${body}\n\nRecorded with folio.`;
    const hash = commitFiles(repo, author, full, !!opts.sign);
    out.commit = { hash, author: author ? `${author.name} <${author.email}>` : "git's user", message };
  }
  return out;
}

const hint = (g: string | undefined) => (g ? `: did you mean "${g}"?` : '');

/** The style of a new item of a list: its neighbour's, else the kind's; and the file's list indent. */
function listStyle(doc: Document.Parsed, text: string, key: keyof typeof ITEM_STYLE): ListStyle {
  return { item: ITEM_STYLE[key], seqIndent: seqIndentOf(doc, text) };
}

/** How far the file indents a block list under its key (0 or 2, usually). */
function seqIndentOf(doc: Document.Parsed, text: string): number {
  const root = doc.contents;
  if (!isMap(root)) return 2;
  for (const p of root.items) {
    const v = p.value;
    if (isSeq(v) && !v.flow && v.items.length) {
      const first = v.items[0] as { range?: number[] };
      const dash = text.lastIndexOf('-', first.range![0]);
      return dash - (text.lastIndexOf('\n', dash) + 1);
    }
  }
  return 2;
}

/** The style of an assessment: that of the other items' assessments, else flow. */
function assessmentStyle(items: YAMLMap<unknown, unknown>[], text: string): Shape {
  for (let i = items.length - 1; i >= 0; i--) {
    const a = items[i]!.get('assessment', true);
    if (isMap(a)) return shapeOf(a as never, text, FLOW);
  }
  return FLOW;
}

/** Set key in obj where the format's order puts a new key; a key already there keeps its place. */
function put(obj: Record<string, unknown>, key: string, value: unknown, order: readonly string[]): void {
  if (Object.hasOwn(obj, key)) {
    obj[key] = value;
    return;
  }
  const rank = order.indexOf(key);
  const entries = Object.entries(obj);
  const at = entries.findIndex(([k]) => order.indexOf(k) > rank);
  if (at < 0 || rank < 0) {
    obj[key] = value;
    return;
  }
  entries.splice(at, 0, [key, value]);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}

/** The next evidence id after the highest: E29 → E30, keeping the prefix and width in use. */
export function nextEvidenceId(ids: string[]): string {
  let prefix = 'E';
  let width = 2;
  let max = 0;
  for (const id of ids) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) continue;
    const n = Number(m[2]);
    if (n >= max) {
      max = n;
      prefix = m[1]!;
      width = m[2]!.length;
    }
  }
  let next = max + 1;
  while (ids.includes(`${prefix}${String(next).padStart(width, '0')}`)) next++;
  return `${prefix}${String(next).padStart(width, '0')}`;
}

/** Where an evidence file goes: a file in the learner's folder is named as it is; any other is
 * copied into their evidence/ folder, never over a different file of the same name. */
function placeFile(root: string, dir: string, path: string): { path: string; copy?: NewFile } {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`--file ${path}: no such file`);
  const folder = resolvePath(root, dir);
  const real = realpathSync(path);
  const inside = existsSync(folder) ? relative(realpathSync(folder), real) : '..';
  if (!inside.startsWith('..') && !inside.startsWith('/')) return { path: inside.replace(/\\/g, '/') };
  const name = basename(path);
  if (!/^[^\x00-\x1f/\\]+$/.test(name) || name.startsWith('.')) throw new UsageError(`--file ${visible(path)}: folio will not copy a file of that name into the portfolio; rename it`);
  const target = `${dir}/evidence/${name}`;
  const content = readFileSync(path);
  const there = resolvePath(root, target);
  if (existsSync(there)) {
    if (readFileSync(there).equals(content)) return { path: `evidence/${name}` };
    throw new RecordRefused('evidence-file-exists', `${target} exists already and differs from ${path}: folio never copies over an evidence file; rename the new file, or name the one there with --file ${target}`);
  }
  return { path: `evidence/${name}`, copy: { file: target, content } };
}
