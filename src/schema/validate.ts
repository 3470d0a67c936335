// Turn zod issues into findings with our codes, and salvage what is valid.
// A single bad field must not make a whole learner vanish from status: we drop the offending
// optional field, or failing that the list item that holds it, and validate again. The
// findings always come from the first pass, so nothing is hidden.
import type { z } from 'zod';
import { q, type Code, type Finding, type MessageData } from '../diagnostics.js';
import { closest } from '../text.js';

export interface Validated<T> {
  data: T | undefined;
  findings: Finding[];
  /** Original index of each surviving list item, keyed by the list's data path. */
  indices: IndexMap;
}

export class IndexMap {
  private removed = new Map<string, number[]>();
  /** Per list, the removed indices in order, and for each how many items survive before it;
   * rebuilt after a drop, when next asked (a sort per question was quadratic). */
  private sorted = new Map<string, { gone: number[]; before: number[] }>();
  drop(listPath: (string | number)[], index: number): void {
    const k = JSON.stringify(listPath);
    const list = this.removed.get(k) ?? [];
    list.push(index);
    this.removed.set(k, list);
    this.sorted.delete(k);
  }
  /** The index in the file of the n-th surviving item of the list at listPath. */
  original(listPath: (string | number)[], n: number): number {
    if (this.removed.size === 0) return n; // nearly every file: nothing was dropped
    const k = JSON.stringify(listPath);
    let s = this.sorted.get(k);
    if (!s) {
      const gone = (this.removed.get(k) ?? []).slice().sort((a, b) => a - b);
      s = { gone, before: gone.map((g, j) => g - j) };
      this.sorted.set(k, s);
    }
    // Survivor n comes after every removed item with at most n survivors before it.
    let lo = 0;
    let hi = s.before.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s.before[mid]! <= n) lo = mid + 1;
      else hi = mid;
    }
    return n + lo;
  }
  /** A path of surviving indices, rewritten with the indices the items have in the file. */
  originalPath(path: (string | number)[]): (string | number)[] {
    const out: (string | number)[] = [];
    for (const step of path) out.push(typeof step === 'number' ? this.original(out.slice(), step) : step);
    return out;
  }
}

const MAX_PASSES = 8;

export function validate<S extends z.ZodType>(schema: S, value: unknown, file: string, what: string): Validated<z.output<S>> {
  const indices = new IndexMap();
  const first = schema.safeParse(value, { reportInput: true });
  if (first.success) return { data: first.data, findings: [], indices };
  const findings = first.error.issues.flatMap((iss) => toFindings(iss, file, what));

  let current: unknown = structuredClone(value);
  let issues = first.error.issues;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const drops = new Map<string, { list: (string | number)[]; index: number }>();
    for (const iss of issues) {
      const drop = repair(current, iss);
      if (drop) drops.set(JSON.stringify(drop), drop);
    }
    // Each item is dropped once. Where it was in the file is worked out for every drop before
    // any is made, and each list is then compacted once (a splice per item was quadratic).
    const byList = new Map<unknown[], Set<number>>();
    const made: { list: (string | number)[]; index: number }[] = [];
    for (const { list, index } of drops.values()) {
      const items = at(current, list);
      if (!Array.isArray(items) || items[index] === undefined) continue;
      let set = byList.get(items);
      if (!set) byList.set(items, (set = new Set()));
      if (set.has(index)) continue;
      set.add(index);
      const orig = indices.originalPath(list);
      made.push({ list: orig, index: indices.original(orig, index) });
    }
    for (const m of made) indices.drop(m.list, m.index);
    for (const [items, gone] of byList) {
      let w = 0;
      for (let r = 0; r < items.length; r++) if (!gone.has(r)) items[w++] = items[r];
      items.length = w;
    }
    const again = schema.safeParse(current, { reportInput: true });
    if (again.success) return { data: again.data, findings, indices };
    issues = again.error.issues;
  }
  return { data: undefined, findings, indices };
}

/** Fix what can be fixed in place; return the list item to drop when nothing else will do. */
function repair(root: unknown, iss: z.core.$ZodIssue): { list: (string | number)[]; index: number } | undefined {
  const path = iss.path as (string | number)[];
  if (iss.code === 'unrecognized_keys') {
    const obj = at(root, path);
    if (obj && typeof obj === 'object') for (const k of iss.keys) delete (obj as Record<string, unknown>)[k];
    return undefined;
  }
  // An optional field with a bad value: drop the field. A missing required field cannot be
  // dropped, so drop the innermost list item that holds the issue.
  const leaf = path[path.length - 1];
  const parent = at(root, path.slice(0, -1));
  const missing = (iss.code === 'invalid_type' || iss.code === 'invalid_value') && (iss.input === undefined || iss.input === null);
  if (!missing && typeof leaf === 'string' && parent && typeof parent === 'object' && !Array.isArray(parent) && leaf in parent) {
    // If this field is required, the next pass reports it missing and the item is dropped.
    delete (parent as Record<string, unknown>)[leaf];
    return undefined;
  }
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'number' && Array.isArray(at(root, path.slice(0, i)))) return { list: path.slice(0, i), index: path[i] as number };
  }
  // In no list (withdrawn: { date: 2026-02-30 }): drop the mapping that holds it. When that is
  // required too, the next pass reports it missing and goes up again, up to the file itself.
  if (path.length >= 2) {
    const key = path[path.length - 2];
    const holder = at(root, path.slice(0, -2));
    if (typeof key === 'string' && holder && typeof holder === 'object' && !Array.isArray(holder) && key in holder) delete (holder as Record<string, unknown>)[key];
  }
  return undefined;
}

function at(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const step of path) {
    if (node == null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

function fieldName(path: (string | number)[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') parts.push(`[${p + 1}]`);
    else parts.push(parts.length ? `.${p}` : p);
  }
  return parts.join('') || 'the file';
}

/** A value found where another was expected, as data: its kind, and the text itself when it
 * is one (a list or a mapping is not copied into the finding). */
function found(v: unknown): MessageData {
  if (v === null || v === undefined) return { kind: 'nothing', value: null };
  if (typeof v === 'string') return { kind: 'text', value: v };
  if (Array.isArray(v)) return { kind: 'list', value: null };
  if (typeof v === 'object') return { kind: 'mapping', value: null };
  return { kind: typeof v, value: String(v) };
}

function show(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return q(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function toFindings(iss: z.core.$ZodIssue, file: string, what: string): Finding[] {
  const path = iss.path as (string | number)[];
  const name = fieldName(path);
  const target = { file, path };
  // Every finding names the field (its data path, as the message's field name is written from
  // it) and the value found, when one was.
  const one = (code: Code, messageId: string, data: MessageData, message: string, key = false): Finding[] => [{ code, messageId, data: { field: path, ...data }, target: { ...target, key }, message }];
  const missing = (messageId: string, data: MessageData, message: string): Finding[] => {
    const parentPath = path.slice(0, -1);
    return [{ code: 'missing-field', messageId, data: { field: parentPath, key: String(path[path.length - 1]), ...data }, target: { file, path: parentPath, key: true }, message }];
  };

  switch (iss.code) {
    case 'unrecognized_keys': {
      let allowed: string[] = [];
      try {
        allowed = JSON.parse(iss.message) as string[];
      } catch {
        /* message was not ours */
      }
      return iss.keys.map((k) => {
        const guess = closest(k, allowed);
        const hint = guess ? `did you mean ${q(guess)}?` : `remove it or use one of: ${allowed.join(', ')}`;
        const where = path.length ? ` in ${fieldName(path)}` : ` in a ${what}`;
        const data = { field: path, key: k, guess: guess ?? null, allowed };
        return { code: 'unknown-key' as const, messageId: guess ? 'did-you-mean' : 'not-allowed', data, target: { file, path: [...path, k], key: true }, message: `unknown key ${q(k)}${where}: ${hint}` };
      });
    }
    case 'invalid_type': {
      if (iss.input === undefined) {
        const parentPath = path.slice(0, -1);
        return missing('no-key', {}, `${parentPath.length ? fieldName(parentPath) : `the ${what}`} has no ${q(String(path[path.length - 1]))}: add it`);
      }
      if (iss.input === null) return one('missing-field', 'no-value', {}, `${name} has no value: fill it in or remove the key`, true);
      const expected = iss.expected === 'array' ? 'a list' : iss.expected === 'object' || iss.expected === 'record' ? 'a mapping of keys to values' : 'a single value (text)';
      return one('invalid-type', `expected-${iss.expected === 'array' ? 'list' : iss.expected === 'object' || iss.expected === 'record' ? 'mapping' : 'text'}`, found(iss.input), `${name} is ${show(iss.input)} but should be ${expected}`);
    }
    case 'invalid_value': {
      if (iss.input === undefined) {
        const parentPath = path.slice(0, -1);
        const values = iss.values.map(String);
        return missing('no-key-of-values', { values }, `${parentPath.length ? fieldName(parentPath) : `the ${what}`} has no ${q(String(path[path.length - 1]))}: add it (one of ${values.join(', ')})`);
      }
      const values = iss.values.map(String);
      const guess = typeof iss.input === 'string' ? closest(iss.input, values) : undefined;
      const hint = guess ? `did you mean ${q(guess)}?` : `use one of: ${values.join(', ')}`;
      return one('invalid-value', guess ? 'did-you-mean' : 'not-allowed', { ...found(iss.input), guess: guess ?? null, values }, `${name}: ${show(iss.input)} is not allowed here; ${hint}`);
    }
    case 'custom': {
      const p = (iss.params ?? {}) as { code?: Code; id?: string; data?: MessageData; problem?: string; fix?: string; message?: string };
      if (p.message) return one(p.code ?? 'invalid-value', p.id ?? 'custom', p.data ?? {}, p.message);
      return one(p.code ?? 'invalid-value', p.id ?? 'custom', found(iss.input), `${name}: ${show(iss.input)} ${p.problem ?? 'is not valid'}; ${p.fix ?? 'correct it'}`);
    }
    case 'invalid_union':
      return one('invalid-type', 'expected-text-or-list', found(iss.input), `${name} is ${show(iss.input)} but should be text or a list of texts`);
    default:
      return one('invalid-value', iss.code.replace(/_/g, '-'), found((iss as { input?: unknown }).input), `${name}: ${show((iss as { input?: unknown }).input)} is not valid (${iss.message})`);
  }
}
