/** `sigmaform convert`: rules → queries for one target, with sigma-cli's option names. */
import { join } from 'node:path';
import type { Command } from '../io.js';
import { asList, CONVERSION_OPTIONS, parse } from '../args.js';
import { expandRulePaths, makeUserFolder, writeUserFile } from '../../node/files.js';
import { convertFiles, workerSpec } from '../../node/parallel.js';
import { isPipelineFile, resolvePipelineArgs } from '../../node/pipelines.js';
import { registerBuiltinBackends } from '../../node/builtins.js';
import { createConverter, type ConvertRequest, type FileResult } from '../../convert.js';
import { getFormat } from '../../backend.js';
import { progress } from '../progress.js';
import { noQueryWarning, summary } from '../summary.js';
import { splitOutputPaths } from '../split.js';
import { noQueryRules, writeIsolated } from '../../batch.js';
import { parseBackendOptions } from '../backend-options.js';
import { VALIDATE_HELP, VALIDATE_OPTIONS, validateFirst } from '../validate-first.js';
import { cacheOption, jobsOption } from '../jobs.js';

const HELP = `Usage: sigmaform convert -t TARGET [-p PIPELINE|FILE.yml]... [-f FORMAT] [-o OUT] [--split] [--jsonl] PATH...

Converts Sigma rules (files, folders searched recursively, or globs) into queries for one target.

Options:
  -t, --target TARGET      splunk, kusto, eql (see: sigmaform list targets)
  -p, --pipeline NAME|FILE processing pipeline: a named one (sigmaform list pipelines) or a pySigma pipeline YAML
                           file; repeat to combine (applied by priority)
  -f, --format FORMAT      output format of the target (default: default; see: sigmaform list formats)
  -o, --output PATH        write to this file (or, with --split, into this folder) instead of stdout
      --split              one output file per rule file (needs -o FOLDER), at the rule file's path below the
                           folder the rule files share (rules/a/r.yml → FOLDER/a/r.txt); refuses two rule files
                           that would write one output file
  -O, --option KEY=VALUE   backend option (e.g. -O categoryPrefix=true for eql); repeatable; an unknown key or
                           a bad value is a usage error
      --disable-pipeline-check
                           use a pipeline even if it is for another target (its allowed_backends)
      --jsonl              one JSON line per rule file: {"path", "ok": true, "queries": [...]} or
                           {"path", "ok": false, "error": "..."} (the queries before the pipeline's finalizers)
      --fail-on-error      exit 1 when any rule could not be converted
  -j, --jobs N             threads to convert with (default: half the cores; 1 for small batches)
      --cache              keep loaded rules in a cache file and reuse them for files whose text is unchanged
      --cache-location F   the cache file (default: .sigmaformcache in the working folder)
${VALIDATE_HELP}  -h, --help               this help

A pipeline's finalizers (concat, json, yaml, nested) run over the queries of all rules (of each file with
--split) and make the output; they need a format that writes a list of queries, such as the default one.
Rules that cannot be converted are reported (file:line:column and why) and the run goes on, in every format:
a rule that does not load (also one of several in a file), does not convert, or that a format writing one file
for the run (savedsearches, arm) refuses is an error record; the others are written. A rule that converts to no
query is reported (a warning; "noQuery" and "warnings" in --jsonl) and not counted as converted.
Exit status: 0 on success (also when some rules failed, unless --fail-on-error), 1 with --fail-on-error and a
failed rule, 2 on a usage error (unknown target, pipeline, format or option; a bad option value; a pipeline for
another target; an input with no rule files; --split outputs that would collide).
`;

export const convertCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    ...CONVERSION_OPTIONS,
    ...VALIDATE_OPTIONS,
    split: { type: 'boolean' },
    jsonl: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (!values.target) {
    io.stderr('sigmaform convert: -t TARGET is required (see --help)\n');
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr('sigmaform convert: no PATH given (see --help)\n');
    return 2;
  }
  if (values.split && !values.output) {
    io.stderr('sigmaform convert: --split needs -o FOLDER\n');
    return 2;
  }
  if (!(await validateFirst(values, positionals, io, 'convert'))) return 1;
  const started = performance.now();
  // The request as named on the command line (pipeline files by path): worker threads rebuild the converter from it.
  const request: ConvertRequest = {
    target: values.target,
    pipelines: asList(values.pipeline),
    ...(values.format ? { format: values.format } : {}),
    options: parseBackendOptions(asList(values.option)),
    ...(values['disable-pipeline-check'] ? { disablePipelineCheck: true } : {}),
  };
  const pipelineArgs = asList(values.pipeline);
  await registerBuiltinBackends(
    request.target,
    pipelineArgs.filter((p) => !isPipelineFile(p)),
    pipelineArgs.some(isPipelineFile),
  );
  const converter = createConverter({ ...request, pipelines: await resolvePipelineArgs(pipelineArgs, io.cwd) });
  const format = getFormat(converter.backend, converter.format);
  const finalizers = converter.pipeline?.finalizers ?? [];
  if (finalizers.length > 0 && format.finalizeOutput) {
    io.stderr(
      `sigmaform convert: the pipeline's finalizers (${finalizers.map((f) => f.type).join(', ')}) shape the list of queries; ` +
        `format '${converter.format}' writes a file of its own (use the default format, or a pipeline without finalizers)\n`,
    );
    return 2;
  }
  const jobs = jobsOption(values.jobs);
  const cache = await cacheOption(values.cache, values['cache-location'], io.cwd);
  const files = await expandRulePaths(positionals, io.cwd);
  const outputs = values.split ? splitOutputPaths(files, io.cwd) : [];
  const bar = progress(files.length, 'convert', io.isTTY && !values.jsonl && !!values.output);
  let results: readonly FileResult[] = await convertFiles(converter, workerSpec(converter, request, io.cwd), files, {
    ...jobs,
    ...(cache ? { cache } : {}),
    slim: !format.finalizeOutput,
    onFile: () => bar.tick(),
  });
  await cache?.save();
  bar.stop();

  // A format that writes one file of every rule (savedsearches.conf, an ARM template): a rule it refuses is an
  // error record of that rule, the others are written.
  const write = (of: readonly FileResult[]): { text: string; results: readonly FileResult[] } => {
    const { finalizeOutput } = format;
    if (!finalizeOutput) return { text: converter.finalize(of.flatMap((r) => (r.ok ? r.queries : []))), results: of };
    const isolated = writeIsolated(of, finalizeOutput);
    return { text: isolated.output, results: isolated.results };
  };
  if (values.split && values.output) {
    await makeUserFolder(values.output, io.cwd);
    const written: FileResult[] = [];
    for (const [i, r] of results.entries()) {
      if (!r.ok) {
        written.push(r);
        continue;
      }
      const { text, results: after } = write([r]);
      written.push(...after);
      if (after[0]?.ok) await writeUserFile(join(values.output, outputs[i] as string), text, io.cwd);
    }
    results = written;
  } else if (values.jsonl) {
    const body = results.map((r) => JSON.stringify(jsonRecord(r)) + '\n').join('');
    if (values.output) await writeUserFile(values.output, body, io.cwd);
    else io.stdout(body);
  } else {
    const { text, results: after } = write(results);
    results = after;
    if (values.output) await writeUserFile(values.output, text, io.cwd);
    else io.stdout(text);
  }
  const failed = results.filter((r) => !r.ok || r.errors?.length).length;
  if (!values.jsonl) io.stderr(summary(results, performance.now() - started));
  return failed > 0 && values['fail-on-error'] ? 1 : 0;
};

const located = (e: { readonly message: string; readonly line?: number | undefined; readonly column?: number | undefined }) => ({
  line: e.line ?? null,
  column: e.column ?? null,
});

/**
 * One `--jsonl` record: sigma-cli's shape (`path`, `ok`, `queries` or `error`), with the errors of the file's
 * rules that failed when others converted, and warnings: alternatives left out, rules that converted to no query.
 */
function jsonRecord(r: FileResult): Record<string, unknown> {
  if (!r.ok) return { path: r.path, ok: false, error: r.error.message, ...located(r.error) };
  const empty = noQueryRules([r]);
  const warnings = [
    // Alternatives the target cannot express, left out of the query.
    ...(r.warnings ?? []).map((w) => ({ warning: w.message, ...located(w) })),
    ...empty.map((n) => ({ warning: noQueryWarning(n.title), line: n.location.line ?? null, column: n.location.column ?? null })),
  ];
  return {
    path: r.path,
    ok: true,
    queries: r.queries,
    ...(r.errors ? { errors: r.errors.map((e) => ({ error: e.message, ...located(e) })) } : {}),
    ...(empty.length && r.queries.length === 0 ? { noQuery: true } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}
