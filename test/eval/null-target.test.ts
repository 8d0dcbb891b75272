/**
 * `null` is left to the target by the specification ("The application of these values depends on the target SIEM
 * system"): the kusto queries test `isempty(x)` (null, missing or an empty string), EQL `?x == null` and ES|QL
 * `x IS NULL` (null or missing; an empty string is a value). `match -p` evaluates `null` as the pipeline's target
 * queries it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import { ruleFromText } from './helpers.js';
import { createConverter } from '../../src/convert.js';
import { pipelinesNullMatchesEmpty } from '../../src/backend.js';
import { compileMatcher } from '../../src/eval/match.js';
import { runMatch } from './cli-run.js';

const RULE = [
  'title: calc with a command line',
  'logsource: {product: windows, category: process_creation}',
  'detection:',
  "  sel: {Image|endswith: '\\calc.exe'}",
  '  filter: {CommandLine: null}',
  '  condition: sel and not filter',
].join('\n');

const rule = () => ruleFromText(RULE, 'null.yml');

describe('null as the target queries it', () => {
  it('the queries: kusto tests isempty(), EQL and ES|QL test null only', () => {
    expect(createConverter({ target: 'kusto', pipelines: ['microsoft_xdr'] }).rule(rule()).queries[0]).toContain(
      'not(isempty(ProcessCommandLine))',
    );
    expect(createConverter({ target: 'eql', pipelines: ['ecs_windows'] }).rule(rule()).queries[0]).toContain(
      '?process.command_line != null',
    );
    expect(createConverter({ target: 'esql', pipelines: ['ecs_windows'] }).rule(rule()).queries[0]).toContain(
      'NOT process.command_line IS NULL',
    );
  });

  it('the named pipelines say which: ecs_windows (eql, esql) null only; the kusto and splunk ones, and files, empty too', () => {
    expect(pipelinesNullMatchesEmpty(['ecs_windows'])).toBe(false);
    for (const p of ['microsoft_xdr', 'sentinel_asim', 'splunk_windows', 'splunk_cim']) expect(pipelinesNullMatchesEmpty([p])).toBe(true);
    expect(pipelinesNullMatchesEmpty([])).toBe(true);
    expect(pipelinesNullMatchesEmpty([{ name: 'a file' }])).toBe(true);
  });

  it('compileMatcher: null matches an empty string unless nullMatchesEmpty is false; null and missing always', () => {
    const calc = (commandLine?: string | null) => ({
      Image: 'C:\\Windows\\System32\\calc.exe',
      ...(commandLine !== undefined ? { CommandLine: commandLine } : {}),
    });
    const empty = compileMatcher(rule(), { ignoreLogsource: true });
    const strict = compileMatcher(rule(), { ignoreLogsource: true, nullMatchesEmpty: false });
    expect([calc('calc'), calc(''), calc(null), calc()].map((e) => empty.test(e))).toEqual([true, false, false, false]);
    expect([calc('calc'), calc(''), calc(null), calc()].map((e) => strict.test(e))).toEqual([true, true, false, false]);
  });

  it('`match -p ecs_windows` fires on an ECS row with an empty command line, `-p microsoft_xdr` not on the XDR row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-null-'));
    try {
      writeFileSync(join(dir, 'null.yml'), RULE);
      writeFileSync(
        join(dir, 'ecs.jsonl'),
        JSON.stringify({ process: { executable: 'C:\\Windows\\System32\\calc.exe', command_line: '' } }) + '\n',
      );
      writeFileSync(
        join(dir, 'xdr.jsonl'),
        JSON.stringify({ FolderPath: 'C:\\Windows\\System32\\calc.exe', ProcessCommandLine: '' }) + '\n',
      );
      const run = async (argv: string[]) => {
        const { code, out } = await runMatch(argv, dir);
        expect(code).toBe(0);
        return out;
      };
      expect(await run(['-p', 'ecs_windows', 'null.yml', 'ecs.jsonl'])).toContain('1 match (1 rule × 1 event, 1 pair)');
      expect(await run(['-p', 'microsoft_xdr', 'null.yml', 'xdr.jsonl'])).toContain('0 matches (1 rule × 1 event, 1 pair)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
