/**
 * Issue 18, ES|QL over the SigmaHQ corpus (ecs_windows): every rule the eql target converts converts to ES|QL too,
 * or fails with a located `unsupported` reason; every query is accepted by the checker generated from
 * Elasticsearch's ES|QL grammar; and the shape is the reference's (pySigma's esql output: FROM … METADATA _id,
 * _index, _version | WHERE …), with matching that is case-insensitive where pySigma's is not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/index.js';
import { HAS_SHARED, corpus, reference } from '../../support/corpus.js';
import { parseEsql, type EsqlError, type EsqlParsed } from '../../support/esql/validate.js';

interface Outcome {
  readonly path: string;
  readonly eqlOk: boolean;
  readonly queries?: readonly string[];
  /** Each query parsed once by the grammar checker (parsing the corpus is the expensive part). */
  readonly parsed?: readonly (EsqlParsed | EsqlError)[];
  readonly error?: { readonly code: string; readonly message: string; readonly line?: number; readonly column?: number };
}

describe.skipIf(!HAS_SHARED)('ES|QL over the corpus (ecs_windows)', () => {
  const outcomes: Outcome[] = [];

  beforeAll(() => {
    const esql = createConverter({ target: 'esql', pipelines: ['ecs_windows'] });
    const eql = createConverter({ target: 'eql', pipelines: ['ecs_windows'] });
    for (const file of corpus()) {
      const ours = esql.text(file.text, file.path);
      const eqlOk = eql.text(file.text, file.path).ok;
      outcomes.push(
        ours.ok
          ? { path: file.path, eqlOk, queries: ours.queries, parsed: ours.queries.map(parseEsql) }
          : {
              path: file.path,
              eqlOk,
              error: { code: ours.error.code, message: ours.error.message, line: ours.error.line, column: ours.error.column },
            },
      );
    }
  });

  it('converts every rule eql converts, or refuses it as unsupported with a line and column', () => {
    const unexplained = outcomes.filter(
      (o) => o.eqlOk && o.error && !(o.error.code === 'unsupported' && o.error.line !== undefined && o.error.column !== undefined),
    );
    const refused = outcomes.filter((o) => o.eqlOk && o.error);
    const converted = outcomes.filter((o) => o.queries).length;
    console.info(
      `esql: ${converted}/${outcomes.length} files converted; of the ${outcomes.filter((o) => o.eqlOk).length} eql converts, ${refused.length} refused with a located reason:\n` +
        refused.map((o) => `  ${o.path}:${o.error?.line}:${o.error?.column}: ${o.error?.message}`).join('\n'),
    );
    expect(unexplained.map((o) => `${o.path}: ${o.error?.code} ${o.error?.message}`)).toEqual([]);
    expect(refused.length).toBeLessThanOrEqual(5);
    expect(converted).toBeGreaterThan(3100);
  });

  it('emits only queries that Elasticsearch’s ES|QL grammar accepts', () => {
    const rejected: string[] = [];
    let count = 0;
    for (const o of outcomes)
      (o.parsed ?? []).forEach((r, i) => {
        count++;
        if (!r.ok) rejected.push(`${o.path}: ${r.message}\n  ${o.queries?.[i]}`);
      });
    expect(count).toBeGreaterThan(3100);
    expect(rejected).toEqual([]);
  });

  it('has the reference shape: FROM … METADATA _id, _index, _version | WHERE, one query per rule where pySigma has one', () => {
    const ref = reference('esql.ecs_windows');
    let compared = 0;
    for (const o of outcomes) {
      const r = ref.get(o.path);
      if (!r?.ok || !o.queries) continue;
      compared++;
      expect(o.queries.length, o.path).toBe(r.queries.length);
      for (const q of o.queries) expect(q, o.path).toMatch(/^FROM \S+(, \S+)* METADATA _id, _index, _version( \| WHERE .+)?$/s);
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it('never compares a cased letter case-sensitively unless the rule says cased (pySigma issue #107)', () => {
    // A `== "…"` or `LIKE "…"` with an upper-case letter in the literal must have come from a `cased` value.
    const casedRules = new Set(
      corpus()
        .filter((f) => /\|cased\b/.test(f.text))
        .map((f) => f.path),
    );
    const offenders: string[] = [];
    for (const o of outcomes)
      for (const r of o.parsed ?? []) {
        if (!r.ok) continue;
        r.tokens.forEach((t, i) => {
          const op = r.tokens[i - 1]?.type;
          if (t.type === 'QUOTED_STRING' && (op === 'EQ' || op === 'LIKE') && /[A-Z]/.test(t.text) && !casedRules.has(o.path))
            offenders.push(`${o.path}: ${r.tokens[i - 2]?.text} ${op} ${t.text}`);
        });
      }
    expect(offenders).toEqual([]);
  });
});
