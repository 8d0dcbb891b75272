/**
 * Rule-level transformations (pySigma names): add_condition, change_logsource, set_state,
 * set_custom_attribute, rule_failure, detection_item_failure, drop_detection_item, nest.
 */
import { z } from 'zod';
import { SigmaError, type SourceLocation } from '../../errors.js';
import type { Condition, ConditionNode, Detection, SigmaRule } from '../../rule/ast.js';
import { buildDetection, type Locate } from '../../rule/detection.js';
import { applyItems } from '../run.js';
import type { TransformationDefinition } from '../types.js';
import { markApplied, replaceItems, withSelections } from '../walk.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

type AddConditionParams = {
  conditions: Record<string, unknown>;
  name?: string | null;
  template: boolean;
  negated: boolean;
};

/** Python's string.Template.safe_substitute for $category, $product, $service (None → "None"). */
function substitute(text: string, rule: SigmaRule): string {
  const values: Record<string, string> = {
    category: rule.logsource.category ?? 'None',
    product: rule.logsource.product ?? 'None',
    service: rule.logsource.service ?? 'None',
  };
  return text.replace(/\$(?:(\w+)|\{(\w+)\})|\$\$/g, (m, a: string | undefined, b: string | undefined) => {
    if (m === '$$') return '$';
    const key = a ?? b ?? '';
    return Object.prototype.hasOwnProperty.call(values, key) ? (values[key] as string) : m;
  });
}

function templated(conditions: Record<string, unknown>, rule: SigmaRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(conditions)) {
    out[k] = Array.isArray(v)
      ? v.map((x) => (typeof x === 'string' ? substitute(x, rule) : x))
      : typeof v === 'string'
        ? substitute(v, rule)
        : v;
  }
  return out;
}

function uniqueName(base: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/**
 * Adds a selection built from `conditions` and rewrites every condition to `new and (condition)`
 * (`not new and (condition)` when negated), the new reference first, as pySigma does.
 */
export const addCondition: TransformationDefinition<AddConditionParams> = {
  params: z.strictObject({
    conditions: z.record(z.string(), z.union([scalar, z.array(scalar)])),
    name: z.string().nullish(),
    template: z.boolean().default(false),
    negated: z.boolean().default(false),
  }),
  compile: (p, { location, path }) => {
    const locate: Locate = () => location;
    const build = (conditions: Record<string, unknown>): Detection => {
      try {
        return buildDetection(conditions, ['conditions'], locate);
      } catch (e) {
        if (e instanceof SigmaError) throw new SigmaError('pipeline', `${path}.conditions: ${e.message}`, location);
        throw e;
      }
    };
    const fixed = p.template ? undefined : build(p.conditions);
    return (rule, _run, item) => {
      const name = uniqueName(p.name ?? `_cond_${item.id.replace(/\W+/g, '_')}`, rule.detection.selections);
      const added = markApplied(fixed ?? build(templated(p.conditions, rule)), item.id);
      const selections = new Map(rule.detection.selections);
      selections.set(name, added);
      const ref: ConditionNode = Object.freeze({ kind: 'ref', name, offset: 0 });
      const head: ConditionNode = p.negated ? Object.freeze({ kind: 'not', arg: ref }) : ref;
      const conditions: Condition[] = rule.detection.conditions.map((c) =>
        Object.freeze({ ...c, tree: Object.freeze({ kind: 'and', args: Object.freeze([head, c.tree]) }) }),
      );
      const withSel = withSelections(rule, selections);
      return Object.freeze({ ...withSel, detection: Object.freeze({ ...withSel.detection, conditions: Object.freeze(conditions) }) });
    };
  },
};

const optionalName = z.string().nullish();

/** Replaces the rule's log source (keys not given are removed, as in pySigma). */
export const changeLogsource: TransformationDefinition<{ category?: string | null; product?: string | null; service?: string | null }> = {
  params: z.strictObject({ category: optionalName, product: optionalName, service: optionalName }),
  compile: ({ category, product, service }) => {
    const logsource = Object.freeze({
      ...(category != null ? { category } : {}),
      ...(product != null ? { product } : {}),
      ...(service != null ? { service } : {}),
    });
    return (rule) => Object.freeze({ ...rule, logsource });
  },
};

/** Sets a key of the pipeline state (read by backends: index, data model, query table …). */
export const setState: TransformationDefinition<{ key: string; val: unknown }> = {
  params: z.strictObject({ key: z.string(), val: z.unknown() }),
  compile:
    ({ key, val }) =>
    (rule, run) => {
      run.state[key] = val;
      return rule;
    },
};

export const setCustomAttribute: TransformationDefinition<{ attribute: string; value: unknown }> = {
  params: z.strictObject({ attribute: z.string(), value: z.unknown() }),
  compile:
    ({ attribute, value }) =>
    (rule) =>
      Object.freeze({ ...rule, custom: Object.freeze({ ...rule.custom, [attribute]: value }) }),
};

/** Refuses the rule with a message (e.g. an unsupported log source). */
export const ruleFailure: TransformationDefinition<{ message: string }> = {
  params: z.strictObject({ message: z.string() }),
  compile:
    ({ message }) =>
    (rule) => {
      throw new SigmaError('pipeline-failure', message, rule.source);
    },
};

function itemLocation(rule: SigmaRule, location: SourceLocation | undefined): SourceLocation {
  return location ?? rule.source;
}

/** Refuses the rule when a detection item matches the item's conditions (e.g. an unsupported field). */
export const detectionItemFailure: TransformationDefinition<{ message: string }> = {
  params: z.strictObject({ message: z.string() }),
  compile:
    ({ message }) =>
    (rule, run, item) =>
      replaceItems(rule, run, item, (di) => {
        throw new SigmaError('pipeline-failure', message, itemLocation(rule, di.location));
      }),
};

/** Removes the detection items that match the item's conditions. */
export const dropDetectionItem: TransformationDefinition<Record<string, never>> = {
  params: z.strictObject({}),
  compile: () => (rule, run, item) => replaceItems(rule, run, item, () => 'drop'),
};

/** Applies a list of nested processing items (each with its own conditions) when this item's rule conditions hold. */
export const nest: TransformationDefinition<{ items: unknown[] }> = {
  params: z.strictObject({ items: z.array(z.unknown()) }),
  compile: ({ items }, { compileItems }) => {
    const compiled = compileItems(items, 'items');
    return (rule, run) => applyItems(compiled, rule, run);
  },
};
