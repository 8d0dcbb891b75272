import { referenceInvalidSuite } from './reference-suite.js';

referenceInvalidSuite('microsoft_xdr', 16, 1);
