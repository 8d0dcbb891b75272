/**
 * Sigma filters (meta filters): a filter document names rules and a condition of events to exclude from them.
 * Applying a filter is a pure AST rewrite, the same for every backend and for the evaluator:
 * each condition `C` of the rule becomes `C and not F`, with the filter's selections added under prefixed names.
 */
import type { ConditionNode, Detection, Logsource, SigmaDocument, SigmaFilter, SigmaRule } from './ast.js';

/** True when the filter names the rule (by id, name or title) and its logsource fits the rule's. */
export function filterApplies(filter: SigmaFilter, rule: SigmaRule): boolean {
  const named = filter.rules.some((r) => r === rule.id || r === rule.name || r === rule.title);
  return named && logsourceFits(filter.logsource, rule.logsource);
}

/** Every field the filter's logsource sets must equal the rule's. */
export function logsourceFits(filter: Logsource, rule: Logsource): boolean {
  return (['category', 'product', 'service'] as const).every((k) => filter[k] === undefined || filter[k] === rule[k]);
}

function renameRefs(node: ConditionNode, rename: (name: string) => string): ConditionNode {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, args: node.args.map((a) => renameRefs(a, rename)) };
    case 'not':
      return { kind: 'not', arg: renameRefs(node.arg, rename) };
    case 'ref':
      return { ...node, name: rename(node.name) };
    case 'of':
      return node;
  }
}

/** The rule with the filter's exclusion added to each of its conditions. */
export function applyFilter(filter: SigmaFilter, rule: SigmaRule, index = 0): SigmaRule {
  const prefix = `_filter${index}_`;
  const selections = new Map<string, Detection>(rule.detection.selections);
  for (const [name, detection] of filter.detection.selections) selections.set(prefix + name, detection);
  const exclusion = filter.detection.conditions.map((c) => renameRefs(c.tree, (n) => prefix + n));
  const excluded: ConditionNode = exclusion.length === 1 ? (exclusion[0] as ConditionNode) : { kind: 'or', args: exclusion };
  const conditions = rule.detection.conditions.map((c) =>
    Object.freeze({
      ...c,
      text: `(${c.text}) and not (${filter.detection.conditions.map((f) => f.text).join(' or ')})`,
      tree: { kind: 'and' as const, args: [c.tree, { kind: 'not' as const, arg: excluded }] },
    }),
  );
  return Object.freeze({ ...rule, detection: Object.freeze({ ...rule.detection, selections, conditions: Object.freeze(conditions) }) });
}

/**
 * Applies every filter of a set of documents to the rules it names. Returns the documents with filters removed
 * and filtered rules rewritten, `rewritten` mapping each of those given to what it became (itself when no filter
 * names it); filters that name no rule of the set are returned in `unused`.
 */
export function applyFilters(documents: readonly SigmaDocument[]): {
  documents: SigmaDocument[];
  rewritten: ReadonlyMap<SigmaDocument, SigmaDocument>;
  unused: SigmaFilter[];
} {
  const filters = documents.filter((d): d is SigmaFilter => d.kind === 'filter');
  const used = new Set<SigmaFilter>();
  const out: SigmaDocument[] = [];
  const rewritten = new Map<SigmaDocument, SigmaDocument>();
  for (const doc of documents) {
    if (doc.kind === 'filter') continue;
    if (doc.kind !== 'rule') {
      out.push(doc);
      rewritten.set(doc, doc);
      continue;
    }
    let rule = doc;
    filters.forEach((f, i) => {
      if (filterApplies(f, rule)) {
        rule = applyFilter(f, rule, i);
        used.add(f);
      }
    });
    out.push(rule);
    rewritten.set(doc, rule);
  }
  return { documents: out, rewritten, unused: filters.filter((f) => !used.has(f)) };
}
