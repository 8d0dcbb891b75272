/**
 * A rule text → every problem an editor should underline, at its exact range: YAML errors, each unknown
 * modifier, each condition syntax error and each reference to a selection that does not exist (all of them, not
 * only the loader's first), the loader's own error, and the validators' findings. Browser-safe and pure.
 */
import type { ConditionNode } from '../rule/ast.js';
import { SigmaError, toSigmaError } from '../errors.js';
import { parseYaml, type ParsedYaml } from '../rule/yaml.js';
import { documentFrom } from '../rule/load.js';
import { isModifier } from '../rule/modifiers.js';
import { parseCondition } from '../condition/parse.js';
import { validateRules, type Finding, type ValidateOptions } from '../validate/index.js';
import type { Diagnostic, Range, Severity } from './types.js';
import { range, scalarStart, toPos, tokenRange } from './positions.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface DiagnoseOptions {
  /** Run the validators (pySigma core and SigmaHQ); default true. */
  readonly validate?: boolean;
  /** Which validators, their parameters and exclusions (as `sigmaform check --validation-config`). */
  readonly validation?: ValidateOptions;
  /** The file's path (file-name validators read it). */
  readonly path?: string;
}

function diagnostic(r: Range, severity: Severity, code: string, message: string): Diagnostic {
  return Object.freeze({ range: r, severity, code, source: 'sigmaform', message });
}

/** The section holding selections: `detection` of a rule, `filter` of a filter document. */
function selectionSection(doc: Record<string, unknown>): 'detection' | 'filter' | undefined {
  if (isRecord(doc.detection)) return 'detection';
  if (isRecord(doc.filter)) return 'filter';
  return undefined;
}

/** Each unknown modifier of every detection key, at the modifier's own characters. */
function modifierDiagnostics(lines: readonly string[], parsed: ParsedYaml, index: number, doc: Record<string, unknown>): Diagnostic[] {
  const section = selectionSection(doc);
  if (!section) return [];
  const out: Diagnostic[] = [];
  const checkKeys = (map: Record<string, unknown>, path: (string | number)[]) => {
    for (const key of Object.keys(map)) {
      if (!key.includes('|')) continue;
      const located = parsed.locate(index, [...path, key], 'key');
      if (!located) continue;
      const keyPos = toPos(located.line, located.column);
      const start = scalarStart(lines, keyPos, key);
      let offset = key.indexOf('|');
      for (const name of key.split('|').slice(1)) {
        const at = offset + 1;
        offset = at + name.length;
        if (isModifier(name)) continue;
        const r = start ? range(start.line, start.character + at, start.character + at + name.length) : tokenRange(lines, keyPos);
        const message = name === '' ? `empty modifier in '${key}'` : `unknown modifier '${name}' in '${key}'`;
        out.push(diagnostic(r, 1, 'modifier', message));
      }
    }
  };
  const sectionMap = doc[section] as Record<string, unknown>;
  for (const [name, value] of Object.entries(sectionMap)) {
    if (name === 'condition' || name === 'timeframe' || name === 'rules') continue;
    if (isRecord(value)) checkKeys(value, [section, name]);
    else if (Array.isArray(value)) value.forEach((v, i) => isRecord(v) && checkKeys(v, [section, name, i]));
  }
  return out;
}

function patternMatches(pattern: string, names: readonly string[]): boolean {
  if (pattern === 'them') return names.length > 0;
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return names.some((n) => re.test(n));
}

function walkCondition(node: ConditionNode, visit: (n: Extract<ConditionNode, { kind: 'ref' | 'of' }>) => void): void {
  if (node.kind === 'and' || node.kind === 'or') node.args.forEach((a) => walkCondition(a, visit));
  else if (node.kind === 'not') walkCondition(node.arg, visit);
  else visit(node);
}

/** Syntax errors and every reference to a missing selection, in each condition of the document. */
function conditionDiagnostics(lines: readonly string[], parsed: ParsedYaml, index: number, doc: Record<string, unknown>): Diagnostic[] {
  const section = selectionSection(doc);
  if (!section) return [];
  const sectionMap = doc[section] as Record<string, unknown>;
  const names = Object.keys(sectionMap).filter((k) => k !== 'condition' && k !== 'timeframe' && k !== 'rules');
  const raw = sectionMap.condition;
  const texts = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const out: Diagnostic[] = [];
  texts.forEach((text, i) => {
    const path = Array.isArray(raw) ? [section, 'condition', i] : [section, 'condition'];
    const located = parsed.locate(index, path, 'value');
    if (!located || typeof text !== 'string') return;
    const valuePos = toPos(located.line, located.column);
    const start = scalarStart(lines, valuePos, text);
    const at = (offset: number, length: number): Range =>
      start ? range(start.line, start.character + offset, start.character + offset + length) : tokenRange(lines, valuePos);
    let tree: ConditionNode;
    try {
      tree = parseCondition(text);
    } catch (e) {
      const err = toSigmaError(e);
      const m = /\(character (\d+) of /.exec(err.message);
      const offset = m?.[1] !== undefined ? Number(m[1]) - 1 : 0;
      out.push(diagnostic(at(offset, Math.max(1, text.length - offset)), 1, 'condition', err.message));
      return;
    }
    walkCondition(tree, (node) => {
      if (node.kind === 'ref') {
        if (!names.includes(node.name))
          out.push(
            diagnostic(
              at(node.offset, node.name.length),
              1,
              'condition',
              `condition refers to '${node.name}', which is not a selection of this rule (selections: ${names.join(', ') || 'none'})`,
            ),
          );
      } else if (!patternMatches(node.pattern, names)) {
        const p = text.indexOf(node.pattern, node.offset);
        out.push(
          diagnostic(
            at(p >= 0 ? p : node.offset, node.pattern.length),
            1,
            'condition',
            node.pattern === 'them' ? `'${text}': there are no selections` : `'${node.pattern}' matches no selection of this rule`,
          ),
        );
      }
    });
  });
  return out;
}

function errorDiagnostic(lines: readonly string[], e: unknown): Diagnostic {
  const err = e instanceof SigmaError ? e : toSigmaError(e);
  const r = err.line !== undefined ? tokenRange(lines, toPos(err.line, err.column)) : range(0, 0, (lines[0] ?? '').length);
  return diagnostic(r, 1, err.code, err.message);
}

const SEVERITY_OF: Readonly<Record<Finding['severity'], Severity>> = { critical: 2, high: 2, medium: 2, low: 3, informational: 4 };

function findingDiagnostic(lines: readonly string[], f: Finding): Diagnostic {
  const start = toPos(f.line, f.column);
  const r =
    f.endLine !== undefined && f.endColumn !== undefined
      ? { start, end: toPos(f.endLine, f.endColumn) }
      : f.line !== undefined
        ? tokenRange(lines, start)
        : range(0, 0, (lines[0] ?? '').length);
  return diagnostic(r, SEVERITY_OF[f.severity], f.validator, `${f.message} (${f.validator}, ${f.severity})`);
}

const overlaps = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line &&
  a.start.character < Math.max(b.end.character, b.start.character + 1) &&
  b.start.character < Math.max(a.end.character, a.start.character + 1);

/** Every diagnostic of a rule text, in text order. Never throws. */
export function diagnose(text: string, options: DiagnoseOptions = {}): Diagnostic[] {
  const lines = text.split(/\r?\n/);
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(text, options.path);
  } catch (e) {
    return [errorDiagnostic(lines, e)];
  }
  const out: Diagnostic[] = [];
  let loaded = 0;
  parsed.documents.forEach((doc, index) => {
    if (doc === null || doc === undefined) return;
    const own = isRecord(doc)
      ? [...modifierDiagnostics(lines, parsed, index, doc), ...conditionDiagnostics(lines, parsed, index, doc)]
      : [];
    out.push(...own);
    try {
      documentFrom(doc, index, parsed, options.path);
      loaded++;
    } catch (e) {
      const d = errorDiagnostic(lines, e);
      // The loader stops at the first problem, which the checks above have usually reported more exactly.
      if (!own.some((o) => o.code === d.code && overlaps(o.range, d.range)) && !(own.length && d.code === 'modifier')) out.push(d);
    }
  });
  if (loaded === 0 && out.length === 0)
    out.push(diagnostic(range(0, 0, (lines[0] ?? '').length), 1, 'schema', 'no Sigma document in this file'));
  if (options.validate !== false && out.every((d) => d.severity !== 1)) {
    try {
      const [result] = validateRules([{ text, ...(options.path !== undefined ? { path: options.path } : {}) }], options.validation);
      for (const f of result?.findings ?? []) out.push(findingDiagnostic(lines, f));
    } catch (e) {
      out.push(errorDiagnostic(lines, e));
    }
  }
  return out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : 1),
  );
}
