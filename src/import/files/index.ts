// Reading a form file of any kind folio knows: plain text, PDF, Word. The import itself
// (import/index.ts) sees only text; this is where a file becomes that text.
export { readForm, kindOf, type FormKind, type ReadForm } from './read.js';
export { FormUnreadable, LIMITS } from './limits.js';
