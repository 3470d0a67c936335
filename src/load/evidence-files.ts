// Evidence files are looked up once, at load, so rules and status agree on what exists. A
// learner's folders are listed once each rather than every file examined on its own: a centre
// of a thousand learners points at tens of thousands of files. Names must match exactly, as
// they do in git and on the CI machine, whatever the assessor's own file system forgives.
import type { Learner } from '../model/types.js';
import { normalisePath } from './paths.js';
import type { Entry, Reader } from './reader.js';

export function locateEvidenceFiles(learner: Learner, reader: Reader): void {
  const listings = new Map<string, Map<string, Entry>>();
  const listing = (dir: string) => {
    let m = listings.get(dir);
    if (!m) listings.set(dir, (m = new Map(reader.list(dir).map((e) => [e.name, e]))));
    return m;
  };
  for (const e of learner.evidence) {
    if (e.location?.kind !== 'file') continue;
    const rel = e.location.value.trim().replace(/\\/g, '/');
    const path = normalisePath(`${learner.dir}/${rel}`);
    if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel) || path === undefined || !path.startsWith(`${learner.dir}/`)) {
      e.fileProblem = 'outside';
      continue;
    }
    const found = walk(path.slice(learner.dir.length + 1).split('/'), learner.dir, listing);
    // A symbolic link anywhere on the way may lead out of the folder: ask where it resolves.
    if (found === 'link') {
      if (!reader.isFile(path)) e.fileProblem = 'missing';
      else if (!reader.within(path, learner.dir)) e.fileProblem = 'outside';
    } else if (found === 'missing') e.fileProblem = 'missing';
  }
}

function walk(parts: string[], base: string, listing: (dir: string) => Map<string, Entry>): 'file' | 'missing' | 'link' {
  let dir = base;
  for (let i = 0; i < parts.length; i++) {
    const entry = listing(dir).get(parts[i]!);
    if (!entry) return 'missing';
    if (entry.link) return 'link';
    const last = i === parts.length - 1;
    if (last) return entry.dir ? 'missing' : 'file';
    if (!entry.dir) return 'missing';
    dir = `${dir}/${parts[i]}`;
  }
  return 'missing';
}
