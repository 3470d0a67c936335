// Formatters for `folio claim ready`: what may be claimed now, and with --why what may not and
// why. The CSV holds only what is ready, in the columns issue 13 gives for an awarding body's
// bulk claim upload; each body's own template should be checked (README "Claims"). The JSON is
// a contract, built field by field.
import type { ClaimReady } from '../api/claims.js';
import { reasonText, type ClaimEntry, type NotReady } from '../claims/ready.js';
import { plural } from '../text.js';
import { json, VERSION } from './contract.js';
import { visible } from './safe.js';
import { csvRow, palette, type RenderOptions } from './style.js';
import { table } from './table.js';

export interface ClaimReadyReport extends ClaimReady {
  /** Show what is not ready, and why (the table; JSON and CSV are the same either way). */
  why: boolean;
}

const ready = (r: ClaimReady) => r.entries.filter((e) => e.reasons.length === 0);
const notReady = (r: ClaimReady) => r.entries.filter((e) => e.reasons.length > 0);

function readyTable(r: ClaimReadyReport, o: RenderOptions): string {
  const c = palette(o.color);
  const yes = ready(r);
  const learners = new Set(yes.map((e) => e.learner)).size;
  const out = [`${c.bold('Ready to claim')} as of ${r.date} (before-claim: ${r.beforeClaim}): ${yes.length ? `${plural(yes.length, 'claim')} for ${plural(learners, 'learner')}` : 'nothing'}.`];
  if (yes.length) {
    // No registration numbers recorded: no empty column.
    const reg = yes.some((e) => e.registrationNumber);
    const rows = yes.map((e) => [visible(e.learner), visible(e.name), visible(e.uln ?? ''), ...(reg ? [visible(e.registrationNumber ?? '')] : []), e.claim.kind, visible(e.claim.id), visible(e.claim.title ?? '')]);
    const head = ['Learner', 'Name', 'ULN', ...(reg ? ['Registration'] : []), 'Claim', 'Number', 'Title'];
    out.push('', table(head, rows, { width: o.width, head: c.dim, shrink: head.length - 1, min: 8, drop: reg ? [6, 3] : [] }));
  }
  if (r.why) {
    const no = notReady(r);
    out.push('', `${c.bold('Not ready')}: ${no.length ? plural(no.length, 'entry', 'entries') : 'nothing'}${r.unreadable.length ? `, and ${plural(r.unreadable.length, 'learner')} whose portfolio cannot be read` : ''}.`);
    // One line each, never cut: the reasons are what --why is for.
    for (const e of no) out.push(`  ${visible(e.learner)}  ${e.claim.kind} ${visible(e.claim.id)}: ${visible(e.reasons.map((x) => ownText(x, e)).join('; '))}`);
    for (const id of r.unreadable) out.push(`  ${visible(id)}  the portfolio cannot be read: folio check ${visible(id)} says why`);
  } else if (notReady(r).length) out.push('', c.dim(`${plural(notReady(r).length, 'other entry', 'other entries')} not ready: --why says why.`));
  return `${out.join('\n')}\n`;
}

/** The bulk-upload columns issue 13 names: learner name, ULN, registration number, unit or
 * qualification, date. */
const CSV_HEAD = ['learner_name', 'uln', 'registration_number', 'unit_or_qualification', 'date'];

/** A reason on a unit's own entry need not name the unit again. */
function ownText(x: NotReady, e: ClaimEntry): string {
  const t = reasonText(x);
  return e.claim.kind === 'unit' && t.startsWith(`${e.claim.id}: `) ? t.slice(e.claim.id.length + 2) : t;
}

const reasonJson = (x: NotReady) => ({ ...x, message: reasonText(x) });

const entryJson = (e: ClaimEntry, date: string) => ({
  learner: e.learner,
  name: e.name,
  uln: e.uln ?? null,
  registrationNumber: e.registrationNumber ?? null,
  qualification: e.qualification,
  claim: e.claim.kind,
  number: e.claim.id,
  title: e.claim.title ?? null,
  date,
});

export const claimReadyFormats = {
  table: readyTable,
  csv: (r: ClaimReadyReport) => [csvRow(CSV_HEAD), ...ready(r).map((e) => csvRow([e.name, e.uln, e.registrationNumber, e.claim.id, r.date]))].join('\n') + '\n',
  json: (r: ClaimReadyReport) =>
    json({
      version: VERSION,
      asOf: r.asOf,
      date: r.date,
      beforeClaim: r.beforeClaim,
      plans: r.plans,
      ready: ready(r).map((e) => entryJson(e, r.date)),
      notReady: notReady(r).map((e) => ({ ...entryJson(e, r.date), reasons: e.reasons.map(reasonJson) })),
      unreadable: r.unreadable,
    }),
};
