// One learner's world at many commits, read with a handful of git processes in all: what a
// timeline needs is the specs, the centre file and that learner's folder at each commit, and
// most of those objects are the same from one commit to the next. Trees and files are
// fetched level by level with one `cat-file` per level for all commits together, each object
// once. A snapshot's portfolios/ holds only the learner's folder (under whatever name it had)
// and the centre file, so the cost never depends on how many other learners the centre has.
import { batchCheck, batchRead, isMissing, parseTree, type TreeEntry } from '../git/index.js';
import { CENTRE_FILE, PORTFOLIOS_DIR, QUALIFICATIONS_DIR, UNITS_DIR } from '../load/files.js';
import { decodeText, MAX_FILE_BYTES, tooLarge } from '../load/guard.js';
import type { Entry, Reader } from '../load/reader.js';

export interface Snapshot {
  commit: string;
  /** The learner's folder name at this commit; undefined when it has none. */
  folder?: string;
  reader: Reader;
  /** Ids of what a learner's results rest on, to evaluate equal snapshots once. */
  key: string;
}

interface Tree {
  entries: Map<string, TreeEntry>;
}

export function snapshots(top: string, prefix: string, commits: string[], folders: string[]): Snapshot[] {
  const spec = (c: string, p: string) => `${c}:${prefix}${p}`;
  // Level 0: what each commit has at the places a learner's world is made of.
  const roots = [UNITS_DIR, QUALIFICATIONS_DIR, CENTRE_FILE, ...folders.map((f) => `${PORTFOLIOS_DIR}/${f}`)];
  const found = batchCheck(top, commits.flatMap((c) => roots.map((p) => spec(c, p))));
  const idAt = (c: string, p: string) => {
    const o = found.get(spec(c, p));
    return isMissing(o) ? undefined : o;
  };
  // Trees, level by level: each distinct tree object read once for all commits.
  const trees = new Map<string, Tree>();
  let wanted = new Set<string>();
  for (const c of commits) for (const p of roots) if (idAt(c, p)?.type === 'tree') wanted.add(idAt(c, p)!.id);
  while (wanted.size) {
    const read = batchRead(top, [...wanted]);
    const next = new Set<string>();
    for (const [id, o] of read) {
      if (isMissing(o)) continue;
      const entries = new Map(parseTree(o.content).map((e) => [e.name, e]));
      trees.set(id, { entries });
      for (const e of entries.values()) if (e.kind === 'dir' && !trees.has(e.id)) next.add(e.id);
    }
    // Spec folders are flat; a learner's folder is a few levels deep (evidence/…).
    wanted = next;
  }
  // Files: every YAML file of the specs, the centre file and the portfolio, each blob once.
  const blobs = new Set<string>();
  const yaml = /\.ya?ml$/i;
  for (const c of commits) {
    for (const dir of [UNITS_DIR, QUALIFICATIONS_DIR]) {
      const t = idAt(c, dir);
      if (t?.type === 'tree') for (const e of trees.get(t.id)?.entries.values() ?? []) if (e.kind === 'file' && yaml.test(e.name)) blobs.add(e.id);
    }
    const centre = idAt(c, CENTRE_FILE);
    if (centre?.type === 'blob') blobs.add(centre.id);
    for (const f of folders) {
      const t = idAt(c, `${PORTFOLIOS_DIR}/${f}`);
      if (t?.type === 'tree') for (const e of trees.get(t.id)?.entries.values() ?? []) if (e.kind === 'file' && yaml.test(e.name)) blobs.add(e.id);
    }
  }
  // Sized first, so a file over the limit is never fetched (read() refuses it by its size).
  const contents = new Map<string, string | Buffer | number>();
  const small: string[] = [];
  for (const [id, o] of batchCheck(top, [...blobs])) {
    if (isMissing(o)) continue;
    if (o.size > MAX_FILE_BYTES) contents.set(id, o.size);
    else small.push(id);
  }
  for (const [id, o] of batchRead(top, small)) if (!isMissing(o)) contents.set(id, o.content);

  return commits.map((commit) => {
    // The current name first: if a commit somehow holds two of the learner's names, it wins.
    const folder = folders.find((f) => idAt(commit, `${PORTFOLIOS_DIR}/${f}`)?.type === 'tree');
    const top: Map<string, string> = new Map();
    for (const dir of [UNITS_DIR, QUALIFICATIONS_DIR]) {
      const t = idAt(commit, dir);
      if (t?.type === 'tree') top.set(dir, t.id);
    }
    const folderTree = folder ? idAt(commit, `${PORTFOLIOS_DIR}/${folder}`)!.id : undefined;
    if (folder && folderTree) top.set(`${PORTFOLIOS_DIR}/${folder}`, folderTree);
    const centre = idAt(commit, CENTRE_FILE);
    const reader = snapshotReader(top, trees, contents, folder, centre?.type === 'blob' ? centre.id : undefined);
    const key = [top.get(UNITS_DIR), top.get(QUALIFICATIONS_DIR), centre?.id, folder, folderTree].join(' ');
    return { commit, folder, reader, key };
  });
}

function snapshotReader(tops: Map<string, string>, trees: Map<string, Tree>, contents: Map<string, string | Buffer | number>, folder: string | undefined, centre: string | undefined): Reader {
  // Walk down from the nearest known folder: specs/units, specs/qualifications or the learner's.
  const entryAt = (path: string): TreeEntry | { kind: 'dir'; id: string } | undefined => {
    if (tops.has(path)) return { kind: 'dir', id: tops.get(path)! };
    if (path === CENTRE_FILE) return centre ? { kind: 'file', id: centre, name: 'centre.yaml', mode: '100644' } : undefined;
    const cut = path.lastIndexOf('/');
    if (cut < 0) return undefined;
    const parent = entryAt(path.slice(0, cut));
    if (parent?.kind !== 'dir') return undefined;
    return trees.get(parent.id)?.entries.get(path.slice(cut + 1));
  };
  const sorted = (xs: Entry[]) => xs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    list(dir) {
      if (dir === PORTFOLIOS_DIR) return sorted([...(folder ? [{ name: folder, dir: true }] : []), ...(centre ? [{ name: 'centre.yaml', dir: false }] : [])]);
      if (dir === 'specs') return [QUALIFICATIONS_DIR, UNITS_DIR].filter((d) => tops.has(d)).map((d) => ({ name: d.slice(6), dir: true }));
      const e = entryAt(dir);
      if (e?.kind !== 'dir') return [];
      return sorted([...(trees.get(e.id)?.entries.values() ?? [])].map((x) => (x.kind === 'link' ? { name: x.name, dir: false, link: true } : { name: x.name, dir: x.kind === 'dir' })));
    },
    read(file) {
      const e = entryAt(file);
      const bytes = e?.kind === 'file' ? contents.get(e.id) : undefined;
      if (bytes === undefined) throw new Error(`${file} is not in this commit`);
      if (typeof bytes === 'number') throw tooLarge(file, bytes);
      if (typeof bytes === 'string') return bytes;
      const text = decodeText(file, bytes);
      contents.set(e!.id, text); // decoded once, for every commit that holds it
      return text;
    },
    isFile: (file) => entryAt(file)?.kind === 'file',
    // A past commit's symbolic links are not followed: where they led is not in the commit.
    within: () => false,
    leaves: () => undefined,
  };
}
