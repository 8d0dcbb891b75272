/**
 * The memos of the evaluator (src/eval/memo.ts): what a pure function of a text gave, remembered within a
 * shared budget, resting where values do not come back; and rules evaluated through them give what rules
 * without them give, whatever the repetition of the stream.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { configureMemos, MEMO_LIMITS, memoGeneration, pairNumber, textNumber, ValueMemo } from '../../src/eval/memo.js';
import { compileEngine } from '../../src/eval/engine.js';
import { compileMatcher, type Matcher } from '../../src/eval/match.js';
import { loadDocuments } from '../../src/rule/load.js';

/** The number of a text met before (textNumber gives a new text's number negated). */
const seen = (text: string): number => Math.abs(textNumber(text));

describe('numbered texts and their memos', () => {
  afterEach(() => configureMemos(MEMO_LIMITS));

  it('numbers equal texts alike and different texts (case included) differently, a new text negated', () => {
    // Texts no other test file numbers (the suite's files share a worker's modules, and so the numbered texts).
    const a = textNumber('memo.test C:\\Windows\\cmd.exe');
    expect(a).toBeLessThan(0); // met for the first time
    expect(textNumber('memo.test C:\\Windows\\' + 'cmd.exe')).toBe(-a);
    expect(textNumber('memo.test C:\\Windows\\cmd.exe')).toBe(-a);
    expect(Math.abs(textNumber('memo.test c:\\windows\\cmd.exe'))).not.toBe(-a);
  });

  it('numbers pairs of numbers apart from texts and from each other, a new pair negated', () => {
    const [a, b] = [seen('memo.test pair a'), seen('memo.test pair b')];
    const ab = pairNumber(a, b);
    expect(ab).toBeLessThan(0);
    expect(pairNumber(a, b)).toBe(-ab);
    expect(Math.abs(pairNumber(b, a))).not.toBe(-ab);
    expect([a, b]).not.toContain(-ab);
  });

  it('gives back what was remembered for a number, and nothing for a number never remembered', () => {
    const memo = new ValueMemo<number>();
    const [a, b] = [seen('a'), seen('B')];
    expect(memo.found(a)).toBeUndefined();
    memo.remember(a, 1);
    memo.remember(b, 0);
    expect(memo.found(a)).toBe(1);
    expect(memo.found(b)).toBe(0);
    expect(memo.found(seen('b'))).toBeUndefined();
  });

  it('starts a new generation past the budget of characters: texts numbered afresh, every memo emptied, no number given twice', () => {
    configureMemos({ chars: 10, texts: 100, entries: 100 });
    const one = new ValueMemo<string>();
    const two = new ValueMemo<string>();
    const a = seen('aaaa');
    const b = seen('bbbb');
    one.remember(a, 'x');
    two.remember(b, 'y');
    const generation = memoGeneration();
    const c = -textNumber('cccc'); // 12 characters: past the budget
    expect(memoGeneration()).toBe(generation + 1);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(textNumber('aaaa')).toBeLessThan(0); // new again
    expect(seen('aaaa')).not.toBe(a);
    expect(one.found(a)).toBeUndefined();
    expect(two.found(b)).toBeUndefined();
    one.remember(c, 'z');
    expect(one.found(c)).toBe('z');
  });

  it('bounds the texts and the memo entries too, and never keeps a text longer than the whole budget', () => {
    configureMemos({ chars: 1000, texts: 3, entries: 2 });
    const first = seen('a');
    textNumber('b');
    textNumber('c');
    textNumber('d'); // a fourth text: a new generation
    expect(seen('a')).not.toBe(first);
    const memo = new ValueMemo<number>();
    const n = seen('e');
    memo.found(n);
    memo.remember(n, 1);
    memo.remember(seen('f'), 2);
    memo.remember(seen('g'), 3); // a third entry: a new generation, nothing kept
    expect(memo.found(n)).toBeUndefined();
    const long = 'x'.repeat(1001);
    expect(textNumber(long)).not.toBe(textNumber(long));
  });

  it('rests when its texts do not come back, longer each time, then tries again with what it held', () => {
    const memo = new ValueMemo<number>();
    const kept = seen('kept');
    memo.remember(kept, 7);
    const sample = (prefix: string): void => {
      for (let i = 0; i < 64; i++) {
        expect(memo.passes()).toBe(false);
        const n = seen(`${prefix} ${i}`);
        if (memo.found(n) === undefined) memo.remember(n, i);
      }
    };
    const rest = (): number => {
      let passed = 0;
      while (memo.passes()) passed++;
      return passed;
    };
    sample('unique'); // fewer than one in four found: a rest of a sample's length
    expect(rest()).toBe(64);
    sample('other');
    expect(rest()).toBe(128); // twice as long
    expect(memo.found(kept)).toBe(7); // what it held stays
    // A sample that finds its texts again ends the resting for good.
    for (let i = 0; i < 63; i++) memo.found(seen(`other ${i}`));
    expect(rest()).toBe(0);
    sample('third');
    expect(rest()).toBe(64);
    // configureMemos starts afresh: what was learnt of one run's values is forgotten.
    sample('fourth');
    expect(memo.passes()).toBe(true);
    configureMemos(MEMO_LIMITS);
    expect(memo.passes()).toBe(false);
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

  it('fire exactly where rules without memos fire, with the same selections, on streams that repeat values in every field (property)', () => {
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
        for (const ev of [...events, ...events, ...events]) {
          const expected = reference.flatMap((m, i) => (m.test(ev) ? [i] : []));
          expect(engine.matches(ev)).toEqual(expected);
          // The selections of the rules that fired (remembered by the same key as their results).
          expect(engine.results(ev).map((h) => [h.rule, h.result.selections])).toEqual(
            expected.map((i) => [i, (reference[i] as Matcher)(ev).selections]),
          );
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe('what the numbered texts hold alive', () => {
  it('a text cut from a larger one is kept as a copy of its own length, not with the text it was cut from', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    // 80 texts of 40 characters, each cut from a text of 256 KiB (20 MiB together): numbered, they are kept.
    for (let i = 0; i < 80; i++) textNumber(`${i} `.padEnd(1 << 18, 'y').slice(0, 40));
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(4 * 1024 * 1024);
  });
});
