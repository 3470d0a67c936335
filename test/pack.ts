// folio as npm pack makes it, for the tests that install it as a user would (package.test.ts,
// install.test.ts). A fresh build goes into a staging copy, so the repository's own dist/
// (which other tests run) is never rewritten while they run; no network is needed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './helpers.js';

/** Build and pack folio into dir; returns the tarball's path. */
export function packFolio(dir: string): string {
  const stage = join(dir, 'stage');
  mkdirSync(stage, { recursive: true });
  execFileSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(REPO, 'tsconfig.json'), '--outDir', join(stage, 'dist')]);
  for (const f of ['package.json', 'README.md', 'bin']) cpSync(join(REPO, f), join(stage, f), { recursive: true });
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: stage, stdio: 'pipe', env: { ...process.env, npm_config_offline: 'true' } });
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
}
