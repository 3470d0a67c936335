// Moving a learner to another qualification (folio learner transfer), e.g. from a level 2 to a
// level 3 diploma. One Change through the writing core: the new qualification:, the optional
// units the two share kept in optional-units (and a unit mandatory before but optional now added
// there, so it stays the learner's), the units the new one lacks dropped from it, and a
// transfers: entry saying from what, when and why. No evidence, decision, sign-off or IQA
// record is removed: check keeps the records on the units of a qualification the learner moved
// from (rules/portfolio-units.ts). The report says which units came across (with their status
// after), which stayed behind (with the evidence kept on them) and which are new to start.
import type { YAMLMap } from 'yaml';
import { appendItem, setPair } from '../record/edit.js';
import type { Plain } from '../record/emit.js';
import { RecordRefused, type Change } from '../record/core.js';
import { recordDate, whoRecords } from '../record/who.js';
import { visible } from '../render/safe.js';
import type { UnitStatus } from '../status/types.js';
import { closest } from '../text.js';
import { UsageError } from '../usage-error.js';
import type { Centre } from './centre.js';
import { finish, FLOW, hint, listStyle, open, put, TOP, unknownStaff, type RecordOptions, type RecordResult } from './record-kit.js';

/** A unit in the transfer report. */
export interface TransferUnit {
  unit: string;
  title?: string;
  /** Carried: its status on the new qualification; left behind: its status on the old one. */
  status: UnitStatus;
  /** Left behind: the evidence kept in the portfolio that covers it. */
  evidence?: string[];
}

export interface Transfer {
  /** The qualification left, as its spec numbers it (or as the portfolio wrote it). */
  from: string;
  to: string;
  /** The learner's units (mandatory and chosen) that the new qualification has too. */
  carried: TransferUnit[];
  /** The learner's units the new qualification lacks: their records stay in the portfolio. */
  leftBehind: TransferUnit[];
  /** Units of the new qualification the learner now has that were not theirs before, not started. */
  notStarted: TransferUnit[];
  /** optional-units entries dropped, as written. */
  droppedOptional: string[];
}

export interface TransferResult extends RecordResult {
  transfer: Transfer;
}

/** Move a learner to another qualification. Refused for a learner with a claim of the whole
 * qualification (qualification-claimed) and for the qualification they are on
 * (same-qualification); an unknown qualification is a usage error. */
export async function transferLearner(centre: Centre, learner: string, qualification: string, t: { reason?: string } = {}, opts: RecordOptions = {}): Promise<TransferResult> {
  const ctx = await open(centre, learner);
  const target = ctx.index.qualification(qualification);
  if (!target) throw new UsageError(`no qualification "${visible(qualification)}" in specs/qualifications/${hint(closest(qualification, ctx.specs.qualifications.map((q) => q.id)))} [unknown-qualification]`);
  const old = ctx.qualification === undefined ? undefined : ctx.index.qualification(ctx.qualification);
  const from = old?.id ?? ctx.qualification ?? '';
  if (old?.id === target.id) throw new RecordRefused('same-qualification', `${learner} is on ${target.id} ${target.title} already: name the qualification they move to (nothing was written)`);
  const claims = (Array.isArray(ctx.data.claims) ? ctx.data.claims : []) as Record<string, unknown>[];
  const whole = claims.find((c) => c && typeof c === 'object' && c.qualification !== undefined && c.qualification !== null);
  if (whole) throw new RecordRefused('qualification-claimed', `${learner}'s qualification ${from} was claimed on ${visible(String(whole.date ?? '?'))}: a claimed learner is not moved; register them on the new qualification as a new portfolio (folio learner add) instead (nothing was written)`);
  if (opts.by !== undefined && !ctx.specs.centre?.staff.has(opts.by)) throw unknownStaff(ctx.specs, opts.by);
  const who = whoRecords(ctx.specs, centre.root, opts.by, false);
  const date = recordDate(opts.date, ctx.today);

  // The new qualification's units: in which group, and whether mandatory.
  const mandatory = new Set<string>();
  const inNew = new Set<string>();
  for (const g of target.groups)
    for (const u of g.units) {
      const id = ctx.index.canonical(u.ref);
      inNew.add(id);
      if (g.requiredAll) mandatory.add(id);
    }
  const before = ctx.result?.units ?? [];
  const exempted = new Set(((Array.isArray(ctx.data.exemptions) ? ctx.data.exemptions : []) as Record<string, unknown>[]).map((e) => (typeof e?.unit === 'string' ? ctx.index.canonical(e.unit) : '')));
  const kept = ctx.optionalUnits.filter((u) => inNew.has(ctx.index.canonical(u)) && !mandatory.has(ctx.index.canonical(u)));
  const keptIds = new Set(kept.map((u) => ctx.index.canonical(u)));
  // A unit that was mandatory and is optional now stays the learner's by being chosen (an
  // exempted one is chosen by its exemption).
  const added = before.filter((u) => u.mandatory && inNew.has(u.id) && !mandatory.has(u.id) && !keptIds.has(u.id) && !exempted.has(u.id)).map((u) => u.id);
  const optional = [...kept, ...added];
  const droppedOptional = ctx.optionalUnits.filter((u) => !inNew.has(ctx.index.canonical(u)));
  const hadOptional = Object.hasOwn(ctx.data, 'optional-units');
  const changeOptional = hadOptional ? optional.length !== ctx.optionalUnits.length || optional.some((u, i) => u !== ctx.optionalUnits[i]) : optional.length > 0;

  const entry: Record<string, Plain> = { date, from, ...(who ? { by: who.id } : {}), ...(t.reason !== undefined ? { reason: t.reason } : {}) };
  const change: Change = {
    file: ctx.file,
    learner,
    edit: (doc, text) => {
      const root = doc.contents as YAMLMap<unknown, unknown>;
      return [
        setPair(doc, text, root, 'qualification', target.id, TOP, {}),
        ...(changeOptional ? [setPair(doc, text, root, 'optional-units', optional, TOP, FLOW)] : []),
        appendItem(doc, text, root, 'transfers', entry, listStyle(doc, text, 'transfers'), TOP),
      ];
    },
    expect: (v) => {
      v.qualification = target.id;
      if (changeOptional) put(v, 'optional-units', optional, TOP);
      if (!Array.isArray(v.transfers)) put(v, 'transfers', [], TOP);
      (v.transfers as unknown[]).push(entry);
    },
  };
  const records = [`transfer from ${from} to ${target.id}`];
  const r = await finish(centre, ctx, change, opts, who, records, `${learner}: transfer from ${from} to ${target.id}${t.reason !== undefined ? ` (${t.reason})` : ''}`, []);

  const after = new Map((r.after?.units ?? []).map((u) => [u.id, u]));
  const covering = (id: string) => ctx.evidence.filter((e) => ctx.coversOf([e.id]).includes(id)).map((e) => e.id);
  const carried = before.filter((u) => inNew.has(u.id)).map((u) => ({ unit: u.id, ...(u.title ? { title: u.title } : {}), status: after.get(u.id)?.status ?? u.status }));
  const leftBehind = before.filter((u) => !inNew.has(u.id)).map((u) => ({ unit: u.id, ...(u.title ? { title: u.title } : {}), status: u.status, evidence: covering(u.id) }));
  const was = new Set(before.map((u) => u.id));
  const notStarted = [...after.values()].filter((u) => !was.has(u.id) && u.status === 'not-started').map((u) => ({ unit: u.id, ...(u.title ? { title: u.title } : {}), status: u.status }));
  return { ...r, transfer: { from, to: target.id, carried, leftBehind, notStarted, droppedOptional } };
}
