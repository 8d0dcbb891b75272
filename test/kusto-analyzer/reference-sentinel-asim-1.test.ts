import { referenceInvalidSuite } from './reference-suite.js';

referenceInvalidSuite('sentinel_asim', 23, 0);
