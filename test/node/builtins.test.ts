// It checks what the command line registers on its own, so it takes fresh instances of the registry and the
// built-ins (test files share their worker's modules, and the setup file registers every backend first).
import { beforeAll, describe, expect, it, vi } from 'vitest';

let backend: typeof import('../../src/backend.js');
let builtins: typeof import('../../src/node/builtins.js');
beforeAll(async () => {
  vi.resetModules();
  backend = await import('../../src/backend.js');
  builtins = await import('../../src/node/builtins.js');
});

const names = () => backend.listBackends().map((b) => b.name);
const registerBuiltinBackends = (target: string, pipelines?: readonly string[]) => builtins.registerBuiltinBackends(target, pipelines);

describe('the built-in backends a run registers', () => {
  // One process, one sequence: the registry only grows.
  it('only the target when it owns every named pipeline, then all four in the library order for anything else', async () => {
    expect(names()).toEqual([]);
    await registerBuiltinBackends('splunk', ['splunk_windows']);
    expect(names()).toEqual(['splunk']);
    // A pipeline of another backend (sigma-cli's --disable-pipeline-check) brings in every backend.
    await registerBuiltinBackends('splunk', ['sentinel_asim']);
    expect(names()).toEqual(['splunk', 'kusto', 'eql', 'esql']);
  });

  it('all of them for an unknown target, so its error lists every known target', async () => {
    await registerBuiltinBackends('nope');
    expect(() => backend.getBackend('nope')).toThrow("unknown target 'nope' (known: splunk, kusto, eql, esql)");
  });

  it('knows the built-in backend of a name, and no backend for another name', async () => {
    expect((await builtins.builtinBackend('eql'))?.name).toBe('eql');
    expect(await builtins.builtinBackend('toString')).toBeUndefined();
  });
});
