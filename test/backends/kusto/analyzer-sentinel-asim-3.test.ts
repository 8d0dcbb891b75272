import { analyzerShardSuite } from './analyzer-shard.js';

analyzerShardSuite('sentinel_asim', 2);
