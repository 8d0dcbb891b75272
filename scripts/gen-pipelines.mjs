#!/usr/bin/env node
/**
 * Generates the named pipelines that are pure data from ../shared/reference/pipelines.json (a dump of
 * pySigma's pipelines) into TypeScript modules holding pySigma pipeline YAML shape, and the Sentinel /
 * Defender table schemas from ../shared/reference/tables.json.
 *
 *   node scripts/gen-pipelines.mjs            # writes the files
 *
 * Outputs (committed, readable data):
 *   backends/splunk/pipelines/splunk_windows.ts, backends/splunk/pipelines/splunk_cim.ts,
 *   backends/eql/pipelines/ecs_windows.ts, backends/kusto/pipelines/tables.ts
 * The kusto pipelines (sentinel_asim, microsoft_xdr) are written by hand: their table mappings are not in the
 * dump (see backends/kusto/pipelines/*.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared', 'reference');
const dump = JSON.parse(readFileSync(join(shared, 'pipelines.json'), 'utf8'));
const tables = JSON.parse(readFileSync(join(shared, 'tables.json'), 'utf8'));

/** The dump prints some lists as Python reprs: "dict_keys(['a', 'b'])". */
function pyList(v) {
  if (typeof v !== 'string') return v;
  const m = /^dict_(?:keys|values)\(\[(.*)\]\)$/s.exec(v);
  if (!m) return v;
  return [...m[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((x) => x[1]);
}

function condition(c) {
  switch (c.type) {
    case 'LogsourceCondition': {
      const out = { type: 'logsource' };
      for (const k of ['category', 'product', 'service']) if (c[k] !== null) out[k] = c[k];
      return out;
    }
    case 'RuleProcessingItemAppliedCondition':
    case 'DetectionItemProcessingItemAppliedCondition':
    case 'FieldNameProcessingItemAppliedCondition':
      return { type: 'processing_item_applied', processing_item_id: c.processing_item_id };
    case 'RuleProcessingStateCondition':
      return { type: 'processing_state', key: c.key, val: c.val, ...(c.op !== 'eq' ? { op: c.op } : {}) };
    case 'IncludeFieldCondition':
    case 'ExcludeFieldCondition':
      return {
        type: c.type === 'IncludeFieldCondition' ? 'include_fields' : 'exclude_fields',
        fields: pyList(c.fields),
        ...(c.mode !== 'plain' ? { mode: c.mode } : {}),
      };
    case 'MatchValueCondition':
      return { type: 'match_value', cond: c.cond, value: c.value };
    case 'IsNullCondition':
      return { type: 'is_null', cond: c.cond };
    default:
      throw new Error(`no YAML name for condition ${c.type}`);
  }
}

function transformation(t) {
  switch (t.type) {
    case 'AddConditionTransformation':
      // pySigma names the added selection randomly; the engine derives a stable name from the item id.
      return {
        type: 'add_condition',
        conditions: t.conditions,
        ...(t.template ? { template: true } : {}),
        ...(t.negated ? { negated: true } : {}),
      };
    case 'FieldMappingTransformation':
      return { type: 'field_name_mapping', mapping: t.mapping };
    case 'SetStateTransformation':
      return { type: 'set_state', key: t.key, val: pyList(t.val) };
    case 'DetectionItemFailureTransformation':
      return { type: 'detection_item_failure', message: t.message };
    case 'RuleFailureTransformation':
      return { type: 'rule_failure', message: t.message };
    case 'AddFieldnamePrefixTransformation':
      return { type: 'field_name_prefix', prefix: t.prefix };
    case 'SetValueTransformation':
      return { type: 'set_value', value: t.sigma_value.original, ...(t.force_type ? { force_type: t.force_type } : {}) };
    case 'ConvertTypeTransformation':
      return { type: 'convert_type', target_type: t.target_type };
    default:
      throw new Error(`no YAML name for transformation ${t.type}`);
  }
}

function item(it) {
  const { type, ...params } = transformation(it.transformation);
  const out = { id: it.identifier, type, ...params };
  for (const scope of ['rule', 'detection_item', 'field_name']) {
    const conds = it[`${scope}_conditions`];
    if (!conds.length) continue;
    out[`${scope}_conditions`] = conds.map(condition);
    if (it[`${scope}_condition_linking`] === 'any') out[`${scope}_cond_op`] = 'or';
    if (it[`${scope}_condition_negation`]) out[`${scope}_cond_not`] = true;
    if (it[`${scope}_condition_expression`]) throw new Error('condition expressions are not expected in the dump');
  }
  return out;
}

/** The backends each generated pipeline is for (pySigma's pipelines leave it to the backend that names them). */
const ALLOWED_BACKENDS = { splunk_windows: ['splunk'], splunk_cim: ['splunk'], ecs_windows: ['eql', 'esql'] };

function pipeline(key) {
  const p = dump[key];
  if (p.postprocessing_items.length || p.finalizers.length) throw new Error(`${key}: postprocessing/finalizers not generated`);
  const allowed = ALLOWED_BACKENDS[key];
  return { name: p.name, priority: p.priority, ...(allowed ? { allowed_backends: allowed } : {}), transformations: p.items.map(item) };
}

// ── a small TypeScript literal printer: unquoted keys, single-quoted strings, short lists on one line ──
const ident = /^[A-Za-z_$][\w$]*$/;
const str = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
function print(v, indent = '') {
  if (v === null) return 'null';
  if (typeof v === 'string') return str(v);
  if (typeof v !== 'object') return String(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const flat = `[${v.map((x) => print(x, inner)).join(', ')}]`;
    if (!flat.includes('\n') && flat.length + indent.length < 110) return flat;
    if (v.every((x) => x === null || typeof x !== 'object')) {
      // Scalars: fill lines up to the width.
      const lines = [];
      let line = '';
      for (const x of v.map((y) => print(y))) {
        if (line && inner.length + line.length + x.length + 2 > 110) {
          lines.push(line);
          line = '';
        }
        line += (line ? ' ' : '') + x + ',';
      }
      lines.push(line);
      return `[\n${lines.map((l) => inner + l).join('\n')}\n${indent}]`;
    }
    return `[\n${v.map((x) => inner + print(x, inner)).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  const parts = entries.map(([k, x]) => `${ident.test(k) ? k : str(k)}: ${print(x, inner)}`);
  const flat = `{ ${parts.join(', ')} }`;
  if (!flat.includes('\n') && flat.length + indent.length < 110) return flat;
  return `{\n${parts.map((p) => inner + p).join(',\n')},\n${indent}}`;
}

function write(rel, header, name, value, type = 'PipelineDocument') {
  const body = `${header}\nimport type { PipelineDocument } from '../../../src/pipeline/index.js';\n\nexport const ${name}: ${type} = ${print(value)};\n`;
  writeFileSync(join(root, rel), body);
  console.log(`wrote ${rel}`);
}

const generated = (what) =>
  `/**\n * ${what}\n *\n * Generated by scripts/gen-pipelines.mjs from ../shared/reference/pipelines.json (pySigma's pipeline of the same\n * name); pySigma pipeline YAML shape. Regenerate rather than edit.\n */`;

/**
 * Both renderings of a Windows event log in Splunk: `WinEventLog:<channel>` (classic text) and
 * `XmlWinEventLog:<channel>` (`renderXml = true`, which the Splunk Add-on for Sysmon requires and Splunk's own ESCU
 * searches expect: its `sysmon` macro is `source=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational`). pySigma's
 * `source="WinEventLog:…"` alone never fires on XML-rendered data. Listed as a deliberate difference in the parity
 * test (`xml-rendered-source`).
 */
function splunkWindowsRenderings(p) {
  const both = (source) => (source.startsWith('WinEventLog:') ? [source, `Xml${source}`] : [source]);
  for (const t of p.transformations) {
    if (t.type !== 'add_condition' || t.conditions?.source === undefined) continue;
    const sources = Array.isArray(t.conditions.source) ? t.conditions.source : [t.conditions.source];
    t.conditions = { ...t.conditions, source: sources.flatMap(both) };
  }
  return p;
}

write(
  'backends/splunk/pipelines/splunk_windows.ts',
  generated('splunk_windows: Windows log sources → `source=` conditions (both renderings), EventID → EventCode.'),
  'splunkWindows',
  splunkWindowsRenderings(pipeline('splunk_windows')),
);
/**
 * Where pySigma's splunk_cim gives a Sysmon field a data-model field of another meaning, the field of the same
 * meaning (Splunk CIM, Endpoint.Registry: registry_path is the path to the registry *value*, key and value name —
 * Sysmon's TargetObject; registry_key_name is the key alone). Listed as deliberate differences in the parity test.
 */
function splunkCimFieldMeanings(p) {
  const rename = { 'Registry.registry_key_name': 'Registry.registry_path' };
  const fix = (v) => rename[v] ?? v;
  for (const t of p.transformations) {
    if (t.id === 'splunk_dm_mapping_sysmon_registry')
      t.mapping = Object.fromEntries(Object.entries(t.mapping).map(([k, v]) => [k, fix(v)]));
    if (t.id === 'splunk_dm_fields_sysmon_registry' && Array.isArray(t.val)) t.val = t.val.map(fix);
  }
  // Registry.action holds CIM's action values (created, deleted, modified, read), not Sysmon's EventType: the
  // EventType values are mapped to them (both deletions are `deleted`; CIM does not tell a key from a value).
  const at = p.transformations.findIndex((t) => t.id === 'splunk_dm_mapping_sysmon_registry');
  const registry = p.transformations[at];
  p.transformations.splice(at + 1, 0, {
    id: 'splunk_cim_registry_action_values',
    type: 'map_string',
    mapping: { CreateKey: 'created', SetValue: 'modified', DeleteKey: 'deleted', DeleteValue: 'deleted', RenameKey: 'modified' },
    rule_conditions: registry.rule_conditions,
    rule_cond_op: 'or',
    field_name_conditions: [{ type: 'include_fields', fields: ['Registry.action'] }],
  });
  return p;
}

write(
  'backends/splunk/pipelines/splunk_cim.ts',
  generated('splunk_cim: Sysmon/web/DNS fields → Splunk CIM data model fields; state `data_model_set` and `fields`.'),
  'splunkCim',
  splunkCimFieldMeanings(pipeline('splunk_cim')),
);
/**
 * ecs_windows: Sysmon's `Hashes` (`SHA256=…,IMPHASH=…`) is not in the documents Elastic Agent's Windows integration
 * writes: its ingest pipeline (elastic/integrations, packages/windows/data_stream/sysmon_operational) removes
 * `winlog.event_data.Hashes` and keeps one field per algorithm, `process.hash.*` (process creation) or
 * `file.hash.*` (driver and image loads, stream hashes), with the imphash as `process.pe.imphash` /
 * `file.pe.imphash`. pySigma's `winlog.event_data.Hashes` never exists there.
 */
function ecsHashes(p) {
  const items = [];
  for (const [object, categories] of [
    ['process', ['process_creation']],
    ['file', ['image_load', 'driver_load', 'create_stream_hash']],
  ]) {
    const rule_conditions = categories.map((category) => ({ type: 'logsource', category, product: 'windows' }));
    items.push(
      {
        id: `ecs_windows_hashes_${object}`,
        type: 'hashes_fields',
        valid_hash_algos: ['MD5', 'SHA1', 'SHA256', 'IMPHASH'],
        field_prefix: `${object}.hash.`,
        drop_algo_prefix: false,
        rule_conditions,
        rule_cond_op: 'or',
        field_name_conditions: [{ type: 'include_fields', fields: ['Hashes'] }],
      },
      {
        id: `ecs_windows_hash_fields_${object}`,
        type: 'field_name_mapping',
        mapping: {
          [`${object}.hash.MD5`]: `${object}.hash.md5`,
          [`${object}.hash.SHA1`]: `${object}.hash.sha1`,
          [`${object}.hash.SHA256`]: `${object}.hash.sha256`,
          [`${object}.hash.IMPHASH`]: `${object}.pe.imphash`,
        },
        rule_conditions,
        rule_cond_op: 'or',
      },
    );
  }
  const at = p.transformations.findIndex((t) => t.id === 'ecs_windows_field_mapping');
  p.transformations.splice(at, 0, ...items);
  return p;
}

write(
  'backends/eql/pipelines/ecs_windows.ts',
  generated('ecs_windows: Windows fields → Elastic Common Schema (Winlogbeat 7+), channel conditions, value types.'),
  'ecsWindows',
  ecsHashes(pipeline('ecs_windows')),
);

// Table schemas: column → type, per table.
const tablesBody = `/**
 * Columns (and their types) of the Microsoft Sentinel ASIM and Defender XDR tables the kusto pipelines map to.
 *
 * Generated by scripts/gen-pipelines.mjs from ../shared/reference/tables.json. Regenerate rather than edit.
 */

export type TableSchema = Readonly<Record<string, string>>;

export const SENTINEL_ASIM_TABLES: Readonly<Record<string, TableSchema>> = ${print(tables.sentinel_asim)};

export const MICROSOFT_XDR_TABLES: Readonly<Record<string, TableSchema>> = ${print(tables.microsoft_xdr)};
`;
writeFileSync(join(root, 'backends/kusto/pipelines/tables.ts'), tablesBody);
console.log('wrote backends/kusto/pipelines/tables.ts');
