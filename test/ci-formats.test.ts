// Each CI format is read back by an independent consumer (the SARIF SDK's multitool and the SARIF
// schema, junit2json and libxml2, the workflow-command grammar, GitLab's required fields), because
// a format that only our own code can read is not a format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseJunit, type TestSuites } from 'junit2json';
import { afterAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { codeclimate } from '../src/render/ci/codeclimate.js';
import { github, githubSummary } from '../src/render/ci/github.js';
import { junit } from '../src/render/ci/junit.js';
import type { CiFinding, CiReport } from '../src/render/ci/report.js';
import { sarif } from '../src/render/ci/sarif.js';
import { visible } from '../src/render/safe.js';
import { optionalConsumer } from './consumers.js';

const TOOL = { name: 'folio' as const, version: '0.1.0', informationUri: 'https://example.org/folio' };
const B001 = 'portfolios/B-001/portfolio.yaml';
const ZOE = 'portfolios/Zoë, 1: two/portfolio.yaml'; // a comma and a colon, to test property escaping

// Input order is deliberately not severity order, to test that GitHub output sorts.
const FINDINGS: CiFinding[] = [
  { rule: 'evidence-currency', level: 'note', message: 'Evidence E1 was 400 days old — still current?', file: B001, line: 3, column: 5, group: B001, title: 'folio evidence-currency' },
  { rule: 'unit-not-chosen', level: 'warning', message: 'Covers 100%, of unit: "L/600/0002"\nwhich is not chosen,\r\nadd it to optional-units', file: B001, line: 9, column: 7, group: B001, title: 'folio unit-not-chosen' },
  { rule: 'unknown-criterion', level: 'error', message: `unit L/600/0001 has no criterion "1.9": did you mean "1.1"? <&>"' a|b \u0007bell Zoë 🎓`, file: ZOE, line: 15, column: 36, group: ZOE, title: 'folio unknown-criterion' },
  { rule: 'yaml-syntax', level: 'error', message: 'The file is not valid YAML: %25 is not an escape', file: B001, line: 0, column: 0, group: B001, title: 'folio yaml-syntax' },
];

const REPORT: CiReport = {
  tool: TOOL,
  kind: 'check',
  rules: [
    { id: 'yaml-syntax', name: 'yaml-syntax', summary: 'The file is not valid YAML.', help: 'Fix the YAML syntax at the position given.', level: 'error' },
    { id: 'unknown-criterion', name: 'unknown-criterion', summary: 'An evidence item claims a criterion the unit does not have.', help: 'Use a criterion id from the unit specification.', level: 'error' },
    { id: 'unit-not-chosen', name: 'unit-not-chosen', summary: 'Evidence covers an optional unit the learner has not chosen.', help: 'Choose the unit, or remove the claim.', level: 'warning' },
    { id: 'evidence-currency', name: 'evidence-currency', summary: "Evidence was older than the centre's currency policy when assessed.", help: 'Check the evidence is still current.', level: 'note' },
    { id: 'spec-file-name', name: 'spec-file-name', summary: 'A specification file is not named after its identifier.', help: 'Rename the file.', level: 'warning' },
  ],
  findings: FINDINGS,
  summary: { heading: 'Cohort status', lines: ['- **B-001**: 3/10 criteria met', '- **Z-002**: achieved'] },
};

const EMPTY: CiReport = { ...REPORT, findings: [], summary: undefined };

// Control characters (which XML 1.0 cannot carry at all) and line breaks in values are written
// as visible escapes in JUnit, as in every format shown to people (render/safe.ts).
const xmlSafe = visible;

describe('GitHub workflow commands', () => {
  const GRAMMAR = /^::(error|warning|notice)( (file|line|col|endLine|endColumn|title)=[^,:]*(,(file|line|col|endLine|endColumn|title)=[^,:]*)*)?::.*$/;
  // What the runner does to a command line: split at the first '::' after the name, then undo
  // the toolkit's escapes (%25 last, so an escaped '%3A' stays literal).
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const read = (line: string) => {
    const m = /^::(\w+)(?: ([^:]*))?::(.*)$/s.exec(line)!;
    const props = Object.fromEntries((m[2] ? m[2].split(',') : []).map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
    return { command: m[1], props, message: unescape(m[3]!) };
  };
  const out = github(REPORT);
  const lines = out.split('\n').slice(0, -1);

  it('writes one command per finding, each matching the documented grammar, and nothing else', () => {
    expect(out.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(FINDINGS.length);
    for (const line of lines) expect(line).toMatch(GRAMMAR);
  });

  it('puts errors first, then warnings, then notices, keeping input order within a level', () => {
    expect(lines.map((l) => read(l).command)).toEqual(['error', 'error', 'warning', 'notice']);
    expect(lines.map((l) => read(l).message)).toEqual([FINDINGS[2], FINDINGS[3], FINDINGS[1], FINDINGS[0]].map((f) => visible(f!.message)));
  });

  it('round-trips messages (control characters and line breaks made visible), files and titles through the runner escapes', () => {
    const byRule = new Map(lines.map((l) => [read(l).props.title, read(l)]));
    for (const f of FINDINGS) {
      const c = byRule.get(f.title)!;
      expect(c.message).toBe(visible(f.message));
      expect(c.props.file).toBe(f.file);
    }
    expect(byRule.get('folio unknown-criterion')!.props).toEqual({ file: ZOE, line: '15', col: '36', title: 'folio unknown-criterion' });
  });

  it('omits line and col for a finding about the whole file', () => {
    expect(read(lines[1]!).props).toEqual({ file: B001, title: 'folio yaml-syntax' });
  });

  it('writes nothing when there is nothing to report', () => {
    expect(github(EMPTY)).toBe('');
  });
});

describe('GitHub job summary', () => {
  const md = githubSummary(REPORT);
  const rows = md.split('\n').filter((l) => l.startsWith('|'));
  // Unescaped pipes are cell borders; every row of a table must have as many as its header.
  const borders = (row: string) => row.match(/(?<!\\)\|/g)!.length;

  it('counts per group and per rule, lists every finding, then the extra lines', () => {
    expect(md).toContain('## folio check');
    expect(md).toContain('2 errors, 1 warning, 1 note in 2 files.');
    expect(md).toMatch(/### By file[\s\S]*### By rule[\s\S]*### Findings[\s\S]*### Cohort status\n\n- \*\*B-001\*\*: 3\/10 criteria met\n- \*\*Z-002\*\*: achieved\n$/);
    expect(md).toContain(`| ${B001} | 1 | 1 | 1 |`);
    expect(md).toContain('| unknown-criterion | 1 | 0 | 0 | An evidence item claims a criterion the unit does not have. |');
    for (const f of FINDINGS) expect(md).toContain(`| ${f.rule} |`);
  });

  it('keeps every table row to its columns and escapes what Markdown would read as markup', () => {
    const tables = md.split(/\n\n/).filter((b) => b.startsWith('|'));
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      const [head, ...rest] = t.split('\n');
      for (const r of rest) expect(borders(r)).toBe(borders(head!));
    }
    const row = rows.find((r) => r.includes('unknown-criterion') && r.includes(':15'))!;
    expect(row).toContain('\\<\\&\\>"\' a\\|b');
    expect(rows.find((r) => r.includes('unit-not-chosen') && r.includes(':9'))).toContain('"L/600/0002"\\\\nwhich is not chosen,\\\\r\\\\nadd it');
  });

  it('says so when there is nothing to report', () => {
    expect(githubSummary(EMPTY)).toBe('## folio check\n\nNo problems found.\n');
    expect(githubSummary({ ...EMPTY, kind: 'gaps' })).toBe('## folio gaps\n\nNo gaps found.\n');
  });
});

describe('JUnit XML', () => {
  const xml = junit(REPORT);

  it('is well-formed XML for libxml2', async () => {
    const r = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], normalization: 'format' });
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    // The check can fail: libxml2 rejects what a naive writer would produce.
    const bad = await validateXML({ xml: [{ fileName: 'bad.xml', contents: `<a b="${FINDINGS[2]!.message}"/>` }], normalization: 'format' });
    expect(bad.valid).toBe(false);
  });

  it('has one suite per group with the right counts, and failures that round-trip', async () => {
    const doc = (await parseJunit(xml)) as TestSuites;
    expect(doc).toMatchObject({ name: 'folio check', tests: 4, failures: 3, errors: 0 });
    expect(doc.testsuite!.map((s) => [s.name, s.tests, s.failures, s.errors])).toEqual([
      [B001, 3, 2, 0],
      [ZOE, 1, 1, 0],
    ]);
    const cases = doc.testsuite!.flatMap((s) => s.testcase ?? []);
    expect(cases).toHaveLength(4);
    for (const f of FINDINGS) {
      const c = cases.find((x) => x.name === f.title)!;
      expect(c.classname).toBe(f.group);
      if (f.level === 'note') {
        expect(c.failure).toBeUndefined();
        expect(c['system-out']![0]).toContain(f.message);
      } else {
        expect(c.failure).toHaveLength(1);
        expect(c.failure![0]!.message).toBe(xmlSafe(f.message));
        expect(c.failure![0]!.type).toBe(f.rule);
        const where = f.line > 0 ? `${f.file}:${f.line}:${f.column}` : f.file;
        expect(c.failure![0]!.inner).toBe(`${where}: ${f.level}: ${xmlSafe(f.message)} [${f.rule}]`);
      }
    }
  });

  it('shows one passing test when there is nothing to report', async () => {
    const doc = (await parseJunit(junit(EMPTY))) as TestSuites;
    expect(doc).toMatchObject({ name: 'folio check', tests: 1, failures: 0 });
    expect(doc.testsuite![0]!.testcase).toEqual([{ classname: 'folio', name: 'folio check: no problems' }]);
  });
});

// SARIF's default level is "warning", both for a result and for a rule's configuration.
function withDefaults(log: any): any {
  const copy = structuredClone(log);
  for (const run of copy.runs) {
    for (const r of run.tool.driver.rules ?? []) r.defaultConfiguration = { level: 'warning', ...r.defaultConfiguration };
    for (const r of run.results ?? []) r.level ??= 'warning';
  }
  return copy;
}

describe('SARIF', () => {
  // The npm package exports the path of the platform binary; SARIF_MULTITOOL can point at
  // another build (see the validate test). Not a devDependency: see test/consumers.ts.
  const projectTool = optionalConsumer<string>('@microsoft/sarif-multitool', 'the SARIF output');
  const tool = process.env.SARIF_MULTITOOL || projectTool;
  const dir = mkdtempSync(join(tmpdir(), 'folio-sarif-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = sarif(REPORT);
  const log = JSON.parse(text);
  const input = join(dir, 'folio.sarif');
  writeFileSync(input, text);

  it.skipIf(!projectTool)('is valid against the SARIF 2.1.0 schema the multitool ships', () => {
    // The shipped schema names itself with draft-04's "id", which the 2020-12 dialect spells "$id".
    const { id, ...schema } = JSON.parse(readFileSync(join(dirname(projectTool!), 'sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///'));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const validate = ajv.compile({ $id: id, ...schema });
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate(JSON.parse(sarif(EMPTY)))).toBe(true);
    // The check can fail.
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: 'fatal' }] }] })).toBe(false);
  });

  it.skipIf(!tool)('is read by the SARIF SDK without losing anything (multitool rewrite round-trip)', () => {
    const output = join(dir, 'rewritten.sarif');
    const r = spawnSync(tool!, ['rewrite', input, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // The SDK leaves out values that equal SARIF's defaults, so compare with those filled in.
    expect(withDefaults(JSON.parse(readFileSync(output, 'utf8')))).toEqual(withDefaults(log));
  });

  it.skipIf(!tool)('passes the multitool validator with SARIF and GitHub rules', () => {
    // SARIF2006 would fetch every URI in the log over the network; tests stay offline.
    const config = join(dir, 'validate.xml');
    writeFileSync(
      config,
      '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">\n    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />\n  </Properties>\n</Properties>\n',
    );
    const output = join(dir, 'validation.sarif');
    const r = spawnSync(tool!, ['validate', input, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--config', config, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const run = JSON.parse(readFileSync(output, 'utf8')).runs[0];
    const errors = [
      ...(run.results ?? []).filter((x: { level?: string }) => x.level === 'error'),
      ...(run.invocations ?? []).flatMap((i: { toolExecutionNotifications?: { level?: string }[] }) => i.toolExecutionNotifications ?? []).filter((n: { level?: string }) => n.level === 'error'),
    ];
    expect(errors, r.stdout).toEqual([]);
  });

  it('has what GitHub code scanning needs: relative locations, text messages, every rule', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'folio', version: '0.1.0', informationUri: TOOL.informationUri });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(REPORT.rules.map((r) => r.id));
    expect(run.tool.driver.rules[1]).toEqual({
      id: 'unknown-criterion',
      name: 'UnknownCriterion',
      shortDescription: { text: 'An evidence item claims a criterion the unit does not have.' },
      fullDescription: { text: 'Use a criterion id from the unit specification.' },
      help: { text: 'Use a criterion id from the unit specification.' },
      defaultConfiguration: { level: 'error' },
    });
    expect(run.results).toHaveLength(FINDINGS.length);
    run.results.forEach((res: any, i: number) => {
      const f = FINDINGS[i]!;
      expect(res.ruleId).toBe(f.rule);
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(f.rule);
      expect(res.level).toBe(f.level);
      expect(res.message.text).toBe(f.message);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(URL.canParse(loc.artifactLocation.uri)).toBe(false); // relative, never absolute
      expect(decodeURIComponent(loc.artifactLocation.uri)).toBe(f.file);
      expect(loc.region).toEqual(f.line > 0 ? { startLine: f.line, startColumn: f.column } : { startLine: 1 });
    });
    const prints = run.results.map((res: any) => res.partialFingerprints['folio/v1']);
    expect(new Set(prints).size).toBe(prints.length);
  });
});

describe('GitLab Code Quality', () => {
  const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];
  const issues = JSON.parse(codeclimate(REPORT));

  it('is an array of issues with the fields GitLab requires, of the right types', () => {
    expect(Array.isArray(issues)).toBe(true);
    expect(issues).toHaveLength(FINDINGS.length);
    for (const issue of issues) {
      expect(typeof issue.description).toBe('string');
      expect(typeof issue.check_name).toBe('string');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(SEVERITIES).toContain(issue.severity);
      expect(typeof issue.location.path).toBe('string');
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
    expect(issues.map((i: any) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.description])).toEqual(
      FINDINGS.map((f) => [f.rule, { error: 'major', warning: 'minor', note: 'info' }[f.level], f.file, Math.max(1, f.line), f.message]),
    );
  });

  it('gives unique fingerprints, even to identical findings', () => {
    expect(new Set(issues.map((i: any) => i.fingerprint)).size).toBe(issues.length);
    const twice = JSON.parse(codeclimate({ ...REPORT, findings: [FINDINGS[2]!, { ...FINDINGS[2]!, line: 40 }] }));
    expect(twice[0].fingerprint).not.toBe(twice[1].fingerprint);
    expect(twice[0].fingerprint).toBe(issues[2].fingerprint);
  });

  it('keeps fingerprints when only line numbers change', () => {
    const moved = JSON.parse(codeclimate({ ...REPORT, findings: FINDINGS.map((f) => ({ ...f, line: f.line + 12, column: f.column + 1 })) }));
    expect(moved.map((i: any) => i.fingerprint)).toEqual(issues.map((i: any) => i.fingerprint));
    expect(moved.map((i: any) => i.location.lines.begin)).not.toEqual(issues.map((i: any) => i.location.lines.begin));
  });

  it('is an empty array when there is nothing to report', () => {
    expect(JSON.parse(codeclimate(EMPTY))).toEqual([]);
  });
});

describe('golden output', () => {
  const small: CiReport = {
    tool: TOOL,
    kind: 'gaps',
    rules: [
      { id: 'missing', name: 'missing', summary: 'criterion: nothing covers it', help: 'Plan an activity and add the evidence.', level: 'warning' },
      { id: 'signoff-missing', name: 'signoff-missing', summary: 'unit: every criterion met', help: 'The assessor can sign the unit off.', level: 'warning' },
    ],
    findings: [
      { rule: 'missing', level: 'warning', message: 'No evidence covers 1.1 yet: plan an activity, then add it', file: 'portfolios/NT-0142/portfolio.yaml', line: 12, column: 7, group: 'NT-0142', title: 'NT-0142 A/506/2130 1.1: missing' },
      { rule: 'signoff-missing', level: 'warning', message: 'All 6 criteria are met: A. Assessor can sign the unit off', file: 'portfolios/NT-0150/portfolio.yaml', line: 0, column: 0, group: 'NT-0150', title: 'NT-0150 A/506/2131: signoff-missing' },
    ],
  };

  it.each([
    ['github.txt', github],
    ['github-summary.md', githubSummary],
    ['junit.xml', junit],
    ['sarif.json', sarif],
    ['codeclimate.json', codeclimate],
  ] as const)('%s', async (file, format) => {
    await expect(format(small)).toMatchFileSnapshot(`./__golden__/ci/${file}`);
  });
});
