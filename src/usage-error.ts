// The one error the library throws for a problem with how it was called or with input it
// cannot use (no centre, an unknown learner, a date that is not one). The command line prints
// its message and exits 2; a script can show it as it is.
/** A problem with how folio was called or with unreadable input; its message says what to do. */
export class UsageError extends Error {
  override name = 'UsageError';
}
