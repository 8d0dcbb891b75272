/**
 * The EQL event category of a rule (the word before `where`). The reference always writes `any`; with the backend
 * option `categoryPrefix: true` the category follows the rule's logsource category, using the ECS `event.category`
 * that Elastic's integrations (Winlogbeat/Sysmon, Elastic Defend) give those events.
 */
import type { Logsource } from '../../src/rule/ast.js';

const CATEGORY_BY_LOGSOURCE: Readonly<Record<string, string>> = Object.freeze({
  process_creation: 'process',
  process_termination: 'process',
  process_access: 'process',
  process_tampering: 'process',
  create_remote_thread: 'process',
  file_event: 'file',
  file_change: 'file',
  file_delete: 'file',
  file_rename: 'file',
  file_access: 'file',
  file_executable_detected: 'file',
  create_stream_hash: 'file',
  registry_add: 'registry',
  registry_delete: 'registry',
  registry_event: 'registry',
  registry_set: 'registry',
  registry_rename: 'registry',
  network_connection: 'network',
  dns_query: 'network',
  dns: 'network',
  firewall: 'network',
  image_load: 'library',
  driver_load: 'driver',
});

/** `any`, or with `categoryAware` the event category of the rule's logsource when one is known. */
export function eventCategory(logsource: Logsource, categoryAware: boolean): string {
  if (!categoryAware || logsource.category === undefined) return 'any';
  return CATEGORY_BY_LOGSOURCE[logsource.category] ?? 'any';
}
