// Shell completion on a copy of the sample centre: what `folio __complete` offers for each kind
// of word (commands, options, learners, units and aliases, criteria after --covers, evidence,
// staff by role, methods, stages), that it never fails loudly (a broken centre, an unknown word,
// no centre: nothing, exit 0) and never offers a hostile name raw; then the three scripts in
// their shells: bash -n and a real completion run through COMP_WORDS, zsh and fish when they
// are installed (skipped with the reason otherwise; required under FOLIO_REQUIRE_CONSUMERS=1).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { METHODS } from '../src/schema/common.js';
import { folio, REPO, sampleCopies } from './helpers.js';

const sample = sampleCopies('folio-complete-');
// other folders the tests make (a centre elsewhere, no centre, a bin of fake shells)
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })), 60_000);

const SAMPLE = sample();

/** What folio __complete offers for the words after "folio", the last being the one completed. */
async function complete(dir: string, words: string[], shell = 'zsh'): Promise<string[]> {
  const r = await folio(['__complete', '--shell', shell, '--', ...words], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

const portfolioOf = (dir: string, id: string) => parse(readFileSync(join(dir, 'portfolios', id, 'portfolio.yaml'), 'utf8'));

describe('folio __complete', () => {
  it('commands and subcommands, from the program (hidden ones and help left out)', async () => {
    const top = await complete(SAMPLE, ['']);
    for (const c of ['check', 'status', 'evidence', 'assess', 'signoff', 'iqa', 'learner', 'staff', 'witness', 'completion']) expect(top).toContain(c);
    expect(top).not.toContain('__complete');
    expect(top).not.toContain('help');
    expect(await complete(SAMPLE, ['s'])).toEqual(['status', 'spec', 'schema', 'staff', 'signoff']);
    expect(await complete(SAMPLE, ['iqa', ''])).toEqual(['record', 'plan', 'due']);
    expect(await complete(SAMPLE, ['evidence', ''])).toEqual(['add']);
  });

  it("a command's options and an option's choices", async () => {
    const opts = await complete(SAMPLE, ['assess', 'NT-0151', '--']);
    for (const o of ['--accept', '--not-yet', '--feedback', '--by', '--date', '--dry-run', '--commit', '--sign', '--format', '--dir', '--help']) expect(opts).toContain(o);
    expect(opts).not.toContain('--covers');
    expect(await complete(SAMPLE, ['iqa', 'record', 'NT-0151', 'A/506/2130', '--stage', ''])).toEqual(['interim', 'summative']);
    expect(await complete(SAMPLE, ['assess', 'NT-0151', 'E12', '-f', ''])).toEqual(['table', 'json']);
    expect(await complete(SAMPLE, ['status', '--format', 'c'])).toEqual(['csv']);
    expect(await complete(SAMPLE, ['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(await complete(SAMPLE, ['evidence', 'add', 'NT-0163', '--method', ''])).toEqual([...METHODS]);
    expect(await complete(SAMPLE, ['evidence', 'add', 'NT-0163', '--method', 'w'])).toEqual(METHODS.filter((m) => m.startsWith('w')));
    // the lifecycle commands: kinds, qualifications, and assessors for reassign (centre.yaml: a.jones, r.okafor, s.patel)
    expect(await complete(SAMPLE, ['learner', ''])).toEqual(['add', 'withdraw', 'break', 'return', 'exempt', 'transfer', 'reassign']);
    expect(await complete(SAMPLE, ['learner', 'exempt', 'NT-0163', 'A/506/2130', '--kind', ''])).toEqual(['credit-transfer', 'exemption', 'rpl']);
    expect(await complete(SAMPLE, ['learner', 'transfer', 'NT-0163', ''])).toEqual(['601/3734/4']);
    expect(await complete(SAMPLE, ['learner', 'reassign', '--to', ''])).toEqual(['a.jones', 'r.okafor', 's.patel']);
    expect(await complete(SAMPLE, ['learner', 'break', 'NT-0163', '--from', ''])).toEqual([]);
  });

  it('learner ids: the folders of portfolios/', async () => {
    const folders = readdirSync(join(SAMPLE, 'portfolios'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders.length).toBeGreaterThan(3);
    expect(await complete(SAMPLE, ['status', ''])).toEqual(folders);
    expect(await complete(SAMPLE, ['status', 'NT-014'])).toEqual(folders.filter((f) => f.startsWith('NT-014')));
    // one learner already named is not offered again
    expect(await complete(SAMPLE, ['gaps', folders[0]!, ''])).toEqual(folders.slice(1));
    expect(await complete(SAMPLE, ['history', ''])).toEqual(folders);
    expect(await complete(SAMPLE, ['evidence', 'add', 'NT-01'])).toEqual(folders.filter((f) => f.startsWith('NT-01')));
  });

  it("units of the learner's qualification, by number and alias: signoff LEARNER <TAB>", async () => {
    const dir = sample();
    const spec = join(dir, 'specs/units/A-506-1964.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('title: Understand employer organisations\n', 'title: Understand employer organisations\naliases: [EMP1]\n'));
    const p = portfolioOf(dir, 'NT-0151');
    const mandatory = ['A/506/2130', 'F/506/2131', 'J/506/2132', 'A/506/1964', 'L/506/1788'];
    const units = await complete(dir, ['signoff', 'NT-0151', '']);
    expect(units.filter((u) => u !== 'EMP1').sort()).toEqual([...mandatory, ...p['optional-units']].sort());
    expect(units).toContain('EMP1');
    expect(await complete(dir, ['signoff', 'NT-0151', 'E'])).toEqual(['EMP1']);
    // the unit of a learner who chose other optional units is not offered for this one
    expect(units).not.toContain('F/506/2159');
    expect(await complete(dir, ['iqa', 'record', 'NT-0151', 'A/506/21'])).toEqual(units.filter((u) => u.startsWith('A/506/21')));
  });

  it('--covers: the unit with its colon, then criteria, ranges of outcomes and all', async () => {
    expect(await complete(SAMPLE, ['evidence', 'add', 'NT-0163', '--covers', 'A/506/19'])).toEqual(['A/506/1964:']);
    expect(await complete(SAMPLE, ['evidence', 'add', 'NT-0163', '--covers', 'A/506/1964:'])).toEqual(['A/506/1964:1.1', 'A/506/1964:1.2', 'A/506/1964:1.3', 'A/506/1964:2.1', 'A/506/1964:2.2', 'A/506/1964:2.3', 'A/506/1964:all', 'A/506/1964:outcome-1', 'A/506/1964:outcome-2']);
    expect(await complete(SAMPLE, ['evidence', 'add', 'NT-0163', '--covers', 'A/506/1964:1.1,'])).toEqual(['A/506/1964:1.1,1.2', 'A/506/1964:1.1,1.3', 'A/506/1964:1.1,2.1', 'A/506/1964:1.1,2.2', 'A/506/1964:1.1,2.3']);
    // bash replaces only what follows the last ':' of the word (COMP_WORDBREAKS)
    const bash = await folio(['__complete', '--shell', 'bash', '--line', 'folio evidence add NT-0163 --covers A/506/1964:1.1,2'], { cwd: SAMPLE });
    expect(bash.stdout).toBe('1.1,2.1\n1.1,2.2\n1.1,2.3\n');
    expect(await complete(SAMPLE, ['evidence', 'add', 'NT-0163', '--covers', 'X/999/9999:'])).toEqual([]);
  });

  it('evidence ids: assess LEARNER <TAB>, and --evidence as a comma list', async () => {
    const ids = portfolioOf(SAMPLE, 'NT-0151').evidence.map((e: { id: string }) => e.id);
    expect(ids.length).toBeGreaterThan(5);
    expect(await complete(SAMPLE, ['assess', 'NT-0151', ''])).toEqual(ids);
    expect(await complete(SAMPLE, ['assess', 'NT-0151', ids[0], 'E0'])).toEqual(ids.filter((i: string) => i.startsWith('E0') && i !== ids[0]));
    expect(await complete(SAMPLE, ['iqa', 'record', 'NT-0151', 'A/506/2130', '--evidence', 'E01,E0'])).toEqual(ids.filter((i: string) => i.startsWith('E0') && i !== 'E01').map((i: string) => `E01,${i}`));
    expect(await complete(SAMPLE, ['evidence', 'add', 'NT-0151', '--witness', ''])).toEqual(['w-ahmed']);
  });

  it('staff after --by, with the role the record needs', async () => {
    expect(await complete(SAMPLE, ['assess', 'NT-0151', 'E12', '--by', ''])).toEqual(['a.jones', 'r.okafor', 's.patel']);
    expect(await complete(SAMPLE, ['signoff', 'NT-0151', 'A/506/2130', '--by', ''])).toEqual(['a.jones', 'r.okafor', 's.patel']);
    expect(await complete(SAMPLE, ['iqa', 'record', 'NT-0151', 'A/506/2130', '--by', ''])).toEqual(['s.patel', 'm.hughes']);
    expect(await complete(SAMPLE, ['witness', 'add', 'NT-0151', 'w-x', '--by', ''])).toEqual(['a.jones', 'r.okafor', 's.patel', 'm.hughes', 'e.walsh']);
    expect(await complete(SAMPLE, ['status', '--assessor', 'r'])).toEqual(['r.okafor']);
    expect(await complete(SAMPLE, ['assess', 'NT-0151', 'E12', '--by=s'], 'bash')).toEqual(['s.patel']);
  });

  it('-C DIR is where the centre is; a path asks for the shell\'s file names', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'folio-complete-cwd-'));
    made.push(elsewhere);
    expect(await complete(elsewhere, ['-C', SAMPLE, 'status', 'NT-0142'])).toEqual([]);
    expect(await complete(elsewhere, ['status', '-C', SAMPLE, 'NT-014'])).toEqual(['NT-0142', 'NT-0147']);
    expect(await complete(SAMPLE, ['evidence', 'add', 'NT-0163', '--file', ''])).toEqual([':files']);
    expect(await complete(SAMPLE, ['status', '-C', ''])).toEqual([':files']);
  });

  it('never fails loudly: no centre, a broken centre, an unknown word, a quoted word', async () => {
    const none = mkdtempSync(join(tmpdir(), 'folio-complete-none-'));
    made.push(none);
    expect(await complete(none, ['status', ''])).toEqual([]);
    expect(await complete(none, ['assess', 'NT-0151', '--by', ''])).toEqual([]);
    const dir = sample();
    writeFileSync(join(dir, 'portfolios/NT-0151/portfolio.yaml'), 'evidence: [ { id: E01\n  : : {{\n');
    writeFileSync(join(dir, 'portfolios/centre.yaml'), 'staff: [oops\n');
    writeFileSync(join(dir, 'specs/units/A-506-2130.yaml'), '{{{{');
    expect(await complete(dir, ['assess', 'NT-0151', ''])).toEqual([]);
    expect(await complete(dir, ['assess', 'NT-0151', 'E12', '--by', ''])).toEqual([]);
    expect(await complete(dir, ['status', 'NT-015'])).toEqual(['NT-0151', 'NT-0153', 'NT-0156']);
    expect((await complete(dir, ['signoff', 'NT-0163', ''])).length).toBeGreaterThan(5);
    expect(await complete(SAMPLE, ['nonsense', ''])).toEqual([]);
    expect(await complete(SAMPLE, ['assess', 'NT-9999', ''])).toEqual([]);
    expect(await complete(SAMPLE, ['status', 'NT-0142', 'NT-0147', '--unknown-option', ''])).toContain('NT-0151');
    const quoted = await folio(['__complete', '--shell', 'bash', '--line', 'folio status "NT-01'], { cwd: SAMPLE });
    expect([quoted.code, quoted.stdout]).toEqual([0, '']);
    const bare = await folio(['__complete'], { cwd: SAMPLE });
    expect([bare.code, bare.stdout, bare.stderr]).toEqual([0, '', '']);
  });

  it('never offers a name with control characters or shell metacharacters', async () => {
    const dir = sample();
    const hostile = ['NT-$(touch pwned)', 'NT-`id`', 'NT-a b', 'NT-x\ny', 'NT-;rm', 'NT-\x1b[31m', 'NT-\u202eevil', 'NT-*', '-rf'];
    for (const name of [...hostile, 'NT-plain']) {
      mkdirSync(join(dir, 'portfolios', name));
      writeFileSync(join(dir, 'portfolios', name, 'portfolio.yaml'), 'learner: { name: X }\nqualification: 601/3734/4\nevidence:\n  - { id: "E1;ls", title: t }\n  - { id: "E2", title: t }\n');
    }
    const centre = join(dir, 'portfolios/centre.yaml');
    writeFileSync(centre, readFileSync(centre, 'utf8').replace('staff:\n', 'staff:\n  - { id: "x$(id)", name: X, roles: [assessor] }\n'));
    const learners = await complete(dir, ['status', '']);
    expect(learners).toContain('NT-plain');
    for (const h of hostile) expect(learners).not.toContain(h);
    expect(learners.every((l) => /^[A-Za-z0-9._-]+$/.test(l))).toBe(true);
    expect(await complete(dir, ['assess', 'NT-plain', ''])).toEqual(['E2']);
    expect(await complete(dir, ['assess', 'NT-plain', 'E2', '--by', ''])).toEqual(['a.jones', 'r.okafor', 's.patel']);
  });
});

describe('folio completion', () => {
  it('prints each script; --help says how to install it', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await folio(['completion', shell]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('folio __complete --shell');
    }
    const help = await folio(['completion', '--help']);
    expect(help.stdout).toContain('source <(folio completion bash)');
    expect(help.stdout).toContain('~/.config/fish/completions/folio.fish');
    expect((await folio(['completion', 'tcsh'])).code).toBe(2);
  });
});

// The scripts in real shells, with a `folio` on PATH that runs this checkout's build.
const bin = mkdtempSync(join(tmpdir(), 'folio-complete-bin-'));
made.push(bin);
writeFileSync(join(bin, 'folio'), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin/folio.js')}" "$@"\n`);
chmodSync(join(bin, 'folio'), 0o755);
const script = (shell: string) => {
  const file = join(bin, `folio.${shell}`);
  writeFileSync(file, execFileSync(process.execPath, [join(REPO, 'bin/folio.js'), 'completion', shell], { encoding: 'utf8' }));
  return file;
};
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: bin };
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

/** A shell's tests, or a printed reason they are skipped (a failure under FOLIO_REQUIRE_CONSUMERS=1). */
function inShell(shell: string, tests: () => void): void {
  if (has(shell)) return describe(`the ${shell} script`, tests);
  const reason = `${shell} is not installed, so the ${shell} completion script is not run (apt-get install ${shell})`;
  if (process.env.FOLIO_REQUIRE_CONSUMERS === '1') it(`has ${shell} installed (FOLIO_REQUIRE_CONSUMERS=1)`, () => expect.fail(reason));
  else console.log(`skipped: ${reason}`);
}

inShell('bash', () => {
  it('is valid bash (bash -n)', () => {
    const r = spawnSync('bash', ['-n', script('bash')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  /** A completion as bash runs it: COMP_WORDS split at COMP_WORDBREAKS, then the function. */
  const bashComplete = (line: string): string[] => {
    const program = `source "$1"; cd "$2"
COMP_LINE=$3; COMP_POINT=\${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
_folio_complete
printf '%s\\n' "\${COMPREPLY[@]}"
echo "$(complete -p folio)"`;
    const r = spawnSync('bash', ['-c', program, 'bash', script('bash'), SAMPLE, line], { encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  };

  it('completes commands, learners, evidence and --covers through COMP_WORDS', () => {
    const registered = 'complete -F _folio_complete folio';
    expect(bashComplete('folio sig')).toEqual(['signoff', registered]);
    expect(bashComplete('folio status NT-014')).toEqual(['NT-0142', 'NT-0147', registered]);
    expect(bashComplete('folio assess NT-0151 E1')).toEqual(['E10', 'E11', 'E12', 'E13', registered]);
    expect(bashComplete('folio evidence add NT-0163 --covers A/506/1964:2.')).toEqual(['2.1', '2.2', '2.3', registered]);
    expect(bashComplete('folio iqa record NT-0151 A/506/2130 --by m')).toEqual(['m.hughes', registered]);
  });

  it('compgen agrees: the words the function gives are what bash offers', () => {
    const r = spawnSync('bash', ['-c', `source "$1"; cd "$2"; COMP_LINE='folio status NT-015'; COMP_POINT=\${#COMP_LINE}; COMP_WORDS=(folio status NT-015); COMP_CWORD=2; _folio_complete; compgen -W "\${COMPREPLY[*]}" -- NT-015`, 'bash', script('bash'), SAMPLE], { encoding: 'utf8', env });
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['NT-0151', 'NT-0153', 'NT-0156']);
  });
});

inShell('zsh', () => {
  it('is valid zsh (zsh -n)', () => {
    const r = spawnSync('zsh', ['-n', script('zsh')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  /** _folio with the words zsh would give it, compadd recording what it is handed. */
  const zshComplete = (words: string[]): string[] => {
    const program = `compdef() { : }; _files() { print -r -- FILES }
compadd() { local s=' ' w; while [[ $1 != -- ]]; do if [[ $1 == -S ]]; then s=$2; shift; fi; shift; done; shift; for w in "$@"; do print -r -- "$w|$s|"; done }
source "$1"; cd "$2"; shift 2
words=(folio "$@"); CURRENT=$#words
_folio`;
    const r = spawnSync('zsh', ['-c', program, 'zsh', script('zsh'), SAMPLE, ...words], { encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  };

  it('completes through _folio: a space after a word, none after a unit and its colon', () => {
    expect(zshComplete(['status', 'NT-014'])).toEqual(['NT-0142| |', 'NT-0147| |']);
    expect(zshComplete(['evidence', 'add', 'NT-0163', '--covers', 'A/506/19'])).toEqual(['A/506/1964:||']);
    expect(zshComplete(['evidence', 'add', 'NT-0163', '--file', ''])).toEqual(['FILES']);
  });
});

inShell('fish', () => {
  it('is valid fish (fish --no-execute)', () => {
    const r = spawnSync('fish', ['--no-execute', script('fish')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('completes through complete -C as fish does on Tab', () => {
    const run = (line: string) => spawnSync('fish', ['-c', `source $argv[1]; cd $argv[2]; complete -C $argv[3]`, script('fish'), SAMPLE, line], { encoding: 'utf8', env });
    const words = (line: string) => run(line).stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    expect(words('folio status NT-014')).toEqual(['NT-0142', 'NT-0147']);
    expect(words('folio signoff NT-0151 A/506/19')).toEqual(['A/506/1964']);
    expect(words('folio evidence add NT-0163 --covers A/506/1964:2.')).toEqual(['A/506/1964:2.1', 'A/506/1964:2.2', 'A/506/1964:2.3']);
    expect(words('folio iqa record NT-0151 A/506/2130 --stage ')).toEqual(['interim', 'summative']);
  });
});
