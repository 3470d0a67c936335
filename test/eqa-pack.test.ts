// folio eqa pack on a fixture repository built here: a plan committed after one IQA record and
// before another, so the pack must list exactly the decisions the plan samples (worked out
// below from the portfolios), the commit that recorded each, and flag the record made before
// the plan; byte for byte the same on two runs; hostile values escaped; --at the older pack.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, alice, bob, carol, cleanupRepos, makeRepo, tempDir, type TestRepo } from './git-repo.js';
import { FIXTURES, folio } from './helpers.js';

afterAll(cleanupRepos);

const CENTRE = `centre: { name: EQA Training, number: "00002" }
staff:
  - { id: a.jones, name: Alice Assessor, roles: [assessor], email: alice@centre.example }
  - { id: b.bridges, name: Bob Bridges, roles: [assessor], email: bob@centre.example }
  - { id: c.iqa, name: Carol IQA, roles: [iqa], email: carol@centre.example }
sampling: { interim-rate: 50, summative-rate: 50 }
`;

const head = (name: string, uln: string, assessor: string) => `learner: { name: ${name}, uln: "${uln}" }\nqualification: 600/1234/1\nassessor: ${assessor}\n`;

// NT-1 (Alice): L/600/0001 signed off from E1, E2, E3; R/600/0002 assessed (E4), not signed
// off. E1's title holds markup and a control character (BEL, written "\a" in YAML), E2 has a
// javascript: address and a title a spreadsheet would run, E3 an https one.
const NT1 = `${head('Priya Shah', '1000000001', 'a.jones')}evidence:
  - { id: E1, title: "Talk <script>alert(1)</script> \\a bell", method: professional-discussion, date: 2026-02-01, ref: PD 1, covers: { L/600/0001: [1.1, 1.2] }, assessment: { by: a.jones, date: 2026-02-02, decision: accepted } }
  - { id: E2, title: "=HYPERLINK(1)", method: observation, date: 2026-02-10, url: "javascript:alert(1)", covers: { L/600/0001: [2.1, 2.2] }, assessment: { by: a.jones, date: 2026-02-10, decision: accepted } }
  - { id: E3, method: observation, date: 2026-02-11, url: "https://evidence.example/obs-3", covers: { L/600/0001: [2.1, 2.2] }, assessment: { by: a.jones, date: 2026-02-11, decision: accepted } }
  - { id: E4, method: observation, date: 2026-02-12, ref: Obs R, covers: { R/600/0002: [1.1] }, assessment: { by: a.jones, date: 2026-02-12, decision: accepted } }
signoffs:
  - { unit: L/600/0001, by: a.jones, date: 2026-02-15 }
`;
// NT-2 (Bob): L/600/0001 assessed in part (E1), interim.
const NT2 = `${head('Sam Lee', '1000000002', 'b.bridges')}evidence:
  - { id: E1, method: professional-discussion, date: 2026-02-03, ref: PD 2, covers: { L/600/0001: [1.1] }, assessment: { by: b.bridges, date: 2026-02-04, decision: accepted } }
`;

// The plan samples NT-1's L/600/0001 (summative) and NT-2's L/600/0001 (interim), not NT-1's
// R/600/0002: so E4 is in no sample.
const PLAN = `plan: { id: P1, as-of: 2026-02-16 }
strategy: { interim-rate: 50, summative-rate: 50 }
samples:
  - { learner: NT-1, unit: L/600/0001, stage: summative, assessor: a.jones, iqa: c.iqa, date: 2026-02-15, evidence: [E1, E2, E3], reason: rate }
  - { learner: NT-2, unit: L/600/0001, stage: interim, assessor: b.bridges, iqa: c.iqa, date: 2026-02-04, evidence: [E1], reason: rate }
`;

const EARLY = `iqa:
  - { unit: L/600/0001, by: c.iqa, date: 2026-02-12, stage: interim, decision: agreed, evidence: [E1] }
  - { unit: L/600/0001, by: c.iqa, date: 2026-02-20, stage: summative, decision: agreed }
`;

const P1 = 'portfolios/NT-1/portfolio.yaml';
const P2 = 'portfolios/NT-2/portfolio.yaml';

function parseCsv(text: string): Record<string, string>[] {
  // The fixture's cells hold no newline; quotes are doubled.
  const rows = text.trimEnd().split('\n').map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
  const [h, ...body] = rows;
  return body.map((r) => Object.fromEntries(h!.map((k, i) => [k, r[i] ?? ''])));
}

const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe('folio eqa pack', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};

  beforeAll(() => {
    repo = makeRepo();
    cpSync(join(FIXTURES, 'centre/specs'), join(repo.dir, 'specs'), { recursive: true });
    c.centre = repo.write('portfolios/centre.yaml', CENTRE).commit('set up the centre', { author: admin });
    c.nt1 = repo.write(P1, NT1).commit('NT-1 assessed and signed off', { author: alice });
    c.nt2 = repo.write(P2, NT2).commit('NT-2 assessed', { author: bob });
    // Carol samples NT-1's unit at both stages before the plan is committed: once dated before
    // the plan's day (not a sample of it), once dated after it, as if the plan came first.
    c.early = repo.write(P1, `${NT1}${EARLY}`).commit('IQA NT-1', { author: carol });
    c.plan = repo.write('iqa/plans/P1.yaml', PLAN).commit('the sample plan', { author: carol });
    repo.tag('planned');
    c.late = repo.write(P2, `${NT2}iqa:\n  - { unit: L/600/0001, by: c.iqa, date: 2026-03-05, stage: interim, decision: agreed, evidence: [E1] }\n`).commit('IQA NT-2', { author: carol });
  });

  const pack = async (out: string, ...args: string[]) => {
    const r = await folio(['eqa', 'pack', '-C', repo.dir, '-o', out, '--as-of', '2026-03-31', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return { ...r, csv: (name: string) => parseCsv(readFileSync(join(out, name), 'utf8')), html: readFileSync(join(out, 'index.html'), 'utf8') };
  };

  it('lists exactly the sampled decisions, each with the commit that recorded it', async () => {
    const p = await pack(join(tempDir('pack'), 'out'));
    // NT-1 summative: the three items the plan names, then the sign-off, all recorded in the
    // commit Alice made; NT-2 interim: E1, recorded by Bob. NT-1's E4 (R/600/0002) is not sampled.
    expect(p.csv('decisions.csv').map((r) => [r.learner, r.unit, r.stage, r.decision, r.evidence, r.by, r.commit, r.author, r.email])).toEqual([
      ['NT-1', 'L/600/0001', 'summative', 'assessment', 'E1', 'a.jones', c.nt1, alice.name, alice.email],
      ['NT-1', 'L/600/0001', 'summative', 'assessment', 'E2', 'a.jones', c.nt1, alice.name, alice.email],
      ['NT-1', 'L/600/0001', 'summative', 'assessment', 'E3', 'a.jones', c.nt1, alice.name, alice.email],
      ['NT-1', 'L/600/0001', 'summative', 'sign-off', '', 'a.jones', c.nt1, alice.name, alice.email],
      ['NT-2', 'L/600/0001', 'interim', 'assessment', 'E1', 'b.bridges', c.nt2, bob.name, bob.email],
    ]);
    expect(p.html).not.toContain('E4');
  });

  it('flags the IQA record committed before the plan, and not the one after', async () => {
    const p = await pack(join(tempDir('pack'), 'out'));
    expect(p.csv('iqa.csv').map((r) => [r.learner, r.unit, r.stage, r.by, r.commit, r['plan-commit'], r.order])).toEqual([
      ['NT-1', 'L/600/0001', 'interim', 'c.iqa', c.early, c.plan, 'dated before the plan (not a sample of it)'],
      ['NT-1', 'L/600/0001', 'summative', 'c.iqa', c.early, c.plan, 'before the plan'],
      ['NT-2', 'L/600/0001', 'interim', 'c.iqa', c.late, c.plan, 'after the plan'],
    ]);
    expect(p.csv('samples.csv').map((r) => [r.learner, r.decisions, r['iqa-records'], r['before-plan'], r['plan-commit']])).toEqual([
      ['NT-1', '4', '2', '1', c.plan],
      ['NT-2', '1', '1', '0', c.plan],
    ]);
    expect(p.stderr).toContain('1 IQA record was committed before the plan asked for it');
    expect(p.html).toContain('1 IQA record was committed before');
  });

  it('gives the same bytes on two runs, and the plan file as committed', async () => {
    const a = join(tempDir('pack'), 'a');
    const b = join(tempDir('pack'), 'b');
    await pack(a);
    await pack(b);
    expect(Object.keys(files(a))).toEqual(['.folio-eqa-pack', 'decisions.csv', 'index.html', 'iqa.csv', 'plan.yaml', 'samples.csv']);
    expect(files(b)).toEqual(files(a));
    expect(readFileSync(join(a, 'plan.yaml'), 'utf8')).toBe(PLAN);
    // written again over itself: still the same
    await pack(a);
    expect(files(a)).toEqual(files(b));
  });

  it('escapes markup and control characters, links only http(s), and runs and fetches nothing', async () => {
    const p = await pack(join(tempDir('pack'), 'out'));
    expect(p.html).toContain('Talk &lt;script&gt;alert(1)&lt;/script&gt; \\x07 bell');
    expect(p.html).not.toMatch(/<script|\u0007|javascript:alert\(1\)"|src=|@import|url\(/i);
    expect(p.html).toContain('<a href="https://evidence.example/obs-3" rel="noopener noreferrer">');
    expect(p.html).toContain('<span>javascript:alert(1)</span> <span class="note">(not linked');
    expect(p.html).toContain('content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;');
    const rows = p.csv('decisions.csv');
    expect(rows[0]!.title).toBe('Talk <script>alert(1)</script> \\x07 bell');
    expect(rows[1]!.title).toBe("'=HYPERLINK(1)");
    expect(rows[1]!['kept-at']).toBe('javascript:alert(1)');
  });

  it('--at gives the pack as committed then: the later IQA record is not there', async () => {
    const out = join(tempDir('pack'), 'out');
    const r = await folio(['eqa', 'pack', '-C', repo.dir, '-o', out, '--at', 'planned', '--as-of', '2026-03-31']);
    expect(r.code, r.stderr).toBe(0);
    const iqa = parseCsv(readFileSync(join(out, 'iqa.csv'), 'utf8'));
    expect(iqa.map((x) => [x.learner, x.stage, x.commit, x.order])).toEqual([
      ['NT-1', 'interim', c.early, 'dated before the plan (not a sample of it)'],
      ['NT-1', 'summative', c.early, 'before the plan'],
    ]);
    expect(parseCsv(readFileSync(join(out, 'decisions.csv'), 'utf8')).map((x) => x.commit)).toEqual([c.nt1, c.nt1, c.nt1, c.nt1, c.nt2]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`as committed at planned (${c.plan!.slice(0, 8)})`);
  });

  it('writes only into a new or empty folder or an earlier pack', async () => {
    const dir = tempDir('pack');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await folio(['eqa', 'pack', '-C', repo.dir, '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds no EQA pack that folio wrote');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    // nor over a report's folder
    const report = tempDir('pack');
    writeFileSync(join(report, '.folio-report'), 'index.html\n');
    expect((await folio(['eqa', 'pack', '-C', repo.dir, '-o', report])).code).toBe(2);
  });
});

describe('folio verify and the plan', () => {
  it('reports the IQA record dated after the plan and committed before it, and no other', async () => {
    const repo = makeRepo();
    cpSync(join(FIXTURES, 'centre/specs'), join(repo.dir, 'specs'), { recursive: true });
    repo.write('portfolios/centre.yaml', CENTRE).commit('set up the centre', { author: admin });
    repo.write(P1, NT1).commit('NT-1', { author: alice });
    repo.write(P2, NT2).commit('NT-2', { author: bob });
    const early = repo.write(P1, `${NT1}${EARLY}`).commit('IQA NT-1', { author: carol });
    const plan = repo.write('iqa/plans/P1.yaml', PLAN).commit('the plan', { author: carol });
    repo.write(P2, `${NT2}iqa:\n  - { unit: L/600/0001, by: c.iqa, date: 2026-03-05, stage: interim, decision: agreed, evidence: [E1] }\n`).commit('IQA NT-2', { author: carol });
    const r = await folio(['verify', '-C', repo.dir, '--format', 'json']);
    const found = JSON.parse(r.stdout).diagnostics as { file: string; line: number; code: string; severity: string; message: string }[];
    // NT-1's portfolio: 3 lines of head, evidence: and 4 items, signoffs: and 1, iqa: (line 11),
    // the interim record (12, dated before the plan's day), the summative one (13).
    expect(found.map((d) => `${d.file}:${d.line} ${d.code} ${d.severity}`)).toEqual([`${P1}:13 verify-iqa-before-plan warning`]);
    expect(found[0]!.message).toContain(`committed in ${early.slice(0, 8)}`);
    expect(found[0]!.message).toContain(`committed in ${plan.slice(0, 8)}`);
    // The plan committed first: nothing to report.
    const ok = makeRepo();
    cpSync(join(FIXTURES, 'centre/specs'), join(ok.dir, 'specs'), { recursive: true });
    ok.write('portfolios/centre.yaml', CENTRE).commit('set up the centre', { author: admin });
    ok.write(P1, NT1).commit('NT-1', { author: alice });
    ok.write(P2, NT2).commit('NT-2', { author: bob });
    ok.write('iqa/plans/P1.yaml', PLAN).commit('the plan', { author: carol });
    ok.write(P1, `${NT1}${EARLY}`).commit('IQA NT-1', { author: carol });
    const clean = await folio(['verify', '-C', ok.dir, '--format', 'json']);
    expect(JSON.parse(clean.stdout).diagnostics).toEqual([]);
  });
});

describe('a sample added to a committed plan after the sampling', () => {
  it('is dated by the commit that wrote its own line, not the plan file\'s first', async () => {
    const repo = makeRepo();
    cpSync(join(FIXTURES, 'centre/specs'), join(repo.dir, 'specs'), { recursive: true });
    repo.write('portfolios/centre.yaml', CENTRE).commit('set up the centre', { author: admin });
    repo.write(P1, NT1).commit('NT-1', { author: alice });
    repo.write(P2, NT2).commit('NT-2', { author: bob });
    const nt1Line = PLAN.split('\n').find((l) => l.includes('learner: NT-1'))!;
    const first = repo.write('iqa/plans/P1.yaml', PLAN.replace(`${nt1Line}\n`, '')).commit('the plan, NT-2 only', { author: carol });
    const iqa = repo.write(P1, `${NT1}iqa:\n  - { unit: L/600/0001, by: c.iqa, date: 2026-02-20, stage: summative, decision: agreed }\n`).commit('IQA NT-1', { author: carol });
    const added = repo.write('iqa/plans/P1.yaml', PLAN).commit('NT-1 added to the plan', { author: carol });
    const out = join(tempDir('pack'), 'out');
    const r = await folio(['eqa', 'pack', '-C', repo.dir, '-o', out, '--as-of', '2026-03-31']);
    expect(r.code, r.stderr).toBe(0);
    expect(parseCsv(readFileSync(join(out, 'samples.csv'), 'utf8')).map((x) => [x.learner, x['plan-commit'], x['before-plan']])).toEqual([
      ['NT-1', added, '1'],
      ['NT-2', first, '0'],
    ]);
    expect(parseCsv(readFileSync(join(out, 'iqa.csv'), 'utf8')).map((x) => [x.learner, x.commit, x.order])).toEqual([['NT-1', iqa, 'before the plan']]);
    const v = JSON.parse((await folio(['verify', '-C', repo.dir, '--format', 'json'])).stdout);
    expect(v.diagnostics.map((d: { code: string; line: number }) => `${d.line} ${d.code}`)).toEqual(['12 verify-iqa-before-plan']);
  });
});

describe('folio eqa pack outside a git repository', () => {
  it('says "unknown" for every commit, and flags nothing', async () => {
    const dir = tempDir('plain');
    cpSync(join(FIXTURES, 'centre/specs'), join(dir, 'specs'), { recursive: true });
    mkdirSync(join(dir, 'iqa/plans'), { recursive: true });
    mkdirSync(join(dir, 'portfolios/NT-1'), { recursive: true });
    mkdirSync(join(dir, 'portfolios/NT-2'), { recursive: true });
    writeFileSync(join(dir, 'portfolios/centre.yaml'), CENTRE);
    writeFileSync(join(dir, P1), `${NT1}${EARLY}`);
    writeFileSync(join(dir, P2), NT2);
    writeFileSync(join(dir, 'iqa/plans/P1.yaml'), PLAN);
    const out = join(dir, 'out');
    const r = await folio(['eqa', 'pack', '-C', dir, '-o', out, '--as-of', '2026-03-31']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('not in a git repository');
    const rows = parseCsv(readFileSync(join(out, 'decisions.csv'), 'utf8'));
    expect(rows).toHaveLength(5);
    for (const x of rows) expect([x.commit, x.author, x['commit-date']]).toEqual(['unknown', 'unknown', 'unknown']);
    expect(parseCsv(readFileSync(join(out, 'iqa.csv'), 'utf8')).map((x) => x.order)).toEqual(['dated before the plan (not a sample of it)', 'unknown']);
  });
});
