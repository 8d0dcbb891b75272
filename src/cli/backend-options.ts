/**
 * `-O key=value` backend options, as text: the backend's declared option types (`Backend.options`) turn them into
 * booleans and numbers, and refuse unknown keys and bad values, when the converter is made.
 */
import { SigmaError } from '../errors.js';

export function parseBackendOptions(pairs: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new SigmaError('backend', `backend option '${pair}' is not KEY=VALUE`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}
