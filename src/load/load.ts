// Stages load → parse → schema → model, in two parts: the specs and the centre file, read once
// per run, and one learner's portfolio at a time, so that a centre of thousands of learners is
// never in memory at once. A file that fails to parse is reported and skipped; the rest loads.
import { pushAll } from '../iter.js';
import type { Finding } from '../diagnostics.js';
import { buildCentre, buildLearner, buildQualification, buildUnit } from '../model/build.js';
import type { Learner, Specs } from '../model/types.js';
import { centreSchema } from '../schema/centre.js';
import { portfolioSchema } from '../schema/portfolio.js';
import { qualificationSchema } from '../schema/qualification.js';
import { unitSchema } from '../schema/unit.js';
import { validate, type IndexMap } from '../schema/validate.js';
import type { z } from 'zod';
import { lazySource, parseYaml, type SourceFile } from '../source.js';
import { locateEvidenceFiles } from './evidence-files.js';
import { controlCharacters, linkOutside, Refused } from './guard.js';
import { idFromFileName, specFiles, type LearnerEntry } from './files.js';
import type { Reader } from './reader.js';

/** One file of a given kind: read, parse, validate, build. Undefined when it could not be built. */
function readAs<S extends z.ZodType, T>(
  reader: Reader,
  file: string,
  schema: S,
  what: string,
  build: (data: z.output<S>, indices: IndexMap, raw: unknown) => T,
  findings: Finding[],
  onParsed?: (source: SourceFile) => void,
): T | undefined {
  let text: string;
  try {
    text = reader.read(file);
  } catch (e) {
    if (e instanceof Refused) findings.push(e.finding());
    else findings.push({ code: 'file-unreadable', messageId: 'cannot-read', data: { error: (e as Error).message }, target: { file }, message: `cannot read ${file}: ${(e as Error).message}` });
    return undefined;
  }
  findings.push(...controlCharacters(file, text));
  const parsed = parseYaml(file, text);
  // Only verify asks for the syntax tree (record ranges); it is built when first used.
  onParsed?.(lazySource(file, () => text));
  pushAll(findings, parsed.findings);
  if (parsed.value === undefined) return undefined;
  const v = validate(schema, parsed.value, file, what);
  pushAll(findings, v.findings);
  return v.data === undefined ? undefined : build(v.data, v.indices, parsed.value);
}

export interface LoadedSpecs {
  specs: Specs;
  findings: Finding[];
  /** Every file read, for the check summary. */
  files: string[];
}

export function loadSpecs(reader: Reader): LoadedSpecs {
  const findings: Finding[] = [];
  const specs: Specs = { units: [], qualifications: [], unreadableSpecs: new Set() };
  const { units, qualifications, centre, outside } = specFiles(reader);
  for (const o of outside) {
    const e = linkOutside(o.link, o.target);
    findings.push(e.finding({ file: e.file }));
  }
  const files = [...units, ...qualifications, ...(centre ? [centre] : [])];
  reader.prefetch?.(files);
  const fileName = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  for (const file of units) {
    const unit = readAs(reader, file, unitSchema, 'unit specification', (d, ix) => buildUnit(d, file, ix), findings);
    if (unit) specs.units.push(unit);
    else specs.unreadableSpecs.add(idFromFileName(fileName(file)));
  }
  for (const file of qualifications) {
    const q = readAs(reader, file, qualificationSchema, 'qualification specification', (d, ix) => buildQualification(d, file, ix), findings);
    if (q) specs.qualifications.push(q);
    else specs.unreadableSpecs.add(idFromFileName(fileName(file)));
  }
  if (centre) specs.centre = readAs(reader, centre, centreSchema, 'centre file', (d, ix, raw) => buildCentre(d, centre, ix, raw), findings);
  return { specs, findings, files };
}

/** onParsed receives the portfolio's syntax tree, for a caller that needs positions of many
 * records (verify) and would otherwise parse the file again. */
export function loadLearner(reader: Reader, entry: LearnerEntry, onParsed?: (source: SourceFile) => void): { learner?: Learner; findings: Finding[] } {
  const findings: Finding[] = [];
  const learner = readAs(reader, entry.file, portfolioSchema, 'portfolio', (d, ix, raw) => buildLearner(d, entry.file, entry.id, entry.dir, ix, raw), findings, onParsed);
  if (learner) locateEvidenceFiles(learner, reader);
  return { learner, findings };
}
