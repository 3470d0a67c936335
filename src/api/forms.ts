// Reading the forms named on the command line, for import and import --check alike: each
// file's text whatever its kind (import/files/), named as the user named it and recorded
// relative to the centre. A form that cannot be read becomes an error finding and the others
// are still read, so one run reports every form that cannot be.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import type { Form } from '../import/index.js';
import type { ImportWarning } from '../import/types.js';
import { UsageError } from '../usage-error.js';

export async function readForms(files: string[], root: string, cwd: string): Promise<{ forms: Form[]; unread: ImportWarning[] }> {
  const [{ readForm, FormUnreadable }, { importWarning }] = await Promise.all([import('../import/files/index.js'), import('../import/messages.js')]);
  for (const f of files) {
    const path = resolvePath(cwd, f);
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`cannot read ${f}: no such file`);
  }
  const unread: ImportWarning[] = [];
  const forms: Form[] = [];
  for (const f of files) {
    const path = resolvePath(cwd, f);
    const inRoot = !relative(root, path).startsWith('..');
    try {
      const { text, encoding, kind } = await readForm(readFileSync(path));
      forms.push({ file: f, source: inRoot ? relative(root, path).replace(/\\/g, '/') : path.split(/[\\/]/).pop()!, content: text, encoding, kind });
    } catch (e) {
      if (!(e instanceof FormUnreadable)) throw e;
      unread.push(importWarning(e.messageId, e.data as never, { file: f, line: 0, column: 0 }));
    }
  }
  return { forms, unread };
}
