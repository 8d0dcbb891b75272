/**
 * The corpus checks of the EQL backend for one reference file (`eql` or `eql.ecs_windows`): parity with pySigma on
 * every rule it converts, every difference listed with its reason in `differences.json`, and every query we emit
 * valid EQL (Elasticsearch's grammar, only the lexer's escapes, no unquoted non-identifier field, no bare value
 * used as a condition).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/convert.js';
import { HAS_SHARED, SHARED_MISSING, collapse, corpus, invalidList, reference } from '../../support/corpus.js';
import { findBareValueConditions, findUnquotedNonIdentifierFields, validateEql } from '../../support/eql/validate.js';
import './helpers.js';

interface Differences {
  readonly reasons: Readonly<Record<string, string>>;
  readonly rules: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const here = dirname(fileURLToPath(import.meta.url));
const differences = JSON.parse(readFileSync(join(here, 'differences.json'), 'utf8')) as Differences;

/** Escapes Elasticsearch's EQL lexer accepts inside "…" (EqlBase.g4 STRING_ESCAPE, UNICODE_ESCAPE). */
const ESCAPE = /\\(?:[btnfr"'\\]|u\{[0-9A-Fa-f]{2,8}\})/y;

/**
 * Escape sequences in a query's "…" literals that the lexer would not accept. A scanner of its own (not the
 * validator's lexer, which stops at the first error): it skips `"""raw"""` strings and `` `quoted` `` names.
 */
export function foreignEscapes(query: string): string[] {
  const bad: string[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query.charAt(i);
    if (c === '`') {
      const end = query.indexOf('`', i + 1);
      i = end < 0 ? query.length : end + 1;
    } else if (query.startsWith('"""', i)) {
      const end = query.indexOf('"""', i + 3);
      i = end < 0 ? query.length : end + 3;
    } else if (c === '"') {
      i++;
      while (i < query.length && query.charAt(i) !== '"') {
        if (query.charAt(i) !== '\\') {
          i++;
          continue;
        }
        ESCAPE.lastIndex = i;
        const m = ESCAPE.exec(query);
        if (m) i += m[0].length;
        else {
          bad.push(query.slice(i, i + 2));
          i += 2;
        }
      }
      i++;
    } else i++;
  }
  return bad;
}

/** A field Elastic Agent's Windows integration removes from Sysmon documents (differences.json, `ecs-hashes`). */
const REMOVED_BY_INTEGRATION = /\bwinlog\.event_data\.Hashes\b/;

/** A reference query Elasticsearch accepts but that means something else than the rule (or never fires). */
const isHazard = (q: string): boolean =>
  findBareValueConditions(q).length > 0 || findUnquotedNonIdentifierFields(q).length > 0 || REMOVED_BY_INTEGRATION.test(q);

interface Outcome {
  readonly path: string;
  readonly ours?: readonly string[];
  readonly error?: string;
}

export function corpusSuite(name: 'eql' | 'eql.ecs_windows', pipelines: readonly string[]): void {
  describe.skipIf(!HAS_SHARED)(`EQL over the corpus, reference ${name}.jsonl`, () => {
    const outcomes: Outcome[] = [];
    let ms = 0;

    beforeAll(() => {
      const converter = createConverter({ target: 'eql', pipelines: [...pipelines] });
      const start = performance.now();
      for (const file of corpus()) {
        const result = converter.text(file.text, file.path);
        outcomes.push(result.ok ? { path: file.path, ours: result.queries } : { path: file.path, error: result.error.message });
      }
      ms = performance.now() - start;
    });

    it('matches the reference on ≥ 99.5 % of the rules it converts (not counting its invalid or misleading queries), every difference listed', () => {
      const ref = reference(name);
      const invalid = invalidList(name);
      const listed = differences.rules[name] ?? {};
      let same = 0;
      let counted = 0;
      let hazards = 0;
      let weFail = 0;
      let onlyWe = 0;
      const unlisted: string[] = [];
      const mismatched = new Set<string>();
      for (const o of outcomes) {
        const r = ref.get(o.path);
        if (!r) continue;
        if (!r.ok) {
          if (o.ours) onlyWe++;
          continue;
        }
        if (!o.ours) weFail++;
        if (invalid.has(o.path)) continue;
        const equal =
          o.ours !== undefined &&
          o.ours.length === r.queries.length &&
          o.ours.every((q, i) => collapse(q) === collapse(r.queries[i] as string));
        if (!equal) {
          mismatched.add(o.path);
          if (!(o.path in listed))
            unlisted.push(`${o.path}\n  ours: ${o.ours?.join(' ||| ') ?? o.error}\n  ref:  ${r.queries.join(' ||| ')}`);
        }
        if (r.queries.some(isHazard)) {
          hazards++;
          continue;
        }
        counted++;
        if (equal) same++;
      }
      const rate = same / counted;
      console.info(
        `${name}: ${same}/${counted} = ${(rate * 100).toFixed(2)} % same (${hazards} misleading and ${invalid.size} invalid reference queries not counted); ` +
          `reference fails where we convert: ${onlyWe}; we fail where it converts: ${weFail}; ${outcomes.length} files in ${ms.toFixed(0)} ms`,
      );
      expect(unlisted, 'mismatches missing from differences.json').toEqual([]);
      expect(
        Object.keys(listed).filter((p) => !mismatched.has(p)),
        'entries of differences.json that now match',
      ).toEqual([]);
      for (const reason of Object.values(listed)) expect(differences.reasons, reason).toHaveProperty(reason);
      expect(weFail).toBe(0);
      expect(rate).toBeGreaterThanOrEqual(0.995);
    });

    it('emits only queries that Elasticsearch’s EQL grammar accepts', () => {
      const rejected: string[] = [];
      for (const o of outcomes) {
        for (const q of o.ours ?? []) {
          const v = validateEql(q);
          if (!v.ok) rejected.push(`${o.path}: ${v.message} @${v.offset}\n  ${q}`);
        }
      }
      expect(rejected).toEqual([]);
    });

    it('has an escape scan that finds the escapes of every reference query the lexer rejects (the scan is sound)', () => {
      const ref = reference(name);
      const missed = [...invalidList(name)].filter((path) => {
        const r = ref.get(path);
        return r?.ok === true && !r.queries.some((q) => foreignEscapes(q).length > 0);
      });
      expect(missed).toEqual([]);
    });

    it('uses no escape outside \\b \\t \\n \\f \\r \\" \\\' \\\\ \\u{…}, no unquoted non-identifier field and no bare value as a condition', () => {
      const found: string[] = [];
      for (const o of outcomes) {
        for (const q of o.ours ?? []) {
          const escapes = foreignEscapes(q);
          const fields = findUnquotedNonIdentifierFields(q).map((h) => h.field);
          const bare = findBareValueConditions(q).map((b) => b.text);
          if (escapes.length + fields.length + bare.length > 0) found.push(`${o.path}: ${JSON.stringify({ escapes, fields, bare })}`);
        }
      }
      expect(found).toEqual([]);
    });
  });
  if (!HAS_SHARED) it.skip(SHARED_MISSING, () => {});
}
