// folio history LEARNER: the learner's record commit by commit. The commits are those that
// touched the learner's folder (under every name it has had), the specs or the centre file:
// two git log processes find them, a handful of cat-file processes read every snapshot, and
// equal snapshots are evaluated once, so the cost grows with the learner's own history and
// the specs', never with the rest of the centre's.
import { logCommits, shallowCommits, type Commit } from '../git/index.js';
import { CENTRE_FILE, learnerFolderOf, portfolioFileIn, PORTFOLIOS_DIR, QUALIFICATIONS_DIR, UNITS_DIR } from '../load/files.js';
import type { Index } from '../model/index.js';
import type { Specs } from '../model/types.js';
import type { CentreLocation } from '../locate.js';
import { learnerStage } from '../pipeline/learner.js';
import { repositoryOf } from '../pipeline/repository.js';
import { specStage } from '../pipeline/specs.js';
import { snapshots } from './snapshots.js';
import { changes, stateOf, type Change, type State } from './state.js';

export interface TimelineCommit {
  id: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  subject: string;
  /** The learner's folder at this commit. */
  folder?: string;
  /** The first commit a shallow clone has: what came before is not known. */
  boundary: boolean;
  changes: Change[];
}

export interface Timeline {
  learner: { id: string; name?: string; qualification?: string };
  /** Commits read (touching the learner, the specs or the centre file). */
  examined: number;
  /** Folder names the learner has had, current first. */
  folders: string[];
  shallow: boolean;
  /** Commits that changed the learner's record, oldest first. */
  commits: TimelineCommit[];
}

const ORDER: Change['kind'][] = ['folder', 'decision', 'criterion', 'unit', 'signoff', 'iqa', 'qualification', 'file'];

export function learnerHistory(centre: CentreLocation, entry: { id: string; file: string }, opts: { since?: string; until?: string } = {}): Timeline {
  const repo = repositoryOf(centre, 'folio history');
  const { top, prefix } = repo;
  // Where the portfolio has lived: git follows one file through renames.
  const renames = logCommits(top, { paths: [prefix + entry.file], follow: true, raw: true });
  const folders = [entry.id];
  for (const c of renames) {
    for (const ch of c.changes ?? []) {
      const folder = ch.from?.startsWith(prefix) ? learnerFolderOf(ch.from.slice(prefix.length)) : undefined;
      if (folder && !folders.includes(folder)) folders.push(folder);
    }
  }
  const paths = [UNITS_DIR, QUALIFICATIONS_DIR, CENTRE_FILE, ...folders.map((f) => `${PORTFOLIOS_DIR}/${f}`)].map((p) => prefix + p);
  const commits = topological(logCommits(top, { paths, since: opts.since, until: opts.until }));
  // With --since, the commits just before the range are the baseline its first commits are
  // compared with: read, never reported.
  const inRange = new Set(commits.map((c) => c.id));
  const before = [...new Set(commits.flatMap((c) => c.parents))].filter((p) => !inRange.has(p));
  const baseline = before.length ? logCommits(top, { commits: before }) : [];
  const shots = new Map(snapshots(top, prefix, [...baseline, ...commits].map((c) => c.id), folders).map((s) => [s.commit, s]));

  const specsByKey = new Map<string, { specs: Specs; index: Index }>();
  const stateByKey = new Map<string, State>();
  const states = new Map<string, State>();
  let name: string | undefined;
  let qualification: string | undefined;
  for (const c of [...baseline, ...commits]) {
    const shot = shots.get(c.id)!;
    const day = c.committer.date.slice(0, 10);
    const key = `${shot.key} ${day}`;
    let state = stateByKey.get(key);
    if (!state) {
      const specKey = shot.key.split(' ').slice(0, 3).join(' ');
      let s = specsByKey.get(specKey);
      // No rules run: a timeline shows the record, and folio check --at shows its problems.
      if (!s) specsByKey.set(specKey, (s = specStage(shot.reader, [])));
      state = new Map();
      if (shot.folder) {
        const dir = `${PORTFOLIOS_DIR}/${shot.folder}`;
        // A folder with no portfolio file at this commit cannot be read, like a broken one.
        const file = portfolioFileIn(shot.reader, dir) ?? `${dir}/portfolio.yaml`;
        const { learner, result } = learnerStage({ specs: s.specs, index: s.index, asOf: day }, shot.reader, { id: shot.folder, dir, file }, []);
        if (learner && result) {
          state = stateOf(learner, result, (ref) => s!.index.canonical(ref));
          name = result.name;
          qualification = result.qualification;
        } else {
          // Unreadable here: keep what the record said before, and say the file is broken.
          state = new Map(c.parents.map((p) => states.get(p)).find((x) => x) ?? []);
          state.set('file', { kind: 'file', value: 'cannot be read (run folio check --at on this commit)' });
        }
        state.set('folder', { kind: 'folder', value: shot.folder });
      }
      stateByKey.set(key, state);
    }
    states.set(c.id, state);
  }

  const cut = repo.shallow ? shallowCommits(top) : new Set<string>();
  const out: TimelineCommit[] = [];
  for (const c of commits) {
    const parents = c.parents.map((p) => states.get(p)).filter((s): s is State => s !== undefined);
    const found = changes(states.get(c.id)!, parents).filter((ch) => ch.kind !== 'criterion' || ch.from === 'met' || ch.to === 'met');
    if (!found.length) continue;
    found.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
    out.push({
      id: c.id,
      parents: c.parents,
      author: c.author,
      committer: c.committer,
      subject: c.subject,
      folder: shots.get(c.id)!.folder,
      boundary: cut.has(c.id),
      changes: found,
    });
  }
  return { learner: { id: entry.id, name, qualification }, examined: commits.length, folders, shallow: repo.shallow, commits: out };
}

/** Parents before children; among commits free to go next, the earliest committed first. */
function topological(commits: Commit[]): Commit[] {
  const byId = new Map(commits.map((c) => [c.id, c]));
  const waiting = new Map(commits.map((c) => [c.id, c.parents.filter((p) => byId.has(p)).length]));
  const children = new Map<string, string[]>();
  for (const c of commits) for (const p of c.parents) if (byId.has(p)) children.set(p, [...(children.get(p) ?? []), c.id]);
  const ready = commits.filter((c) => waiting.get(c.id) === 0);
  const out: Commit[] = [];
  while (ready.length) {
    ready.sort((a, b) => Date.parse(a.committer.date) - Date.parse(b.committer.date));
    const c = ready.shift()!;
    out.push(c);
    for (const k of children.get(c.id) ?? []) {
      const n = waiting.get(k)! - 1;
      waiting.set(k, n);
      if (n === 0) ready.push(byId.get(k)!);
    }
  }
  return out;
}
