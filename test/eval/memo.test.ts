/**
 * The memos of the evaluator (src/eval/memo.ts): what a pure function of a text gave, remembered within a
 * shared budget, resting where values do not come back; and rules evaluated through them give what rules
 * without them give, whatever the repetition of the stream.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { memoBudget, ValueMemo } from '../../src/eval/memo.js';
import { compileEngine } from '../../src/eval/engine.js';
import { compileMatcher } from '../../src/eval/match.js';
import { loadDocuments } from '../../src/rule/load.js';

describe('a memo of texts', () => {
  it('gives back what was remembered for a text, and nothing for a text never remembered', () => {
    const memo = new ValueMemo<number>(memoBudget());
    expect(memo.found('a')).toBeUndefined();
    memo.remember('a', 1);
    memo.remember('B', 0);
    expect(memo.found('a')).toBe(1);
    expect(memo.found('B')).toBe(0);
    expect(memo.found('b')).toBeUndefined(); // texts are compared as they are: the caller's function sees the case
  });

  it('empties every memo of a budget when the budget is spent, the others when they are next used', () => {
    const budget = memoBudget(10, 100);
    const one = new ValueMemo<string>(budget);
    const two = new ValueMemo<string>(budget);
    one.remember('aaaa', 'x');
    two.remember('bbbb', 'y');
    expect(budget.chars).toBe(8);
    one.remember('cccc', 'z'); // 12 characters: past the budget, a new generation
    expect(budget.generation).toBe(1);
    expect(budget.chars).toBe(4);
    expect(one.found('aaaa')).toBeUndefined();
    expect(one.found('cccc')).toBe('z');
    expect(two.found('bbbb')).toBeUndefined();
  });

  it('bounds the entries as well as the characters, and never keeps a text longer than the whole budget', () => {
    const budget = memoBudget(1000, 3);
    const memo = new ValueMemo<number>(budget);
    for (const t of ['a', 'b', 'c', 'd']) memo.remember(t, 1);
    expect(budget.entries).toBe(1);
    expect(memo.found('a')).toBeUndefined();
    expect(memo.found('d')).toBe(1);
    memo.remember('x'.repeat(1001), 2);
    expect(memo.found('x'.repeat(1001))).toBeUndefined();
  });

  it('rests when its texts do not come back, then tries again with what it held', () => {
    const memo = new ValueMemo<number>(memoBudget());
    memo.remember('kept', 7);
    // A sample of texts never seen again: fewer than one in four found.
    let storing = 0;
    for (let i = 0; i < 128; i++) {
      memo.found(`unique ${i}`);
      if (memo.storing) storing++;
      memo.remember(`unique ${i}`, i);
    }
    expect(storing).toBe(127); // the verdict comes with the sample's last lookup
    expect(memo.storing).toBe(false);
    expect(memo.found('kept')).toBeUndefined(); // resting: every lookup passes
    memo.remember('new', 1);
    let lookups = 1;
    while (!memo.storing && lookups < 100_000) {
      memo.found('x');
      lookups++;
    }
    expect(lookups).toBe(64 * 128);
    expect(memo.found('kept')).toBe(7);
    expect(memo.found('new')).toBeUndefined(); // not remembered while resting
  });
});

const RULES = `
title: regex on the command line
logsource: { product: windows, category: process_creation }
detection:
  sel:
    CommandLine|re: '(?i)\\\\b(iex|invoke-expression)\\\\b'
  condition: sel
---
title: endswith and contains
logsource: { product: windows, category: process_creation }
detection:
  sel:
    Image|endswith: '\\\\cmd.exe'
    CommandLine|contains|all: [' /c ', 'whoami']
  filter:
    ParentImage|startswith: 'C:\\\\Windows\\\\'
  condition: sel and not filter
---
title: cased and numbers
logsource: { product: windows }
detection:
  sel:
    User|cased: 'SYSTEM'
    EventID: [1, 4688]
  condition: sel
---
title: null and exists next to values
logsource: { product: windows }
detection:
  sel:
    Description: null
    Company|exists: true
    Product: 'x'
  condition: sel
`;

describe('rules evaluated through memos', () => {
  const rules = loadDocuments(RULES, 'memo.yml').documents.flatMap((d) => (d.kind === 'rule' ? [d] : []));
  const reference = rules.map((r) => compileMatcher(r, { memo: false }));

  it('fire exactly where rules without memos fire, on streams that repeat values in every field (property)', () => {
    const texts = [
      'C:\\Windows\\System32\\cmd.exe',
      'C:\\Users\\x\\cmd.exe',
      'cmd.exe /c whoami',
      'cmd.exe /C WHOAMI /all',
      'powershell iex (x)',
      'powershell Invoke-Expression',
      'powershell iexplore',
      'SYSTEM',
      'system',
      '',
      'x',
      'X',
      '4688',
    ];
    const value = fc.oneof(
      fc.constantFrom(...texts),
      fc.constantFrom(1, 4688, null, true),
      fc.array(fc.constantFrom(...texts), { maxLength: 2 }),
    );
    const event = fc.record(
      {
        EventID: fc.constantFrom(1, 4688, '4688', 5),
        Image: value,
        CommandLine: value,
        ParentImage: value,
        User: value,
        Description: value,
        Company: value,
        Product: value,
      },
      { requiredKeys: ['EventID'] },
    );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 60 }), (events) => {
        // A new engine per stream (its memos start empty); the field tests' memos live on across streams.
        const engine = compileEngine(rules);
        for (const ev of [...events, ...events]) {
          const expected = reference.flatMap((m, i) => (m.test(ev) ? [i] : []));
          expect(engine.matches(ev)).toEqual(expected);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
