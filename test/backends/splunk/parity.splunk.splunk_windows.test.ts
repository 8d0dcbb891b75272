/** Parity with `sigma convert -t splunk -p splunk_windows` over the SigmaHQ corpus (../shared/reference/pysigma/splunk.splunk_windows.jsonl). */
import { describeParity } from './parity-support.js';

describeParity({ name: 'splunk.splunk_windows', pipelines: ['splunk_windows'], format: 'default' });
