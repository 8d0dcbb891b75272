import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: browser-safe core (index) and the Node helpers (node).
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    define: { __SIGMAFORM_VERSION__: JSON.stringify(version) },
  },
  {
    entry: { cli: 'src/cli.ts', worker: 'src/node/worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    define: { __SIGMAFORM_VERSION__: JSON.stringify(version) },
  },
]);
