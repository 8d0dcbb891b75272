import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * zod's translations of its error messages into ~50 languages (`z.locales`, half of zod's code) left out of the
 * CLI's bundle: nothing reads them (zod's English messages come from its own `locales/en.js`, which stays), and
 * every run would parse them.
 */
const zodWithoutLocales: Plugin = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer)
        ? { path: 'zod-locales', namespace: 'zod-without-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

export default defineConfig([
  {
    // The library: browser-safe core (index) and the Node helpers (node).
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    // One copy of the library for both entry points in CommonJS too (esbuild splits ESM by default): node.cjs
    // requires the chunk index.cjs uses, so registries and error classes are shared.
    splitting: true,
    // `import.meta.url` in CommonJS too (the worker-thread pool finds dist/worker.js beside it).
    shims: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    define: { __SIGMAFORM_VERSION__: JSON.stringify(version) },
  },
  {
    entry: { cli: 'src/cli.ts', worker: 'src/node/worker.ts', 'match-worker': 'src/node/match-worker.ts' },
    format: ['esm'],
    // zod in the command line's own chunks: imported as a package it is ~100 files (every locale) that Node's
    // module loader resolves and compiles one by one, 60-80 ms and 12 MiB before the first rule; bundled, only
    // the parts the schemas use, in one file. (The library keeps zod external: its API takes zod schemas.)
    noExternal: ['zod'],
    esbuildPlugins: [zodWithoutLocales],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    define: { __SIGMAFORM_VERSION__: JSON.stringify(version) },
  },
]);
