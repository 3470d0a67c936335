// Evidence items: unique ids within a portfolio, files that exist inside the learner's folder,
// IQA records that sample items that exist.
import { q, type Finding } from '../diagnostics.js';
import { at, type Rule } from './context.js';

export const evidenceItems: Rule = {
  name: 'evidence items',
  codes: ['duplicate-evidence-id', 'evidence-file-missing', 'evidence-file-outside', 'unknown-evidence'],
  learner({ learner: l }) {
    const out: Finding[] = [];
    const ids = new Map<string, number>();
    for (const e of l.evidence) {
      const first = ids.get(e.id);
      if (first !== undefined) out.push(at('duplicate-evidence-id', e.loc, `evidence id ${q(e.id)} is already used by item ${first + 1} of this portfolio: give each item its own id`, { sub: ['id'] }));
      else ids.set(e.id, e.loc.path[1] as number);
      if (e.location?.kind === 'file' && e.fileProblem) {
        const value = e.location.value;
        out.push(
          e.fileProblem === 'missing'
            ? at('evidence-file-missing', e.loc, `evidence ${q(e.id)}: file ${q(value)} does not exist in ${l.dir}/: add the file or correct the path`, { sub: ['file'] })
            : e.fileProblem === 'not-a-file'
              ? at('evidence-file-missing', e.loc, `evidence ${q(e.id)}: ${q(value)} in ${l.dir}/ is a pipe, socket or device, not a file: put the evidence file there instead`, { sub: ['file'] })
              : at('evidence-file-outside', e.loc, `evidence ${q(e.id)}: file ${q(value)} lies outside ${l.dir}/: keep evidence files in the learner's folder, or use url or ref`, { sub: ['file'] }),
        );
      }
    }
    for (const r of l.iqa) {
      r.evidence.forEach((id, i) => {
        if (!ids.has(id)) out.push(at('unknown-evidence', r.loc, `IQA record samples evidence ${q(id)}, which this portfolio does not have: correct the id`, { sub: ['evidence', i] }));
      });
    }
    return out;
  },
};
