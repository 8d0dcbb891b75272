/** Checks that a rule's regular expression is well formed, so a broken one fails at load with its location. */
import { SigmaError, type SourceLocation } from '../errors.js';

/** Inline flag groups at the start (`(?i)`) are PCRE syntax that JavaScript's RegExp lacks: checked without them. */
const LEADING_FLAGS = /^\(\?[imsx]+\)/;

export function checkRegex(pattern: string, location?: SourceLocation): void {
  try {
    new RegExp(pattern.replace(LEADING_FLAGS, ''));
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e);
    throw new SigmaError('value', `invalid regular expression '${pattern}': ${reason}`, location);
  }
}
