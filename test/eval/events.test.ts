import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/eval/events.js';
import { SigmaError } from '../../src/errors.js';
import { errorOf } from '../support/errors.js';

const error = (text: string): SigmaError => errorOf(() => parseEvents(text, 'events.json'));

describe('parseEvents', () => {
  it('reads one JSON object as one event', () => {
    expect(parseEvents('{"a": 1}')).toEqual([{ a: 1 }]);
  });

  it('reads a JSON array as its events', () => {
    expect(parseEvents('[{"a": 1}, {"a": 2}]')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reads JSON lines, skipping blank lines and a trailing newline', () => {
    expect(parseEvents('{"a": 1}\n\n{"a": 2}\r\n{"a": 3}\n')).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
  });

  it('reads several pretty-printed objects written one after another', () => {
    const text = '{\n  "Event": {\n    "x": "}{"\n  }\n}\n{\n  "Event": {\n    "x": "\\"{"\n  }\n}\n';
    expect(parseEvents(text)).toEqual([{ Event: { x: '}{' } }, { Event: { x: '"{' } }]);
  });

  it('flattens arrays that appear in a stream of values', () => {
    expect(parseEvents('[{"a": 1}]\n{"a": 2}')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('ignores a byte order mark and returns nothing for empty text', () => {
    expect(parseEvents('\ufeff{"a": 1}')).toEqual([{ a: 1 }]);
    expect(parseEvents('  \n')).toEqual([]);
  });

  it('reports text that is not JSON with its line and column', () => {
    const e = error('{"a": 1}\n  oops');
    expect(e.code).toBe('value');
    expect(e.location).toMatchObject({ file: 'events.json', line: 2, column: 3 });
  });

  it('reports malformed JSON inside one of several objects at that object', () => {
    const e = error('{"a": 1}\n{"a": }');
    expect(e.code).toBe('value');
    expect(e.line).toBe(2);
  });

  it('reports an object the text ends inside', () => {
    expect(error('{"a": {"b": 1}').message).toMatch(/unterminated/);
  });

  it('refuses events that are not objects', () => {
    expect(error('[1, 2]').message).toMatch(/must be a JSON object/);
    expect(error('"text"').message).toMatch(/must be a JSON object/);
  });
});
