#!/usr/bin/env node
// Generates src/validate/sigmahq-data.ts from the SigmaHQ validator plugin's data files (facts: the SigmaHQ
// taxonomy's fields per logsource, filename prefixes, Windows provider names):
//   node scripts/gen-sigmahq-data.mjs DIR   (DIR holds sigmahq_taxonomy.json, sigmahq_filename.json,
//                                             sigmahq_windows_validator.json from pySigma-validators-sigmaHQ/tools)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/gen-sigmahq-data.mjs DIR');
  process.exit(2);
}
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const taxonomy = read('sigmahq_taxonomy.json');
const filename = read('sigmahq_filename.json');
const windows = read('sigmahq_windows_validator.json');
const key = (ls) => `${ls.product ?? ''}/${ls.category ?? ''}/${ls.service ?? ''}`;
const casefoldSort = (a) => [...a].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0));

const tax = {};
for (const v of Object.values(taxonomy.taxonomy)) {
  tax[key(v.logsource)] = [casefoldSort([...v.field.native, ...v.field.custom]), v.field.redundant];
}
const prefixes = {};
for (const v of Object.values(filename.pattern)) prefixes[key(v.logsource)] = v.prefix;

const sortedObject = (o) =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
const out = `// GENERATED FILE: do not edit by hand.
// Made by \`node scripts/gen-sigmahq-data.mjs DIR\` from the data files of pySigma-validators-sigmaHQ (tools/):
// taxonomy ${taxonomy.version}, filename ${filename.version}, windows ${windows.version}.
// Keys are 'product/category/service' with empty parts for absent ones.

export const SIGMAHQ_DATA_VERSIONS = ${JSON.stringify({ taxonomy: taxonomy.version, filename: filename.version, windows: windows.version })};

/** Logsource → [field names (native and custom), fields the logsource already implies (redundant)]. */
export const SIGMAHQ_TAXONOMY: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = ${JSON.stringify(sortedObject(tax))};

/** Logsource → the file-name prefix SigmaHQ gives its rules. */
export const SIGMAHQ_FILENAME_PREFIX: Readonly<Record<string, string>> = ${JSON.stringify(sortedObject(prefixes))};

/** Windows categories whose events are already one event type (no EventID needed). */
export const SIGMAHQ_WINDOWS_NO_EVENTID: readonly string[] = ${JSON.stringify(windows.category_no_eventid)};

/** Windows category → the Provider_Name values it already implies. */
export const SIGMAHQ_WINDOWS_PROVIDER_NAME: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(sortedObject(windows.category_provider_name))};
`;
writeFileSync(new URL('../src/validate/sigmahq-data.ts', import.meta.url), out);
console.log('wrote src/validate/sigmahq-data.ts');
