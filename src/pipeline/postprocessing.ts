/**
 * Built-in query post-processing (pySigma names): embed (prefix/suffix), replace (regex on the query),
 * simple_template (Python `str.format` with {query}, {rule.<attribute>}, {pipeline.state[<key>]}), json (the
 * query put in place of every `"%QUERY%"` string of a JSON template, written as Python's `json.dumps`), nest
 * (post-processing items, each with its own rule conditions, in order).
 */
import { z } from 'zod';
import { SigmaError } from '../errors.js';
import type { SigmaRule } from '../rule/ast.js';
import { expandReplacement, parseReplacement, pythonRegex } from './pyregex.js';
import { pythonJson } from './pyjson.js';
import { applyPostprocessing } from './run.js';
import type { PostprocessingDefinition } from './types.js';

export const embed: PostprocessingDefinition<{ prefix: string; suffix: string }> = {
  params: z.strictObject({ prefix: z.string().default(''), suffix: z.string().default('') }),
  compile:
    ({ prefix, suffix }) =>
    (query) =>
      prefix + query + suffix,
};

export const replace: PostprocessingDefinition<{ pattern: string; replacement: string }> = {
  params: z.strictObject({ pattern: z.string(), replacement: z.string() }),
  compile: ({ pattern, replacement }, { path, location }) => {
    let re: RegExp;
    let template: ReturnType<typeof parseReplacement>;
    try {
      const base = pythonRegex(pattern);
      re = new RegExp(base.source, base.flags + 'g');
      template = parseReplacement(replacement);
    } catch (e) {
      throw new SigmaError('pipeline', `${path}: ${(e as Error).message}`, location);
    }
    return (query) =>
      query.replace(re, (...args: unknown[]) => {
        const last = args[args.length - 1];
        const hasGroups = typeof last === 'object' && last !== null;
        const match = args.slice(0, args.length - (hasGroups ? 3 : 2)) as unknown as RegExpExecArray;
        if (hasGroups) (match as { groups?: Record<string, string> }).groups = last as Record<string, string>;
        return expandReplacement(template, match);
      });
  },
};

function field(rule: SigmaRule, state: Readonly<Record<string, unknown>>, query: string, expr: string): string | undefined {
  if (expr === 'query') return query;
  const attr = /^rule\.(\w+)$/.exec(expr);
  if (attr) {
    const v = (rule as unknown as Record<string, unknown>)[attr[1] as string] ?? rule.custom[attr[1] as string];
    return v === undefined ? 'None' : Array.isArray(v) ? `[${v.map((x) => `'${String(x)}'`).join(', ')}]` : String(v);
  }
  const st = /^pipeline\.state\[['"]?([^'"\]]+)['"]?\]$/.exec(expr);
  if (st) return String(state[st[1] as string] ?? 'None');
  return undefined;
}

export const simpleTemplate: PostprocessingDefinition<{ template: string }> = {
  params: z.strictObject({ template: z.string() }),
  compile:
    ({ template }, { path, location }) =>
    (query, rule, state) =>
      template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (m, expr: string | undefined) => {
        if (m === '{{') return '{';
        if (m === '}}') return '}';
        const v = field(rule, state, query, (expr ?? '').trim());
        if (v === undefined) throw new SigmaError('pipeline', `${path}: unknown template field '{${expr ?? ''}}'`, location);
        return v;
      }),
};

/** Every string of `template` that is exactly `%QUERY%` replaced by the query (keys and other text untouched). */
function embedQuery(template: unknown, query: string): unknown {
  if (template === '%QUERY%') return query;
  if (Array.isArray(template)) return template.map((v) => embedQuery(v, query));
  if (typeof template === 'object' && template !== null) {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, embedQuery(v, query)]));
  }
  return template;
}

export const embedJson: PostprocessingDefinition<{ json_template: string }> = {
  params: z.strictObject({ json_template: z.string() }),
  compile: ({ json_template }, { path, location }) => {
    let template: unknown;
    try {
      template = JSON.parse(json_template);
    } catch (e) {
      throw new SigmaError('pipeline', `${path}: json_template is not JSON: ${(e as Error).message}`, location);
    }
    return (query) => pythonJson(embedQuery(template, query));
  },
};

export const nestPostprocessing: PostprocessingDefinition<{ items: unknown[] }> = {
  params: z.strictObject({ items: z.array(z.unknown()).min(1) }),
  compile: ({ items }, { compileItems }) => {
    const inner = compileItems(items, 'items');
    return (query, rule, _state, run) => applyPostprocessing(inner, query, rule, run);
  },
};
