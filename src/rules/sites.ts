// Sites and the quality cycle's centre fields: every site a portfolio or a staff member names is
// one the centre lists, each listed once, and the qualifications staff started on are ones the
// centre has. The sample plan (iqa/plan.ts) represents every site, so a site it cannot resolve
// would be a site never sampled.
import { q, type Finding } from '../diagnostics.js';
import type { Loc } from '../model/types.js';
import { closest } from '../text.js';
import { at, type Rule, type SpecsOnly } from './context.js';

// Who names the site is the message id; what names it is data.
const WHO = {
  learner: () => "the learner's site",
  evidence: (d: { of: string | null }) => `evidence ${q(d.of)} names site`,
  staff: (d: { of: string | null }) => `staff member ${q(d.of)} works at site`,
};

function siteCheck(ctx: SpecsOnly, out: Finding[], id: string, loc: Loc, who: keyof typeof WHO, of: string | null = null): void {
  const centre = ctx.specs.centre;
  // Without a centre file nothing is listed; its absence is reported on its own.
  if (!centre) return;
  const ids = (centre.sites ?? []).map((s) => s.id);
  if (ids.includes(id)) return;
  const said = { id: who, data: { site: id, of, guess: closest(id, ids) ?? null, listed: ids.length } };
  const text = (d: typeof said.data) =>
    `${WHO[who](d)} ${q(d.site)}, which is not in sites: in portfolios/centre.yaml: ${d.guess ? `did you mean ${q(d.guess)}?` : d.listed ? 'add it there or correct the id' : 'the centre lists no sites; add it under sites: with an id and a name'}`;
  out.push(at('unknown-site', loc, said, text));
}

export const sites: Rule = {
  name: 'sites and sampling',
  codes: ['unknown-site', 'duplicate-entry', 'unknown-qualification'],
  specs(ctx) {
    const out: Finding[] = [];
    const centre = ctx.specs.centre;
    if (!centre) return out;
    const seen = new Set<string>();
    for (const s of centre.sites ?? []) {
      if (seen.has(s.id)) out.push(at('duplicate-entry', s.loc, { id: 'site-twice', data: { site: s.id } }, (d) => `site id ${q(d.site)} is listed twice in the centre file: keep one entry per site`, { sub: ['id'] }));
      seen.add(s.id);
    }
    for (const person of centre.staffList) {
      for (const s of person.sites ?? []) siteCheck(ctx, out, s.id, s.loc, 'staff', person.id);
      for (const qn of person.qualifications ?? []) {
        if (ctx.index.qualification(qn.qualification) || ctx.specs.unreadableSpecs.has(qn.qualification)) continue;
        const known = ctx.specs.qualifications.map((x) => x.id);
        const said = { id: 'staff-qualification', data: { staff: person.id, qualification: qn.qualification, guess: closest(qn.qualification, known) ?? null } };
        const text = (d: typeof said.data) =>
          `staff member ${q(d.staff)} started on qualification ${q(d.qualification)}, which has no specification in specs/qualifications/: ${d.guess ? `did you mean ${q(d.guess)}?` : 'correct the number or add its specification'}`;
        out.push(at('unknown-qualification', qn.loc, said, text, { sub: ['qualification'] }));
      }
    }
    return out;
  },
  learner(ctx) {
    const out: Finding[] = [];
    const l = ctx.learner;
    if (l.site !== undefined) siteCheck(ctx, out, l.site, { file: l.loc.file, path: ['site'] }, 'learner');
    for (const e of l.evidence) if (e.site !== undefined) siteCheck(ctx, out, e.site, { file: e.loc.file, path: [...e.loc.path, 'site'] }, 'evidence', e.id);
    return out;
  },
};
