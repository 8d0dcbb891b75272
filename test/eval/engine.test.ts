/**
 * The rule-set engine (src/eval/engine.ts) gives the results of match(), event for event: over the SigmaHQ
 * corpus × its regression events (with and without --ignore-logsource), and over synthetic events built from
 * the corpus rules' own values (fast-check), where the prefilter and the routing have most to get wrong.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SigmaRule, SigmaValue, Detection } from '../../src/rule/ast.js';
import { compileEngine } from '../../src/eval/engine.js';
import { compileMatcher, type Matcher } from '../../src/eval/match.js';
import { indexEvent } from '../../src/eval/fields.js';
import { ruleRequirements } from '../../src/eval/requirements.js';
import { compileMultiMatcher } from '../../src/eval/multimatch.js';
import { HAVE_SHARED, loadCorpus, loadRegression } from './corpus.js';
import { ruleFromDetection } from './helpers.js';

/** The reference: every rule's matcher on the event, one by one. */
function loopMatches(matchers: readonly (Matcher | undefined)[], event: unknown): number[] {
  const ev = indexEvent(event);
  const out: number[] = [];
  matchers.forEach((m, i) => {
    if (m?.test(ev)) out.push(i);
  });
  return out;
}

/** The reference matchers remember nothing (memo.ts): the engine's memos are compared with working it out. */
function tryCompile(rule: SigmaRule, ignoreLogsource: boolean): Matcher | undefined {
  try {
    return compileMatcher(rule, { ignoreLogsource, memo: false });
  } catch {
    return undefined;
  }
}

describe('the multi-pattern matcher', () => {
  const scanned = (needles: string[], text: string): number[] => {
    const found = new Set<number>();
    compileMultiMatcher(needles.map((t, id) => ({ text: t, id }))).scan(text, (id) => found.add(id));
    return [...found].sort((a, b) => a - b);
  };
  const naive = (needles: string[], text: string): number[] => needles.flatMap((n, i) => (text.includes(n) ? [i] : []));

  it('finds exactly the needles that occur: overlapping, nested, repeated, at either end of the text', () => {
    const chars = fc.constantFrom('a', 'b', 'c', '\\', '.');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: chars, minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 40 }),
        fc.string({ unit: chars, maxLength: 60 }),
        (needles, text) => {
          expect(scanned(needles, text)).toEqual(naive(needles, text));
        },
      ),
      { numRuns: 400, seed: 3 },
    );
  });

  it('finds exactly the needles with non-ASCII characters, never one that differs only in them', () => {
    // 'Ł' (U+0141) and 'A' (U+0041) share their low byte, as do 'ő' (U+0151) and 'Q': the grams collide, the text does not.
    const chars = fc.constantFrom('a', 'A', 'Ł', 'Q', 'ő', 'é', 'е', '😀');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: chars, minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }),
        fc.string({ unit: chars, maxLength: 40 }),
        (needles, text) => {
          expect(scanned(needles, text)).toEqual(naive(needles, text));
        },
      ),
      { numRuns: 400, seed: 4 },
    );
    expect(scanned(['аdmin'], 'admin')).toEqual([]); // a Cyrillic а
    expect(scanned(['ŁŁŁŁ'], 'AAAA')).toEqual([]);
  });

  it('reports every id of a needle given several times, and needles sharing their rarest gram', () => {
    expect(scanned(['\\cmd.exe', 'xcmd.exe', '\\cmd.exe', 'cmd.exe'], 'c:\\windows\\cmd.exe')).toEqual([0, 2, 3]);
    const many = Array.from({ length: 5000 }, (_, i) => `tool${i}.exe`);
    expect(scanned(many, 'run tool4999.exe and tool17.exe')).toEqual([17, 4999]);
    expect(scanned(many, 'tool1.exetool12.exe')).toEqual(naive(many, 'tool1.exetool12.exe'));
  });
});

describe('requirements of a rule (what every match needs)', () => {
  it('an and of selections needs the literals of each, a list of values one of its literals (their last ten characters)', () => {
    const rule = ruleFromDetection(String.raw`
a:
  Image|endswith: ['\whoami.exe', '\hostname.exe']
b:
  EventID: 4688
condition: a and b`);
    const clauses = ruleRequirements(rule);
    expect(clauses).toContainEqual([
      { kind: 'text', field: 'Image', text: 'whoami.exe' },
      { kind: 'text', field: 'Image', text: 'stname.exe' },
    ]);
    expect(clauses).toContainEqual([{ kind: 'number', field: 'EventID', value: 4688, spelled: '4688' }]);
  });

  it('a regex states the literals it spells out (lowercased, the scan compares lowercased values)', () => {
    expect(ruleRequirements(ruleFromDetection("a: {CommandLine|re: '(?i)(Who|Net)ami[.]exe'}\ncondition: a"))).toEqual([
      [
        { kind: 'text', field: 'CommandLine', text: 'whoami' },
        { kind: 'text', field: 'CommandLine', text: 'netami' },
      ],
    ]);
  });

  it('negation, regexes without literals, cased strings, bare wildcards and literals under three characters state nothing', () => {
    for (const body of [
      'a: {Image: x.exe}\ncondition: not a',
      "a: {CommandLine|re: '[a-z]+\\d'}\ncondition: a",
      'a: {CommandLine|contains|cased: Whoami}\ncondition: a',
      "a: {CommandLine: '*'}\ncondition: a",
      'a: {Image: x.exe}\nb: {CommandLine|re: x}\ncondition: a or b',
      'a: {CommandLine|contains: -e}\ncondition: a',
    ])
      expect(ruleRequirements(ruleFromDetection(body)), body).toEqual([]);
  });

  it('the engine rejects a rule without its literal and still fires it when the literal is there', () => {
    const rule = ruleFromDetection(String.raw`a: {CommandLine|contains|all: ['Export-Certificate', '-Cert']}
condition: a`);
    const engine = compileEngine([rule]);
    expect(engine.stats.prefiltered).toBe(1);
    expect(engine.matches({ CommandLine: 'powershell EXPORT-certificate -cert x' })).toEqual([0]);
    expect(engine.matches({ CommandLine: 'powershell Export-Key -Cert x' })).toEqual([]);
    expect(engine.matches({ Image: 'Export-Certificate -Cert' })).toEqual([]);
  });

  it('finds literals in the text of numbers and booleans when a needle could be there, and only then scans them', () => {
    const rules = [
      ruleFromDetection("keywords: ['1688']\ncondition: keywords"),
      ruleFromDetection("keywords: ['rue']\ncondition: keywords"),
      ruleFromDetection("a: {Size|contains: '+21'}\ncondition: a"),
      ruleFromDetection("keywords: ['infinity']\ncondition: keywords"),
      ruleFromDetection("keywords: ['mimikatz']\ncondition: keywords"),
    ];
    const engine = compileEngine(rules);
    expect(engine.matches({ EventID: 41688 })).toEqual([0]);
    expect(engine.matches({ Enabled: true })).toEqual([1]);
    expect(engine.matches({ Size: 1e21 })).toEqual([2]);
    expect(engine.matches({ x: Number.POSITIVE_INFINITY })).toEqual([3]);
    expect(engine.matches({ a: 'Mimikatz', b: 4688 })).toEqual([4]);
  });

  it('finds a keyword in a field other rules scan, in a field none does, and under a short name and its path alike', () => {
    const rules = [
      ruleFromDetection("keywords: ['sekurlsa::logonpasswords', 'gentilkiwi.com']\ncondition: keywords"),
      ruleFromDetection("a: {CommandLine|contains: 'procdump'}\ncondition: a"),
      ruleFromDetection("a: {Image|endswith: '\\\\mimi.exe'}\ncondition: a"),
    ];
    const engine = compileEngine(rules);
    const windows = (data: Record<string, unknown>) => ({ Event: { System: { Channel: 'Security', EventID: 4688 }, EventData: data } });
    const cases: [unknown, number[]][] = [
      [{ CommandLine: 'x sekurlsa::logonpasswords exit' }, [0]],
      [{ CommandLine: 'procdump -ma lsass' }, [1]],
      [{ CommandLine: 'procdump', Description: 'by gentilkiwi.com' }, [0, 1]],
      [{ Other: 'SEKURLSA::LogonPasswords' }, [0]],
      [windows({ Image: 'C:\\t\\mimi.exe', CommandLine: 'mimi sekurlsa::logonpasswords' }), [0, 2]],
      [windows({ Image: 'C:\\t\\a.exe', ParentCommandLine: 'gentilkiwi.com' }), [0]],
      [windows({ Image: 'C:\\t\\a.exe' }), []],
    ];
    const matchers = rules.map((r) => compileMatcher(r));
    for (const [event, expected] of cases) {
      expect(engine.matches(event)).toEqual(expected);
      expect(loopMatches(matchers, event)).toEqual(expected);
    }
  });

  it('a rule that cannot be compiled is reported and never fires; the others still do', () => {
    const bad = ruleFromDetection("a: {CommandLine|re: '(?<=x)y'}\ncondition: a");
    const good = ruleFromDetection('a: {CommandLine|contains: y}\ncondition: a');
    const engine = compileEngine([bad, good]);
    expect([...engine.errors.keys()]).toEqual([0]);
    expect(engine.errors.get(0)?.code).toBe('unsupported');
    expect(engine.matches({ CommandLine: 'xy' })).toEqual([1]);
  });
});

const corpus = HAVE_SHARED ? loadCorpus() : undefined;
const rules = corpus?.rules.map((r) => r.rule) ?? [];

/** Strings a rule compares with (its values' literal text), to build events that come close to firing it. */
function ruleStrings(rule: SigmaRule): { field: string | null; text: string }[] {
  const out: { field: string | null; text: string }[] = [];
  const fromValue = (field: string | null, v: SigmaValue): void => {
    if (v.kind === 'string')
      out.push({
        field,
        text: v.parts.map((p) => (typeof p === 'string' ? p : p.kind === 'wildcard' && p.char === '?' ? 'x' : '')).join(''),
      });
    else if (v.kind === 'number') out.push({ field, text: v.text });
    else if (v.kind === 'expansion') v.values.forEach((x) => fromValue(field, x));
  };
  const walk = (d: Detection): void => {
    for (const i of d.items) {
      if (i.kind === 'item') i.values.forEach((v) => fromValue(i.field, v));
      else walk(i);
    }
  };
  rule.detection.selections.forEach(walk);
  return out;
}

/** The engine and the reference matchers, compiled once per mode for the tests below. */
const compiled = new Map<boolean, { engine: ReturnType<typeof compileEngine>; matchers: (Matcher | undefined)[] }>();
function build(ignoreLogsource: boolean) {
  let c = compiled.get(ignoreLogsource);
  if (c === undefined) {
    c = { engine: compileEngine(rules, { ignoreLogsource }), matchers: rules.map((r) => tryCompile(r, ignoreLogsource)) };
    compiled.set(ignoreLogsource, c);
  }
  return c;
}

describe.skipIf(!HAVE_SHARED)('the engine against the reference loop over the corpus', () => {
  const events = HAVE_SHARED ? loadRegression().flatMap((c) => c.files.flatMap((f) => f.events)) : [];

  for (const ignoreLogsource of [false, true]) {
    it(`gives match()'s results for every regression event × corpus rule${ignoreLogsource ? ' with --ignore-logsource' : ''}`, () => {
      const { engine, matchers } = build(ignoreLogsource);
      expect([...engine.errors.keys()]).toEqual(matchers.flatMap((m, i) => (m === undefined ? [i] : [])));
      let total = 0;
      // Three times over, the second time in another order: a value met a third time comes from the memos (memo.ts).
      for (const event of [...events, ...[...events].reverse(), ...events]) {
        const expected = loopMatches(matchers, event);
        total += expected.length;
        expect(engine.matches(event)).toEqual(expected);
      }
      expect(total).toBeGreaterThanOrEqual(3 * events.length); // every regression event fires at least its own rule
    });
  }

  it("gives match()'s results with an assumed logsource (--logsource) on regression events that no longer say theirs", () => {
    // The events flattened without their channel (a SIEM export): what they are comes from the option alone.
    const flatten = (event: unknown): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      const walk = (o: Record<string, unknown>): void => {
        for (const [k, v] of Object.entries(o)) {
          if (k === 'Channel' || k === 'System') continue;
          if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>);
          else out[k] = v;
        }
      };
      walk(event as Record<string, unknown>);
      return out;
    };
    const flat = events.map(flatten);
    for (const logsource of [
      { product: 'windows', category: 'process_creation' },
      { product: 'windows', service: 'security' },
    ]) {
      const engine = compileEngine(rules, { logsource });
      const matchers = rules.map((r) => {
        try {
          return compileMatcher(r, { logsource, memo: false });
        } catch {
          return undefined;
        }
      });
      const open = compileEngine(rules, {});
      let fired = 0;
      let narrowed = 0;
      for (const event of [...flat, ...events]) {
        const expected = loopMatches(matchers, event);
        fired += expected.length;
        expect(engine.matches(event)).toEqual(expected);
        // Never more than without the option: it only takes rules away.
        const without = open.matches(event);
        expect(without).toEqual(expect.arrayContaining(expected));
        narrowed += without.length - expected.length;
      }
      expect(fired).toBeGreaterThan(events.length / 4);
      expect(narrowed).toBeGreaterThan(0);
    }
  });

  it("gives match()'s results on synthetic events made of the corpus rules' own values (property)", () => {
    const { engine, matchers } = build(false);
    const strings = rules.map(ruleStrings);
    const sources = [
      {},
      { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1 },
      { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 13 },
      { Channel: 'Security', EventID: 4688 },
      { Channel: 'Security', EventID: 4624 },
      { Channel: 'Microsoft-Windows-PowerShell/Operational', EventID: 4104 },
    ];
    const recase = (s: string, upper: boolean) => (upper ? s.toUpperCase() : s);
    const event = fc
      .record({
        rules: fc.array(fc.nat(rules.length - 1), { minLength: 1, maxLength: 3 }),
        picks: fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }),
        source: fc.nat(sources.length - 1),
        upper: fc.boolean(),
        filler: fc.constantFrom('', ' ', 'C:\\x\\', ' -a '),
      })
      .map(({ rules: chosen, picks, source, upper, filler }) => {
        const ev: Record<string, unknown> = { ...sources[source] };
        const keywords: string[] = [];
        picks.forEach((p, k) => {
          const pool = strings[chosen[k % chosen.length] as number] ?? [];
          const s = pool[p % Math.max(pool.length, 1)];
          if (s === undefined) return;
          const text = recase(s.text, upper && k % 2 === 0);
          if (s.field === null) keywords.push(text);
          else
            ev[s.field] = /^\d+$/.test(text) && k % 3 === 0 ? Number(text) : `${(ev[s.field] as string | undefined) ?? ''}${filler}${text}`;
        });
        if (keywords.length > 0) ev['Message'] = keywords.join(filler);
        return ev;
      });
    let fired = 0;
    fc.assert(
      fc.property(event, (ev) => {
        const expected = loopMatches(matchers, ev);
        fired += expected.length;
        expect(engine.matches(ev)).toEqual(expected);
      }),
      { numRuns: 200, seed: 19 },
    );
    expect(fired).toBeGreaterThan(50); // the events do come close enough to fire rules
  });
});
