// A check of what changed: the learners a change can affect (pipeline/affected.ts), assessed
// like any others, and the findings of the changed files only, so a pull request is judged
// on what it touches and not on what was already there.
import type { Code } from '../diagnostics.js';
import { isOwnUln } from '../ids.js';
import { loadSpecs } from '../load/load.js';
import type { Reader } from '../load/reader.js';
import { affectedLearners, sharingUlns, type Selection } from './affected.js';
import { analyse, type Analysis, type AnalyseOptions, type ResultStore } from './index.js';

export interface ChangedAnalysis {
  analysis: Analysis;
  results: ResultStore;
  selection: Selection;
  /** The files checked: the selected portfolios and the changed specs and centre file. */
  files: string[];
  /** Whether a finding counts: any in the files checked, but in a learner added only because
   * it shares a ULN with a changed one, only the duplicate itself (duplicate-uln). */
  keep(d: { file: string; code: Code }): boolean;
}

export async function analyseChanged(reader: Reader, changed: { paths: string[]; before?: Reader }, opts: AnalyseOptions): Promise<ChangedAnalysis> {
  const { analysis: specsOnly } = await analyse(reader, { ...opts, learners: [], rules: false });
  const specBefore = changed.before && changed.paths.some((p) => p.startsWith('specs/')) ? loadSpecs(changed.before).specs : undefined;
  const selection = affectedLearners(reader, changed.paths, { now: specsOnly.specs, before: specBefore });
  let { analysis, results } = await analyse(reader, { ...opts, learners: selection.learners.map((e) => e.id) });
  const more = sharingUlns(reader, selection, analysis.learners.flatMap((l) => (isOwnUln(l.uln) ? [l.uln] : [])));
  if (more.length) {
    for (const e of more) selection.why.set(e.id, 'uln');
    selection.learners = [...selection.learners, ...more].sort((a, b) => (a.id < b.id ? -1 : 1));
    ({ analysis, results } = await analyse(reader, { ...opts, learners: selection.learners.map((e) => e.id) }));
  }
  const full = new Set([...selection.files, ...selection.learners.filter((e) => selection.why.get(e.id) !== 'uln').map((e) => e.file)]);
  const ulnOnly = new Set(selection.learners.filter((e) => selection.why.get(e.id) === 'uln').map((e) => e.file));
  return {
    analysis,
    results,
    selection,
    files: [...full, ...ulnOnly],
    keep: (d) => full.has(d.file) || (ulnOnly.has(d.file) && d.code === 'duplicate-uln'),
  };
}
