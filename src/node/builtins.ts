/**
 * The backends this package ships, each imported only when a run needs it: `sigmaform convert -t splunk` loads
 * the Splunk backend's code and not the KQL tables, the EQL field maps or the ES|QL regex translator (the
 * library's entry point, `sigmaform`, still registers all four when it is imported).
 */
import { registerBackend, type Backend } from '../backend.js';

/** In the order the library's entry point registers them (the order error messages list them in). */
const BUILTIN: Readonly<Record<string, () => Promise<Backend>>> = {
  splunk: async () => (await import('../../backends/splunk/index.js')).splunkBackend,
  kusto: async () => (await import('../../backends/kusto/index.js')).kustoBackend,
  eql: async () => (await import('../../backends/eql/index.js')).eqlBackend,
  esql: async () => (await import('../../backends/esql/index.js')).esqlBackend,
};

/** The built-in backend called `name` (its module imported on first use), or undefined for any other name. */
export async function builtinBackend(name: string): Promise<Backend | undefined> {
  return Object.hasOwn(BUILTIN, name) ? (BUILTIN[name] as () => Promise<Backend>)() : undefined;
}

/**
 * Registers the built-in backends a run needs: `target`'s alone when it is built in and owns every named
 * pipeline of the run; otherwise (an unknown target, a pipeline of another backend, a pipeline file, which may
 * use any backend's transformations) all of them, in the library's order, so lookups and their error messages
 * are the same as with the whole library loaded.
 */
export async function registerBuiltinBackends(target?: string, pipelines: readonly string[] = [], pipelineFiles = false): Promise<void> {
  const own = target === undefined || pipelineFiles ? undefined : await builtinBackend(target);
  if (own && pipelines.every((p) => Object.hasOwn(own.pipelines, p))) {
    registerBackend(own);
    return;
  }
  const all = await Promise.all(Object.keys(BUILTIN).map((name) => builtinBackend(name)));
  for (const backend of all) if (backend) registerBackend(backend);
}
