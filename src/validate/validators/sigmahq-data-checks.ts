/**
 * SigmaHQ plugin: checks against SigmaHQ's data (taxonomy fields per logsource, file-name prefixes, Windows
 * categories) and the field-level checks of its detection items.
 */
import type { Logsource, SigmaRule } from '../../rule/ast.js';
import { SIGMAHQ_FILENAME_PREFIX, SIGMAHQ_TAXONOMY, SIGMAHQ_WINDOWS_NO_EVENTID, SIGMAHQ_WINDOWS_PROVIDER_NAME } from '../sigmahq-data.js';
import type { DocumentContext, Issue, Validator } from '../types.js';
import { detectionItems, fileName, type LocatedItem } from '../walk.js';

const logsourceKey = (ls: Logsource): string => `${ls.product ?? ''}/${ls.category ?? ''}/${ls.service ?? ''}`;
const describe = (ls: Logsource): string =>
  [ls.product && `product: ${ls.product}`, ls.category && `category: ${ls.category}`, ls.service && `service: ${ls.service}`]
    .filter(Boolean)
    .join(', ') || 'an empty logsource';

/** A validator over the detection items of rules (not correlations or filters), as the plugin's are. */
function itemValidator(
  id: string,
  severity: Validator['severity'],
  description: string,
  applies: (rule: SigmaRule) => boolean,
  check: (located: LocatedItem, rule: SigmaRule) => Issue | readonly Issue[] | undefined,
  firstOnly = false,
): Validator {
  return {
    id,
    plugin: 'sigmahq',
    severity,
    description,
    check(ctx) {
      const doc = ctx.document;
      if (doc.kind !== 'rule' || !applies(doc)) return [];
      const issues: Issue[] = [];
      for (const located of detectionItems(ctx)) {
        const r = check(located, doc);
        if (r === undefined) continue;
        if (Array.isArray(r)) issues.push(...(r as readonly Issue[]));
        else issues.push(r as Issue);
        if (firstOnly && issues.length > 0) break;
      }
      return issues;
    },
  };
}

const taxonomyFields = (rule: SigmaRule): readonly string[] => SIGMAHQ_TAXONOMY[logsourceKey(rule.logsource)]?.[0] ?? [];
const redundantFields = (rule: SigmaRule): readonly string[] => SIGMAHQ_TAXONOMY[logsourceKey(rule.logsource)]?.[1] ?? [];

export const logsourceUnknown: Validator = {
  id: 'sigmahq_logsource_unknown',
  plugin: 'sigmahq',
  severity: 'high',
  description: 'The product/category/service triple is not in the SigmaHQ taxonomy data.',
  check(ctx) {
    const doc = ctx.document;
    if (doc.kind !== 'rule' || SIGMAHQ_TAXONOMY[logsourceKey(doc.logsource)]) return [];
    return [
      {
        message: `logsource (${describe(doc.logsource)}) is not in the SigmaHQ taxonomy; check the spelling or use a documented logsource`,
        at: ['logsource'],
        what: 'key',
      },
    ];
  },
};

export const invalidFieldname = itemValidator(
  'sigmahq_invalid_fieldname',
  'high',
  "A field name is not in the SigmaHQ taxonomy's field list for the rule's logsource.",
  (r) => taxonomyFields(r).length > 0,
  ({ item, path }, rule) =>
    item.field !== null && !taxonomyFields(rule).includes(item.field)
      ? {
          message: `field '${item.field}' is not a field of logsource (${describe(rule.logsource)}) in the SigmaHQ taxonomy`,
          at: path,
          what: 'key',
        }
      : undefined,
);

export const fieldnameCast = itemValidator(
  'sigmahq_fieldname_cast',
  'high',
  'A field name matches a known field of the logsource only when case is ignored.',
  (r) => taxonomyFields(r).length > 0,
  ({ item, path }, rule) => {
    const field = item.field;
    if (field === null || taxonomyFields(rule).includes(field)) return undefined;
    const known = taxonomyFields(rule).find((f) => f.toLowerCase() === field.toLowerCase());
    return known === undefined ? undefined : { message: `field '${field}' should be written '${known}'`, at: path, what: 'key' };
  },
);

export const redundantField = itemValidator(
  'sigmahq_redundant_field',
  'high',
  "A detection filters on a field the logsource already implies (from the taxonomy's redundant-field list).",
  (r) => redundantFields(r).length > 0,
  ({ item, path }, rule) =>
    item.field !== null && redundantFields(rule).includes(item.field)
      ? { message: `field '${item.field}' is already implied by logsource (${describe(rule.logsource)}); remove it`, at: path, what: 'key' }
      : undefined,
);

export const categoryEventId = itemValidator(
  'sigmahq_category_event_id',
  'medium',
  'A Windows rule with a category that already implies the event type also filters on EventID.',
  (r) =>
    r.logsource.product === 'windows' && r.logsource.category !== undefined && SIGMAHQ_WINDOWS_NO_EVENTID.includes(r.logsource.category),
  ({ item, path }, rule) =>
    item.field === 'EventID'
      ? {
          message: `category '${rule.logsource.category ?? ''}' already implies the event type; remove the EventID condition`,
          at: path,
          what: 'key',
        }
      : undefined,
);

const providerNames = (r: SigmaRule): readonly string[] | undefined =>
  r.logsource.product === 'windows' &&
  r.logsource.service === undefined &&
  r.logsource.definition === undefined &&
  r.logsource.category !== undefined
    ? SIGMAHQ_WINDOWS_PROVIDER_NAME[r.logsource.category]
    : undefined;
export const categoryWindowsProviderName = itemValidator(
  'sigmahq_category_windows_provider_name',
  'medium',
  'A Windows rule with a category filters on a Provider_Name that the category already implies.',
  (r) => providerNames(r) !== undefined,
  ({ item, path }, rule) => {
    if (item.field !== 'Provider_Name') return undefined;
    const implied = providerNames(rule) ?? [];
    const hit = item.values.find(
      (v) => v.kind === 'string' && v.parts.length === 1 && typeof v.parts[0] === 'string' && implied.includes(v.parts[0]),
    );
    return hit
      ? {
          message: `category '${rule.logsource.category ?? ''}' already implies Provider_Name ${implied.join(', ')}; remove the condition`,
          at: path,
          what: 'key',
        }
      : undefined;
  },
  true,
);

export const sysmonMissingEventid: Validator = {
  id: 'sigmahq_sysmon_missing_eventid',
  plugin: 'sigmahq',
  severity: 'high',
  description: 'A rule on service sysmon has no EventID field in any detection.',
  check(ctx) {
    const doc = ctx.document;
    if (doc.kind !== 'rule' || doc.logsource.service !== 'sysmon') return [];
    // the plugin looks at the items directly under each selection (not into lists of maps)
    for (const selection of doc.detection.selections.values()) {
      if (selection.items.some((i) => i.kind === 'item' && i.field === 'EventID')) return [];
    }
    return [
      {
        message: "a rule on service 'sysmon' has no EventID; select the Sysmon event (e.g. EventID: 1) or use a generic category",
        at: ['detection'],
        what: 'key',
      },
    ];
  },
};

// ───────────────────────────── file names ─────────────────────────────

const firstLine = { line: 1, column: 1 } as const;

export const filenameConvention: Validator = {
  id: 'sigmahq_filename_convention',
  plugin: 'sigmahq',
  severity: 'medium',
  description: 'The file name does not start with 10-90 characters of [a-z0-9_] followed by .yml, or has no underscore.',
  check(ctx) {
    const name = fileName(ctx);
    if (name === undefined || (/^[a-z0-9_]{10,90}\.yml/.test(name) && name.includes('_'))) return [];
    return [
      {
        message: `file name '${name}' does not follow SigmaHQ's convention: 10-90 characters of a-z, 0-9 and '_', then .yml`,
        location: firstLine,
      },
    ];
  },
};

export const correlationFilenamePrefix: Validator = {
  id: 'sigmahq_correlation_filename_prefix',
  plugin: 'sigmahq',
  severity: 'medium',
  description: "A correlation rule's file name does not start with 'correlation_'.",
  check(ctx) {
    const name = fileName(ctx);
    if (ctx.document.kind !== 'correlation' || name === undefined || name.startsWith('correlation_')) return [];
    return [{ message: `correlation file '${name}' should start with 'correlation_'`, location: firstLine }];
  },
};

/** A file with a correlation and rules (the plugin's test: a document separator, 'correlation:' and 'logsource:'). */
const isCombinedFile = (ctx: DocumentContext): boolean =>
  (ctx.text.includes('\n---\n') || ctx.text.startsWith('---\n')) && ctx.text.includes('correlation:') && ctx.text.includes('logsource:');

export const filenamePrefix: Validator = {
  id: 'sigmahq_filename_prefix',
  plugin: 'sigmahq',
  severity: 'medium',
  description: "The file name does not start with the prefix SigmaHQ assigns to the rule's logsource (from the plugin's filename data).",
  check(ctx) {
    const doc = ctx.document;
    const name = fileName(ctx);
    if (doc.kind !== 'rule' || name === undefined || isCombinedFile(ctx)) return [];
    let prefix = SIGMAHQ_FILENAME_PREFIX[logsourceKey(doc.logsource)];
    if (prefix === undefined && doc.logsource.product) prefix = SIGMAHQ_FILENAME_PREFIX[`${doc.logsource.product}//`];
    if (prefix === undefined || name.startsWith(prefix)) return [];
    return [
      { message: `file name '${name}' should start with '${prefix}' for logsource (${describe(doc.logsource)})`, location: firstLine },
    ];
  },
};

// ───────────────────────────── field values ─────────────────────────────

export const spaceFieldName = itemValidator(
  'sigmahq_space_field_name',
  'high',
  'A field name contains a space.',
  () => true,
  ({ item, path }) =>
    item.field?.includes(' ')
      ? { message: `field name '${item.field}' contains a space; use '_' instead`, at: path, what: 'key' }
      : undefined,
);

export const invalidAllModifier = itemValidator(
  'sigmahq_invalid_all_modifier',
  'high',
  "The 'all' modifier is applied to a field with fewer than two values (sigmaform reports this as a load error).",
  () => true,
  ({ item, path }) =>
    item.field !== null && item.modifiers.includes('all') && item.values.length < 2
      ? { message: `'${item.field}' uses 'all' with a single value; drop 'all'`, at: path, what: 'key' }
      : undefined,
);

const CASE_SENSITIVE = new Set(['base64', 'base64offset', 're', 'i', 'm', 's', 'cased']);
/** pySigma's str() of a value, near enough to compare values for equality. */
function valueText(v: LocatedItem['item']['values'][number]): string {
  switch (v.kind) {
    case 'string':
      return v.parts
        .map((p) => (typeof p === 'string' ? p.replace(/[*?\\]/g, (c) => `\\${c}`) : p.kind === 'wildcard' ? p.char : `%${p.name}%`))
        .join('');
    case 'number':
      return v.text;
    case 'regex':
      return v.pattern;
    case 'cidr':
      return v.cidr;
    case 'boolean':
      return v.value ? 'True' : 'False';
    default:
      return JSON.stringify(v);
  }
}
export const fieldDuplicateValue = itemValidator(
  'sigmahq_field_duplicate_value',
  'high',
  "A field's value list repeats a value (compared case-insensitively unless a case-sensitive/regex/base64 modifier is used).",
  () => true,
  ({ item, valuePath }) => {
    if (item.field === null || item.values.length < 2) return undefined;
    const exact = item.modifiers.some((m) => CASE_SENSITIVE.has(m));
    const seen = new Set<string>();
    for (let i = 0; i < item.values.length; i++) {
      const v = item.values[i];
      if (!v) continue;
      const text = exact ? valueText(v) : valueText(v).toLowerCase();
      if (seen.has(text))
        return { message: `'${item.field}' lists the value '${valueText(v)}' more than once; remove the repeat`, at: valuePath(i) };
      seen.add(text);
    }
    return undefined;
  },
);

export const fieldUser = itemValidator(
  'sigmahq_field_user',
  'high',
  "A user field matches a localized account name (contains AUTORI/AUTHORI, e.g. 'NT AUTHORITY'), which differs by OS language.",
  () => true,
  ({ item, valuePath }) => {
    const v = item.values[0];
    if (!item.field?.toLowerCase().includes('user') || item.values.length !== 1 || !v) return undefined;
    const text = valueText(v);
    return text.includes('AUTORI') || text.includes('AUTHORI')
      ? {
          message: `'${item.field}' matches '${text}', a localized account name that differs by OS language; match the SID or use a wildcard`,
          at: valuePath(0),
        }
      : undefined;
  },
);

const HASH_LENGTH: Readonly<Record<string, number>> = { MD5: 32, SHA1: 40, SHA256: 64, IMPHASH: 32 };
export const invalidHashKv = itemValidator(
  'sigmahq_invalid_hash_kv',
  'high',
  'A Hashes/Hash value is not ALGO=hex with a known algorithm (MD5, SHA1, SHA256, IMPHASH) and the right length.',
  () => true,
  ({ item, valuePath }) => {
    if (item.field !== 'Hashes' && item.field !== 'Hash') return undefined;
    const issues: Issue[] = [];
    item.values.forEach((v, i) => {
      const bad = (what: string): void =>
        void issues.push({
          message: `'${item.field ?? ''}' value ${what}; write ALGO=HEX with ALGO one of MD5, SHA1, SHA256, IMPHASH`,
          at: valuePath(i),
        });
      if (v.kind !== 'string') return bad(`'${valueText(v)}' is not a string`);
      for (const part of v.parts) {
        if (typeof part !== 'string') continue;
        const pieces = part.split('=');
        if (pieces.length !== 2) {
          bad(`'${part}' is not one ALGO=HEX pair`);
          continue;
        }
        const [algo = '', hex = ''] = pieces;
        const length = HASH_LENGTH[algo];
        if (length === undefined) bad(`has the unknown hash algorithm '${algo}'`);
        else if (!new RegExp(`^[a-fA-F0-9]{${length}}$`).test(hex)) bad(`'${hex}' is not a ${algo} hash (${length} hex digits)`);
      }
    });
    return issues;
  },
);

const UNSUPPORTED_GROUPS = ['(?=', '(?!', '(?<=', '(?<!', '(?>'];
export const unsupportedRegexGroupConstruct = itemValidator(
  'sigmahq_unsupported_regex_group_construct',
  'high',
  'A |re value uses lookahead, lookbehind or an atomic group, which many backends cannot run.',
  () => true,
  ({ item, valuePath }) => {
    if (!item.modifiers.includes('re')) return undefined;
    const seen = new Set<string>();
    const issues: Issue[] = [];
    item.values.forEach((v, i) => {
      if (v.kind !== 'regex' || seen.has(v.pattern)) return;
      const construct = UNSUPPORTED_GROUPS.find((g) => v.pattern.includes(g));
      if (construct === undefined) return;
      seen.add(v.pattern);
      issues.push({
        message: `regular expression uses '${construct}…)' (lookaround or atomic group), which RE2-based backends (Sentinel, Elastic) cannot run`,
        at: valuePath(i),
      });
    });
    return issues;
  },
);
