/**
 * Evaluating a rule as it lands on a target: the processing pipeline applied first (fields mapped to the
 * target's columns, values rewritten, inexpressible alternatives left out), then the computed fields the
 * pipeline declares (src/pipeline/computed.ts) added to each event the way the query computes them (KQL
 * `extend`), so the evaluator answers "does the converted query fire on this row of the target table".
 */
import type { SigmaRule } from '../rule/ast.js';
import { applyPipeline, computedFields, computeField, pipelineWarnings } from '../pipeline/index.js';
import type { ComputedField, Pipeline, PipelineWarning } from '../pipeline/index.js';
import { indexEventCached, indexWithFields, type IndexedEvent } from './fields.js';
import { compileMatcher, type Matcher, type MatchOptions, type MatchResult } from './match.js';

/** What the evaluator needs of a rule processed for a target. */
export interface PipelineRule {
  /** The rule after the pipeline: the target's field names and values. */
  readonly rule: SigmaRule;
  /** The pipeline state (query_table …). */
  readonly state: Readonly<Record<string, unknown>>;
  /** Fields computed from the target's columns, in the order the query defines them. */
  readonly computed: readonly ComputedField[];
  /** Alternatives left out because the target cannot express them. */
  readonly warnings: readonly PipelineWarning[];
  /** The event with the computed fields added (the same object when there are none). */
  readonly extend: (event: unknown) => unknown;
}

/** Applies `pipeline` to `rule` for evaluation. Throws SigmaError when the pipeline refuses the rule. */
export function applyPipelineForMatch(rule: SigmaRule, pipeline: Pipeline): PipelineRule {
  const processed = applyPipeline(pipeline, rule);
  const computed = computedFields(processed.state);
  return Object.freeze({
    rule: processed.rule,
    state: processed.state,
    computed,
    warnings: pipelineWarnings(processed.state),
    extend: extension(computed),
  });
}

/**
 * The event with `computed` added, each computed from the event's own columns as the query's `extend` does: its
 * index with the fields added (the same event when there are none). The last event extended is remembered (the matchers of the rules that fired
 * ask again): one entry, not a WeakMap of every event, whose ephemerons every minor garbage collection traces
 * (fields.ts, indexEventCached).
 */
export function extension(computed: readonly ComputedField[]): (event: unknown) => unknown {
  let lastRaw: object | undefined;
  let lastOut: unknown;
  return (event: unknown): unknown => {
    if (computed.length === 0) return event;
    const indexed = indexEventCached(event);
    const raw = indexed.event;
    if (typeof raw !== 'object' || raw === null) return event;
    if (raw === lastRaw) return lastOut;
    const column = (name: string): string | undefined => indexed.get(name)?.[0]?.text ?? undefined;
    const added: Record<string, string> = {};
    for (const f of computed) added[f.name] = computeField(f.expression, column);
    // Indexed from the event's own index, not copied and walked again.
    const out = indexWithFields(indexed, added);
    lastRaw = raw;
    lastOut = out;
    return out;
  };
}

/** The table a processed rule's query reads (the pipeline state's `query_table`: `DeviceFileEvents` …), if any. */
export function queryTable(rule: PipelineRule): string | undefined {
  const table = rule.state['query_table'];
  return typeof table === 'string' && table !== '' ? table : undefined;
}

/** The first value of a field when it is a string. */
function firstString(ev: IndexedEvent, field: string): string | undefined {
  const v = ev.get(field)?.[0]?.raw;
  return typeof v === 'string' ? v : undefined;
}

/** The table a row says it comes from: the `Type` column of Log Analytics / Microsoft Sentinel rows. */
export function rowTable(ev: IndexedEvent): string | undefined {
  return firstString(ev, 'Type');
}

/** Whether a row says where it comes from: its table (`Type`) or its ASIM schema (`EventSchema`). */
export function rowSaysTable(ev: IndexedEvent): boolean {
  return rowTable(ev) !== undefined || firstString(ev, 'EventSchema') !== undefined;
}

/** An ASIM parser (`imProcessCreate`, `_Im_Dns`, `_ASim_FileEvent` …): its rows come from other tables. */
const ASIM_PARSER = /^(im[A-Z]|_Im_|_ASim_|ASim[A-Z])/;

/**
 * The rows an ASIM unifying parser returns, by their ASIM fields: `EventSchema` (the schema the row is normalized
 * to, ASIM's common fields) and, for the parsers of one event type, `EventType` (imProcessCreate returns the
 * Process Event schema's `ProcessCreated` rows, not `ProcessTerminated`).
 */
const ASIM_ROWS: Readonly<Record<string, { readonly schema: string; readonly eventType?: string }>> = {
  imProcessCreate: { schema: 'ProcessEvent', eventType: 'ProcessCreated' },
  imProcessTerminate: { schema: 'ProcessEvent', eventType: 'ProcessTerminated' },
  imFileEvent: { schema: 'FileEvent' },
  imRegistry: { schema: 'RegistryEvent' },
  imNetworkSession: { schema: 'NetworkSession' },
  imWebSession: { schema: 'WebSession' },
  imAuthentication: { schema: 'Authentication' },
  imDns: { schema: 'Dns' },
  imAuditEvent: { schema: 'AuditEvent' },
  imUserManagement: { schema: 'UserManagement' },
  imDhcpEvent: { schema: 'Dhcp' },
};

/** Whether a table name is an ASIM parser's (its rows are normalized rows of other tables). */
export function isAsimParser(table: string): boolean {
  return ASIM_PARSER.test(table);
}

/** The rows an ASIM parser returns (its schema and event type), when the parser is one of the known ones. */
function asimRows(table: string): { readonly schema: string; readonly eventType?: string } | undefined {
  return Object.prototype.hasOwnProperty.call(ASIM_ROWS, table) ? ASIM_ROWS[table] : undefined;
}

/**
 * Which rules may fire on a row, by table: a row that says its table (`Type`) meets a rule whose query reads
 * another table never (a `DeviceFileEvents` query never sees a `DeviceProcessEvents` row, though both have a
 * `FolderPath`). A rule that reads an ASIM parser meets rows of any table (they keep their source table's `Type`)
 * but, when a row says its ASIM schema (`EventSchema`, and `EventType` where the parser returns one type), only
 * rows the parser returns. A row that says nothing meets every rule, unless `assumed` says what such rows are
 * (`match --table`): the rows of that table, or those that ASIM parser returns, for what a row does not say
 * itself. Undefined when no rule reads a table.
 */
export function tableFilter(
  tables: readonly (string | undefined)[],
  assumed?: string,
): ((ev: IndexedEvent, rule: number) => boolean) | undefined {
  if (tables.every((t) => t === undefined)) return undefined;
  const assumedAsim = assumed !== undefined && isAsimParser(assumed);
  // A row that does not say its Type: of the assumed table, or (assumed from an ASIM parser) normalized by it.
  const assumedType = assumed !== undefined && !assumedAsim ? assumed : undefined;
  const assumedRows = assumedAsim ? asimRows(assumed) : undefined;
  const tests = tables.map((table): ((ev: IndexedEvent) => boolean) | undefined => {
    if (table === undefined) return undefined;
    if (!isAsimParser(table)) {
      return (ev) => {
        const t = rowTable(ev) ?? assumedType;
        // A row an ASIM parser returned is not a row of the table a query reads directly.
        return t === undefined ? !assumedAsim : t === table;
      };
    }
    const rows = asimRows(table);
    if (rows === undefined) return assumed === undefined ? undefined : () => assumed === table;
    return (ev) => {
      const schema = firstString(ev, 'EventSchema') ?? assumedRows?.schema;
      // A raw row of the assumed table is not what an ASIM parser returns.
      if (schema === undefined) return assumed === undefined || assumed === table;
      if (schema !== rows.schema) return false;
      const type = rows.eventType === undefined ? undefined : (firstString(ev, 'EventType') ?? assumedRows?.eventType);
      return type === undefined || type === rows.eventType;
    };
  });
  return (ev, rule) => tests[rule]?.(ev) ?? true;
}

/**
 * A matcher for `rule` as `pipeline` converts it: events are rows of the target's tables (DeviceProcessEvents,
 * imRegistry …), from the rule or from what `applyPipelineForMatch` made of it. Throws SigmaError when the
 * pipeline refuses the rule.
 */
export function compilePipelineMatcher(rule: SigmaRule | PipelineRule, pipeline: Pipeline, options: MatchOptions = {}): Matcher {
  // A rule already processed (`applyPipelineForMatch`, e.g. to read its warnings first) is not processed again.
  const processed = 'extend' in rule ? rule : applyPipelineForMatch(rule, pipeline);
  const inner = compileMatcher(processed.rule, options);
  const extended = processed.computed.length === 0 ? inner : withExtension(inner, processed.extend);
  // A row of another table (its `Type`) is never one the query reads.
  const onTable = tableFilter([queryTable(processed)], options.table);
  return onTable === undefined ? extended : onTableOnly(extended, (ev) => onTable(ev, 0));
}

/** A matcher evaluated on the event extended with computed fields (PipelineRule.extend). */
export function withExtension(matcher: Matcher, extend: (event: unknown) => unknown): Matcher {
  const full = (event: unknown): MatchResult => matcher(extend(event));
  return Object.freeze(Object.assign(full, { test: (event: unknown) => matcher.test(extend(event)), rule: matcher.rule }));
}

const OTHER_TABLE: MatchResult = Object.freeze({ match: false, selections: Object.freeze([]) });

/** A matcher that never fires on a row of another table than its query reads (`on` says whether the row is of it). */
export function onTableOnly(matcher: Matcher, on: (ev: IndexedEvent) => boolean): Matcher {
  const full = (event: unknown): MatchResult => {
    const ev = indexEventCached(event);
    return on(ev) ? matcher(ev) : OTHER_TABLE;
  };
  const test = (event: unknown): boolean => {
    const ev = indexEventCached(event);
    return on(ev) && matcher.test(ev);
  };
  return Object.freeze(Object.assign(full, { test, rule: matcher.rule }));
}
