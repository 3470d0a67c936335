// Formatters for the lifecycle commands that report more than one record: folio learner
// transfer (the record, then the units carried over, left behind and new) and folio learner
// reassign (each learner changed, those skipped, the one commit). JSON is built field by field;
// the transfer document is the record document with a transfer object added.
import type { Diagnostic } from '../diagnostics.js';
import { json, VERSION } from './contract.js';
import { diagnosticJson, recordJson, recordTable, type RecordReport } from './record.js';
import { visible } from './safe.js';
import { palette, type RenderOptions } from './style.js';

interface Unit {
  unit: string;
  title?: string;
  status: string;
  evidence?: string[];
}

export interface TransferReport extends RecordReport {
  /** Absent when refused. */
  transfer?: { from: string; to: string; carried: Unit[]; leftBehind: Unit[]; notStarted: Unit[]; droppedOptional: string[] };
}

export interface ReassignReport {
  from: string;
  to: string;
  by?: string;
  written: boolean;
  changed: { learner: string; file: string; diff: string }[];
  skipped: { learner: string; reason: string }[];
  commit?: { hash: string; author: string; message: string };
  refused?: { code: string; message: string; diagnostics: Diagnostic[] };
}

const unitLine = (u: Unit) => `  ${visible(u.unit)}  ${u.status}${u.title ? `  ${visible(u.title)}` : ''}${u.evidence?.length ? `  (evidence kept: ${u.evidence.map(visible).join(', ')})` : ''}`;

function transferTable(r: TransferReport, o: RenderOptions): string {
  const head = recordTable(r, o);
  const t = r.transfer;
  if (!t) return head;
  const out: string[] = [];
  out.push(`Carried over to ${visible(t.to)} (${t.carried.length}):`, ...(t.carried.length ? t.carried.map(unitLine) : ['  none']));
  out.push(`Left behind on ${visible(t.from)} (${t.leftBehind.length}; their records stay in the portfolio):`, ...(t.leftBehind.length ? t.leftBehind.map(unitLine) : ['  none']));
  if (t.droppedOptional.length) out.push(`Dropped from optional-units: ${t.droppedOptional.map(visible).join(', ')}`);
  out.push(`New on ${visible(t.to)}, not started (${t.notStarted.length}):`, ...(t.notStarted.length ? t.notStarted.map(unitLine) : ['  none']));
  return `${head}${out.join('\n')}\n`;
}

const unitJson = (u: Unit) => ({ unit: u.unit, title: u.title ?? null, status: u.status });

function transferJson(r: TransferReport) {
  const t = r.transfer;
  return {
    ...recordJson(r),
    transfer: t
      ? {
          from: t.from,
          to: t.to,
          carried: t.carried.map(unitJson),
          leftBehind: t.leftBehind.map((u) => ({ ...unitJson(u), evidence: [...(u.evidence ?? [])] })),
          notStarted: t.notStarted.map(unitJson),
          droppedOptional: [...t.droppedOptional],
        }
      : null,
  };
}

function reassignTable(r: ReassignReport, o: RenderOptions): string {
  const c = palette(o.color);
  if (r.refused) return `${c.bold('Refused')}: ${visible(r.refused.message)} [${r.refused.code}]\n`;
  const out: string[] = [];
  if (!r.written && r.changed.length) out.push(...r.changed.map((x) => x.diff.trimEnd()), '');
  const names = r.changed.map((x) => visible(x.learner)).join(', ');
  if (!r.changed.length) out.push(`No learner to move from ${visible(r.from)} to ${visible(r.to)}.`);
  else if (r.written) out.push(`Reassigned ${r.changed.length === 1 ? '1 learner' : `${r.changed.length} learners`} from ${visible(r.from)} to ${visible(r.to)}${r.by ? ` (recorded by ${visible(r.by)})` : ''}: ${names}.`);
  else out.push(`Dry run: nothing written. ${r.changed.length === 1 ? '1 learner' : `${r.changed.length} learners`} would move from ${visible(r.from)} to ${visible(r.to)}: ${names}.`);
  for (const s of r.skipped) out.push(`Skipped ${visible(s.learner)} (${s.reason}): name them to move them too.`);
  if (r.commit) out.push(`Committed ${r.commit.hash.slice(0, 8)} as ${visible(r.commit.author)}: ${visible(r.commit.message)}`);
  return `${out.join('\n')}\n`;
}

function reassignJson(r: ReassignReport) {
  return {
    version: VERSION,
    from: r.from,
    to: r.to,
    by: r.by ?? null,
    written: r.written,
    refused: r.refused ? { code: r.refused.code, message: r.refused.message, diagnostics: r.refused.diagnostics.map(diagnosticJson) } : null,
    changed: r.changed.map((x) => ({ learner: x.learner, file: x.file, diff: x.diff })),
    skipped: r.skipped.map((s) => ({ learner: s.learner, reason: s.reason })),
    commit: r.commit ? { hash: r.commit.hash, author: r.commit.author, message: r.commit.message } : null,
  };
}

export const transferFormats = { table: transferTable, json: (r: TransferReport) => json(transferJson(r)) };
export const reassignFormats = { table: reassignTable, json: (r: ReassignReport) => json(reassignJson(r)) };
