// html-escaper ships no type declarations: the one function folio uses.
declare module 'html-escaper' {
  /** The text with & < > ' " replaced by their character references. */
  export function escape(text: string): string;
}
