/**
 * Test outcomes as JUnit XML, the report CI systems read (GitLab, Jenkins, GitHub test reporters): one
 * <testsuite> per suite, one <testcase> per case with <failure>, <error> or <skipped>; times in seconds.
 */
import type { CaseOutcome } from './suite.js';

/** Text safe in XML 1.0 content and attributes (characters XML cannot hold are dropped). */
function xml(text: string): string {
  return [...text]
    .filter((ch) => {
      const c = ch.codePointAt(0) as number;
      return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    })
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function counts(outcomes: readonly CaseOutcome[]): string {
  const n = (s: CaseOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const ms = outcomes.reduce((t, o) => t + o.ms, 0);
  return `tests="${outcomes.length}" failures="${n('failed')}" errors="${n('error')}" skipped="${n('skipped')}" time="${seconds(ms)}"`;
}

function testcase(o: CaseOutcome): string {
  const head = `    <testcase classname="${xml(o.suite)}" name="${xml(o.name)}" time="${seconds(o.ms)}"`;
  const message = xml(o.message ?? '');
  const body = xml(o.detail ?? '');
  switch (o.status) {
    case 'passed':
      return `${head}/>`;
    case 'failed':
      return `${head}>\n      <failure message="${message}" type="assertion">${body}</failure>\n    </testcase>`;
    case 'error':
      return `${head}>\n      <error message="${message}" type="rule">${body}</error>\n    </testcase>`;
    case 'skipped':
      return `${head}>\n      <skipped message="${message}"/>\n    </testcase>`;
    default: {
      const never: never = o.status;
      return never;
    }
  }
}

/** The JUnit XML document for a run (suites in the order of their first case). */
export function toJUnitXml(outcomes: readonly CaseOutcome[], name = 'sigmaform'): string {
  const suites = new Map<string, CaseOutcome[]>();
  for (const o of outcomes) {
    const list = suites.get(o.suite);
    if (list) list.push(o);
    else suites.set(o.suite, [o]);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${xml(name)}" ${counts(outcomes)}>`];
  for (const [suite, list] of suites) {
    lines.push(`  <testsuite name="${xml(suite)}" ${counts(list)}>`, ...list.map(testcase), '  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
