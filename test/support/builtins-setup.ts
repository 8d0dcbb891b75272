/**
 * Runs before every test file (vitest `setupFiles`). Test files share their worker's modules (`isolate: false`), so
 * the backend registry is whatever the files before registered, in their order; registering the built-in targets
 * here first, as the sigmaform binary does, keeps the registry in the binary's order (splunk, kusto, eql, esql)
 * whichever file runs first — `unknown target … (known: …)` lists them in that order. And the garbage the files
 * before left in the worker's heap is collected first when it has piled up (see heap.ts).
 */
import { beforeAll } from 'vitest';
import '../../src/index.js';
import { collectIfGrown } from './heap.js';

beforeAll(collectIfGrown);
