import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedPipelines } from '../../backends/kusto/pipelines/index.js';
import * as M from '../../backends/kusto/pipelines/mappings.js';
import { MICROSOFT_XDR_TABLES, SENTINEL_ASIM_TABLES } from '../../backends/kusto/pipelines/tables.js';
import { SigmaError } from '../../src/errors.js';
import { withAsimCommonColumns } from '../../backends/kusto/pipelines/identity-mappings.js';
import { applyPipeline, combinePipelines, loadPipelineYaml, type Pipeline } from '../../src/pipeline/index.js';
import { HAS_SHARED, items, rule, SHARED } from './helpers.js';
import { computedColumns, type ComputedExpression, type PipelineDocument } from '../../src/pipeline/index.js';
import { microsoftXdr } from '../../backends/kusto/pipelines/microsoft_xdr.js';
import { sentinelAsim } from '../../backends/kusto/pipelines/sentinel_asim.js';

/** The computed fields a pipeline declares, per table: table → field → expression. */
function declaredComputed(doc: PipelineDocument): Map<string, Map<string, ComputedExpression>> {
  const out = new Map<string, Map<string, ComputedExpression>>();
  for (const raw of doc.transformations ?? []) {
    const item = raw as { type?: string; field?: string; expression?: ComputedExpression; rule_conditions?: { val?: string }[] };
    if (item.type !== 'computed_field') continue;
    const table = item.rule_conditions?.[0]?.val as string;
    if (!out.has(table)) out.set(table, new Map());
    out.get(table)?.set(item.field as string, item.expression as ComputedExpression);
  }
  return out;
}

type Tables = Record<string, Record<string, string>>;
const reference = (): { sentinel_asim: Tables; microsoft_xdr: Tables } =>
  JSON.parse(readFileSync(join(SHARED, 'reference', 'tables.json'), 'utf8'));

const targets = (v: string | readonly string[]): readonly string[] => (typeof v === 'string' ? [v] : v);

const PIPELINES = [
  {
    name: 'sentinel_asim',
    tables: M.SENTINEL_ASIM_TABLE_MAPPINGS,
    generic: M.SENTINEL_ASIM_GENERIC_MAPPINGS,
    byCategory: M.SENTINEL_ASIM_CATEGORY_TO_TABLE,
    byEvent: M.SENTINEL_ASIM_EVENTID_CATEGORY_TO_TABLE,
    computed: declaredComputed(sentinelAsim),
  },
  {
    name: 'microsoft_xdr',
    tables: M.MICROSOFT_XDR_TABLE_MAPPINGS,
    generic: M.MICROSOFT_XDR_GENERIC_MAPPINGS,
    byCategory: M.MICROSOFT_XDR_CATEGORY_TO_TABLE,
    byEvent: M.MICROSOFT_XDR_EVENTID_CATEGORY_TO_TABLE,
    computed: declaredComputed(microsoftXdr),
  },
] as const;

describe.skipIf(!HAS_SHARED)('kusto mappings against ../shared/reference/tables.json', () => {
  it('the bundled table schemas are those of tables.json', () => {
    const ref = reference();
    expect(SENTINEL_ASIM_TABLES).toEqual(ref.sentinel_asim);
    expect(MICROSOFT_XDR_TABLES).toEqual(ref.microsoft_xdr);
  });

  for (const p of PIPELINES) {
    it(`${p.name}: every table mapping target is a column of its table, or a field computed from its columns`, () => {
      const tables = reference()[p.name];
      const bad: string[] = [];
      for (const [table, mapping] of Object.entries(p.tables)) {
        const columns = tables[table];
        expect(columns, `table ${table}`).toBeDefined();
        for (const [field, to] of Object.entries(mapping))
          for (const t of targets(to)) {
            const computed = p.computed.get(table)?.get(t);
            const ok = computed ? computedColumns(computed).every((c) => c in (columns ?? {})) : t in (columns ?? {});
            if (!ok) bad.push(`${table}: ${field} → ${t}`);
          }
      }
      expect(bad).toEqual([]);
    });

    it(`${p.name}: every table chosen by category or event id exists`, () => {
      const tables = reference()[p.name];
      for (const t of [...Object.values(p.byCategory), ...Object.values(p.byEvent)]) expect(tables[t], t).toBeDefined();
    });

    it(`${p.name}: a processed rule only names columns of its table, or is refused`, () => {
      // ASIM tables also have the common fields (tables.json lists them as one row, "Dvc fields"): identity-mappings.ts.
      const tables = p.name === 'sentinel_asim' ? withAsimCommonColumns(reference()[p.name]) : reference()[p.name];
      const pipeline = namedPipelines[p.name]!();
      const fields = new Set([...Object.keys(p.generic), ...Object.values(p.tables).flatMap((m) => Object.keys(m))]);
      const bad: string[] = [];
      for (const [table, columns] of Object.entries(tables)) {
        const forced: Pipeline = combinePipelines([
          pipeline,
          loadPipelineYaml(`priority: 0\ntransformations:\n  - type: set_state\n    key: query_table\n    val: ${table}`),
        ]);
        for (const field of fields) {
          if (['EventID', 'EventCode', 'ObjectType', 'Hashes'].includes(field)) continue; // dropped / split elsewhere
          const r = rule(`    sel:\n        '${field}': x\n    condition: sel`, 'product: windows');
          try {
            const out = applyPipeline(forced, r).rule;
            const computed = p.computed.get(table);
            for (const i of items(out))
              if (i.field !== null && !(i.field in columns) && !computed?.has(i.field)) bad.push(`${table}: ${field} → ${i.field}`);
          } catch (e) {
            if (!(e instanceof SigmaError) || e.code !== 'pipeline-failure') throw e;
          }
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('sentinel_asim maps OriginalFileName to TargetProcessFileOriginalName, a column of imProcessCreate', () => {
    expect(M.SENTINEL_ASIM_TABLE_MAPPINGS.imProcessCreate?.OriginalFileName).toBe('TargetProcessFileOriginalName');
    expect(reference().sentinel_asim.imProcessCreate).toHaveProperty('TargetProcessFileOriginalName');
    expect(reference().sentinel_asim.imProcessCreate).not.toHaveProperty('TargetProcessFilename');
  });
});
