/**
 * Placeholders (`%name%` with the `expand` modifier) that reach a backend: no processing pipeline replaced them,
 * so the target has no text for them. pySigma refuses them too ("Attempt to convert unhandled placeholder … into
 * query"); writing `%name%` as literal text would search for the placeholder's name instead of its values.
 */
import type { SigmaString } from '../rule/ast.js';
import { SigmaError, type SourceLocation } from '../errors.js';

/** The name of the first placeholder of a string, or undefined when it has none. */
export function firstPlaceholder(s: SigmaString): string | undefined {
  for (const p of s.parts) if (typeof p === 'object' && p.kind === 'placeholder') return p.name;
  return undefined;
}

/** Throws an `unsupported` SigmaError, located at `location`, when `value` still holds a placeholder. */
export function refuseUnresolvedPlaceholder(field: string | null, value: SigmaString, location?: SourceLocation): void {
  const name = firstPlaceholder(value);
  if (name !== undefined) throw placeholderError(field, name, location);
}

/** The `unsupported` SigmaError for placeholder `%name%` of a value of `field` (null: a keyword). */
export function placeholderError(field: string | null, name: string, location?: SourceLocation): SigmaError {
  const where = field === null ? 'a keyword' : `a value of field '${field}'`;
  return new SigmaError(
    'unsupported',
    `placeholder '%${name}%' in ${where} has no definition (use a pipeline that defines it, e.g. with value_placeholders)`,
    location,
  );
}
