// Calendar dates as the files write them (YYYY-MM-DD), and the calendar arithmetic rules need
// (anniversaries, ages in years, months and days). Apart from the schemas so that the command
// line can check --as-of without loading them.
import { UsageError } from './usage-error.js';

/** A real calendar date written YYYY-MM-DD, leap years included. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** A day given to an option (--as-of, --since, --from, --registered), as given, or the usage
 * error that names the option. */
export function dayOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`${name} "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-06-30`);
  return value;
}

const parts = (s: string) => s.split('-').map(Number) as [number, number, number];
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A date some whole months later. A day the later month does not have becomes its last day,
 * as date libraries do: 29 February plus a year is 28 February in a year that is not leap. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, Math.min(d, daysIn(ny, nm)));
}

/** A date some days later (or earlier, for a negative number of days). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return iso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** The time from one date to a later one: whole months (by addMonths), then days. */
export function monthsAndDays(from: string, to: string): { months: number; days: number } {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  while (months > 0 && addMonths(from, months) > to) months--;
  const start = parts(addMonths(from, months));
  const end = parts(to);
  const days = Math.round((Date.UTC(end[0], end[1] - 1, end[2]) - Date.UTC(start[0], start[1] - 1, start[2])) / 86_400_000);
  return { months, days };
}

/** "3 years, 8 months and 2 days", leaving out what is zero. */
export function ageText({ months, days }: { months: number; days: number }): string {
  const n = (k: number, unit: string) => `${k} ${unit}${k === 1 ? '' : 's'}`;
  const out = [months >= 12 ? n(Math.floor(months / 12), 'year') : '', months % 12 ? n(months % 12, 'month') : '', days ? n(days, 'day') : ''].filter(Boolean);
  if (!out.length) return '0 days';
  return out.length === 1 ? out[0]! : `${out.slice(0, -1).join(', ')} and ${out[out.length - 1]}`;
}
