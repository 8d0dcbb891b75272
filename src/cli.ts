#!/usr/bin/env node
/** Entry point of the `sigmaform` binary. */
import module from 'node:module';

// Node's on-disk compile cache (Node ≥ 22.1) spares later runs the parsing and compiling of the bundle; where
// the running Node lacks it, nothing changes. It must be on before the library's modules are imported.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const [{ main }] = await Promise.all([import('./cli/main.js'), import('./index.js')]);

main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY && process.stdout.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sigmaform: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 3;
  },
);
