/**
 * EQL field names. An unquoted name is IDENTIFIER (`(LETTER | [@_]) (LETTER | DIGIT | _)*`) segments joined by
 * dots, none of them a keyword. Anything else (`c-uri`, `cs-user-agent`, `Event ID`, `1st.field`) is written as a
 * QUOTED_IDENTIFIER, `` `…` `` with inner back-quotes doubled: unquoted, `c-uri` would parse as a subtraction.
 */

/** EqlBase.g4's keywords; a segment spelled like one must be quoted. */
const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'any',
  'by',
  'false',
  'in',
  'join',
  'like',
  'maxspan',
  'not',
  'null',
  'of',
  'or',
  'regex',
  'sample',
  'sequence',
  'true',
  'until',
  'where',
  'with',
]);

const SEGMENT = /^[A-Za-z@_][A-Za-z0-9_]*$/;

/** True when `field` can be written as it is. */
export function isPlainFieldName(field: string): boolean {
  if (field === '') return false;
  for (const segment of field.split('.')) {
    if (!SEGMENT.test(segment) || KEYWORDS.has(segment)) return false;
  }
  return true;
}

const quoted = new Map<string, string>();

/** `field` as EQL writes it: unchanged when it is a plain dotted name, else back-quoted. */
export function quoteField(field: string): string {
  let text = quoted.get(field);
  if (text === undefined) {
    text = isPlainFieldName(field) ? field : `\`${field.replaceAll('`', '``')}\``;
    if (quoted.size >= 10_000) quoted.clear();
    quoted.set(field, text);
  }
  return text;
}
