// Editor JSON Schemas (draft-07) for the four file kinds, generated from the zod schemas the
// loader validates with, so the two never disagree about keys, vocabularies or nesting.
//
// The one translation is in the scalars. folio reads every scalar as text (source.ts), but an
// editor's YAML parser (yaml-language-server: YAML 1.2 core schema) reads `level: 2` as an
// integer, `id: 1.1` as a number, `title: true` as a boolean and `key:` as null. So each
// shared primitive of common.ts is given the JSON that accepts what a core parser makes of any
// value folio accepts: text takes any scalar, a whole number an integer or a digit string, a
// date a string that is a real calendar date. The one slack: a number written oddly (5.0, 0x1F,
// 1e3, and 007 where 1 or more is needed) reaches the editor as the plain number, which passes.
import { parse } from 'yaml';
import { z } from 'zod';
import { centreSchema } from './centre.js';
import { type Check, date, DATE_CHECK, exactlyOneOf, percent, PERCENT_CHECK, positive, POSITIVE_CHECK, text, whole, WHOLE_CHECK } from './common.js';
import { portfolioSchema } from './portfolio.js';
import { qualificationSchema } from './qualification.js';
import { unitSchema } from './unit.js';

import type { SchemaKind } from './kinds.js';

export { SCHEMA_KINDS, type SchemaKind } from './kinds.js';

export type JsonSchema = { [key: string]: unknown };

const KINDS: Record<SchemaKind, { schema: z.ZodType; title: string; description: string }> = {
  unit: {
    schema: unitSchema,
    title: 'folio unit specification',
    description: 'specs/units/<unit>.yaml: a unit, its learning outcomes and their assessment criteria, and the evidence methods they allow.',
  },
  qualification: {
    schema: qualificationSchema,
    title: 'folio qualification specification',
    description: 'specs/qualifications/<number>.yaml: a qualification and its rules of combination (unit groups, credits, barred units).',
  },
  centre: {
    schema: centreSchema,
    title: 'folio centre file',
    description: 'portfolios/centre.yaml: the centre, its staff and their roles, and centre policy.',
  },
  portfolio: {
    schema: portfolioSchema,
    title: 'folio learner portfolio',
    description: "portfolios/<learner-id>/portfolio.yaml: one learner's evidence, assessment decisions, sign-offs and IQA records.",
  },
};

/** Where the editor schemas say they live; a name, never fetched. */
const schemaId = (kind: SchemaKind) => `https://folio.example/schemas/${kind}.schema.json`;

// ---- scalars: what a YAML 1.2 core parser makes of the values each primitive accepts ----

// The string forms repeat the loader's own tests, which run on the trimmed text; `\s` matches
// exactly what String.prototype.trim removes.
const WHOLE_PATTERN = '^\\s*\\d+\\s*$';
const POSITIVE_PATTERN = '^\\s*[1-9]\\d*\\s*$';
const PERCENT_PATTERN = '^\\s*(?:100|[1-9]?\\d)\\s*%?\\s*$';
// isIsoDate: a real calendar date, leap years included. Years before 0100 fail it too, because
// Date.UTC reads years 0–99 as 1900–1999; the pattern agrees (test/json-schema.test.ts).
const YEAR = '(?:0[1-9]|[1-9]\\d)\\d{2}';
const MOD4 = '(?:0[48]|[2468][048]|[13579][26])'; // two digits, a multiple of 4 other than 00
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const LEAP_DAY = `(?:(?:0[1-9]|[1-9]\\d)${MOD4}|${MOD4}00)-02-29`;
const DATE_PATTERN = `^\\s*(?:${YEAR}-${MONTH_DAY}|${LEAP_DAY})\\s*$`;

const message = (c: Check) => `This ${c.problem}: ${c.fix}`;

type Scalar = 'text' | 'whole' | 'positive' | 'percent' | 'date';

const SCALARS: Record<Scalar, JsonSchema> = {
  // Any scalar is text to folio: `1.10`, `true` and `04512` are kept exactly as written.
  text: { type: ['string', 'number', 'boolean'] },
  whole: {
    anyOf: [
      { type: 'integer', minimum: 0 },
      { type: 'string', pattern: WHOLE_PATTERN, patternErrorMessage: message(WHOLE_CHECK) },
    ],
  },
  positive: {
    anyOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', pattern: POSITIVE_PATTERN, patternErrorMessage: message(POSITIVE_CHECK) },
    ],
  },
  percent: {
    anyOf: [
      { type: 'integer', minimum: 0, maximum: 100 },
      { type: 'string', pattern: PERCENT_PATTERN, patternErrorMessage: message(PERCENT_CHECK) },
    ],
  },
  date: { type: 'string', pattern: DATE_PATTERN, patternErrorMessage: message(DATE_CHECK) },
};

// A registry inherits along zod's parent chain, so `text.describe(…)` is still known as text.
const scalars = z.registry<{ scalar: Scalar }>();
scalars.add(text, { scalar: 'text' });
scalars.add(whole, { scalar: 'whole' });
scalars.add(positive, { scalar: 'positive' });
scalars.add(percent, { scalar: 'percent' });
scalars.add(date, { scalar: 'date' });

// Annotations zod copies from .describe()/.meta() that a scalar keeps when its type is replaced.
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default']);

// exactlyOne (common.ts: evidence-location, claim-scope): exactly one of the keys given, where
// an empty value is not given.
const givenOnce = (keys: readonly string[]) => ({
  oneOf: keys.map((k) => ({ required: [k], properties: { [k]: { not: { enum: [null, ''] } } } })),
});

function override(ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  const { zodSchema, jsonSchema: json } = ctx;
  const scalar = scalars.get(zodSchema)?.scalar;
  if (scalar) {
    for (const key of Object.keys(json)) if (!ANNOTATIONS.has(key)) delete json[key];
    Object.assign(json, structuredClone(SCALARS[scalar]));
    return;
  }
  const type = zodSchema._zod.def.type;
  if (type === 'enum' && Array.isArray(json.enum)) {
    // `status: 3` is the integer 3 to an editor and the text "3" to folio: allow both.
    const values = json.enum as unknown[];
    const read = values.map((v) => (typeof v === 'string' ? parse(v) : v)).filter((v, i) => v !== values[i]);
    if (read.length) {
      json.enum = [...read, ...values];
      delete json.type;
    }
  }
  // JSON keys are always strings; `propertyNames: text` says nothing.
  if (type === 'record') delete json.propertyNames;
  const oneOf = exactlyOneOf.get(zodSchema);
  if (oneOf) Object.assign(json, givenOnce(oneOf.keys));
}

/** How the schema reads, never what it accepts: `anyOf` inside `anyOf` (a nullable whole
 * number) becomes one flat list, bare type assertions fold into a `type` list, and a
 * description comes first. */
function tidy(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(tidy);
  if (!node || typeof node !== 'object') return;
  const json = node as JsonSchema;
  for (const value of Object.values(json)) tidy(value);
  if (Array.isArray(json.anyOf)) {
    const branches = (json.anyOf as JsonSchema[]).flatMap((b) => (Object.keys(b).length === 1 && Array.isArray(b.anyOf) ? (b.anyOf as JsonSchema[]) : [b]));
    json.anyOf = branches;
    if (json.type === undefined && branches.every((b) => Object.keys(b).length === 1 && b.type !== undefined)) {
      const types = [...new Set(branches.flatMap((b) => b.type as string | string[]))];
      delete json.anyOf;
      json.type = types.length === 1 ? types[0] : types;
    }
  }
  if ('description' in json) {
    const rest = Object.entries(json).filter(([k]) => k !== 'description');
    for (const [k] of rest) delete json[k];
    for (const [k, v] of rest) json[k] = v;
  }
}

/** The draft-07 JSON Schema an editor should check a YAML value against, for any schema built
 * from the primitives of common.ts. */
export function editorJsonSchema(schema: z.ZodType): JsonSchema {
  const body = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', override }) as JsonSchema;
  delete body.$schema;
  tidy(body);
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...body };
}

/** The editor JSON Schema (draft-07) for one file kind, as written to schemas/<kind>.schema.json. */
export function jsonSchemaFor(kind: SchemaKind): JsonSchema {
  const { schema, title, description } = KINDS[kind];
  const { $schema, ...body } = editorJsonSchema(schema);
  return { $schema, $id: schemaId(kind), title, description, ...body };
}
