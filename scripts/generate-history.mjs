// The git history of a generated centre (npm run generate -- --history N), for the benchmarks
// of the commands that read history (progress, verify, history). Not used by folio itself.
//
// Each portfolio the generator wrote is taken apart into the events that made it: the
// registration (the lines before evidence:), each evidence item as submitted, each item's
// assessment decision, each sign-off and each IQA record, every one on its own date and by
// the staff member it names (the learner's assessor for a registration or a submission).
// The events of all learners are grouped into about N commits, each by one staff member over
// a few days, committed with that person's name and email from centre.yaml.
// Every 40th group is made on a branch and merged, every 97th learner's folder is renamed
// midway (it had another name before), and the last commit holds exactly the files the
// generator wrote. One `git fast-import` writes the whole history, so 5,000 commits take
// seconds. Deterministic: the same centre and N give the same commits (ids included).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ZONE = '+0000';

/** The events of one portfolio, and how to write the portfolio with any set of them applied. */
function eventsOf(id, dir, text) {
  const lines = text.replace(/\n$/, '').split('\n');
  const at = (re) => lines.findIndex((l) => re.test(l));
  const evStart = at(/^evidence:$/);
  const soStart = at(/^signoffs:$/);
  const iqStart = at(/^iqa:$/);
  const ends = [soStart, iqStart, lines.length].filter((x) => x >= 0);
  const headerEnd = evStart >= 0 ? evStart - 1 : Math.min(...ends); // the blank line before evidence:
  const header = lines.slice(0, headerEnd);
  const assessor = /^assessor: (.+)$/.exec(header.find((l) => l.startsWith('assessor: ')) ?? '')?.[1] ?? 'admin';
  const registered = /^registered: (\S+)/.exec(header.find((l) => l.startsWith('registered: ')) ?? '')?.[1] ?? '2024-01-01';
  const events = [{ kind: 'header', date: registered, by: assessor }];
  const items = [];
  if (evStart >= 0) {
    const end = Math.min(...[soStart, iqStart, lines.length].filter((x) => x > evStart));
    let cur;
    for (const l of lines.slice(evStart + 1, end)) {
      if (l.startsWith('  - id: ')) items.push((cur = { lines: [l] }));
      else if (cur && l !== '') cur.lines.push(l);
    }
    items.forEach((it, i) => {
      const date = /^ {4}date: (\S+)/.exec(it.lines.find((l) => l.startsWith('    date: ')) ?? '')?.[1] ?? registered;
      const a = it.lines.findIndex((l) => l.startsWith('    assessment: '));
      // a file the portfolio names and the generator did not write (a deliberate problem) stays missing
      const files = it.lines.map((l) => /^ {4}file: (\S+)/.exec(l)?.[1]).filter((f) => f && existsSync(join(dir, f)));
      events.push({ kind: 'item', i, date, by: assessor, files });
      if (a >= 0) {
        const m = /by: ([^,}]+), date: ([^,}]+)/.exec(it.lines[a]);
        it.assessment = a;
        events.push({ kind: 'assess', i, date: m?.[2]?.trim() ?? date, by: m?.[1]?.trim() ?? assessor });
      }
    });
  }
  const listOf = (start, kind) => {
    if (start < 0) return [];
    const out = [];
    for (const l of lines.slice(start + 1)) {
      if (!l.startsWith('  - ')) break;
      out.push(l);
      const m = /by: ([^,}]+), date: ([^,}]+)/.exec(l);
      events.push({ kind, i: out.length - 1, date: m?.[2]?.trim() ?? registered, by: m?.[1]?.trim() ?? assessor });
    }
    return out;
  };
  const signoffs = listOf(soStart, 'signoff');
  const iqa = listOf(iqStart, 'iqa');
  for (const e of events) e.learner = id;
  /** The portfolio with the events in `done` (a Set of events) applied, as the generator lays it out. */
  const render = (done) => {
    const has = (kind, i) => events.some((e) => done.has(e) && e.kind === kind && e.i === i);
    const y = [...header];
    const shown = items.filter((_, i) => has('item', i));
    if (shown.length) {
      y.push('', 'evidence:');
      items.forEach((it, i) => {
        if (!has('item', i)) return;
        y.push(...it.lines.filter((_, k) => k !== it.assessment || has('assess', i)), '');
      });
    }
    const so = signoffs.filter((_, i) => has('signoff', i));
    if (so.length) y.push('signoffs:', ...so);
    const iq = iqa.filter((_, i) => has('iqa', i));
    if (iq.length) y.push('iqa:', ...iq);
    return `${y.join('\n').replace(/\n+$/, '')}\n`;
  };
  return { events, render };
}

function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Writes the history into `out` (a generated centre): git init, one fast-import, checkout. */
export function generateHistory(out, commits) {
  const staff = new Map();
  for (const l of readFileSync(join(out, 'portfolios/centre.yaml'), 'utf8').split('\n')) {
    const m = /^ {2}- \{ id: ([^,]+), name: ("[^"]*"|[^,]+), .*email: ([^ }]+)/.exec(l);
    if (m) staff.set(m[1], { name: m[2].replace(/^"|"$/g, ''), email: m[3] });
  }
  const who = (id) => staff.get(id) ?? { name: id, email: `${id}@pennine-skills.example` };
  const learners = readdirSync(join(out, 'portfolios')).filter((n) => n !== 'centre.yaml').sort();
  const model = new Map();
  const events = [];
  for (const id of learners) {
    const m = eventsOf(id, join(out, 'portfolios', id), readFileSync(join(out, 'portfolios', id, 'portfolio.yaml'), 'utf8'));
    model.set(id, m);
    events.push(...m.events);
  }
  // Date order; on a day, each person's events together, learners in order.
  events.forEach((e, n) => (e.n = n));
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.by < b.by ? -1 : a.by > b.by ? 1 : a.n - b.n));
  // Each person's events over a span of days make one commit (split when large), the span
  // the shortest that gives at most about N commits, each dated on its last event's day.
  const size = Math.max(1, Math.ceil(events.length / Math.max(1, commits - 2)));
  const groupsFor = (span) => {
    const byKey = new Map();
    for (const e of events) {
      const key = `${Math.floor(Date.parse(`${e.date}T00:00:00Z`) / 86_400_000 / span)} ${e.by}`;
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      if (!list.length || list.at(-1).events.length >= size) list.push({ by: e.by, events: [] });
      list.at(-1).events.push(e);
    }
    return [...byKey.values()].flat();
  };
  let groups = groupsFor(1);
  for (let span = 2; groups.length > commits - 2 && span <= 366; span++) groups = groupsFor(span);
  for (const g of groups) g.date = g.events.reduce((d, e) => (e.date > d ? e.date : d), '');
  groups.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.events[0].n - b.events[0].n));
  // Renamed learners: every 97th (the sixth first), at their middle event; before it the folder has another name.
  const renamed = new Map(learners.filter((_, k) => k % 97 === 5).map((id) => [id, { from: `${id}-pre`, at: Math.floor(model.get(id).events.length / 2) }]));

  const first = events[0]?.date ?? '2024-01-01';
  const stream = [];
  let mark = 0;
  const blob = (data) => {
    const b = Buffer.from(data);
    stream.push(`blob\nmark :${++mark}\ndata ${b.length}\n`, b, '\n');
    return mark;
  };
  const perDay = new Map();
  const when = (date) => {
    const k = (perDay.get(date) ?? 0) + 1;
    perDay.set(date, k);
    const t = Date.parse(`${date}T08:00:00Z`) / 1000 + k * 97;
    return `${t} ${ZONE}`;
  };
  const commit = (branch, person, date, message, parents, ops) => {
    const p = who(person);
    const msg = Buffer.from(message);
    const time = when(date);
    stream.push(`commit refs/heads/${branch}\nmark :${++mark}\nauthor ${p.name} <${p.email}> ${time}\ncommitter ${p.name} <${p.email}> ${time}\ndata ${msg.length}\n`, msg, '\n');
    if (parents[0]) stream.push(`from :${parents[0]}\n`);
    for (const m of parents.slice(1)) stream.push(`merge :${m}\n`);
    stream.push(...ops, '\n');
    return mark;
  };

  // The first commit: the specs and the centre file, by the first admin on the day before anyone.
  const admin = [...staff.keys()].find((id) => /admin/.test(readFileSync(join(out, 'portfolios/centre.yaml'), 'utf8').split('\n').find((l) => l.includes(`id: ${id},`)) ?? '')) ?? [...staff.keys()][0];
  const ops0 = [];
  for (const f of [...filesUnder(join(out, 'specs')), join(out, 'portfolios/centre.yaml')]) ops0.push(`M 100644 :${blob(readFileSync(f))} ${relative(out, f)}\n`);
  const day0 = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  let head = commit('main', admin, day0, 'The centre: specs and staff', [], ops0);

  // Applied events per learner, on main and on the branch being built.
  const done = new Map(learners.map((id) => [id, new Set()]));
  const count = new Map(learners.map((id) => [id, 0]));
  const folderOf = (id) => (renamed.has(id) && count.get(id) <= renamed.get(id).at ? renamed.get(id).from : id);
  const opsFor = (g, state) => {
    const ops = [];
    const touched = [...new Set(g.events.map((e) => e.learner))];
    for (const e of g.events) {
      state.get(e.learner).add(e);
      for (const f of e.files ?? []) ops.push({ learner: e.learner, file: f });
    }
    return { touched, files: ops };
  };
  const write = (touched, files, state, subject) => {
    const ops = [];
    for (const id of touched) {
      const before = folderOf(id);
      count.set(id, count.get(id) + state.get(id).size - count.get(id));
      const folder = folderOf(id);
      if (before !== folder) {
        // the rename: the whole folder moves, with what it held
        ops.push(`D portfolios/${before}\n`);
        for (const e of state.get(id)) for (const f of e.files ?? []) ops.push(`M 100644 :${blob(readFileSync(join(out, 'portfolios', id, f)))} portfolios/${folder}/${f}\n`);
        subject.push(`rename ${before} to ${folder}`);
      }
      ops.push(`M 100644 :${blob(model.get(id).render(state.get(id)))} portfolios/${folder}/portfolio.yaml\n`);
    }
    for (const f of files) ops.push(`M 100644 :${blob(readFileSync(join(out, 'portfolios', f.learner, f.file)))} portfolios/${folderOf(f.learner)}/${f.file}\n`);
    return ops;
  };
  const describe = (g) => {
    const kinds = [...new Set(g.events.map((e) => e.kind))].map((k) => ({ header: 'register', item: 'add evidence', assess: 'record decisions', signoff: 'sign off units', iqa: 'record IQA' })[k]);
    const ids = [...new Set(g.events.map((e) => e.learner))];
    return `${kinds.join(', ')}: ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}`;
  };
  let made = 1;
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    const next = groups[k + 1];
    const learnersOf = (x) => new Set(x.events.map((e) => e.learner));
    // A branch: this group on main, the next on a branch from the same point, then a merge,
    // when the two touch different learners (as two assessors working at once would).
    if (k % 40 === 39 && next && ![...learnersOf(g)].some((id) => learnersOf(next).has(id)) && ![...learnersOf(g), ...learnersOf(next)].some((id) => renamed.has(id))) {
      const fork = head;
      const a = opsFor(g, done);
      const subject = [describe(g)];
      head = commit('main', g.by, g.date, subject.join('; '), [fork], write(a.touched, a.files, done, subject));
      const b = opsFor(next, done);
      const side = commit(`work/${next.by}`, next.by, next.date, describe(next), [fork], write(b.touched, b.files, done, []));
      // The merge's tree is main's plus the branch's files: write the branch's files again on main.
      const ops = [];
      for (const id of b.touched) ops.push(`M 100644 :${blob(model.get(id).render(done.get(id)))} portfolios/${folderOf(id)}/portfolio.yaml\n`);
      for (const f of b.files) ops.push(`M 100644 :${blob(readFileSync(join(out, 'portfolios', f.learner, f.file)))} portfolios/${folderOf(f.learner)}/${f.file}\n`);
      head = commit('main', next.by, next.date, `Merge branch 'work/${next.by}'`, [head, side], ops);
      stream.push(`reset refs/heads/work/${next.by}\nfrom 0000000000000000000000000000000000000000\n\n`);
      made += 3;
      k++;
      continue;
    }
    const a = opsFor(g, done);
    const subject = [describe(g)];
    head = commit('main', g.by, g.date, subject.join('; '), [head], write(a.touched, a.files, done, subject));
    made++;
  }
  // The last commit must hold what the generator wrote: say so if it does not.
  for (const id of learners) {
    const text = readFileSync(join(out, 'portfolios', id, 'portfolio.yaml'), 'utf8');
    if (model.get(id).render(done.get(id)) !== text) throw new Error(`generate --history: ${id}'s portfolio at the last commit differs from the file written`);
  }

  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const git = (args, input) => {
    const r = spawnSync('git', args, { cwd: out, env, input, maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.toString();
  };
  git(['init', '-q', '-b', 'main']);
  git(['fast-import', '--quiet', '--done'], Buffer.concat([...stream.map((s) => (typeof s === 'string' ? Buffer.from(s) : s)), Buffer.from('done\n')]));
  git(['reset', '-q', 'main']); // the index matches the last commit; the files are already there
  return { commits: made, events: events.length, renamed: renamed.size };
}
