#!/usr/bin/env node
/** Entry point of the `sigmaform` binary. */
import module from 'node:module';

// Node's on-disk compile cache (Node ≥ 22.1) spares later runs the parsing and compiling of the bundle; where
// the running Node lacks it, nothing changes. It must be on before the library's modules are imported.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// Only the command line's dispatcher: each command imports what it needs (`convert -t splunk` the Splunk backend
// alone), and registers the built-in backends it uses.
const { main } = await import('./cli/main.js');

// `sigmaform convert … | head -1`: once the reader of stdout is gone there is nobody to tell anything, so the
// run ends quietly (exit 0, as `head` asked for no more) instead of with Node's EPIPE stack trace. A closed stderr
// only loses the messages meant for it.
const isEpipe = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'EPIPE';
process.stdout.on('error', (e) => {
  if (!isEpipe(e)) throw e;
  process.exit(0);
});
process.stderr.on('error', (e) => {
  if (!isEpipe(e)) throw e;
});

main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY && process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdin: process.stdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sigmaform: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 3;
  },
);
