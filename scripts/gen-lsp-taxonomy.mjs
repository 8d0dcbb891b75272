// Generates src/lsp/taxonomy-data.ts from the Sigma taxonomy appendix (../shared/sigma/spec/sigma-appendix-taxonomy.md):
// every product/category/service triple of its log source tables with the table's description, for completion.
// Usage: node scripts/gen-lsp-taxonomy.mjs [path/to/sigma-appendix-taxonomy.md]
import { readFileSync, writeFileSync } from 'node:fs';

const source = process.argv[2] ?? '../shared/sigma/spec/sigma-appendix-taxonomy.md';
const text = readFileSync(source, 'utf8');
const rows = [];
const seen = new Set();
for (const line of text.split('\n')) {
  if (!line.startsWith('|')) continue;
  const cells = line.split('|').map((c) => c.trim());
  const logsource = cells.find((c) => /\b(product|category|service):\s*\S/.test(c));
  if (!logsource) continue;
  const get = (k) => new RegExp(`\\b${k}:\\s*([\\w.-]+)`).exec(logsource)?.[1] ?? null;
  const row = [get('product'), get('category'), get('service')];
  const key = JSON.stringify(row);
  if (seen.has(key)) continue;
  seen.add(key);
  const description = cells[cells.indexOf(logsource) + 1] ?? '';
  rows.push([...row, description.replace(/<br>/g, ' ').replace(/\s+/g, ' ').trim()]);
}
const out = `// GENERATED FILE: do not edit by hand.
// Made by \`node scripts/gen-lsp-taxonomy.mjs\` from the Sigma specification's taxonomy appendix (v2.1), log source tables.

/** [product, category, service, description] of every log source the taxonomy appendix lists. */
export const TAXONOMY_LOGSOURCES: readonly (readonly [string | null, string | null, string | null, string])[] = [
${rows.map((r) => `  ${JSON.stringify(r)},`).join('\n')}
];
`;
writeFileSync('src/lsp/taxonomy-data.ts', out);
console.log(`${rows.length} log sources`);
