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
    const found = walk(rel.split('/'), learner.dir, listing);
    // A symbolic link anywhere on the way may lead out of the folder: ask where it resolves
    // (the path as written: "E02.md/." is no file there either), and never look beyond the
    // centre to see whether a file is there.
    if (found === 'link') {
      const raw = `${learner.dir}/${rel}`;
      if (!reader.within(raw, learner.dir)) e.fileProblem = 'outside';
      else if (!reader.isFile(raw)) e.fileProblem = 'missing';
    } else if (found === 'missing') e.fileProblem = 'missing';
    else if (found === 'special') e.fileProblem = 'not-a-file';
  }
}

// The path as the kernel walks it: ".", "" (a doubled or leading "/") and ".." through a
// folder are harmless, but a file followed by anything more ("E02.md/", "E02.md/.",
// "E02.md/../E02.md") is no file, as open() says ENOTDIR.
function walk(parts: string[], base: string, listing: (dir: string) => Map<string, Entry>): 'file' | 'missing' | 'link' | 'special' {
  const at: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (at.length === 0) return 'link'; // out through the learner's folder and back: resolve it
      at.pop();
      continue;
    }
    const entry = listing(at.length === 0 ? base : `${base}/${at.join('/')}`).get(part);
    if (!entry) return 'missing';
    if (entry.link) return 'link';
    if (entry.special) return i === parts.length - 1 ? 'special' : 'missing';
    if (!entry.dir) return i === parts.length - 1 ? 'file' : 'missing';
    at.push(part);
  }
  return 'missing'; // a folder
}
