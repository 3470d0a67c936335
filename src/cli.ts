// The command line's entry, kept at this path for bin/folio.js; the commands are in cli/.
export { main, type Io } from './cli/index.js';
