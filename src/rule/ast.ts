/**
 * The typed Sigma rule model. Every value is a frozen plain object with a `kind`; transformations return new
 * values and never mutate. Backends, the pipeline engine and the evaluator all read these types.
 */
import type { SourceLocation } from '../errors.js';
import type { CorrelationExpression } from './correlation-condition.js';

// ───────────────────────────── strings ─────────────────────────────

/** A wildcard inside a Sigma string: `*` (any run of characters) or `?` (one character). */
export interface Wildcard {
  readonly kind: 'wildcard';
  readonly char: '*' | '?';
}
/** A placeholder `%name%` inside a string with the `expand` modifier. */
export interface Placeholder {
  readonly kind: 'placeholder';
  readonly name: string;
}
/**
 * One part of a Sigma string: literal text (no escapes left: a literal `*` is just the character), a
 * wildcard, or a placeholder. Adjacent text parts are always merged; there are no empty text parts.
 */
export type StringPart = string | Wildcard | Placeholder;

export interface SigmaString {
  readonly kind: 'string';
  readonly parts: readonly StringPart[];
  /** `cased` modifier: match case-sensitively. */
  readonly cased: boolean;
}

// ───────────────────────────── other values ─────────────────────────────

export interface SigmaNumber {
  readonly kind: 'number';
  readonly value: number;
  /** The number in its canonical decimal form (as the reference prints it: `0x17` → `23`, `1.50` → `1.5`). */
  readonly text: string;
}
export interface SigmaBoolean {
  readonly kind: 'boolean';
  readonly value: boolean;
}
/** `field: null` — the field is absent or empty. */
export interface SigmaNull {
  readonly kind: 'null';
}
export interface RegexFlags {
  readonly ignoreCase: boolean; // re|i
  readonly multiline: boolean; // re|m
  readonly dotAll: boolean; // re|s
}
export interface SigmaRegex {
  readonly kind: 'regex';
  /** The pattern exactly as written in the rule (PCRE flavour of the spec). */
  readonly pattern: string;
  readonly flags: RegexFlags;
}
export interface SigmaCidr {
  readonly kind: 'cidr';
  /** Normalised `address/prefix`. */
  readonly cidr: string;
  readonly version: 4 | 6;
  readonly address: string;
  readonly prefix: number;
}
/** `fieldref`: compare with another field of the same event. */
export interface SigmaFieldRef {
  readonly kind: 'fieldref';
  readonly field: string;
}
/** `exists`: the field is (true) or is not (false) present. */
export interface SigmaExists {
  readonly kind: 'exists';
  readonly exists: boolean;
}
export type CompareOp = 'lt' | 'lte' | 'gt' | 'gte';
/** Numeric comparison from lt/lte/gt/gte. */
export interface SigmaCompare {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly value: SigmaNumber;
}
export type TimePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
/** Time modifiers: a numeric part of a timestamp field compared with `value`. */
export interface SigmaTimePart {
  readonly kind: 'timepart';
  readonly part: TimePart;
  readonly value: SigmaNumber | SigmaCompare;
}
/**
 * Several alternatives for one value, or-ed together (windash permutations, base64offset shifts,
 * placeholder value lists). Backends render it like a list of values of the same field.
 */
export interface SigmaExpansion {
  readonly kind: 'expansion';
  readonly values: readonly SigmaValue[];
}
/** A query expression inserted verbatim by a pipeline's query_expression_placeholders. */
export interface SigmaQueryExpression {
  readonly kind: 'query';
  /** Expression with `{field}` and `{id}` to fill in. */
  readonly expression: string;
  readonly id: string;
}

export type SigmaValue =
  | SigmaString
  | SigmaNumber
  | SigmaBoolean
  | SigmaNull
  | SigmaRegex
  | SigmaCidr
  | SigmaFieldRef
  | SigmaExists
  | SigmaCompare
  | SigmaTimePart
  | SigmaExpansion
  | SigmaQueryExpression;

export type ValueKind = SigmaValue['kind'];

// ───────────────────────────── modifiers ─────────────────────────────

export const MODIFIERS = [
  'contains',
  'startswith',
  'endswith',
  'all',
  'exists',
  'cased',
  'neq',
  'windash',
  're',
  'i',
  'm',
  's',
  'base64',
  'base64offset',
  'utf16le',
  'utf16be',
  'utf16',
  'wide',
  'lt',
  'lte',
  'gt',
  'gte',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
  'cidr',
  'expand',
  'fieldref',
] as const;
export type Modifier = (typeof MODIFIERS)[number];

// ───────────────────────────── detections ─────────────────────────────

/**
 * One `field|modifiers: values` entry (or one keyword list when `field` is null). `values` already carry the
 * modifiers' effect (a `contains` string has its `*` parts); `modifiers` is kept for backends and messages.
 */
export interface DetectionItem {
  readonly kind: 'item';
  /** Field name; null for keywords (unbound values searched in the whole event). */
  readonly field: string | null;
  readonly modifiers: readonly Modifier[];
  readonly values: readonly SigmaValue[];
  /** How the values combine: `or` normally, `and` with the `all` modifier. */
  readonly linking: 'or' | 'and';
  /** `neq`: the item matches when the field equals none of the values. */
  readonly negated: boolean;
  /** Identifiers of the processing items applied to this item (pipeline conditions read them). */
  readonly applied: readonly string[];
  /** Field name before any pipeline renamed it. */
  readonly originalField: string | null;
  readonly location?: SourceLocation;
}

/**
 * A map of items (and-ed) or a list of maps / keywords (or-ed). `items` may nest: a list of maps is an
 * `or` detection whose items are `and` detections.
 */
export interface Detection {
  readonly kind: 'detection';
  readonly items: readonly (DetectionItem | Detection)[];
  readonly linking: 'and' | 'or';
  readonly location?: SourceLocation;
}

// ───────────────────────────── conditions ─────────────────────────────

export type ConditionNode =
  | { readonly kind: 'and'; readonly args: readonly ConditionNode[] }
  | { readonly kind: 'or'; readonly args: readonly ConditionNode[] }
  | { readonly kind: 'not'; readonly arg: ConditionNode }
  | { readonly kind: 'ref'; readonly name: string; readonly offset: number }
  | {
      readonly kind: 'of';
      readonly quantifier: 'one' | 'all';
      /** A selection name, a name with `*` wildcards, or `them`. */
      readonly pattern: string;
      readonly offset: number;
    };

export interface Condition {
  /** The condition text as written. */
  readonly text: string;
  readonly tree: ConditionNode;
  readonly location?: SourceLocation;
}

export interface Detections {
  /** Named selections in the rule's order. */
  readonly selections: ReadonlyMap<string, Detection>;
  readonly conditions: readonly Condition[];
  /** Sigma 1 `timeframe`, kept for correlation-era rules. */
  readonly timeframe?: string;
}

// ───────────────────────────── documents ─────────────────────────────

export interface Logsource {
  readonly category?: string;
  readonly product?: string;
  readonly service?: string;
  readonly definition?: string;
  /** Other keys present under logsource. */
  readonly custom?: Readonly<Record<string, unknown>>;
}

export interface RelatedRule {
  readonly id: string;
  readonly type: 'derived' | 'obsolete' | 'merged' | 'renamed' | 'similar';
}

export type Level = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export type Status = 'stable' | 'test' | 'experimental' | 'deprecated' | 'unsupported';

/** What every Sigma document (rule, correlation, filter) has. */
export interface DocumentMeta {
  readonly title: string;
  readonly id?: string;
  readonly name?: string;
  readonly related?: readonly RelatedRule[];
  readonly taxonomy?: string;
  readonly status?: Status;
  readonly description?: string;
  readonly license?: string;
  readonly author?: string;
  readonly references?: readonly string[];
  readonly date?: string;
  readonly modified?: string;
  readonly tags?: readonly string[];
  readonly falsepositives?: readonly string[];
  readonly level?: Level;
  readonly fields?: readonly string[];
  readonly scope?: readonly string[];
  /** Keys not defined by the specification, kept as written (custom attributes). */
  readonly custom: Readonly<Record<string, unknown>>;
  /** Where the document came from. */
  readonly source: SourceLocation;
}

export interface SigmaRule extends DocumentMeta {
  readonly kind: 'rule';
  readonly logsource: Logsource;
  readonly detection: Detections;
}

export type CorrelationType =
  'event_count' | 'value_count' | 'temporal' | 'temporal_ordered' | 'value_sum' | 'value_avg' | 'value_percentile' | 'value_median';

export interface CorrelationCondition {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  readonly eq?: number;
  readonly neq?: number;
  /** The field that value_* correlations aggregate. */
  readonly field?: string;
  /** value_percentile: which percentile. */
  readonly percentile?: number;
}

export interface SigmaCorrelation extends DocumentMeta {
  readonly kind: 'correlation';
  readonly type: CorrelationType;
  /**
   * Referenced rules (or correlations) by id or name, as written; when `rules` is absent and the condition is an
   * extended one, the rules it names in order of appearance.
   */
  readonly rules: readonly string[];
  readonly groupBy: readonly string[];
  /** Timespan as written (`5m`, `1h`) and in seconds. */
  readonly timespan: string;
  readonly timespanSeconds: number;
  readonly condition?: CorrelationCondition;
  /** temporal / temporal_ordered: an extended condition (`a and b and not c`) instead of a count. */
  readonly expression?: CorrelationExpression;
  /** Field aliases: alias → (rule id/name → field). */
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly generate: boolean;
}

export interface SigmaFilter extends DocumentMeta {
  readonly kind: 'filter';
  readonly logsource: Logsource;
  /** Rules the filter applies to, by id or name. */
  readonly rules: readonly string[];
  /** The filter's selections and its condition (events matching it are excluded). */
  readonly detection: Detections;
}

export type SigmaDocument = SigmaRule | SigmaCorrelation | SigmaFilter;

/** The documents of one file (or one YAML text), in order. */
export interface SigmaCollection {
  readonly documents: readonly SigmaDocument[];
  readonly file?: string;
}
