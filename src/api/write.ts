// What folio writes: a new centre (init), a new learner's portfolio (learner add), and unit
// specifications from recording forms (import). Each refuses to overwrite what it did not
// make, and says why in a UsageError.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import { UNITS_DIR } from '../load/files.js';
import { MAX_FILE_BYTES } from '../load/guard.js';
import { findCentreRoot } from '../locate.js';
import type { SchemaKind } from '../schema/kinds.js';
import type { InitStep } from '../init-write.js';
import type { PackageSpec } from '../install-source.js';
import { createFile } from '../write-file.js';
import { buildIndex } from '../model/index.js';
import { today, type Centre } from './centre.js';
import { UsageError } from '../usage-error.js';
import { visible } from '../render/safe.js';
import { qualificationGuess, staffGuess } from './suggest.js';

/** What an import read and did to each spec (the data of import's formats). */
export type ImportReport = import('../render/import.js').ImportReport;

/** What a new centre gets besides its files. */
export interface InitOptions {
  /** Also install a git pre-commit hook. */
  hooks?: boolean;
  /** The centre's name, for portfolios/centre.yaml. */
  name?: string;
  /** How CI and the hook install folio (an npm package spec: a tarball, a git URL, a name).
   * Default: the spec folio was itself installed from, where it can tell. */
  package?: string;
  /** Replace files that differ from folio's, keeping each old one as FILE.bak. */
  force?: boolean;
  /** Where dir is taken from. Default: the working folder. */
  cwd?: string;
  /** Which CI files to write: GitHub's workflow, GitLab's .gitlab-ci.yml (default both; [] none). */
  ci?: readonly ('github' | 'gitlab')[];
}

/** What folio init did. */
export interface InitResult {
  /** Each of its files, relative to dir, and what was done with it. */
  files: InitStep[];
  /** How the workflows and the hook install folio, and where that came from. */
  package: PackageSpec;
  /** dir was in no git repository, so init ran "git init" there. */
  gitInit: boolean;
  /** The centre's folder in its repository, "" at the top. When it is a subfolder, the CI
   * files went to the repository's top (GitHub and GitLab read them nowhere else) and run
   * folio with -C this folder; the CLI warns. */
  prefix: string;
}

/** Make a new centre in dir: specs/, portfolios/centre.yaml, schemas, CI for GitHub and
 * GitLab, git ignore and attribute lines (merged into files already there), and with hooks a
 * pre-commit hook. Runs "git init" when dir is in no repository. Writes nothing when a file
 * it would write exists with other content, unless force. */
export async function initCentre(dir: string, opts: InitOptions = {}): Promise<InitResult> {
  const root = resolvePath(opts.cwd ?? process.cwd(), dir);
  const [{ centreFiles, HOOK_PATH }, { planInit, writeInit, gitTop, gitInit, hookPath }, { givenSpec, ownSpec }] = await Promise.all([import('../init.js'), import('../init-write.js'), import('../install-source.js')]);
  const pkg = opts.package !== undefined ? givenSpec(opts.package, root, opts.cwd ?? process.cwd()) : ownSpec(root);
  const top = gitTop(root);
  const prefix = top ? relative(realpathSync(top), realpathSync(root)).replace(/\\/g, '/') : '';
  const files = centreFiles({ hooks: !!opts.hooks, pkg: pkg.spec, name: opts.name, ci: opts.ci, prefix });
  if (opts.hooks && top) {
    const hook = files.find((f) => f.path === HOOK_PATH)!;
    hook.path = hookPath(top, root);
  }
  const plan = planInit(root, files, !!opts.force);
  if (!top) gitInit(root);
  const steps = writeInit(root, plan);
  return { files: steps, package: pkg, gitInit: !top, prefix };
}

/** A new learner's portfolio: who they are and what they are registered for. */
export interface NewLearner {
  /** The learner's id, which names their folder (e.g. NT-0170). */
  id: string;
  name: string;
  /** The qualification they are registered for (its number). */
  qualification: string;
  /** Their assessor: a staff id with the assessor role. */
  assessor?: string;
  /** The registration date (YYYY-MM-DD); default today. */
  registered?: string;
  /** Their Unique Learner Number (10 digits, the last a check digit). */
  uln?: string;
  /** The optional units they have chosen, by number or alias (written as the unit's number). */
  optionalUnits?: string[];
}

/** How a new portfolio is committed: as the staff member (--by, else the one git's user.email
 * names, else git's own user), signed when asked. */
export interface NewLearnerOptions {
  by?: string;
  commit?: boolean;
  sign?: boolean;
  /** Check the new portfolio and return it as a diff; write nothing. */
  dryRun?: boolean;
}

/** What learner add made: the portfolio (centre-relative), the qualification's own number, the
 * new file as a diff from nothing, whether it was written, and the commit. */
export interface AddedLearner {
  file: string;
  qualification: string;
  diff: string;
  written: boolean;
  commit?: { hash: string; author: string; message: string };
}

/** Create portfolios/ID/portfolio.yaml for a new learner; never overwrites, and refuses (with
 * check's findings, as RecordRefused) what check would report of it: a ULN that fails its check
 * digit or is another learner's, an optional unit that is unknown or not in the qualification.
 * Returns the portfolio's path (centre-relative) and the qualification's own number. */
export async function addLearner(centre: Centre, learner: NewLearner, opts: NewLearnerOptions = {}): Promise<AddedLearner> {
  const { id } = learner;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) throw new UsageError(`learner id "${id}" cannot name a folder: use letters, digits, ".", "_" and "-"`);
  const folder = resolvePath(centre.root, 'portfolios', id);
  // lstat: a link, even one to nothing, is something already there
  if (lexists(folder)) throw new UsageError(`portfolios/${id} exists already: folio learner add never overwrites a portfolio`);
  // The centre is assessed once: its specs check the input here, its findings are what the new
  // portfolio is compared with.
  const { centreBefore, checkNewFile } = await import('../record/core.js');
  const day = today();
  const before = await centreBefore(centre.reader, day);
  const specs = before.analysis.specs;
  const index = buildIndex(specs);
  const q = index.qualification(learner.qualification);
  if (!q) throw new UsageError(`no qualification "${visible(learner.qualification)}" in specs/qualifications/: ${qualificationGuess(specs, learner.qualification) ?? '"folio spec list" shows what there is'}`);
  if (learner.assessor) {
    const staff = specs.centre?.staff.get(learner.assessor);
    if (!staff || !staff.roles.has('assessor')) throw new UsageError(`--assessor "${visible(learner.assessor)}" is not on the staff list in portfolios/centre.yaml with the assessor role${(g => (g ? `: ${g}` : ''))(staffGuess(specs, learner.assessor, 'assessor'))}`);
  }
  (await import('../dates.js')).dayOption('--registered', learner.registered);
  const { portfolioYaml } = await import('../init.js');
  // Created exclusively: a portfolio that appeared while the specs were read (another learner
  // add, a git pull) is never replaced; EEXIST says so.
  const optionalUnits = (learner.optionalUnits ?? []).map((u) => index.canonical(u));
  const text = portfolioYaml({ name: learner.name, qualification: q.id, assessor: learner.assessor, registered: learner.registered ?? day, uln: learner.uln, optionalUnits });
  const file = `portfolios/${id}/portfolio.yaml`;
  await checkNewFile(centre.reader, file, text, day, before);
  const diff = (await import('../record/diff.js')).unifiedDiff(file, '', text);
  if (opts.dryRun) return { file, qualification: q.id, diff, written: false };
  // --commit: who, and the repository, before anything is written
  const commit = opts.commit ? await learnerCommit(centre, specs, file, opts) : undefined;
  try {
    createFile(resolvePath(folder, 'portfolio.yaml'), text);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`portfolios/${id}/portfolio.yaml appeared while folio ran (another learner add, a pull?): folio learner add never overwrites a portfolio; look at it, and choose another id if it is someone else`);
    throw e;
  }
  if (!commit) return { file, qualification: q.id, diff, written: true };
  const message = `${id}: add learner ${learner.name} (${q.id})`;
  const hash = commit.commitFiles(commit.repo, commit.author, `${message}\n\n- portfolio ${file}\n\nRecorded with folio.`, !!opts.sign);
  return { file, qualification: q.id, diff, written: true, commit: { hash, author: commit.author ? `${commit.author.name} <${commit.author.email}>` : "git's user", message } };
}

async function learnerCommit(centre: Centre, specs: import('../model/types.js').Specs, file: string, opts: NewLearnerOptions) {
  const { whoRecords } = await import('../record/who.js');
  const { commitFiles, prepareCommit } = await import('../record/commit.js');
  const who = whoRecords(specs, centre.root, opts.by, false);
  if (who && !who.staff) throw (await import('./record-kit.js')).unknownStaff(specs, who.id);
  const email = who?.staff?.emails[0];
  if (who && !email) throw new UsageError(`--commit: ${who.id} has no email in portfolios/centre.yaml, so folio verify could not find them as the author: add the address they commit with`);
  const author = who && email ? { name: who.staff!.name, email } : undefined;
  return { repo: prepareCommit(centre.root, [file]), author, commitFiles };
}

/** What folio spec new made: the file (centre-relative) and, when the number is shaped like an
 * Ofqual one but its check character is wrong, what check will say of it. */
export interface NewSpec {
  file: string;
  /** The number is not shaped like a unit reference number (L/DDD/DDDD) or qualification
   * number (DDD/DDDD/C): allowed (an awarding body's own unit number), but worth a look. */
  unshaped: boolean;
  /** The check character is wrong: check's own code, with what it should be. */
  wrong?: { code: 'unit-check-letter' | 'qualification-check-digit'; reason: string; expected: string };
}

/** Write a commented template for a new unit or qualification specification (TODO where
 * the awarding body's document has the answer) to specs/units/ or specs/qualifications/ of the
 * centre at or above dir. Never overwrites; the file is named as check expects. */
export async function newSpec(kind: 'unit' | 'qualification', id: string, opts: { dir?: string; cwd?: string } = {}): Promise<NewSpec> {
  const [{ checkQn, checkUrn, isQnShaped, isUrnShaped }, { unitTemplate, qualificationTemplate }, { fileNameForId }] = await Promise.all([import('../ids.js'), import('../spec-template.js'), import('../load/files.js')]);
  const cwd = opts.cwd ?? process.cwd();
  const start = opts.dir ? resolvePath(cwd, opts.dir) : cwd;
  const root = findCentreRoot(start);
  if (root === undefined) throw new UsageError(`no centre at or above ${start} (no folder holds specs/): run "folio init" first, or give -C DIR`);
  if (!/^[A-Za-z0-9][A-Za-z0-9./_-]*$/.test(id) || id.split('/').some((p) => p === '' || p === '.' || p === '..')) throw new UsageError(`${kind} number "${visible(id)}" cannot name a file: use letters, digits, "/", ".", "_" and "-"`);
  const file = `specs/${kind === 'unit' ? 'units' : 'qualifications'}/${fileNameForId(id)}`;
  try {
    createFile(resolvePath(root, file), kind === 'unit' ? unitTemplate(id) : qualificationTemplate(id));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} exists already: folio spec new never overwrites a specification; edit it, or "folio spec show ${id}"`);
    throw e;
  }
  const r = kind === 'unit' ? checkUrn(id) : checkQn(id);
  const unshaped = !(kind === 'unit' ? isUrnShaped(id) : isQnShaped(id));
  return { file, unshaped, ...(r.ok ? {} : { wrong: { code: kind === 'unit' ? ('unit-check-letter' as const) : ('qualification-check-digit' as const), reason: r.reason, expected: r.expected } }) };
}

/** Where forms are read from and specs written to. */
export interface ImportFormsOptions {
  /** The centre (the first folder at or above it holding specs/, else this folder). Default: cwd. */
  dir?: string;
  /** Where form paths, dir and out are taken from. Default: the working folder. */
  cwd?: string;
  /** Write the specs here. Default: specs/units/ of the centre. */
  out?: string;
  /** Write the specs (false: a plan only). */
  write: boolean;
  /** Replace a spec that differs from the form, keeping a backup beside it. */
  force?: boolean;
  /** The unit number, for a form that gives none. */
  unit?: string;
  /** Write no spec for a unit with any warning on its lines. */
  strict?: boolean;
}

/** Read unit recording forms (or specifications) and plan, or write, unit specification YAML.
 * held: a spec differs, cannot be read or could not be written, so the run should fail. */
export async function importForms(files: string[], opts: ImportFormsOptions): Promise<{ report: ImportReport; held: boolean; unreadable: boolean }> {
  const [{ importForms: plan }, { writePlan }, { readForms }] = await Promise.all([import('../import/index.js'), import('../import/write.js'), import('./forms.js')]);
  const cwd = opts.cwd ?? process.cwd();
  const start = opts.dir ? resolvePath(cwd, opts.dir) : cwd;
  const root = findCentreRoot(start) ?? start;
  const out = opts.out ? resolvePath(cwd, opts.out) : resolvePath(root, UNITS_DIR);
  const { forms, unread } = await readForms(files, root, cwd);
  const refused = new Map<string, string>();
  const folder = {
    read: (name: string) => existingSpec(resolvePath(out, name), (why) => refused.set(name, why)),
    list: () => (existsSync(out) ? readdirSync(out) : []),
  };
  let result;
  try {
    const schemaFile = resolvePath(root, 'schemas/unit.schema.json');
    const schema = existsSync(schemaFile) ? relative(out, schemaFile).replace(/\\/g, '/') : undefined;
    result = plan(forms, folder, { force: !!opts.force, unit: opts.unit, schema, strict: !!opts.strict });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const written = opts.write ? writePlan(result.specs, out) : [];
  const specs = result.specs.map((s) => {
    const w = written.find((x) => x.file === s.file);
    return { ...s, backup: w?.backup, written: !!w && !w.refused, reason: w?.refused ?? (w ? undefined : (refused.get(s.file) ?? notWritten(s.action, opts.write))) };
  });
  const dir = relative(cwd, out).replace(/\\/g, '/') || '.';
  const held = specs.some((s) => s.action === 'conflict' || s.action === 'unreadable' || s.action === 'unsure' || (opts.write && s.reason && !s.written && s.action !== 'unchanged'));
  const warnings = [...unread, ...result.warnings];
  return { report: { units: result.units, warnings, specs, dir, written: opts.write, unsure: result.unsure }, held: held || result.warnings.some((w) => w.code === 'no-units'), unreadable: unread.length > 0 };
}

/** An existing spec's text, or undefined when there is none. A spec folio will not read (a
 * link, which may lead out of the centre; a pipe, which would block; a file over the size
 * folio reads) is given as no text at all, so the import plans it as `unreadable`, never
 * writes it, and check says why. */
function existingSpec(path: string, refuse: (why: string) => void): string | undefined {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return undefined;
  }
  const why = st.isSymbolicLink()
    ? 'is a symbolic link, not a regular file: folio import neither reads nor writes through one; put the spec itself there'
    : !st.isFile()
      ? 'is not a regular file (a folder, pipe, socket or device): move it aside and import again'
      : st.size > MAX_FILE_BYTES
        ? `is larger than folio reads (${MAX_FILE_BYTES / 1024 / 1024} MiB): "folio check" reports it; fix or remove it and import again`
        : undefined;
  if (!why) return readFileSync(path, 'utf8');
  refuse(`the spec ${why}`);
  return '';
}

/** Why a spec was not written, for the JSON report. */
function notWritten(action: string, write: boolean): string {
  if (!write) return 'not asked to write: --format json writes only with -o DIR (--stdout never writes)';
  if (action === 'unchanged') return 'the spec already says what the form says';
  if (action === 'conflict') return 'the spec differs from the form: --force replaces it and keeps a backup';
  if (action === 'unsure') return 'the importer warned about this unit and --strict writes only units it is sure of: check the warnings against the form, then import without --strict';
  if (action === 'unreadable') return 'the spec cannot be read: "folio check" shows why; fix or remove it and import again';
  return 'not written';
}

/** The JSON Schema of one of the four kinds of file, for editors (completion, red squiggles). */
export async function jsonSchema(kind: SchemaKind): Promise<object> {
  return (await import('../schema/json-schema.js')).jsonSchemaFor(kind);
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
