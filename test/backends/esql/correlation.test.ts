/**
 * Issue 18: every Sigma correlation type through the ES|QL backend (ecs_windows): `STATS … BY` the window and the
 * group-by fields, the condition as a `WHERE` on the aggregate, each query accepted by the grammar checker; the
 * specification's correlation examples convert and parse; and the documented window behaviour (two overlapping
 * bucketings of twice the timespan) holds: a burst within the timespan always shares a bucket.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/index.js';
import { HAS_SHARED, SHARED } from '../../support/corpus.js';
import { parseEsql } from '../../support/esql/validate.js';

const BASE = `title: Whoami
name: whoami
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\whoami.exe'}
  condition: sel
---
title: Net
name: net
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\net.exe'}
  filter: {CommandLine|contains: 'help'}
  condition: sel and not filter
`;

function correlationOf(type: string, condition: string | undefined, rules = '[whoami, net]', extra = ''): string {
  return `${BASE}---
title: Correlated
correlation:
  type: ${type}
  rules: ${rules}
  group-by: [User]
  timespan: 10m
${condition ? `  condition: ${condition}\n` : ''}${extra}`;
}

function convertOne(text: string): string {
  const results = createConverter({ target: 'esql', pipelines: ['ecs_windows'] }).text(text, 'c.yml');
  if (!results.ok) throw new Error(results.error.format());
  const last = results.queries[results.queries.length - 1];
  if (last === undefined) throw new Error('no query');
  return last;
}

const EVERY_TYPE: readonly [string, string | undefined, RegExp][] = [
  ['event_count', '{gte: 5}', /\| STATS sigma_event_count = COUNT\(\*\) BY sigma_window, user\.name\n\| WHERE sigma_event_count >= 5$/],
  [
    'value_count',
    '{field: CommandLine, gt: 2}',
    /COUNT_DISTINCT\(process\.command_line\) BY sigma_window, user\.name\n\| WHERE sigma_value_count > 2$/,
  ],
  [
    'temporal',
    undefined,
    /MAX\(sigma_rule_0\), sigma_seen_1 = MAX\(sigma_rule_1\) BY sigma_window, user\.name\n\| EVAL sigma_rule_count = sigma_seen_0 \+ sigma_seen_1\n\| WHERE sigma_rule_count >= 2$/,
  ],
  ['temporal_ordered', undefined, /\| WHERE sigma_first_0 IS NOT NULL AND sigma_first_1 IS NOT NULL AND sigma_first_0 <= sigma_last_1$/],
  [
    'value_sum',
    '{field: ProcessId, gt: 100}',
    /EVAL sigma_value = TO_DOUBLE\(process\.pid\)[^]*SUM\(sigma_value\) BY sigma_window, user\.name\n\| WHERE sigma_value_sum > 100$/,
  ],
  ['value_avg', '{field: ProcessId, gt: 100}', /AVG\(sigma_value\)[^]*\| WHERE sigma_value_avg > 100$/],
  ['value_median', '{field: ProcessId, lt: 10}', /MEDIAN\(sigma_value\)[^]*\| WHERE sigma_value_median < 10$/],
  [
    'value_percentile',
    '{field: ProcessId, percentile: 95, gte: 50}',
    /PERCENTILE\(sigma_value, 95\)[^]*\| WHERE sigma_value_percentile >= 50$/,
  ],
];

describe('ES|QL correlations', () => {
  it.each(EVERY_TYPE)('%s converts to STATS … BY window and group-by, and the grammar accepts it', (type, condition, shape) => {
    const query = convertOne(correlationOf(type, condition));
    expect(query).toMatch(/^FROM winlogbeat-\*, logs-\* METADATA _id, _index, _version\n\| WHERE \(.+\) OR \(.+\)\n/);
    expect(query).toMatch(shape);
    expect(parseEsql(query)).toMatchObject({ ok: true });
  });

  it('a rule with a negated selection keeps its two-valued NOT inside the correlation', () => {
    const query = convertOne(correlationOf('event_count', '{gte: 5}'));
    expect(query).toContain('NOT COALESCE(TO_LOWER(process.command_line) LIKE "*help*", false)');
  });

  it('field aliases become one column chosen per rule with CASE', () => {
    const query = convertOne(
      correlationOf(
        'event_count',
        '{gte: 3}',
        '[whoami, net]',
        `  aliases:\n    who:\n      whoami: User\n      net: CommandLine\n`,
      ).replace('group-by: [User]', 'group-by: [who]'),
    );
    expect(query).toMatch(/\| EVAL who = CASE\(.+, TO_STRING\(user\.name\), .+, TO_STRING\(process\.command_line\)\)\n/);
    expect(query).toMatch(/BY sigma_window, who\n/);
    expect(parseEsql(query)).toMatchObject({ ok: true });
  });

  it('one rule: its own condition, no OR', () => {
    const query = convertOne(correlationOf('event_count', '{gte: 5}', '[whoami]'));
    expect(query).toMatch(/^FROM [^\n]+\n\| WHERE TO_LOWER\(process\.executable\) LIKE "\*\\\\\\\\whoami\.exe"\n\| EVAL sigma_window/);
  });
});

describe('ES|QL correlations: extended conditions and chains', () => {
  const THREE = `${BASE}---
title: Ipconfig
name: ipconfig
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\ipconfig.exe'}
  condition: sel
`;
  const extended = (type: string, condition: string) =>
    `${THREE}---\ntitle: X\ncorrelation:\n  type: ${type}\n  rules: [whoami, net, ipconfig]\n  group-by: [User]\n  timespan: 5m\n  condition: ${condition}\n`;

  it('temporal with `whoami and net and not ipconfig`: the condition over the per-rule columns', () => {
    const query = convertOne(extended('temporal', 'whoami and net and not ipconfig'));
    expect(query).toMatch(/\n\| WHERE sigma_seen_0 == 1 AND sigma_seen_1 == 1 AND NOT sigma_seen_2 == 1$/);
    expect(parseEsql(query)).toMatchObject({ ok: true });
  });

  it('temporal with or and parentheses keeps the grouping', () => {
    const query = convertOne(extended('temporal', '(whoami or net) and ipconfig'));
    expect(query).toMatch(/\n\| WHERE \(sigma_seen_0 == 1 OR sigma_seen_1 == 1\) AND sigma_seen_2 == 1$/);
    expect(parseEsql(query)).toMatchObject({ ok: true });
  });

  it('temporal_ordered with a not: the named rules present and in order, the negated one absent', () => {
    const query = convertOne(extended('temporal_ordered', 'whoami and ipconfig and not net'));
    expect(query).toMatch(
      /\n\| WHERE \(sigma_first_0 IS NOT NULL AND sigma_first_2 IS NOT NULL AND NOT sigma_first_1 IS NOT NULL\) AND \(sigma_first_0 IS NULL OR sigma_first_2 IS NULL OR sigma_first_0 <= sigma_last_2\)$/,
    );
    expect(parseEsql(query)).toMatchObject({ ok: true });
  });

  it('a correlation of correlations is refused with a located reason (no subqueries in ES|QL)', () => {
    const text = `${BASE}---
title: Many whoami
name: many_whoami
correlation:
  type: event_count
  rules: [whoami]
  group-by: [User]
  timespan: 5m
  condition: {gte: 3}
---
title: Chain
correlation:
  type: event_count
  rules: [many_whoami]
  group-by: [User]
  timespan: 1h
  condition: {gte: 2}
`;
    const r = createConverter({ target: 'esql', pipelines: ['ecs_windows'] }).text(text, 'c.yml');
    const error = r.ok ? r.errors?.[0] : r.error;
    expect(error?.code).toBe('unsupported');
    expect(error?.message).toMatch(/'many_whoami' is a correlation/);
    expect(error?.line).toBeGreaterThan(0);
  });
});

// ───────────────────────────── windows ─────────────────────────────

const UNIT_SECONDS: Readonly<Record<string, number>> = { second: 1, minute: 60, hour: 3600 };
const seconds = (n: string, unit: string) => Number(n) * (UNIT_SECONDS[unit.replace(/s$/, '')] ?? NaN);

/** The bucket size and shift the query uses, read from its text. */
function windowOf(query: string): { size: number; shift: number } {
  const m = /DATE_TRUNC\((\d+) (\w+), @timestamp\)\), ",b", TO_STRING\(DATE_TRUNC\((\d+) (\w+), @timestamp \+ (\d+) (\w+)\)\)/.exec(query);
  if (!m) throw new Error(`no window in ${query}`);
  const size = seconds(m[1] as string, m[2] as string);
  expect(seconds(m[3] as string, m[4] as string)).toBe(size);
  return { size, shift: seconds(m[5] as string, m[6] as string) };
}

/** The labels ES|QL gives an event at time t (seconds): DATE_TRUNC rounds down to a multiple of the size. */
const labels = (t: number, w: { size: number; shift: number }) => [`a${Math.floor(t / w.size)}`, `b${Math.floor((t + w.shift) / w.size)}`];

describe('ES|QL correlation windows: two overlapping bucketings of twice the timespan', () => {
  const query = convertOne(correlationOf('event_count', '{gte: 3}'));
  const w = windowOf(query);
  const span = 600;

  it('buckets are twice the timespan, the second grid shifted by the timespan', () => {
    expect(w).toEqual({ size: 2 * span, shift: span });
  });

  it('every burst that lies within the timespan shares a bucket (none is missed at a boundary)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: span }), { minLength: 1, maxLength: 8 }),
        (start, offsets) => {
          const shared = offsets.map((o) => new Set(labels(start + o, w))).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
          return shared.size > 0;
        },
      ),
      { seed: 18, numRuns: 500 },
    );
  });

  it('a single bucketing of the timespan would miss a burst straddling its boundary; these buckets do not', () => {
    const burst = [span - 1, span + 1]; // two seconds apart, across a multiple of the timespan
    expect(Math.floor((burst[0] as number) / span)).not.toBe(Math.floor((burst[1] as number) / span));
    const [a, b] = burst.map((t) => new Set(labels(t, w)));
    expect([...(a as Set<string>)].some((l) => b?.has(l))).toBe(true);
  });

  it('the documented over-count: events up to twice the timespan apart may share a bucket, never more', () => {
    expect(labels(0, w)[0]).toBe(labels(2 * span - 1, w)[0]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 2 * span, max: 4 * span }), (t, gap) => {
        const a = new Set(labels(t, w));
        return !labels(t + gap, w).some((l) => a.has(l));
      }),
      { seed: 18, numRuns: 300 },
    );
  });
});

describe.skipIf(!HAS_SHARED)('the specification’s correlation examples', () => {
  const BASE_RULES = [
    'recon_cmd_a:whoami',
    'recon_cmd_b:ipconfig',
    'recon_cmd_c:net user',
    'rule_a_id:curl.exe',
    'process_creation:.exe',
    'website_access:browser.exe',
  ]
    .map((pair) => {
      const [name, text] = pair.split(':') as [string, string];
      return `title: ${name}\nname: ${name}\nlogsource: {product: windows, category: process_creation}\ndetection:\n  selection: {CommandLine|contains: '${text}'}\n  condition: selection\n`;
    })
    .concat(
      "title: Failed logon\nid: 5638f7c0-ac70-491d-8465-2a65075e0d86\nlogsource: {product: windows, category: process_creation}\ndetection:\n  selection: {CommandLine|contains: 'logon /fail'}\n  condition: selection\n",
    )
    .join('---\n');
  const EXAMPLES = [
    'event_count',
    'event_count_ecs',
    'value_count',
    'temporal',
    'temporal_ordered',
    'value_sum',
    'value_avg',
    'value_percentile',
  ];

  it.each(EXAMPLES)('%s converts and the grammar accepts the query', (name) => {
    const example = readFileSync(join(SHARED, 'sigma/spec/examples/correlation', `${name}.yml`), 'utf8');
    const [, result] = createConverter({ target: 'esql', pipelines: ['ecs_windows'] }).files([
      { text: BASE_RULES, path: 'base.yml' },
      { text: example, path: `${name}.yml` },
    ]);
    expect(result?.ok, result && !result.ok ? result.error.format() : '').toBe(true);
    const query = result?.ok ? (result.queries[0] as string) : '';
    expect(query).toMatch(/\| STATS .+ BY sigma_window/);
    expect(parseEsql(query)).toMatchObject({ ok: true });
  });
});
