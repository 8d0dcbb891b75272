/** `sigmaform match` run in-process in a folder, its output and errors collected (for tests of the command). */
import { matchCommand } from '../../src/cli/commands/match.js';

export async function runMatch(argv: readonly string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await matchCommand([...argv], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, isTTY: false });
  return { code, out, err };
}
