/** Fixtures of the Kusto backend tests: compile a detection written inline, with an optional query table. */
import { loadRuleList } from '../../../src/rule/load.js';
import { KustoCompiler } from '../../../backends/kusto/dialect.js';

const compiler = new KustoCompiler();

/** A rule whose `detection:` block is `detection` (YAML, indented by four spaces). */
export function ruleText(detection: string, logsource = 'category: process_creation\n    product: windows'): string {
  return ['title: Test', 'id: 5f3c7d2e-1b4a-4c8e-9d6f-0a1b2c3d4e5f', 'logsource:', `    ${logsource}`, 'detection:', detection].join('\n');
}

/** The KQL of a detection, compiled without a pipeline (no table line) or with `query_table` set. */
export function kql(detection: string, table?: string): string {
  const [rule] = loadRuleList(ruleText(detection), 'test.yml');
  if (!rule) throw new Error('no rule');
  const queries = compiler.compileRule(rule, table ? { query_table: table } : {});
  return queries.join('\n;\n');
}
