/** `sigmaform match` and `sigmaform test` run in-process in a folder, their output and errors collected. */
import { matchCommand } from '../../src/cli/commands/match.js';
import { testCommand } from '../../src/cli/commands/test.js';
import type { Command } from '../../src/cli/io.js';

async function runCommand(command: Command, argv: readonly string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await command([...argv], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, isTTY: false });
  return { code, out, err };
}

export function runMatch(argv: readonly string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  return runCommand(matchCommand, argv, cwd);
}

export function runTest(argv: readonly string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  return runCommand(testCommand, argv, cwd);
}
