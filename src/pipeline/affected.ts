// Which learners a change can affect, for checks of changed files only. A portfolio (or any
// file in its folder) that changed is checked; so is every learner whose results may rest on a
// changed spec or on the centre file. Which learners use a spec is found by looking for its
// numbers in the portfolios' text, before and after the change: a superset, never a subset,
// of the learners that use it, and far cheaper than assessing everyone.
import { CENTRE_FILE, idFromFileName, learnerFolderOf, listLearners, PORTFOLIOS_DIR, QUALIFICATIONS_DIR, UNITS_DIR, type LearnerEntry } from '../load/files.js';
import type { Reader } from '../load/reader.js';
import type { Specs } from '../model/types.js';

export type Why = 'changed' | 'spec' | 'centre' | 'uln';

export interface Selection {
  learners: LearnerEntry[];
  /** Why each learner is checked. */
  why: Map<string, Why>;
  /** Spec and centre files that changed and still exist: their own findings are reported. */
  files: string[];
  /** How many learners the centre has. */
  of: number;
}

/** The numbers a spec is known by: its file name, and its id and aliases before and after. */
function specNumbers(file: string, specs: Specs[]): string[] {
  const out = new Set([idFromFileName(file.slice(file.lastIndexOf('/') + 1))]);
  for (const s of specs) {
    for (const u of s.units) if (u.loc.file === file) [u.id, ...u.aliases].forEach((x) => out.add(x));
    for (const q of s.qualifications) if (q.loc.file === file) out.add(q.id);
  }
  return [...out];
}

/** Qualifications, before or after, in which any of these units is mandatory: every learner
 * on them takes it, whether or not their portfolio names it yet. An optional unit counts only
 * for learners who chose it, and they name it. */
function mandatoryIn(units: string[], specs: Specs[]): string[] {
  const out = new Set<string>();
  for (const s of specs) for (const q of s.qualifications) if (q.groups.some((g) => g.requiredAll && g.units.some((u) => units.includes(u.ref)))) out.add(q.id);
  return [...out];
}

// A qualification may be written with or without its slashes (601/3734/4, 60137344).
const forms = (id: string) => [id, id.replace(/\//g, '')];

export function affectedLearners(reader: Reader, changed: string[], specs: { now: Specs; before?: Specs }): Selection {
  const all = listLearners(reader);
  const why = new Map<string, Why>();
  const versions = specs.before ? [specs.now, specs.before] : [specs.now];
  const existing = new Set(reader.list(UNITS_DIR).map((e) => `${UNITS_DIR}/${e.name}`).concat(reader.list(QUALIFICATIONS_DIR).map((e) => `${QUALIFICATIONS_DIR}/${e.name}`)));

  const byFolder = new Map(all.map((e) => [e.dir, e]));
  let everyone = false;
  const numbers = new Set<string>();
  const files: string[] = [];
  for (const path of changed) {
    if (path === CENTRE_FILE) {
      everyone = true;
      if (reader.isFile(path)) files.push(path);
    } else if (path.startsWith(`${PORTFOLIOS_DIR}/`)) {
      const folder = learnerFolderOf(path);
      const entry = folder === undefined ? undefined : byFolder.get(`${PORTFOLIOS_DIR}/${folder}`);
      if (entry) why.set(entry.id, 'changed');
    } else if (path.startsWith(`${UNITS_DIR}/`) || path.startsWith(`${QUALIFICATIONS_DIR}/`)) {
      if (!/\.ya?ml$/i.test(path)) continue;
      if (existing.has(path)) files.push(path);
      const own = specNumbers(path, versions);
      own.forEach((n) => numbers.add(n));
      if (path.startsWith(`${UNITS_DIR}/`)) mandatoryIn(own, versions).forEach((q) => forms(q).forEach((f) => numbers.add(f)));
      else own.forEach((q) => forms(q).forEach((f) => numbers.add(f)));
    }
  }
  if (everyone) for (const e of all) if (!why.has(e.id)) why.set(e.id, 'centre');
  if (numbers.size) {
    const wanted = [...numbers];
    for (const e of all) {
      if (why.has(e.id)) continue;
      const text = readOrEmpty(reader, e.file);
      if (wanted.some((n) => text.includes(n))) why.set(e.id, 'spec');
    }
  }
  return { learners: all.filter((e) => why.has(e.id)), why, files, of: all.length };
}

/** Learners not yet selected whose portfolio mentions one of these ULNs: a duplicate ULN is a
 * finding about two learners, and a changed portfolio may duplicate an unchanged one's. */
export function sharingUlns(reader: Reader, selection: Selection, ulns: string[]): LearnerEntry[] {
  if (!ulns.length) return [];
  const out: LearnerEntry[] = [];
  for (const e of listLearners(reader)) {
    if (selection.why.has(e.id)) continue;
    const text = readOrEmpty(reader, e.file);
    if (ulns.some((u) => text.includes(u))) out.push(e);
  }
  return out;
}

function readOrEmpty(reader: Reader, file: string): string {
  try {
    return reader.read(file);
  } catch {
    return '';
  }
}
