// The package as a centre's own script gets it: packed with npm pack, installed by name into a
// scratch project (the tarball unpacked into node_modules/folio-cli, its dependencies linked
// from this repository's, so no network is needed), a TypeScript consumer type-checked against
// the published types (strict, NodeNext) and run, its results compared with the CLI's.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folio, REPO } from './helpers.js';
import { packFolio } from './pack.js';

const AS_OF = '2026-06-30';
const scratch = mkdtempSync(join(tmpdir(), 'folio-package-'));
const project = join(scratch, 'project');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
const tsc = join(REPO, 'node_modules/typescript/bin/tsc');

beforeAll(() => {
  const tarball = packFolio(scratch);
  const installed = join(project, 'node_modules', pkg.name);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  for (const dep of [...Object.keys(pkg.dependencies), 'typescript', '@types/node']) {
    mkdirSync(join(project, 'node_modules', dep, '..'), { recursive: true });
    symlinkSync(join(REPO, 'node_modules', dep), join(project, 'node_modules', dep), 'dir');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'centre-scripts', private: true, type: 'module' }));
  for (const f of ['consumer.mts', 'wrong.mts', 'tsconfig.json']) cpSync(join(REPO, 'test/package', f), join(project, f));
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds what its exports map names, and no sources or tests', () => {
    const installed = join(project, 'node_modules', pkg.name);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    for (const f of [manifest.main, manifest.types, manifest.exports['.'].import, manifest.exports['.'].types, manifest.bin.folio]) expect(readFileSync(join(installed, f), 'utf8').length).toBeGreaterThan(0);
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist', 'package.json']);
  });

  it('type-checks a consumer (strict, NodeNext), and refuses a report of the wrong shape', () => {
    let out = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    } catch (e) {
      out = `${(e as { stdout?: string }).stdout ?? ''}${String(e)}`;
    }
    expect(out).toBe('');
  });

  it('runs as a centre script would: the same statuses and gaps as the CLI', async () => {
    const js = ts.transpileModule(readFileSync(join(project, 'consumer.mts'), 'utf8'), { fileName: 'consumer.mts', compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(project, 'consumer.mjs'), js);
    const ran = JSON.parse(execFileSync(process.execPath, ['consumer.mjs', REPO, AS_OF], { cwd: project, encoding: 'utf8', env: { ...process.env, FOLIO_CACHE: 'off' } })) as { statuses: Record<string, string>; notAchieved: string[]; markdown: string };
    const cli = JSON.parse((await folio(['status', '-f', 'json', '--as-of', AS_OF])).stdout) as { learners: { id: string; status: string }[] };
    expect(ran.statuses).toEqual(Object.fromEntries(cli.learners.map((l) => [l.id, l.status])));
    expect(ran.notAchieved).toEqual(cli.learners.filter((l) => l.status !== 'achieved').map((l) => l.id));
    expect(ran.notAchieved.length).toBeGreaterThan(0);
    expect(ran.markdown).toBe((await folio(['gaps', ...ran.notAchieved, '-f', 'markdown', '--as-of', AS_OF])).stdout);
  });

  it("runs the README's library example as written, from the centre's folder: what folio gaps prints", async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Using folio as a library'));
    const example = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    expect(example).toMatch(/asOf: '(\d{4}-\d\d-\d\d)'/);
    writeFileSync(join(project, 'readme-example.mts'), example);
    const checked = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--types', 'node', 'readme-example.mts'], { cwd: project, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    const js = ts.transpileModule(example, { fileName: 'readme-example.mts', compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(project, 'readme-example.mjs'), js);
    const printed = execFileSync(process.execPath, [join(project, 'readme-example.mjs')], { cwd: REPO, encoding: 'utf8', env: { ...process.env, FOLIO_CACHE: 'off' } });
    const asOf = /asOf: '([\d-]+)'/.exec(example)![1]!;
    const cli = JSON.parse((await folio(['status', '-f', 'json', '--as-of', asOf])).stdout) as { learners: { id: string; status: string }[] };
    const notAchieved = cli.learners.filter((l) => l.status !== 'achieved').map((l) => l.id);
    expect(printed).toBe(`${(await folio(['gaps', ...notAchieved, '-f', 'markdown', '--as-of', asOf])).stdout}\n`);
  });
});
