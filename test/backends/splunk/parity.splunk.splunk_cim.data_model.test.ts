/** Parity with `sigma convert -t splunk -p splunk_cim -f data_model` over the SigmaHQ corpus (../shared/reference/pysigma/splunk.splunk_cim.data_model.jsonl). */
import { describeParity } from './parity-support.js';

describeParity({ name: 'splunk.splunk_cim.data_model', pipelines: ['splunk_cim'], format: 'data_model' });
