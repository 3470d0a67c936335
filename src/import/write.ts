// Storing an import plan: one spec file at a time, each written atomically (a temporary file
// in the same folder, then a rename), so an interrupted import never leaves half a spec. A
// spec replaced under --force is first copied to a backup that is never overwritten.
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecPlan } from './index.js';

export interface Written {
  file: string;
  backup?: string;
}

export function writePlan(specs: SpecPlan[], dir: string): Written[] {
  mkdirSync(dir, { recursive: true });
  const out: Written[] = [];
  for (const s of specs) {
    if (s.action !== 'create' && s.action !== 'update' && s.action !== 'replace') continue;
    const path = join(dir, s.file);
    let backup: string | undefined;
    if (s.action === 'replace' && existsSync(path)) {
      backup = freeName(dir, `${s.file}.bak`);
      copyFileSync(path, join(dir, backup));
    }
    const tmp = join(dir, `.${s.file}.${process.pid}.tmp`);
    writeFileSync(tmp, s.text);
    renameSync(tmp, path);
    out.push({ file: s.file, backup });
  }
  return out;
}

function freeName(dir: string, name: string): string {
  if (!existsSync(join(dir, name))) return name;
  for (let i = 1; ; i++) if (!existsSync(join(dir, `${name}.${i}`))) return `${name}.${i}`;
}
