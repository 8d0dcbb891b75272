/**
 * Issue 10: the CLI's exit codes for usage errors (2) and help (0), and that no usage error prints a stack trace.
 * Run in-process (`main(argv, io)`) in a temporary folder holding one valid rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/index.js'; // registers the built-in targets, as the sigmaform binary does
import { main } from '../../src/cli/main.js';

const RULE = `title: Valid
logsource:
    category: process_creation
    product: windows
detection:
    sel:
        CommandLine|contains: 'x'
    condition: sel
`;

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sigmaform-usage-'));
  await writeFile(join(root, 'rule.yml'), RULE);
  await writeFile(join(root, 'event.json'), '{"CommandLine": "x"}');
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: root, isTTY: false });
  return { code, stdout, stderr };
}

/** argv → what stderr must say. */
const USAGE_ERRORS: readonly (readonly [readonly string[], RegExp])[] = [
  [[], /Usage: sigmaform/],
  [['frobnicate'], /unknown command 'frobnicate'/],
  [['convert', 'rule.yml'], /-t TARGET is required/],
  [['convert', '-t', 'eql'], /no PATH given/],
  [['convert', '-t', 'nosuch', 'rule.yml'], /unknown target 'nosuch'/],
  [['convert', '-t', 'eql', '-p', 'nosuch', 'rule.yml'], /unknown pipeline 'nosuch'/],
  [['convert', '-t', 'eql', '-f', 'nosuch', 'rule.yml'], /no format 'nosuch'/],
  [['convert', '-t', 'eql', '--split', 'rule.yml'], /--split needs -o/],
  [['convert', '-t', 'eql', '--bogus', 'rule.yml'], /Unknown option '--bogus'/],
  [['convert', '-t', 'eql', 'no-such-folder'], /no such file or folder: no-such-folder/],
  [['check'], /no PATH given/],
  [['check', '--nope', 'rule.yml'], /Unknown option '--nope'/],
  [['pack', '-t', 'eql', 'rule.yml'], /-o DIR/],
  [['pack', '-t', 'nosuch', '-o', 'out', 'rule.yml'], /unknown target 'nosuch'/],
  [['match'], /give a RULE file and EVENTS files/],
  [['match', 'rule.yml'], /give a RULE file and EVENTS files/],
  [['match', '-r', 'rule.yml'], /no EVENTS file given/],
  [['match', '--logsource', 'windows', 'rule.yml', 'event.json'], /--logsource takes product=…, category=… and service=…/],
  [
    ['match', '--logsource', 'product=windows', '--logsource', 'product=linux', 'rule.yml', 'event.json'],
    /--logsource gives product twice/,
  ],
];

describe('usage errors exit 2 with a one-line reason and no stack trace', () => {
  for (const [argv, reason] of USAGE_ERRORS) {
    it(`sigmaform ${argv.join(' ') || '(nothing)'}`, async () => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toMatch(reason);
      for (const text of [r.stdout, r.stderr]) {
        expect(text).not.toMatch(/^\s+at /m);
        expect(text).not.toContain('internal error');
      }
    });
  }
});

describe('help and version exit 0', () => {
  for (const argv of [
    ['--help'],
    ['help'],
    ['--version'],
    ['convert', '--help'],
    ['check', '-h'],
    ['pack', '--help'],
    ['match', '--help'],
    ['list', '--help'],
  ]) {
    it(`sigmaform ${argv.join(' ')}`, async () => {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toBe('');
      expect(r.stderr).toBe('');
    });
  }
});

describe('the same files without errors exit 0', () => {
  it('convert, check and match', async () => {
    expect((await run(['convert', '-t', 'eql', 'rule.yml'])).code).toBe(0);
    expect((await run(['check', 'rule.yml'])).code).toBe(0);
    expect((await run(['match', 'rule.yml', 'event.json'])).code).toBe(0);
  });
});

describe('a file the user names that cannot be read or written is a user error, not an internal one', () => {
  const cases: readonly (readonly [string, readonly string[]])[] = [
    ['a missing pipeline file', ['convert', '-t', 'eql', '-p', 'missing-pipeline.yml', 'rule.yml']],
    ['a missing pack settings file', ['pack', '-t', 'eql', '-o', 'out', '--config', 'missing-settings.yml', 'rule.yml']],
    ['an output file below a regular file', ['convert', '-t', 'eql', '-o', 'rule.yml/out.txt', 'rule.yml']],
    ['a pack folder below a regular file', ['pack', '-t', 'eql', '-o', 'rule.yml/pack', 'rule.yml']],
  ];
  for (const [what, argv] of cases) {
    it(`${what} exits 2 and names the file`, async () => {
      const r = await run(argv);
      expect(r.stderr).not.toContain('internal error');
      expect(r.code).toBe(2);
      const named = argv.find((a) => a.includes('missing') || a.startsWith('rule.yml/'));
      expect(r.stderr).toContain(named);
    });
  }
});
