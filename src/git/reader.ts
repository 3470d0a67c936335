// The centre as committed at one commit (or as staged), behind the same Reader interface as
// the working tree (src/load/reader.ts), so the loader and everything above it work unchanged
// for --at and --staged. gitReader reads only git objects, never the working tree or the
// index; indexReader reads the index's list of files, never the working tree.
//
//   gitReader(top, commit, prefix) → Reader
//     top: the repository's top folder; commit: a full commit id (see resolveRevision);
//     prefix: the centre's folder inside the repository ("centre/" or ""); paths given to
//     the reader are relative to the centre, like fsReader's.
//   indexReader(top, prefix, { hookIndex? }) → Reader: the centre as staged (what the next
//     commit will hold), for check --staged; listed with `git ls-files -s -z` instead of
//     ls-tree. Conflicted entries (stages 1–3) are left out. hookIndex: see changes.ts.
//
// Cost in git processes: the first call of any method lists the centre's whole folder with
// one `git ls-tree -r -t -z`. Symbolic links are resolved over that listing; their targets
// are read, all at once, by one `cat-file --batch` the first time a link is met. A link that
// leaves the centre folder (but not the repository) costs one more ls-tree of the whole
// commit, once. prefetch(files) is one `cat-file --batch`; read() of a file not prefetched
// is one process; texts are kept, so reading a file again (for a finding's position) is free.
//
// Symbolic links behave as on disk: list() marks them link: true, with dir saying whether
// the target is a folder; isFile, read and list follow them (up to 40 hops, relative to the
// link's folder, like the kernel); a link whose target leaves the repository (absolute, or
// too many "..") is neither a file nor within anything: a commit does not say what is there.
// Submodules are folders with nothing inside (their files are in another repository).
import { normalisePath } from '../load/paths.js';
import type { Entry, Reader } from '../load/reader.js';
import { batchRead, isMissing, kindOfMode, type EntryKind } from './objects.js';
import { GitError, gitBuffer } from './run.js';

interface Node {
  kind: EntryKind;
  id: string;
}

/** Where the files come from: a commit's trees, or the index. */
type Source = { commit: string } | { index: true; hookIndex: boolean };

type Resolved = { kind: 'found'; path: string; node: Node } | { kind: 'missing' | 'outside' | 'loop' };

const MAX_HOPS = 40;
const DIR: Node = { kind: 'dir', id: '' };

export function gitReader(top: string, commit: string, prefix: string): Reader {
  return treeReader(top, { commit }, prefix);
}

export function indexReader(top: string, prefix: string, opts: { hookIndex?: boolean } = {}): Reader {
  return treeReader(top, { index: true, hookIndex: opts.hookIndex ?? false }, prefix);
}

function treeReader(top: string, source: Source, prefix: string): Reader {
  const where = 'commit' in source ? `commit ${source.commit.slice(0, 8)}` : 'the index';
  const base = prefix.replace(/^\/+|\/+$/g, '');
  const baseParts = base === '' ? [] : base.split('/');
  const nodes = new Map<string, Node>();
  const children = new Map<string, string[]>();
  const linkTargets = new Map<string, string>(); // link blob id → target
  const texts = new Map<string, string>(); // blob id → text
  let loadedCentre = false;
  let loadedAll = base === '';

  const addNode = (path: string, node: Node) => {
    if (nodes.has(path)) return;
    nodes.set(path, node);
    const slash = path.lastIndexOf('/');
    const parent = slash < 0 ? '' : path.slice(0, slash);
    const list = children.get(parent) ?? [];
    list.push(path.slice(slash + 1));
    children.set(parent, list);
  };

  // One ls-tree of a folder's tree object at the commit, recursive, with the folders too.
  const loadTree = (commit: string, dir: string) => {
    const treeish = dir === '' ? `${commit}^{tree}` : `${commit}:${dir}`;
    let out: string;
    try {
      out = gitBuffer(top, ['ls-tree', '-r', '-t', '-z', treeish]).toString('utf8');
    } catch (e) {
      if (e instanceof GitError && dir === base) throw new GitError(`the centre folder ${base}/ does not exist in ${where}`, e.command, e.status, e.stderr);
      throw e;
    }
    for (const rec of out.split('\0')) {
      if (rec === '') continue;
      const tab = rec.indexOf('\t');
      const [mode = '', , id = ''] = rec.slice(0, tab).split(' ');
      addNode(dir === '' ? rec.slice(tab + 1) : `${dir}/${rec.slice(tab + 1)}`, { kind: kindOfMode(mode), id });
    }
  };
  // The index lists files only ("mode id stage\tpath", paths from the top): folders are
  // the files' ancestors.
  const loadIndex = (dir: string, hookIndex: boolean) => {
    const args = ['--literal-pathspecs', 'ls-files', '-s', '-z', '--', ...(dir === '' ? [] : [`${dir}/`])];
    for (const rec of gitBuffer(top, args, { keepIndexFile: hookIndex }).toString('utf8').split('\0')) {
      if (rec === '') continue;
      const tab = rec.indexOf('\t');
      const [mode = '', id = '', stage = ''] = rec.slice(0, tab).split(' ');
      if (stage !== '0') continue;
      const parts = rec.slice(tab + 1).split('/');
      for (let i = 1; i < parts.length; i++) addNode(parts.slice(0, i).join('/'), DIR);
      addNode(parts.join('/'), { kind: kindOfMode(mode), id });
    }
  };
  const load = (dir: string) => ('commit' in source ? loadTree(source.commit, dir) : loadIndex(dir, source.hookIndex));
  let centreError: unknown;
  const ensureCentre = () => {
    if (centreError) throw centreError; // every call, not only the first, says the centre is not there
    if (loadedCentre) return;
    loadedCentre = true;
    baseParts.forEach((_, i) => addNode(baseParts.slice(0, i + 1).join('/'), DIR));
    try {
      load(base);
    } catch (e) {
      centreError = e;
      throw e;
    }
  };

  // Paths outside the centre folder are known only after listing the whole commit.
  const loadAll = () => {
    if (loadedAll) return;
    loadedAll = true;
    load('');
  };
  const covered = (path: string) => loadedAll || path === base || path.startsWith(`${base}/`);
  const aboveCentre = (path: string) => path === '' || `${base}/`.startsWith(`${path}/`);
  const lookup = (path: string): Node | undefined => {
    ensureCentre();
    if (path === '') return DIR;
    if (!covered(path) && !aboveCentre(path)) loadAll();
    return nodes.get(path);
  };

  const targetOf = (link: Node): string => {
    if (!linkTargets.has(link.id)) {
      const ids = [...nodes.values()].filter((n) => n.kind === 'link' && !linkTargets.has(n.id)).map((n) => n.id);
      for (const [id, obj] of batchRead(top, ids)) linkTargets.set(id, isMissing(obj) ? '' : obj.content.toString('utf8'));
    }
    return linkTargets.get(link.id) ?? '';
  };

  // realpath over the commit's trees: each component in turn, a link replaced by its target
  // read from the link's folder.
  const resolveParts = (parts: string[]): Resolved => {
    const done: string[] = [];
    const queue = [...parts];
    let hops = 0;
    while (queue.length > 0) {
      const p = queue.shift()!;
      if (p === '' || p === '.') continue;
      if (p === '..') {
        if (done.length === 0) return { kind: 'outside' };
        done.pop();
        continue;
      }
      const node = lookup([...done, p].join('/'));
      if (!node) return { kind: 'missing' };
      if (node.kind === 'link') {
        if (++hops > MAX_HOPS) return { kind: 'loop' };
        const target = targetOf(node);
        if (target === '' || target.startsWith('/') || /^[A-Za-z]:/.test(target)) return { kind: 'outside' };
        queue.unshift(...target.split('/'));
        continue;
      }
      if (node.kind !== 'dir' && queue.some((q) => q !== '' && q !== '.')) return { kind: 'missing' };
      done.push(p);
    }
    const path = done.join('/');
    return { kind: 'found', path, node: lookup(path) ?? DIR };
  };
  const resolve = (file: string) => resolveParts([...baseParts, ...file.split('/')]);
  const resolveFile = (file: string): Node | undefined => {
    const r = resolve(file);
    return r.kind === 'found' && r.node.kind === 'file' ? r.node : undefined;
  };

  const textOf = (file: string): string => {
    const r = resolve(file);
    if (r.kind !== 'found') throw new Error(`${file}: no such file in ${where}`);
    if (r.node.kind !== 'file') throw new Error(`${file}: is a ${r.node.kind === 'dir' ? 'folder' : r.node.kind} in ${where}`);
    let text = texts.get(r.node.id);
    if (text === undefined) {
      const obj = batchRead(top, [r.node.id]).get(r.node.id);
      if (isMissing(obj)) throw new Error(`${file}: object ${r.node.id} is missing from the repository`);
      text = obj.content.toString('utf8');
      texts.set(r.node.id, text);
    }
    return text;
  };

  return {
    list(dir) {
      const r = resolve(dir);
      if (r.kind !== 'found' || r.node.kind !== 'dir') return [];
      if (!covered(r.path)) loadAll(); // a folder above the centre: its other children
      return (children.get(r.path) ?? [])
        .map((name): Entry => {
          const path = r.path === '' ? name : `${r.path}/${name}`;
          const node = nodes.get(path)!;
          if (node.kind !== 'link') return { name, dir: node.kind === 'dir' || node.kind === 'submodule' };
          const t = resolveParts(path.split('/'));
          return { name, dir: t.kind === 'found' && t.node.kind === 'dir', link: true };
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    read: textOf,
    isFile: (file) => resolveFile(file) !== undefined,
    within(file, dir) {
      const f = resolve(file);
      const d = resolve(dir);
      if (f.kind === 'outside' || f.kind === 'loop' || d.kind === 'outside' || d.kind === 'loop') return false;
      if (f.kind === 'found' && d.kind === 'found') return d.path === '' ? f.path !== '' : f.path.startsWith(`${d.path}/`);
      // Like fsReader when realpath fails: decide on the names alone.
      const lf = normalisePath([...baseParts, file].join('/'));
      const ld = normalisePath([...baseParts, dir].join('/'));
      return lf !== undefined && ld !== undefined && (ld === '' ? lf !== '' : lf.startsWith(`${ld}/`));
    },
    prefetch(files) {
      const ids = new Set<string>();
      for (const f of files) {
        const node = resolveFile(f);
        if (node && !texts.has(node.id)) ids.add(node.id);
      }
      for (const [id, obj] of batchRead(top, [...ids])) if (!isMissing(obj)) texts.set(id, obj.content.toString('utf8'));
    },
  };
}
