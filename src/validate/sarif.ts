/**
 * Findings → SARIF 2.1.0 (OASIS), the format GitHub code scanning imports. One run, one reporting descriptor per
 * validator (plus `load_error` for files that do not load), one result per finding. Severity → level:
 * critical and high → error, medium → warning, low and informational → note.
 */
import type { FileValidation } from './run.js';
import type { Severity, Validator } from './types.js';
import { VALIDATORS } from './registry.js';

export interface SarifOptions {
  /** sigmaform's version (tool.driver.version). */
  readonly version?: string;
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  informational: 'note',
};

/** A file path as a SARIF URI reference: forward slashes, each segment percent-encoded. */
export function pathToUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(p);
  const absolute = p.startsWith('/') || drive;
  const encoded = p
    .split('/')
    .map((s, i) => (drive && i === 0 ? s : encodeURIComponent(s)))
    .join('/');
  return absolute ? `file://${drive ? '/' : ''}${encoded}` : encoded;
}

const LOAD_ERROR = {
  id: 'load_error',
  name: 'LoadError',
  shortDescription: { text: 'The file is not a valid Sigma rule (YAML, schema, modifier or condition error).' },
  defaultConfiguration: { level: 'error' as const },
  properties: { tags: ['sigmaform'] },
};

function descriptor(v: Validator) {
  return {
    id: v.id,
    // pySigma's class-name style (`TitleCase` + Validator): a readable name that differs from the id, as SARIF asks
    name: `${v.id.replace(/(^|_)([a-z0-9])/g, (_m: string, _s: string, c: string) => c.toUpperCase())}Validator`,
    shortDescription: { text: v.description },
    defaultConfiguration: { level: LEVEL[v.severity] },
    properties: { tags: [v.plugin === 'core' ? 'pysigma-core' : 'sigmahq'], severity: v.severity },
  };
}

/** The SARIF log of a validation run (a plain JSON value: `JSON.stringify` it). */
export function toSarif(results: readonly FileValidation[], options: SarifOptions = {}): Record<string, unknown> {
  const rules = [...VALIDATORS.map(descriptor), LOAD_ERROR];
  const index = new Map(rules.map((r, i) => [r.id, i] as const));
  const sarifResults: unknown[] = [];
  const region = (line?: number, column?: number, endLine?: number, endColumn?: number) =>
    line !== undefined
      ? {
          region: {
            startLine: line,
            startColumn: column ?? 1,
            ...(endLine !== undefined && endColumn !== undefined ? { endLine, endColumn } : {}),
          },
        }
      : {};
  for (const file of results) {
    const uri = pathToUri(file.path ?? 'rule.yml');
    if (file.error) {
      sarifResults.push({
        ruleId: 'load_error',
        ruleIndex: index.get('load_error'),
        level: 'error',
        message: { text: file.error.message },
        locations: [{ physicalLocation: { artifactLocation: { uri }, ...region(file.error.line, file.error.column) } }],
      });
    }
    for (const f of file.findings) {
      sarifResults.push({
        ruleId: f.validator,
        ruleIndex: index.get(f.validator),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri }, ...region(f.line, f.column, f.endLine, f.endColumn) } }],
        properties: { severity: f.severity, ...(f.ruleId !== undefined ? { sigmaRuleId: f.ruleId } : {}) },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sigmaform',
            ...(options.version ? { version: options.version } : {}),
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}
