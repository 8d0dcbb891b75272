/**
 * A full garbage collection between test files when the worker's heap has grown. Test files share their worker
 * (`isolate: false`), so what a corpus-wide file leaves behind (converted corpora, packs: hundreds of MB, nearly all
 * garbage once the file is done) is still in the heap when the next file starts, and V8 takes its time to collect
 * it: an allocation-heavy file after it (Microsoft's Kusto analyzer over a shard of the corpus) ran ~1.5× slower,
 * and the worker's memory doubled. One collection takes ~0.1 s.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const FLOOR = 256 * 2 ** 20;
/** What survived the last collection. */
let live = 0;

/** Collects when the heap holds at least 256 MB and twice what survived the last collection. */
export function collectIfGrown(): void {
  if (getHeapStatistics().used_heap_size < Math.max(FLOOR, 2 * live)) return;
  collect();
  live = getHeapStatistics().used_heap_size;
}
