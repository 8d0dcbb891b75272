/** pySigma core's logsource validators (logsources.py). */
import type { Issue, Validator } from '../types.js';
import { detectionItems } from '../walk.js';

/** Sysmon event ids with a generic Sigma category (pySigma's table; for 12–14 the last entry, registry_event, wins). */
const SYSMON: ReadonlyMap<number, string> = new Map([
  [1, 'process_creation'],
  [2, 'file_change'],
  [3, 'network_connection'],
  [4, 'sysmon_status'],
  [5, 'process_termination'],
  [6, 'driver_load'],
  [7, 'image_load'],
  [8, 'create_remote_thread'],
  [9, 'raw_access_thread'],
  [10, 'process_access'],
  [11, 'file_event'],
  [12, 'registry_event'],
  [13, 'registry_event'],
  [14, 'registry_event'],
  [15, 'create_stream_hash'],
  [16, 'sysmon_status'],
  [17, 'pipe_created'],
  [18, 'pipe_created'],
  [19, 'wmi_event'],
  [20, 'wmi_event'],
  [21, 'wmi_event'],
  [22, 'dns_query'],
  [23, 'file_delete'],
  [24, 'clipboard_change'],
  [25, 'process_tampering'],
  [26, 'file_delete_detected'],
  [27, 'file_block_executable'],
  [28, 'file_block_shredding'],
  [29, 'file_executable_detected'],
  [255, 'sysmon_error'],
]);
const SECURITY: ReadonlyMap<number, string> = new Map([[4688, 'process_creation']]);

export const specificInsteadOfGenericLogsource: Validator = {
  id: 'specific_instead_of_generic_logsource',
  plugin: 'core',
  severity: 'high',
  description:
    'A windows/sysmon or windows/security rule selects an EventID that has a generic category (e.g. Sysmon 1 or Security 4688 -> process_creation).',
  check(ctx) {
    const doc = ctx.document;
    if (doc.kind !== 'rule' || doc.logsource.product !== 'windows') return [];
    const table = doc.logsource.service === 'sysmon' ? SYSMON : doc.logsource.service === 'security' ? SECURITY : undefined;
    if (!table) return [];
    const issues: Issue[] = [];
    for (const located of detectionItems(ctx)) {
      if (located.item.field !== 'EventID') continue;
      located.item.values.forEach((v, i) => {
        const category = v.kind === 'number' ? table.get(v.value) : undefined;
        if (category)
          issues.push({
            message: `EventID ${v.kind === 'number' ? v.text : ''} of ${doc.logsource.service} has the generic log source category '${category}'; use 'category: ${category}' instead of the service and EventID`,
            at: located.valuePath(i),
          });
      });
    }
    return issues;
  },
};

export const fieldnameLogsource: Validator = {
  id: 'fieldname_logsource',
  plugin: 'core',
  severity: 'high',
  description: 'The logsource section has a key pySigma does not model (anything but category, product, service, definition, source).',
  check(ctx) {
    const doc = ctx.document;
    if (doc.kind !== 'rule' || !doc.logsource.custom) return [];
    return Object.keys(doc.logsource.custom)
      .filter((k) => k !== 'source')
      .map((k) => ({
        message: `logsource key '${k}' is not one of category, product, service, definition`,
        at: ['logsource', k],
        what: 'key' as const,
      }));
  },
};
