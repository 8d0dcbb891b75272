import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'threads',
    // One worker per core: vitest's default leaves one core to its main thread, which on a 2-core CI machine means
    // a single worker while the main thread idles after the first transforms.
    maxWorkers: availableParallelism(),
    // Test files share a worker's modules: src/ is evaluated once per worker instead of once per file, and the
    // corpus caches in test/support (the corpus read once, each conversion of it once, Microsoft's Kusto analyzer
    // loaded and warmed once) serve every file of that worker. What the suite's modules keep is additive
    // (backend, transformation and condition registries; the Kusto analyzer's globals), so no file sees less.
    isolate: false,
    setupFiles: ['test/support/builtins-setup.ts'],
  },
});
