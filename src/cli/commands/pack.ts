/** `sigmaform pack`: build a deployable rule pack for a target. */
import type { Command } from '../io.js';
import { asList, CONVERSION_OPTIONS, parse } from '../args.js';
import { buildPack } from '../../node/pack.js';
import { progress } from '../progress.js';
import { jobsOption } from '../jobs.js';
import { plural, summary } from '../summary.js';
import { parseBackendOptions } from '../backend-options.js';
import { VALIDATE_HELP, VALIDATE_OPTIONS, validateFirst } from '../validate-first.js';
import { expandRulePaths } from '../../node/files.js';

const HELP = `Usage: sigmaform pack -t TARGET [-p PIPELINE|FILE.yml]... [-f FORMAT] -o DIR [--config pack.yml] PATH...

Converts rules and writes a pack that the SIEM deploys (rules disabled unless the settings say enabled: true),
with a README.md that says how to deploy it:
  splunk  default/savedsearches.conf; with -f escu the ESCU app layout: ESCU - <name> - Rule stanzas,
          default/macros.conf (one empty filter macro per detection) and detections/*.yml (contentctl v5 YAML)
  kusto   rules/*.yaml (Microsoft Sentinel scheduled analytic rules) and ARM templates: azuredeploy.json, or
          azuredeploy-1.json ... when Azure's limits (800 resources, 4 MB per template) need several
  eql     rules.ndjson (Elastic Security detection rules for Kibana's rule import; split at 10,000 rules)

Options:
  -t, --target TARGET      splunk, kusto or eql
  -p, --pipeline NAME|FILE processing pipeline(s), as for convert
  -f, --format FORMAT      query form inside the pack: splunk default, data_model or escu; kusto and eql default.
                           The pack's own document formats (savedsearches, sentinel_rule, arm, siem_rule_ndjson)
                           name the default; other formats are a usage error
  -o, --output DIR         folder to write the pack into (created)
      --config FILE        pack settings (YAML or JSON): enabled, schedules, severities, Elastic index patterns, ...
                           A bad setting is a usage error at its line. A rule's custom attributes (e.g.
                           splunk_cron_schedule, elastic_index) override them.
  -O, --option KEY=VALUE   backend option; repeatable; an unknown key or a bad value is a usage error
      --disable-pipeline-check
                           use a pipeline even if it is for another target (its allowed_backends)
      --fail-on-error      exit 1 when any rule could not be converted
${VALIDATE_HELP}  -h, --help               this help

Each rule that fails (to load, to convert, or to fit the pack) is reported with file:line:column and left out;
the others are written. A rule that converts to no query is reported as such and is not in the pack.
Exit status: 0 on success (also when some rules failed, unless --fail-on-error), 1 with --fail-on-error and a
failed rule, or when no rule converted (no pack is written then), 2 on a usage error (bad option, format or pack
setting, or an input with no rule files).
`;

export const packCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    ...CONVERSION_OPTIONS,
    ...VALIDATE_OPTIONS,
    config: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (!values.target || !values.output || positionals.length === 0) {
    io.stderr('sigmaform pack: -t TARGET, -o DIR and at least one PATH are required (see --help)\n');
    return 2;
  }
  if (!(await validateFirst(values, positionals, io, 'pack'))) return 1;
  const started = performance.now();
  const total = (await expandRulePaths(positionals, io.cwd)).length;
  const bar = progress(total, 'pack', io.isTTY);
  const result = await buildPack({
    rules: positionals,
    target: values.target,
    pipelines: asList(values.pipeline),
    ...(values.format ? { format: values.format } : {}),
    out: values.output,
    ...(values.config ? { config: values.config } : {}),
    cwd: io.cwd,
    options: parseBackendOptions(asList(values.option)),
    ...(values['disable-pipeline-check'] ? { disablePipelineCheck: true } : {}),
    ...jobsOption(values.jobs),
    onFile: () => bar.tick(),
  });
  bar.stop();
  if (result.ignoredFinalizers.length > 0) {
    io.stderr(
      `sigmaform pack: note: the pipeline's finalizers (${result.ignoredFinalizers.join(', ')}) shape convert output; a pack writes its own files without them\n`,
    );
  }
  io.stderr(summary(result.results, performance.now() - started));
  if (result.converted === 0) {
    io.stderr(`sigmaform pack: no rule converted to a query; no pack written to ${values.output}\n`);
    return 1;
  }
  io.stdout(
    `wrote ${plural(result.files.length, 'file')} to ${values.output}: ${result.files.slice(0, 5).join(', ')}${result.files.length > 5 ? ', …' : ''}\n`,
  );
  return result.failed > 0 && values['fail-on-error'] ? 1 : 0;
};
