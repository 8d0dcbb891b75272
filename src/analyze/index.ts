/** Coverage analysis of rule sets: ATT&CK Navigator layers, rules per log source, fields per log source. */
export * from './attack.js';
export * from './logsource.js';
export * from './fields.js';
