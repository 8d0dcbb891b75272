// A third-party backend, added from outside the package through the same public interface the built-in
// backends use: a dialect (a small TextCompiler subclass), named pipelines, output formats and a pack writer.
// It turns Sigma rules into SQLite WHERE clauses over a `logs` table.
//
//   node examples/custom-backend.mjs
import { TextCompiler, convertWithCompiler, registerBackend, createConverter, renderString, loadPipelineYaml } from 'sigmaform';
import { buildPack } from 'sigmaform/node';
import { readFile, rm } from 'node:fs/promises';

const sqlString = (text) => `'${text.replaceAll("'", "''")}'`;
// LIKE pattern: % and _ are the wildcards; a literal %, _ or \ is escaped with \ (ESCAPE '\').
const likePattern = (value) =>
  renderString(
    value,
    (t) => t.replace(/[\\%_]/g, (c) => `\\${c}`).replaceAll("'", "''"),
    (w) => (w === '*' ? '%' : '_'),
  );

class SqliteDialect extends TextCompiler {
  tokens = { and: ' AND ', or: ' OR ', not: 'NOT ', groupOpen: '(', groupClose: ')' };
  inAllowsWildcards = false;
  finalize(main) {
    return `SELECT * FROM logs WHERE ${main ?? '1=1'}`;
  }
  renderInList(field, values) {
    return `${field} IN (${values
      .map((v) =>
        v.kind === 'number'
          ? v.text
          : sqlString(
              renderString(
                v,
                (t) => t,
                (w) => w,
              ),
            ),
      )
      .join(', ')})`;
  }
  fieldString(field, value) {
    return `${field} LIKE '${likePattern(value)}' ESCAPE '\\'`;
  }
  fieldNumber(field, number) {
    return `${field} = ${number}`;
  }
  fieldBoolean(field, value) {
    return `${field} = ${value ? 1 : 0}`;
  }
  fieldNull(field) {
    return `${field} IS NULL`;
  }
  fieldRegex(field, value) {
    return `${field} REGEXP ${sqlString(value.pattern)}`;
  }
  fieldCidr(field, value, node, ctx) {
    return this.unsupported('CIDR', node, ctx);
  }
  fieldExists(field, exists) {
    return `${field} IS ${exists ? 'NOT ' : ''}NULL`;
  }
  fieldCompare(field, op, number) {
    return `${field} ${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[op]} ${number}`;
  }
  keyword(value, node, ctx) {
    if (value.kind !== 'string') return this.unsupported('a non-string keyword', node, ctx);
    return `raw LIKE '${likePattern(value)}' ESCAPE '\\'`;
  }
}

const dialect = new SqliteDialect();
const formats = {
  default: { description: 'a SQLite query per rule' },
  view: { description: 'a CREATE VIEW per rule', finalizeQuery: (q, rule) => `CREATE VIEW "${rule.title.replaceAll('"', '""')}" AS ${q};` },
};
// A named pipeline, as data in pySigma's pipeline format.
const sysmonToSnakeCase = loadPipelineYaml(
  `name: snake case columns
priority: 20
transformations:
  - id: columns
    type: field_name_mapping
    mapping:
      CommandLine: command_line
      Image: image
      ParentImage: parent_image
`,
  'sqlite_columns.yml',
);

registerBackend({
  name: 'sqlite',
  description: 'SQLite WHERE clauses over a logs table (example third-party backend)',
  pipelines: { sqlite_columns: { description: 'Sysmon fields to snake_case columns', load: () => sysmonToSnakeCase } },
  formats,
  convert: (rule, options) => convertWithCompiler(dialect, rule, options, formats),
  pack: (results) => [
    { path: 'detections.sql', content: results.flatMap((r) => r.queries.map((q) => `-- ${r.rule.title}\n${q};\n`)).join('\n') },
  ],
});

// convert: the new target works like a built-in one.
const rule = await readFile(new URL('./rules/proc_creation_win_powershell_export_certificate.yml', import.meta.url), 'utf8');
const converter = createConverter({ target: 'sqlite', pipelines: ['sqlite_columns'] });
const result = converter.text(rule, 'proc_creation_win_powershell_export_certificate.yml');
console.log(result.ok ? result.queries.join('\n') : result.error.format());

// buildPack: and so does packing.
const out = new URL('../test-output/sqlite-pack/', import.meta.url).pathname;
await rm(out, { recursive: true, force: true });
const pack = await buildPack({
  rules: [new URL('./rules/', import.meta.url).pathname],
  target: 'sqlite',
  pipelines: ['sqlite_columns'],
  out,
});
console.log(`pack: ${pack.files.join(', ')} (${pack.converted} rule${pack.converted === 1 ? '' : 's'})`);
