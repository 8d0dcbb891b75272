import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO } from './support/corpus.js';

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('the browser-safe core', () => {
  it('imports nothing from node: outside the CLI and the node loader', () => {
    const core = [...files(join(REPO, 'src')), ...files(join(REPO, 'backends'))].filter((f) => {
      const rel = relative(REPO, f);
      return !rel.startsWith('src/cli') && !rel.startsWith('src/node');
    });
    const offenders = core.filter((f) => /from\s+['"]node:|require\(['"]node:|import\(['"]node:/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(REPO, f))).toEqual([]);
  });
});
