/**
 * Loads Microsoft's Kusto analyzer into Node, once per thread.
 *
 * `@kusto/language-service-next` is a Bridge.NET translation of the C# Kusto.Language
 * library. It is not a module: `bridge.js` installs the .NET runtime as the global `Bridge`
 * (and `System`), then `Kusto.Language.Bridge.js` calls `Bridge.assembly(...)` which defines
 * the global `Kusto` namespace. Both are plain CommonJS scripts, so they are loaded with
 * Node's own `require` (not Vite's transform), in that order.
 */
import { createRequire } from 'node:module';
import type { KustoLanguage } from './kusto-types.js';

const PACKAGE = '@kusto/language-service-next';

interface KustoGlobal {
  Kusto?: { Language?: KustoLanguage };
}

let cached: KustoLanguage | undefined;

/** The global `Kusto.Language` namespace, loading the analyzer on first use (~0.5 s). */
export function loadKustoLanguage(): KustoLanguage {
  if (cached) return cached;
  const global = globalThis as KustoGlobal;
  if (!global.Kusto?.Language) {
    const require = createRequire(import.meta.url);
    require(`${PACKAGE}/bridge.js`);
    require(`${PACKAGE}/Kusto.Language.Bridge.js`);
  }
  const language = global.Kusto?.Language;
  if (!language) throw new Error(`${PACKAGE} did not define the global Kusto.Language`);
  cached = language;
  return language;
}
