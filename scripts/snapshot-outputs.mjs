// A safety net for refactoring and performance work: loads a corpus with the built library (dist/index.js) and
// writes, for every rule, its AST and its result in several target configurations (queries, or the error's
// code, location and message). Two snapshots taken before and after a change must be byte-identical.
//
//   npm run build && node scripts/snapshot-outputs.mjs > /tmp/before.txt
//   node scripts/snapshot-outputs.mjs [--no-ast] [RULES_DIR] > /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// SIGMAFORM_LIB=path/to/index.js compares another build of the library.
const libPath = process.env.SIGMAFORM_LIB ?? join(root, 'dist', 'index.js');
const lib = await import(libPath).catch(() => {
  console.error(`snapshot: ${libPath} is missing; run \`npm run build\` first`);
  process.exit(2);
});
const { loadRules, createConverter, SigmaError } = lib;

const args = process.argv.slice(2);
const withAst = !args.includes('--no-ast');
const dir = args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'sigma', 'rules');
if (!existsSync(dir)) {
  console.error(`snapshot: no rules at ${dir}`);
  process.exit(2);
}

/** The configurations compared: target, pipelines, format. */
const CONFIGS = [
  { target: 'splunk', pipelines: [] },
  { target: 'splunk', pipelines: ['splunk_windows'] },
  { target: 'splunk', pipelines: ['splunk_cim'], format: 'data_model' },
  { target: 'splunk', pipelines: ['splunk_cim'], format: 'escu' },
  { target: 'kusto', pipelines: ['sentinel_asim'] },
  { target: 'kusto', pipelines: ['microsoft_xdr'] },
  { target: 'eql', pipelines: [] },
  { target: 'eql', pipelines: ['ecs_windows'] },
];

function walk(d, out = []) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

const lines = [];
const out = (s) => lines.push(s);

function describeError(e) {
  if (e instanceof SigmaError) return `ERROR ${e.code} ${JSON.stringify(e.location)} ${e.message}`;
  return `THROWN ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
}

/** JSON with Maps as objects, keys in insertion order (the AST's selection order matters). */
const astJson = (value) => JSON.stringify(value, (_k, v) => (v instanceof Map ? { $map: [...v.entries()] } : v));

const files = walk(dir);
const documents = [];
for (const path of files) {
  const file = relative(dir, path);
  try {
    for (const d of loadRules(readFileSync(path, 'utf8'), file).documents) documents.push({ file, d });
  } catch (e) {
    out(`LOAD ${file}: ${describeError(e)}`);
  }
}
const rules = documents.filter(({ d }) => d.kind === 'rule');
out(`# ${files.length} files, ${documents.length} documents, ${rules.length} rules`);

if (withAst) {
  out('\n## AST');
  for (const { file, d } of documents) out(`${file}\t${astJson(d)}`);
}

for (const config of CONFIGS) {
  const label = `${config.target}${config.pipelines.map((p) => ` -p ${p}`).join('')}${config.format ? ` -f ${config.format}` : ''}`;
  out(`\n## ${label}`);
  const converter = createConverter(config);
  for (const { file, d } of rules) {
    let result;
    try {
      const r = converter.rule(d);
      result = `${JSON.stringify(r.queries)} ${JSON.stringify(r.state)}`;
    } catch (e) {
      result = describeError(e);
    }
    out(`${file}\t${result}`);
  }
}

process.stdout.write(lines.join('\n') + '\n');
