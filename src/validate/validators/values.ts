/** Value validators of pySigma core (values.py): strings of detection items, as the modifiers left them. */
import type { SigmaString, StringPart } from '../../rule/ast.js';
import { parseSigmaString } from '../../rule/strings.js';
import type { Issue, Validator } from '../types.js';
import { detectionItems, stringValues, type LocatedItem } from '../walk.js';

/** One issue per string value of every item for which `bad` holds. */
function stringValidator(
  id: string,
  severity: Validator['severity'],
  description: string,
  bad: (s: SigmaString) => boolean,
  message: (s: SigmaString, raw: unknown) => string,
): Validator {
  return {
    id,
    plugin: 'core',
    severity,
    description,
    check(ctx) {
      const issues: Issue[] = [];
      for (const located of detectionItems(ctx)) {
        for (const { value, index } of stringValues(located.item)) {
          if (bad(value)) issues.push({ message: message(value, located.rawValues[index]), at: located.valuePath(index) });
        }
      }
      return issues;
    },
  };
}

const isAny = (p: StringPart | undefined): boolean => typeof p === 'object' && p.kind === 'wildcard' && p.char === '*';
const shown = (raw: unknown): string => (typeof raw === 'string' ? `'${raw}'` : String(raw));

export const doubleWildcard = stringValidator(
  'double_wildcard',
  'low',
  "A detection string contains two or more consecutive '*' wildcards.",
  (s) => s.parts.some((p, i) => isAny(p) && isAny(s.parts[i + 1])),
  (_s, raw) => `value ${shown(raw)} has consecutive '*' wildcards; one '*' matches the same`,
);

export const escapedWildcard = stringValidator(
  'escaped_wildcard',
  'low',
  "A detection string contains an escaped, literal '*' or '?'; flagged so the author confirms it is intended.",
  (s) => s.parts.some((p) => typeof p === 'string' && (p.includes('*') || p.includes('?'))),
  (_s, raw) => `value ${shown(raw)} contains an escaped (literal) '*' or '?'; make sure the escape is intended and not a wildcard`,
);

/** Python's int() on a string: optional sign, digits with single underscores between them, surrounding whitespace. */
const PY_INT = /^[\t\n\v\f\r ]*[+-]?\d+(?:_\d+)*[\t\n\v\f\r ]*$/;
export const numberAsString = stringValidator(
  'number_as_string',
  'low',
  'A plain integer value is written as a string.',
  (s) => s.parts.length === 1 && typeof s.parts[0] === 'string' && !s.parts[0].includes(' ') && PY_INT.test(s.parts[0]),
  (_s, raw) => `number ${shown(raw)} is written as a string (quoted); write it without quotes so it matches numeric fields`,
);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f]/;
export const controlCharacter = stringValidator(
  'control_character',
  'high',
  'A detection string holds a control character (code < 32), usually a single backslash that YAML turned into e.g. a tab.',
  (s) => s.parts.some((p) => typeof p === 'string' && CONTROL.test(p)),
  (s) => {
    const text = s.parts.map((p) => (typeof p === 'string' ? p : p.kind === 'wildcard' ? p.char : `%${p.name}%`)).join('');
    const c = CONTROL.exec(text)?.[0] ?? '';
    return `value contains control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; in a double-quoted YAML string write '\\\\' for a backslash (e.g. "C:\\\\temp")`;
  },
);

// ───────────────────────────── wildcards instead of modifiers ─────────────────────────────

/** The length pySigma gives a SigmaString: characters plus one per wildcard or placeholder. */
function sigmaLength(s: SigmaString): number {
  return s.parts.reduce((n, p) => n + (typeof p === 'string' ? [...p].length : 1), 0);
}
const special = (parts: readonly StringPart[]): boolean => parts.some((p) => typeof p !== 'string');

function originalStrings(located: LocatedItem): SigmaString[] | undefined {
  const out: SigmaString[] = [];
  for (const raw of located.rawValues) {
    if (typeof raw !== 'string') return undefined;
    out.push(parseSigmaString(raw));
  }
  return out;
}

export const wildcardsInsteadOfModifiers: Validator = {
  id: 'wildcards_instead_of_modifiers',
  plugin: 'core',
  severity: 'low',
  description:
    "Every value of a field is '*text*', '*text' or 'text*' with no other wildcard, where contains, endswith or startswith would do.",
  check(ctx) {
    const issues: Issue[] = [];
    for (const located of detectionItems(ctx)) {
      const values = originalStrings(located);
      if (!values || values.length === 0) continue;
      const mods = located.item.modifiers;
      const long = values.every((v) => sigmaLength(v) > 1);
      const name = located.item.field === null ? 'the keywords' : `'${located.item.field}'`;
      if (
        long &&
        values.every((v) => isAny(v.parts[0]) && isAny(v.parts[v.parts.length - 1]) && !special(v.parts.slice(1, -1))) &&
        !mods.includes('contains')
      ) {
        issues.push({
          message: `every value of ${name} is '*text*'; use the 'contains' modifier and drop the wildcards`,
          at: located.path,
          what: 'key',
        });
      } else if (long && values.every((v) => isAny(v.parts[0]) && !special(v.parts.slice(1))) && !mods.includes('endswith')) {
        issues.push({
          message: `every value of ${name} is '*text'; use the 'endswith' modifier and drop the wildcard`,
          at: located.path,
          what: 'key',
        });
      } else if (
        long &&
        values.every((v) => isAny(v.parts[v.parts.length - 1]) && !special(v.parts.slice(0, -1))) &&
        !mods.includes('startswith')
      ) {
        issues.push({
          message: `every value of ${name} is 'text*'; use the 'startswith' modifier and drop the wildcard`,
          at: located.path,
          what: 'key',
        });
      }
    }
    return issues;
  },
};
