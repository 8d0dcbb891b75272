/** Running the CLI in-process over a folder, as the batch tests do: captured output, and no stack trace ever. */
import { expect } from 'vitest';
import '../../src/index.js'; // registers the built-in targets, as the sigmaform binary does
import { main } from '../../src/cli/main.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `sigmaform ...argv` in `cwd`; every run must be free of stack traces and internal errors. */
export async function runCli(cwd: string, argv: readonly string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, isTTY: false });
  for (const text of [stdout, stderr]) {
    expect(text).not.toMatch(/^\s+at /m);
    expect(text).not.toContain('internal error');
  }
  return { code, stdout, stderr };
}

/** The records of a JSON-lines text. */
export const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
