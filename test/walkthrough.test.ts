// README "From an empty folder to a checked centre", run as written: every `$ ` command of the
// section in turn, from folio's packed tarball installed into an empty prefix, in a folder
// beside a stand-in for the folio clone (../folio holding the tarball and seeds/). Each command
// must exit as its shown output says (1 when it shows errors, else 0), and print every line
// shown that was not shortened (…). The YAML block is the file the section says was filled in.
// The `$ ` commands of "Install" (folio as a centre's devDependency) run the same way; every
// other command example of the README is run by readme-examples.test.ts.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';
import { packFolio } from './pack.js';

const scratch = mkdtempSync(join(tmpdir(), 'folio-walk-'));
const prefix = join(scratch, 'prefix');
const SYSTEM = [...new Set(['/usr/bin', '/bin', ...['node', 'npx', 'git'].map((c) => whichDir(c))])].join(':');

function whichDir(cmd: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.stdout.trim().replace(/\/[^/]+$/, '') || '/usr/bin';
}

/** The section's steps, in order: a command with the output shown after it, or a file. */
type Step = { command: string; shown: string[] } | { file: string; content: string };

function steps(title = 'From an empty folder to a checked centre'): Step[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf(`## ${title}`);
  const section = readme.slice(start, readme.indexOf('\n## ', start + 3));
  const out: Step[] = [];
  for (const block of section.matchAll(/^ *```(console|yaml)\n([\s\S]*?)```/gm)) {
    if (block[1] === 'yaml') {
      const file = /`(specs\/[^`]+\.yaml)` reads:\s*$/.exec(section.slice(0, block.index))![1]!;
      out.push({ file, content: block[2]! });
      continue;
    }
    for (const line of block[2]!.split('\n').map((l) => l.replace(/^ {2}(?=\$ )/, ''))) {
      if (line.startsWith('$ ')) out.push({ command: line.slice(2), shown: [] });
      else if (line.trim()) (out[out.length - 1] as { shown: string[] }).shown.push(line);
    }
  }
  return out;
}

beforeAll(() => {
  const clone = join(scratch, 'folio');
  mkdirSync(clone);
  packFolio(clone);
  rmSync(join(clone, 'stage'), { recursive: true, force: true });
  cpSync(join(REPO, 'seeds'), join(clone, 'seeds'), { recursive: true });
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|FOLIO_|GIT_|VITEST|NODE_OPTIONS)/i.test(k)));
const env = { ...base, PATH: `${join(prefix, 'bin')}:${SYSTEM}`, npm_config_prefix: prefix, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org', GIT_CONFIG_GLOBAL: '/dev/null', NO_COLOR: '1' };

/** Run the steps in turn from cwd: each command must exit as its shown output says (1 when it
 * shows errors, else 0) and print every shown line that was not shortened (…). */
function runSteps(all: Step[], cwd: string): void {
  for (const step of all) {
    if ('file' in step) {
      writeFileSync(join(cwd, step.file), step.content);
      continue;
    }
    const r = spawnSync('sh', ['-c', `${step.command}\nst=$?\nprintf '\\n@@%s@@%s' "$st" "$PWD"`], { cwd, env, encoding: 'utf8' });
    const [, code, where] = /@@(\d+)@@(.*)$/.exec(r.stdout)!;
    const printed = `${r.stdout.replace(/\n@@\d+@@.*$/, '')}\n${r.stderr}`;
    cwd = where!;
    const shown = step.shown.join('\n');
    expect(Number(code), `${step.command}\n${printed}`).toBe(/\d+ errors? and/.test(shown) ? 1 : 0);
    for (const line of step.shown) if (!line.includes('…')) expect(printed, step.command).toContain(line);
  }
}

describe('README: from an empty folder to a checked centre', () => {
  it('runs as written, from the tarball alone', () => {
    const all = steps();
    expect(all.filter((s) => 'command' in s).length).toBeGreaterThan(10);
    runSteps(all, scratch);
  }, 120_000);
});

describe('README: Install, inside a centre\'s repository as a devDependency', () => {
  it('runs as written in a new folder beside the clone, and the centre\'s own folio then checks it', () => {
    const all = steps('Install');
    expect(all.map((s) => ('command' in s ? s.command.split(' ')[0] : ''))).toEqual(['cp', 'npm', 'npm', 'npx']);
    const centre = join(scratch, 'centre-dev');
    mkdirSync(centre);
    runSteps(all, centre);
    expect(readFileSync(join(centre, '.git/hooks/pre-commit'), 'utf8')).toContain('folio');
    const r = spawnSync('npx', ['folio', 'check'], { cwd: centre, env, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('No problems');
    expect(JSON.parse(readFileSync(join(centre, 'package.json'), 'utf8')).devDependencies['folio-cli']).toMatch(/folio-cli-0\.1\.0\.tgz$/);
  }, 120_000);
});
