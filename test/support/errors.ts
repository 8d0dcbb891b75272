import { SigmaError } from '../../src/errors.js';

/** The SigmaError a function throws (fails the test if it throws something else or nothing). */
export function errorOf(f: () => unknown): SigmaError {
  try {
    f();
  } catch (e) {
    if (e instanceof SigmaError) return e;
    throw e;
  }
  throw new Error('expected a SigmaError');
}
