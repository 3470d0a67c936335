// What a word on the command line can be, for shell completion (folio __complete): learner ids,
// the units of a learner's qualification, their evidence and witnesses, staff by role, methods.
// A key press must not wait for an assessment of the centre, so each list reads only the files
// it needs (the folder names, one portfolio, the specs through the spec stage without rules),
// and a centre that cannot be read gives no candidates rather than an error: completion never
// fails loudly.
import { findCentreRoot } from '../locate.js';
import { CENTRE_FILE, listLearners, PORTFOLIOS_DIR } from '../load/files.js';
import { fsReader, type Reader } from '../load/reader.js';
import type { Index } from '../model/index.js';
import type { Specs } from '../model/types.js';
import { specStage } from '../pipeline/specs.js';
import { METHODS } from '../schema/common.js';
import { parseYaml } from '../source.js';
import { unitsFor, type UnitChoice } from './choices.js';

/** The candidates for each kind of word, read when asked for (each list at most once). */
export interface CompletionSource {
  /** The learners' folder names (the folders of portfolios/). */
  learners(): string[];
  /** The units a record on the learner may name (number, aliases, criteria); every unit of the
   * specs when no learner is given. */
  units(learner?: string): UnitChoice[];
  /** The learner's evidence ids, in the portfolio's order. */
  evidence(learner: string): string[];
  /** The witness ids of the learner's portfolio. */
  witnesses(learner: string): string[];
  /** Staff ids, only those with the role when one is given. */
  staff(role?: string): string[];
  /** The qualification numbers in specs/qualifications/. */
  qualifications(): string[];
  methods(): string[];
}

const quiet = <T>(f: () => T[]): T[] => {
  try {
    return f();
  } catch {
    return [];
  }
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String) : []);

/** The completion candidates of the centre at or above dir (none when there is no centre). */
export function completionSource(dir: string): CompletionSource {
  const root = findCentreRoot(dir);
  const reader: Reader | undefined = root === undefined ? undefined : fsReader(root);
  let specs: { specs: Specs; index: Index } | undefined;
  const spec = () => (specs ??= specStage(reader!, []));
  const portfolios = new Map<string, Record<string, unknown>>();
  /** The learner's portfolio as data; {} when it cannot be read. */
  const portfolio = (learner: string): Record<string, unknown> => {
    const known = portfolios.get(learner);
    if (known) return known;
    let data: Record<string, unknown> = {};
    try {
      const entry = listLearners(reader!, [learner])[0];
      const v = entry ? parseYaml(entry.file, reader!.read(entry.file)).value : undefined;
      if (v && typeof v === 'object' && !Array.isArray(v)) data = v as Record<string, unknown>;
    } catch {
      data = {};
    }
    portfolios.set(learner, data);
    return data;
  };
  const items = (learner: string, key: string) => (Array.isArray(portfolio(learner)[key]) ? (portfolio(learner)[key] as unknown[]) : []).flatMap((x) => (x && typeof x === 'object' && 'id' in x && (typeof x.id === 'string' || typeof x.id === 'number') ? [String(x.id)] : []));
  const none = reader === undefined;
  return {
    // the folders of portfolios/, in one listing: a Tab press must not open each learner's folder
    learners: () => (none ? [] : quiet(() => reader.list(PORTFOLIOS_DIR).filter((e) => e.dir && !e.name.startsWith('.')).map((e) => e.name))),
    units: (learner) =>
      none
        ? []
        : quiet(() => {
            const { index, specs: s } = spec();
            if (learner === undefined) return s.units.map((u) => ({ id: u.id, aliases: [...u.aliases], title: u.title, criteria: [...u.criteria.keys()], outcomes: u.outcomes.map((o) => ({ id: o.id, criteria: o.criteria.map((c) => c.id) })) }));
            const p = portfolio(learner);
            return unitsFor(index, typeof p.qualification === 'string' ? p.qualification : undefined, strings(p['optional-units']));
          }),
    evidence: (learner) => (none ? [] : quiet(() => items(learner, 'evidence'))),
    witnesses: (learner) => (none ? [] : quiet(() => items(learner, 'witnesses'))),
    staff: (role) =>
      none
        ? []
        : quiet(() => {
            // the centre file alone: the specs are not needed for its staff list
            const v = parseYaml(CENTRE_FILE, reader.read(CENTRE_FILE)).value as { staff?: unknown } | null;
            const list = Array.isArray(v?.staff) ? (v.staff as unknown[]) : [];
            return list.flatMap((s) => {
              if (!s || typeof s !== 'object') return [];
              const { id, roles } = s as { id?: unknown; roles?: unknown };
              if (typeof id !== 'string') return [];
              return role === undefined || strings(roles).includes(role) ? [id] : [];
            });
          }),
    qualifications: () => (none ? [] : quiet(() => spec().specs.qualifications.map((q) => q.id))),
    methods: () => [...METHODS],
  };
}
