// The people records name: staff in the centre file (folio staff add) and a learner's witnesses
// (folio witness add). Both go through the one writing core, so a duplicate id, a role or a
// witness status outside the format, or anything else check would report, refuses the change.
import type { YAMLMap } from 'yaml';
import { appendItem } from '../record/edit.js';
import type { Plain } from '../record/emit.js';
import { centreBefore, type Change } from '../record/core.js';
import { whoRecords } from '../record/who.js';
import { CENTRE_FILE } from '../load/files.js';
import { UsageError } from '../usage-error.js';
import { today, type Centre } from './centre.js';
import { finish, ITEM_STYLE, listChange, listStyle, open, type RecordOptions, type RecordResult } from './record-kit.js';

const CENTRE_KEYS = ['centre', 'staff', 'policy'];

/** A new staff member of the centre. */
export interface NewStaff {
  id: string;
  name: string;
  /** assessor, iqa, eqa, admin. */
  roles: string[];
  /** The addresses they commit with (folio verify needs one). */
  emails?: string[];
}

/** Add a staff member to portfolios/centre.yaml. Every learner is checked against the change. */
export async function addStaff(centre: Centre, s: NewStaff, opts: RecordOptions = {}): Promise<RecordResult> {
  if (!s.roles.length) throw new UsageError('--roles is needed: one or more of assessor, iqa, eqa, admin, e.g. --roles assessor,iqa');
  const day = today();
  // The whole centre, assessed once: the staff list checked here, the findings the change is
  // compared with in the core.
  const before = await centreBefore(centre.reader, day);
  const specs = before.analysis.specs;
  if (specs.centre?.staff.has(s.id)) throw new UsageError(`${s.id} is on the staff list already in portfolios/centre.yaml`);
  const who = whoRecords(specs, centre.root, opts.by, false);
  const item: Record<string, Plain> = { id: s.id, name: s.name, roles: s.roles };
  if (s.emails?.length) item.email = s.emails.length === 1 ? s.emails[0]! : s.emails;
  const change: Change = {
    file: CENTRE_FILE,
    edit: (doc, text) => [appendItem(doc, text, doc.contents as YAMLMap<unknown, unknown>, 'staff', item, { ...listStyle(doc, text, 'staff'), item: ITEM_STYLE.staff }, CENTRE_KEYS)],
    expect: (v) => {
      if (!Array.isArray(v.staff)) v.staff = [];
      (v.staff as unknown[]).push(item);
    },
  };
  return finish(centre, { learner: '', today: day }, change, opts, who, [`staff member ${s.id} (${s.roles.join(', ')})`], `Centre: add ${s.id} (${s.name}) as ${s.roles.join(', ')}`, [], before);
}

/** A new witness for a learner. */
export interface NewWitness {
  id: string;
  name: string;
  relationship?: string;
  /** Witness status category, 1 to 5 (1: an occupational expert and assessor). */
  status?: string;
  email?: string;
}

/** Add a witness to a learner's portfolio. */
export async function addWitness(centre: Centre, learner: string, w: NewWitness, opts: RecordOptions = {}): Promise<RecordResult> {
  const ctx = await open(centre, learner);
  const who = whoRecords(ctx.specs, centre.root, opts.by, false);
  const item: Record<string, Plain> = { id: w.id, name: w.name };
  if (w.relationship !== undefined) item.relationship = w.relationship;
  if (w.status !== undefined) item.status = w.status;
  if (w.email !== undefined) item.email = w.email;
  const change = listChange(ctx, 'witnesses', item);
  return finish(centre, ctx, change, opts, who, [`witness ${w.id}`], `${learner}: add witness ${w.id} (${w.name})`, []);
}
