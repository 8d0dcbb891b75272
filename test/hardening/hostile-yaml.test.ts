import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rule/load.js';
import { SigmaError } from '../../src/errors.js';

/** Loading must end in a result or a SigmaError, never anything else. */
function outcome(text: string): 'ok' | SigmaError {
  try {
    loadRules(text, 'hostile.yml');
    return 'ok';
  } catch (e) {
    if (e instanceof SigmaError) return e;
    throw e;
  }
}
const codeOf = (text: string) => {
  const r = outcome(text);
  return r === 'ok' ? 'ok' : r.code;
};

const RULE_HEAD = 'title: t\nlogsource: {product: windows}\n';

describe('hostile YAML', () => {
  it('an alias bomb ("billion laughs") is refused as a limit, quickly', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const started = Date.now();
    expect(codeOf(text + 'detection:\n  s:\n    f: *a9\n  condition: s\n')).toBe('limit');
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it('more than 1000 aliases (each counted once, also in block lists) is a limit error located at the 1001st alias (file:line:column)', () => {
    // line 1 anchors, line 2 opens the list, lines 3… hold one alias each: the 1001st alias is on line 1003
    const text = 'a: &a x\nl:\n' + '  - *a\n'.repeat(1001);
    const e = outcome(text);
    expect(e).toBeInstanceOf(SigmaError);
    const err = e as SigmaError;
    expect(err.code).toBe('limit');
    expect(err.message).toMatch(/more than 1000 aliases/);
    expect(err.format()).toBe('hostile.yml:1003:5: more than 1000 aliases');
  });
  it('an alias bomb is located at the start of the document it expands in', () => {
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      bomb += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    // the first document is harmless; the bomb is the second one, whose first node is on line 7, column 1
    const e = outcome(`${RULE_HEAD}detection: {s: {f: 1}, condition: s}\n---\n# the bomb\n\n${bomb}`);
    expect(e).toBeInstanceOf(SigmaError);
    const err = e as SigmaError;
    expect(err.code).toBe('limit');
    expect([err.file, err.line, err.column]).toEqual(['hostile.yml', 7, 1]);
  });
  it('very deep nesting is refused', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(['limit', 'yaml']).toContain(codeOf(`${RULE_HEAD}detection: {s: {f: ${deep}}, condition: s}\n`));
  });
  it('a multi-megabyte value loads (or fails cleanly)', () => {
    const big = 'A'.repeat(4 * 1024 * 1024);
    expect(codeOf(`${RULE_HEAD}detection:\n  s:\n    f: '${big}'\n  condition: s\n`)).toBe('ok');
  });
  it('a file larger than the limit is refused', () => {
    expect(codeOf('x'.repeat(17 * 1024 * 1024))).toBe('limit');
  });
  it('binary garbage is an error, not a crash', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
    const garbage = Array.from({ length: 4096 }, () => String.fromCharCode(rnd())).join('');
    expect(codeOf(garbage)).not.toBe('ok');
  });
  it('duplicate keys are an error', () => expect(codeOf(`${RULE_HEAD}title: again\ndetection: {s: {f: 1}, condition: s}\n`)).toBe('yaml'));
  it('a condition of thousands of terms converts or fails within bounds', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `s${i}`);
    const sels = names.map((n) => `  ${n}: {f: ${n}}`).join('\n');
    expect(codeOf(`${RULE_HEAD}detection:\n${sels}\n  condition: ${names.join(' or ')}\n`)).toBe('ok');
  });
  it('deeply nested parentheses in a condition are refused as a limit', () => {
    expect(codeOf(`${RULE_HEAD}detection:\n  s: {f: 1}\n  condition: ${'('.repeat(5000)}s${')'.repeat(5000)}\n`)).toBe('limit');
  });
  it('a long chain of not is refused as a limit', () => {
    expect(codeOf(`${RULE_HEAD}detection:\n  s: {f: 1}\n  condition: ${'not '.repeat(5000)}s\n`)).toBe('limit');
  });
});

describe('wrong types everywhere the schema has a field', () => {
  const base: Record<string, string> = {
    title: 't',
    id: 'x',
    status: 'test',
    description: 'd',
    author: 'a',
    level: 'low',
    date: '2024-01-01',
  };
  const wrongs = ['[1, 2]', '{a: 1}', 'true', 'null'];
  for (const key of [
    'title',
    'id',
    'status',
    'description',
    'author',
    'level',
    'related',
    'tags',
    'references',
    'logsource',
    'detection',
    'falsepositives',
  ]) {
    for (const wrong of wrongs) {
      it(`${key}: ${wrong} gives a SigmaError or loads`, () => {
        const fields = { ...base, [key]: wrong };
        const head = Object.entries(fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n');
        const text = `${head}\n${key === 'logsource' ? '' : 'logsource: {product: windows}\n'}${key === 'detection' ? '' : 'detection: {s: {f: 1}, condition: s}\n'}`;
        const r = outcome(text);
        if (r !== 'ok') expect(r.message.length).toBeGreaterThan(5);
      });
    }
  }
  it('a detection value that is a map inside a list of values is an error', () =>
    expect(codeOf(`${RULE_HEAD}detection:\n  s:\n    f: [a, {b: 1}]\n  condition: s\n`)).toBe('detection'));
  it('a condition that is a number is an error', () =>
    expect(codeOf(`${RULE_HEAD}detection:\n  s: {f: 1}\n  condition: 5\n`)).toBe('condition'));
});
