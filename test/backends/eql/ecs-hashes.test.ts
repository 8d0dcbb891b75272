/**
 * ecs_windows compares Sysmon's Hashes with the fields Elastic Agent's Windows integration writes (its
 * sysmon_operational ingest pipeline removes winlog.event_data.Hashes and keeps process.hash.* / file.hash.*,
 * lower case, and the imphash as process.pe.imphash / file.pe.imphash).
 */
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/convert.js';
import { loadRules } from '../../../src/rule/load.js';
import { compilePipelineMatcher } from '../../../src/eval/pipeline.js';
import { getNamedPipeline } from '../../../src/backend.js';
import '../../../src/index.js';

const rule = (category: string): string => `title: Hashes
id: 4f1b8b0e-9d0a-4c53-a1f4-1d2f3c4b5a62
status: test
logsource:
  category: ${category}
  product: windows
detection:
  selection:
    Hashes|contains:
      - 'IMPHASH=BCA5675746D13A1F246E2DA3C2217492'
      - 'SHA256=C92C158D7C37FEA795114FA6491FE5F145AD2F8C08776B18AE79DB811E8E36A3'
  condition: selection
level: high
`;

const matcher = (category: string) => {
  const doc = loadRules(rule(category), 'rule.yml').documents[0];
  if (doc?.kind !== 'rule') throw new Error('not a rule');
  return compilePipelineMatcher(doc, getNamedPipeline(undefined, 'ecs_windows'));
};

describe('ecs_windows Hashes', () => {
  it('writes process creation hashes as process.pe.imphash and process.hash.sha256, never winlog.event_data.Hashes', () => {
    const result = createConverter({ target: 'eql', pipelines: ['ecs_windows'] }).text(rule('process_creation'), 'rule.yml');
    const query = result.ok ? (result.queries[0] ?? '') : '';
    expect(query).toContain('process.pe.imphash:');
    expect(query).toContain('process.hash.sha256:');
    expect(query).not.toContain('Hashes');
  });

  it('fires on the ECS document of a process with that imphash (lower case, as the integration writes it), not another', () => {
    const m = matcher('process_creation');
    expect(m.test({ 'process.pe.imphash': 'bca5675746d13a1f246e2da3c2217492' })).toBe(true);
    expect(m.test({ 'process.pe.imphash': 'bca5675746d13a1f246e2da3c2217493' })).toBe(false);
    expect(m.test({ 'winlog.event_data.Hashes': 'IMPHASH=BCA5675746D13A1F246E2DA3C2217492' })).toBe(false);
  });

  it('reads driver and image load hashes from file.hash.* and file.pe.imphash', () => {
    const m = matcher('driver_load');
    expect(m.test({ 'file.hash.sha256': 'c92c158d7c37fea795114fa6491fe5f145ad2f8c08776b18ae79db811e8e36a3' })).toBe(true);
    expect(m.test({ 'process.hash.sha256': 'c92c158d7c37fea795114fa6491fe5f145ad2f8c08776b18ae79db811e8e36a3' })).toBe(false);
  });
});
