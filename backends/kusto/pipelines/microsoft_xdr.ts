/**
 * microsoft_xdr: generic log sources → Microsoft Defender XDR advanced-hunting tables (DeviceProcessEvents …)
 * and fields, as pySigma-backend-kusto's pipeline of that name (priority 10, transform_parent_image on), in
 * pySigma pipeline YAML shape.
 *
 * State set: `query_table` (the XDR table; the postprocessing prepends `<table>\n| where `).
 */
import type { PipelineDocument } from '../../../src/pipeline/index.js';
import { invalidFieldItems, prependQueryTable, registryKeyReplacements } from './common.js';
import {
  MICROSOFT_XDR_CATEGORY_TO_TABLE,
  MICROSOFT_XDR_EVENTID_CATEGORY_TO_TABLE,
  MICROSOFT_XDR_GENERIC_MAPPINGS,
  MICROSOFT_XDR_TABLE_MAPPINGS,
} from './mappings.js';
import { MICROSOFT_XDR_TABLES } from './tables.js';
import {
  MICROSOFT_XDR_IDENTITY_GENERIC,
  MICROSOFT_XDR_IDENTITY_MAPPINGS,
  logonEventItems,
  withIdentityGeneric,
  withIdentityMappings,
} from './identity-mappings.js';

import {
  computedFieldItem,
  sysmonAccount,
  sysmonDetails,
  sysmonTargetObject,
  withComputedNames,
  type RegistryColumns,
} from './sysmon-fields.js';

/** pySigma's mappings with hosts, users, addresses and logon events added (identity-mappings.ts). */
const TABLE_MAPPINGS = withIdentityMappings(MICROSOFT_XDR_TABLE_MAPPINGS, MICROSOFT_XDR_IDENTITY_MAPPINGS);
const GENERIC_MAPPINGS = withIdentityGeneric(MICROSOFT_XDR_GENERIC_MAPPINGS, MICROSOFT_XDR_IDENTITY_GENERIC);
const TABLES = MICROSOFT_XDR_TABLES;

const registry: RegistryColumns = {
  table: 'DeviceRegistryEvents',
  action: 'ActionType',
  key: 'RegistryKey',
  previousKey: 'PreviousRegistryKey',
  valueName: 'RegistryValueName',
  valueData: 'RegistryValueData',
  valueType: 'RegistryValueType',
  previousValueName: 'PreviousRegistryValueName',
};

/** Sysmon fields computed from several columns, per table (sysmon-fields.ts). */
const COMPUTED: Readonly<Record<string, readonly string[]>> = {
  DeviceProcessEvents: ['SysmonUser', 'SysmonParentUser'],
  DeviceRegistryEvents: ['SysmonTargetObject', 'SysmonDetails', 'SysmonUser'],
  DeviceFileEvents: ['SysmonUser'],
  DeviceImageLoadEvents: ['SysmonUser'],
  DeviceNetworkEvents: ['SysmonUser'],
};

const initiatingUser = sysmonAccount('InitiatingProcessAccountDomain', 'InitiatingProcessAccountName');
const computedItems = [
  computedFieldItem('microsoft_xdr_process_user', 'DeviceProcessEvents', 'SysmonUser', sysmonAccount('AccountDomain', 'AccountName')),
  computedFieldItem('microsoft_xdr_process_parent_user', 'DeviceProcessEvents', 'SysmonParentUser', initiatingUser),
  computedFieldItem('microsoft_xdr_registry_target_object', registry.table, 'SysmonTargetObject', sysmonTargetObject(registry)),
  computedFieldItem('microsoft_xdr_registry_details', registry.table, 'SysmonDetails', sysmonDetails(registry)),
  ...['DeviceRegistryEvents', 'DeviceFileEvents', 'DeviceImageLoadEvents', 'DeviceNetworkEvents'].map((table) =>
    computedFieldItem(`microsoft_xdr_${table}_user`, table, 'SysmonUser', initiatingUser),
  ),
];

const notProcessCreation = { rule_conditions: [{ type: 'logsource', category: 'process_creation' }], rule_cond_not: true };
const registryFields = ['RegistryKey', 'PreviousRegistryKey'];

export const microsoftXdr: PipelineDocument = {
  name: 'Generic Log Sources to Windows XDR tables and fields',
  priority: 10,
  allowed_backends: ['kusto'],
  transformations: [
    {
      id: 'microsoft_xdr_set_query_table',
      type: 'set_query_table_state',
      category_to_table_mappings: MICROSOFT_XDR_CATEGORY_TO_TABLE,
      event_id_category_to_table_mappings: MICROSOFT_XDR_EVENTID_CATEGORY_TO_TABLE,
    },
    ...logonEventItems('microsoft_xdr'),
    {
      id: 'microsoft_xdr_drop_eventid',
      type: 'drop_detection_item',
      field_name_conditions: [{ type: 'include_fields', fields: ['EventID', 'EventCode', 'ObjectType'] }],
    },
    {
      // Sysmon's image-load version info describes the loaded DLL; DeviceImageLoadEvents has version info only for
      // the initiating process (pySigma maps them there, so such a rule compares a DLL's name with an EXE's).
      id: 'microsoft_xdr_image_load_version_info',
      type: 'invalid_field',
      message: 'Sysmon image-load version info describes the loaded image; DeviceImageLoadEvents has none for it.',
      rule_conditions: [{ type: 'processing_state', key: 'query_table', val: 'DeviceImageLoadEvents' }],
      field_name_conditions: [{ type: 'include_fields', fields: ['OriginalFileName', 'Description', 'Product', 'Company', 'FileVersion'] }],
    },
    {
      id: 'microsoft_xdr_table_fieldmappings',
      type: 'dynamic_field_mapping',
      table_mappings: TABLE_MAPPINGS,
      generic_mappings: GENERIC_MAPPINGS,
    },
    {
      // Generic mappings for the fields the table mapping did not map.
      id: 'microsoft_xdr_generic_fieldmappings',
      type: 'generic_field_mapping',
      mapping: GENERIC_MAPPINGS,
      detection_item_conditions: [{ type: 'processing_item_applied', processing_item_id: 'microsoft_xdr_table_fieldmappings' }],
      detection_item_cond_op: 'or',
      detection_item_cond_not: true,
    },
    {
      // No table has the parent's folder path, so outside process creation ParentImage becomes the file name.
      id: 'microsoft_xdr_parent_image_fieldmapping',
      type: 'field_name_mapping',
      mapping: { ParentImage: 'InitiatingProcessParentFileName' },
      ...notProcessCreation,
    },
    {
      id: 'microsoft_xdr_parent_image_name_value',
      type: 'parent_image_value',
      ...notProcessCreation,
      field_name_conditions: [{ type: 'include_fields', fields: ['InitiatingProcessParentFileName'] }],
    },
    ...computedItems,
    ...registryKeyReplacements('microsoft_xdr', { first: registryFields, rest: registryFields }),
    {
      id: 'microsoft_xdr_registry_actiontype_value',
      type: 'registry_action_type_value',
      field_name_conditions: [{ type: 'include_fields', fields: ['ActionType'] }],
    },
    {
      id: 'microsoft_xdr_domain_username_extract',
      type: 'split_domain_user',
      field_name_conditions: [{ type: 'include_fields', fields: ['AccountName', 'InitiatingProcessAccountName'] }],
    },
    {
      id: 'microsoft_xdr_hashes_field_values',
      type: 'hashes_values',
      valid_hash_algos: ['MD5', 'SHA1', 'SHA256'],
      field_prefix: '',
      field_name_conditions: [{ type: 'include_fields', fields: ['Hashes'] }],
    },
    {
      id: 'microsoft_xdr_network_initiated_field',
      type: 'drop_detection_item',
      rule_conditions: [{ type: 'logsource', category: 'network_connection' }],
      field_name_conditions: [{ type: 'include_fields', fields: ['Initiated'] }],
    },
    {
      id: 'microsoft_xdr_unsupported_rule_category_or_missing_query_table',
      type: 'rule_failure',
      message: 'Rule category not yet supported by the Microsoft XDR pipeline or query_table is not set.',
      rule_conditions: [
        { type: 'processing_item_applied', processing_item_id: 'microsoft_xdr_set_query_table' },
        { type: 'processing_state', key: 'query_table', val: null },
      ],
    },
    ...invalidFieldItems('microsoft_xdr', withComputedNames(TABLES, COMPUTED), TABLE_MAPPINGS, GENERIC_MAPPINGS, 'keymappings'),
  ],
  postprocessing: [prependQueryTable],
};
