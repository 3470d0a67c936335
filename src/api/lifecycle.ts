// Recording the learner's lifecycle (README "The learner's lifecycle"): a withdrawal, a break in
// learning and the return from it, a unit exempted or brought by credit transfer. Each is one
// Change through the writing core, like evidence or a sign-off, so check's own rules (dates in
// order, no date after today, a unit of the learner's qualification, a known member of staff)
// refuse what they would report. What check cannot see before the write (a second withdrawal,
// a return with no break open) is refused here, each with its own code.
import type { YAMLMap } from 'yaml';
import { mapAt, setPair } from '../record/edit.js';
import type { Plain } from '../record/emit.js';
import { RecordRefused, type Change } from '../record/core.js';
import { EXEMPTION_KINDS } from '../schema/common.js';
import { recordDate, whoRecords } from '../record/who.js';
import { visible } from '../render/safe.js';
import { UsageError } from '../usage-error.js';
import type { Centre } from './centre.js';
import { finish, FLOW, listChange, open, put, TOP, unknownStaff, type Ctx, type RecordOptions, type RecordResult } from './record-kit.js';

export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];
const BREAK = ['from', 'to', 'reason'];

const list = (ctx: Ctx, key: string): Record<string, unknown>[] => (Array.isArray(ctx.data[key]) ? (ctx.data[key] as unknown[]) : []).map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {}));
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A --by that names nobody on the staff list is a usage error with the nearest ids. */
function knownBy(ctx: Ctx, by: string | undefined): void {
  if (by !== undefined && !ctx.specs.centre?.staff.has(by)) throw unknownStaff(ctx.specs, by);
}

/** Record that the learner has withdrawn; refused (already-withdrawn) when they have. */
export async function withdrawLearner(centre: Centre, learner: string, w: { reason?: string }, opts: RecordOptions = {}): Promise<RecordResult> {
  const ctx = await open(centre, learner);
  knownBy(ctx, opts.by);
  const who = whoRecords(ctx.specs, centre.root, opts.by, false);
  const date = recordDate(opts.date, ctx.today);
  const was = ctx.data.withdrawn as Record<string, unknown> | undefined;
  if (was && typeof was === 'object') throw new RecordRefused('already-withdrawn', `${learner} is withdrawn already (on ${visible(str(was.date) ?? 'an unknown date')}): a learner withdraws once; correct the date or reason in the portfolio if it is wrong (nothing was written)`);
  const value: Record<string, Plain> = { date, ...(w.reason !== undefined ? { reason: w.reason } : {}), ...(who ? { by: who.id } : {}) };
  const change: Change = {
    file: ctx.file,
    learner,
    edit: (doc, text) => [setPair(doc, text, doc.contents as YAMLMap<unknown, unknown>, 'withdrawn', value, TOP, FLOW)],
    expect: (v) => put(v, 'withdrawn', value, TOP),
  };
  return finish(centre, ctx, change, opts, who, [`withdrawal on ${date}`], `${learner}: withdrawn on ${date}${w.reason !== undefined ? ` (${w.reason})` : ''}`, []);
}

/** Record a break in learning from a day (to a day, when it is known); refused (break-open)
 * while another break goes on. */
export async function startBreak(centre: Centre, learner: string, b: { from: string; to?: string; reason?: string }, opts: RecordOptions = {}): Promise<RecordResult> {
  const ctx = await open(centre, learner);
  knownBy(ctx, opts.by);
  const who = whoRecords(ctx.specs, centre.root, opts.by, false);
  const from = recordDate(b.from, ctx.today, '--from');
  const to = b.to === undefined ? undefined : recordDate(b.to, ctx.today, '--to');
  const open_ = list(ctx, 'breaks').find((x) => x.to === undefined || x.to === null);
  if (open_) throw new RecordRefused('break-open', `${learner} is on a break already (from ${visible(str(open_.from) ?? 'an unknown date')}): record the return first, e.g. folio learner return ${learner} --date ${ctx.today} (nothing was written)`);
  const item: Record<string, Plain> = { from, ...(to !== undefined ? { to } : {}), ...(b.reason !== undefined ? { reason: b.reason } : {}) };
  const change = listChange(ctx, 'breaks', item);
  return finish(centre, ctx, change, opts, who, [`break from ${from}${to ? ` to ${to}` : ''}`], `${learner}: break in learning from ${from}${to ? ` to ${to}` : ''}`, []);
}

/** Record the learner's return (to: on the break that goes on); refused (no-open-break) when
 * no break goes on. */
export async function endBreak(centre: Centre, learner: string, opts: RecordOptions = {}): Promise<RecordResult> {
  const ctx = await open(centre, learner);
  knownBy(ctx, opts.by);
  const who = whoRecords(ctx.specs, centre.root, opts.by, false);
  const date = recordDate(opts.date, ctx.today);
  const breaks = list(ctx, 'breaks');
  const i = breaks.findIndex((x) => x.to === undefined || x.to === null);
  if (i < 0) throw new RecordRefused('no-open-break', `${learner} is not on a break: there is no break without a return date to end; record one with folio learner break ${learner} --from DATE (nothing was written)`);
  const from = str(breaks[i]!.from) ?? '';
  const change: Change = {
    file: ctx.file,
    learner,
    edit: (doc, text) => {
      const node = mapAt(doc, ['breaks', i]);
      if (!node) throw new RecordRefused('record-unsafe', `folio could not find the break of ${visible(from)} in ${ctx.file} as a mapping: record the return by hand (nothing was written)`);
      return [setPair(doc, text, node, 'to', date, BREAK, {})];
    },
    expect: (v) => put((v.breaks as Record<string, unknown>[])[i]!, 'to', date, BREAK),
  };
  return finish(centre, ctx, change, opts, who, [`return on ${date} from the break of ${from}`], `${learner}: back in learning on ${date} (break from ${from})`, []);
}

export interface NewExemption {
  kind: ExemptionKind;
  /** Where the achievement is recorded, e.g. a certificate number. */
  reference?: string;
  note?: string;
}

/** Record a unit achieved elsewhere, exempted or recognised as prior learning. Refused when it
 * is exempted already (already-exempted), or has evidence or a sign-off here (unit-has-evidence):
 * an exempted unit shows none of its criteria, so that work would no longer be seen, and a unit
 * achieved here needs no exemption. */
export async function exemptUnit(centre: Centre, learner: string, unit: string, x: NewExemption, opts: RecordOptions = {}): Promise<RecordResult> {
  const ctx = await open(centre, learner);
  if (!(EXEMPTION_KINDS as readonly string[]).includes(x.kind)) throw new UsageError(`--kind "${visible(x.kind)}" is not a kind of exemption: use one of ${EXEMPTION_KINDS.join(', ')}`);
  knownBy(ctx, opts.by);
  const who = whoRecords(ctx.specs, centre.root, opts.by, true)!;
  const date = recordDate(opts.date, ctx.today);
  const id = ctx.index.unit(unit)?.id ?? unit;
  const same = (ref: unknown) => typeof ref === 'string' && ctx.index.canonical(ref) === id;
  const already = list(ctx, 'exemptions').find((e) => same(e.unit));
  if (already) throw new RecordRefused('already-exempted', `${id} is exempted already for ${learner} (${visible(str(already.kind) ?? '?')} on ${visible(str(already.date) ?? '?')}): a unit is exempted once (nothing was written)`);
  const covering = list(ctx, 'evidence').filter((e) => e.covers && typeof e.covers === 'object' && Object.keys(e.covers).some(same)).map((e) => String(e.id));
  const signed = ctx.signoffs.some((s) => same(s.unit));
  if (covering.length || signed) {
    const what = [...(covering.length ? [`evidence ${covering.join(', ')}`] : []), ...(signed ? ['a sign-off'] : [])].join(' and ');
    throw new RecordRefused('unit-has-evidence', `${id} has ${what} in ${learner}'s portfolio: an exempted unit shows none of its criteria, so that work would be hidden; finish the unit here, or remove the evidence first if the exemption stands (nothing was written)`);
  }
  const item: Record<string, Plain> = { unit: id, kind: x.kind, ...(x.reference !== undefined ? { reference: x.reference } : {}), date, by: who.id, ...(x.note !== undefined ? { note: x.note } : {}) };
  const change = listChange(ctx, 'exemptions', item);
  return finish(centre, ctx, change, opts, who, [`exemption of ${id} (${x.kind})`], `${learner}: ${id} by ${x.kind}${x.reference !== undefined ? ` (${x.reference})` : ''}, recorded by ${who.id}`, [id]);
}
