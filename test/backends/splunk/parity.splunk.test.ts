/** Parity with `sigma convert -t splunk` over the SigmaHQ corpus (../shared/reference/pysigma/splunk.jsonl). */
import { describeParity } from './parity-support.js';

describeParity({ name: 'splunk', pipelines: [], format: 'default' });
