/**
 * Keyword detections (values without a field) in EQL. Sigma searches a keyword anywhere in the event; EQL has no
 * full-text search, and a bare string literal as a condition (`any where "mimikatz"`, the reference's form) is a
 * constant, not a search. sigmaform searches the event's message field instead (ECS `message`, configurable with
 * the backend option `keywordField`): a keyword becomes `message : "*value*"`, several become a `like~` list.
 */
import type { Detection, DetectionItem, SigmaRule, SigmaValue, StringPart } from '../../src/rule/ast.js';
import { SigmaError } from '../../src/errors.js';
import { ANY, sigmaString } from '../../src/rule/strings.js';

export const DEFAULT_KEYWORD_FIELD = 'message';

const isAny = (p: StringPart | undefined): boolean => typeof p === 'object' && p.kind === 'wildcard' && p.char === '*';

/** A keyword value as a match on the message field: strings and numbers become contains-patterns. */
function keywordValue(value: SigmaValue, item: DetectionItem): SigmaValue {
  switch (value.kind) {
    case 'string': {
      if (value.parts.length === 0) return sigmaString([ANY], value.cased);
      const start = isAny(value.parts[0]) ? [] : [ANY];
      const end = isAny(value.parts[value.parts.length - 1]) ? [] : [ANY];
      return sigmaString([...start, ...value.parts, ...end], value.cased);
    }
    case 'number':
      return sigmaString([ANY, value.text, ANY]);
    case 'expansion':
      return Object.freeze({ kind: 'expansion', values: Object.freeze(value.values.map((v) => keywordValue(v, item))) });
    case 'regex':
    case 'query':
      return value;
    default:
      throw new SigmaError('unsupported', `a keyword (a value without a field) cannot be a ${value.kind} value in EQL`, item.location);
  }
}

function keywordItem(item: DetectionItem, field: string): DetectionItem {
  if (item.field !== null) return item;
  return Object.freeze({ ...item, field, values: Object.freeze(item.values.map((v) => keywordValue(v, item))) });
}

function detectionWithField(detection: Detection, field: string): Detection {
  const items = detection.items.map((i) => (i.kind === 'item' ? keywordItem(i, field) : detectionWithField(i, field)));
  return items.every((i, k) => i === detection.items[k]) ? detection : Object.freeze({ ...detection, items: Object.freeze(items) });
}

function hasKeywords(detection: Detection): boolean {
  return detection.items.some((i) => (i.kind === 'item' ? i.field === null : hasKeywords(i)));
}

/** The rule with every keyword item turned into a match on `field`; the same object when it has no keywords. */
export function keywordsAsField(rule: SigmaRule, field: string): SigmaRule {
  const selections = rule.detection.selections;
  if (![...selections.values()].some(hasKeywords)) return rule;
  const mapped = new Map<string, Detection>();
  for (const [name, detection] of selections) mapped.set(name, detectionWithField(detection, field));
  return Object.freeze({ ...rule, detection: Object.freeze({ ...rule.detection, selections: mapped }) });
}
