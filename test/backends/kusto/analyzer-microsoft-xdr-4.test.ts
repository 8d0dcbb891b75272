import { analyzerShardSuite } from './analyzer-shard.js';

analyzerShardSuite('microsoft_xdr', 3);
