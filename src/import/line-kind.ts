// The shape of one kind of line (kinds.ts): a test that says whether a line, in the reader's
// state, is of the kind, and a handler that changes the state for it. Its own file so that
// kinds kept elsewhere (rows.ts) share it without a cycle at load time.
import type { Line, ParseState } from './state.js';

export interface LineKind<M> {
  kind: string;
  /** What the line gives this kind (a match), or undefined when it is not of this kind. */
  test: (s: ParseState, l: Line) => M | undefined | null | false;
  /** Change the state for the line; 'next' passes the line on to the following kinds. */
  handle: (s: ParseState, l: Line, m: M) => void | 'next';
}

export const kind = <M>(k: LineKind<M>): LineKind<unknown> => k as LineKind<unknown>;
