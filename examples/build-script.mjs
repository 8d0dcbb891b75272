// A build script: the certificate-export rule to all three queries, the ESCU search of issue 4, and the three
// rule packs. Run after `npm ci` (which builds dist/):
//
//   node examples/build-script.mjs
import { readFile } from 'node:fs/promises';
import { convert, loadRules, createConverter } from 'sigmaform';
import { buildPack } from 'sigmaform/node';

const ruleFile = new URL('./rules/proc_creation_win_powershell_export_certificate.yml', import.meta.url);
const text = await readFile(ruleFile, 'utf8');

// One rule, three targets.
console.log('# Splunk (plain SPL)');
console.log(convert(text, { target: 'splunk' }).join('\n'));
console.log('\n# Microsoft Sentinel (ASIM)');
console.log(convert(text, { target: 'kusto', pipelines: ['sentinel_asim'] }).join('\n'));
console.log('\n# Microsoft Defender XDR');
console.log(convert(text, { target: 'kusto', pipelines: ['microsoft_xdr'] }).join('\n'));
console.log('\n# Elastic EQL (ECS)');
console.log(convert(text, { target: 'eql', pipelines: ['ecs_windows'] }).join('\n'));

// The same rule as an AST, converted to Splunk's ESCU house style (tstats over the CIM data model).
const [rule] = loadRules(text, ruleFile.pathname).documents;
const escu = createConverter({ target: 'splunk', pipelines: ['splunk_cim'], format: 'escu' });
console.log('\n# Splunk ESCU');
console.log(escu.rule(rule).queries.join('\n'));

// Rule packs that the SIEMs deploy.
const out = new URL('../test-output/packs/', import.meta.url).pathname;
const rules = new URL('./rules/', import.meta.url).pathname;
for (const [target, pipelines, format] of [
  ['splunk', ['splunk_cim'], 'escu'],
  ['kusto', ['sentinel_asim'], undefined],
  ['eql', ['ecs_windows'], undefined],
]) {
  const pack = await buildPack({ rules, target, pipelines, format, out: `${out}${target}` });
  console.log(`\n# ${target} pack: ${pack.files.join(', ')}`);
}
