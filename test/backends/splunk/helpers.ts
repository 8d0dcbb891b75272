/** Fixtures of the Splunk backend tests: convert a detection written inline, and read SPL's boolean structure. */
import { registerBackend } from '../../../src/backend.js';
import { createConverter, type Converter } from '../../../src/convert.js';
import { splunkBackend } from '../../../backends/splunk/index.js';

registerBackend(splunkBackend);

/** A rule whose `detection:` block is `detection` (YAML, indented by four spaces). */
export function ruleText(detection: string, logsource = 'category: process_creation\n    product: windows', title = 'Test'): string {
  return [`title: ${title}`, 'id: 5f3c7d2e-1b4a-4c8e-9d6f-0a1b2c3d4e5f', 'logsource:', `    ${logsource}`, 'detection:', detection].join(
    '\n',
  );
}

const converters = new Map<string, Converter>();
function converter(pipelines: readonly string[], format: string): Converter {
  const key = `${pipelines.join('+')}/${format}`;
  let c = converters.get(key);
  if (!c) converters.set(key, (c = createConverter({ target: 'splunk', pipelines, format })));
  return c;
}

/** The SPL of a rule text; throws the SigmaError when it cannot be converted. */
export function splText(text: string, pipelines: readonly string[] = [], format = 'default'): string {
  const result = converter(pipelines, format).text(text, 'test.yml');
  if (!result.ok) throw result.error;
  return result.queries.join('\n;\n');
}

/** The SPL of a detection block (windows process_creation rule). */
export function spl(detection: string, pipelines: readonly string[] = [], format = 'default'): string {
  return splText(ruleText(detection), pipelines, format);
}

// ───────────── SPL boolean structure, as Splunk's search command reads it ─────────────

/** A boolean structure: a term, or an operator over structures. */
export type Structure = string | { readonly op: 'and' | 'or' | 'not'; readonly args: readonly Structure[] };

/** Nested and-in-and / or-in-or flattened and one-argument groups removed: structures equal when meanings do. */
export function normalize(s: Structure): Structure {
  if (typeof s === 'string') {
    // `f IN (a, b)` is `f=a OR f=b`
    const list = /^(\S+) IN \((.*)\)$/.exec(s);
    if (!list) return s;
    const values = (list[2] as string).match(/"(?:[^"\\]|\\.)*"|[^,\s]+/g) ?? [];
    return normalize({ op: 'or', args: values.map((v) => `${list[1]}=${v}`) });
  }
  const args = s.args.map(normalize).flatMap((a) => (typeof a !== 'string' && a.op === s.op && s.op !== 'not' ? a.args : [a]));
  return args.length === 1 && s.op !== 'not' ? (args[0] as Structure) : { op: s.op, args };
}

export function show(s: Structure): string {
  return typeof s === 'string' ? s : `${s.op}(${s.args.map(show).join(', ')})`;
}

/**
 * The boolean structure of an SPL search expression as Splunk's search command evaluates it: parentheses, then
 * NOT, then OR, then the implicit AND (help.splunk.com, "Boolean expressions with logical operators": "The search
 * command evaluates OR before AND operators"). Terms are kept as text.
 */
export function splStructure(search: string): Structure {
  const toks = splTokens(search);
  let i = 0;
  const peek = (): string | undefined => toks[i];
  const andExpr = (): Structure => {
    const args: Structure[] = [];
    while (i < toks.length && peek() !== ')') args.push(orExpr());
    return args.length === 1 ? (args[0] as Structure) : { op: 'and', args };
  };
  const orExpr = (): Structure => {
    const args = [unary()];
    while (peek() === 'OR') {
      i++;
      args.push(unary());
    }
    return args.length === 1 ? (args[0] as Structure) : { op: 'or', args };
  };
  const unary = (): Structure => {
    const t = toks[i++];
    if (t === 'NOT') return { op: 'not', args: [unary()] };
    if (t === '(') {
      const inner = andExpr();
      if (toks[i++] !== ')') throw new Error(`unbalanced parentheses in ${search}`);
      return inner;
    }
    if (t === undefined || t === ')' || t === 'OR') throw new Error(`unexpected ${t ?? 'end'} in ${search}`);
    return t;
  };
  const out = andExpr();
  if (i !== toks.length) throw new Error(`unexpected ${toks[i]} in ${search}`);
  return out;
}

/** Tokens of an SPL search: parentheses, and terms (`f="v"`, `"kw"`, `f IN (…)`, `NOT`, `OR`) kept whole. */
function splTokens(s: string): string[] {
  const toks: string[] = [];
  let i = 0;
  const quoted = (): string => {
    let j = i + 1;
    while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
    const q = s.slice(i, j + 1);
    i = j + 1;
    return q;
  };
  while (i < s.length) {
    const c = s[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')') {
      toks.push(c);
      i++;
    } else {
      let word = '';
      while (i < s.length && !/[\s()]/.test(s[i] as string)) word += s[i] === '"' ? quoted() : s[i++];
      const list = /^\s+IN\s+\(/.exec(s.slice(i));
      if (list) {
        i += list[0].length;
        let items = '';
        while (i < s.length && s[i] !== ')') items += s[i] === '"' ? quoted() : s[i++];
        i++;
        word += ` IN (${items})`;
      }
      toks.push(word);
    }
  }
  return toks;
}
