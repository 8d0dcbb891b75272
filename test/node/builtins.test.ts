// This file must not import the library's entry point (src/index.ts), which registers every backend: it checks
// what the command line registers on its own.
import { describe, expect, it } from 'vitest';
import { getBackend, listBackends } from '../../src/backend.js';
import { builtinBackend, registerBuiltinBackends } from '../../src/node/builtins.js';

const names = () => listBackends().map((b) => b.name);

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
    expect(() => getBackend('nope')).toThrow("unknown target 'nope' (known: splunk, kusto, eql, esql)");
  });

  it('knows the built-in backend of a name, and no backend for another name', async () => {
    expect((await builtinBackend('eql'))?.name).toBe('eql');
    expect(await builtinBackend('toString')).toBeUndefined();
  });
});
