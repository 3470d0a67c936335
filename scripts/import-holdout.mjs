#!/usr/bin/env node
// Scores folio import against forms it was not written against (test/held-back/import, or the
// folder named): each form's expected units, field by field (aliases as a set, text with its
// white space folded, guidance strictly). test/import-holdout.test.ts compares the same forms
// as a test; this prints the score. SHOW=N prints up to N wrong fields a form (6 by default).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? join(REPO, 'test/held-back/import');
const norm = (s) => (s ?? null) === null ? null : String(s).replace(/\s+/g, ' ').trim();
let fields = 0, wrong = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const exp = JSON.parse(readFileSync(`${dir}/${f.replace(/\.txt$/, '.expected.json')}`, 'utf8'));
  let got;
  try { got = JSON.parse(execFileSync('node', [join(REPO, 'bin/folio.js'), 'import', `${dir}/${f}`, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, FOLIO_CACHE: 'off' }, stdio: ['ignore', 'pipe', 'ignore'] })); }
  catch (e) { try { got = JSON.parse(e.stdout); } catch { console.log(f, 'NO JSON'); continue; } }
  const errs = [];
  const cmp = (what, a, b) => { fields++; if (JSON.stringify(a) !== JSON.stringify(b)) { wrong++; errs.push(`${what}: expected ${JSON.stringify(a)?.slice(0, 90)} got ${JSON.stringify(b)?.slice(0, 90)}`); } };
  cmp('units', exp.units.map((u) => u.unit), got.units.map((u) => u.unit));
  for (const eu of exp.units) {
    const gu = got.units.find((u) => u.unit === eu.unit); if (!gu) continue;
    cmp(`${eu.unit} title`, norm(eu.title), norm(gu.title));
    cmp(`${eu.unit} aliases`, [...(eu.aliases ?? [])].sort(), [...(gu.aliases ?? [])].sort());
    for (const k of ['level', 'credits', 'glh']) cmp(`${eu.unit} ${k}`, eu[k] ?? null, gu[k] ?? null);
    cmp(`${eu.unit} outcomes`, eu.outcomes.map((o) => o.id), gu.outcomes.map((o) => o.id));
    for (const eo of eu.outcomes) {
      const go = gu.outcomes.find((o) => o.id === eo.id); if (!go) continue;
      cmp(`${eu.unit} LO${eo.id} title`, norm(eo.title), norm(go.title));
      cmp(`${eu.unit} LO${eo.id} type`, eo.type ?? null, go.type ?? null);
      cmp(`${eu.unit} LO${eo.id} criteria`, eo.criteria.map((c) => c.id), go.criteria.map((c) => c.id));
      for (const ec of eo.criteria) { const gc = go.criteria.find((c) => c.id === ec.id); if (gc) cmp(`${eu.unit} ${ec.id} text`, norm(ec.text), norm(gc.text)); }
    }
    cmp(`${eu.unit} guidance`, norm(eu.guidance), norm(gu.guidance));
  }
  console.log(`${f}: ${errs.length ? errs.length + ' wrong' : 'all match'}`); for (const e of errs.slice(0, Number(process.env.SHOW ?? 6))) console.log('   ', e);
}
console.log(`${wrong} of ${fields} fields wrong`);
