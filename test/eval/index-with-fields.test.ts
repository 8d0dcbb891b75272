/**
 * indexWithFields (src/eval/fields.ts): an event's index with computed columns added is the index of the event
 * with those keys added — made without walking the event again (`match -p` extends every row so).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexEvent, indexWithFields, type IndexedEvent } from '../../src/eval/fields.js';

const key = fc.constantFrom(
  'Image',
  'CommandLine',
  'process',
  'executable',
  'Event',
  'System',
  'EventID',
  'Channel',
  'a.b',
  'User',
  'Data',
);
const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
})).node;
const event = fc.dictionary(key, value, { maxKeys: 5 });
const added = fc.dictionary(fc.constantFrom('SysmonUser', 'SysmonTargetObject', 'Image', 'Computed.Name'), scalar, { maxKeys: 3 });

/** What an index answers, as plain data. */
function answers(ev: IndexedEvent): unknown {
  const names = ev.fieldNames();
  return {
    names,
    values: names.map((n) => ev.get(n)?.map((v) => [v.raw, v.text, v.lower]) ?? null),
    has: names.map((n) => ev.has(n)),
    texts: ev.texts.map((v) => v.raw),
    source: ev.source,
  };
}

describe('indexWithFields', () => {
  it('answers as the index of {...event, ...added}, whether or not added names a key of the event', () => {
    fc.assert(
      fc.property(event, added, (e, extra) => {
        const extended = indexWithFields(indexEvent(e), extra);
        expect(answers(extended)).toEqual(answers(indexEvent({ ...e, ...extra })));
      }),
      { numRuns: 500, seed: 29 },
    );
  });
});
