// Who folio is, for --version, CI reports and the workflow files folio init writes. Kept in
// step with package.json by a test.
export const PACKAGE = 'folio-cli';
export const VERSION = '0.1.0';
