// Stages load → parse → schema → model for a whole centre. Every file is read once; a file
// that fails to parse is reported and skipped, and the rest of the centre still loads.
import type { Finding } from '../diagnostics.js';
import { buildCentre, buildLearner, buildQualification, buildUnit } from '../model/build.js';
import type { Centre, Learner } from '../model/types.js';
import { centreSchema } from '../schema/centre.js';
import { portfolioSchema } from '../schema/portfolio.js';
import { qualificationSchema } from '../schema/qualification.js';
import { unitSchema } from '../schema/unit.js';
import { validate, type IndexMap } from '../schema/validate.js';
import type { z } from 'zod';
import { lazySource, parseYaml, type SourceFile } from '../source.js';
import type { Reader } from './reader.js';

export const UNITS_DIR = 'specs/units';
export const QUALIFICATIONS_DIR = 'specs/qualifications';
export const PORTFOLIOS_DIR = 'portfolios';
export const CENTRE_FILE = 'portfolios/centre.yaml';

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

export interface Loaded {
  centre: Centre;
  findings: Finding[];
}

export interface LoadOptions {
  /** Only these learner ids (folder names); all when absent. */
  learners?: string[];
}

/** Spec file name → the id it should hold: "A-506-2130.yaml" → "A/506/2130". */
export function idFromFileName(name: string): string {
  return name.replace(/\.ya?ml$/i, '').replace(/-/g, '/');
}

export function fileNameForId(id: string): string {
  return `${id.replace(/\//g, '-')}.yaml`;
}

export function loadCentre(reader: Reader, opts: LoadOptions = {}): Loaded {
  const findings: Finding[] = [];
  const sources = new Map<string, SourceFile>();
  const files: string[] = [];
  const centre: Centre = { units: [], qualifications: [], learners: [], unreadableSpecs: new Set(), sources, files };

  const parse = (file: string) => {
    files.push(file);
    let text: string;
    try {
      text = reader.read(file);
    } catch (e) {
      findings.push({ code: 'file-unreadable', target: { file }, message: `cannot read ${file}: ${(e as Error).message}` });
      return undefined;
    }
    const parsed = parseYaml(file, text);
    sources.set(file, lazySource(file, () => reader.read(file)));
    findings.push(...parsed.findings);
    return parsed.value === undefined ? undefined : parsed;
  };

  // Read one file kind: parse, validate, and either build it or remember that it could not be.
  const read = <S extends z.ZodType, T>(file: string, schema: S, what: string, build: (data: z.output<S>, indices: IndexMap, raw: unknown) => T): T | undefined => {
    const p = parse(file);
    const v = p && validate(schema, p.value, file, what);
    if (v) findings.push(...v.findings);
    return p && v?.data !== undefined ? build(v.data, v.indices, p.value) : undefined;
  };
  const specFiles = (dir: string) => reader.list(dir).filter((e) => !e.dir && isYaml(e.name));

  for (const e of specFiles(UNITS_DIR)) {
    const file = `${UNITS_DIR}/${e.name}`;
    const unit = read(file, unitSchema, 'unit specification', (d, ix) => buildUnit(d, file, ix));
    if (unit) centre.units.push(unit);
    else centre.unreadableSpecs.add(idFromFileName(e.name));
  }
  for (const e of specFiles(QUALIFICATIONS_DIR)) {
    const file = `${QUALIFICATIONS_DIR}/${e.name}`;
    const q = read(file, qualificationSchema, 'qualification specification', (d, ix) => buildQualification(d, file, ix));
    if (q) centre.qualifications.push(q);
    else centre.unreadableSpecs.add(idFromFileName(e.name));
  }

  if (reader.isFile(CENTRE_FILE)) centre.centre = read(CENTRE_FILE, centreSchema, 'centre file', (d, ix) => buildCentre(d, CENTRE_FILE, ix));

  const wanted = opts.learners ? new Set(opts.learners) : undefined;
  for (const e of reader.list(PORTFOLIOS_DIR)) {
    if (!e.dir || e.name.startsWith('.')) continue;
    if (wanted && !wanted.has(e.name)) continue;
    const dir = `${PORTFOLIOS_DIR}/${e.name}`;
    const file = [`${dir}/portfolio.yaml`, `${dir}/portfolio.yml`].find((f) => reader.isFile(f));
    if (!file) continue;
    const learner = read(file, portfolioSchema, 'portfolio', (d, ix, raw) => buildLearner(d, file, e.name, dir, ix, raw));
    if (learner) {
      locateEvidenceFiles(learner, reader);
      centre.learners.push(learner);
    }
  }
  return { centre, findings };
}

// Evidence files are looked up once here so rules and status agree on what exists.
function locateEvidenceFiles(learner: Learner, reader: Reader): void {
  for (const e of learner.evidence) {
    if (e.location?.kind !== 'file') continue;
    const rel = e.location.value.trim().replace(/\\/g, '/');
    const path = `${learner.dir}/${rel}`;
    const escapes = rel.startsWith('/') || /^[A-Za-z]:/.test(rel) || normalise(path) === undefined || !normalise(path)!.startsWith(`${learner.dir}/`);
    if (escapes || (reader.isFile(path) && !reader.within(path, learner.dir))) e.fileProblem = 'outside';
    else if (!reader.isFile(path)) e.fileProblem = 'missing';
  }
}

/** Resolve "." and ".." in a relative path; undefined when it climbs above its start. */
function normalise(p: string): string | undefined {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}
