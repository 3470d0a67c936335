// Formatters for `folio status`: a cohort table, or per learner a header, a per-unit table with
// progress bars, the rules of combination and (--detail) every criterion by outcome.
import { mapEach } from '../iter.js';
import type { LearnerResult, Results, UnitResult } from '../status/types.js';
import { statusJsonChunks } from './contract.js';
import { EXEMPTION_WORDS, plural } from '../text.js';
import { mdText, visible } from './safe.js';
import { bar, csvRow, fit, mdTable, pad, paint, palette, percent, proseWidth, wrap, type RenderOptions } from './style.js';
import { table } from './table.js';

export interface StatusReport {
  asOf: string;
  learners: Results;
  /** Number of gaps per learner id. */
  gaps: Map<string, number>;
  /** Staff names by id, for the assessor line. */
  staff: Map<string, string>;
  /** Per-learner view (one or more learners named) rather than the cohort table. */
  single: boolean;
  /** --unit: only this unit (canonical id). */
  unit?: string;
  /** The cohort's learners whose portfolio cannot be read, with how many errors check reports in
   * it: the cohort table shows them rather than let them vanish. */
  unreadable?: { id: string; errors: number }[];
}


/** Achieved credits, marked "+?" when an achieved unit's credits are unknown. */
const credits = (l: LearnerResult) => `${l.credits.achieved}${l.credits.unknownUnits.length ? '+?' : ''}/${l.credits.required ?? '?'}`;

function unitsOf(l: LearnerResult, r: StatusReport): UnitResult[] {
  return r.unit ? l.units.filter((u) => u.id === r.unit) : l.units;
}

/** A learner's status as the human formats show it: a withdrawal outranks the qualification's. */
const shownStatus = (l: { withdrawn?: unknown; status: string }) => (l.withdrawn ? 'withdrawn' : l.status);

function cohort(r: StatusReport, o: RenderOptions): string {
  const c = palette(o.color);
  if (r.unit) {
    const header = ['Learner', 'Name', 'Unit status', 'Criteria', 'Signed off'];
    const rows = mapEach(r.learners, (l) => {
      const u = l.units.find((x) => x.id === r.unit)!;
      return [visible(l.id), visible(l.name), paint(c, u.status), `${u.met}/${u.total}`, u.signoff ? `${u.signoff.date} ${visible(u.signoff.by)}` : ''];
    });
    return `${c.bold(`Unit ${visible(r.unit)}`)}\n${table(header, rows, { width: o.width, head: c.bold, shrink: 1 })}\n`;
  }
  const header = ['Learner', 'Name', 'Qualification', 'Units', 'Credits', 'Met', 'Status', 'Gaps'];
  const counts = new Map<string, number>();
  const rows = mapEach(r.learners, (l) => {
    const shown = shownStatus(l);
    counts.set(shown, (counts.get(shown) ?? 0) + 1);
    return [
    visible(l.id),
    visible(l.name),
    visible(l.qualification),
    `${l.unitsAchieved}/${l.unitsNeeded}`,
    credits(l),
    percent(l.criteria.met, l.criteria.total),
    paint(c, shown),
    String(r.gaps.get(l.id) ?? 0),
  ];
  });
  for (const u of r.unreadable ?? []) {
    counts.set('unreadable', (counts.get('unreadable') ?? 0) + 1);
    rows.push([visible(u.id), plural(u.errors, 'error'), '', '', '', '', c.red('unreadable'), '']);
  }
  const tally = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  const total = r.learners.length + (r.unreadable?.length ?? 0);
  // Too narrow with the name cut: leave out the qualification (also in each learner's view),
  // then credits, then units; learner, status, share met and gaps always stay.
  return `${table(header, rows, { width: o.width, head: c.bold, right: [3, 4, 5, 7], shrink: 1, drop: [2, 4, 3] })}\n\n${wrap(`${plural(total, 'learner')} as of ${r.asOf}${tally ? `: ${tally}` : ''}.`, proseWidth(o), '')}\n`;
}

function learnerView(l: LearnerResult, r: StatusReport, o: RenderOptions): string {
  const c = palette(o.color);
  const out: string[] = [];
  out.push(`${c.bold(visible(l.name))} (${visible(l.id)})${l.uln ? `  ULN ${visible(l.uln)}` : ''}`);
  out.push(`${visible(l.qualification)}${l.qualificationTitle ? ` ${visible(l.qualificationTitle)}` : c.magenta(' (no specification)')}`);
  const assessor = l.assessor ? `Assessor ${visible(r.staff.get(l.assessor) ?? l.assessor)} (${visible(l.assessor)})` : 'No assessor named';
  out.push(`${assessor}${l.registered ? ` · registered ${l.registered}` : ''} · as of ${r.asOf}`);
  out.push(
    `Credits ${credits(l)} · units ${l.unitsAchieved}/${l.unitsNeeded} achieved · criteria ${l.criteria.met}/${l.criteria.total} met (${percent(l.criteria.met, l.criteria.total)}) · ${paint(c, l.status)}`,
  );
  out.push(...lifecycleLines(l, r, o), '');

  const units = unitsOf(l, r);
  // One table for every group, so columns line up across groups; each group's heading goes in
  // above its first row.
  const groups = [...l.groups.map((g) => g.id), undefined];
  const ordered = groups.flatMap((gid) => units.filter((u) => u.group === gid));
  const rows = ordered.map((u) => [visible(u.id), visible(u.title), u.credits === undefined ? '?' : String(u.credits), c.green(bar(u.met, u.total)), `${u.met}/${u.total}`, paint(c, u.status)]);
  const lines = rows.length ? table(undefined, rows, { width: o.width, indent: 2, right: [2, 4], shrink: 1, min: 12 }).split('\n') : [];
  ordered.forEach((u, i) => {
    if (i === 0 || ordered[i - 1]!.group !== u.group) {
      const g = l.groups.find((x) => x.id === u.group);
      out.push(c.underline(u.group === undefined ? 'Not in the qualification' : visible(g?.title ?? `Group ${u.group}`)));
    }
    out.push(lines[i]!);
  });
  if (l.rules.length && !r.unit) {
    out.push('', c.underline('Rules of combination'));
    for (const rule of l.rules) {
      const mark = rule.status === 'met' ? '✓' : rule.status === 'unmet' ? '✗' : '?';
      out.push(`  ${paint(c, rule.status, `${mark} ${rule.status.padEnd(7)}`)}  ${fit(visible(rule.message), o.width - 13)}`);
    }
  }
  if (o.detail) for (const u of units) out.push('', ...unitDetail(u, o));
  return out.join('\n');
}

// The lifecycle, when there is any: withdrawal, breaks, exemptions, claims and transfers, each
// on a line of its own, in file order.
function lifecycleLines(l: LearnerResult, r: StatusReport, o: RenderOptions): string[] {
  const c = palette(o.color);
  const who = (id: string | undefined, verb = 'recorded') => (id === undefined ? '' : `, ${verb} by ${r.staff.get(id) ? `${visible(r.staff.get(id))} (${visible(id)})` : visible(id)}`);
  const ref = (x: { reference?: string }) => (x.reference ? `, reference ${visible(x.reference)}` : '');
  const out: string[] = [];
  if (l.withdrawn) out.push(paint(c, 'withdrawn', `Withdrawn ${l.withdrawn.date}${l.withdrawn.reason ? ` (${visible(l.withdrawn.reason)})` : ''}${who(l.withdrawn.by)}`));
  for (const b of l.breaks ?? []) out.push(`Break in learning from ${b.from}${b.to ? ` to ${b.to}` : ', goes on'}${b.reason ? ` (${visible(b.reason)})` : ''}`);
  for (const e of l.exemptions ?? []) {
    const kind = EXEMPTION_WORDS[e.kind];
    out.push(`${kind[0]!.toUpperCase()}${kind.slice(1)} for ${visible(e.unit)} on ${e.date}${ref(e)}${who(e.by)}`);
  }
  for (const cl of l.claims ?? []) {
    const what = cl.qualification !== undefined ? `the qualification ${visible(cl.qualification)}` : `${(cl.units ?? []).length === 1 ? 'unit' : 'units'} ${(cl.units ?? []).map(visible).join(', ')}`;
    const cert = cl.certificate ? `certificate ${visible(cl.certificate)}${cl.certificateDate ? ` of ${cl.certificateDate}` : ''}` : 'awaiting certificate';
    out.push(`Claimed ${cl.date}: ${what}${ref(cl)}, ${cert}${who(cl.by, 'claimed')}`);
  }
  for (const t of l.transfers ?? []) out.push(`Transferred ${t.date} from ${visible(t.from)}${t.reason ? ` (${visible(t.reason)})` : ''}${who(t.by)}`);
  return out;
}

function unitDetail(u: UnitResult, o: RenderOptions): string[] {
  const c = palette(o.color);
  const out = [`${c.bold(visible(u.id))} ${visible(u.title)} · ${paint(c, u.status)} · ${u.met}/${u.total} met${u.signoff ? ` · signed off ${u.signoff.date} by ${visible(u.signoff.by)}` : ''}`];
  if (u.exemption) out.push(`  exempted: not assessed here (${EXEMPTION_WORDS[u.exemption.kind]} on ${u.exemption.date})`);
  let outcome: string | undefined;
  for (const cr of u.criteria) {
    if (cr.outcome !== outcome) {
      outcome = cr.outcome;
      out.push(`  Outcome ${visible(outcome)}`);
    }
    const ev = visible(cr.evidence.join(' '));
    const textWidth = o.width - 48;
    out.push(`    ${pad(visible(cr.id), 7)} ${pad(paint(c, cr.status), 19)} ${pad(fit(ev, 14), 14)} ${textWidth > 10 ? c.dim(fit(visible(cr.text), textWidth)) : ''}`.trimEnd());
  }
  return out;
}

function statusTable(r: StatusReport, o: RenderOptions): string {
  if (!r.single) return cohort(r, o);
  return `${mapEach(r.learners, (l) => learnerView(l, r, o)).join('\n\n')}\n`;
}

function statusCsv(r: StatusReport, o: RenderOptions): Iterable<string> {
  if (o.detail) {
    const head = ['learner', 'name', 'qualification', 'unit', 'outcome', 'criterion', 'status', 'evidence'];
    return csvLines(head, r.learners, (l) => unitsOf(l, r).flatMap((u) => u.criteria.map((cr) => [l.id, l.name, l.qualification, u.id, cr.outcome, cr.id, cr.status, cr.evidence.join(' ')])));
  }
  const head = ['learner', 'name', 'qualification', 'learner_status', 'assessor', 'unit', 'title', 'group', 'credits', 'unit_status', 'criteria_met', 'criteria_total', 'signed_off_by', 'signed_off_date'];
  return csvLines(head, r.learners, (l) => unitsOf(l, r).map((u) => [l.id, l.name, l.qualification, l.status, l.assessor, u.id, u.title, u.group, u.credits, u.status, u.met, u.total, u.signoff?.by, u.signoff?.date]));
}

/** A CSV file learner by learner: rows per learner, each learner read as it comes. */
function* csvLines(head: string[], learners: Results, rows: (l: LearnerResult) => (string | number | null | undefined)[][]): Generator<string> {
  yield `${csvRow(head)}\n`;
  for (const l of learners) {
    const lines = rows(l).map(csvRow);
    if (lines.length) yield `${lines.join('\n')}\n`;
  }
}

function statusMarkdown(r: StatusReport, o: RenderOptions): string {
  if (!r.single) {
    return `${mdTable(
      ['Learner', 'Name', 'Qualification', 'Units', 'Credits', 'Criteria met', 'Status', 'Gaps'],
      mapEach(r.learners, (l) => [l.id, l.name, l.qualification, `${l.unitsAchieved}/${l.unitsNeeded}`, credits(l), percent(l.criteria.met, l.criteria.total), shownStatus(l), r.gaps.get(l.id) ?? 0]),
    )}\n`;
  }
  const parts = mapEach(r.learners, (l) => {
    const lines = [`## ${mdText(l.name)} (${mdText(l.id)})`, '', `${mdText(l.qualification)} ${mdText(l.qualificationTitle)} · credits ${credits(l)} · ${shownStatus(l)}`, ''];
    lines.push(mdTable(['Unit', 'Title', 'Group', 'Credits', 'Criteria met', 'Status'], unitsOf(l, r).map((u) => [u.id, u.title, u.group, u.credits ?? '?', `${u.met}/${u.total}`, u.status])));
    if (l.rules.length) lines.push('', mdTable(['Rule', 'Status', ''], l.rules.map((x) => [x.id, x.status, x.message])));
    if (o.detail) {
      for (const u of unitsOf(l, r)) {
        lines.push('', `### ${mdText(u.id)} ${mdText(u.title)}`, '', mdTable(['Outcome', 'Criterion', 'Status', 'Evidence'], u.criteria.map((cr) => [cr.outcome, cr.id, cr.status, cr.evidence.join(', ')])));
      }
    }
    return lines.join('\n');
  });
  return `${parts.join('\n\n')}\n`;
}

export const statusFormats = {
  table: statusTable,
  json: (r: StatusReport) => statusJsonChunks(r.asOf, r.unit ? { length: r.learners.length, *[Symbol.iterator]() { for (const l of r.learners) yield { ...l, units: unitsOf(l, r) }; } } : r.learners),
  csv: statusCsv,
  markdown: statusMarkdown,
};
