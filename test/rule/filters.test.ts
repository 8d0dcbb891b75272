import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../../src/rule/load.js';
import { applyFilters, filterApplies } from '../../src/rule/filters.js';
import type { SigmaFilter, SigmaRule } from '../../src/rule/ast.js';
import { HAS_SHARED, SHARED } from '../support/corpus.js';

const RULE = `title: Data Compressed - rar.exe
id: 6f3e2987-db24-4c78-a860-b4f4095a7095
logsource: {category: process_creation, product: windows}
detection:
  selection:
    Image|endswith: '\\rar.exe'
  condition: selection
`;

describe.skipIf(!HAS_SHARED)('Sigma filters (spec example filter_1.yml)', () => {
  const filterText = () => readFileSync(join(SHARED, 'sigma/spec/examples/filter/filter_1.yml'), 'utf8');
  it('applies to the rules it names and whose logsource fits', () => {
    const filter = loadRules(filterText()).documents[0] as SigmaFilter;
    const rule = loadRules(RULE).documents[0] as SigmaRule;
    expect(filter.kind).toBe('filter');
    expect(filterApplies(filter, rule)).toBe(true);
    expect(filterApplies(filter, { ...rule, id: 'other' })).toBe(false);
    expect(filterApplies(filter, { ...rule, logsource: { category: 'file_event', product: 'windows' } })).toBe(false);
  });
  it('adds "and not <filter condition>" to the rule and drops the filter document', () => {
    const docs = [...loadRules(RULE).documents, ...loadRules(filterText()).documents];
    const { documents, unused } = applyFilters(docs);
    expect(unused).toEqual([]);
    expect(documents).toHaveLength(1);
    const rule = documents[0] as SigmaRule;
    expect(rule.detection.conditions[0]?.tree).toEqual({
      kind: 'and',
      args: [
        { kind: 'ref', name: 'selection', offset: 0 },
        { kind: 'not', arg: { kind: 'ref', name: '_filter0_selection', offset: 0 } },
      ],
    });
    expect([...rule.detection.selections.keys()]).toEqual(['selection', '_filter0_selection']);
  });
  it('reports a filter that names no rule of the set as unused', () => {
    expect(applyFilters(loadRules(filterText()).documents).unused).toHaveLength(1);
  });
});
