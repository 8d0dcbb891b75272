/** `--logsource product=P,category=C,service=S` of `match` and `test`. */
import { SigmaError } from '../errors.js';
import type { Logsource } from '../rule/ast.js';

const LOGSOURCE_KEYS: ReadonlySet<string> = new Set(['product', 'category', 'service']);

/** `--logsource product=windows,category=process_creation` (repeatable, merged): undefined when not given. */
export function logsourceOption(given: readonly string[]): Logsource | undefined {
  if (given.length === 0) return undefined;
  const parts = new Map<string, string>();
  for (const text of given)
    for (const item of text.split(',')) {
      const at = item.indexOf('=');
      const key = (at === -1 ? item : item.slice(0, at)).trim();
      const value = at === -1 ? '' : item.slice(at + 1).trim();
      if (!LOGSOURCE_KEYS.has(key) || value === '')
        throw new SigmaError(
          'backend',
          `--logsource takes product=…, category=… and service=… separated by commas (e.g. product=windows,category=process_creation), not '${item.trim()}'`,
        );
      const known = parts.get(key);
      if (known !== undefined && known !== value)
        throw new SigmaError('backend', `--logsource gives ${key} twice ('${known}' and '${value}')`);
      parts.set(key, value);
    }
  const product = parts.get('product');
  const category = parts.get('category');
  const service = parts.get('service');
  return {
    ...(product !== undefined ? { product } : {}),
    ...(category !== undefined ? { category } : {}),
    ...(service !== undefined ? { service } : {}),
  };
}
