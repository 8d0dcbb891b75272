/**
 * The kusto backend's own pipeline types, registered with the engine under these YAML names (semantics of
 * pySigma-backend-kusto's classes of the same purpose):
 *
 * transformations: set_query_table_state, dynamic_field_mapping, generic_field_mapping, invalid_field,
 *   hashes_values, registry_action_type_value, parent_image_value, split_domain_user
 * rule condition: query_table_set
 * postprocessing: prepend_query_table
 */
import { z } from 'zod';
import { SigmaError } from '../../../src/errors.js';
import {
  addWarning,
  detection,
  fieldNameTransform,
  inexpressible,
  mapFieldsList,
  newItem,
  pyPlain,
  registerCondition,
  registerPostprocessing,
  registerTransformation,
  replaceItems,
  splitString,
  valueTransform,
  withField,
  withValues,
  type ConditionDefinition,
  type ItemContext,
  type PostprocessingDefinition,
  type Run,
  type TransformationDefinition,
} from '../../../src/pipeline/index.js';
import type { Detection, DetectionItem, SigmaValue } from '../../../src/rule/ast.js';
import { parseSigmaString } from '../../../src/rule/strings.js';
import { EVENTID_CATEGORIES, REGISTRY_ACTION_TYPES } from './mappings.js';
import { extendLines } from '../computed.js';

const targets = z.union([z.string(), z.array(z.string())]);
const tableName = z.union([z.string(), z.array(z.string())]);

const NO_TABLE =
  'Unable to determine table name from rule.  The query table is determined in the following order of priority:\n' +
  "  1) the set_query_table_state item's 'val' parameter;\n" +
  '  2) a query_table already in the pipeline state (e.g. set by a user pipeline with a lower priority);\n' +
  "  3) the rule's logsource category, through category_to_table_mappings;\n" +
  '  4) an EventID/EventCode of a selection named sel*, through event_id_category_to_table_mappings.';

const eventCategory = new Map<number, string>();
for (const [category, ids] of Object.entries(EVENTID_CATEGORIES))
  for (const id of ids) if (!eventCategory.has(id)) eventCategory.set(id, category);

function eventId(v: SigmaValue): number | undefined {
  if (v.kind === 'number') return Number.isInteger(v.value) ? v.value : undefined;
  if (v.kind === 'string') {
    const text = pyPlain(v).trim();
    return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
  }
  return undefined;
}

type QueryTableParams = {
  val?: string | string[] | null;
  category_to_table_mappings: Record<string, string | string[]>;
  event_id_category_to_table_mappings: Record<string, string | string[]>;
};

/** Sets state `query_table`: `val`, else a table already in the state, else by category, else by event id. */
export const setQueryTableState: TransformationDefinition<QueryTableParams> = {
  params: z.strictObject({
    val: tableName.nullish(),
    category_to_table_mappings: z.record(z.string(), tableName).default({}),
    event_id_category_to_table_mappings: z.record(z.string(), tableName).default({}),
  }),
  compile: (p) => {
    const byCategory = new Map(Object.entries(p.category_to_table_mappings));
    const byEventCategory = new Map(Object.entries(p.event_id_category_to_table_mappings));
    const fromEventIds = (d: Detection, run: Run, item: ItemContext): string | readonly string[] | undefined => {
      // Only the selection's own items, as pySigma (nested detections are not searched).
      for (const n of d.items) {
        if (n.kind !== 'item' || (n.field !== 'EventID' && n.field !== 'EventCode') || !item.matchDetectionItem(n, run)) continue;
        for (const v of n.values) {
          const id = eventId(v);
          const category = id === undefined ? undefined : eventCategory.get(id);
          const table = category === undefined ? undefined : byEventCategory.get(category);
          if (table !== undefined && table.length > 0) return table;
        }
      }
      return undefined;
    };
    return (rule, run, item) => {
      let table: string | readonly string[] | undefined;
      if (p.val) table = p.val;
      else if (run.state.query_table) table = run.state.query_table as string;
      else if (rule.logsource.category) table = byCategory.get(rule.logsource.category);
      else {
        for (const [name, d] of rule.detection.selections) {
          if (!/^sel/.test(name.toLowerCase())) continue;
          table = fromEventIds(d, run, item);
          if (table !== undefined) break;
        }
      }
      const chosen = Array.isArray(table) ? table[0] : table;
      if (!chosen) throw new SigmaError('pipeline-failure', NO_TABLE, rule.source);
      run.state.query_table = chosen;
      return rule;
    };
  },
};

type Mapping = Record<string, string | string[]>;

/** Field mapping chosen by the state's `query_table` (its table mapping; no mapping for unknown tables). */
export const dynamicFieldMapping: TransformationDefinition<{ table_mappings: Record<string, Mapping>; generic_mappings: Mapping }> = {
  params: z.strictObject({
    table_mappings: z.record(z.string(), z.record(z.string(), targets)),
    generic_mappings: z.record(z.string(), targets).default({}),
  }),
  compile: ({ table_mappings, generic_mappings }) => {
    const transforms = new Map(Object.entries(table_mappings).map(([t, m]) => [t, fieldNameTransform(lookup(m))]));
    const none = fieldNameTransform(() => undefined);
    const generic = fieldNameTransform(lookup(generic_mappings));
    return (rule, run, item) => {
      if (!('query_table' in run.state)) return generic(rule, run, item);
      return (transforms.get(String(run.state.query_table)) ?? none)(rule, run, item);
    };
  },
};

function lookup(mapping: Mapping): (f: string | null) => string | readonly string[] | undefined {
  const map = new Map(Object.entries(mapping));
  return (f) => (f === null ? undefined : map.get(f));
}

/**
 * One-to-one mapping applied after the table mapping (the items it did not map are selected by a negated
 * processing_item_applied condition). Every item it visits is marked, mapped or not, as pySigma does.
 */
export const genericFieldMapping: TransformationDefinition<{ mapping: Record<string, string> }> = {
  params: z.strictObject({ mapping: z.record(z.string(), z.string()) }),
  compile: ({ mapping }) => {
    const map = new Map(Object.entries(mapping));
    const get = (f: string | null): string | undefined => (f === null ? undefined : map.get(f));
    return (rule, run, item) =>
      replaceItems(mapFieldsList(rule, run, item, get), run, item, (di) => {
        const to = get(di.field);
        return to === undefined ? di : withField(di, to);
      });
  },
};

/** Rejects the rule when a detection item's field (after mapping) is not valid for the table. */
export const invalidField: TransformationDefinition<{ message: string }> = {
  params: z.strictObject({ message: z.string() }),
  compile:
    ({ message }) =>
    (rule, run, item) =>
      replaceItems(rule, run, item, (di) => {
        if (di.field === null) return undefined;
        // An alternative of an OR is left out with a warning; under AND or NOT the rule is refused (inexpressible.ts).
        return inexpressible(
          `Invalid SigmaDetectionItem field name encountered: ${di.field}. ${message}`,
          di.location ?? rule.source,
          `${di.originalField ?? di.field}: no column of ${String(run.state['query_table'] ?? 'the table')} has this field`,
        );
      }),
};

const LENGTHS: Readonly<Record<number, string>> = { 32: 'MD5', 40: 'SHA1', 64: 'SHA256', 128: 'SHA512' };

type HashParams = { valid_hash_algos: string[]; field_prefix: string; drop_algo_prefix: boolean };

/**
 * Sysmon `Hashes` → one item per algorithm field (`<prefix><ALGO>`), or-ed. A bare hash is recognised by
 * its length. A value of an algorithm the table lacks (IMPHASH on XDR) cannot be expressed: among other
 * values of an OR it is left out with a warning; an item of such values only is an inexpressible alternative
 * (left out of an OR with a warning, an error under AND or NOT). pySigma-backend-kusto drops such values
 * silently without a field prefix and fails the rule with one.
 */
export const hashesValues: TransformationDefinition<HashParams> = {
  params: z.strictObject({
    valid_hash_algos: z.array(z.string()),
    field_prefix: z.string().default(''),
    drop_algo_prefix: z.boolean().default(false),
  }),
  compile: ({ valid_hash_algos, field_prefix, drop_algo_prefix }) => {
    const valid = new Set(valid_hash_algos);
    const available = `the table's hash columns are for ${valid_hash_algos.join(', ')}`;
    return (rule, run, item) =>
      replaceItems(rule, run, item, (di) => {
        const groups = new Map<string, string[]>();
        const lost: string[] = [];
        for (const v of di.values) {
          if (v.kind !== 'string') continue;
          const text = pyPlain(v);
          let parts = text.split('|');
          if (parts.length === 1) parts = (parts[0] as string).split('=');
          let algo: string;
          let value: string;
          if (parts.length === 2) {
            const named = (parts[0] as string).replace(/^\*+/, '').toUpperCase();
            algo = valid.has(named) ? named : '';
            value = parts[1] as string;
          } else {
            value = parts[0] as string;
            algo = LENGTHS[value.length] ?? '';
            if (!valid.has(algo)) algo = '';
          }
          if (algo === '') {
            lost.push(text);
            continue;
          }
          const field = field_prefix + (drop_algo_prefix ? '' : algo);
          groups.set(field, [...(groups.get(field) ?? []), value]);
        }
        const where = di.location ?? rule.source;
        const what = (values: readonly string[]): string =>
          `${di.originalField ?? di.field ?? 'Hashes'} ${values.map((t) => `'${t.replace(/^\*+|\*+$/g, '')}'`).join(', ')}`;
        if (groups.size === 0) return inexpressible(`${what(lost)}: ${available}`, where);
        if (lost.length > 0) {
          if (di.linking === 'and' || di.negated) {
            throw new SigmaError(
              'pipeline-failure',
              `${what(lost)}: ${available}, and the value is ${di.negated ? 'negated' : 'required by |all'}, so it cannot be left out`,
              where,
            );
          }
          addWarning(run, `dropped the alternative ${what(lost)}: ${available}`, where);
        }
        return detection(
          [...groups].map(([f, values]) =>
            newItem(
              f,
              values.map((t) => parseSigmaString(t)),
              di,
            ),
          ),
          'or',
          di.location,
        );
      });
  },
};

/** Sysmon registry EventType values → the tables' ActionType values (others unchanged). */
export const registryActionTypeValue: TransformationDefinition<Record<string, never>> = {
  params: z.strictObject({}),
  compile: () => {
    const map = new Map(Object.entries(REGISTRY_ACTION_TYPES));
    return valueTransform((_f, v) => {
      if (v.kind !== 'string') return undefined;
      const to = map.get(pyPlain(v));
      if (to === undefined) return undefined;
      return typeof to === 'string' ? parseSigmaString(to) : to.map((t) => parseSigmaString(t));
    });
  },
};

/** A path value → its last component (`C:\Windows\cmd.exe` → `cmd.exe`), for *ParentFileName columns. */
export const parentImageValue: TransformationDefinition<Record<string, never>> = {
  params: z.strictObject({}),
  compile: () =>
    valueTransform((_f, v) => {
      if (v.kind !== 'string') return undefined;
      const segments = splitString(v, '\\/');
      return segments.length > 1 ? segments[segments.length - 1] : undefined;
    }),
};

const DOMAIN_FIELDS: Readonly<Record<string, string>> = {
  AccountName: 'AccountDomain',
  RequestAccountName: 'RequestAccountDomain',
  InitiatingProcessAccountName: 'InitiatingProcessAccountDomain',
};

/**
 * `DOMAIN\user` values → the user name in the account field AND the domain in its domain field
 * (AccountName → AccountDomain …). Values without exactly one backslash stay as they are.
 */
export const splitDomainUser: TransformationDefinition<Record<string, never>> = {
  params: z.strictObject({}),
  compile: () => (rule, run, item) =>
    replaceItems(rule, run, item, (di): Detection | undefined => {
      if (di.negated || di.field === null) return undefined;
      const split = di.values.map((v) => (v.kind === 'string' ? splitString(v, '\\') : [v]));
      if (split.every((s) => s.length === 1)) return undefined;
      const domainField = DOMAIN_FIELDS[di.field] ?? 'InitiatingProcessAccountDomain';
      const field = di.field;
      const perValue = split.map((segments): DetectionItem | Detection => {
        if (segments.length === 2) {
          const [domain, user] = segments as [SigmaValue, SigmaValue];
          return detection([newItem(field, [user], di), newItem(domainField, [domain], di)], 'and', di.location);
        }
        return withValues(di, segments);
      });
      return detection(perValue, di.linking, di.location);
    }),
};

/** The state has a `query_table`. */
export const queryTableSet: ConditionDefinition<'rule', Record<string, never>> = {
  params: z.strictObject({}),
  compile: () => (_rule, run) => run.state.query_table !== undefined && run.state.query_table !== null,
};

/** `<query_table>\n| where <query>`, with an `| extend` line before the `where` for each computed field. */
export const prependQueryTable: PostprocessingDefinition<Record<string, never>> = {
  params: z.strictObject({}),
  compile: () => (query, _rule, state) => `${String(state.query_table)}\n${extendLines(state)}| where ${query}`,
};

registerTransformation('set_query_table_state', setQueryTableState);
registerTransformation('dynamic_field_mapping', dynamicFieldMapping);
registerTransformation('generic_field_mapping', genericFieldMapping);
registerTransformation('invalid_field', invalidField);
registerTransformation('hashes_values', hashesValues);
registerTransformation('registry_action_type_value', registryActionTypeValue);
registerTransformation('parent_image_value', parentImageValue);
registerTransformation('split_domain_user', splitDomainUser);
registerCondition('rule', 'query_table_set', queryTableSet);
registerPostprocessing('prepend_query_table', prependQueryTable);
