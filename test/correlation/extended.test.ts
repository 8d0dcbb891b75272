/**
 * Extended correlation conditions (`a and b and not c` over rule names), chains (correlations of correlations)
 * and `generate`, on every target. Splunk's expected queries are pySigma-backend-splunk's own test outputs
 * (tests/test_backend_splunk_correlations.py) or follow from its templates and precedence by hand.
 */
import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import { createConverter, type FileResult } from '../../src/convert.js';
import { loadRules } from '../../src/rule/load.js';
import { SigmaError } from '../../src/errors.js';
import type { SigmaCorrelation } from '../../src/rule/ast.js';
import { validateEql } from '../support/eql/validate.js';

/** pySigma-backend-splunk's three base rules (test_temporal_extended_correlation_rule_stats_query). */
const PYSIGMA_BASE = `title: Base rule 1
name: base_rule_1
status: test
logsource:
    category: test
detection:
    selection:
        fieldA: value1
        fieldB: value2
    condition: selection
---
title: Base rule 2
name: base_rule_2
status: test
logsource:
    category: test
detection:
    selection:
        fieldA: value3
        fieldB: value4
    condition: selection
---
title: Base rule 3
name: base_rule_3
status: test
logsource:
    category: test
detection:
    selection:
        fieldA: value5
        fieldB: value6
    condition: selection
`;

const temporal = (condition: string, type = 'temporal', extra = '') => `${PYSIGMA_BASE}---
title: Temporal correlation rule
status: test
correlation:
    type: ${type}
    aliases:
        field:
            base_rule_1: fieldC
            base_rule_2: fieldD
    group-by:
        - fieldC
    condition: ${condition}
    timespan: 15m
${extra}`;

function convertText(text: string, target: string, pipelines: string[] = []): FileResult {
  const [r] = createConverter({ target, pipelines }).files([{ text, path: 'c.yml' }]);
  if (!r) throw new Error('no result');
  return r;
}
const queries = (r: FileResult): readonly string[] => (r.ok ? r.queries : [r.error.format()]);

const MULTISEARCH = `| multisearch
[ search fieldA="value1" fieldB="value2" | eval event_type="base_rule_1" | rename fieldC as field ]
[ search fieldA="value3" fieldB="value4" | eval event_type="base_rule_2" | rename fieldD as field ]
[ search fieldA="value5" fieldB="value6" | eval event_type="base_rule_3" ]

| bin _time span=15m
| stats values(event_type) as event_types by _time fieldC

`;

describe('extended correlation conditions: loading', () => {
  it('takes the rules from the condition when `rules` is absent, in order of appearance', () => {
    const c = loadRules(temporal('base_rule_2 and (base_rule_1 or not base_rule_3)')).documents[3] as SigmaCorrelation;
    expect(c.rules).toEqual(['base_rule_2', 'base_rule_1', 'base_rule_3']);
    expect(c.condition).toBeUndefined();
    expect(c.expression).toEqual({
      kind: 'and',
      args: [
        { kind: 'rule', ref: 'base_rule_2', offset: 0 },
        {
          kind: 'or',
          args: [
            { kind: 'rule', ref: 'base_rule_1', offset: 17 },
            { kind: 'not', arg: { kind: 'rule', ref: 'base_rule_3', offset: 36 } },
          ],
        },
      ],
    });
  });

  it('binds not tighter than and, and and tighter than or', () => {
    const c = loadRules(temporal('base_rule_1 or base_rule_2 and not base_rule_3')).documents[3] as SigmaCorrelation;
    expect(c.expression?.kind).toBe('or');
    expect(c.expression?.kind === 'or' && c.expression.args[1]?.kind).toBe('and');
  });

  it.each([
    ['a string condition on an event_count', 'event_count', 'base_rule_1 and base_rule_2', /only for temporal and temporal_ordered/],
    ['a syntax error', 'temporal', 'base_rule_1 and and base_rule_2', /a rule name is expected at 'and' \(offset 16\)/],
    ['an unclosed parenthesis', 'temporal', '(base_rule_1 or base_rule_2', /'\)' expected at the end/],
  ])('refuses %s with an error located at the condition', (_what, type, condition, message) => {
    try {
      loadRules(temporal(condition, type), 'c.yml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SigmaError);
      expect((e as SigmaError).code).toBe('correlation');
      expect((e as SigmaError).message).toMatch(message);
      expect((e as SigmaError).location).toMatchObject({ file: 'c.yml', line: 44 });
    }
  });

  it('refuses rules listed but not named by the condition (as pySigma)', () => {
    const text = temporal('base_rule_1 and base_rule_2', 'temporal', '    rules: [base_rule_1, base_rule_2, base_rule_3]\n').replace(
      '    rules: [base_rule_1, base_rule_2, base_rule_3]\n',
      '',
    );
    const withRules = text.replace('    timespan: 15m\n', '    timespan: 15m\n    rules: [base_rule_1, base_rule_2, base_rule_3]\n');
    expect(() => loadRules(withRules)).toThrow(/listed but not named in the extended condition: base_rule_3/);
  });
});

describe('extended correlation conditions: Splunk as pySigma-backend-splunk writes them', () => {
  it("gives pySigma's query for 'base_rule_1 and base_rule_2 and not base_rule_3' (its own test)", () => {
    expect(queries(convertText(temporal('base_rule_1 and base_rule_2 and not base_rule_3'), 'splunk'))).toEqual([
      `${MULTISEARCH}| search event_types="base_rule_1"   event_types="base_rule_2"   NOT event_types="base_rule_3"`,
    ]);
  });

  it('groups an and inside an or, not an or inside an and (SPL binds OR tighter than the implicit AND)', () => {
    expect(queries(convertText(temporal('base_rule_1 or base_rule_2 and base_rule_3'), 'splunk'))[0]).toMatch(
      /\| search event_types="base_rule_1" OR \(event_types="base_rule_2" {3}event_types="base_rule_3"\)$/,
    );
    expect(queries(convertText(temporal('(base_rule_1 or base_rule_2) and base_rule_3'), 'splunk'))[0]).toMatch(
      /\| search event_types="base_rule_1" OR event_types="base_rule_2" {3}event_types="base_rule_3"$/,
    );
    expect(queries(convertText(temporal('not (base_rule_1 or base_rule_2) and base_rule_3'), 'splunk'))[0]).toMatch(
      /\| search NOT \(event_types="base_rule_1" OR event_types="base_rule_2"\) {3}event_types="base_rule_3"$/,
    );
  });

  it('temporal_ordered: the condition, and each pair of named rules that are both present in the order of rules', () => {
    const q = queries(convertText(temporal('base_rule_1 and base_rule_2 and not base_rule_3', 'temporal_ordered'), 'splunk'))[0];
    expect(q).toContain(
      '| stats values(event_type) as event_types min(eval(if(event_type="base_rule_1", _time, null()))) as first_time_0 min(eval(if(event_type="base_rule_2", _time, null()))) as first_time_1 by _time fieldC',
    );
    expect(q).toMatch(
      /\| search event_types="base_rule_1" {3}event_types="base_rule_2" {3}NOT event_types="base_rule_3"\n\| where \(isnull\(first_time_0\) OR isnull\(first_time_1\) OR first_time_0 <= first_time_1\)$/,
    );
  });
});

describe("Splunk: pySigma-backend-splunk's other correlation tests, output for output", () => {
  const BASE_1 = PYSIGMA_BASE.split('---\n')[0] ?? '';
  it('event_count', () => {
    const text = `${BASE_1.replace('name: base_rule_1', 'name: base_rule')}---
title: Multiple occurrences of base event
status: test
correlation:
    type: event_count
    rules:
        - base_rule
    group-by:
        - fieldC
        - fieldD
    timespan: 15m
    condition:
        gte: 10
`;
    expect(queries(convertText(text, 'splunk'))).toEqual([
      'fieldA="value1" fieldB="value2"\n\n| bin _time span=15m\n| stats count as event_count by _time fieldC fieldD\n\n| search event_count >= 10',
    ]);
  });
  it('value_count', () => {
    const text = `${BASE_1.replace('name: base_rule_1', 'name: base_rule')}---
title: Multiple occurrences of base event
status: test
correlation:
    type: value_count
    rules:
        - base_rule
    group-by:
        - fieldC
    timespan: 15m
    condition:
        lt: 10
        field: fieldD
`;
    expect(queries(convertText(text, 'splunk'))).toEqual([
      'fieldA="value1" fieldB="value2"\n\n| bin _time span=15m\n| stats dc(fieldD) as value_count by _time fieldC\n\n| search value_count < 10',
    ]);
  });
  it('temporal with aliases', () => {
    const text = `${PYSIGMA_BASE.split('---\n').slice(0, 2).join('---\n')}---
title: Temporal correlation rule
status: test
correlation:
    type: temporal
    rules:
        - base_rule_1
        - base_rule_2
    aliases:
        field:
            base_rule_1: fieldC
            base_rule_2: fieldD
    group-by:
        - fieldC
    timespan: 15m
`;
    expect(queries(convertText(text, 'splunk'))).toEqual([
      `| multisearch
[ search fieldA="value1" fieldB="value2" | eval event_type="base_rule_1" | rename fieldC as field ]
[ search fieldA="value3" fieldB="value4" | eval event_type="base_rule_2" | rename fieldD as field ]

| bin _time span=15m
| stats dc(event_type) as event_type_count by _time fieldC

| search event_type_count >= 2`,
    ]);
  });
});

describe('extended correlation conditions: EQL', () => {
  it('temporal_ordered over a conjunction of rules is the sequence of those rules', () => {
    const q =
      queries(
        convertText(
          temporal('base_rule_1 and base_rule_2 and base_rule_3', 'temporal_ordered').replace(/ {4}aliases:\n.*\n.*\n.*\n/, ''),
          'eql',
        ),
      )[0] ?? '';
    expect(q).toBe(
      'sequence by fieldC with maxspan=15m\n  [any where fieldA:"value1" and fieldB:"value2"]\n  [any where fieldA:"value3" and fieldB:"value4"]\n  [any where fieldA:"value5" and fieldB:"value6"]',
    );
    expect(validateEql(q)).toEqual({ ok: true });
  });
  it("refuses 'not' in a sequence, saying which part and where to go", () => {
    const r = convertText(temporal('base_rule_1 and not base_rule_3', 'temporal_ordered').replace(/ {4}aliases:\n.*\n.*\n.*\n/, ''), 'eql');
    // base_rule_2, which the condition does not name, converts on its own; the correlation is the file's error.
    const error = r.ok ? r.errors?.[0] : r.error;
    expect(error?.code).toBe('unsupported');
    expect(error?.message).toContain("the condition 'base_rule_1 and not base_rule_3' uses 'not'");
    expect(error?.message).toContain('-t esql');
    expect(error?.location.line).toBe(34);
  });
});

describe('generate and chains', () => {
  const CHAIN = `${PYSIGMA_BASE}---
title: Many rule 1
name: many_1
correlation:
  type: event_count
  rules: [base_rule_1]
  group-by: [fieldC]
  timespan: 15m
  condition: {gte: 3}
---
title: Many rule 1, then rule 2
correlation:
  type: temporal_ordered
  rules: [many_1, base_rule_2]
  group-by: [fieldC]
  timespan: 1h
`;

  it('outputs neither the referenced rules nor the referenced correlation (generate: false, the default)', () => {
    const r = convertText(CHAIN, 'splunk');
    // base_rule_3 is referenced by nothing: it is output; base_rule_1, base_rule_2 and many_1 are not.
    expect(queries(r)).toHaveLength(2);
    expect(queries(r)[0]).toBe('fieldA="value5" fieldB="value6"');
  });

  it('outputs the referenced rules and correlation too with generate: true', () => {
    const text = CHAIN.replace('  type: event_count\n', '  type: event_count\n  generate: true\n').replace(
      '  type: temporal_ordered\n',
      '  type: temporal_ordered\n  generate: true\n',
    );
    expect(queries(convertText(text, 'splunk'))).toHaveLength(5);
  });

  it('Splunk: a referenced correlation is appended as a subsearch whose rows are its firing windows', () => {
    expect(queries(convertText(CHAIN, 'splunk'))[1]).toBe(
      `fieldA="value1" fieldB="value2"

| bin _time span=15m
| stats count as event_count by _time fieldC

| search event_count >= 3
| eval event_type="many_1"
| append [ search fieldA="value3" fieldB="value4" | eval event_type="base_rule_2" ]

| bin _time span=1h
| stats dc(event_type) as event_type_count min(eval(if(event_type="many_1", _time, null()))) as first_time_0 min(eval(if(event_type="base_rule_2", _time, null()))) as first_time_1 by _time fieldC

| where event_type_count >= 2 AND first_time_0 <= first_time_1`,
    );
  });

  it('KQL: a referenced correlation is one branch of the union', () => {
    const q = queries(convertText(CHAIN, 'kusto'))[1] ?? '';
    expect(
      q.startsWith(
        'union (fieldA =~ "value1" and fieldB =~ "value2"\n| extend sigma_rule = "base_rule_1"\n| summarize event_count = count() by bin(TimeGenerated, 15m), fieldC\n| where event_count >= 3\n| extend sigma_rule = "many_1"),\n',
      ),
    ).toBe(true);
  });

  it('EQL: refuses a chain, naming the referenced correlation', () => {
    const r = convertText(CHAIN, 'eql');
    expect(r.ok && r.errors?.[0]?.message).toContain("'many_1' is a correlation, and an EQL sequence cannot contain one");
  });

  it('refuses a group-by field the referenced correlation does not output', () => {
    const r = convertText(CHAIN.replace('  group-by: [fieldC]\n  timespan: 1h', '  group-by: [fieldE]\n  timespan: 1h'), 'kusto');
    expect(r.ok && r.errors?.[0]?.message).toContain(
      "uses field 'fieldE' of 'many_1', a correlation whose rows have only its group-by fields (fieldC)",
    );
  });

  it('refuses a cycle of correlations, naming it', () => {
    const text = `title: A\nname: a\ncorrelation: {type: temporal, rules: [b], group-by: [x], timespan: 1m}\n---\ntitle: B\nname: b\ncorrelation: {type: temporal, rules: [a], group-by: [x], timespan: 1m, generate: true}\n`;
    const r = convertText(text, 'splunk');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('refers back to it (a → b → a)');
  });
});
