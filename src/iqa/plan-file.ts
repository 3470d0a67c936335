// The plan file: a Plan as YAML text, and back. One flow mapping per sample keeps the file
// short and each sample on one line, so a diff of two plans (and git blame) reads line by line.
import type { Finding } from '../diagnostics.js';
import { planSchema } from '../schema/plan.js';
import { validate } from '../schema/validate.js';
import { parseYaml } from '../source.js';
import type { Planned } from './due.js';
import type { Plan, SampleReason, Stage } from './plan.js';

export const PLANS_DIR = 'iqa/plans';

/** A plan as read back from its file. */
export interface PlanFile {
  id: string;
  file: string;
  asOf: string;
  from?: string;
  samples: (Planned & { date: string; reason: SampleReason; for?: string })[];
}

// A plain scalar when it reads back as the same text, else a double-quoted one (JSON's
// escaping is YAML's).
const scalar = (v: string) => (/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|~)$/i.test(v) ? v : JSON.stringify(v));

export function planText(id: string, p: Plan, centreName: string): string {
  const s = p.strategy;
  const lines = [
    `# IQA sample plan for ${centreName.replace(/[\r\n]+/g, ' ')}, written by folio iqa plan. Commit it before sampling:`,
    '# folio verify then shows it was on record first, and folio iqa due lists what it still asks for.',
    `plan: { id: ${scalar(id)}, as-of: ${p.asOf}${p.from ? `, from: ${p.from}` : ''} }`,
    `strategy: { interim-rate: ${s.interimRate}, summative-rate: ${s.summativeRate}${s.newAssessorRate >= 0 ? `, new-assessor-rate: ${s.newAssessorRate}` : ''}${s.newAssessorMonths !== undefined ? `, new-assessor-months: ${s.newAssessorMonths}` : ''} }`,
    p.samples.length ? 'samples:' : 'samples: []',
    ...p.samples.map((x) => {
      const fields = [
        `learner: ${scalar(x.learner)}`,
        `unit: ${scalar(x.unit)}`,
        `stage: ${x.stage}`,
        `assessor: ${scalar(x.assessor)}`,
        ...(x.iqa === null ? [] : [`iqa: ${scalar(x.iqa)}`]),
        `date: ${x.date}`,
        `evidence: [${x.evidence.map(scalar).join(', ')}]`,
        `reason: ${x.reason}`,
        ...(x.for !== undefined ? [`for: ${scalar(x.for)}`] : []),
      ];
      return `  - { ${fields.join(', ')} }`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** A plan file read and checked; findings when it is not one. */
export function readPlan(file: string, text: string): { plan?: PlanFile; findings: Finding[] } {
  const parsed = parseYaml(file, text);
  if (parsed.value === undefined) return { findings: parsed.findings };
  const v = validate(planSchema, parsed.value, file, 'plan');
  if (!v.data) return { findings: [...parsed.findings, ...v.findings] };
  const d = v.data;
  return {
    plan: {
      id: d.plan.id,
      file,
      asOf: d.plan['as-of'],
      ...(d.plan.from ? { from: d.plan.from } : {}),
      samples: d.samples.map((x) => ({
        learner: x.learner.trim(),
        unit: x.unit.trim(),
        stage: x.stage as Stage,
        assessor: x.assessor.trim(),
        iqa: x.iqa?.trim() || null,
        date: x.date,
        evidence: (x.evidence ?? []).map((e) => e.trim()),
        reason: x.reason,
        ...(x.for ? { for: x.for } : {}),
      })),
    },
    findings: [...parsed.findings, ...v.findings],
  };
}
