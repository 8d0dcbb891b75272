import { describe, expect, it } from 'vitest';
import { corpus, HAS_SHARED, SHARED_MISSING } from '../support/corpus.js';
import { loadRules } from '../../src/rule/load.js';

describe.skipIf(!HAS_SHARED)('the SigmaHQ corpus', () => {
  it('has 3,141 rule files', () => expect(corpus().length).toBe(3141));
  it('loads every rule file into the AST without error', () => {
    const failures: string[] = [];
    let documents = 0;
    for (const f of corpus()) {
      try {
        documents += loadRules(f.text, f.path).documents.length;
      } catch (e) {
        failures.push(`${f.path}: ${String(e)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(documents).toBeGreaterThanOrEqual(3141);
  });
});
if (!HAS_SHARED) it.skip(SHARED_MISSING, () => {});
