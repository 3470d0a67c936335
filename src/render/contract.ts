// JSON output is a contract (README "Machine-readable output", version 1): built field by
// field from results, never by dumping internals, so refactoring cannot change it by accident.
import type { Diagnostic } from '../diagnostics.js';
import type { Gap } from '../status/gaps.js';
import type { LearnerResult } from '../status/types.js';
import type { ImportReport } from './import.js';

export const VERSION = 1;

/** The status document, one learner at a time: a cohort of thousands is never one string, nor
 * one object tree, in memory. The bytes are those of json({ version, asOf, learners: [...] }). */
export function statusJsonChunks(asOf: string, learners: Iterable<LearnerResult>): Iterable<string> {
  return jsonChunks({ version: VERSION, asOf }, 'learners', learners, learnerJson);
}

function learnerJson(l: LearnerResult) {
  return {
    id: l.id,
    name: l.name,
    qualification: l.qualification,
    status: l.status,
    withdrawn: l.withdrawn ? { date: l.withdrawn.date, reason: l.withdrawn.reason ?? null } : null,
    breaks: (l.breaks ?? []).map((b) => ({ from: b.from, to: b.to ?? null, reason: b.reason ?? null })),
    claim: claimJson(l.claim),
    transfers: (l.transfers ?? []).map((t) => ({ date: t.date, from: t.from, by: t.by ?? null, reason: t.reason ?? null })),
    assessor: l.assessor ?? null,
    credits: { achieved: l.credits.achieved, required: l.credits.required, unknownUnits: l.credits.unknownUnits },
    progress: { criteriaMet: l.criteria.met, criteriaTotal: l.criteria.total, unitsAchieved: l.unitsAchieved, unitsNeeded: l.unitsNeeded },
    units: l.units.map((u) => ({
      id: u.id,
      title: u.title ?? null,
      credits: u.credits ?? null,
      group: u.group ?? null,
      status: u.status,
      signoff: u.signoff ? { by: u.signoff.by, date: u.signoff.date } : null,
      exemption: u.exemption ? { kind: u.exemption.kind, date: u.exemption.date, reference: u.exemption.reference ?? null } : null,
      claim: claimJson(u.claim),
      criteria: u.criteria.map((c) => ({ id: c.id, outcome: c.outcome, status: c.status, evidence: [...c.evidence] })),
    })),
    rules: l.rules.map((r) => ({ id: r.id, status: r.status, message: r.message })),
  };
}

const claimJson = (c: LearnerResult['claim']) => (c ? { date: c.date, reference: c.reference ?? null, certificate: c.certificate ?? null } : null);

/** json({ ...head, [key]: items.map(toJson) }) written item by item, for a list that ends the
 * document. With `flat`, each item gives several elements of the list (a learner's gaps), written
 * as one piece. */
export function jsonChunks<T>(head: Record<string, unknown>, key: string, items: Iterable<T>, toJson: (item: T) => unknown, flat = false): Generator<string> {
  return chunks(head, key, items, toJson, flat);
}

function* chunks<T>(head: Record<string, unknown>, key: string, items: Iterable<T>, toJson: (item: T) => unknown, flat: boolean): Generator<string> {
  const top = JSON.stringify(head, null, 2);
  const open = `${top === '{}' ? '{' : `${top.slice(0, -2)},`}\n  ${JSON.stringify(key)}: [`;
  let first = true;
  for (const item of items) {
    const elements = flat ? (toJson(item) as unknown[]) : [toJson(item)];
    if (!elements.length) continue;
    let piece = '';
    for (const element of elements) {
      piece += `${first ? open : ','}\n    ${JSON.stringify(element, null, 2).replace(/\n/g, '\n    ')}`;
      first = false;
    }
    yield piece;
  }
  yield first ? `${open}]\n}\n` : '\n  ]\n}\n';
}

export function gapsJson(asOf: string, gaps: Gap[]) {
  return {
    version: VERSION,
    asOf,
    gaps: gaps.map((g) => ({ learner: g.learner, unit: g.unit, criterion: g.criterion, reason: g.reason, message: g.message })),
  };
}

export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
}

export function checkJson(diagnostics: Diagnostic[], summary: CheckSummary) {
  return {
    version: VERSION,
    diagnostics: diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message })),
    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings },
  };
}

export const json = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

/** `folio import --format json`: what each form gave (null where it gives nothing) and where it went. */
export function importJson(r: ImportReport) {
  return {
    version: VERSION,
    units: r.units.map((u) => {
      const spec = r.specs.find((s) => s.units.includes(u));
      return {
        unit: u.unit,
        aliases: [...u.aliases],
        title: u.title,
        level: u.level,
        credits: u.credits,
        glh: u.glh,
        guidance: u.guidance,
        outcomes: u.outcomes.map((o) => ({
          id: o.id,
          title: o.title,
          type: o.type,
          methods: o.methods ? [...o.methods] : null,
          criteria: o.criteria.map((c) => ({ id: c.id, text: c.text, guidance: c.guidance })),
        })),
        ssa: u.ssa,
        withdrawal: u.withdrawal,
        form: { file: u.file, line: u.line },
        // the confidence report: what the importer had to guess in this unit, by line
        confidence: (r.unsure?.get(u) ?? []).map((w) => ({ line: w.line, code: w.code, message: w.message })),
        spec: spec ? { file: `${r.dir}/${spec.file}`, action: spec.action } : null,
      };
    }),
    warnings: r.warnings.map((w) => ({ file: w.file, line: w.line, code: w.code, message: w.message })),
    specs: r.specs.map((s) => ({
      file: `${r.dir}/${s.file}`,
      unit: s.id,
      action: s.action,
      written: s.written ?? false,
      reason: s.written ? null : (s.reason ?? (r.written ? 'not written' : 'not asked to write')),
      backup: s.backup ? `${r.dir}/${s.backup}` : null,
      filled: [...s.filled],
      conflicts: s.conflicts.map((c) => ({ at: c.at, spec: c.spec, form: c.form })),
    })),
  };
}
