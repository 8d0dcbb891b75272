/** Parity with `sigma convert -t splunk -p splunk_windows` over the SigmaHQ corpus (../shared/reference/pysigma/splunk.splunk_windows.jsonl). */
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/convert.js';
import { getNamedPipeline } from '../../../src/backend.js';
import { ruleFromText } from '../../eval/helpers.js';
import { compilePipelineMatcher } from '../../../src/eval/pipeline.js';
import { HAS_SHARED, corpus, reference } from '../../support/corpus.js';
import { describeParity, withoutXmlRenderings } from './parity-support.js';

// Our queries search both renderings of a Windows event log (`xml-rendered-source` in differences.md): compared
// with the reference once the XML one is taken out again.
describeParity({ name: 'splunk.splunk_windows', pipelines: ['splunk_windows'], format: 'default', normalize: withoutXmlRenderings });

describe.skipIf(!HAS_SHARED)('splunk_windows searches both renderings of a Windows event log', () => {
  it('every source the reference searches is searched as WinEventLog:… and as XmlWinEventLog:…', () => {
    const converter = createConverter({ target: 'splunk', pipelines: ['splunk_windows'] });
    const ref = reference('splunk.splunk_windows');
    let checked = 0;
    for (const file of HAS_SHARED ? corpus() : []) {
      const expected = ref.get(file.path);
      const ours = converter.text(file.text, file.path);
      if (!expected?.ok || !ours.ok) continue;
      const sources = new Set(expected.queries.flatMap((q) => [...q.matchAll(/"(WinEventLog:[^"]+)"/g)].map((m) => m[1] as string)));
      for (const source of sources) {
        checked++;
        expect(ours.queries.join('\n')).toContain(`"${source}"`);
        expect(ours.queries.join('\n')).toContain(`"Xml${source}"`);
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('`match -p splunk_windows` fires on the event in either rendering, not from another source', () => {
    const doc = ruleFromText(
      'title: logon\nlogsource: {product: windows, service: security}\ndetection:\n  sel: {EventID: 4624, LogonType: 10}\n  condition: sel\n',
      'logon.yml',
    );
    const m = compilePipelineMatcher(doc, getNamedPipeline(undefined, 'splunk_windows'));
    const event = (source: string) => ({ source, sourcetype: source.split(':')[0], EventCode: 4624, LogonType: 10 });
    expect(m.test(event('WinEventLog:Security'))).toBe(true);
    expect(m.test(event('XmlWinEventLog:Security'))).toBe(true);
    expect(m.test(event('XmlWinEventLog:System'))).toBe(false);
  });
});
