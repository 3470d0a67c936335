// `folio init` and `folio learner add`: a new centre repository, and a new learner's
// portfolio, as files to write. Producing the files is separate from writing them so the CLI
// can refuse to overwrite anything before it writes a single file.
import { shellWord } from './install-source.js';
import { scalar } from './record/emit.js';
import { SCHEMA_KINDS, jsonSchemaFor } from './schema/json-schema.js';
import { PACKAGE, VERSION } from './version.js';

export interface NewFile {
  path: string;
  content: string;
  executable?: boolean;
  /** Lines a file of this name already there gets, where missing, instead of being replaced
   * (.gitignore, .gitattributes: a repository's own lines stay). */
  merge?: 'lines' | 'patterns';
  /** The centre's own data once it exists (centre.yaml): kept as it is, even with --force. */
  keep?: boolean;
}

/** The spec the README's examples use: a tarball made by npm pack, committed to the centre. */
export const EXAMPLE_PACKAGE = `./${PACKAGE}-${VERSION}.tgz`;

/** Where the hook goes, relative to the centre; `git rev-parse --git-path` may say otherwise. */
export const HOOK_PATH = '.git/hooks/pre-commit';

/** Which CI files init writes. */
export type CiKind = 'github' | 'gitlab';
export const CI_KINDS: readonly CiKind[] = ['github', 'gitlab'];

/** prefix: the centre's folder in its repository ("" at the top). GitHub and GitLab read their
 * CI files only at the repository's top, so there they go, running folio with -C prefix, and
 * a tarball spec is made relative to the top, where CI runs. */
export function centreFiles(opts: { hooks: boolean; pkg: string; name?: string; ci?: readonly CiKind[]; prefix?: string }): NewFile[] {
  const prefix = opts.prefix ?? '';
  const up = prefix ? '../'.repeat(prefix.split('/').length) : '';
  const pkg = fromTop(opts.pkg, prefix);
  const ci = opts.ci ?? CI_KINDS;
  const files: NewFile[] = [
    { path: 'specs/units/.gitkeep', content: '' },
    { path: 'specs/qualifications/.gitkeep', content: '' },
    { path: 'portfolios/centre.yaml', content: centreYaml(opts.name), keep: true },
    ...SCHEMA_KINDS.map((k) => ({ path: `schemas/${k}.schema.json`, content: `${JSON.stringify(jsonSchemaFor(k), null, 2)}\n` })),
    ...(ci.includes('github') ? [{ path: `${up}.github/workflows/folio.yml`, content: githubWorkflow(pkg, prefix) }] : []),
    ...(ci.includes('gitlab') ? [{ path: `${up}.gitlab-ci.yml`, content: gitlabCi(pkg, prefix) }] : []),
    { path: '.gitattributes', content: GITATTRIBUTES, merge: 'patterns' },
    { path: '.gitignore', content: GITIGNORE, merge: 'lines' },
    { path: '.vscode/settings.json', content: VSCODE },
  ];
  if (opts.hooks) files.push({ path: HOOK_PATH, content: preCommit(pkg, prefix), executable: true });
  return files;
}

/** A path spec (./folio-cli-0.1.0.tgz) relative to the centre, made relative to the top of
 * the repository, where CI and the hook run; any other spec is the same everywhere. */
function fromTop(pkg: string, prefix: string): string {
  if (!prefix || !/^\.\.?\//.test(pkg)) return pkg;
  const parts = [...prefix.split('/')];
  for (const seg of pkg.split('/')) {
    if (seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `./${parts.join('/')}`;
}

function centreYaml(name = 'Your centre name'): string {
  return `# yaml-language-server: $schema=../schemas/centre.schema.json
# The centre: its name and awarding-body centre number, and the staff who assess and
# quality-assure. Replace the example person; a record made by someone who is not on this
# list (with the assessor role) does not count.
centre: { name: ${JSON.stringify(name)}, number: "" }
staff:
  - { id: first.assessor, name: First Assessor, roles: [assessor] }
policy:
  # the awarding body's limit on how old evidence may be when it is assessed (leave out if none)
  evidence-currency-years:
`;
}

/** The commands CI runs, each through `npx -p SPEC` so CI installs the folio the centre
 * recorded; the README's "folio in CI" shows the same ones. */
export const CI_COMMANDS = {
  run: (pkg: string, command: string, prefix = '') => `npx --yes -p ${shellWord(pkg)} ${prefix ? command.replace(/^folio (check|report)/, `folio $1 -C ${shellWord(prefix)}`) : command}`,
  github: 'folio check --format github --format junit --output folio-junit.xml',
  gitlab: 'folio check --format table --format codeclimate --output gl-code-quality-report.json --format junit --output folio-junit.xml',
  /** The static HTML report (folio report), kept as an artifact by both. */
  report: 'folio report -o folio-report',
};

export function githubWorkflow(pkg: string, prefix = ''): string {
  return `# Checks every portfolio and spec on each push and pull request: problems appear as
# annotations on the lines that cause them, and the job summary shows counts and the cohort.
# The HTML report (cohort, learners, units, verification) is kept as the artifact folio-report.
name: folio
on:
  push:
  pull_request:
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Check portfolios
        run: ${CI_COMMANDS.run(pkg, CI_COMMANDS.github, prefix)}
      - name: Keep the JUnit report
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: folio-junit
          path: folio-junit.xml
      - name: Build the HTML report
        if: always()
        run: ${CI_COMMANDS.run(pkg, CI_COMMANDS.report, prefix)}
      - name: Keep the HTML report
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: folio-report
          path: folio-report/
`;
}

export function gitlabCi(pkg: string, prefix = ''): string {
  return `# Checks every portfolio and spec in each pipeline; GitLab shows the problems in merge
# requests (Code Quality) and in the pipeline's Tests tab (JUnit). The HTML report is the
# artifact "folio report", linked from merge requests.
folio:
  image: node:20
  script:
    - ${CI_COMMANDS.run(pkg, CI_COMMANDS.gitlab, prefix)}
  artifacts:
    when: always
    reports:
      junit: folio-junit.xml
      codequality: gl-code-quality-report.json
folio-report:
  image: node:20
  variables:
    GIT_DEPTH: 0
  script:
    - ${CI_COMMANDS.run(pkg, CI_COMMANDS.report, prefix)}
  artifacts:
    when: always
    expose_as: folio report
    paths:
      - folio-report/
`;
}

const GITATTRIBUTES = `# YAML stays text with Unix line endings, so diffs and blame read well on every machine.
*.yaml text eol=lf
*.yml text eol=lf
# Evidence files are binary: never merged or converted.
*.pdf binary
*.doc binary
*.docx binary
*.xls binary
*.xlsx binary
*.odt binary
*.jpg binary
*.jpeg binary
*.png binary
*.heic binary
*.mp3 binary
*.m4a binary
*.mp4 binary
*.mov binary
# Large recordings grow a repository quickly; with Git LFS installed, uncomment:
# portfolios/**/evidence/**/*.mp4 filter=lfs diff=lfs merge=lfs -text
# portfolios/**/evidence/**/*.mov filter=lfs diff=lfs merge=lfs -text
`;

const GITIGNORE = `# folio's cache and the backups folio import and init keep when --force replaces a file
.folio-cache/
*.bak
*.bak.*
# CI reports
folio-junit.xml
gl-code-quality-report.json
# folio installed into the centre as a devDependency
node_modules/
# editors and office lock files
.DS_Store
Thumbs.db
~$*
.~lock.*
`;

const VSCODE = `{
  "yaml.schemas": {
    "./schemas/unit.schema.json": "specs/units/*.yaml",
    "./schemas/qualification.schema.json": "specs/qualifications/*.yaml",
    "./schemas/centre.schema.json": "portfolios/centre.yaml",
    "./schemas/portfolio.schema.json": "portfolios/*/portfolio.yaml"
  }
}
`;

/** The pre-commit hook. folio is looked for where a centre may have put it (its own
 * node_modules, PATH), then fetched with npx from the spec init recorded. When none works the
 * commit goes ahead with a loud warning: CI checks it again, and a hook that fails every commit
 * is soon bypassed or deleted. */
export function preCommit(pkg: string, prefix = ''): string {
  return `#!/bin/sh
# folio: check what this commit would record (installed by folio init --hooks).
# folio check --staged reads the staged files from git's index (what the commit holds, not the
# working tree) and checks the portfolios they change and every learner a changed spec or the
# centre file can affect. folio is taken from node_modules/.bin, then PATH, then npx with the
# package below; when none works the commit is NOT checked and goes ahead, with a warning.
spec=${shellWord(pkg)}
top=$(git rev-parse --show-toplevel)
${prefix ? `if [ -x "$top"/${shellWord(prefix)}/node_modules/.bin/folio ]; then set -- "$top"/${shellWord(prefix)}/node_modules/.bin/folio
el` : ''}if [ -x "$top/node_modules/.bin/folio" ]; then set -- "$top/node_modules/.bin/folio"
elif command -v folio >/dev/null 2>&1; then set -- folio
elif npx --yes -p "$spec" folio --version >/dev/null 2>&1; then set -- npx --yes -p "$spec" folio
else
  echo "folio pre-commit hook: folio is not installed here, so this commit was NOT checked." >&2
  echo "  Install it with: npm install --global $spec" >&2
  echo "  (or in this repository: npm install --save-dev $spec). CI still checks the commit." >&2
  exit 0
fi
exec "$@" check${prefix ? ` -C "$top"/${shellWord(prefix)}` : ''} --staged
`;
}

export function portfolioYaml(p: { name: string; qualification: string; assessor?: string; registered: string; uln?: string; optionalUnits?: string[] }): string {
  // a name is plain where it reads back the same, as the sample writes them; a ULN always quoted
  const learner = `{ name: ${scalar(p.name, true)}${p.uln !== undefined ? `, uln: ${JSON.stringify(p.uln)}` : ''} }`;
  // ids are plain when they need no quotes (A/506/2130), as the sample writes them
  const unit = (u: string) => (/^[A-Za-z0-9][A-Za-z0-9/._-]*$/.test(u) ? u : JSON.stringify(u));
  return `# yaml-language-server: $schema=../../schemas/portfolio.schema.json
learner: ${learner}
qualification: ${p.qualification}
registered: ${p.registered}
${p.assessor ? `assessor: ${p.assessor}\n` : ''}optional-units: [${(p.optionalUnits ?? []).map(unit).join(', ')}]
evidence: []
signoffs: []
iqa: []
`;
}
