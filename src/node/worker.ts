/**
 * Node-only: a conversion worker thread (see parallel.ts). It builds the same converter as the calling thread from
 * names and files, then takes batches from the shared counter until none is left, posting each batch's results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createConverter } from '../convert.js';
import { isPipelineFile, resolvePipelineArgs } from './pipelines.js';
import { registerBuiltinBackends } from './builtins.js';
import { batchConverter, toWire, type WorkerConverterSpec } from './parallel.js';

interface Data {
  readonly spec: WorkerConverterSpec;
  readonly inputs: readonly { readonly path: string; readonly text: string | undefined }[];
  readonly context: readonly number[];
  readonly counter: Int32Array;
  readonly batch: number;
  readonly slim: boolean;
}

const data = workerData as Data;
const { spec } = data;
// The built-in backends this run needs (the target's alone, unless a pipeline comes from another or a file).
await registerBuiltinBackends(
  spec.target,
  spec.pipelines.filter((p) => !isPipelineFile(p)),
  spec.pipelines.some(isPipelineFile),
);
const converter = createConverter({ ...spec, pipelines: await resolvePipelineArgs(spec.pipelines, spec.cwd) });
const batches = Math.ceil(data.inputs.length / data.batch);
const convertBatch = batchConverter(converter, data.inputs, data.context, data.slim);
for (;;) {
  const b = Atomics.add(data.counter, 0, 1);
  if (b >= batches) break;
  const batch: number[] = [];
  for (let i = b * data.batch; i < Math.min(data.inputs.length, (b + 1) * data.batch); i++) batch.push(i);
  const results = convertBatch(batch).map(toWire);
  parentPort?.postMessage({ batch: b, results });
}
