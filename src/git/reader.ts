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
// one `git ls-tree -r -t -l -z` (with each blob's size, so nothing over the size limit is ever
// fetched). Symbolic links are resolved over that listing; their targets are read, all at
// once, by one `cat-file --batch` the first time a link is met. prefetch(files) is one
// `cat-file --batch`; read() of a file not prefetched is one process; texts are kept, so
// reading a file again (for a finding's position) is free. The index lists no sizes: there,
// files are sized by one `cat-file --batch-check` before they are fetched.
//
// Symbolic links behave as in the working tree (src/load/links.ts resolves them for both):
// list() marks them link: true, with dir saying whether the target is a folder; isFile, read
// and list follow them (up to 40 hops, relative to the link's folder) while they stay inside
// the centre folder; a link whose target is absolute or climbs above the centre folder is
// "outside": never followed, and read() refuses it (guard.ts), as it refuses a file over the
// size limit or one that is not UTF-8.
// Submodules are folders with nothing inside (their files are in another repository).
import { decodeText, linkOutside, MAX_FILE_BYTES, tooLarge } from '../load/guard.js';
import { resolveIn, type Tree } from '../load/links.js';
import { withinBy, type Entry, type Reader } from '../load/reader.js';
import { batchCheck, batchRead, isMissing, kindOfMode, type EntryKind } from './objects.js';
import { GitError, gitBuffer } from './run.js';

interface Node {
  kind: EntryKind;
  id: string;
  /** Bytes, when the listing gave it (ls-tree -l does, the index does not). */
  size?: number;
}

/** Where the files come from: a commit's trees, or the index. */
type Source = { commit: string; only?: readonly string[] } | { index: true; hookIndex: boolean };

/** Longer than any path a file system allows (PATH_MAX): not a link git could have checked out. */
const MAX_LINK_BYTES = 4096;
const DIR: Node = { kind: 'dir', id: '' };

export function gitReader(top: string, commit: string, prefix: string, only?: readonly string[]): Reader {
  return treeReader(top, only ? { commit, only } : { commit }, prefix);
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
  const sizes = new Map<string, number>(); // blob id → bytes
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
      out = gitBuffer(top, ['ls-tree', '-r', '-t', '-l', '-z', treeish]).toString('utf8');
    } catch (e) {
      if (e instanceof GitError && dir === base) throw new GitError(`the centre folder ${base}/ does not exist in ${where}`, e.command, e.status, e.stderr);
      throw e;
    }
    for (const rec of out.split('\0')) {
      if (rec === '') continue;
      const tab = rec.indexOf('\t');
      const [mode = '', , id = '', size = '-'] = rec.slice(0, tab).split(/ +/);
      if (size !== '-') sizes.set(id, Number(size));
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
  // Only some of the centre's files, for a caller that reads no others (progress reads the
  // specs, the centre file and the learners that changed): one ls-tree of those paths. A link
  // among them may lead anywhere in the centre, so then the whole centre is listed after all.
  const loadOnly = (commit: string, only: readonly string[]) => {
    const paths = only.map((p) => (base === '' ? p : `${base}/${p}`));
    const out = gitBuffer(top, ['--literal-pathspecs', 'ls-tree', '-r', '-t', '-l', '-z', commit, '--', ...paths]).toString('utf8');
    for (const rec of out.split('\0')) {
      if (rec === '') continue;
      const tab = rec.indexOf('\t');
      const [mode = '', , id = '', size = '-'] = rec.slice(0, tab).split(/ +/);
      if (size !== '-') sizes.set(id, Number(size));
      addNode(rec.slice(tab + 1), { kind: kindOfMode(mode), id });
    }
    if ([...nodes.values()].some((n) => n.kind === 'link')) loadTree(commit, base);
  };
  const load = (dir: string) => ('commit' in source ? (dir === base && source.only ? loadOnly(source.commit, source.only) : loadTree(source.commit, dir)) : loadIndex(dir, source.hookIndex));
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

  // Blob sizes not in the listing (the index): one batch-check for all of them.
  const sizeAll = (ids: string[]) => {
    const unknown = ids.filter((id) => !sizes.has(id));
    for (const [id, info] of batchCheck(top, unknown)) if (!isMissing(info)) sizes.set(id, info.size);
  };
  const targetOf = (link: Node): string => {
    if (!linkTargets.has(link.id)) {
      const ids = [...nodes.values()].filter((n) => n.kind === 'link' && !linkTargets.has(n.id)).map((n) => n.id);
      sizeAll(ids);
      const small = ids.filter((id) => (sizes.get(id) ?? Infinity) <= MAX_LINK_BYTES);
      for (const id of ids) linkTargets.set(id, '');
      for (const [id, obj] of batchRead(top, small)) linkTargets.set(id, isMissing(obj) ? '' : obj.content.toString('utf8'));
    }
    return linkTargets.get(link.id) ?? '';
  };

  // realpath over the commit's trees (links.ts), inside the centre folder.
  const tree: Tree = {
    kind: (path) => lookup(path)?.kind,
    target: (path) => targetOf(nodes.get(path)!),
  };
  const fromTop = (file: string) => (base === '' ? file : file === '' ? base : `${base}/${file}`);
  const fromCentre = (path: string) => (base === '' ? path : path.slice(base.length + 1));
  const resolve = (file: string) => {
    ensureCentre();
    return resolveIn(tree, baseParts, fromTop(file));
  };
  const resolveFile = (file: string): Node | undefined => {
    const r = resolve(file);
    return r.kind === 'found' && r.node === 'file' ? nodes.get(r.path) : undefined;
  };

  const textOf = (file: string): string => {
    const r = resolve(file);
    if (r.kind === 'outside') throw linkOutside(fromCentre(r.link), r.target);
    if (r.kind !== 'found') throw new Error(`${file}: no such file in ${where}`);
    if (r.node !== 'file') throw new Error(`${file}: is a ${r.node === 'dir' ? 'folder' : r.node} in ${where}`);
    const node = nodes.get(r.path)!;
    let text = texts.get(node.id);
    if (text === undefined) {
      sizeAll([node.id]);
      const size = sizes.get(node.id);
      if (size !== undefined && size > MAX_FILE_BYTES) throw tooLarge(file, size);
      const obj = batchRead(top, [node.id]).get(node.id);
      if (isMissing(obj)) throw new Error(`${file}: object ${node.id} is missing from the repository`);
      text = decodeText(file, obj.content);
      texts.set(node.id, text);
    }
    return text;
  };

  return {
    list(dir) {
      const r = resolve(dir);
      if (r.kind !== 'found' || r.node !== 'dir') return [];
      return (children.get(r.path) ?? [])
        .map((name): Entry => {
          const path = r.path === '' ? name : `${r.path}/${name}`;
          const node = nodes.get(path)!;
          if (node.kind !== 'link') return { name, dir: node.kind === 'dir' || node.kind === 'submodule' };
          const t = resolveIn(tree, baseParts, path);
          return t.kind === 'outside' ? { name, dir: false, link: true, outside: true } : { name, dir: t.kind === 'found' && t.node === 'dir', link: true };
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    read: textOf,
    isFile: (file) => resolveFile(file) !== undefined,
    within: (file, dir) => withinBy(resolve, file, dir),
    leaves(path) {
      const r = resolve(path);
      return r.kind === 'outside' ? { link: fromCentre(r.link), target: r.target } : undefined;
    },
    prefetch(files) {
      const ids = new Set<string>();
      for (const f of files) {
        const node = resolveFile(f);
        if (node && !texts.has(node.id)) ids.add(node.id);
      }
      // Anything over the limit is left for read() to refuse, without fetching it.
      sizeAll([...ids]);
      const wanted = [...ids].filter((id) => (sizes.get(id) ?? 0) <= MAX_FILE_BYTES);
      for (const [id, obj] of batchRead(top, wanted)) {
        if (isMissing(obj)) continue;
        try {
          texts.set(id, decodeText('', obj.content));
        } catch {
          // not UTF-8: read() decodes it again and says where, for the file asked for
        }
      }
    },
  };
}
