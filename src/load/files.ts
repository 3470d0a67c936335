// Where a centre's files are: the layout of README "File formats", and the listings that find
// specs and learners without reading them. Kept apart from the parsing stage so a run that finds
// everything in the cache never loads the parser or the schemas.
import type { Reader } from './reader.js';

export const UNITS_DIR = 'specs/units';
export const QUALIFICATIONS_DIR = 'specs/qualifications';
export const PORTFOLIOS_DIR = 'portfolios';
export const CENTRE_FILE = 'portfolios/centre.yaml';

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/** Spec file name → the id it should hold: "A-506-2130.yaml" → "A/506/2130". */
export function idFromFileName(name: string): string {
  return name.replace(/\.ya?ml$/i, '').replace(/-/g, '/');
}

export function fileNameForId(id: string): string {
  return `${id.replace(/\//g, '-')}.yaml`;
}

/** The centre's files, by their names alone: whatever stands there that is not a folder (a
 * link, a pipe) is listed, for reading to refuse. outside: the layout's folders that are links
 * leading outside the centre (nothing in them is listed). */
export function specFiles(reader: Reader): { units: string[]; qualifications: string[]; centre?: string; outside: { link: string; target: string }[] } {
  const outside = new Map<string, { link: string; target: string }>();
  for (const dir of ['specs', UNITS_DIR, QUALIFICATIONS_DIR, PORTFOLIOS_DIR]) {
    const o = reader.leaves(dir);
    if (o) outside.set(o.link, o);
  }
  const yaml = (dir: string) => reader.list(dir).filter((e) => !e.dir && isYaml(e.name)).map((e) => `${dir}/${e.name}`);
  const centre = reader.list(PORTFOLIOS_DIR).some((e) => !e.dir && e.name === 'centre.yaml');
  return { units: yaml(UNITS_DIR), qualifications: yaml(QUALIFICATIONS_DIR), centre: centre ? CENTRE_FILE : undefined, outside: [...outside.values()] };
}

/** The learner folder a centre-relative path lies in ("portfolios/NT-0142/evidence/E1.md" →
 * "NT-0142"); undefined outside a learner's folder, and for the centre file. */
export function learnerFolderOf(path: string): string | undefined {
  const m = /^portfolios\/([^/]+)\/./.exec(path);
  return m?.[1];
}

/** A learner as the file system names them: the folder, and the portfolio file in it (the
 * learner types are listed in status/types.ts). */
export interface LearnerEntry {
  id: string;
  dir: string;
  file: string;
}

/** Every learner folder that holds a portfolio, in folder-name order; only `wanted` when given. */
export function listLearners(reader: Reader, wanted?: readonly string[]): LearnerEntry[] {
  const only = wanted ? new Set(wanted) : undefined;
  const out: LearnerEntry[] = [];
  for (const e of reader.list(PORTFOLIOS_DIR)) {
    if (e.name.startsWith('.') || (only && !only.has(e.name))) continue;
    const dir = `${PORTFOLIOS_DIR}/${e.name}`;
    // A folder that leads outside the centre is a learner whose portfolio cannot be read: reading
    // it is refused, which reports the link. Nothing in it is listed.
    if (e.outside && !/^centre\.ya?ml$/.test(e.name)) {
      out.push({ id: e.name, dir, file: `${dir}/portfolio.yaml` });
      continue;
    }
    if (!e.dir) continue;
    const file = portfolioFileIn(reader, dir);
    if (file) out.push({ id: e.name, dir, file });
  }
  return out;
}

/** A learner folder's portfolio: portfolio.yaml, else portfolio.yml; undefined when it holds
 * neither. The one place the choice is made, for the working tree and for past commits. */
export function portfolioFileIn(reader: Reader, dir: string): string | undefined {
  const names = new Set(reader.list(dir).filter((x) => !x.dir).map((x) => x.name));
  const name = names.has('portfolio.yaml') ? 'portfolio.yaml' : names.has('portfolio.yml') ? 'portfolio.yml' : undefined;
  return name && `${dir}/${name}`;
}

