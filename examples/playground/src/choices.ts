/**
 * Target / pipeline / format choices, from the backend registry. Pure: given what the registry offers and
 * what a link asked for, which choices are valid, and what a download of the output is called.
 */

export interface Described {
  readonly description: string;
}

/** The part of a Backend the pickers read (see `listBackends()`). */
export interface BackendInfo {
  readonly name: string;
  readonly description: string;
  readonly pipelines: Readonly<Record<string, Described>>;
  readonly formats: Readonly<Record<string, Described>>;
}

export interface Choices {
  readonly target: string;
  /** '' for no named pipeline. */
  readonly pipeline: string;
  readonly format: string;
}

/** The format offered first: `default` when the target has one. */
export function defaultFormat(backend: BackendInfo): string {
  const names = Object.keys(backend.formats);
  return names.includes('default') ? 'default' : (names[0] ?? 'default');
}

/** The pipeline picked when a target is chosen: its first named pipeline, or none. */
export function defaultPipeline(backend: BackendInfo): string {
  return Object.keys(backend.pipelines)[0] ?? '';
}

/** Pipelines offered for a target: its own first, then those of the other backends (pySigma allows mixing). */
export function pipelineOptions(
  backends: readonly BackendInfo[],
  target: string,
): { readonly own: readonly string[]; readonly others: readonly string[] } {
  const backend = backends.find((b) => b.name === target);
  const own = backend ? Object.keys(backend.pipelines) : [];
  const others = backends.filter((b) => b.name !== target).flatMap((b) => Object.keys(b.pipelines).filter((p) => !own.includes(p)));
  return { own, others: [...new Set(others)] };
}

/** Makes requested choices valid: an unknown target, pipeline or format falls back to the target's default. */
export function resolveChoices(backends: readonly BackendInfo[], wanted: Choices): Choices {
  const backend = backends.find((b) => b.name === wanted.target);
  if (!backend) {
    const first = backends[0];
    return first ? { target: first.name, pipeline: defaultPipeline(first), format: defaultFormat(first) } : wanted;
  }
  const known = wanted.pipeline === '' || backends.some((b) => Object.hasOwn(b.pipelines, wanted.pipeline));
  return {
    target: backend.name,
    pipeline: known ? wanted.pipeline : defaultPipeline(backend),
    format: Object.hasOwn(backend.formats, wanted.format) ? wanted.format : defaultFormat(backend),
  };
}

/** Choices after the user picks another target: that target's first pipeline and default format. */
export function choicesForTarget(backends: readonly BackendInfo[], target: string): Choices {
  const backend = backends.find((b) => b.name === target);
  if (!backend) return resolveChoices(backends, { target, pipeline: '', format: '' });
  return { target, pipeline: defaultPipeline(backend), format: defaultFormat(backend) };
}

const TARGET_EXTENSIONS: Readonly<Record<string, string>> = { splunk: 'spl', kusto: 'kql', eql: 'eql', esql: 'esql' };

/** File extension of an output: by what the format's name says it is, else by the target's query language. */
export function outputExtension(target: string, format: string): string {
  const f = format.toLowerCase();
  if (/ndjson/.test(f)) return 'ndjson';
  if (/conf|savedsearch/.test(f)) return 'conf';
  if (/json|arm|api|siem/.test(f)) return 'json';
  if (/yaml|yml|sentinel_rule|escu|contentctl/.test(f)) return 'yml';
  return TARGET_EXTENSIONS[target] ?? 'txt';
}

/** Download file name: the rule's title (from the YAML text) as a slug, and the output's extension. */
export function outputFileName(ruleText: string, target: string, format: string): string {
  const title = /^title:[ \t]*['"]?(.*?)['"]?[ \t]*$/m.exec(ruleText)?.[1] ?? '';
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
  return `${slug || 'rule'}.${outputExtension(target, format)}`;
}
