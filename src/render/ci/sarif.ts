// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers): findings become alerts that
// are tracked across commits, and every rule is listed so an alert that disappears reads as fixed.
import type { CiFinding, CiReport, CiRule } from './report.js';
import { fingerprints } from './report.js';

const pascal = (id: string) => id.replace(/(^|[-_\s]+)([a-z0-9])/gi, (_, __, c: string) => c.toUpperCase());

function rule(r: CiRule) {
  return {
    id: r.id,
    name: /^[A-Z][A-Za-z0-9]*$/.test(r.name) ? r.name : pascal(r.name),
    shortDescription: { text: r.summary },
    fullDescription: { text: r.help },
    help: { text: r.help },
    defaultConfiguration: { level: r.level },
  };
}

// A relative URI reference: each segment percent-encoded, so a '#', '?' or space in a file name
// is not read as a fragment, query or separator.
const uri = (file: string) => file.split('/').map(encodeURIComponent).join('/');

function location(f: CiFinding) {
  // GitHub code scanning wants a line on every result: a finding about a whole file points at its first line
  const region = { region: { startLine: Math.max(1, f.line), ...(f.line > 0 && f.column > 0 ? { startColumn: f.column } : {}) } };
  return { physicalLocation: { artifactLocation: { uri: uri(f.file), uriBaseId: '%SRCROOT%' }, ...region } };
}

/** A SARIF 2.1.0 log with one run, as GitHub code scanning accepts it. */
export function sarif(report: CiReport): string {
  const index = new Map(report.rules.map((r, i) => [r.id, i]));
  const prints = fingerprints(report.findings);
  const results = report.findings.map((f, i) => {
    const ruleIndex = index.get(f.rule);
    return {
      ruleId: f.rule,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level: f.level,
      message: { text: f.message },
      ...(f.file ? { locations: [location(f)] } : {}),
      // Our own key, so alerts keep their identity when lines move even without upload-sarif.
      partialFingerprints: { 'folio/v1': prints[i]! },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            ...(report.tool.informationUri ? { informationUri: report.tool.informationUri } : {}),
            rules: report.rules.map(rule),
          },
        },
        // GitHub keys alerts by tool and category; without one, uploading check and gaps would
        // each close the other's alerts.
        automationDetails: { id: `folio-${report.kind}/` },
        // folio counts columns in UTF-16 code units (JavaScript string indices).
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
