// Shared by the CLI tests: run folio in-process with captured output, and read fixture markers.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const REPO = fileURLToPath(new URL('../', import.meta.url));

/** Copies of the sample centre (specs/ and portfolios/) for a test file to change, each in a new
 * temporary folder, all removed when the file's tests are done. Call once, at the top of the file. */
export function sampleCopies(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })), 60_000);
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
    cpSync(join(REPO, 'portfolios'), join(dir, 'portfolios'), { recursive: true });
    return dir;
  };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** answers: run as on a terminal (stdin and stdout), answering each question in turn; the
 * questions asked are in the run's stdout. */
export async function folio(args: string[], opts: { cwd?: string; env?: Record<string, string>; tty?: boolean; answers?: string[] } = {}): Promise<Run> {
  const answers = opts.answers ? [...opts.answers] : undefined;
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: opts.cwd ?? REPO,
    // Tests read fixtures in the repository: no cache folder is written there unless a test asks.
    env: { FOLIO_CACHE: 'off', ...opts.env },
    stdoutIsTTY: opts.tty ?? answers !== undefined,
    ...(answers ? { stdinIsTTY: true, prompt: async (q: string) => ((stdout += q), answers.shift()) } : {}),
  });
  return { code, stdout, stderr };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every `# expect: code [code…]` marker in a fixture tree, as "file:line code" strings. */
export function expectedMarkers(root: string): string[] {
  const out: string[] = [];
  for (const file of walk(root).filter((f) => /\.ya?ml$/.test(f))) {
    const rel = relative(root, file).split('\\').join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = /#\s*expect:\s*([a-z-][a-z -]*)$/.exec(line);
        if (m) for (const code of m[1]!.trim().split(/\s+/)) out.push(`${rel}:${i + 1} ${code}`);
      });
  }
  return out.sort();
}

/** Every YAML file under dir (not node_modules, dist or .git): the corpus the readers are compared on. */
export function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === '.git') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/i.test(name)) out.push(p);
  }
  return out;
}
