/**
 * Python's `json.dumps` output, which pySigma's `json` post-processing and finalizer produce and which tools
 * downstream of sigma-cli read byte for byte: `", "` and `": "` between items on one line, `","` and a
 * newline per item with `indent`, and every character outside printable ASCII written as `\uXXXX`
 * (`ensure_ascii`, the default), astral characters as their surrogate pair.
 *
 * Numbers are written as JavaScript prints them: a template's `1.0` reads back as 1 and is written `1`
 * (Python writes `1.0`); keys that look like array indices come first, as JavaScript orders them.
 */

/** Everything JSON.stringify leaves as is that Python's ensure_ascii escapes: DEL and every non-ASCII unit. */
const NON_ASCII = /[\u007f-\uffff]/g;

function pythonString(s: string): string {
  return JSON.stringify(s).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pythonNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return String(n);
}

/** `json.dumps(value, indent=indent)` as Python writes it (`indent` null or absent: one line). */
export function pythonJson(value: unknown, indent?: number | null): string {
  const write = (v: unknown, level: number): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return pythonString(v);
    if (typeof v === 'number') return pythonNumber(v);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    const entries: [string | undefined, unknown][] = Array.isArray(v)
      ? v.map((x): [undefined, unknown] => [undefined, x])
      : Object.entries(v as Record<string, unknown>);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) return open + close;
    const parts = entries.map(([k, x]) => (k === undefined ? '' : `${pythonString(k)}: `) + write(x, level + 1));
    if (indent === null || indent === undefined) return open + parts.join(', ') + close;
    const inner = '\n' + ' '.repeat(indent * (level + 1));
    return open + inner + parts.join(',' + inner) + '\n' + ' '.repeat(indent * level) + close;
  };
  return write(value, 0);
}
