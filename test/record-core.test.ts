// The writing core on files written in other styles than the sample's: every byte outside the
// new node stays, the new node copies its neighbours, and a file that changes between reading
// and writing is not written over.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { YAMLMap } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { fsReader } from '../src/load/reader.js';
import { prepareChange, runChange, RecordRefused } from '../src/record/core.js';
import { appendItem, setPair } from '../src/record/edit.js';
import { addLearner, addStaff, openCentre } from '../src/index.js';
import { folio, REPO } from './helpers.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function centreWith(portfolio: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'folio-record-core-'));
  made.push(dir);
  cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
  cpSync(join(REPO, 'portfolios/centre.yaml'), join(dir, 'portfolios/centre.yaml'));
  const file = join(dir, 'portfolios/NT-9001/portfolio.yaml');
  cpSync(join(REPO, 'portfolios/NT-0163/portfolio.yaml'), file); // makes the folder
  writeFileSync(file, portfolio);
  return { dir, file };
}

const HEAD = 'learner: { name: Test Learner }\nqualification: 601/3734/4\nregistered: 2026-11-02\nassessor: a.jones\n';

async function record(dir: string, args: string[]) {
  return folio([...args, '-C', dir, ...(args.includes('--by') ? [] : ['--by', 'a.jones'])], { cwd: dir });
}

describe('styles other than the sample', () => {
  it('a list not indented under its key, items with flow covers and comments between them', async () => {
    const text = `${HEAD}evidence:   # everything so far
- id: E1   # first
  title: Q
  method: questioning
  date: 2026-11-10
  ref: notes
  covers: { A/506/1964: [1.1] }
  # a note under E1, kept with it
# a note at the list's own level
signoffs: []
`;
    const { dir, file } = centreWith(text);
    const r = await record(dir, ['evidence', 'add', 'NT-9001', '--title', 'Q2', '--method', 'questioning', '--date', '2026-11-11', '--ref', 'more notes', '--covers', 'A/506/1964:1.2']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text.replace("  # a note under E1, kept with it\n", "  # a note under E1, kept with it\n- id: E2\n  title: Q2\n  method: questioning\n  date: 2026-11-11\n  ref: more notes\n  covers: { A/506/1964: [1.2] }\n"));
  });

  it('a flow list of flow mappings grows inside its brackets; a file without a final line break', async () => {
    const text = `${HEAD}evidence:\n  - { id: E1, method: questioning, date: 2026-11-10, ref: notes, covers: { A/506/1964: [1.1, 1.2, 1.3, 2.1, 2.2, 2.3] }, assessment: {by: a.jones, date: 2026-11-12, decision: accepted} }\nsignoffs: [{unit: F/506/2131, by: a.jones, date: 2026-11-01}]   # F signed off at transfer`;
    const { dir, file } = centreWith(text);
    // F/506/2131 signed off with nothing met is check's signoff-unmet already: not a new finding
    const r = await record(dir, ['signoff', 'NT-9001', 'A/506/1964', '--date', '2026-11-13']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('2026-11-01}]', '2026-11-01}, {unit: A/506/1964, by: a.jones, date: 2026-11-13}]'));
  });

  it('an assessment added to a flow evidence item stays inside its braces, in the neighbours\' style', async () => {
    const text = `${HEAD}evidence:\n  - { id: E1, method: questioning, date: 2026-11-10, ref: notes, covers: { A/506/1964: 1.1 } }\n`;
    const { dir, file } = centreWith(text);
    const r = await record(dir, ['assess', 'NT-9001', 'E1', '--accept', '--date', '2026-11-12']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('1.1 } }', '1.1 }, assessment: { by: a.jones, date: 2026-11-12, decision: accepted } }'));
  });

  it('CRLF line ends stay CRLF, new lines included; a missing list is added where the format puts it', async () => {
    const text = `${HEAD}witnesses: []\n# the evidence\nevidence:\n  - id: E1\n    method: questioning\n    date: 2026-11-10\n    ref: notes\n    covers:\n      A/506/1964: [1.1]\n`.replace(/\n/g, '\r\n');
    const { dir, file } = centreWith(text);
    const r = await record(dir, ['iqa', 'record', 'NT-9001', 'A/506/1964', '--stage', 'interim', '--agree', '--by', 'm.hughes', '--date', '2026-11-12']);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${text}iqa:\r\n  - { unit: A/506/1964, by: m.hughes, date: 2026-11-12, stage: interim, decision: agreed }\r\n`);
  });
});

describe('indentation and keys as the user wrote them', () => {
  it('a file indented by four: the new item nests its covers four deeper, as its neighbour does', async () => {
    const text = `${HEAD}evidence:\n    -   id: E1\n        method: questioning\n        date: 2026-11-10\n        ref: notes\n        covers:\n            A/506/1964: [1.1]\n`;
    const { dir, file } = centreWith(text);
    const r = await record(dir, ['evidence', 'add', 'NT-9001', '--title', 'Q2', '--method', 'questioning', '--date', '2026-11-11', '--ref', 'more', '--covers', 'A/506/1964:1.2']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${text}    -   id: E2\n        title: Q2\n        method: questioning\n        date: 2026-11-11\n        ref: more\n        covers:\n            A/506/1964: [1.2]\n`);
  });

  it('the first item of an empty list nests as the rest of the file does', async () => {
    const text = `learner:\n    name: Test Learner\nqualification: 601/3734/4\nregistered: 2026-11-02\nevidence: []\n`;
    const { dir, file } = centreWith(text);
    const r = await record(dir, ['evidence', 'add', 'NT-9001', '--title', 'Q', '--method', 'questioning', '--date', '2026-11-11', '--ref', 'notes', '--covers', 'A/506/1964:1.1']);
    expect(r.code).toBe(0);
    // the list's own indent is unknown (no block list in the file): the format's 2; a mapping's is 4
    expect(readFileSync(file, 'utf8')).toBe(text.replace('evidence: []\n', 'evidence:\n  - id: E01\n    title: Q\n    method: questioning\n    date: 2026-11-11\n    ref: notes\n    covers:\n        A/506/1964: [1.1]\n'));
  });

  it('a quoted key keeps its quotes when its empty list becomes a block list', async () => {
    const text = `${HEAD}"evidence": []   # none yet\n'signoffs': []\n`;
    const { dir, file } = centreWith(text);
    const r = await record(dir, ['evidence', 'add', 'NT-9001', '--title', 'Q', '--method', 'questioning', '--date', '2026-11-11', '--ref', 'notes', '--covers', 'A/506/1964:1.1']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('"evidence": []', '"evidence":\n  - id: E01\n    title: Q\n    method: questioning\n    date: 2026-11-11\n    ref: notes\n    covers:\n      A/506/1964: [1.1]'));
  });
});

describe('a file that changes while folio records', () => {
  it('is refused at the rename, and the other change survives', async () => {
    const text = `${HEAD}evidence: []\nsignoffs: []\n`;
    const { dir, file } = centreWith(text);
    const other = text.replace('registered: 2026-11-02', 'registered: 2026-11-03  # corrected by the admin');
    const change = {
      file: 'portfolios/NT-9001/portfolio.yaml',
      learner: 'NT-9001',
      edit: (doc: import('yaml').Document.Parsed, t: string) => [appendItem(doc, t, doc.contents as YAMLMap<unknown, unknown>, 'signoffs', { unit: 'A/506/1964', by: 'a.jones', date: '2026-11-20' }, { item: { flow: true, pad: true }, seqIndent: 2 }, ['signoffs'])],
      expect: (v: Record<string, unknown>) => void (v.signoffs = [{ unit: 'A/506/1964', by: 'a.jones', date: '2026-11-20' }]),
      allow: ['signoff-unmet'],
    };
    const refused = await runChange(dir, fsReader(dir), change, { asOf: '2026-12-01', beforeWrite: () => writeFileSync(file, other) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RecordRefused);
    expect((refused as RecordRefused).code).toBe('file-changed');
    expect(readFileSync(file, 'utf8')).toBe(other);
    // without the interference the same change is written
    writeFileSync(file, text);
    const done = await runChange(dir, fsReader(dir), change, { asOf: '2026-12-01' });
    expect(done.written).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('signoffs:\n  - { unit: A/506/1964, by: a.jones, date: 2026-11-20 }\n');
  });
});

describe('a prepared change (several files as one record: learner reassign)', () => {
  it('writes nothing until written; undo puts the old text back, but never over a later change', async () => {
    const text = `${HEAD}# the assessor moves\n`;
    const { dir, file } = centreWith(text);
    const change = {
      file: 'portfolios/NT-9001/portfolio.yaml',
      learner: 'NT-9001',
      edit: (doc: import('yaml').Document.Parsed, t: string) => [setPair(doc, t, doc.contents as YAMLMap<unknown, unknown>, 'assessor', 's.patel', ['assessor'], {})],
      expect: (v: Record<string, unknown>) => void (v.assessor = 's.patel'),
    };
    const p = await prepareChange(dir, fsReader(dir), change, { asOf: '2026-12-01' });
    expect(p.result.written).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(p.write().written).toBe(true);
    const moved = text.replace('assessor: a.jones', 'assessor: s.patel');
    expect(readFileSync(file, 'utf8')).toBe(moved);
    p.undo();
    expect(readFileSync(file, 'utf8')).toBe(text);
    // written again, then edited by someone else: undo leaves their edit
    const q = await prepareChange(dir, fsReader(dir), change, { asOf: '2026-12-01' });
    q.write();
    const theirs = `${moved}# theirs\n`;
    writeFileSync(file, theirs);
    q.undo();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });
});

describe('commands that change the whole centre assess it once before the change', () => {
  // Each full assessment reads every spec once (no cache here): before the change, and after it
  // with the new text in place. A third read would be the centre assessed twice before.
  async function specReads(act: (centre: import('../src/index.js').Centre) => Promise<unknown>) {
    const dir = mkdtempSync(join(tmpdir(), 'folio-record-once-'));
    made.push(dir);
    cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
    cpSync(join(REPO, 'portfolios'), join(dir, 'portfolios'), { recursive: true });
    const centre = await openCentre({ dir });
    const base = centre.reader;
    let reads = 0;
    centre.reader = { ...base, read: (f) => ((reads += f === 'specs/units/A-506-1964.yaml' ? 1 : 0), base.read(f)) };
    await act(centre);
    return reads;
  }

  it('folio staff add', async () => {
    expect(await specReads((c) => addStaff(c, { id: 't.brown', name: 'Tara Brown', roles: ['assessor'] }))).toBe(2);
  });

  it('folio learner add', async () => {
    expect(await specReads((c) => addLearner(c, { id: 'NT-0170', name: 'Sam Lee', qualification: '601/3734/4' }))).toBe(2);
  });
});
