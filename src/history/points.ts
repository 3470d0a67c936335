// What progress asks of each learner at each period, costing only what changed. A learner's
// point rests on their folder (portfolio and evidence), the specs and the centre file, and on
// the day it is judged as of; git names each of those by the id of its tree or blob. So each
// period reads only the commit's portfolios/ tree and the ids of specs/ (one cat-file for all
// periods, one for the distinct trees), and a learner is assessed again only when those ids
// differ from the last time it was, or the day moved while the portfolio still held a later
// date (any day on or after a portfolio's latest date gives the same results: the cache's
// rule). The memory kept is one small entry per learner folder, never a result per commit.
import { batchCheck, batchRead, gitReader, isMissing, parseTree } from '../git/index.js';
import { portfolioFileIn, PORTFOLIOS_DIR } from '../load/files.js';
import type { Reader } from '../load/reader.js';
import type { Index } from '../model/index.js';
import type { Specs } from '../model/types.js';
import { latestDate, learnerStage } from '../pipeline/learner.js';
import { specStage } from '../pipeline/specs.js';
import type { QualificationStatus } from '../status/types.js';

export interface Point {
  criteriaMet: number;
  criteriaTotal: number;
  unitsAchieved: number;
  unitsNeeded: number;
  status: QualificationStatus;
}

/** A learner as assessed at one period: undefined point when not a learner or unreadable there. */
export interface Seen {
  id: string;
  name: string;
  point: Point;
}

interface Memo {
  key: string;
  asOf: string;
  latest: string;
  seen?: { name: string; point: Point };
}

/** What one commit holds at the places a learner's point rests on; undefined when it holds
 * something these ids cannot stand for (a link among the learner folders), so the caller
 * assesses that period in full. */
interface Layout {
  centre: string;
  folders: { name: string; id: string }[];
}

export function layouts(top: string, prefix: string, commits: string[]): Map<string, Layout | undefined> {
  const at = (c: string, p: string) => `${c}:${prefix}${p}`;
  const found = batchCheck(top, commits.flatMap((c) => [at(c, 'specs'), at(c, PORTFOLIOS_DIR)]));
  const trees = new Set<string>();
  for (const c of commits) {
    const o = found.get(at(c, PORTFOLIOS_DIR));
    if (o && !isMissing(o) && o.type === 'tree') trees.add(o.id);
  }
  const read = batchRead(top, [...trees]);
  const out = new Map<string, Layout | undefined>();
  for (const c of commits) {
    const specs = found.get(at(c, 'specs'));
    const dir = found.get(at(c, PORTFOLIOS_DIR));
    const specsId = specs && !isMissing(specs) ? `${specs.type} ${specs.id}` : '-';
    if (!dir || isMissing(dir) || dir.type !== 'tree') {
      out.set(c, { centre: `${specsId} -`, folders: [] });
      continue;
    }
    const tree = read.get(dir.id);
    if (!tree || isMissing(tree)) {
      out.set(c, undefined);
      continue;
    }
    const entries = parseTree(tree.content, dir.id.length / 2);
    if (entries.some((e) => e.kind === 'link' || e.kind === 'submodule')) {
      out.set(c, undefined);
      continue;
    }
    const centre = entries.filter((e) => /^centre\.ya?ml$/.test(e.name)).map((e) => `${e.name} ${e.mode} ${e.id}`).join(' ');
    const folders = entries.filter((e) => e.kind === 'dir' && !e.name.startsWith('.')).map((e) => ({ name: e.name, id: e.id }));
    out.set(c, { centre: `${specsId} ${centre}`, folders });
  }
  return out;
}

/** The learners' points at one commit as of a day, assessing only those whose inputs changed. */
export class PointMemo {
  private memo = new Map<string, Memo>();
  private specs?: { key: string; specs: Specs; index: Index };

  constructor(private top: string, private prefix: string) {}

  at(commit: string, layout: Layout, asOf: string, wanted?: Set<string>): Seen[] {
    let reader: Reader | undefined;
    // The commit's specs, centre file and the folders to assess: nothing else is listed.
    const open = () => (reader ??= gitReader(this.top, commit, this.prefix, ['specs', 'portfolios/centre.yaml', 'portfolios/centre.yml', ...todo.map((t) => `${PORTFOLIOS_DIR}/${t.name}`)]));
    const todo: { name: string; key: string }[] = [];
    const live = new Set<string>();
    for (const f of layout.folders) {
      if (wanted && !wanted.has(f.name)) continue;
      live.add(f.name);
      const key = `${layout.centre} ${f.id}`;
      const m = this.memo.get(f.name);
      const same = m && m.key === key && (m.asOf === asOf || !m.seen || (m.asOf >= m.latest && asOf >= m.latest));
      if (!same) todo.push({ name: f.name, key });
    }
    // A folder gone from the commit is forgotten, so memory follows the folders there are now.
    for (const name of this.memo.keys()) if (!live.has(name)) this.memo.delete(name);
    if (todo.length) {
      const r = open();
      if (this.specs?.key !== layout.centre) {
        // No rules run: progress shows the record, and folio check --at shows its problems.
        const { specs, index } = specStage(r, []);
        this.specs = { key: layout.centre, specs, index };
      }
      const { specs, index } = this.specs;
      const files = todo.map((t) => ({ ...t, dir: `${PORTFOLIOS_DIR}/${t.name}`, file: portfolioFileIn(r, `${PORTFOLIOS_DIR}/${t.name}`) }));
      r.prefetch?.(files.flatMap((f) => (f.file ? [f.file] : [])));
      for (const f of files) {
        const memo: Memo = { key: f.key, asOf, latest: '' };
        if (f.file) {
          const { learner, result } = learnerStage({ specs, index, asOf }, r, { id: f.name, dir: f.dir, file: f.file }, []);
          if (learner && result) {
            memo.latest = latestDate(learner, index);
            memo.seen = { name: result.name, point: { criteriaMet: result.criteria.met, criteriaTotal: result.criteria.total, unitsAchieved: result.unitsAchieved, unitsNeeded: result.unitsNeeded, status: result.status } };
          }
        }
        this.memo.set(f.name, memo);
      }
    }
    const out: Seen[] = [];
    for (const f of layout.folders) {
      const s = live.has(f.name) ? this.memo.get(f.name)?.seen : undefined;
      if (s) out.push({ id: f.name, name: s.name, point: s.point });
    }
    return out;
  }
}
