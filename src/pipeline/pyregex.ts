/**
 * Pipelines written for pySigma carry Python regular expressions (`(?i)(^HKLM)`, `(?P<name>…)`) and
 * Python `re.sub` replacement templates (`\1`, `\g<name>`, `\\`). These helpers translate them once, at
 * pipeline compile time, into JavaScript RegExps and a replacement function.
 */

/** Translates a Python pattern into a JavaScript RegExp. Throws an Error with a readable message if invalid. */
export function pythonRegex(pattern: string, flags = ''): RegExp {
  let source = pattern;
  const set = new Set(flags);
  // Global inline flags at the start: (?i), (?ims) …
  for (let m = /^\(\?([aiLmsux]+)\)/.exec(source); m; m = /^\(\?([aiLmsux]+)\)/.exec(source)) {
    for (const f of m[1] as string) {
      if (f === 'i' || f === 'm' || f === 's') set.add(f);
      else if (f === 'x') throw new Error(`verbose regular expressions (?x) are not supported`);
    }
    source = source.slice(m[0].length);
  }
  source = source
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>')
    .replace(/(^|[^\\])\\A/g, '$1^')
    .replace(/(^|[^\\])\\Z/g, '$1$(?![\\s\\S])');
  try {
    return new RegExp(source, [...set].sort().join(''));
  } catch (e) {
    throw new Error(`invalid regular expression '${pattern}': ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

type TemplatePart = string | { readonly group: number | string };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };

/** Parses a Python `re.sub` replacement template. Throws on escapes Python rejects (`\q`). */
export function parseReplacement(template: string): readonly TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string;
    if (c !== '\\') {
      text += c;
      continue;
    }
    const next = template[i + 1];
    if (next === undefined) throw new Error(`bad escape (end of replacement '${template}')`);
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      text += simple;
      i++;
    } else if (next === 'g') {
      const m = /^<([^>]*)>/.exec(template.slice(i + 2));
      if (!m) throw new Error(`missing group name after \\g in replacement '${template}'`);
      const name = m[1] as string;
      parts.push(text);
      text = '';
      parts.push({ group: /^\d+$/.test(name) ? Number(name) : name });
      i += 2 + m[0].length - 1;
    } else if (/[0-9]/.test(next)) {
      const m = /^[0-9]{1,2}/.exec(template.slice(i + 1)) as RegExpExecArray;
      parts.push(text);
      text = '';
      parts.push({ group: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z]/.test(next)) {
      throw new Error(`bad escape \\${next} in replacement '${template}'`);
    } else {
      text += '\\' + next;
      i++;
    }
  }
  parts.push(text);
  return parts.filter((p) => p !== '');
}

/** The replacement text for one match (unmatched groups give ''). */
export function expandReplacement(parts: readonly TemplatePart[], match: RegExpExecArray): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if (typeof p.group === 'number') out += match[p.group] ?? '';
    else out += match.groups?.[p.group] ?? '';
  }
  return out;
}

/** Python's `re.escape` (3.7+): a backslash before each character special in a regular expression. */
export function pythonEscape(text: string): string {
  return text.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (c) => '\\' + c);
}
