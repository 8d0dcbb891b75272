/**
 * The validator model: one small module per validator (id, severity, description, check), a registry and one
 * runner, like ESLint rules. Validator ids and severities are pySigma's (core) and the SigmaHQ plugin's.
 */
import type { SigmaDocument } from '../rule/ast.js';
import type { SourceLocation } from '../errors.js';
import type { YamlPath } from '../rule/yaml.js';

/** pySigma's issue severities, lowest first. */
export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Whether `severity` is at least `threshold`. */
export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}

/** A text edit that a safe fix applies: replace `[start, end)` (offsets in the file's text) by `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One problem a validator found in one document. */
export interface Finding {
  /** pySigma's validator identifier (`all_of_them_condition`, `sigmahq_title_case` …). */
  readonly validator: string;
  readonly severity: Severity;
  /** What is wrong and what to do about it. */
  readonly message: string;
  readonly file?: string;
  /** 1-based line and column of the offending key or value (of the document when nothing more exact exists). */
  readonly line?: number;
  readonly column?: number;
  /** 1-based line and column just after the offending text, when known (editors underline the range). */
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Index of the document in its file (multi-document files). */
  readonly document: number;
  /** The rule's id and title, when it has them. */
  readonly ruleId?: string;
  readonly title?: string;
  /** Edits that fix the problem without changing what the rule matches (`check --fix`). */
  readonly fix?: readonly TextEdit[];
}

/** What a validator reports; the runner adds the id, the default severity, file and rule. */
export interface Issue {
  readonly message: string;
  /** Where: a YAML path into the document (located by the runner) or a location. */
  readonly at?: YamlPath;
  readonly what?: 'key' | 'value';
  readonly location?: SourceLocation;
  /** A severity other than the validator's (one validator, pySigma's invalid_modifier_combinations, has two). */
  readonly severity?: Severity;
  readonly fix?: readonly TextEdit[];
}

/** One document of one file, as a validator sees it. */
export interface DocumentContext {
  /** The typed document (rule, correlation or filter). */
  readonly document: SigmaDocument;
  /** The plain YAML document, keys in their written order. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** Index of the document in its file. */
  readonly index: number;
  /** The file's path as given (validators that check file names read its last segment). */
  readonly file?: string;
  /** The whole text of the file. */
  readonly text: string;
  /** Where a key or value of this document starts. */
  locate(path: YamlPath, what?: 'key' | 'value'): SourceLocation;
  /** Character offset of a key or value of this document in `text`. */
  offset(path: YamlPath, what?: 'key' | 'value'): number | undefined;
}

/** Settings for validators that take parameters (sigma-cli's `config:` section, by validator id). */
export type ValidatorParams = Readonly<Record<string, unknown>>;

export interface ValidatorEnv {
  /** Parameters of this validator from the validation configuration (e.g. `{ min_size: 10 }`). */
  readonly params: ValidatorParams;
  /** Today's date (YYYY-MM-DD) for date-dependent checks; the runner's caller chooses it. */
  readonly today: string;
}

export interface Validator {
  /** pySigma's identifier. */
  readonly id: string;
  readonly plugin: 'core' | 'sigmahq';
  readonly severity: Severity;
  /** One line: what the validator reports. */
  readonly description: string;
  /** Checks one document. */
  readonly check?: (ctx: DocumentContext, env: ValidatorEnv) => readonly Issue[];
  /** Checks across all documents of a run (duplicate ids, titles, file names). */
  readonly checkAll?: (ctxs: readonly DocumentContext[], env: ValidatorEnv) => readonly { ctx: DocumentContext; issue: Issue }[];
}

export const NO_ISSUES: readonly Issue[] = Object.freeze([]);
