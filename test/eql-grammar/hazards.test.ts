/**
 * Valid EQL that means something else than the Sigma rule (issue 6, "Valid EQL, where the
 * reference is not"): unquoted hyphenated field names and bare values as conditions.
 * How they parse follows from EqlBase.g4: IDENTIFIER has no `-`, MINUS is arithmetic, and a
 * predicate binds to the primaryExpression just before it.
 */
import { describe, expect, it } from 'vitest';
import { findBareValueConditions, findUnquotedNonIdentifierFields, parseEql, validateEql } from '../support/eql/validate.js';

describe('findUnquotedNonIdentifierFields', () => {
  it('flags cs-user-agent:"x", which the grammar reads as (cs - user) - (agent : "x")', () => {
    const query = 'any where cs-user-agent:"*curl*"';
    expect(validateEql(query)).toEqual({ ok: true }); // accepted: the danger is that it parses
    expect(findUnquotedNonIdentifierFields(query)).toEqual([{ field: 'cs-user-agent', offset: 10, parsedAs: 'cs - user - agent' }]);
    const parsed = parseEql(query);
    if (!parsed.ok || parsed.statement.query.type !== 'event') throw new Error('expected an event query');
    const condition = parsed.statement.query.filter.condition;
    expect(condition).toMatchObject({
      type: 'arithmetic',
      op: '-',
      left: { type: 'arithmetic', op: '-' },
      right: { type: 'predicate', kind: ':', subject: { type: 'field' } },
    });
  });

  it('reports the whole dotted name, and parts that are keywords or numbers', () => {
    expect(findUnquotedNonIdentifierFields('any where winlog.event_data.c-uri like~ "x" and c-in : "y" and x-2 == 1')).toEqual([
      { field: 'winlog.event_data.c-uri', offset: 10, parsedAs: 'winlog.event_data.c - uri' },
      { field: 'c-in', offset: 48, parsedAs: 'c - in' },
      { field: 'x-2', offset: 63, parsedAs: 'x - 2' },
    ]);
  });

  it('leaves back-quoted names, spaced subtraction and strings alone', () => {
    expect(findUnquotedNonIdentifierFields('any where `cs-user-agent` : "a-b" and a - b > 0 and c == -1')).toEqual([]);
  });

  it('still scans the tokens before a lexer error', () => {
    expect(findUnquotedNonIdentifierFields('any where c-uri : "\\d"').map((h) => h.field)).toEqual(['c-uri']);
  });
});

describe('findBareValueConditions', () => {
  it('flags constants standing where a condition belongs', () => {
    expect(findBareValueConditions('any where "mimikatz" or (not "sekurlsa" and 4624)')).toEqual([
      { text: '"mimikatz"', offset: 10 },
      { text: '"sekurlsa"', offset: 29 },
      { text: '4624', offset: 44 },
    ]);
  });

  it('does not flag values inside comparisons and predicates, nor true/false', () => {
    expect(findBareValueConditions('any where a : "x" and b in ("y") and true and f("z")')).toEqual([]);
  });

  it('looks into every subquery of a sequence', () => {
    expect(findBareValueConditions('sequence [x where "a"] [y where b == 1] until [z where "c"]').map((b) => b.text)).toEqual([
      '"a"',
      '"c"',
    ]);
  });
});
