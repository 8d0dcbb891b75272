/** Corpus access for the process_creation tests, plus a plain recursive file walk. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export { HAS_SHARED, SHARED, SHARED_MISSING, corpus, reference } from '../../support/corpus.js';

/** Every file under `dir` whose name ends with `suffix`, sorted. */
export function walkFiles(dir: string, suffix: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walkFiles(path, suffix, out);
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}
