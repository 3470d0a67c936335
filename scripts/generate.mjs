#!/usr/bin/env node
// Synthetic centre generator for benchmarks and soak tests (not used by folio itself).
//
//   npm run generate -- --learners N --seed S --out DIR [--problems K] [--history COMMITS]
//
// Writes DIR/specs (a copy of this repository's specs/units and specs/qualifications),
// DIR/portfolios/centre.yaml and N learners DIR/portfolios/LR-00001/portfolio.yaml …, with
// small evidence files under each learner's evidence/ folder. Everything is derived from the
// seed: the same arguments always give the same files, and learner k is the same whatever N is
// (only the deliberate problems and the size of the staff list depend on N).
//
// The centre is valid except for a few deliberate problems (default: 5 per 1,000 learners, at
// least one of each kind): an unknown criterion, a missing evidence file, a sign-off by someone
// who is not on the staff list, and a duplicated evidence id. They are listed in
// DIR/generated.json, which folio does not read.
//
// --history COMMITS also makes DIR a git repository whose history of about COMMITS commits
// records the portfolios event by event, by the staff they name, over the months the dates
// span, with branches merged and some folders renamed (scripts/generate-history.mjs).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { generateHistory } from './generate-history.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = { learners: 100, seed: 1, out: undefined, problems: undefined, history: undefined, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--learners' || a === '-n') opts.learners = Number(next());
    else if (a === '--seed' || a === '-s') opts.seed = Number(next());
    else if (a === '--out' || a === '-o') opts.out = next();
    else if (a === '--problems') opts.problems = Number(next());
    else if (a === '--history') opts.history = Number(next());
    else if (a === '--force') opts.force = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.learners) || opts.learners < 1 || opts.learners > 99999) usage('--learners must be a whole number from 1 to 99999');
  if (!Number.isInteger(opts.seed)) usage('--seed must be a whole number');
  if (opts.problems !== undefined && (!Number.isInteger(opts.problems) || opts.problems < 0)) usage('--problems must be a whole number, 0 or more');
  if (opts.history !== undefined && (!Number.isInteger(opts.history) || opts.history < 2)) usage('--history must be a whole number of commits, 2 or more');
  if (!opts.out) usage('--out DIR is required');
  return opts;
}

function usage(message) {
  const text = 'usage: npm run generate -- --learners N --seed S --out DIR [--problems K] [--history COMMITS] [--force]\n';
  if (message) {
    process.stderr.write(`generate: ${message}\n${text}`);
    process.exit(2);
  }
  process.stdout.write(text);
  process.exit(0);
}

// ---------------------------------------------------------------- seeded randomness

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from the run's seed and a stream name, so each learner has its own stream. */
function seedOf(...parts) {
  let h = 2166136261;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function rngFor(...parts) {
  const r = mulberry32(seedOf(...parts));
  const rng = {
    next: r,
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)), // inclusive
    chance: (p) => r() < p,
    pick: (xs) => xs[Math.floor(r() * xs.length)],
    uniform: (lo, hi) => lo + r() * (hi - lo),
    shuffle: (xs) => {
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    weighted: (pairs) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let x = r() * total;
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
  };
  return rng;
}

// ---------------------------------------------------------------- dates (as day numbers)

const DAY = 86400000;
const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const iso = (d) => new Date(d * DAY).toISOString().slice(0, 10);
// Everything happens before 2026-11-01: evidence up to EVIDENCE_END, decisions up to END.
const EVIDENCE_END = day('2026-10-20');
const END = day('2026-10-31');
const clampEnd = (d) => Math.min(d, END);

// ---------------------------------------------------------------- names and words

const FIRST = ['Aisha', 'Amelia', 'Ben', 'Callum', 'Chloe', 'Connor', 'Daniel', 'Ellie', 'Emily', 'Ethan', 'Fatima', 'Grace', 'Hannah', 'Harry', 'Imran', 'Isla', 'Jack', 'Jade', 'James', 'Jordan', 'Kacper', 'Katie', 'Leah', 'Liam', 'Lucy', 'Megan', 'Mohammed', 'Nathan', 'Niamh', 'Oliver', 'Olivia', 'Priya', 'Reece', 'Ruby', 'Ryan', 'Sophie', 'Tariq', 'Tom', 'Zara', 'Zoe'];
const LAST = ['Ahmed', 'Ali', 'Allen', 'Bailey', 'Bennett', 'Brown', 'Campbell', 'Carter', 'Clarke', 'Davies', 'Edwards', 'Ellis', 'Evans', 'Fletcher', 'Green', 'Hall', 'Harris', 'Hughes', 'Hussain', 'Jackson', 'James', 'Johnson', 'Jones', 'Khan', 'King', 'Kowalski', 'Lewis', 'Mahmood', 'Marsh', 'Martin', 'Mitchell', 'Moore', 'Morgan', 'Murphy', "O'Brien", "O'Connor", 'Okafor', 'Owen', 'Patel', 'Price', 'Rahman', 'Reed', 'Roberts', 'Robinson', 'Shah', 'Singh', 'Smith', 'Taylor', 'Thomas', 'Thompson', 'Turner', 'Walker', 'Ward', 'Watson', 'White', 'Williams', 'Wilson', 'Wood', 'Wright', 'Young'];
const EMPLOYERS = ['Harrowby Home Store', 'Moorside Leisure Centre', 'Calder Valley Housing', 'Northfield Medical Practice', 'Airedale Motors', 'Kirkgate Hotel', 'Pennine Energy', 'Riverside Building Society', 'Wharfe Travel', 'Crossgates Garden Centre'];
const ROLES = ['customer service adviser', 'receptionist', 'contact centre agent', 'sales assistant', 'front of house supervisor', 'service desk assistant', 'bookings adviser'];
const RELATIONSHIPS = [['line manager', '3'], ['team leader', '3'], ['duty manager', '3'], ['senior colleague', '4'], ['store manager', '2'], ['customer service trainer', '2']];
const ACTIVITIES = ['handling a refund request at the service desk', 'dealing with a complaint by telephone', 'greeting and booking in visitors', 'resolving a delayed delivery', 'taking incoming calls on the customer line', 'helping a customer choose a product', 'handling a difficult customer at reception', 'processing an online order query', 'following up a customer by email', 'running the morning team huddle'];
const PRODUCTS = ['Customer feedback log', 'Call notes and follow-up emails', 'Complaint record and reply letter', 'Personal development plan', 'Customer satisfaction survey analysis', 'Service improvement suggestion', 'Weekly planner and task list', 'Product knowledge sheet', 'Customer records (anonymised)', 'Handover notes'];
const WORKPLACE_REFS = ['Workplace complaints log, entries CL-#### to CL-####', 'Learning Hub training record, course CS-###', 'Customer feedback cards held by the store manager, week ##', 'CRM case notes, cases #####-#####', 'Team meeting minutes held on the shared drive, meeting ##'];
const PAPER_REFS = ["Signed paper copy in the learner's file at the centre, section ##", 'Recording held on the assessment platform, session ####', "Assessor's notes in the learner's file, visit ##"];
const FEEDBACK = ['Good start, but the criterion asks you to explain why, not only what: add a short explanation and resubmit.', 'The account does not show what you did yourself; describe your own actions and resubmit.', 'Please add a specific example from your workplace.', 'Not enough detail on the organisation’s procedures; talk this through at our next review.'];
const KNOWLEDGE_METHODS = [['written-questions', 4], ['professional-discussion', 3], ['questioning', 3], ['reflective-account', 3], ['work-product', 2], ['project', 1], ['case-study', 1]];
const PERFORMANCE_METHODS = [['observation', 7], ['witness-testimony', 2], ['work-product', 2], ['professional-discussion', 1]];
const WITNESS_METHODS = new Set(['witness-testimony', 'expert-witness']);

function personName(rng) {
  return { first: rng.pick(FIRST), last: rng.pick(LAST) };
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const plainOk = /^[A-Za-z][A-Za-z0-9 .()-]*$/;
const q = (s) => (plainOk.test(s) && !/: | #/.test(s) ? s : JSON.stringify(s));
const pad = (n, w) => String(n).padStart(w, '0');

/** A valid ULN: ten digits, the last the check digit of the funding agency's rule (src/ids.ts). */
function uln(rng) {
  for (;;) {
    const d = [rng.int(1, 9), ...Array.from({ length: 8 }, () => rng.int(0, 9))];
    let total = 0;
    for (let i = 0; i <= 8; i++) total += d[i] * (10 - i);
    const r = total % 11;
    if (r === 0) continue; // no check digit can make these nine digits valid
    return d.join('') + String(10 - r);
  }
}

// ---------------------------------------------------------------- the specifications

function loadSpecs() {
  const units = new Map();
  const dir = join(REPO, 'specs/units');
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const u = parseYaml(readFileSync(join(dir, f), 'utf8'), { schema: 'failsafe' });
    const unit = {
      id: u.unit.trim(),
      title: u.title,
      level: u.level == null ? undefined : Number(u.level),
      credits: u.credits == null ? undefined : Number(u.credits),
      outcomes: [],
    };
    for (const o of u.outcomes) {
      const type = o.type ?? (/^be able to\b/i.test(o.title ?? '') ? 'performance' : /^(understand|know)\b/i.test(o.title ?? '') ? 'knowledge' : undefined);
      const criteria = o.criteria.map((c) => {
        const methods = c.methods ?? o.methods ?? u.methods;
        const requires = c.requires ?? o.requires ?? u.requires;
        const min = Number(c['min-evidence'] ?? o['min-evidence'] ?? u['min-evidence'] ?? 1);
        // A required method is always acceptable (README, "Decisions where the design was silent").
        const accepted = methods ? [...new Set([...methods, ...(requires ?? [])])] : undefined;
        return { id: c.id.trim(), accepted, requires, min };
      });
      unit.outcomes.push({ id: o.id.trim(), title: o.title, type, criteria });
    }
    unit.criteriaIds = new Set(unit.outcomes.flatMap((o) => o.criteria.map((c) => c.id)));
    units.set(unit.id, unit);
    for (const a of u.aliases ?? []) units.set(a.trim(), unit);
  }
  const qdir = join(REPO, 'specs/qualifications');
  const quals = readdirSync(qdir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => parseYaml(readFileSync(join(qdir, f), 'utf8'), { schema: 'failsafe' }));
  const qual = quals.find((x) => x.qualification === '601/3734/4') ?? quals[0];
  const groups = qual.groups.map((g) => ({
    id: g.id,
    requiredAll: g.required === 'all',
    minCredits: g['min-credits'] == null ? undefined : Number(g['min-credits']),
    maxCredits: g['max-credits'] == null ? undefined : Number(g['max-credits']),
    minUnits: g['min-units'] == null ? undefined : Number(g['min-units']),
    maxUnits: g['max-units'] == null ? undefined : Number(g['max-units']),
    units: g.units.map((x) => units.get(x.trim())).filter(Boolean),
  }));
  return { units, qualification: { id: qual.qualification, minCredits: Number(qual['min-credits'] ?? 0), groups } };
}

// ---------------------------------------------------------------- staff

function makeStaff(seed, learners) {
  const nAssessors = Math.max(1, Math.ceil(learners / 40));
  const nIqa = Math.max(1, Math.ceil(nAssessors / 12));
  const nAdmin = 1 + Math.floor(nAssessors / 50);
  const used = new Set();
  const person = (stream, i, roles) => {
    const rng = rngFor(seed, 'staff', stream, i);
    const { first, last } = personName(rng);
    const base = `${first[0].toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}${n}`;
    used.add(id);
    const email = `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}${id === base ? '' : id.slice(base.length)}@pennine-skills.example`;
    return { id, name: `${first} ${last}`, roles, email };
  };
  // Every eighth assessor is also an IQA; the IQA-only staff never assess.
  const assessors = Array.from({ length: nAssessors }, (_, i) => person('assessor', i, i % 8 === 7 ? ['assessor', 'iqa'] : ['assessor']));
  const iqas = Array.from({ length: nIqa }, (_, i) => person('iqa', i, ['iqa']));
  const admins = Array.from({ length: nAdmin }, (_, i) => person('admin', i, ['admin']));
  return { assessors, iqas: [...iqas, ...assessors.filter((a) => a.roles.includes('iqa'))], all: [...assessors, ...iqas, ...admins] };
}

function centreYaml(staff) {
  const lines = [
    '# Generated by scripts/generate.mjs: a synthetic centre for benchmarks. Names are fictional.',
    'centre: { name: Pennine Skills Academy, number: "07731" }',
    'staff:',
    ...staff.all.map((s) => `  - { id: ${s.id}, name: ${q(s.name)}, roles: [${s.roles.join(', ')}], email: ${s.email} }`),
    'policy:',
    '  evidence-currency-years: 3',
    '',
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------- one learner

/** Optional units that meet the rules of combination (mostly). */
function chooseUnits(rng, qual, forceValid) {
  const known = (u) => u.credits !== undefined;
  const mandatory = qual.groups.filter((g) => g.requiredAll).flatMap((g) => g.units);
  const chosen = [];
  const creditsIn = (g) => chosen.filter((u) => g.units.includes(u)).reduce((s, u) => s + (u.credits ?? 0), 0);
  const counted = () =>
    qual.groups.reduce((s, g) => {
      const c = g.requiredAll ? g.units.reduce((t, u) => t + (u.credits ?? 0), 0) : creditsIn(g);
      return s + (g.maxCredits === undefined ? c : Math.min(c, g.maxCredits));
    }, 0);
  const addFrom = (g, fits = () => true) => {
    const options = rng.shuffle(g.units.filter((u) => known(u) && !chosen.includes(u) && fits(u)));
    if (!options.length) return false;
    chosen.push(options[0]);
    return true;
  };
  const optional = qual.groups.filter((g) => !g.requiredAll);
  // Each group's own minimum first (a second unit in a small group now and then).
  for (const g of optional) {
    while ((g.minCredits !== undefined && creditsIn(g) < g.minCredits) || (g.minUnits !== undefined && chosen.filter((u) => g.units.includes(u)).length < g.minUnits)) {
      if (!addFrom(g)) break;
    }
    if (g.minCredits !== undefined && g.units.length <= 3 && rng.chance(0.3)) addFrom(g);
  }
  // Then the qualification's total, from groups with room under their caps.
  for (let guard = 0; counted() < qual.minCredits && guard < 50; guard++) {
    const need = qual.minCredits - counted();
    const open = optional.filter((g) => g.maxCredits === undefined || creditsIn(g) < g.maxCredits);
    const g = rng.pick(open.length ? open : optional);
    const room = g.maxCredits === undefined ? Infinity : g.maxCredits - creditsIn(g);
    if (!addFrom(g, (u) => u.credits <= Math.max(room, need) || room === Infinity)) addFrom(g);
  }
  if (!forceValid) {
    // A few learners take a unit whose credit value nobody has published ("unknown" rules)…
    if (rng.chance(0.04)) {
      const unknown = optional.flatMap((g) => g.units).filter((u) => !known(u) && !chosen.includes(u));
      if (unknown.length) chosen.push(rng.pick(unknown));
    }
    // …and a few have not chosen enough optional units yet.
    if (rng.chance(0.02) && chosen.length > 1) chosen.splice(rng.int(0, chosen.length - 1), 1);
  }
  return { mandatory, optional: chosen };
}

function pickMethod(rng, crit, perf, firstSlot) {
  if (firstSlot && crit.requires) return crit.requires.includes('observation') ? 'observation' : rng.pick(crit.requires);
  if (crit.accepted) {
    if (perf && crit.accepted.includes('observation') && rng.chance(0.6)) return 'observation';
    const prefs = (perf ? PERFORMANCE_METHODS : KNOWLEDGE_METHODS).filter(([m]) => crit.accepted.includes(m));
    return prefs.length ? rng.weighted(prefs) : rng.pick(crit.accepted);
  }
  return rng.weighted(perf ? PERFORMANCE_METHODS : KNOWLEDGE_METHODS);
}

function titleFor(rng, method, unit, witness) {
  const topic = (unit.title ?? unit.id).replace(/^\w/, (c) => c.toLowerCase());
  switch (method) {
    case 'observation': return `Observed ${rng.pick(ACTIVITIES)}`;
    case 'witness-testimony': return `Witness statement from ${witness?.relationship ?? 'line manager'}: ${rng.pick(ACTIVITIES)}`;
    case 'expert-witness': return `Expert witness statement: ${rng.pick(ACTIVITIES)}`;
    case 'professional-discussion': return `Professional discussion: ${topic}`;
    case 'questioning': return `Questioning: ${topic}`;
    case 'written-questions': return `Written questions: ${topic}`;
    case 'reflective-account': return `Reflective account: ${topic}`;
    case 'project': return `Assignment: ${topic}`;
    case 'case-study': return `Case study: ${topic}`;
    case 'work-product': return rng.pick(PRODUCTS);
    default: return `Evidence: ${topic}`;
  }
}

/** Split xs into n non-empty contiguous chunks of random sizes. */
function chunks(rng, xs, n) {
  n = Math.max(1, Math.min(n, xs.length));
  const cuts = rng.shuffle(Array.from({ length: xs.length - 1 }, (_, i) => i + 1)).slice(0, n - 1).sort((a, b) => a - b);
  const out = [];
  let from = 0;
  for (const c of [...cuts, xs.length]) {
    out.push(xs.slice(from, c));
    from = c;
  }
  return out;
}

/**
 * Plan and write one learner. `k` is the learner's index; `problems` the deliberate problems
 * this learner must carry. Returns what was written.
 */
function makeLearner(ctx, k, problems) {
  const { seed, qual, staff, out, ulns } = ctx;
  const rng = rngFor(seed, 'learner', k);
  const id = `LR-${pad(k + 1, 5)}`;
  const dir = join(out, 'portfolios', id);
  const { first, last } = personName(rng);
  const name = `${first} ${last}`;

  // The first three learners pin the statuses a small centre must still show.
  let stage = k === 0 ? 'complete' : k === 1 ? 'progress' : k === 2 ? 'new' : rng.weighted([['new', 4], ['progress', 76], ['complete', 20]]);
  if (stage === 'new' && problems.length) stage = 'progress';

  let learnerUln = rng.chance(0.06) ? '9999999999' : uln(rng);
  while (ulns.has(learnerUln)) learnerUln = uln(rng);
  if (learnerUln !== '9999999999') ulns.add(learnerUln);

  const registered =
    stage === 'new' ? rng.int(day('2026-09-01'), day('2026-10-25'))
    : stage === 'complete' ? rng.int(day('2024-01-08'), day('2025-09-30'))
    : rng.int(day('2024-06-03'), day('2026-07-31'));
  const assessor = staff.assessors[Math.floor(k / 40) % staff.assessors.length];
  const cover = staff.assessors.length > 1 ? staff.assessors[(Math.floor(k / 40) + 1) % staff.assessors.length] : assessor;
  const { mandatory, optional } = chooseUnits(rng, qual, k === 0);
  const units = [...mandatory, ...optional];

  const witnesses = stage === 'new' ? [] : Array.from({ length: rng.int(1, 2) }, (_, i) => {
    const p = personName(rng);
    const [relationship, status] = RELATIONSHIPS[(rng.int(0, RELATIONSHIPS.length - 1) + i) % RELATIONSHIPS.length];
    return { id: `w-${slug(p.last)}${i ? i + 1 : ''}`, name: `${p.first} ${p.last}`, relationship, status };
  });

  // What each unit should look like: full (every criterion met), partial, or none.
  const start = registered + rng.int(3, 14);
  const elapsed = Math.max(1, EVIDENCE_END - start);
  const progress = stage === 'complete' ? 1 : stage === 'new' ? 0 : Math.min(0.95, Math.max(0.12, elapsed / 600 + rng.uniform(-0.2, 0.2)));
  const spanEnd = stage === 'complete' ? Math.min(EVIDENCE_END, start + rng.int(240, 560)) : EVIDENCE_END;
  const signRate = stage === 'complete' ? 1 : rng.uniform(0.3, 0.95);
  const plan = new Map(); // unit → { target, covered: Set of criterion ids, signoff }
  for (const u of units) {
    let target = stage === 'complete' ? 'full' : stage === 'new' ? 'none' : rng.chance(progress * 0.85) ? 'full' : rng.chance(0.55) ? 'partial' : 'none';
    plan.set(u, { target, signoff: target === 'full' && rng.chance(signRate) });
  }
  // A learner in progress has done enough for 20 items at least.
  const size = (u) => u.outcomes.reduce((s, o) => s + o.criteria.length, 0);
  const started = () => units.filter((u) => plan.get(u).target !== 'none').reduce((s, u) => s + size(u), 0);
  for (let guard = 0; stage === 'progress' && started() < 45 && guard < units.length; guard++) {
    const idle = units.filter((u) => plan.get(u).target === 'none');
    if (idle.length) plan.get(rng.pick(idle)).target = 'partial';
  }
  if (stage === 'complete' && k !== 0 && rng.chance(0.15)) plan.get(rng.pick(units)).signoff = false; // waiting for sign-off
  if (k === 1) {
    const [a, b, c] = units;
    Object.assign(plan.get(a), { target: 'full', signoff: true });
    Object.assign(plan.get(b), { target: 'full', signoff: false });
    Object.assign(plan.get(c), { target: 'partial', signoff: false });
    Object.assign(plan.get(units[units.length - 1]), { target: 'none', signoff: false });
  }
  if (problems.includes('unknown-staff') && ![...plan.values()].some((p) => p.signoff)) Object.assign(plan.get(units[1]), { target: 'full', signoff: true });

  // Criterion tasks: one group per (unit, outcome, rules, slot), where slot counts the items a
  // criterion needs (min-evidence).
  const groups = [];
  for (const u of units) {
    const p = plan.get(u);
    if (p.target === 'none') continue;
    const all = u.outcomes.flatMap((o) => o.criteria.map((c) => c.id));
    let covered = new Set(all);
    if (p.target === 'partial') {
      const n = Math.max(1, Math.min(all.length - 1, Math.round(all.length * rng.uniform(0.2, 0.85))));
      covered = new Set(rng.shuffle(all).slice(0, n));
    }
    p.covered = covered;
    for (const o of u.outcomes) {
      const perf = o.type === 'performance';
      const byRules = new Map();
      for (const c of o.criteria) {
        if (!covered.has(c.id)) continue;
        const key = JSON.stringify([c.accepted, c.requires, c.min]);
        if (!byRules.has(key)) byRules.set(key, []);
        byRules.get(key).push(c);
      }
      for (const crits of byRules.values()) {
        const slots = p.target === 'full' ? crits[0].min : 1;
        for (let slot = 0; slot < slots; slot++) groups.push({ unit: u, outcome: o, perf, crits, slot, target: p.target });
      }
    }
  }

  // How many items: 20 to 80, fewer criteria per item for some learners than for others.
  const coverages = groups.reduce((s, g) => s + g.crits.length, 0);
  const items = [];
  if (coverages > 0) {
    const want = Math.max(20, Math.min(76, Math.round(coverages / rng.uniform(2, 5))));
    const pieces = groups.map((g) => Math.max(1, Math.min(g.crits.length, Math.round((g.crits.length * want) / coverages))));
    let total = pieces.reduce((a, b) => a + b, 0);
    for (let guard = 0; total > 76 && guard < 1000; guard++) {
      const i = pieces.indexOf(Math.max(...pieces));
      if (pieces[i] <= 1) break;
      pieces[i]--, total--;
    }
    for (let guard = 0; total < 20 && guard < 1000; guard++) {
      const i = rng.int(0, groups.length - 1);
      if (pieces[i] < groups[i].crits.length) pieces[i]++, total++;
      else if (groups.every((g, j) => pieces[j] >= g.crits.length)) break;
    }
    groups.forEach((g, gi) => {
      for (const crits of chunks(rng, g.crits, pieces[gi])) {
        const method = pickMethod(rng, crits[0], g.perf, g.slot === 0);
        let decision = 'accepted';
        if (g.target === 'partial') decision = rng.weighted([['accepted', 70], ['not-yet', 12], ['awaiting', 18]]);
        let date = rng.int(start, Math.max(start, spanEnd - 10));
        if (decision === 'awaiting') date = Math.max(date, spanEnd - rng.int(0, 45));
        items.push({ method, date, decision, covers: [[g.unit, crits.map((c) => c.id)]], group: g });
      }
    });
    // Some accepted items on full units were a second attempt after a "not yet".
    for (const it of [...items]) {
      if (items.length >= 80) break;
      if (it.group.target !== 'full' || !rng.chance(0.08)) continue;
      const earlier = it.date - rng.int(12, 40);
      if (earlier < start) continue;
      items.push({ method: it.method, date: earlier, decision: 'not-yet', assessedBy: it.date - rng.int(2, 9), covers: it.covers.map(([u, c]) => [u, [...c]]), group: it.group });
    }
    // Cross-referencing: an item also covers a few planned criteria of another unit whose
    // outcome accepts the item's method.
    for (const it of items) {
      if (!rng.chance(0.2)) continue;
      const others = groups.filter((g) => g.unit !== it.group.unit && (!g.crits[0].accepted || g.crits[0].accepted.includes(it.method)));
      if (!others.length) continue;
      const g = rng.pick(others);
      const n = rng.int(1, Math.min(4, g.crits.length));
      const from = rng.int(0, g.crits.length - n);
      const ids = g.crits.slice(from, from + n).map((c) => c.id);
      const same = it.covers.find(([u]) => u === g.unit);
      if (same) same[1] = [...new Set([...same[1], ...ids])];
      else it.covers.push([g.unit, ids]);
    }
  }

  // Assessment, location and ids, in date order.
  items.sort((a, b) => a.date - b.date);
  items.forEach((it, i) => {
    it.id = `E${pad(i + 1, 2)}`;
    if (it.decision !== 'awaiting') {
      const by = rng.chance(0.05) ? cover : assessor;
      const when = it.assessedBy ?? it.date + rng.int(0, 12);
      it.assessment = { by: by.id, date: clampEnd(Math.max(it.date, when)), decision: it.decision };
      if (it.decision === 'not-yet') it.assessment.feedback = rng.pick(FEEDBACK);
    }
    if (WITNESS_METHODS.has(it.method)) it.witness = rng.pick(witnesses);
    it.title = titleFor(rng, it.method, it.covers[0][0], it.witness);
    it.location = rng.weighted([['file', 65], ['ref', 25], ['url', 10]]);
    if (it.location === 'file') it.path = `evidence/${it.id}-${slug(it.method)}.md`;
    else if (it.location === 'url') it.value = `https://eportfolio.pennine-skills.example/${id}/${it.id}`;
    else it.value = rng.pick(it.method === 'work-product' ? WORKPLACE_REFS : PAPER_REFS).replace(/#/g, () => String(rng.int(0, 9)));
  });

  // Sign-offs: after the last accepted assessment of every item that covers the unit.
  const signoffs = [];
  const assessorsOf = new Map(units.map((u) => [u, new Set()]));
  for (const it of items) for (const [u] of it.covers) if (it.assessment) assessorsOf.get(u)?.add(it.assessment.by);
  for (const u of units) {
    const p = plan.get(u);
    if (!p.signoff) continue;
    const last = Math.max(...items.filter((it) => it.assessment?.decision === 'accepted' && it.covers.some(([x]) => x === u)).map((it) => it.assessment.date));
    const date = clampEnd(last + rng.int(1, 14));
    signoffs.push({ unit: u, by: assessor.id, date });
    assessorsOf.get(u).add(assessor.id);
  }
  signoffs.sort((a, b) => a.date - b.date);

  // IQA: summative samples of signed-off units, interim samples of units in progress. The IQA
  // never samples a unit on which they made a decision.
  const iqa = [];
  if (stage !== 'new' && rng.chance(stage === 'complete' ? 0.8 : 0.45)) {
    for (const s of signoffs) {
      if (!rng.chance(0.5)) continue;
      const who = staff.iqas.filter((x) => !assessorsOf.get(s.unit).has(x.id));
      const agreed = stage === 'complete' && k === 0 ? true : rng.chance(0.92);
      const sampled = items.filter((it) => it.assessment?.decision === 'accepted' && it.covers.some(([x]) => x === s.unit));
      const evidence = rng.chance(0.5) ? rng.shuffle(sampled).slice(0, rng.int(1, 2)).map((it) => it.id).sort() : [];
      const r = { unit: s.unit, by: rng.pick(who).id, date: clampEnd(s.date + rng.int(3, 21)), stage: 'summative', decision: agreed ? 'agreed' : 'not-agreed', evidence };
      if (!agreed) r.feedback = 'The evidence for some criteria is thin: question the learner again, record the answers and sign the unit off again.';
      iqa.push(r);
    }
    for (const u of units) {
      const p = plan.get(u);
      if (p.signoff || p.target === 'none' || !rng.chance(0.2)) continue;
      const sampled = items.filter((it) => it.assessment?.decision === 'accepted' && it.covers.some(([x]) => x === u));
      if (!sampled.length) continue;
      const chosen = rng.shuffle(sampled).slice(0, rng.int(1, 2));
      const date = clampEnd(Math.max(...chosen.map((it) => it.assessment.date)) + rng.int(1, 10));
      const who = staff.iqas.filter((x) => !chosen.some((it) => it.assessment.by === x.id));
      iqa.push({ unit: u, by: rng.pick(who).id, date, stage: 'interim', decision: 'agreed', evidence: chosen.map((it) => it.id).sort() });
    }
    iqa.sort((a, b) => a.date - b.date);
  }

  // The deliberate problems this learner carries (each gives exactly one finding).
  const made = [];
  const file = `portfolios/${id}/portfolio.yaml`;
  for (const kind of problems) {
    if (kind === 'unknown-criterion') {
      const it = items[rng.int(0, items.length - 1)];
      const [u, ids] = it.covers[0];
      const o = u.outcomes.find((x) => x.criteria.some((c) => c.id === ids[0])) ?? u.outcomes[0];
      let n = o.criteria.length + 1;
      while (u.criteriaIds.has(`${o.id}.${n}`)) n++;
      ids.push(`${o.id}.${n}`);
      made.push({ kind, code: 'unknown-criterion', file, detail: `${it.id} claims ${u.id} ${o.id}.${n}` });
    } else if (kind === 'evidence-file-missing') {
      const [u, ids] = items[rng.int(0, items.length - 1)].covers[0];
      const it = { id: `E${pad(items.length + 1, 2)}`, method: 'work-product', title: rng.pick(PRODUCTS), date: EVIDENCE_END - rng.int(0, 20), decision: 'awaiting', covers: [[u, [ids[0]]]], location: 'file', missing: true };
      it.path = `evidence/${it.id}-work-product.md`;
      items.push(it);
      made.push({ kind, code: 'evidence-file-missing', file, detail: `${it.id} points at ${it.path}, which is not written` });
    } else if (kind === 'unknown-staff') {
      const s = rng.pick(signoffs);
      const typo = s.by.length > 3 ? s.by.slice(0, -2) + s.by.slice(-1) + s.by.slice(-2, -1) : `${s.by}x`;
      s.by = staff.all.some((x) => x.id === typo) ? `${s.by}.old` : typo;
      made.push({ kind, code: 'unknown-staff', file, detail: `sign-off of ${s.unit.id} by ${s.by}` });
    } else if (kind === 'duplicate-evidence-id') {
      const twin = items[rng.int(0, items.length - 1)];
      const [u, ids] = twin.covers[0];
      items.push({ id: twin.id, method: twin.method, title: `${twin.title} (second copy)`, date: twin.date, decision: 'awaiting', covers: [[u, [ids[0]]]], location: 'ref', value: 'Paper copy held in the learner file' });
      made.push({ kind, code: 'duplicate-evidence-id', file, detail: `a second item ${twin.id}` });
    }
  }

  // Write the portfolio and its evidence files.
  mkdirSync(dir, { recursive: true });
  let evidenceFiles = 0;
  if (items.some((it) => it.location === 'file' && !it.missing)) mkdirSync(join(dir, 'evidence'), { recursive: true });
  const employer = rng.pick(EMPLOYERS);
  const y = [];
  y.push(`# Generated learner ${k + 1} (${stage === 'new' ? 'just registered' : stage === 'complete' ? 'all units planned to completion' : 'in progress'}).`);
  y.push(`learner: { name: ${q(name)}, uln: "${learnerUln}", email: ${slug(first)}.${slug(last)}${k + 1}@learners.example }`);
  y.push(`qualification: ${qual.id}`);
  y.push(`registered: ${iso(registered)}`);
  y.push(`assessor: ${assessor.id}`);
  y.push(`notes: ${q(`${rng.pick(ROLES).replace(/^\w/, (c) => c.toUpperCase())}, ${employer}`)}`);
  y.push(`optional-units: [${optional.map((u) => u.id).join(', ')}]`);
  if (witnesses.length) {
    y.push('witnesses:');
    for (const w of witnesses) y.push(`  - { id: ${w.id}, name: ${q(w.name)}, relationship: ${w.relationship}, status: ${w.status} }`);
  }
  if (items.length) {
    y.push('', 'evidence:');
    for (const it of items) {
      y.push(`  - id: ${it.id}`, `    title: ${JSON.stringify(it.title)}`, `    method: ${it.method}`);
      if (it.witness) y.push(`    witness: ${it.witness.id}`);
      y.push(`    date: ${iso(it.date)}`);
      if (it.location === 'file') y.push(`    file: ${it.path}`);
      else if (it.location === 'url') y.push(`    url: ${it.value}`);
      else y.push(`    ref: ${JSON.stringify(it.value)}`);
      y.push('    covers:');
      for (const [u, ids] of it.covers) y.push(`      ${u.id}: [${ids.join(', ')}]`);
      if (it.assessment) {
        const a = it.assessment;
        y.push(`    assessment: { by: ${a.by}, date: ${iso(a.date)}, decision: ${a.decision}${a.feedback ? `, feedback: ${JSON.stringify(a.feedback)}` : ''} }`);
      }
      y.push('');
      if (it.location === 'file' && !it.missing) {
        const body = [
          `# ${it.id} ${it.title}`,
          '',
          `Learner: ${name} (${id}), ${employer}`,
          `Method: ${it.method}${it.witness ? ` (witness: ${it.witness.name}, ${it.witness.relationship})` : ''}`,
          `Date: ${iso(it.date)}`,
          `Covers: ${it.covers.map(([u, ids]) => `${u.id} ${ids.join(', ')}`).join('; ')}`,
          '',
          'Synthetic evidence written by scripts/generate.mjs.',
          '',
        ];
        writeFileSync(join(dir, it.path), body.join('\n'));
        evidenceFiles++;
      }
    }
  }
  if (signoffs.length) {
    y.push('signoffs:');
    for (const s of signoffs) y.push(`  - { unit: ${s.unit.id}, by: ${s.by}, date: ${iso(s.date)} }`);
  }
  if (iqa.length) {
    y.push('iqa:');
    for (const r of iqa) {
      const extra = (r.evidence.length ? `, evidence: [${r.evidence.join(', ')}]` : '') + (r.feedback ? `, feedback: ${JSON.stringify(r.feedback)}` : '');
      y.push(`  - { unit: ${r.unit.id}, by: ${r.by}, date: ${iso(r.date)}, stage: ${r.stage}, decision: ${r.decision}${extra} }`);
    }
  }
  writeFileSync(join(dir, 'portfolio.yaml'), `${y.join('\n').replace(/\n+$/, '')}\n`);
  return { id, items: items.length, evidenceFiles, problems: made };
}

// ---------------------------------------------------------------- the centre

export function generate({ learners, seed, out, problems }) {
  const t0 = Date.now();
  const specs = loadSpecs();
  mkdirSync(join(out, 'specs'), { recursive: true });
  cpSync(join(REPO, 'specs/units'), join(out, 'specs/units'), { recursive: true });
  cpSync(join(REPO, 'specs/qualifications'), join(out, 'specs/qualifications'), { recursive: true });
  const specFiles = readdirSync(join(out, 'specs/units')).length + readdirSync(join(out, 'specs/qualifications')).length;
  mkdirSync(join(out, 'portfolios'), { recursive: true });
  const staff = makeStaff(seed, learners);
  writeFileSync(join(out, 'portfolios/centre.yaml'), centreYaml(staff));

  // Deliberate problems: which learners, decided up front from their own stream. Learners 1–3
  // (the ones that pin the statuses) stay clean.
  const count = problems ?? Math.max(4, Math.round((learners * 5) / 1000));
  const kinds = ['unknown-criterion', 'evidence-file-missing', 'unknown-staff', 'duplicate-evidence-id'];
  const prng = rngFor(seed, 'problems', learners);
  const candidates = prng.shuffle(Array.from({ length: Math.max(0, learners - 3) }, (_, i) => i + 3));
  const byLearner = new Map();
  for (let i = 0; i < count; i++) {
    const k = candidates.length ? candidates[i % candidates.length] : undefined;
    if (k === undefined) break;
    const list = byLearner.get(k) ?? [];
    if (!list.includes(kinds[i % kinds.length])) list.push(kinds[i % kinds.length]);
    byLearner.set(k, list);
  }

  const ctx = { seed, qual: specs.qualification, staff, out, ulns: new Set() };
  let items = 0;
  let evidenceFiles = 0;
  const made = [];
  for (let k = 0; k < learners; k++) {
    const r = makeLearner(ctx, k, byLearner.get(k) ?? []);
    items += r.items;
    evidenceFiles += r.evidenceFiles;
    made.push(...r.problems);
  }
  const summary = {
    learners,
    seed,
    yamlFiles: specFiles + 1 + learners,
    evidenceFiles,
    evidenceItems: items,
    staff: staff.all.length,
    problems: made.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    ms: Date.now() - t0,
  };
  writeFileSync(join(out, 'generated.json'), `${JSON.stringify({ ...summary, ms: undefined }, null, 2)}\n`);
  return summary;
}

// ---------------------------------------------------------------- command line

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const out = resolve(opts.out);
  if (existsSync(join(out, 'portfolios')) || existsSync(join(out, 'specs'))) {
    if (!opts.force && !existsSync(join(out, 'generated.json'))) {
      usage(`${out} already holds a centre that this script did not generate; choose another --out or pass --force`);
    }
    rmSync(join(out, 'portfolios'), { recursive: true, force: true });
    rmSync(join(out, 'specs'), { recursive: true, force: true });
    if (opts.history !== undefined) rmSync(join(out, '.git'), { recursive: true, force: true });
  }
  const s = generate({ ...opts, out });
  const n = (x) => x.toLocaleString('en-GB');
  const kinds = [...new Set(s.problems.map((p) => p.code))].join(', ');
  process.stdout.write(
    `generated ${out}: ${n(s.yamlFiles)} YAML files + ${n(s.evidenceFiles)} evidence files, ${n(s.learners)} learners, ${n(s.staff)} staff, ${n(s.evidenceItems)} evidence items, ${s.problems.length} deliberate problems${kinds ? ` (${kinds})` : ''} in ${(s.ms / 1000).toFixed(1)} s\n`,
  );
  if (opts.history !== undefined) {
    const t = Date.now();
    const h = generateHistory(out, opts.history);
    process.stdout.write(`history: ${n(h.commits)} commits recording ${n(h.events)} events, ${h.renamed} folders renamed, in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  }
}
