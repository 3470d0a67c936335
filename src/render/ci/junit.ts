// JUnit XML, the one report format nearly every CI system (GitLab, Jenkins, Azure, test-report
// actions) can show per test: each group is a suite and each finding a failing test case.
import type { CiFinding, CiReport } from './report.js';
import { visible } from '../safe.js';

// XML 1.0 allows only tab, LF, CR and these ranges; anything else (control characters, lone
// surrogates, U+FFFE/U+FFFF) makes the whole document unparseable. Every value is made visible
// first (safe.ts: controls, separators and bidi characters as \x1b, \n, \u202e), so a report
// printed to a CI log starts no line of its own; what XML still forbids is escaped the same way.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlSafe = (s: string | number) => visible(s).replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

// Attribute values are whitespace-normalised by parsers, so tab and newlines go as references;
// text keeps newlines but not CR, which parsers would fold into LF.
const attr = (s: string | number) => xmlSafe(s).replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]!);
const text = (s: string) => xmlSafe(s).replace(/[&<>\r]/g, (c) => ENTITIES[c]!);

// Compiler style, as folio's own terminal output, so CI log viewers can link it.
function where(f: CiFinding): string {
  if (!f.file) return '';
  if (f.line <= 0) return `${f.file}: `;
  return f.column > 0 ? `${f.file}:${f.line}:${f.column}: ` : `${f.file}:${f.line}: `;
}

function testcase(f: CiFinding): string[] {
  const open = `    <testcase classname="${attr(f.group)}" name="${attr(f.title)}"`;
  const body = `${where(f)}${f.level}: ${f.message} [${f.rule}]`;
  // A note is information, not a failure: CI should stay green, but the text still shows.
  if (f.level === 'note') return [`${open}>`, `      <system-out>${text(body)}</system-out>`, '    </testcase>'];
  return [`${open}>`, `      <failure message="${attr(f.message)}" type="${attr(f.rule)}">${text(body)}</failure>`, '    </testcase>'];
}

/** JUnit XML: one suite per group (file or learner), one failing test case per error or warning. */
export function junit(report: CiReport): string {
  const name = `folio ${report.kind}`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (report.findings.length === 0) {
    // An empty report shows as "no tests" in most CI systems; one passing test reads as green.
    out.push(
      `<testsuites name="${attr(name)}" tests="1" failures="0" errors="0">`,
      `  <testsuite name="${attr(name)}" tests="1" failures="0" errors="0" skipped="0">`,
      `    <testcase classname="folio" name="${attr(`${name}: ${report.kind === 'check' ? 'no problems' : 'no gaps'}`)}"/>`,
      '  </testsuite>',
      '</testsuites>',
    );
    return `${out.join('\n')}\n`;
  }
  const groups = new Map<string, CiFinding[]>();
  for (const f of report.findings) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  const failed = (fs: CiFinding[]) => fs.filter((f) => f.level !== 'note').length;
  out.push(`<testsuites name="${attr(name)}" tests="${report.findings.length}" failures="${failed(report.findings)}" errors="0">`);
  for (const [group, fs] of groups) {
    out.push(`  <testsuite name="${attr(group)}" tests="${fs.length}" failures="${failed(fs)}" errors="0" skipped="0">`);
    for (const f of fs) out.push(...testcase(f));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
