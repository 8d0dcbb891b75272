/**
 * Layouts of a compiled query over a CIM data model with `tstats`: the reference's `data_model` form and the
 * Splunk ESCU house style. Both read the pipeline state `splunk_cim` sets: `data_model_set` (`Endpoint.Processes`)
 * and `fields` (the `by` list of the reference form).
 */
import type { SigmaRule } from '../../src/rule/ast.js';
import { SigmaError } from '../../src/errors.js';
import { escuRuleName, filterMacroFor } from './pack/escu-common.js';
import { searchText, type SplQuery } from './query.js';

/** `Endpoint.Processes` → data model and node (`Processes`), from the pipeline state. */
export function dataModelOf(rule: SigmaRule, state: Readonly<Record<string, unknown>>): { set: string; node: string } {
  const set = state['data_model_set'];
  if (typeof set !== 'string' || set === '') {
    throw new SigmaError(
      'unsupported',
      'no CIM data model for this rule: use the splunk_cim pipeline (-p splunk_cim), which sets it for the log sources it maps',
      rule.source,
    );
  }
  const parts = set.split('.');
  if (parts.length > 2 || parts.some((p) => p === '')) {
    throw new SigmaError('pipeline', `data model '${set}' is not of the form DataModel.DataSet`, rule.source);
  }
  return { set, node: parts[parts.length - 1] as string };
}

function stateFields(rule: SigmaRule, state: Readonly<Record<string, unknown>>): readonly string[] {
  const fields = state['fields'];
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string')) {
    throw new SigmaError(
      'unsupported',
      'no data model fields for this rule: use the splunk_cim pipeline (-p splunk_cim), which sets them',
      rule.source,
    );
  }
  return fields as string[];
}

/** The `by` list plus the fields the stages and filters after `tstats` read (they exist only if grouped by). */
function byList(fields: readonly string[], q: SplQuery): string {
  const out = [...fields];
  for (const f of q.fields) if (f !== '_raw' && !out.includes(f)) out.push(f);
  return out.join(' ');
}

/**
 * The `where` clause of `tstats` and the commands after it. `tstats` can only test data model fields, so with
 * stages (`rex`/`eval`) the where clause keeps the plain terms and-ed at the top and the whole test runs as
 * `| search` after the stages.
 */
function tstatsParts(q: SplQuery): { where: string; after: string[] } {
  if (q.stages.length === 0) return { where: searchText(q) ?? '*', after: [...q.filters] };
  const where = q.prefix.length > 0 ? q.prefix.join(' ') : '*';
  return { where, after: [...q.stages, `search ${q.main ?? '*'}`, ...q.filters] };
}

/** `sigma convert -t splunk -p splunk_cim -f data_model`, on one line as the reference writes it. */
export function renderDataModel(q: SplQuery, rule: SigmaRule, state: Readonly<Record<string, unknown>>): string {
  const { set, node } = dataModelOf(rule, state);
  const { where, after } = tstatsParts(q);
  return [
    `| tstats summariesonly=false allow_old_summaries=true fillnull_value="null" count min(_time) as firstTime max(_time) as lastTime from datamodel=${set} where ${where} by ${byList(stateFields(rule, state), q)}`,
    ...after.map((c) => `| ${c}`),
    `| \`drop_dm_object_name(${node})\``,
    '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)',
    '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(lastTime) ',
  ].join(' ');
}

/** The `by` lists of current ESCU tstats detections (../shared/formats/splunk/escu-by-fields.md). */
export const ESCU_BY_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'Endpoint.Processes': Object.freeze(
    'action dest original_file_name parent_process parent_process_exec parent_process_guid parent_process_id parent_process_name parent_process_path process process_exec process_guid process_hash process_id process_integrity_level process_name process_path user user_id vendor_product'
      .split(' ')
      .map((f) => `Processes.${f}`),
  ),
  'Endpoint.Registry': Object.freeze(
    'action dest process_guid process_id registry_hive registry_path registry_key_name registry_value_data registry_value_name registry_value_type status user vendor_product'
      .split(' ')
      .map((f) => `Registry.${f}`),
  ),
  'Endpoint.Filesystem': Object.freeze(
    'action dest file_access_time file_create_time file_hash file_modify_time file_name file_path file_acl file_size process_guid process_id user vendor_product'
      .split(' ')
      .map((f) => `Filesystem.${f}`),
  ),
});

/**
 * The ESCU house style (Splunk security_content detections): one command per line, the ESCU `by` list of the
 * data model (the pipeline's field list for data models without one), the ESCU macros and the rule's filter
 * macro `<title_in_snake_case>_filter` last.
 */
export function renderEscu(q: SplQuery, rule: SigmaRule, state: Readonly<Record<string, unknown>>): string {
  const { set, node } = dataModelOf(rule, state);
  const { where, after } = tstatsParts(q);
  const by = ESCU_BY_FIELDS[set] ?? stateFields(rule, state);
  return [
    `| tstats \`security_content_summariesonly\` count min(_time) as firstTime max(_time) as lastTime from datamodel=${set} where ${where} by ${byList(by, q)}`,
    ...after.map((c) => `| ${c}`),
    `| \`drop_dm_object_name(${node})\``,
    '| `security_content_ctime(firstTime)`',
    '| `security_content_ctime(lastTime)`',
    `| \`${filterMacroFor(escuRuleName(rule))}\``,
  ].join('\n');
}
