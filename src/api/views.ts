// What the reports show, computed from an Assessment: a check's findings, the status of the
// learners asked for, their gaps, the specifications. Each returns the data its formatter
// takes (render/registry.ts), so format(command, format, view(...)) is the whole of a report.
import { isAbsolute, relative as relativePath, resolve as resolvePath } from 'node:path';
import { aliasMap } from '../model/aliases.js';
import type { CheckReport } from '../render/check.js';
import type { GapsReport } from '../render/gaps.js';
import { visible } from '../render/safe.js';
import type { SpecList, SpecShow } from '../render/spec.js';
import type { StatusReport } from '../render/status.js';
import { gapsOf, type Gap } from '../status/gaps.js';
import { hasAchieved, type LearnerResult } from '../status/types.js';
import { VERSION } from '../version.js';
import { idOf, indexOf, innerOf, placeOf, resultOf, resultsFor, type Assessment, type LearnerSummary } from './assess.js';
import { UsageError } from '../usage-error.js';
import { noSuchLearner, specGuess, staffGuess } from './suggest.js';

const hint = (guess: string | undefined) => (guess ? `: ${guess}` : '');

/** Which findings a check reports. */
export interface CheckOptions {
  /** Only findings in these files or folders, as given (resolved against cwd). */
  paths?: string[];
  /** The folder paths are taken from. Default: the working folder. */
  cwd?: string;
}

/** Every finding of an assessment (of the files a change touches, when it was assessed with
 * changedSince or staged), with counts. Throws UsageError for a path that holds no file. */
export function check(a: Assessment, opts: CheckOptions = {}): CheckReport {
  const paths = opts.paths ?? [];
  const cwd = opts.cwd ?? process.cwd();
  const { keep: counts } = innerOf(a);
  // A path outside the centre covers none of its files (undefined), the centre itself all ('').
  const wanted = paths.map((p) => {
    const rel = relativePath(a.root, resolvePath(cwd, p));
    return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.replace(/\\/g, '/');
  });
  const covers = (w: string | undefined, file: string) => w !== undefined && (w === '' || file === w || file.startsWith(`${w}/`));
  const keep = (file: string) => !wanted.length || wanted.some((w) => covers(w, file));
  const nowhere = paths.filter((p, i) => !a.files.some((file) => covers(wanted[i], file)));
  if (nowhere.length) throw new UsageError(`${nowhere.join(', ')}: no file of the centre at ${a.root} is there (paths are taken from the current folder, or from -C DIR when given)`);
  const diagnostics = a.diagnostics.filter((d) => keep(d.file) && (!counts || counts(d)));
  const files = (a.changes ? a.changes.files : a.files).filter(keep).length;
  const summary = { files, errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length };
  return { diagnostics, summary, ci: { prefix: a.prefix, version: VERSION } };
}

/** Which learners (and unit) a report is about. */
export interface LearnerFilter {
  /** Only these learners (folder names), in this order; every learner when absent, none when
   * empty. */
  learners?: string[];
  /** Only this assessor's learners (a staff id). */
  assessor?: string;
  /** Only this unit (a number or alias). */
  unit?: string;
  /** Withdrawn learners too: they are left out of the cohort unless named or asked for. */
  all?: boolean;
}

/** The learners asked for. Throws UsageError for a learner who is not there or cannot be read,
 * and for an assessor not on the staff list. */
export function selectLearners(a: Assessment, filter: LearnerFilter = {}): LearnerSummary[] {
  const ids = filter.learners ?? [];
  const byId = new Map(a.learners.map((l) => [idOf(l), l]));
  const broken = ids.filter((id) => a.unreadable.includes(id));
  if (broken.length) throw new UsageError(`the portfolio of ${broken.map(visible).join(', ')} cannot be read: "folio check" shows why`);
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new UsageError(innerOf(a).scoped ? `no learner ${unknown.map(visible).join(', ')} in this assessment, which took only the learners named to assess(): name them there too` : noSuchLearner(unknown, innerOf(a).reader));
  let learners = filter.learners ? ids.map((id) => byId.get(id)!) : filter.all ? a.learners : a.learners.filter((l) => !l.withdrawn);
  if (filter.assessor) {
    if (a.specs.centre && !a.specs.centre.staff.has(filter.assessor)) throw new UsageError(`--assessor "${visible(filter.assessor)}" is not on the staff list in portfolios/centre.yaml${hint(staffGuess(a.specs, filter.assessor))}`);
    learners = learners.filter((l) => l.assessor === filter.assessor);
  }
  return learners;
}

/** A unit's own number from any number or alias it is known by; throws UsageError for none. */
export function unitId(a: Assessment, ref: string): string {
  const spec = indexOf(a).unit(ref);
  if (!spec) throw new UsageError(`--unit "${visible(ref)}": no such unit in specs/units/${hint(specGuess(a.specs, ref))}`);
  return spec.id;
}

/** Where the learners asked for stand: the cohort, or (learners named) each unit by unit. Each
 * learner's full result is in `learners`, an array. */
export function status(a: Assessment, filter: LearnerFilter = {}): StatusReport & { learners: LearnerResult[] } {
  const report = statusStream(a, filter);
  return { ...report, learners: [...report.learners] };
}

/** The same report as status(), for cohorts of thousands: `learners` is read one result at a
 * time as a formatter goes through it (for a large cohort, back from the cache), so memory does
 * not grow with the cohort. Walk it with for…of; it has a length. */
export function statusStream(a: Assessment, filter: LearnerFilter = {}): StatusReport {
  let learners = selectLearners(a, filter);
  const unit = filter.unit ? unitId(a, filter.unit) : undefined;
  if (unit) learners = learners.filter((l) => resultOf(a, l).units.some((u) => u.id === unit));
  const gaps = new Map(learners.map((l) => [idOf(l), l.gaps]));
  const staff = new Map([...(a.specs.centre?.staff.values() ?? [])].map((s) => [s.id, s.name]));
  const single = (filter.learners ?? []).length > 0;
  // Who they are is known, whose learners they are is not: only the whole cohort shows them.
  const unreadable = single || unit || filter.assessor ? [] : a.unreadable.map((id) => ({ id, errors: a.diagnostics.filter((d) => d.severity === 'error' && d.file.startsWith(`portfolios/${id}/`)).length }));
  return { asOf: a.asOf, learners: resultsFor(a, learners), gaps, staff, single, unit, ...(unreadable.length ? { unreadable } : {}) };
}

/** What stands between each learner asked for and achievement, and what to do next. */
export function gaps(a: Assessment, opts: LearnerFilter = {}): GapsReport {
  const learners = selectLearners(a, opts);
  let found = learners.flatMap((l) => gapsOf(resultOf(a, l)));
  if (opts.unit) {
    const unit = unitId(a, opts.unit);
    found = found.filter((g) => g.unit === unit);
  }
  const names = new Map(learners.map((l) => [idOf(l), l.name]));
  return { asOf: a.asOf, gaps: found, names, learners: learners.map(idOf), where: new Map(), ci: { prefix: a.prefix, version: VERSION } };
}

/** The gaps with where each shows in the files (the learner's entry for its unit, else their
 * qualification line), for CI annotations. Parses the portfolios again. */
export async function placeGaps(a: Assessment, report: GapsReport): Promise<GapsReport> {
  const where = new Map<Gap, { file: string; line: number; column: number }>();
  for (const g of report.gaps) where.set(g, await placeOf(a, g));
  return { ...report, where };
}

/** The learners who have not achieved their qualification (of those asked for), by id: a
 * withdrawn learner is never one, so --fail-on incomplete does not wait for them. */
export function notAchieved(a: Assessment, filter: LearnerFilter = {}): string[] {
  return selectLearners(a, filter).filter((l) => !hasAchieved(l.status) && !l.withdrawn).map(idOf);
}

/** Every qualification and unit of the centre. */
export function specList(a: Assessment): SpecList {
  return { qualifications: a.specs.qualifications, units: a.specs.units };
}

/** One unit (by number or alias) or one qualification (by number); throws UsageError for none. */
export function specShow(a: Assessment, id: string): SpecShow {
  const index = indexOf(a);
  const unit = index.unit(id);
  const qualification = unit ? undefined : index.qualification(id);
  if (!unit && !qualification) throw new UsageError(`no unit or qualification "${visible(id)}" in specs/: ${specGuess(a.specs, id, true) ?? '"folio spec list" shows what there is'}`);
  // the qualification's units by every name it may use, resolved as the status engine resolves them
  return { unit, qualification, units: aliasMap(a.specs.units, (u) => u.id, (u) => u.aliases) };
}
