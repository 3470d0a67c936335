// verify --signed is the one time folio lets git run a program named in git config: checking a
// signature means running gpg, ssh-keygen or gpgsm, and git config may name any program for
// them (a repository's own .git/config included). So verify says which programs, and where
// the choice comes from, before it runs them; without --signed none of them runs (run.ts).
import { runGit } from '../git/index.js';
import type { CentreLocation } from '../locate.js';

const FORMATS: Array<{ kind: string; keys: string[]; fallback: string }> = [
  { kind: 'OpenPGP', keys: ['gpg.program', 'gpg.openpgp.program'], fallback: 'gpg' },
  { kind: 'SSH', keys: ['gpg.ssh.program'], fallback: 'ssh-keygen' },
  { kind: 'X.509', keys: ['gpg.x509.program'], fallback: 'gpgsm' },
];

/** "verify --signed runs …": one line naming each signature program git will run. */
export function signaturePrograms(centre: CentreLocation): string | undefined {
  const repo = centre.repository;
  if (!repo) return undefined; // verify itself says why it cannot run
  const r = runGit(repo.top, ['config', '--null', '--get-regexp', '^gpg\\.'], { signatures: true });
  const set = new Map<string, string>();
  if (r.status === 0) {
    for (const rec of r.stdout.toString('utf8').split('\0')) {
      const nl = rec.indexOf('\n');
      if (nl > 0) set.set(rec.slice(0, nl), rec.slice(nl + 1)); // later settings win, as in git
    }
  }
  const parts = FORMATS.map(({ kind, keys, fallback }) => {
    const key = [...keys].reverse().find((k) => set.has(k));
    return key ? `${JSON.stringify(set.get(key))} for ${kind} signatures (from git config ${key})` : `${fallback} for ${kind} signatures (git's default)`;
  });
  return `verify --signed has git run ${parts.join(', ')}: check these are the programs you expect`;
}
