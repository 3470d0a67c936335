// Rule case tables for identifier check characters: every worked example in
// shared/reference/facts.md ("Identifiers and their check characters"), plus the unit numbers
// of the seed forms.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkQn, checkUln, checkUrn, isQnShaped, isUrnShaped, qnCheckCharacter, urnCheckLetter } from '../src/ids.js';

describe('unit reference numbers (URN)', () => {
  // [urn, check letter the scheme computes, why]
  it.each([
    ['Y/507/5967', 'Y', 'older scheme: 175 mod 11 = 10'],
    ['L/506/1807', 'L', 'older scheme: 127 mod 11 = 6'],
    ['A/505/2763', 'A', 'older scheme: 132 mod 11 = 0'],
    ['K/650/2116', 'K', 'newer scheme from 650: (21 + 6) mod 11 = 5'],
    ['R/601/1436', 'R', 'the real unit behind the wrong M/601/1436'],
    ['A/506/2130', 'A', 'seed 001 mandatory unit'],
    ['F/506/2131', 'F', 'seed 001 mandatory unit'],
  ])('%s has check letter %s (%s)', (urn, letter) => {
    expect(urnCheckLetter(urn)).toBe(letter);
    expect(checkUrn(urn)).toEqual({ ok: true });
  });

  // [given, expected corrected number, expected letter]
  it.each([
    ['M/601/1436', 'R/601/1436', 'R'],
    ['F/650/2116', 'K/650/2116', 'K'], // F is what the older scheme would give
    ['A/507/5967', 'Y/507/5967', 'Y'],
    ['Y/505/2763', 'A/505/2763', 'A'],
  ])('%s is wrong: should be %s', (given, expected, letter) => {
    expect(checkUrn(given)).toEqual({ ok: false, expected, reason: `check letter should be ${letter}` });
  });

  it('K/650/2116 differs between the schemes: the older weighted sum would give F', () => {
    // 8·6 + 7·5 + 6·0 + 5·2 + 4·1 + 3·1 + 2·6 = 112, 112 mod 11 = 2 → F
    const older = [6, 5, 0, 2, 1, 1, 6].reduce((s, d, i) => s + d * (8 - i), 0) % 11;
    expect('ADFHJKLMRTY'[older]).toBe('F');
    expect(urnCheckLetter('K/650/2116')).toBe('K');
  });

  // Boundary of the two schemes: 649 is older, 650 newer.
  it.each([
    ['D/649/0000', 'older: 8·6+7·4+6·9 = 130 mod 11 = 9 → T', 'T'],
    ['D/650/0000', 'newer: 6+5+0+6 = 17 mod 11 = 6 → L', 'L'],
  ])('%s: %s', (urn, _why, letter) => {
    expect(urnCheckLetter(urn)).toBe(letter);
  });

  it.each([['201'], ['101'], ['H/506/215'], ['h/506/2154'], ['H-506-2154'], ['']])(
    'a number that is not URN-shaped (%j) is not checked',
    (id) => {
      expect(isUrnShaped(id)).toBe(false);
      expect(urnCheckLetter(id)).toBeUndefined();
      expect(checkUrn(id)).toEqual({ ok: true });
    },
  );

  describe('every unit number in the seed forms passes', () => {
    const dir = new URL('../seeds/', import.meta.url);
    const text = readdirSync(fileURLToPath(dir))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    const urns = [...new Set(text.match(/\b[A-Z]\/\d{3}\/\d{4}\b/g) ?? [])].sort();

    it('finds the seed unit numbers (at least 40; facts.md says 42)', () => {
      expect(urns.length).toBeGreaterThanOrEqual(40);
      expect(urns.length).toBe(42);
    });

    it.each(urns)('%s', (urn) => {
      expect(checkUrn(urn)).toEqual({ ok: true });
    });
  });
});

describe('qualification numbers (QN)', () => {
  // [qn, computed check character]
  it.each([
    ['601/3734/4', '4'], // 114 mod 11 = 4
    ['600/8912/X', 'X'], // 131 mod 11 = 10 → X
    ['610/0006/8', '8'], // exception range: (13 + 6) mod 11 = 8
    ['60137344', '4'], // slash-less form of 601/3734/4
    ['601/3562/1', '1'],
    ['601/3424/0', '0'],
    ['601/4026/4', '4'],
    ['601/3973/0', '0'],
    ['601/3576/1', '1'],
  ])('%s is valid (check character %s)', (qn, c) => {
    expect(isQnShaped(qn)).toBe(true);
    expect(qnCheckCharacter(qn)).toBe(c);
    expect(checkQn(qn)).toEqual({ ok: true });
  });

  // [given, expected corrected number, expected character]
  it.each([
    ['500/1234/X', '500/1234/4', '4'],
    ['601/3734/5', '601/3734/4', '4'],
    ['600/8912/0', '600/8912/X', 'X'],
    ['60137345', '60137344', '4'],
    ['610/0006/3', '610/0006/8', '8'], // 3 is what the ordinary weighted sum would give
  ])('%s is wrong: should be %s', (given, expected, c) => {
    expect(checkQn(given)).toEqual({ ok: false, expected, reason: `check character should be ${c}` });
  });

  // The 610/0000–610/0124 exception and its edges. [qn, character, scheme]
  it.each([
    ['610/0000', '2', 'exception: (7 + 6) mod 11'],
    ['610/0124', '9', 'exception: (14 + 6) mod 11'],
    ['610/0125', '9', 'ordinary: 75 mod 11'],
    ['610/0126', '0', 'ordinary: 77 mod 11'],
    ['609/0124', 'X', 'ordinary: 120 mod 11 = 10 (not 610)'],
    ['611/0000', '6', 'ordinary: 61 mod 11 (not 610; the exception would give 3)'],
  ])('%s → %s (%s)', (stem, c) => {
    expect(qnCheckCharacter(`${stem}/0`)).toBe(c);
    expect(checkQn(`${stem}/${c}`)).toEqual({ ok: true });
  });

  it('610/0124 and 610/0125 would swap results under the other scheme', () => {
    // ordinary scheme on 610/0124 gives 73 mod 11 = 7; exception on 610/0125 gives 21 mod 11 = 10
    expect(checkQn('610/0124/7')).toMatchObject({ ok: false, expected: '610/0124/9' });
    expect(checkQn('610/0125/X')).toMatchObject({ ok: false, expected: '610/0125/9' });
  });

  it.each([['601/3734'], ['601/373/4'], ['A01/3734/4'], ['601/3734/Y'], ['6013734']])('%j is not QN-shaped and not checked', (id) => {
    expect(isQnShaped(id)).toBe(false);
    expect(qnCheckCharacter(id)).toBeUndefined();
    expect(checkQn(id)).toEqual({ ok: true });
  });
});

describe('Unique Learner Numbers (ULN)', () => {
  // Weights 10, 9, … 2 over the first nine digits; r = total mod 11; check digit = 10 − r.
  it.each([
    ['0000000042', 'total 4×2 = 8, r = 8, check 2'],
    ['1234567899', 'total 210, r = 1, check 9'],
    ['9999999999', 'the temporary ULN (its own check digit would not pass)'],
    ['1000000000', 'total 10, r = 10, check 0'],
    ['0100000001', 'total 9, r = 9, check 1'],
  ])('%s is valid (%s)', (uln) => {
    expect(checkUln(uln)).toEqual({ ok: true });
  });

  it('9999999999 would fail the arithmetic: it passes only as the temporary ULN', () => {
    // 9 × (10+9+…+2) = 9 × 54 = 486, 486 mod 11 = 2, check digit 8
    expect(checkUln('9999999998')).toEqual({ ok: true });
    expect(checkUln('9999999997')).toEqual({ ok: false, expected: '9999999998', reason: 'check digit should be 8' });
  });

  it.each([
    ['1234567898', '1234567899', 9],
    ['0000000043', '0000000042', 2],
    ['1000000001', '1000000000', 0],
    ['0100000002', '0100000001', 1],
    [' 1234567890 ', '1234567899', 9],
  ])('%j has the wrong check digit: should be %s', (given, expected, d) => {
    expect(checkUln(given)).toEqual({ ok: false, expected, reason: `check digit should be ${d}` });
  });

  // r = 0: no check digit can make the number valid, whatever the tenth digit is.
  it.each([
    ['0000000140', '1×3 + 4×2 = 11'],
    ['0000000149', '1×3 + 4×2 = 11'],
    ['1000000060', '1×10 + 6×2 = 22'],
    ['1000000069', '1×10 + 6×2 = 22'],
    ['0000000000', 'total 0'],
  ])('%s: r = 0 (%s), so it is invalid', (uln) => {
    expect(checkUln(uln)).toEqual({ ok: false, expected: '', reason: 'no check digit can make these first nine digits valid' });
  });

  it.each([
    ['123456789', 'nine digits'],
    ['12345678901', 'eleven digits'],
    ['', 'empty'],
    ['12345 67899', 'a space inside'],
    ['123456789X', 'a letter'],
    ['99999999999', 'eleven nines (not the temporary ULN)'],
    ['999999999', 'nine nines (not the temporary ULN)'],
  ])('%j is rejected (%s)', (uln) => {
    expect(checkUln(uln)).toEqual({ ok: false, expected: '', reason: 'a ULN is exactly 10 digits' });
  });
});
