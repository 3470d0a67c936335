// folio progress: the cohort over time. At the end of each week or month, the centre as
// committed at the last commit on or before that day (on the first-parent history of HEAD),
// judged as of that day: criteria met and units achieved per learner. One git log finds the
// commits; the ids of each period's learner folders, specs and centre file say which
// learners changed (points.ts), and only those are assessed again: a period where nothing
// changed costs a look at two trees.
import { gitReader, logCommits } from '../git/index.js';
import type { CacheStore } from '../cache/store.js';
import { analyse } from '../pipeline/index.js';
import { layouts, PointMemo, type Point, type Seen } from './points.js';
import { learnerFolderOf } from '../load/files.js';
import type { CentreLocation } from '../locate.js';
import { repositoryOf } from '../pipeline/repository.js';

export type By = 'week' | 'month';

export interface Period {
  /** "2026-03" or "2026-W14". */
  id: string;
  /** The last day the period covers (the end of the range for the last one). */
  end: string;
  /** The commit the centre is read at; undefined before the centre's first commit. */
  commit?: string;
}

export type { Point };

export interface Progress {
  by: By;
  since: string;
  until: string;
  periods: Period[];
  /** Every learner seen in any period, by id; null where they had no portfolio yet. */
  learners: { id: string; name: string; series: (Point | null)[] }[];
}

export async function cohortProgress(centre: CentreLocation, opts: { by: By; since?: string; until: string; learners?: string[]; cache?: CacheStore; progress?: (done: number, total: number) => void }): Promise<Progress> {
  const repo = repositoryOf(centre, 'folio progress');
  const commits = logCommits(repo.top, { firstParent: true, paths: [repo.prefix || '.'] });
  const first = commits.at(-1)?.committer.date.slice(0, 10);
  const since = opts.since ?? first ?? opts.until;
  // A day ends at midnight where folio runs, as --at DAY has it, whatever time zone a commit
  // was made in.
  const endOf = (day: string) => new Date(`${day}T23:59:59.999`).getTime();
  const periods = periodsBetween(since, opts.until, opts.by).map((p) => {
    const c = commits.find((x) => Date.parse(x.committer.date) <= endOf(p.end));
    return { ...p, commit: c?.id, time: c ? Date.parse(c.committer.date) : 0 };
  });

  // A learner whose folder was renamed is one learner, under the name it has now. A rename
  // counts only for what came before it, so a name used again later is another learner.
  const renames: { from: string; to: string; time: number }[] = [];
  for (const c of logCommits(repo.top, { firstParent: true, raw: true, reverse: true, paths: [`${repo.prefix}portfolios`] })) {
    for (const ch of c.changes ?? []) {
      const from = ch.status === 'R' && ch.from ? folderOf(ch.from.slice(repo.prefix.length)) : undefined;
      const to = folderOf(ch.path.slice(repo.prefix.length));
      if (from && to && from !== to) renames.push({ from, to, time: Date.parse(c.committer.date) });
    }
  }
  const current = (id: string, time: number) => {
    for (const r of renames) if (r.time > time && r.from === id) id = r.to;
    return id;
  };
  /** Every name the learners asked for had, for reading past commits. */
  const formerly = (ids: string[]) => {
    const names = new Set(ids);
    for (const r of [...renames].reverse()) if (names.has(r.to)) names.add(r.from);
    return [...names];
  };

  const wanted = opts.learners && new Set(opts.learners);
  const series = new Map<string, { name: string; points: (Point | null)[] }>();
  const names = opts.learners && new Set(formerly(opts.learners));
  const shape = layouts(repo.top, repo.prefix, [...new Set(periods.flatMap((p) => (p.commit ? [p.commit] : [])))]);
  const memo = new PointMemo(repo.top, repo.prefix);
  for (const [i, p] of periods.entries()) {
    opts.progress?.(i, periods.length);
    if (!p.commit) continue;
    const layout = shape.get(p.commit);
    let seen: Seen[];
    if (layout) seen = memo.at(p.commit, layout, p.end, names);
    else {
      // A commit whose learner folders include links: assessed in full, as check --at would.
      const { analysis, results } = await analyse(gitReader(repo.top, p.commit, repo.prefix), { asOf: p.end, learners: opts.learners && formerly(opts.learners), results: true, rules: false, cache: opts.cache });
      seen = analysis.learners.map((l) => {
        const r = results.get(l.id);
        return { id: l.id, name: l.name, point: { criteriaMet: r.criteria.met, criteriaTotal: r.criteria.total, unitsAchieved: r.unitsAchieved, unitsNeeded: r.unitsNeeded, status: r.status } };
      });
    }
    for (const l of seen) {
      const id = current(l.id, p.time);
      if (wanted && !wanted.has(id)) continue;
      let s = series.get(id);
      if (!s) series.set(id, (s = { name: l.name, points: new Array<Point | null>(periods.length).fill(null) }));
      s.name = l.name;
      s.points[i] = l.point;
    }
  }
  opts.progress?.(periods.length, periods.length);
  const learners = [...series.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, s]) => ({ id, name: s.name, series: s.points }));
  return { by: opts.by, since, until: opts.until, periods: periods.map(({ time: _t, ...p }) => p), learners };
}

// A folder is renamed when its portfolio file is: evidence moved between learners is not a rename.
const folderOf = (path: string) => (/\/portfolio\.ya?ml$/.test(path) ? learnerFolderOf(path) : undefined);

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);

/** The weeks (Monday to Sunday, named by ISO week) or calendar months from since to until. */
export function periodsBetween(since: string, until: string, by: By): Omit<Period, 'commit'>[] {
  const out: Omit<Period, 'commit'>[] = [];
  if (since > until) return out;
  let start = day(since);
  if (by === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  else start.setUTCDate(1);
  for (let guard = 0; guard < 5000 && iso(start) <= until; guard++) {
    const end = new Date(start);
    if (by === 'week') end.setUTCDate(end.getUTCDate() + 6);
    else end.setUTCMonth(end.getUTCMonth() + 1, 0);
    out.push({ id: by === 'week' ? isoWeek(start) : iso(start).slice(0, 7), end: iso(end) < until ? iso(end) : until });
    start = new Date(end);
    start.setUTCDate(start.getUTCDate() + 1);
  }
  return out;
}

/** "2026-W14": the ISO 8601 week a Monday starts, and the year that week belongs to. */
function isoWeek(monday: Date): string {
  const thursday = new Date(monday);
  thursday.setUTCDate(thursday.getUTCDate() + 3);
  const year = thursday.getUTCFullYear();
  const jan1 = new Date(Date.UTC(year, 0, 1));
  const week = Math.floor((thursday.getTime() - jan1.getTime()) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
