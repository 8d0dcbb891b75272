/**
 * Issue 10, KQL: a rule value can never break out of its string literal, and every literal the kusto backend
 * writes denotes exactly the value the rule meant. Random hostile values (quotes, backslashes — trailing ones
 * too —, pipes, backticks, `*`/`?` wildcards and their `\*` escapes, line breaks, tabs, astral unicode, NUL and
 * other control characters) go through each modifier inside a real rule (built as JSON, which is YAML), and the
 * query that `createConverter({ target: 'kusto', pipelines: ['microsoft_xdr'] })` emits is read back with
 * Microsoft's own Kusto parser:
 * - the whole query has no analyzer error (so nothing escaped its literal);
 * - every string literal is found in the syntax tree, its value is what Kusto's parser says it is
 *   (`stringLiteralValue`), and the operator it stands under (`=~`, `contains_cs`, `in~`, `matches regex` …)
 *   together with that value means exactly the Sigma value: the same text, the same wildcards, the same case
 *   sensitivity. The intended value comes from the Sigma specification's escape rules, computed here.
 * Bounded: a fixed seed and a few hundred runs per property.
 */
import { describe } from 'vitest';
import { HAS_SHARED, SHARED_MISSING } from '../support/corpus.js';
import { stringModeProperties } from './escaping-support.js';
import { KQL_MEANINGS } from './escaping-kql-support.js';

describe.skipIf(!HAS_SHARED)('KQL string literals denote exactly the rule value (Kusto analyzer)', () => {
  if (!HAS_SHARED) console.warn(SHARED_MISSING);

  stringModeProperties(KQL_MEANINGS);
});
