// Claims are final: a claimed unit must have been achieved when it was claimed, and nothing on
// it may be recorded after the claim (the awarding body certificated what it saw). Only dates
// in the files can show a later change here; `folio verify` sees edits in git's history.
import { itemKey, q, type Finding } from '../diagnostics.js';
import { countsAchieved } from '../status/types.js';
import { at, type LearnerContext, type Rule } from './context.js';
import { unmetFollows } from './decisions.js';

export const lifecycle: Rule = {
  name: 'claims',
  codes: ['claim-not-achieved', 'changed-after-claim', 'duplicate-entry'],
  learner(ctx) {
    const { index, learner: l, result } = ctx;
    const out: Finding[] = [];
    for (const c of l.claims) {
      if (c.date > ctx.asOf) continue;
      if (c.qualification !== undefined) {
        const other = index.qualification(c.qualification)?.id ?? c.qualification;
        if (other !== result.qualification) {
          const said = { id: 'other-qualification', data: { date: c.date, qualification: c.qualification, registered: result.qualification } };
          out.push(at('claim-not-achieved', { file: c.loc.file, path: [...c.loc.path, 'qualification'] }, said, (d) => `the claim of ${d.date} names qualification ${q(d.qualification)}, but this learner is on ${d.registered}: correct the number`));
        } else if (result.status !== 'claimed' && result.status !== 'certificated') {
          const said = { id: 'qualification', data: { date: c.date, qualification: result.qualification, status: result.status } };
          const f = at('claim-not-achieved', { file: c.loc.file, path: [...c.loc.path, 'qualification'] }, said, (d) => `the claim of ${d.date} is for qualification ${d.qualification}, which is ${d.status.replace(/-/g, ' ')}, not achieved: remove the claim until every rule of combination is met`);
          const follows = lostUnits(ctx);
          if (follows) f.follows = follows;
          out.push(f);
        }
      }
      for (const u of c.units ?? []) {
        const id = index.canonical(u.ref);
        const unit = result.units.find((x) => x.id === id);
        // A unit outside the qualification or with no spec is reported by portfolio-units.
        if (!unit || unit.status === 'unknown' || unit.status === 'claimed' || unit.status === 'certificated') continue;
        const said = { id: 'unit', data: { date: c.date, unit: id, status: unit.status } };
        const f = at('claim-not-achieved', u.loc, said, (d) => `the claim of ${d.date} names unit ${d.unit}, which is ${d.status.replace(/-/g, ' ')}, not achieved: remove it from the claim until it is achieved and signed off`);
        const follows = lostUnits(ctx, id);
        if (follows) f.follows = follows;
        out.push(f);
      }
    }
    // A unit (or the qualification) claimed a second time would be certificated twice.
    const first = new Map<string, string>();
    for (const c of l.claims) {
      const parts = c.qualification !== undefined ? [{ key: 'qualification', loc: { file: c.loc.file, path: [...c.loc.path, 'qualification'] } }] : (c.units ?? []).map((u) => ({ key: index.canonical(u.ref), loc: u.loc }));
      for (const p of parts) {
        const before = first.get(p.key);
        if (before === undefined) {
          first.set(p.key, c.date);
          continue;
        }
        const said = { id: 'claimed-twice', data: { what: p.key, date: c.date, first: before } };
        out.push(at('duplicate-entry', p.loc, said, (d) => `${d.what === 'qualification' ? 'the qualification' : `unit ${d.what}`} is claimed again on ${d.date}, after the claim of ${d.first}: claim each unit once; remove this entry, or record a correction with the awarding body`));
      }
    }
    // The first claim of each claimed unit: records on it dated after that are changes.
    const claimedOn = new Map<string, string>();
    for (const u of result.units) if ((u.status === 'claimed' || u.status === 'certificated') && u.claim && countsAchieved(u.status)) claimedOn.set(u.id, u.claim.date);
    if (!claimedOn.size) return out;
    const after = (ref: string, date: string | undefined) => {
      const claimed = claimedOn.get(index.canonical(ref));
      return claimed !== undefined && date !== undefined && date > claimed ? claimed : undefined;
    };
    const report = (loc: { file: string; path: (string | number)[] }, what: string, unit: string, date: string, claimed: string) => {
      const said = { id: 'record-after-claim', data: { what, unit: index.canonical(unit), date, claimed } };
      out.push(at('changed-after-claim', loc, said, (d) => `${d.what} on unit ${d.unit} is dated ${d.date}, after the unit was claimed on ${d.claimed}: a claimed unit's evidence and decisions are final; undo the change, or record it with the awarding body and correct the claim`));
    };
    for (const e of l.evidence) {
      for (const cover of e.covers) {
        const d = [e.date, e.assessment?.date].filter((x): x is string => x !== undefined).sort().pop();
        const claimed = after(cover.unitRef, d);
        if (claimed) report(cover.loc, `evidence ${q(e.id)}`, cover.unitRef, d!, claimed);
      }
    }
    for (const s of l.signoffs) {
      const claimed = after(s.unitRef, s.date);
      if (claimed) report(s.loc, 'a sign-off', s.unitRef, s.date, claimed);
    }
    for (const r of l.iqa) {
      const claimed = after(r.unitRef, r.date);
      if (claimed) report(r.loc, `a ${r.stage} IQA record`, r.unitRef, r.date, claimed);
    }
    return out;
  },
};

/** What a claim of units no longer achieved follows from, when only mistakes already reported
 * made them so: for each signed-off unit (of the one named, or of any) that is not achieved,
 * the items its open criteria would have been met by, or its sign-off that the schema left out.
 * One typo is then reported once, not again as a claim of something not achieved. */
function lostUnits(ctx: LearnerContext, only?: string): string[][] | undefined {
  const { index, record: l, result } = ctx;
  const signed = (id: string) => l.signoffs.some((s) => index.canonical(s.unitRef) === id) || (ctx.learner.droppedSignoffs ?? []).some((s) => index.canonical(s.unitRef) === id);
  const lost = result.units.filter((u) => (only === undefined || u.id === only) && !countsAchieved(u.status) && u.status !== 'unknown' && signed(u.id));
  // A signed-off unit that is out of the learner's units because its optional-units entry
  // was mistyped (reported as unknown-unit) follows from that entry.
  const scoped = new Set(result.units.map((u) => u.id));
  const unchosen = only === undefined ? [...new Set(l.signoffs.map((s) => index.canonical(s.unitRef)))].filter((id) => !scoped.has(id) && index.unit(id)) : [];
  if (!lost.length && !unchosen.length) return undefined;
  const groups: string[][] = [];
  if (unchosen.length) {
    const typos = l.optionalUnits.filter((o) => !index.unit(o.ref)).map((o) => itemKey(o.loc.file, o.loc.path));
    if (!typos.length) return undefined;
    groups.push(typos);
  }
  for (const u of lost) {
    if (u.met === u.total) {
      const dropped = (ctx.learner.droppedSignoffs ?? []).filter((s) => index.canonical(s.unitRef) === u.id).map((s) => itemKey(s.loc.file, s.loc.path));
      if (!dropped.length) return undefined;
      groups.push(dropped);
      continue;
    }
    const follows = unmetFollows(ctx, u);
    if (!follows?.length) return undefined;
    groups.push(...follows);
  }
  return groups;
}
