// What the recording commands share: opening the learner's portfolio and what they need to
// know of it, the styles of new items, the key orders of the formats, and running a change
// through the core with who, gaps and the commit around it.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, relative, resolve as resolvePath } from 'node:path';
import type { Document, YAMLMap } from 'yaml';
import { isMap } from 'yaml';
import type { Index } from '../model/index.js';
import type { Specs, Staff } from '../model/types.js';
import { appendItem, indentsOf, shapeOf, type ListStyle } from '../record/edit.js';
import type { Plain, Shape } from '../record/emit.js';
import { runChange, RecordRefused, type Change, type NewFile, type Recorded } from '../record/core.js';
import { commitFiles, prepareCommit, type Author } from '../record/commit.js';
import { visible } from '../render/safe.js';
import { gapsByCriterion, gapsOf, type Gap, type GapGroup } from '../status/gaps.js';
import { closest } from '../text.js';
import { UsageError } from '../usage-error.js';
import type { Analysed } from '../pipeline/index.js';
import { assess, indexOf, resultOf } from './assess.js';
import { today, type Centre } from './centre.js';

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
  /** The learner whose portfolio changed; "" for the centre file. */
  learner: string;
  /** One line for each thing recorded, e.g. "evidence E30" or "assessment of E30: accepted". */
  records: string[];
  /** The staff member recorded as acting (absent for evidence added by someone not on staff). */
  by?: string;
  /** The learner's gaps on the units the record touched, after it: each criterion once, with
   * every reason it is not met. */
  gaps: GapGroup[];
  commit?: { hash: string; author: string; message: string };
}

// The formats' key orders: a key a record adds goes where the format puts it.
export const TOP = [
  'learner', 'qualification', 'registered', 'registration-number', 'site', 'assessor', 'notes', 'optional-units', 'witnesses',
  'evidence', 'signoffs', 'iqa', 'exemptions', 'claims', 'breaks', 'withdrawn', 'transfers',
];
export const EVIDENCE = ['id', 'title', 'method', 'witness', 'date', 'file', 'url', 'ref', 'covers', 'assessment', 'notes'];

// How a new item looks when its list has none to copy: the layout of the sample centre.
export const FLOW: Shape = { flow: true, pad: true };
export const ITEM_STYLE: Record<'evidence' | 'signoffs' | 'iqa' | 'witnesses' | 'staff' | 'exemptions' | 'claims' | 'breaks' | 'transfers', Shape> = {
  evidence: { flow: false, keys: { covers: { flow: false, any: { flow: true } }, assessment: FLOW } },
  signoffs: FLOW,
  iqa: FLOW,
  witnesses: FLOW,
  staff: FLOW,
  exemptions: FLOW,
  claims: FLOW,
  breaks: FLOW,
  transfers: FLOW,
};

export interface Ctx {
  learner: string;
  file: string;
  dir: string;
  today: string;
  specs: Specs;
  index: Index;
  evidenceIds: string[];
  evidence: { id: string; title: string }[];
  /** The qualification and optional units the portfolio names, as written. */
  qualification?: string;
  optionalUnits: string[];
  signoffs: { unit: string; by: string; date: string }[];
  coversOf(ids: string[]): string[];
  /** The portfolio's data as read (empty when it cannot be read: the core refuses it). */
  data: Record<string, unknown>;
  /** The learner's results now (absent when the portfolio cannot be read). */
  result?: import('../status/types.js').LearnerResult;
  /** The learner's gaps on these units now. */
  gapsOn(units: string[]): GapGroup[];
}

export async function open(centre: Centre, learner: string): Promise<Ctx> {
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
    evidence: evidence.filter((e) => e.id !== undefined && e.id !== null).map((e) => ({ id: String(e.id), title: typeof e.title === 'string' ? e.title : '' })),
    qualification: typeof data.qualification === 'string' ? data.qualification : undefined,
    optionalUnits: Array.isArray(data['optional-units']) ? data['optional-units'].filter((u): u is string => typeof u === 'string') : [],
    signoffs: list('signoffs').map((s) => ({ unit: String(s.unit ?? ''), by: String(s.by ?? ''), date: String(s.date ?? '') })),
    data,
    result: entry && !a.unreadable.includes(learner) ? resultOf(a, entry) : undefined,
    gapsOn: (units) => (entry ? onUnits(gapsOf(resultOf(a, entry)), units) : []),
    coversOf: (ids) => [...new Set(evidence.filter((e) => ids.includes(String(e.id))).flatMap((e) => (e.covers && typeof e.covers === 'object' ? Object.keys(e.covers).map((u) => index.canonical(u)) : [])))],
  };
}

export function listChange(ctx: Ctx, key: Exclude<keyof typeof ITEM_STYLE, 'evidence' | 'staff'>, record: Record<string, Plain>, allow: string[] = []): Change {
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

/** Run the change (with before: the centre as already assessed for it) and commit it when asked. */
export async function finish(centre: Centre, ctx: Pick<Ctx, 'learner' | 'today'>, change: Change, opts: RecordOptions, who: { id: string; staff?: Staff } | undefined, records: string[], message: string, units: string[], before?: Analysed): Promise<RecordResult> {
  let author: Author | undefined;
  if (opts.commit && who?.staff) {
    const email = who.staff.emails[0];
    if (!email) throw new UsageError(`--commit: ${who.id} has no email in portfolios/centre.yaml, so folio verify could not find them as the author: add the address they commit with`);
    author = { name: who.staff.name, email };
  }
  const repo = opts.commit && !opts.dryRun ? prepareCommit(centre.root, [change.file, ...(change.files ?? []).map((f) => f.file)]) : undefined;
  const r = await runChange(centre.root, centre.reader, change, { asOf: ctx.today, dryRun: opts.dryRun, before });
  const gaps = r.after ? onUnits(gapsOf(r.after), units) : [];
  const out: RecordResult = { ...r, learner: ctx.learner, records, by: who?.id, gaps };
  if (repo && r.written) {
    const body = records.map((x) => `- ${x}`).join('\n');
    const full = `${message}\n\n${body}\n\nRecorded with folio.`;
    const hash = commitFiles(repo, author, full, !!opts.sign);
    out.commit = { hash, author: author ? `${author.name} <${author.email}>` : "git's user", message };
  }
  return out;
}

/** The gaps on these units, each criterion once. */
const onUnits = (gaps: Gap[], units: string[]): GapGroup[] => gapsByCriterion(gaps.filter((g) => g.unit !== null && units.includes(g.unit)));

export const hint = (g: string | undefined) => (g ? `: did you mean "${g}"?` : '');

/** The refusal of a --by who is not on the staff list: every recording command refuses it the
 * same way (exit 1, unknown-staff), whether or not its record names the person. */
export function unknownStaff(specs: Specs, id: string): RecordRefused {
  const guess = closest(id, specs.centre?.staff.keys() ?? []);
  return new RecordRefused('unknown-staff', `--by "${visible(id)}" is not on the staff list in portfolios/centre.yaml${guess ? hint(guess) : ': add them there or correct the id'}`);
}

/** The style of a new item of a list: its neighbour's, else the kind's; and the file's list indent. */
export function listStyle(doc: Document.Parsed, text: string, key: keyof typeof ITEM_STYLE): ListStyle {
  return { item: ITEM_STYLE[key], indents: indentsOf(doc, text) };
}

/** The style of an assessment: that of the other items' assessments, else flow. */
export function assessmentStyle(items: YAMLMap<unknown, unknown>[], text: string): Shape {
  for (let i = items.length - 1; i >= 0; i--) {
    const a = items[i]!.get('assessment', true);
    if (isMap(a)) return shapeOf(a as never, text, FLOW);
  }
  return FLOW;
}

/** Set key in obj where the format's order puts a new key; a key already there keeps its place. */
export function put(obj: Record<string, unknown>, key: string, value: unknown, order: readonly string[]): void {
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
export function placeFile(root: string, dir: string, path: string): { path: string; copy?: NewFile } {
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
