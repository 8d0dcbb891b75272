/** pySigma core's metadata validators (metadata.py), the cross-rule ones included. */
import type { DocumentContext, Issue, Validator } from '../types.js';
import { fileName } from '../walk.js';
import { deleteListEntryLine } from '../edits.js';

export const identifierExistence: Validator = {
  id: 'identifier_existence',
  plugin: 'core',
  severity: 'medium',
  description: 'The rule has no id.',
  check(ctx) {
    return ctx.document.id === undefined ? [{ message: "the rule has no 'id'; add a random UUID (v4)", at: ['title'], what: 'key' }] : [];
  },
};

/** Groups documents by a key and reports every document of a group of two or more. */
function duplicates(
  ctxs: readonly DocumentContext[],
  key: (ctx: DocumentContext) => string | undefined,
  issue: (ctx: DocumentContext, others: readonly DocumentContext[], key: string) => Issue,
  distinct?: (ctx: DocumentContext) => string | undefined,
): { ctx: DocumentContext; issue: Issue }[] {
  const groups = new Map<string, DocumentContext[]>();
  for (const ctx of ctxs) {
    const k = key(ctx);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(ctx);
    else groups.set(k, [ctx]);
  }
  const out: { ctx: DocumentContext; issue: Issue }[] = [];
  for (const [k, group] of groups) {
    const count = distinct ? new Set(group.map(distinct)).size : group.length;
    if (count < 2) continue;
    for (const ctx of group)
      out.push({
        ctx,
        issue: issue(
          ctx,
          group.filter((c) => c !== ctx),
          k,
        ),
      });
  }
  return out;
}

const where = (c: DocumentContext): string => `${c.file ?? '(text)'}${c.index > 0 ? ` (document ${c.index + 1})` : ''}`;
const others = (list: readonly DocumentContext[]): string => {
  const names = [...new Set(list.map(where))];
  return names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
};

export const identifierUniqueness: Validator = {
  id: 'identifier_uniqueness',
  plugin: 'core',
  severity: 'high',
  description: 'Several rules share the same id (cross-rule check).',
  checkAll(ctxs) {
    return duplicates(
      ctxs,
      (c) => c.document.id?.toLowerCase(),
      (c, rest) => ({ message: `id ${c.document.id ?? ''} is also used by ${others(rest)}; give each rule its own UUID`, at: ['id'] }),
    );
  },
};

export const duplicateTitle: Validator = {
  id: 'duplicate_title',
  plugin: 'core',
  severity: 'high',
  description: 'Several rules share the same title (cross-rule check).',
  checkAll(ctxs) {
    return duplicates(
      ctxs,
      (c) => c.document.title,
      (_c, rest) => ({ message: `title is also used by ${others(rest)}; make each title unique`, at: ['title'] }),
    );
  },
};

export const duplicateFilename: Validator = {
  id: 'duplicate_filename',
  plugin: 'core',
  severity: 'high',
  description: 'The same file name is used by rule files in different folders (cross-rule check).',
  checkAll(ctxs) {
    return duplicates(
      ctxs,
      (c) => fileName(c),
      (_c, rest, name) => ({
        message: `file name '${name}' is also used by ${others(rest.filter((r) => r.file !== _c.file))}; rename one of them`,
        location: { line: 1, column: 1 },
      }),
      (c) => c.file,
    ).filter((r) => r.ctx.index === firstIndex(ctxs, r.ctx));
  },
};
/** The first document of a file (a file-level finding is reported once per file). */
function firstIndex(ctxs: readonly DocumentContext[], ctx: DocumentContext): number {
  return ctxs.find((c) => c.file === ctx.file)?.index ?? ctx.index;
}

/** One issue per repeated entry of a metadata list, with a fix that deletes the repeat's line. */
function repeatedListValidator(id: string, key: 'references' | 'tags', noun: string, description: string): Validator {
  return {
    id,
    plugin: 'core',
    severity: 'medium',
    description,
    check(ctx) {
      const list = ctx.document[key] ?? [];
      return repeatedEntries(list).map((i) => {
        const issue: Issue = { message: `${noun} '${list[i] ?? ''}' is listed more than once; remove the repeat`, at: [key, i] };
        const fix = deleteListEntryLine(ctx, [key, i]);
        return fix ? { ...issue, fix } : issue;
      });
    },
  };
}

export const duplicateReferences = repeatedListValidator(
  'duplicate_references',
  'references',
  'reference',
  'A reference URL is listed more than once in the rule.',
);
export const duplicateTag = repeatedListValidator('duplicate_tag', 'tags', 'tag', 'A tag is listed more than once in the rule.');

/** Indexes of the second occurrence of each repeated entry (one issue per repeated value, as pySigma). */
function repeatedEntries(list: readonly string[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  list.forEach((v, i) => {
    const n = (seen.get(v) ?? 0) + 1;
    seen.set(v, n);
    if (n === 2) out.push(i);
  });
  return out;
}

export const filenameLength: Validator = {
  id: 'filename_length',
  plugin: 'core',
  severity: 'high',
  description: 'The rule file name is shorter than 10 or longer than 90 characters (configurable: min_size, max_size).',
  check(ctx, env) {
    const name = fileName(ctx);
    if (name === undefined) return [];
    const min = typeof env.params.min_size === 'number' ? env.params.min_size : 10;
    const max = typeof env.params.max_size === 'number' ? env.params.max_size : 90;
    const n = [...name].length;
    if (n >= min && n <= max) return [];
    return [{ message: `file name '${name}' has ${n} characters; it should have ${min} to ${max}`, location: { line: 1, column: 1 } }];
  },
};

const MISSPELT = new Set(['realted', 'relatde', 'relted', 'rlated', 'reference']);
const INTENDED: Readonly<Record<string, string>> = {
  realted: 'related',
  relatde: 'related',
  relted: 'related',
  rlated: 'related',
  reference: 'references',
};

export const customAttributes: Validator = {
  id: 'custom_attributes',
  plugin: 'core',
  severity: 'medium',
  description: "The rule has a top-level key that looks like a misspelt standard one (e.g. 'realted', 'reference').",
  check(ctx) {
    const key = Object.keys(ctx.document.custom).find((k) => MISSPELT.has(k));
    return key === undefined
      ? []
      : [{ message: `key '${key}' looks like a misspelling of '${INTENDED[key] ?? ''}'`, at: [key], what: 'key' }];
  },
};
