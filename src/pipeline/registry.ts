/**
 * Registries of transformation, condition and post-processing types by their YAML `type` name. The engine
 * registers pySigma's built-in types; backends register their own (kusto's query table, ECS …) the same way.
 */
import { SigmaError } from '../errors.js';
import type {
  ConditionDefinition,
  ConditionScope,
  FinalizerDefinition,
  PostprocessingDefinition,
  TransformationDefinition,
} from './types.js';

const transformations = new Map<string, TransformationDefinition<unknown>>();
const postprocessing = new Map<string, PostprocessingDefinition<unknown>>();
const finalizers = new Map<string, FinalizerDefinition<unknown>>();
const conditions: { [S in ConditionScope]: Map<string, ConditionDefinition<S, unknown>> } = {
  rule: new Map(),
  detection_item: new Map(),
  field_name: new Map(),
};

function put<D>(map: Map<string, D>, what: string, type: string, definition: D): void {
  const existing = map.get(type);
  if (existing !== undefined && existing !== definition) {
    throw new SigmaError('internal', `${what} type '${type}' is already registered`);
  }
  map.set(type, definition);
}

/** Registers a transformation type. Registering the same definition twice is harmless; a different one throws. */
export function registerTransformation<P>(type: string, definition: TransformationDefinition<P>): void {
  put(transformations, 'transformation', type, definition as TransformationDefinition<unknown>);
}

export function registerCondition<S extends ConditionScope, P>(scope: S, type: string, definition: ConditionDefinition<S, P>): void {
  put(
    conditions[scope] as Map<string, ConditionDefinition<S, unknown>>,
    `${scope} condition`,
    type,
    definition as ConditionDefinition<S, unknown>,
  );
}

export function registerPostprocessing<P>(type: string, definition: PostprocessingDefinition<P>): void {
  put(postprocessing, 'postprocessing', type, definition as PostprocessingDefinition<unknown>);
}

export function registerFinalizer<P>(type: string, definition: FinalizerDefinition<P>): void {
  put(finalizers, 'finalizer', type, definition as FinalizerDefinition<unknown>);
}

export function getTransformation(type: string): TransformationDefinition<unknown> | undefined {
  return transformations.get(type);
}
export function getCondition<S extends ConditionScope>(scope: S, type: string): ConditionDefinition<S, unknown> | undefined {
  return conditions[scope].get(type) as ConditionDefinition<S, unknown> | undefined;
}
export function getPostprocessing(type: string): PostprocessingDefinition<unknown> | undefined {
  return postprocessing.get(type);
}

export function getFinalizer(type: string): FinalizerDefinition<unknown> | undefined {
  return finalizers.get(type);
}

export function transformationTypes(): string[] {
  return [...transformations.keys()].sort();
}
export function conditionTypes(scope: ConditionScope): string[] {
  return [...conditions[scope].keys()].sort();
}
export function postprocessingTypes(): string[] {
  return [...postprocessing.keys()].sort();
}
export function finalizerTypes(): string[] {
  return [...finalizers.keys()].sort();
}
