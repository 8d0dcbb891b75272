/** `sigmaform convert`: rules → queries for one target, with sigma-cli's option names. */
import { join, basename } from 'node:path';
import type { Command } from '../io.js';
import { asList, CONVERSION_OPTIONS, parse } from '../args.js';
import { expandPaths, makeUserFolder, writeUserFile } from '../../node/files.js';
import { convertFiles, isBuiltinBackend } from '../../node/parallel.js';
import { resolvePipelineArgs } from '../../node/pipelines.js';
import { createConverter } from '../../convert.js';
import { getFormat, type RuleResult } from '../../backend.js';
import { progress } from '../progress.js';
import { summary } from '../summary.js';
import { parseBackendOptions } from '../backend-options.js';
import { cacheOption, jobsOption, workerSpec } from '../jobs.js';

const HELP = `Usage: sigmaform convert -t TARGET [-p PIPELINE|FILE.yml]... [-f FORMAT] [-o OUT] [--split] [--jsonl] PATH...

Converts Sigma rules (files, folders searched recursively, or globs) into queries for one target.

Options:
  -t, --target TARGET      splunk, kusto, eql (see: sigmaform list targets)
  -p, --pipeline NAME|FILE processing pipeline: a named one (sigmaform list pipelines) or a pySigma pipeline YAML
                           file; repeat to combine (applied by priority)
  -f, --format FORMAT      output format of the target (default: default; see: sigmaform list formats)
  -o, --output PATH        write to this file (or, with --split, into this folder) instead of stdout
      --split              one output file per rule file (needs -o FOLDER)
  -O, --option KEY=VALUE   backend option (e.g. -O categoryPrefix=true for eql); repeatable
      --jsonl              one JSON line per rule file: {"path", "ok": true, "queries": [...]} or
                           {"path", "ok": false, "error": "..."} (the queries before the pipeline's finalizers)
      --fail-on-error      exit 1 when any rule could not be converted
  -j, --jobs N             threads to convert with (default: half the cores; 1 for small batches)
      --cache              keep loaded rules in a cache file and reuse them for files whose text is unchanged
      --cache-location F   the cache file (default: .sigmaformcache in the working folder)
  -h, --help               this help

A pipeline's finalizers (concat, json, yaml, nested) run over the queries of all rules (of each file with
--split) and make the output; they need a format that writes a list of queries, such as the default one.
Rules that cannot be converted are reported (file:line:column and why) and the run goes on.
Exit status: 0 on success (also when some rules failed, unless --fail-on-error), 1 with --fail-on-error and a
failed rule, 2 on a usage error (unknown target, pipeline, format or option).
`;

export const convertCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    ...CONVERSION_OPTIONS,
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
  const started = performance.now();
  const pipelines = await resolvePipelineArgs(asList(values.pipeline), io.cwd);
  const backendOptions = parseBackendOptions(asList(values.option));
  const converter = createConverter({
    target: values.target,
    pipelines,
    ...(values.format ? { format: values.format } : {}),
    options: backendOptions,
  });
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
  const files = await expandPaths(positionals, io.cwd);
  const bar = progress(files.length, 'convert', io.isTTY && !values.jsonl && !!values.output);
  const results = await convertFiles(
    converter,
    isBuiltinBackend(converter.backend)
      ? workerSpec(values.target, asList(values.pipeline), values.format, backendOptions, io.cwd)
      : undefined,
    files,
    { ...jobs, ...(cache ? { cache } : {}), slim: !format.finalizeOutput, onFile: () => bar.tick() },
  );
  await cache?.save();
  bar.stop();

  const lines: string[] = [];
  if (values.jsonl) {
    for (const r of results)
      lines.push(
        JSON.stringify(
          r.ok
            ? {
                path: r.path,
                ok: true,
                queries: r.queries,
                ...(r.errors
                  ? { errors: r.errors.map((e) => ({ error: e.message, line: e.line ?? null, column: e.column ?? null })) }
                  : {}),
              }
            : { path: r.path, ok: false, error: r.error.message, line: r.error.line ?? null, column: r.error.column ?? null },
        ),
      );
  }
  const converted: RuleResult[] = results.flatMap((r) => (r.ok ? r.results : []));
  if (values.split && values.output) {
    await makeUserFolder(values.output, io.cwd);
    for (const r of results) {
      if (!r.ok) continue;
      const body = format.finalizeOutput ? format.finalizeOutput(r.results) : converter.finalize(r.queries);
      await writeUserFile(join(values.output, basename(r.path).replace(/\.ya?ml$/i, '.txt')), body, io.cwd);
    }
  } else {
    const body = values.jsonl
      ? lines.join('\n') + (lines.length ? '\n' : '')
      : format.finalizeOutput
        ? format.finalizeOutput(converted)
        : converter.finalize(converted.flatMap((r) => r.queries));
    if (values.output) {
      await writeUserFile(values.output, body, io.cwd);
    } else io.stdout(body);
  }
  const failed = results.filter((r) => !r.ok || r.errors?.length).length;
  if (!values.jsonl) io.stderr(summary(results, performance.now() - started));
  return failed > 0 && values['fail-on-error'] ? 1 : 0;
};
