#!/usr/bin/env node
/**
 * Size of the library as a browser loads it: a Vite (Rolldown) library build of src/index.ts (the core with
 * the three built-in backends and every dependency bundled), minified, then gzipped and brotli-compressed.
 * Nothing is written to disk.
 *
 *   node scripts/bundle-size.mjs            the totals
 *   node scripts/bundle-size.mjs --details  and the largest contributors (by minified bytes before compression)
 *   node scripts/bundle-size.mjs --json     machine-readable totals
 */
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { build } from 'vite';
import { mkdirSync, writeFileSync } from 'node:fs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const args = new Set(process.argv.slice(2));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** node_modules/<pkg> → pkg; our own files → their top folder (src/packs, backends/kusto, …). */
function ownerOf(id) {
  const path = id.replace(/\\/g, '/').replace(/\?.*$/, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  const relative = path.startsWith(repo.replace(/\\/g, '/')) ? path.slice(repo.length) : path;
  const parts = relative.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : relative;
}

/** Minified ES bundle of src/index.ts with `external` packages left out; its chunks. */
async function bundle(external = [], entryFile = entry) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: repo,
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
      lib: { entry: entryFile, formats: ['es'], fileName: 'sigmaform' },
      rolldownOptions: { external, output: { codeSplitting: false } },
    },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
}

function measure(chunks) {
  const bytes = Buffer.from(chunks.map((c) => c.code).join('\n'));
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// What a page that converts loads: the core with the three backends, without the evaluator (match, re2js),
// which the playground loads on first use.
const coreEntry = fileURLToPath(new URL('../test-output/bundle-core-entry.ts', import.meta.url));
mkdirSync(fileURLToPath(new URL('../test-output/', import.meta.url)), { recursive: true });
writeFileSync(
  coreEntry,
  "export { convert, createConverter, listBackends, getBackend, getFormat, loadRules, loadPipelineYaml, SigmaError, toSigmaError } from '../src/index.ts';\n",
);
const core = { entry: 'conversion core', ...measure(await bundle([], coreEntry)) };
const chunks = await bundle();
const sizes = { entry: 'src/index.ts', ...measure(chunks) };

if (args.has('--json')) {
  console.log(JSON.stringify({ core, full: sizes }));
} else {
  console.log('sigmaform browser bundles (minified with every dependency bundled):');
  console.log(
    `  conversion core + splunk, kusto, eql backends:  minified ${kb(core.minified)}   gzip ${kb(core.gzip)}   brotli ${kb(core.brotli)}`,
  );
  console.log(
    `  everything in src/index.ts (+ evaluator, re2js): minified ${kb(sizes.minified)}   gzip ${kb(sizes.gzip)}   brotli ${kb(sizes.brotli)}`,
  );
}

if (args.has('--details')) {
  const byOwner = new Map();
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      const owner = ownerOf(id);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + info.renderedLength);
    }
  }
  const ranked = [...byOwner].sort((a, b) => b[1] - a[1]);
  console.log('  largest parts (bytes after tree-shaking, before minification):');
  for (const [owner, size] of ranked.slice(0, 20)) console.log(`    ${kb(size).padStart(10)}  ${owner}`);
  // What each bundled package costs gzipped: the bundle without it, compared.
  console.log('  gzipped cost of each bundled package (the bundle built without it):');
  for (const [owner] of ranked.filter(([o]) => !/^(src|backends)\//.test(o))) {
    const without = measure(await bundle([owner, new RegExp(`^${owner}/`)]));
    console.log(`    ${kb(sizes.gzip - without.gzip).padStart(10)}  ${owner}`);
  }
}
