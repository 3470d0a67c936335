// The plan file: a Plan as YAML text, and back. One flow mapping per sample keeps the file
// short and each sample on one line, so a diff of two plans (and git blame) reads line by line.
import type { Finding } from '../diagnostics.js';
import { planSchema } from '../schema/plan.js';
import { validate } from '../schema/validate.js';
import { emitFlow } from '../record/emit.js';
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

export function planText(id: string, p: Plan, centreName: string): string {
  const s = p.strategy;
  const lines = [
    `# IQA sample plan for ${centreName.replace(/[\r\n]+/g, ' ')}, written by folio iqa plan. Commit it before sampling:`,
    '# folio verify then shows it was on record first, and folio iqa due lists what it still asks for.',
    `plan: ${emitFlow({ id, 'as-of': p.asOf, ...(p.from ? { from: p.from } : {}) })}`,
    `strategy: ${emitFlow({
      'interim-rate': String(s.interimRate),
      'summative-rate': String(s.summativeRate),
      ...(s.newAssessorRate >= 0 ? { 'new-assessor-rate': String(s.newAssessorRate) } : {}),
      ...(s.newAssessorMonths !== undefined ? { 'new-assessor-months': String(s.newAssessorMonths) } : {}),
    })}`,
    p.samples.length ? 'samples:' : 'samples: []',
    ...p.samples.map((x) => {
      const sample = {
        learner: x.learner,
        unit: x.unit,
        stage: x.stage,
        assessor: x.assessor,
        ...(x.iqa === null ? {} : { iqa: x.iqa }),
        date: x.date,
        evidence: x.evidence,
        reason: x.reason,
        ...(x.for !== undefined ? { for: x.for } : {}),
      };
      return `  - ${emitFlow(sample)}`;
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
