// folio import reads the spec it would fill in or replace. That spec is the centre's file like
// any other: a link that may lead out of the centre, a pipe that would block, a file beyond the
// size or nesting folio reads are never read or written; the spec is reported unreadable.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync, lstatSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folio, REPO } from './helpers.js';

const TMP = mkdtempSync(join(tmpdir(), 'folio-trust-import-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const FORM = join(REPO, 'seeds', '004_d90e7e633d150227.txt');
const SPEC = 'specs/units/A-506-2130.yaml';
let n = 0;

function centre(): string {
  const dir = join(TMP, `c${++n}`);
  cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
  cpSync(join(REPO, 'portfolios'), join(dir, 'portfolios'), { recursive: true });
  rmSync(join(dir, SPEC));
  return dir;
}

async function importJson(dir: string) {
  const r = await folio(['import', FORM, '--unit', 'A/506/2130', '-C', dir, '-o', join(dir, 'specs/units'), '--format', 'json']);
  const report = JSON.parse(r.stdout) as { specs: { unit: string; action: string; written: boolean; reason: string | null }[] };
  return { r, spec: report.specs.find((s) => s.unit === 'A/506/2130')! };
}

describe('folio import and the spec already in the centre', () => {
  it('a spec that is a link out of the centre is neither read nor written through', async () => {
    const dir = centre();
    const secret = join(TMP, `secret-${n}.yaml`);
    writeFileSync(secret, 'unit: A/506/2130\ntitle: TOP-SECRET-VALUE\n');
    symlinkSync(secret, join(dir, SPEC));
    const { r, spec } = await importJson(dir);
    expect(spec.action).toBe('unreadable');
    expect(spec.written).toBe(false);
    expect(spec.reason).toContain('symbolic link');
    expect(r.stdout + r.stderr).not.toContain('TOP-SECRET-VALUE');
    expect(readFileSync(secret, 'utf8')).toContain('TOP-SECRET-VALUE');
    expect(lstatSync(join(dir, SPEC)).isSymbolicLink()).toBe(true);
    expect(r.code).toBe(1);
  });

  it('a spec that is a pipe does not block the import', async () => {
    const dir = centre();
    if (spawnSync('mkfifo', [join(dir, SPEC)]).status !== 0) return; // no mkfifo on this machine
    const { r, spec } = await importJson(dir);
    expect(spec.action).toBe('unreadable');
    expect(lstatSync(join(dir, SPEC)).isFIFO()).toBe(true);
    expect(r.code).toBe(1);
  }, 20_000);

  it.each([
    ['over 1 MiB', () => `unit: A/506/2130\nguidance: |\n${'  line of text\n'.repeat(80_000)}`],
    ['nested 1,000 levels deep', () => `unit: A/506/2130\nnotes: ${'['.repeat(1000)}${']'.repeat(1000)}\n`],
  ])('a spec %s is unreadable, and kept as it is', async (_name, text) => {
    const dir = centre();
    writeFileSync(join(dir, SPEC), text());
    const before = readFileSync(join(dir, SPEC), 'utf8');
    const { r, spec } = await importJson(dir);
    expect(spec.action).toBe('unreadable');
    expect(r.stderr).not.toMatch(/Maximum call stack|\n\s+at /);
    expect(readFileSync(join(dir, SPEC), 'utf8')).toBe(before);
  });

  it('control: an ordinary spec is read', async () => {
    const dir = centre();
    cpSync(join(REPO, SPEC), join(dir, SPEC));
    const { spec } = await importJson(dir);
    expect(spec.action).not.toBe('unreadable');
  });
});
