import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take 5–30 s each (Microsoft's Kusto analyzer over a shard of our corpus queries or of the
 * reference's, the KQL escaping properties, the corpus on worker threads). They start first, so that at the end
 * the short files keep both workers busy instead of one long file running alone. Without earlier durations (a fresh
 * CI clone has none) vitest orders files by size, which puts the three-line shard files last.
 */
const SLOW = /\/test\/(backends\/kusto\/analyzer-|kusto-analyzer\/reference-|hardening\/escaping-kql|node\/parallel)/;

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => SLOW.test(f.moduleId)), ...sorted.filter((f) => !SLOW.test(f.moduleId))];
  }
}

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
    sequence: { sequencer: SlowFilesFirst },
  },
});
