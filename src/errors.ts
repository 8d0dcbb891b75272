/**
 * The one error type of sigmaform. Every failure that a person can act on is a SigmaError with a stable
 * `code`, a message, and a location (file, line, column) where one is known.
 */
export type SigmaErrorCode =
  | 'yaml' // malformed YAML
  | 'schema' // a document does not follow the Sigma schema
  | 'detection' // a detection section is malformed
  | 'modifier' // unknown modifier, or a modifier used where it cannot apply
  | 'value' // a value that cannot be what its modifiers say (bad regex, bad CIDR, …)
  | 'condition' // condition syntax error or unknown selection
  | 'pipeline' // a processing pipeline is malformed
  | 'pipeline-failure' // a pipeline's rule_failure / detection_item_failure fired
  | 'unsupported' // the target cannot express this construct
  | 'correlation' // a correlation rule is malformed or cannot be resolved
  | 'filter' // a filter document is malformed or cannot be applied
  | 'limit' // a resource limit (size, depth, count) was exceeded
  | 'io' // a file could not be read
  | 'backend' // unknown target, format or pipeline name
  | 'internal'; // a bug: reported with location, never swallowed

export interface SourceLocation {
  readonly file?: string;
  readonly line?: number; // 1-based
  readonly column?: number; // 1-based
}

/** Whether this engine has V8's writable `Error.stackTraceLimit` (not where intrinsics are frozen). */
const STACK_LIMIT_WRITABLE = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')?.writable === true;

export class SigmaError extends Error {
  readonly code: SigmaErrorCode;
  readonly location: SourceLocation;

  constructor(code: SigmaErrorCode, message: string, location: SourceLocation = {}) {
    // A stack trace says nothing to the person who reads the error and costs more than the rest of it (a corpus
    // run makes over a thousand, one per rule a pipeline refuses); only `internal` errors (bugs) keep theirs.
    const withoutStack = STACK_LIMIT_WRITABLE && code !== 'internal';
    const limit = Error.stackTraceLimit;
    if (withoutStack) Error.stackTraceLimit = 0;
    super(message);
    if (withoutStack) Error.stackTraceLimit = limit;
    this.name = 'SigmaError';
    this.code = code;
    this.location = location;
  }

  get file(): string | undefined {
    return this.location.file;
  }
  get line(): number | undefined {
    return this.location.line;
  }
  get column(): number | undefined {
    return this.location.column;
  }

  /** The same error, located in `file` if it had no file yet. */
  inFile(file: string | undefined): SigmaError {
    if (file === undefined || this.location.file !== undefined) return this;
    return new SigmaError(this.code, this.message, { ...this.location, file });
  }

  /** `file:line:column: message`, the form compilers and editors understand. */
  format(): string {
    const { file, line, column } = this.location;
    const where = [file, line, line !== undefined ? column : undefined].filter((p) => p !== undefined).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }

  toJSON(): { code: SigmaErrorCode; message: string; file?: string; line?: number; column?: number } {
    return { code: this.code, message: this.message, ...this.location };
  }
}

/** Turns anything thrown into a SigmaError; foreign errors become `internal` so nothing is lost. */
export function toSigmaError(e: unknown, location: SourceLocation = {}): SigmaError {
  if (e instanceof SigmaError) return location.file ? e.inFile(location.file) : e;
  const message = e instanceof Error ? e.message : String(e);
  return new SigmaError('internal', message, location);
}
