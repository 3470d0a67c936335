// What every benchmark script shares so that running one is safe: it says before starting how
// long it should take and how much disk it needs, refuses to start when the disk is too small,
// keeps its generated centres in a temporary folder that is removed at the end (also on Ctrl-C),
// and replaces a committed results file only when asked with --write.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '..');
export const log = (s) => process.stderr.write(`${s}\n`);

// Measured on the 2-CPU machine of the committed results: a generated learner takes about
// 160 KB of disk (a portfolio and some 30 small evidence files, each a whole disk block) and
// its share of .folio-cache about 40 KB more.
export const DISK_PER_LEARNER = 200 * 1024;

const mib = (bytes) => `${Math.max(1, Math.round(bytes / 2 ** 20)).toLocaleString('en-GB')} MiB`;
export const duration = (s) => (s < 90 ? `${Math.max(1, Math.round(s))} s` : `${Math.round(s / 60)} min`);

/** Print the plan; exit when the folder that will hold the centres has too little free space. */
export function announce(what, seconds, bytes, where) {
  log(`${what}: about ${duration(seconds)} and ${mib(bytes)} of disk under ${where} (estimates from a 2-CPU machine)`);
  try {
    mkdirSync(where, { recursive: true });
    const fs = statfsSync(where);
    const free = fs.bavail * fs.bsize;
    if (free < bytes * 1.2) {
      log(`only ${mib(free)} free under ${where}: choose fewer learners, or another folder with --out DIR`);
      process.exit(2);
    }
  } catch (e) {
    if (e?.code !== 'ENOSYS' && e?.code !== 'ERR_METHOD_NOT_IMPLEMENTED') throw e;
  }
}

/** A fresh folder for generated centres under `parent` (the system temp folder unless --out),
 * removed when the process ends, unless `keep`. */
export function scratch(prefix, parent, keep) {
  const base = mkdtempSync(join(parent ?? tmpdir(), prefix));
  const remove = () => {
    if (keep) log(`\ncentres kept in ${base}`);
    else rmSync(base, { recursive: true, force: true });
  };
  process.on('exit', remove);
  // The scripts run their children synchronously, so a handler only runs between runs: Ctrl-C
  // reaches the child too, and stopIfInterrupted sees it die of the signal and exits, cleaning up.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
  return base;
}

/** After a spawnSync: end the benchmark (removing its centres) when Ctrl-C killed the child. */
export function stopIfInterrupted(r) {
  if (r.signal === 'SIGINT' || r.signal === 'SIGTERM') {
    log(`\ninterrupted (${r.signal}); removing the generated centres`);
    process.exit(130);
  }
  return r;
}

/** Build dist/ from the sources, so the numbers are those of the code as it is. */
export function build() {
  log('building: npx tsc -p .');
  const r = spawnSync('npx', ['tsc', '-p', '.'], { cwd: REPO, encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    log(`build failed:\n${r.stdout}${r.stderr}`);
    process.exit(2);
  }
}

/** Write a results file only under --write: the committed one is the reference run. */
export function results(file, text, write) {
  const name = relative(REPO, file);
  if (write) {
    writeFileSync(file, text);
    log(`\nwritten to ${name}`);
  } else log(`\n${name} not changed (--write replaces it with these results)`);
}
