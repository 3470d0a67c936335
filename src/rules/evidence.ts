// Evidence items: unique ids within a portfolio, files that exist inside the learner's folder,
// IQA records that sample items that exist.
import { itemKey, q, type Finding } from '../diagnostics.js';
import { at, type Rule } from './context.js';

export const evidenceItems: Rule = {
  name: 'evidence items',
  codes: ['duplicate-evidence-id', 'evidence-file-missing', 'evidence-file-outside', 'unknown-evidence'],
  learner({ learner: l }) {
    const out: Finding[] = [];
    const ids = new Map<string, number>();
    for (const e of l.evidence) {
      const first = ids.get(e.id);
      if (first !== undefined) {
        const said = { id: 'id-taken', data: { evidence: e.id, item: first + 1 } };
        out.push(at('duplicate-evidence-id', e.loc, said, (d) => `evidence id ${q(d.evidence)} is already used by item ${d.item} of this portfolio: give each item its own id`, { sub: ['id'] }));
      }
      else ids.set(e.id, e.loc.path[1] as number);
      if (e.location?.kind === 'file' && e.fileProblem) {
        const data = { evidence: e.id, file: e.location.value, dir: l.dir };
        const opts = { sub: ['file'] };
        out.push(
          e.fileProblem === 'missing'
            ? at('evidence-file-missing', e.loc, { id: 'no-such-file', data }, (d) => `evidence ${q(d.evidence)}: file ${q(d.file)} does not exist in ${d.dir}/: add the file or correct the path`, opts)
            : e.fileProblem === 'not-a-file'
              ? at('evidence-file-missing', e.loc, { id: 'not-a-file', data }, (d) => `evidence ${q(d.evidence)}: ${q(d.file)} in ${d.dir}/ is a pipe, socket or device, not a file: put the evidence file there instead`, opts)
              : at('evidence-file-outside', e.loc, { id: 'outside-folder', data }, (d) => `evidence ${q(d.evidence)}: file ${q(d.file)} lies outside ${d.dir}/: keep evidence files in the learner's folder, or use url or ref`, opts),
        );
      }
    }
    for (const r of l.iqa) {
      r.evidence.forEach((id, i) => {
        if (ids.has(id)) return;
        const f = at('unknown-evidence', r.loc, { id: 'not-in-portfolio', data: { evidence: id, unit: r.unitRef } }, (d) => `IQA record samples evidence ${q(d.evidence)}, which this portfolio does not have: correct the id`, { sub: ['evidence', i] });
        // An item the schema left out is in the file: its own finding says what to fix.
        const left = (l.dropped ?? []).filter((d) => d.id === id).map((d) => itemKey(d.loc.file, d.loc.path));
        if (left.length) f.follows = [left];
        out.push(f);
      });
    }
    return out;
  },
};
