// Identifier check characters, as in README "Check codes": unit reference numbers
// (URN, L/DDD/DDDD), qualification numbers (QN, DDD/DDDD/C) and Unique Learner Numbers.
// URN and QN schemes were inferred from real data (mismatch = warning); the ULN rule is the
// funding agency's own (mismatch = error).

const URN_LETTERS = 'ADFHJKLMRTY';

export const URN_PATTERN = /^([A-Z])\/(\d{3})\/(\d{4})$/;
export const QN_PATTERN = /^(\d{3})\/?(\d{4})\/?([0-9X])$/;

export type IdCheck = { ok: true } | { ok: false; expected: string; reason: string };

/** The check letter a unit reference number should carry, or undefined if it is not URN-shaped. */
export function urnCheckLetter(urn: string): string | undefined {
  const m = URN_PATTERN.exec(urn.trim());
  if (!m) return undefined;
  const digits = (m[2]! + m[3]!).split('').map(Number);
  const middle = Number(m[2]);
  const r =
    middle >= 650
      ? (digits.reduce((s, d) => s + d, 0) + 6) % 11
      : digits.reduce((s, d, i) => s + d * (8 - i), 0) % 11;
  return URN_LETTERS[r];
}

export function isUrnShaped(id: string): boolean {
  return URN_PATTERN.test(id.trim());
}

export function checkUrn(urn: string): IdCheck {
  const letter = urnCheckLetter(urn);
  if (letter === undefined) return { ok: true };
  const given = urn.trim()[0];
  if (given === letter) return { ok: true };
  return { ok: false, expected: `${letter}${urn.trim().slice(1)}`, reason: `check letter should be ${letter}` };
}

export function qnCheckCharacter(qn: string): string | undefined {
  const m = QN_PATTERN.exec(qn.trim());
  if (!m) return undefined;
  const digits = (m[1]! + m[2]!).split('').map(Number);
  const first = Number(m[1]);
  const second = Number(m[2]);
  const r =
    first === 610 && second <= 124
      ? (digits.reduce((s, d) => s + d, 0) + 6) % 11
      : digits.reduce((s, d, i) => s + d * (8 - i), 0) % 11;
  return r === 10 ? 'X' : String(r);
}

export function isQnShaped(id: string): boolean {
  return QN_PATTERN.test(id.trim());
}

export function checkQn(qn: string): IdCheck {
  const c = qnCheckCharacter(qn);
  if (c === undefined) return { ok: true };
  const t = qn.trim();
  if (t[t.length - 1] === c) return { ok: true };
  return { ok: false, expected: `${t.slice(0, -1)}${c}`, reason: `check character should be ${c}` };
}

/** The ULN the Learning Records Service gives while the real one is not yet known: valid, and
 * shared by any number of learners. */
export const TEMPORARY_ULN = '9999999999';

/** Whether a ULN must be a learner's own: a valid ULN other than the temporary one. Two
 * learners sharing one is duplicate-uln; changed-only checks look for it by this too. */
export function isOwnUln(uln: string | undefined): uln is string {
  return !!uln && uln !== TEMPORARY_ULN && checkUln(uln).ok;
}

export function checkUln(uln: string): IdCheck {
  const t = uln.trim();
  if (!/^\d{10}$/.test(t)) return { ok: false, expected: '', reason: 'a ULN is exactly 10 digits' };
  if (t === TEMPORARY_ULN) return { ok: true };
  const d = t.split('').map(Number);
  let total = 0;
  for (let i = 0; i <= 8; i++) total += d[i]! * (10 - i);
  const r = total % 11;
  if (r === 0) return { ok: false, expected: '', reason: 'no check digit can make these first nine digits valid' };
  const check = 10 - r; // r is 1..10 here, so the check digit is 0..9
  if (d[9] !== check) return { ok: false, expected: `${t.slice(0, 9)}${check}`, reason: `check digit should be ${check}` };
  return { ok: true };
}
