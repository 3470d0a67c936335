#!/usr/bin/env node
// Scores folio status against the lifecycle centres an independent tester wrote by hand
// (test/held-back/lifecycle): each learner's status (withdrawn by its withdrawal) and each
// unit's status. Not a test: the tester's words for some statuses differ from folio's (an
// exempted unit is "achieved" to the tester), and the open points in each expected.md decide
// which differences are wrong. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? join(REPO, 'test/held-back/lifecycle');
let total = 0, wrong = 0;
for (const c of readdirSync(dir).filter((d) => d.startsWith('c') && statSync(join(dir, d)).isDirectory()).sort()) {
  const exp = JSON.parse(readFileSync(join(dir, c, 'expected.json'), 'utf8'));
  let out;
  try { out = execFileSync('node', [join(REPO, 'bin/folio.js'), 'status', '-C', join(dir, c), '--as-of', exp.asOf, '--all', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, FOLIO_CACHE: 'off' }, stdio: ['ignore', 'pipe', 'ignore'] }); }
  catch (e) { out = e.stdout; }
  const got = new Map(JSON.parse(out).learners.map((l) => [l.id, l]));
  for (const el of exp.learners) {
    const cmp = (what, a, b) => { total++; if (a !== b) { wrong++; console.log(`${c} ${el.learner} ${what}: expected ${a}, got ${b}`); } };
    const gl = got.get(el.learner);
    if (!gl) { cmp('in status', true, false); continue; }
    if (el.status === 'withdrawn') cmp('withdrawn', true, gl.withdrawn != null); else cmp('status', el.status, gl.status);
    for (const u of el.units ?? []) cmp(`unit ${u.unit}`, u.status, gl.units.find((x) => x.id === u.unit)?.status);
  }
}
console.log(`${wrong} of ${total} statuses differ`);
