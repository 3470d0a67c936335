// Import's warnings are Diagnostics: a code from the README's table, a message id, the data
// the message is written from, and the line and column of the form. And the domain rules the
// importer shares with the model (outcome type from a title, numbers and aliases) are one.
import { describe, expect, it } from 'vitest';
import { IMPORT_MESSAGES, type ImportMessageId } from '../src/import/messages.js';
import { parseForm } from '../src/import/parse.js';
import { IMPORT_CODES } from '../src/import/types.js';
import { aliasMap } from '../src/model/aliases.js';
import { outcomeTypeOf } from '../src/model/outcome-type.js';

describe('import messages', () => {
  it('each message has a code of the README table, and each code a message', () => {
    const codes = new Set(Object.values(IMPORT_MESSAGES).map((m) => m.code));
    expect([...codes].sort()).toEqual(Object.keys(IMPORT_CODES).sort());
  });

  it('a warning carries its message id and data, and its message is written from them', () => {
    const r = parseForm('form.txt', 'A/506/2130 Deliver\n1.1 Explain a\n   1.3 Explain c\n1.3 Explain d');
    expect(r.warnings.map((w) => [w.code, w.messageId, w.line, w.column])).toEqual([
      ['numbering-gap', 'criterion-gap', 3, 4],
      ['numbering-repeat', 'repeat-other', 4, 1],
    ]);
    for (const w of r.warnings) {
      const m = IMPORT_MESSAGES[w.messageId as ImportMessageId];
      expect(w.severity).toBe('warning');
      expect(w.file).toBe('form.txt');
      expect(w.message).toBe((m.text as (d: unknown) => string)(w.data));
    }
    expect(r.warnings[0]!.data).toEqual({ criterion: '1.3', outcome: '1', previous: '1.1', missing: ['1.2'] });
  });

  it('a blank line is placed at column 1', () => {
    const w = parseForm('f.txt', '\n').warnings[0]!;
    expect([w.messageId, w.line, w.column]).toEqual(['no-units', 1, 1]);
  });
});

describe('rules the importer shares with the model', () => {
  it.each([
    ['Be able to deliver service', 'performance'],
    ['Understand customers', 'knowledge'],
    ['Know the rules', 'knowledge'],
    ['Knowledge of products', null],
    ['Deliver customer service', null],
    [null, null],
  ])('outcome type of %j is %j', (title, type) => {
    expect(outcomeTypeOf(title)).toBe(type);
  });

  it('a number wins over another unit’s alias; of two aliases the first wins', () => {
    const units = [
      { id: 'A', aliases: ['B', 'X'] },
      { id: 'B', aliases: ['X'] },
    ];
    const map = aliasMap(units, (u) => u.id, (u) => u.aliases);
    expect([map.get('A')!.id, map.get('B')!.id, map.get('X')!.id]).toEqual(['A', 'B', 'A']);
  });
});
