/**
 * Whole packs as lists of files (relative paths, `/` separators) for the CLI and build scripts to write. Each
 * backend owns its SIEM's pack writer (`backends/<target>/pack/`); this module keeps the public names.
 */
export { splunkPackFiles } from '../../backends/splunk/pack/index.js';
export { sentinelPackFiles } from '../../backends/kusto/pack/index.js';
export { elasticPackFiles } from '../../backends/eql/pack/index.js';
