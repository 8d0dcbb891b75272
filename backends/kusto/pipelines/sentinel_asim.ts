/**
 * sentinel_asim: generic log sources → Microsoft Sentinel ASIM tables (imProcessCreate …) and fields, as
 * pySigma-backend-kusto's pipeline of that name (priority 10), in pySigma pipeline YAML shape. The mappings
 * (with the corrections listed in mappings.ts) and table columns are data modules of this folder.
 *
 * State set: `query_table` (the ASIM table; the postprocessing prepends `<table>\n| where `).
 */
import type { PipelineDocument } from '../../../src/pipeline/index.js';
import { invalidFieldItems, prependQueryTable, registryKeyReplacements } from './common.js';
import {
  SENTINEL_ASIM_CATEGORY_TO_TABLE,
  SENTINEL_ASIM_EVENTID_CATEGORY_TO_TABLE,
  SENTINEL_ASIM_GENERIC_MAPPINGS,
  SENTINEL_ASIM_TABLE_MAPPINGS,
} from './mappings.js';
import { SENTINEL_ASIM_TABLES } from './tables.js';
import {
  SENTINEL_ASIM_IDENTITY_GENERIC,
  SENTINEL_ASIM_IDENTITY_MAPPINGS,
  logonEventItems,
  withIdentityGeneric,
  withIdentityMappings,
  withAsimCommonColumns,
} from './identity-mappings.js';
import { computedFieldItem, sysmonDetails, sysmonTargetObject, withComputedNames, type RegistryColumns } from './sysmon-fields.js';

/** pySigma's mappings with hosts, users, addresses and logon events added (identity-mappings.ts). */
const TABLE_MAPPINGS = withIdentityMappings(SENTINEL_ASIM_TABLE_MAPPINGS, SENTINEL_ASIM_IDENTITY_MAPPINGS);
const GENERIC_MAPPINGS = withIdentityGeneric(SENTINEL_ASIM_GENERIC_MAPPINGS, SENTINEL_ASIM_IDENTITY_GENERIC);
const TABLES = withAsimCommonColumns(SENTINEL_ASIM_TABLES);

const registry: RegistryColumns = {
  table: 'imRegistry',
  action: 'EventType',
  key: 'RegistryKey',
  previousKey: 'RegistryPreviousKey',
  valueName: 'RegistryValue',
  valueData: 'RegistryValueData',
  valueType: 'RegistryValueType',
};

const hashes = (id: string, table: string, valid: readonly string[], prefix: string) => ({
  id: `sentinel_asim_${id}`,
  type: 'hashes_values',
  valid_hash_algos: valid,
  field_prefix: prefix,
  rule_conditions: [{ type: 'processing_state', key: 'query_table', val: table }],
  field_name_conditions: [{ type: 'include_fields', fields: ['Hashes'] }],
});

export const sentinelAsim: PipelineDocument = {
  name: 'Generic Log Sources to Sentinel ASIM tables and fields',
  priority: 10,
  allowed_backends: ['kusto'],
  transformations: [
    {
      id: 'sentinel_asim_set_query_table',
      type: 'set_query_table_state',
      category_to_table_mappings: SENTINEL_ASIM_CATEGORY_TO_TABLE,
      event_id_category_to_table_mappings: SENTINEL_ASIM_EVENTID_CATEGORY_TO_TABLE,
    },
    ...logonEventItems('sentinel_asim'),
    {
      id: 'sentinel_asim_drop_eventid',
      type: 'drop_detection_item',
      field_name_conditions: [{ type: 'include_fields', fields: ['EventID', 'EventCode', 'ObjectType'] }],
    },
    {
      id: 'sentinel_asim_table_fieldmappings',
      type: 'dynamic_field_mapping',
      table_mappings: TABLE_MAPPINGS,
      generic_mappings: GENERIC_MAPPINGS,
    },
    {
      // Generic mappings for the fields the table mapping did not map.
      id: 'sentinel_asim_generic_fieldmappings',
      type: 'generic_field_mapping',
      mapping: GENERIC_MAPPINGS,
      detection_item_conditions: [{ type: 'processing_item_applied', processing_item_id: 'sentinel_asim_table_fieldmappings' }],
      detection_item_cond_op: 'or',
      detection_item_cond_not: true,
    },
    computedFieldItem('sentinel_asim_registry_target_object', registry.table, 'SysmonTargetObject', sysmonTargetObject(registry)),
    computedFieldItem('sentinel_asim_registry_details', registry.table, 'SysmonDetails', sysmonDetails(registry)),
    ...registryKeyReplacements('sentinel_asim', {
      first: ['RegistryKey', 'PreviousRegistryKey'],
      rest: ['RegistryKey', 'RegistryPreviousKey'],
    }),
    {
      id: 'sentinel_asim_registry_actiontype_value',
      type: 'registry_action_type_value',
      field_name_conditions: [{ type: 'include_fields', fields: ['EventType'] }],
    },
    hashes('processcreate_hashes_field_values', 'imProcessCreate', ['MD5', 'SHA1', 'SHA256', 'SHA512', 'IMPHASH'], 'TargetProcess'),
    hashes('fileevent_hashes_field_values', 'imFileEvent', ['MD5', 'SHA1', 'SHA256', 'SHA512'], 'TargetFile'),
    hashes('webrequest_hashes_field_values', 'imWebSession', ['MD5', 'SHA1', 'SHA256', 'SHA512'], 'File'),
    {
      id: 'sentinel_asim_network_initiated_field',
      type: 'drop_detection_item',
      rule_conditions: [{ type: 'logsource', category: 'network_connection' }],
      field_name_conditions: [{ type: 'include_fields', fields: ['Initiated'] }],
    },
    {
      id: 'sentinel_asim_unsupported_rule_category_or_missing_query_table',
      type: 'rule_failure',
      message: 'Rule category not yet supported by the Sentinel ASIM pipeline or query_table is not set.',
      rule_conditions: [
        { type: 'processing_item_applied', processing_item_id: 'sentinel_asim_set_query_table' },
        { type: 'processing_state', key: 'query_table', val: null },
      ],
    },
    ...invalidFieldItems(
      'sentinel_asim',
      withComputedNames(TABLES, { imRegistry: ['SysmonTargetObject', 'SysmonDetails'] }),
      TABLE_MAPPINGS,
      GENERIC_MAPPINGS,
      'fieldmappings',
    ),
  ],
  postprocessing: [prependQueryTable],
};
