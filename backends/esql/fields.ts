/**
 * ES|QL field names and their types.
 *
 * A name is written as it is when each dot-separated segment is an UNQUOTED_IDENTIFIER of the ES|QL lexer
 * (`LETTER (LETTER | DIGIT | _)*` or `(_ | @) (LETTER | DIGIT | _)+`, ASCII letters only) and no segment is spelled
 * like a keyword (the lexer is case-insensitive, so `In`, `BY`, `Nulls` are keywords too). Anything else is a
 * QUOTED_IDENTIFIER, `` `…` `` with inner back-quotes doubled: unquoted, `c-uri` would be a subtraction.
 */

/** Keywords of ES|QL expressions (and a few of newer versions), compared lower-cased. */
const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'as',
  'asc',
  'by',
  'desc',
  'false',
  'first',
  'in',
  'is',
  'last',
  'like',
  'match',
  'metadata',
  'not',
  'null',
  'nulls',
  'on',
  'options',
  'or',
  'rlike',
  'true',
  'with',
]);

const SEGMENT = /^(?:[A-Za-z][A-Za-z0-9_]*|[_@][A-Za-z0-9_]+)$/;

export function isPlainFieldName(field: string): boolean {
  if (field === '') return false;
  return field.split('.').every((s) => SEGMENT.test(s) && !KEYWORDS.has(s.toLowerCase()));
}

/** `field` as ES|QL writes it: unchanged when it is a plain dotted name, else back-quoted. */
export function esqlField(field: string): string {
  return isPlainFieldName(field) ? field : `\`${field.replaceAll('`', '``')}\``;
}

/**
 * ECS fields of a numeric type (long, integer, float) that Windows rules meet: a Sigma number is compared with them
 * as a number. Every other field (ECS keyword fields such as `event.code` or `winlog.event_id`, and the
 * `winlog.event_data.*` strings) gets the number's text, because ES|QL refuses `keyword == 4688`.
 */
const NUMERIC_FIELDS: ReadonlySet<string> = new Set([
  'destination.port',
  'source.port',
  'client.port',
  'server.port',
  'process.pid',
  'process.parent.pid',
  'process.thread.id',
  'process.exit_code',
  'process.parent.exit_code',
  'winlog.process.pid',
  'winlog.process.thread.id',
  'winlog.record_id',
  'network.bytes',
  'network.packets',
  'source.bytes',
  'destination.bytes',
  'source.packets',
  'destination.packets',
  'http.response.status_code',
  'http.request.bytes',
  'http.response.bytes',
  'file.size',
  'dns.answers.ttl',
  'event.severity',
  'event.sequence',
  'event.duration',
  'log.syslog.priority',
  'log.syslog.severity.code',
  'log.syslog.facility.code',
]);

export const isNumericField = (field: string): boolean => NUMERIC_FIELDS.has(field);
