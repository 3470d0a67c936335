// The four kinds of file a centre holds, named as `folio schema` names them. Apart from the
// schemas so the command line can list them without loading zod.
export const SCHEMA_KINDS = ['unit', 'qualification', 'centre', 'portfolio'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
