// Who records, and on which day. --by defaults to the staff member whose email in centre.yaml
// is the one git commits with here (git config user.email, read through src/git/run.ts, which
// runs no program git config names); --date to today. A role the person does not hold and a
// date after today are refused by check's own rules (staff-role, future-date) before writing.
import { isIsoDate } from '../dates.js';
import { runGit } from '../git/run.js';
import type { Specs, Staff } from '../model/types.js';
import { visible } from '../render/safe.js';
import { UsageError } from '../usage-error.js';

/** git's user.email here, or undefined when git is absent or none is set. */
export function gitEmail(root: string): string | undefined {
  try {
    const r = runGit(root, ['config', '--get', 'user.email']);
    const email = r.status === 0 ? r.stdout.toString('utf8').trim() : '';
    return email || undefined;
  } catch {
    return undefined;
  }
}

/** The staff member who records: the one named, or the one git's email names. by: a staff id
 * that is not on the list is returned as it is, for check's unknown-staff to refuse. */
export function whoRecords(specs: Specs, root: string, by: string | undefined, required: boolean): { id: string; staff?: Staff } | undefined {
  const staff = specs.centre?.staff;
  if (by !== undefined) {
    return { id: by, staff: staff?.get(by) };
  }
  const email = gitEmail(root);
  const matches = email ? [...(staff?.values() ?? [])].filter((s) => s.emails.some((e) => e.toLowerCase() === email.toLowerCase())) : [];
  if (matches.length === 1) return { id: matches[0]!.id, staff: matches[0] };
  if (!required) return undefined;
  if (matches.length > 1) throw new UsageError(`git's user.email "${visible(email!)}" belongs to ${matches.map((m) => m.id).join(' and ')} in portfolios/centre.yaml: say who records with --by STAFF-ID`);
  throw new UsageError(
    email
      ? `no staff member in portfolios/centre.yaml has the email git commits with here (git config user.email: "${visible(email)}"): give --by STAFF-ID, or add that address to your email: in centre.yaml`
      : 'no --by given, and git has no user.email here to find you on the staff list by: give --by STAFF-ID, or set "git config user.email" to the address centre.yaml gives for you',
  );
}

/** The day a record is dated: --date (or the flag named) as given (YYYY-MM-DD), else today. */
export function recordDate(date: string | undefined, today: string, flag = '--date'): string {
  if (date === undefined) return today;
  if (!isIsoDate(date)) throw new UsageError(`${flag} "${visible(date)}" is not a date: write it as YYYY-MM-DD, e.g. ${today}`);
  return date;
}
