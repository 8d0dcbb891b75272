/**
 * The processing-pipeline model: a pipeline is validated data (pySigma's pipeline YAML shape) compiled once
 * into processing items whose conditions and transformations are plain functions. Applying a pipeline to a
 * rule is pure: it returns a new rule, the pipeline state and the identifiers of the items that applied.
 */
import type { Inexpressible } from './inexpressible.js';
import type { z } from 'zod';
import type { SourceLocation } from '../errors.js';
import type { Detection, DetectionItem, SigmaRule } from '../rule/ast.js';

/** Mutable bookkeeping of one application of a pipeline to one rule (never escapes `applyPipeline`). */
export interface Run {
  /** Pipeline state (query table, data model …): starts empty for every rule, as in pySigma. */
  readonly state: Record<string, unknown>;
  readonly vars: Readonly<Record<string, unknown>>;
  /** Identifiers of the processing items applied to the rule so far. */
  readonly ruleApplied: Set<string>;
  /** Field names of the rule's `fields` list → identifiers of the items that produced them. */
  readonly fieldApplied: Map<string, Set<string>>;
}

/** What a transformation knows about the processing item it belongs to. */
export interface ItemContext {
  readonly id: string;
  readonly type: string;
  /** Where the item is written (pipeline file); used for errors the pipeline itself causes. */
  readonly location: SourceLocation;
  /** Detection-item and field-name conditions of the item, evaluated on one detection item. */
  matchDetectionItem(item: DetectionItem, run: Run): boolean;
  /** Field-name conditions on a bare field name (a detection item's field, a `fields` entry). */
  matchFieldName(field: string | null, run: Run): boolean;
  /** Field-name conditions on the field named by a `fieldref` value. */
  matchFieldRef(field: string, run: Run): boolean;
}

/** A compiled transformation: a pure function of the rule, given the run and its item. */
export type Transform = (rule: SigmaRule, run: Run, item: ItemContext) => SigmaRule;

/** What compiling a transformation can use besides its parameters. */
export interface CompileContext {
  /** Where the item is written, for errors found while compiling (bad regex …). */
  readonly location: SourceLocation;
  /** Path of the item in the pipeline document, e.g. `transformations[3]`. */
  readonly path: string;
  /** Compiles nested processing items (the `nest` transformation). */
  compileItems(items: readonly unknown[], key: string): readonly ProcessingItem[];
}

export interface TransformationDefinition<P = unknown> {
  /** Parameters of the item (every key except type, id and the condition keys), validated with zod. */
  readonly params: z.ZodType<P>;
  /** Builds the transformation once per pipeline. Throws SigmaError('pipeline') for bad parameters. */
  readonly compile: (params: P, context: CompileContext) => Transform;
}

export type RuleMatcher = (rule: SigmaRule, run: Run) => boolean;
export type DetectionItemMatcher = (item: DetectionItem, run: Run) => boolean;
export interface FieldNameMatcher {
  readonly field: (field: string | null, run: Run) => boolean;
  /** On a whole detection item; by default the item's field or any of its `fieldref` values. */
  readonly detectionItem?: (item: DetectionItem, run: Run) => boolean;
}

export type ConditionScope = 'rule' | 'detection_item' | 'field_name';
export interface ConditionMatchers {
  readonly rule: RuleMatcher;
  readonly detection_item: DetectionItemMatcher;
  readonly field_name: FieldNameMatcher;
}
export interface ConditionDefinition<S extends ConditionScope, P = unknown> {
  readonly params: z.ZodType<P>;
  readonly compile: (params: P, context: { readonly location: SourceLocation; readonly path: string }) => ConditionMatchers[S];
}

/** A compiled processing item. */
export interface ProcessingItem {
  readonly kind: 'processing-item';
  readonly id: string;
  readonly type: string;
  readonly location: SourceLocation;
  /** The item as written (validated), kept for display and round trips. */
  readonly definition: Readonly<Record<string, unknown>>;
  readonly matchRule: (rule: SigmaRule, run: Run) => boolean;
  readonly context: ItemContext;
  readonly transform: Transform;
}

/**
 * A compiled query post-processing transformation. `run` is the rule's pipeline run (state, applied items):
 * the `nest` post-processing checks its items' rule conditions against it.
 */
export type PostprocessTransform = (query: string, rule: SigmaRule, state: Readonly<Record<string, unknown>>, run: Run) => string;
export interface PostprocessingDefinition<P = unknown> {
  readonly params: z.ZodType<P>;
  readonly compile: (
    params: P,
    context: {
      readonly location: SourceLocation;
      readonly path: string;
      /** Compiles nested post-processing items found under `key` of this item (for `nest`). */
      readonly compileItems: (items: readonly unknown[], key: string) => PostprocessingItem[];
    },
  ) => PostprocessTransform;
}

/**
 * A compiled finalizer: turns the output of the whole run — the list of post-processed queries of every rule,
 * or what the finalizer before it made of them — into the next output (usually one text).
 */
export type FinalizeTransform = (output: unknown) => unknown;
export interface FinalizerDefinition<P = unknown> {
  readonly params: z.ZodType<P>;
  readonly compile: (
    params: P,
    context: {
      readonly location: SourceLocation;
      readonly path: string;
      /** Compiles the finalizers found under `key` of this one (for `nested`). */
      readonly compileFinalizers: (finalizers: readonly unknown[], key: string) => FinalizerItem[];
    },
  ) => FinalizeTransform;
}
export interface FinalizerItem {
  readonly kind: 'finalizer';
  readonly type: string;
  readonly location: SourceLocation;
  /** The finalizer as written (validated). */
  readonly definition: Readonly<Record<string, unknown>>;
  readonly apply: FinalizeTransform;
}
export interface PostprocessingItem {
  readonly kind: 'postprocessing-item';
  readonly id: string;
  readonly type: string;
  readonly location: SourceLocation;
  readonly definition: Readonly<Record<string, unknown>>;
  readonly matchRule: (rule: SigmaRule, run: Run) => boolean;
  readonly transform: PostprocessTransform;
}

export interface Pipeline {
  readonly kind: 'pipeline';
  readonly name?: string;
  /** Lower runs first when pipelines are combined (`-p a -p b`). */
  readonly priority: number;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly allowedBackends: readonly string[];
  readonly items: readonly ProcessingItem[];
  readonly postprocessing: readonly PostprocessingItem[];
  /** Finalizers in order; `finalizeQueries` runs them over a run's queries (the CLI does for the default format). */
  readonly finalizers: readonly FinalizerItem[];
  readonly source?: SourceLocation;
}

export interface ProcessingResult {
  readonly rule: SigmaRule;
  readonly state: Readonly<Record<string, unknown>>;
  /** Identifiers of the processing items that applied, in order. */
  readonly applied: readonly string[];
}

/** Where a parsed pipeline came from: the file and a function that locates a path of the document. */
export interface PipelineSource {
  readonly file?: string;
  readonly locate?: (path: readonly (string | number)[], what?: 'key' | 'value') => { line: number; column: number } | undefined;
}

/** A replacement for one detection item: a new item, a detection (or-ed copies …), or removal. */
export type ItemReplacement = DetectionItem | Detection | 'drop' | Inexpressible | undefined;

/** A pipeline as data in pySigma's YAML shape: what `parsePipeline` takes and named pipelines are written in. */
export interface PipelineDocument {
  readonly name?: string;
  readonly priority?: number;
  readonly vars?: Readonly<Record<string, unknown>>;
  readonly transformations?: readonly Readonly<Record<string, unknown>>[];
  readonly postprocessing?: readonly Readonly<Record<string, unknown>>[];
  readonly finalizers?: readonly Readonly<Record<string, unknown>>[];
  readonly allowed_backends?: readonly string[];
}
