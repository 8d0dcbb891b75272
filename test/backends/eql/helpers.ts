/** Helpers of the EQL backend tests: convert a small rule written inline. */
import { registerBackend } from '../../../src/backend.js';
import { createConverter, type ConvertRequest } from '../../../src/convert.js';
import { eqlBackend } from '../../../backends/eql/index.js';

registerBackend(eqlBackend);

/** A complete rule around a detection block (indented YAML without the `detection:` key). */
export function ruleText(detection: string, logsource = 'category: process_creation\n    product: windows'): string {
  return [
    'title: Test',
    'id: 6d6c9b2e-0c3f-4a55-9d1f-2f0e8a7b3c41',
    'status: test',
    'logsource:',
    `    ${logsource}`,
    'detection:',
    detection.replace(/^\n/, ''),
    'level: medium',
    '',
  ].join('\n');
}

/** The queries of an inline rule; throws the SigmaError when it does not convert. */
export function eql(detection: string, request: Partial<ConvertRequest> = {}, logsource?: string): string[] {
  const result = createConverter({ target: 'eql', ...request }).text(ruleText(detection, logsource), 'test.yml');
  if (!result.ok) throw result.error;
  return [...result.queries];
}

/** The one query of an inline rule. */
export function eql1(detection: string, request: Partial<ConvertRequest> = {}, logsource?: string): string {
  const queries = eql(detection, request, logsource);
  if (queries.length !== 1) throw new Error(`expected one query, got ${queries.length}`);
  return queries[0] as string;
}
