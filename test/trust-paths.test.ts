// Issue 14, "stay inside the centre" and the checks on files before and as they are read:
// nothing is read through a symbolic link that leaves the centre (each kind of file, a
// learner's folder, in the working tree and at a commit), no special file is opened, no file
// over the size limit is read, an evidence path that goes on after a file name is no file, and
// text that is not UTF-8 or holds control characters is reported where it is.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanupRepos, makeRepo } from './git-repo.js';
import { folio, REPO } from './helpers.js';

afterAll(cleanupRepos);

const AS_OF = ['--as-of', '2026-11-30'];
const SECRET = 'FOLIO_SECRET_MARKER_7f3a';
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A copy of the sample centre in <tmp>/centre, with <tmp>/outside beside it holding a YAML
 * file and a learner folder that must never be read. */
let tmp: string;
let centre: string;
let outside: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'folio-trust-paths-'));
  made.push(tmp);
  centre = join(tmp, 'centre');
  outside = join(tmp, 'outside');
  cpSync(join(REPO, 'specs'), join(centre, 'specs'), { recursive: true });
  cpSync(join(REPO, 'portfolios'), join(centre, 'portfolios'), { recursive: true });
  mkdirSync(outside);
  // Valid YAML whose key a finding would quote (unknown-key) if it were ever read.
  writeFileSync(join(outside, 'secret.yaml'), `${SECRET}: leaked\n`);
  cpSync(join(centre, 'portfolios/NT-0163'), join(outside, 'learner'), { recursive: true });
});

type Diag = { code: string; file: string; line: number; column: number; message: string };
async function check(args: string[] = []): Promise<{ code: number; diagnostics: Diag[]; stdout: string }> {
  const r = await folio(['check', '-C', centre, '--format', 'json', ...AS_OF, ...args]);
  const doc = JSON.parse(r.stdout) as { diagnostics: Diag[] };
  return { code: r.code, diagnostics: doc.diagnostics, stdout: r.stdout };
}
const at = (d: Diag[]) => d.map((x) => `${x.file}:${x.line}:${x.column} ${x.code}`).sort();
const replaceWithLink = (path: string, target: string) => {
  rmSync(join(centre, path), { recursive: true, force: true });
  symlinkSync(target, join(centre, path));
};
const edit = (path: string, from: string, to: string | Buffer) => {
  const file = join(centre, path);
  const text = readFileSync(file, 'latin1');
  expect(text).toContain(from);
  const i = text.indexOf(from);
  writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, i), 'latin1'), Buffer.isBuffer(to) ? to : Buffer.from(to), Buffer.from(text.slice(i + from.length), 'latin1')]));
};

describe('symbolic links that leave the centre', () => {
  it('are reported at the link for a unit spec, a qualification, the centre file and a portfolio, and never read; links inside still work', async () => {
    const unit = 'specs/units/D-506-2119.yaml';
    const qual = 'specs/qualifications/601-3734-4.yaml';
    // inside the centre, through a folder of its own: still read as before
    mkdirSync(join(centre, 'shared'));
    cpSync(join(centre, unit), join(centre, 'shared/unit.yaml'));
    replaceWithLink(unit, '../../shared/unit.yaml');
    // outside: by an absolute target, and by climbing out
    replaceWithLink('specs/units/T-506-2126.yaml', join(outside, 'secret.yaml'));
    replaceWithLink(qual, '../../../outside/secret.yaml');
    replaceWithLink('portfolios/centre.yaml', join(outside, 'secret.yaml'));
    replaceWithLink('portfolios/NT-0151/portfolio.yaml', '../../../outside/secret.yaml');
    const r = await check();
    expect(r.stdout).not.toContain(SECRET);
    const links = r.diagnostics.filter((d) => d.code === 'link-outside');
    expect(at(links)).toEqual(
      ['portfolios/NT-0151/portfolio.yaml', 'portfolios/centre.yaml', qual, 'specs/units/T-506-2126.yaml'].map((f) => `${f}:0:0 link-outside`).sort(),
    );
    expect(links.find((d) => d.file === qual)!.message).toMatch(/^a symbolic link to "\.\.\/\.\.\/\.\.\/outside\/secret\.yaml", which leads outside the centre.*replace the link with the file itself, or remove it/);
    expect(r.code).toBe(1);
    // the unit reached through the link inside is known: no learner reports it as unknown
    expect(r.diagnostics.filter((d) => d.code === 'unknown-unit' && d.message.includes('D/506/2119'))).toEqual([]);
  });

  it('are reported for a learner folder that is a link outside, whose evidence is not counted', async () => {
    replaceWithLink('portfolios/NT-0999', join(outside, 'learner'));
    // a learner folder linked inside the centre is still a learner
    symlinkSync('NT-0163', join(centre, 'portfolios/NT-0998'));
    const r = await check();
    expect(at(r.diagnostics.filter((d) => d.code === 'link-outside'))).toEqual(['portfolios/NT-0999:0:0 link-outside']);
    const status = JSON.parse((await folio(['status', '-C', centre, '--format', 'json', ...AS_OF])).stdout) as { learners: { id: string }[] };
    const ids = status.learners.map((l) => l.id);
    expect(ids).not.toContain('NT-0999');
    expect(ids).toContain('NT-0998');
  });

  it('are reported for a layout folder (specs/units) that is a link outside', async () => {
    mkdirSync(join(outside, 'units'));
    cpSync(join(outside, 'secret.yaml'), join(outside, 'units/X-1-1.yaml'));
    replaceWithLink('specs/units', join(outside, 'units'));
    const r = await check();
    expect(r.stdout).not.toContain(SECRET);
    expect(at(r.diagnostics.filter((d) => d.code === 'link-outside'))).toEqual(['specs/units:0:0 link-outside']);
  });

  it('do not put the process environment into a GitHub annotation (centre file linked to /proc/self/environ)', () => {
    replaceWithLink('portfolios/centre.yaml', '/proc/self/environ');
    const r = spawnSync(process.execPath, [join(REPO, 'bin/folio.js'), 'check', '-C', centre, '--format', 'github', ...AS_OF], {
      encoding: 'utf8',
      env: { ...process.env, FOLIO_TEST_TOKEN: SECRET },
      timeout: 20_000,
    });
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout).toMatch(/^::error file=portfolios\/centre\.yaml.*link-outside/m);
    expect(r.status).toBe(1);
  });
});

describe('special files and size', () => {
  it('does not open a FIFO in place of a portfolio (no hang): special-file', () => {
    const fifo = join(centre, 'portfolios/NT-0151/portfolio.yaml');
    rmSync(fifo);
    const mk = spawnSync('mkfifo', [fifo]);
    if (mk.status !== 0) return; // no mkfifo on this system
    const r = spawnSync(process.execPath, [join(REPO, 'bin/folio.js'), 'check', '-C', centre, '--format', 'json', ...AS_OF], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull(); // not killed by the timeout
    const d = (JSON.parse(r.stdout) as { diagnostics: Diag[] }).diagnostics;
    expect(at(d.filter((x) => x.code === 'special-file'))).toEqual(['portfolios/NT-0151/portfolio.yaml:0:0 special-file']);
    expect(d.find((x) => x.code === 'special-file')!.message).toMatch(/named pipe/);
  });

  it('refuses a portfolio over 1 MiB without reading it: file-too-large at line 0', async () => {
    const big = join(centre, 'portfolios/NT-0151/portfolio.yaml');
    truncateSync(big, 1024 * 1024 + 1); // sparse: instant
    const r = await check();
    const d = r.diagnostics.filter((x) => x.file === 'portfolios/NT-0151/portfolio.yaml');
    expect(at(d)).toEqual(['portfolios/NT-0151/portfolio.yaml:0:0 file-too-large']);
    expect(d[0]!.message).toMatch(/is 1 MiB, over folio's limit of 1 MiB/);
    // exactly at the limit is read
    truncateSync(big, 1024 * 1024);
    expect((await check()).diagnostics.filter((x) => x.code === 'file-too-large')).toEqual([]);
  });
});

describe('text as written', () => {
  it('reports a Latin-1 file at its first bad byte and does not assess it', async () => {
    edit('portfolios/NT-0163/portfolio.yaml', 'Jordan Ellis', Buffer.from('Jordan Jos\xe9 Ellis', 'latin1'));
    const r = await check();
    const d = r.diagnostics.filter((x) => x.file === 'portfolios/NT-0163/portfolio.yaml');
    expect(at(d)).toEqual(['portfolios/NT-0163/portfolio.yaml:3:28 file-encoding']);
    expect(d[0]!.message).toMatch(/not UTF-8: byte 0xE9/);
    expect(r.stdout).not.toContain('\uFFFD');
  });

  it('accepts a byte order mark', async () => {
    edit('portfolios/NT-0163/portfolio.yaml', '# yaml-language-server', '\uFEFF# yaml-language-server');
    edit('portfolios/NT-0163/portfolio.yaml', 'Jordan Ellis', 'Jordan\u0000Ellis'); // and one NUL, so this fails today
    const r = await check();
    expect(at(r.diagnostics)).toEqual(['portfolios/NT-0163/portfolio.yaml:3:24 control-character']);
  });

  it('reports a NUL and an ESC inside values at their places', async () => {
    edit('portfolios/NT-0163/portfolio.yaml', 'Jordan Ellis', 'Jordan\u0000Ellis');
    edit('portfolios/NT-0163/portfolio.yaml', 'Otley', 'Ot\u001bley');
    const r = await check();
    const d = r.diagnostics.filter((x) => x.code === 'control-character');
    expect(at(d)).toEqual(['portfolios/NT-0163/portfolio.yaml:3:24 control-character', 'portfolios/NT-0163/portfolio.yaml:7:58 control-character']);
    expect(d[0]!.message).toMatch(/U\+0000 \(NUL\)/);
    expect(d[1]!.message).toMatch(/U\+001B \(ESC\)/);
    expect(r.code).toBe(1);
  });
});

describe('evidence paths', () => {
  it('a file followed by "/." "/" or "/.." is no file; "./", "//" and a folder\'s ".." are harmless', async () => {
    const p = 'portfolios/NT-0142/portfolio.yaml';
    edit(p, 'file: evidence/E01-development-plan.md', 'file: evidence/E01-development-plan.md/.');
    edit(p, 'file: evidence/E02-reflective-learning.md', 'file: evidence/E02-reflective-learning.md/');
    edit(p, 'file: evidence/E03-written-questions-principles.md', 'file: ./evidence//../evidence/E03-written-questions-principles.md');
    const r = await check();
    expect(at(r.diagnostics.filter((d) => d.code.startsWith('evidence-file')))).toEqual([`${p}:17:11 evidence-file-missing`, `${p}:26:11 evidence-file-missing`]);
  });

  it('a file followed by "/." is no file through a linked folder either', async () => {
    const p = 'portfolios/NT-0142/portfolio.yaml';
    symlinkSync('evidence', join(centre, 'portfolios/NT-0142/ev'));
    edit(p, 'file: evidence/E01-development-plan.md', 'file: ev/E01-development-plan.md/.');
    edit(p, 'file: evidence/E02-reflective-learning.md', 'file: ev/E02-reflective-learning.md');
    const r = await check();
    expect(at(r.diagnostics.filter((d) => d.code.startsWith('evidence-file')))).toEqual([`${p}:17:11 evidence-file-missing`]);
  });
});

describe('--at: the centre as committed', () => {
  it('reports a link that leaves the centre folder (into the rest of the repository) and a file over the limit, and reads neither', async () => {
    const repo = makeRepo();
    cpSync(join(REPO, 'specs'), join(repo.dir, 'centre/specs'), { recursive: true });
    cpSync(join(REPO, 'portfolios'), join(repo.dir, 'centre/portfolios'), { recursive: true });
    repo.write('secret.yaml', `${SECRET}: leaked\n`);
    repo.symlink('centre/specs/units/T-506-2126.yaml', '../../../secret.yaml');
    rmSync(join(repo.dir, 'centre/portfolios/NT-0147'), { recursive: true });
    repo.symlink('centre/portfolios/NT-0147', '../../secret-folder');
    repo.write('secret-folder/portfolio.yaml', `${SECRET}: leaked\n`);
    repo.write('centre/portfolios/NT-0151/portfolio.yaml', Buffer.alloc(1024 * 1024 + 1, 0x20));
    repo.write('centre/portfolios/NT-0163/portfolio.yaml', Buffer.from(readFileSync(join(REPO, 'portfolios/NT-0163/portfolio.yaml'), 'utf8').replace('Jordan Ellis', 'Jos\xe9'), 'latin1'));
    const commit = repo.commit('hostile');
    // the working tree changes afterwards: --at reads the commit only
    rmSync(join(repo.dir, 'centre/portfolios/NT-0151/portfolio.yaml'));
    const r = await folio(['check', '-C', join(repo.dir, 'centre'), '--at', commit, '--format', 'json', ...AS_OF]);
    expect(r.stdout).not.toContain(SECRET);
    const d = (JSON.parse(r.stdout) as { diagnostics: Diag[] }).diagnostics;
    expect(at(d.filter((x) => ['link-outside', 'file-too-large', 'file-encoding'].includes(x.code)))).toEqual([
      'portfolios/NT-0147:0:0 link-outside',
      'portfolios/NT-0151/portfolio.yaml:0:0 file-too-large',
      'portfolios/NT-0163/portfolio.yaml:3:21 file-encoding',
      'specs/units/T-506-2126.yaml:0:0 link-outside',
    ]);
  });
});

describe('evidence that is not a file', () => {
  it('a pipe in place of an evidence file is not evidence (and is never opened)', async () => {
    const file = join(centre, 'portfolios/NT-0142/evidence/E01-development-plan.md');
    rmSync(file);
    if (spawnSync('mkfifo', [file]).status !== 0) return; // no mkfifo on this machine
    const r = await check();
    const found = r.diagnostics.filter((d) => d.file === 'portfolios/NT-0142/portfolio.yaml');
    const missing = found.filter((d) => d.code === 'evidence-file-missing');
    expect(missing.map((d) => d.line)).toEqual([17]);
    expect(missing[0]!.message).toContain('pipe, socket or device');
  }, 20_000);
});
