/** The evaluator: match Sigma rules against JSON events without a SIEM. */
export { match, compileMatcher, type MatchOptions, type MatchResult, type Matcher } from './match.js';
export { parseEvents } from './events.js';
export { indexEvent, type IndexedEvent, type EventValue, type Scalar } from './fields.js';
export { inferEventSource, logsourceAllows, type EventSource } from './logsource.js';
export { applyPipelineForMatch, compilePipelineMatcher, type PipelineRule } from './pipeline.js';
export { compileEngine, type Engine, type EngineOptions, type EngineHit, type EngineStats } from './engine.js';
export { ruleRequirements, type Atom, type Clause } from './requirements.js';
export { createEventSplitter, splitEvents, type EventSplitter, type SplitItem } from './stream.js';
export { createCsvReader, parseCsvEvents, type CsvReader } from './csv.js';
export { containerRows, type ContainerKind } from './containers.js';
export { createContainerWalker, type ContainerWalker, type WalkedRow, type WalkStep } from './container-stream.js';
export { runCase, type TestCase, type CaseOutcome, type Expectation } from './suite.js';
export { toJUnitXml } from './junit.js';
export { configureMemos, MEMO_LIMITS, type MemoLimits } from './memo.js';
