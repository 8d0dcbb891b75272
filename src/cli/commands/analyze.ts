/** `sigmaform analyze attack|logsource|fields`: coverage of a rule set, with sigma-cli's option names. */
import type { CliIO, Command } from '../io.js';
import { asList, parse } from '../args.js';
import { expandPaths, readUserFileSync, writeUserFile } from '../../node/files.js';
import { resolvePipelineArgs } from '../../node/pipelines.js';
import { loadRules } from '../../rule/load.js';
import type { SigmaDocument } from '../../rule/ast.js';
import { toSigmaError } from '../../errors.js';
import { resolvePipelines } from '../../convert.js';
import { getBackend } from '../../backend.js';
import { SigmaError } from '../../errors.js';
import {
  attackLayer,
  coverageGaps,
  SCORE_FUNCTIONS,
  unknownTechniqueIds,
  attackCoverage,
  type ScoreFunction,
} from '../../analyze/attack.js';
import { logsourceStats, logsourceTable } from '../../analyze/logsource.js';
import { fieldReport, fieldReportText } from '../../analyze/fields.js';
import { ATTACK_VERSION } from '../../packs/attack.js';

const HELP = `Usage: sigmaform analyze attack|logsource|fields [OPTIONS] PATH...

Coverage of a rule set (files, folders searched recursively for *.yml/*.yaml, or globs).

  analyze attack [count|max|level] [OPTIONS] PATH...   (sigma-cli's 'attack FUNCTION OUTPUT.json PATH...' works too)
      An ATT&CK Navigator layer (format 4.5, ATT&CK ${ATTACK_VERSION}) of the techniques the rules tag. Score:
      count  ${SCORE_FUNCTIONS.count} (default)
      max    ${SCORE_FUNCTIONS.max}
      level  ${SCORE_FUNCTIONS.level}
      -o, --output FILE            write the layer here instead of stdout
      -s, --subtechniques          score sub-techniques on their own (default)
      -S, --no-subtechniques       fold sub-techniques into their parent technique
      -c, --max-color COLOR        colour of the highest score (default #ff0000)
      -C, --min-color COLOR        colour of the lowest score (default #ffffff00)
      -m, --max-score N            fixed top of the gradient (default: the highest score)
      -M, --min-score N            bottom of the gradient (default 0)
          --fail-on-gaps IDS       exit 1 naming each technique of IDS (comma-separated, repeatable) that no rule
                                   covers; a parent technique is covered by any of its sub-techniques

  analyze logsource [--json] [-o FILE] PATH...
      Rules per product/category/service, by level and status.

  analyze fields [-t TARGET] [-p PIPELINE|FILE.yml]... [--json] [-o FILE] PATH...
      Fields per log source as the rules write them and, with -p, as the pipeline maps them: what the SIEM
      must have. Conditions the pipeline adds (EventID, sourcetype …) and rules it refuses are listed.

Files that do not load are reported on stderr and left out.
Exit status: 0 on success, 1 when --fail-on-gaps finds an uncovered technique, 2 on a usage error.
`;

async function loadAll(paths: readonly string[], io: CliIO, command: string): Promise<SigmaDocument[]> {
  const files = await expandPaths(paths, io.cwd);
  const documents: SigmaDocument[] = [];
  let failed = 0;
  for (const path of files) {
    try {
      documents.push(...loadRules(readUserFileSync(path, io.cwd, 'rule file'), path).documents);
    } catch (e) {
      failed++;
      io.stderr(`sigmaform analyze ${command}: ${toSigmaError(e, { file: path }).format()} (left out)\n`);
    }
  }
  if (failed) io.stderr(`sigmaform analyze ${command}: ${failed} of ${files.length} files could not be loaded and are left out\n`);
  return documents;
}

async function emit(io: CliIO, output: string | undefined, text: string): Promise<void> {
  if (output) await writeUserFile(output, text, io.cwd);
  else io.stdout(text);
}

function integer(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new SigmaError('backend', `--${name} needs a number, not '${String(value)}'`);
  return n;
}

const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
function color(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!COLOR.test(String(value))) throw new SigmaError('backend', `--${name} needs a hex colour such as #ff0000, not '${String(value)}'`);
  return String(value);
}

const attack: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    output: { type: 'string', short: 'o' },
    subtechniques: { type: 'boolean', short: 's' },
    'no-subtechniques': { type: 'boolean', short: 'S' },
    'max-color': { type: 'string', short: 'c' },
    'min-color': { type: 'string', short: 'C' },
    'max-score': { type: 'string', short: 'm' },
    'min-score': { type: 'string', short: 'M' },
    'fail-on-gaps': { type: 'string', multiple: true },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const paths = [...positionals];
  let score: ScoreFunction = 'count';
  if (paths[0] !== undefined && paths[0] in SCORE_FUNCTIONS) score = paths.shift() as ScoreFunction;
  // sigma-cli's form `analyze attack FUNCTION OUTPUT INPUT...`: a .json output file before the rules.
  let output = values.output;
  if (output === undefined && paths.length > 1 && /\.json$/i.test(paths[0] ?? '')) output = paths.shift();
  if (paths.length === 0) {
    io.stderr('sigmaform analyze attack: no PATH given (see --help)\n');
    return 2;
  }
  const required = asList(values['fail-on-gaps']).flatMap((v) => v.split(/[,\s]+/));
  const unknown = unknownTechniqueIds(required);
  if (unknown.length) {
    io.stderr(
      `sigmaform analyze attack: --fail-on-gaps: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a technique of ATT&CK ${ATTACK_VERSION}\n`,
    );
    return 2;
  }
  const maxScore = integer(values['max-score'], 'max-score');
  const minScore = integer(values['min-score'], 'min-score');
  const maxColor = color(values['max-color'], 'max-color');
  const minColor = color(values['min-color'], 'min-color');
  const documents = await loadAll(paths, io, 'attack');
  const layer = attackLayer(documents, {
    score,
    subtechniques: !values['no-subtechniques'],
    ...(maxScore !== undefined ? { maxScore } : {}),
    ...(minScore !== undefined ? { minScore } : {}),
    ...(maxColor !== undefined ? { maxColor } : {}),
    ...(minColor !== undefined ? { minColor } : {}),
  });
  await emit(io, output, JSON.stringify(layer, null, 2) + '\n');
  const stale = attackCoverage(documents).unknown;
  if (stale.size)
    io.stderr(
      `sigmaform analyze attack: tags naming no technique of ATT&CK ${ATTACK_VERSION} (left out): ${[...stale.keys()].sort().join(', ')}\n`,
    );
  if (required.length) {
    const gaps = coverageGaps(documents, required);
    if (gaps.length) {
      io.stderr(`sigmaform analyze attack: no rule covers ${gaps.join(', ')}\n`);
      return 1;
    }
    io.stderr(`sigmaform analyze attack: every required technique is covered (${new Set(required.filter(Boolean)).size})\n`);
  }
  return 0;
};

const logsource: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, { output: { type: 'string', short: 'o' }, json: { type: 'boolean' } });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr('sigmaform analyze logsource: no PATH given (see --help)\n');
    return 2;
  }
  const rows = logsourceStats(await loadAll(positionals, io, 'logsource'));
  await emit(io, values.output, values.json ? JSON.stringify(rows, null, 2) + '\n' : logsourceTable(rows));
  return 0;
};

const fields: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    target: { type: 'string', short: 't' },
    pipeline: { type: 'string', short: 'p', multiple: true },
    output: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr('sigmaform analyze fields: no PATH given (see --help)\n');
    return 2;
  }
  const names = asList(values.pipeline);
  const backend = values.target ? getBackend(values.target) : undefined;
  const pipeline = resolvePipelines(backend, await resolvePipelineArgs(names, io.cwd));
  const report = fieldReport(await loadAll(positionals, io, 'fields'), pipeline);
  const name = names.length ? names.join(' + ') : undefined;
  await emit(
    io,
    values.output,
    values.json ? JSON.stringify({ pipeline: name ?? null, logsources: report }, null, 2) + '\n' : fieldReportText(report, name),
  );
  return 0;
};

const SUBCOMMANDS: Readonly<Record<string, Command>> = { attack, logsource, fields };

export const analyzeCommand: Command = async (argv, io) => {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(HELP);
    return name ? 0 : 2;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    io.stderr(`sigmaform analyze: unknown analysis '${name}' (attack, logsource, fields)\n`);
    return 2;
  }
  return sub(rest, io);
};
