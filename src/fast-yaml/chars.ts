// Character codes and the small character tests the fast parser shares (see ../fast-yaml.ts).

export const LF = 10;
export const SPACE = 32;
const BANG = 33;
export const DQUOTE = 34;
export const HASH = 35;
const PERCENT = 37;
const AMP = 38;
export const SQUOTE = 39;
const STAR = 42;
export const COMMA = 44;
export const DASH = 45;
export const DOT = 46;
export const COLON = 58;
export const GT = 62;
export const QUESTION = 63;
const AT = 64;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
const BACKTICK = 96;
export const LBRACE = 123;
export const PIPE = 124;
export const RBRACE = 125;

/** Thrown to decline; caught by readFast. A plain object: throwing it captures no stack. */
export const DECLINE = Object.freeze({ declined: true });

export function decline(): never {
  throw DECLINE;
}

/** Space, line feed or the end of the text (NaN from charCodeAt past the end). */
export function isBlank(c: number): boolean {
  return c === SPACE || c === LF || c !== c;
}

export function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Characters that cannot open a plain scalar (YAML indicators); `-`, `?` and `:` are checked
 * separately since they may open one when a non-blank character follows. */
export function isIndicator(c: number): boolean {
  switch (c) {
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case AMP:
    case STAR:
    case BANG:
    case PIPE:
    case GT:
    case SQUOTE:
    case DQUOTE:
    case PERCENT:
    case AT:
    case BACKTICK:
      return true;
    default:
      return false;
  }
}

/** The plain scalars toPlain reads as null (besides the empty one, which never reaches here). */
export function isNullWord(s: string): boolean {
  return s === '~' || s === 'null' || s === 'Null' || s === 'NULL';
}
