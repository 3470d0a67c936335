// Fixture trees for `folio check`: each offending line in test/fixtures/broken carries
// `# expect: <code>`; check must report exactly those codes on exactly those lines, nothing
// else (no false errors), in one run.
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/diagnostics.js';
import { assess, check, openCentre } from '../src/index.js';
import { expectedMarkers, FIXTURES, folio } from './helpers.js';

const BROKEN = `${FIXTURES}broken`;

describe('folio check on the broken fixture centre', async () => {
  const run = await folio(['check', '-C', BROKEN, '--as-of', '2026-06-30', '--format', 'json']);
  const doc = JSON.parse(run.stdout) as { version: number; diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string }[]; summary: { files: number; errors: number; warnings: number } };

  it('reports every marked problem at its line, and nothing else', () => {
    const got = doc.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`).sort();
    expect(got).toEqual(expectedMarkers(BROKEN));
  });

  it('exits 1 and summarises', () => {
    expect(run.code).toBe(1);
    expect(doc.version).toBe(1);
    expect(doc.summary.errors).toBe(doc.diagnostics.filter((d) => d.severity === 'error').length);
    expect(doc.summary.warnings).toBeGreaterThan(0);
    expect(doc.summary.files).toBe(18);
  });

  it('gives every finding a message id (kebab-case) and the data it is written from, for library callers', async () => {
    const { diagnostics } = check(await assess(await openCentre({ dir: BROKEN }), { asOf: '2026-06-30' }));
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`).sort()).toEqual(expectedMarkers(BROKEN));
    for (const d of diagnostics) {
      expect(d.messageId, `${d.code}: ${d.message}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.data, `${d.code}: ${d.message}`).toBeTypeOf('object');
      expect(JSON.parse(JSON.stringify(d.data)), 'data is plain JSON').toEqual(d.data);
    }
  });

  it('uses each code with its registered severity', () => {
    for (const d of doc.diagnostics) expect(d.severity, d.code).toBe(CODES[d.code as keyof typeof CODES].severity);
  });

  it('names the offending value and a fix in the messages', () => {
    const by = (code: string) => doc.diagnostics.find((d) => d.code === code)!.message;
    expect(by('unknown-criterion')).toContain('"1.9"');
    expect(by('unknown-criterion')).toContain('did you mean "1.10"?');
    expect(by('unknown-key')).toMatch(/did you mean "(covers|criteria)"\?/);
    expect(by('invalid-value')).toContain('did you mean "observation"?');
    expect(by('uln-check-digit')).toContain('1000079197');
    expect(by('unit-check-letter')).toContain('K/600/0006');
    expect(by('qualification-check-digit')).toContain('600/5555/8');
    expect(by('unknown-witness')).toContain('did you mean "w-lee"?');
    expect(by('evidence-file-outside')).toContain('../other/shared.md');
  });

  it('points at the offending node, not the start of the line', () => {
    const d = doc.diagnostics.find((x) => x.code === 'unknown-criterion')!;
    expect(d.column).toBe(36);
    const iqa = doc.diagnostics.find((x) => x.code === 'unknown-evidence')!;
    expect(iqa.column).toBeGreaterThan(90);
  });

  it('covers every check code that can arise from files', () => {
    const seen = new Set(doc.diagnostics.map((d) => d.code));
    // what a file's nature, size or bytes cause (links out, pipes, over 1 MiB, not UTF-8, NUL)
    // cannot sit in a committed fixture beside the others: test/trust-paths.test.ts builds each;
    // unsafe-text needs control characters in names and folder names: test/trust-output.test.ts
    const notInFixture = ['file-unreadable', 'duplicate-qualification', 'link-outside', 'special-file', 'file-too-large', 'file-encoding', 'control-character', 'unsafe-text', 'value-too-long', 'too-many-values'];
    // placeholder: what folio spec new writes; test/init-scaffold.test.ts checks its templates
    notInFixture.push('placeholder');
    // folio verify's codes come from git history, not files: test/verify.test.ts covers them
    const fromCheck = Object.entries(CODES).filter(([, info]) => !('command' in info)).map(([code]) => code);
    for (const code of fromCheck) if (!notInFixture.includes(code)) expect(seen, code).toContain(code);
  });
});

describe('check limited to paths', () => {
  it('reports only the named file but still checks it against the whole centre', async () => {
    const run = await folio(['check', 'portfolios/B-003/portfolio.yaml', '--as-of', '2026-06-30', '--format', 'csv'], { cwd: BROKEN });
    const lines = run.stdout.trim().split('\n').slice(1);
    expect(lines.map((l) => l.split(',')[4]).sort()).toEqual(['duplicate-uln', 'unknown-qualification']);
    expect(run.code).toBe(1);
  });
});
