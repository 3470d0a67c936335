// Staff as git sees them: by their email addresses. A commit's author and a signature's signer
// are matched to the staff member a record names through centre.yaml's email:, case-insensitively,
// since mail systems and git configs disagree about case.
import type { CentreInfo, Staff } from '../model/types.js';
import type { Person } from '../git/index.js';

export interface StaffBook {
  get(id: string): Staff | undefined;
  /** Does this address belong to staff member id? */
  owns(id: string, email: string): boolean;
  /** The staff member with this address, if any. */
  byEmail(email: string): Staff | undefined;
}

const key = (email: string) => email.trim().toLowerCase();

export function staffBook(centre: CentreInfo): StaffBook {
  const byEmail = new Map<string, Staff>();
  for (const s of centre.staff.values()) for (const e of s.emails) if (!byEmail.has(key(e))) byEmail.set(key(e), s);
  return {
    get: (id) => centre.staff.get(id),
    owns: (id, email) => (centre.staff.get(id)?.emails ?? []).some((e) => key(e) === key(email)),
    byEmail: (email) => byEmail.get(key(email)),
  };
}

/** "Priya Shah <priya@example.org> (the learner)": who a commit's author is, as far as the
 * centre knows. */
export function whoIs(p: Person, staff: StaffBook, learner?: string): string {
  const known = staff.byEmail(p.email);
  const role = known ? ` (${known.id})` : learner !== undefined && key(learner) === key(p.email) ? ' (the learner)' : '';
  return `${p.name} <${p.email}>${role}`;
}

/** "Alex Jones (a.jones, alex@example.org)": the staff member a record names. */
export function named(s: Staff): string {
  return `${s.name} (${[s.id, ...s.emails].join(', ')})`;
}

/** The address in a signer as git reports it: an SSH principal ("alex@example.org"), or an
 * OpenPGP user id ("Alex Jones <alex@example.org>"). */
export function signerEmail(signer: string): string {
  return /<([^>]*)>/.exec(signer)?.[1] ?? signer.trim();
}

export const short = (commit: string) => commit.slice(0, 8);
