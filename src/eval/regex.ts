/**
 * Regular expressions from rules, run by re2js (a port of RE2): matching time is linear in the length of
 * the text whatever the pattern, so no rule can hang the evaluator (no catastrophic backtracking).
 * PCRE constructs RE2 lacks (backreferences, lookaround, possessive quantifiers, atomic groups) are
 * reported as SigmaError `unsupported` when the rule is compiled, never at match time.
 */
import { RE2JS } from 're2js';
import type { SigmaRegex } from '../rule/ast.js';
import { SigmaError } from '../errors.js';

export type RegexTest = (text: string) => boolean;

/** Compiles a rule regex: case-sensitive unless `i`; `m` and `s` as in PCRE. Search semantics (unanchored). */
export function compileRegex(regex: SigmaRegex): RegexTest {
  let flags = 0;
  if (regex.flags.ignoreCase) flags |= RE2JS.CASE_INSENSITIVE;
  if (regex.flags.multiline) flags |= RE2JS.MULTILINE;
  if (regex.flags.dotAll) flags |= RE2JS.DOTALL;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(regex.pattern, flags);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
    throw new SigmaError(
      'unsupported',
      `regular expression '${regex.pattern}' cannot be evaluated by the linear-time engine (RE2 syntax): ${reason}`,
    );
  }
  return (text) => compiled.test(text);
}
