// Decisions changed after an IQA sampled them. An IQA decision is about the assessments and
// sign-offs as they stood when it was recorded; if one of them changes afterwards, the IQA's
// record no longer vouches for what the portfolio says. So for each IQA record, folio reads the
// portfolio as committed in the commit that introduced the record (one `git cat-file` for all
// of them, after every portfolio is blamed) and compares each decision the record covers with
// the working tree. Whether a decision changed is decided by its content, so re-indenting it
// or editing other fields on its line is not an edit; the commits named as having changed it
// are those of its lines committed after the IQA's commit (by committer time).
import type { Finding } from '../diagnostics.js';
import type { BlameLine } from '../git/index.js';
import type { Index } from '../model/index.js';
import { parseYaml } from '../source.js';
import type { Attributed, Authors } from './authors.js';
import { short } from './people.js';
import { finding, normalise } from './records.js';

/** One IQA record whose commit is known, and the decisions it covers. */
export interface IqaCheck {
  iqa: Attributed;
  unit: string;
  /** The commit that introduced the record: the earliest of its lines' commits. */
  intro: BlameLine;
  decisions: Attributed[];
}

const time = (o: BlameLine) => Date.parse(o.committer.date);

/**
 * The IQA checks of one portfolio. An IQA record with a line older than a shallow clone's
 * history, or not committed at all, is left out: when it was made is not known (and is
 * reported as such).
 */
export function iqaChecks(records: Attributed[]): IqaCheck[] {
  const out: IqaCheck[] = [];
  for (const iqa of records) {
    if (iqa.record.kind !== 'iqa') continue;
    if (iqa.origins.some((o) => o.boundary)) continue;
    const committed = iqa.origins.filter((o) => !o.uncommitted);
    if (committed.length === 0) continue;
    const intro = committed.reduce((a, b) => (time(b) < time(a) ? b : a));
    const unit = iqa.record.units[0]!;
    const sample = iqa.record.sample ?? [];
    const decisions = records.filter((d) => {
      if (!d.record.units.includes(unit)) return false;
      if (d.record.kind === 'sign-off') return true;
      return d.record.kind === 'assessment' && (sample.length === 0 || sample.includes(d.record.evidence!));
    });
    if (decisions.length) out.push({ iqa, unit, intro, decisions });
  }
  return out;
}

/** The git object holding the portfolio as the IQA record's commit left it. */
export const blobOf = (c: IqaCheck) => `${c.intro.commit}:${c.intro.origPath}`;

/** The findings of one portfolio's IQA checks, given the texts of blobOf (undefined: unreadable). */
export function editedAfterIqa(checks: IqaCheck[], texts: Map<string, string | undefined>, index: Index, authors: Authors): Finding[] {
  // What each IQA saw: the decisions that existed in its commit, with their values then.
  const seen = new Map<IqaCheck, Map<Attributed, string>>();
  for (const c of checks) {
    const text = texts.get(blobOf(c));
    seen.set(c, text === undefined ? new Map() : existedIn(c, parseYaml(c.iqa.record.file, text).value, index));
  }
  // Against each unit, a decision answers to the latest IQA record that saw it: a later
  // sample of the decision as it now stands supersedes an earlier one.
  const out: Finding[] = [];
  const decisions = [...new Set(checks.flatMap((c) => c.decisions))];
  for (const d of decisions) {
    const judges = new Set<IqaCheck>();
    for (const unit of d.record.units) {
      let latest: IqaCheck | undefined;
      for (const c of checks) if (c.unit === unit && seen.get(c)!.has(d) && (!latest || time(c.intro) > time(latest.intro))) latest = c;
      if (latest) judges.add(latest);
    }
    for (const c of judges) {
      if (seen.get(c)!.get(d) === d.record.value) continue;
      out.push(changed(d, c, authors));
    }
  }
  return out;
}

function changed(d: Attributed, c: IqaCheck, authors: Authors): Finding {
  const { record: r } = d;
  const after = d.origins.flatMap((o, i) => (o.uncommitted || (o.commit !== c.intro.commit && time(o) >= time(c.intro)) ? [i] : []));
  const by = new Map<string, BlameLine>();
  for (const i of after) by.set(d.origins[i]!.commit, d.origins[i]!);
  const what = [...by.values()].map((o) => {
    if (o.uncommitted) return 'changes not yet committed changed it';
    const author = authors.get(o.commit) ?? o.author;
    return `commit ${short(o.commit)} by ${author.name} <${author.email}> on ${o.committer.date.slice(0, 10)} changed it`;
  });
  const how = what.length ? what.join('; ') : 'it no longer reads as it did then, though no later commit wrote its lines (a merge took an older version)';
  const changes = [...by.values()].map((o) => (o.uncommitted ? { commit: null, date: null } : { commit: o.commit, date: o.committer.date.slice(0, 10) }));
  const data = { iqa: c.iqa.record.label, iqaBy: c.iqa.record.by, iqaCommit: c.intro.commit, iqaDate: c.intro.committer.date.slice(0, 10), changes };
  return finding(
    'verify-edited-after-iqa',
    r,
    after[0] ?? 0,
    // A merge can bring back an older version with no later commit on its lines.
    { id: what.length ? 'changed-after-iqa' : 'older-version-merged', data },
    `the ${r.label} by ${r.by} was changed after the ${c.iqa.record.label} by ${c.iqa.record.by} was committed in ${short(c.intro.commit)} on ${c.intro.committer.date.slice(0, 10)}: ${how}. The IQA sampled it as it stood then: restore it, or have the IQA sample it again and add a new IQA record`,
  );
}

/** The decisions of an IQA check that existed in the portfolio as the IQA committed it, with
 * their values there. */
function existedIn(c: IqaCheck, old: unknown, index: Index): Map<Attributed, string> {
  const out = new Map<Attributed, string>();
  const doc = (old && typeof old === 'object' ? old : {}) as { evidence?: unknown; signoffs?: unknown };
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((i): i is Record<string, unknown> => !!i && typeof i === 'object') : []);
  const assessed = new Map<string, string>();
  for (const e of list(doc.evidence)) {
    const id = typeof e.id === 'string' ? e.id.trim() : undefined;
    if (id !== undefined && e.assessment != null && !assessed.has(id)) assessed.set(id, normalise(e.assessment));
  }
  for (const d of c.decisions) {
    if (d.record.kind !== 'assessment') continue;
    const then = assessed.get(d.record.evidence!);
    if (then !== undefined) out.set(d, then);
  }
  // Sign-offs have no id: one unchanged is one that reads the same as a sign-off of the unit
  // then; the rest are paired in order with what is left of the old ones (an edited sign-off),
  // and any beyond those are new.
  const before = list(doc.signoffs)
    .filter((s) => typeof s.unit === 'string' && index.canonical(s.unit) === c.unit)
    .map((s) => normalise(s));
  const now = c.decisions.filter((d) => d.record.kind === 'sign-off');
  const rest: Attributed[] = [];
  for (const d of now) {
    const k = before.indexOf(d.record.value);
    if (k >= 0) {
      out.set(d, before[k]!);
      before.splice(k, 1);
    } else rest.push(d);
  }
  rest.forEach((d, k) => {
    if (k < before.length) out.set(d, before[k]!);
  });
  return out;
}
