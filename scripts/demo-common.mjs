// What the demo scripts share (verify-demo.mjs, changed-demo.mjs): the folder to build, given as
// the one argument and not there yet; the people of the sample centre; and git run as one of
// them on a fixed day, so every build of a demo has the same commit ids as the README shows.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const PEOPLE = {
  learner: { name: 'Priya Shah', email: 'priya.shah@learner.example' },
  assessor: { name: 'Alex Jones', email: 'alex.jones@northgate.example' },
  iqa: { name: 'Megan Hughes', email: 'megan.hughes@northgate.example' },
  admin: { name: 'Centre Admin', email: 'admin@northgate.example' },
};

/** The folder the script was asked to build; exits with usage when it is missing or exists. */
export function demoFolder(scriptUrl) {
  const dir = process.argv[2];
  if (!dir || existsSync(dir)) {
    console.error(`usage: node scripts/${basename(fileURLToPath(scriptUrl))} DIR (a folder that does not exist yet)`);
    process.exit(2);
  }
  return dir;
}

/** git in dir, as who (the admin by default) on day (at 16:00 UTC), never signing. */
export function gitIn(dir, firstDay) {
  return (args, who = PEOPLE.admin, day = firstDay) => {
    const date = `${day}T16:00:00Z`;
    const env = { ...process.env, GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const r = spawnSync('git', ['-c', 'commit.gpgSign=false', ...args], { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
}
