/** Rule texts for the validator tests: a clean SigmaHQ-style rule and ways to change one top-level key. */
import { validateRules, type Finding, type FileValidation, type ValidateOptions } from '../../src/index.js';

/** A rule that no validator reports (file name included): each test changes what its validator looks at. */
export const BASE: readonly (readonly [string, string])[] = [
  ['title', 'title: Whoami Execution By A Service Account'],
  ['id', 'id: 6f3b7c2e-9a41-4d6b-8c53-1f2e3d4c5b6a'],
  ['status', 'status: test'],
  ['description', 'description: Detects whoami.exe run by a service account, a common first step after an exploit.'],
  ['references', 'references:\n    - https://example.com/research/whoami'],
  ['author', 'author: Jane Doe'],
  ['date', 'date: 2024-01-15'],
  ['tags', 'tags:\n    - attack.discovery\n    - attack.t1033'],
  ['logsource', 'logsource:\n    category: process_creation\n    product: windows'],
  [
    'detection',
    "detection:\n    selection:\n        Image|endswith: '\\whoami.exe'\n        User|contains: 'svc_'\n    condition: selection",
  ],
  ['falsepositives', 'falsepositives:\n    - Administrators testing service accounts'],
  ['level', 'level: high'],
];

export const BASE_PATH = 'rules/windows/process_creation/proc_creation_win_whoami_service_account.yml';
export const TODAY = '2026-12-03';

/** The base rule with top-level keys replaced (a block of YAML text), removed (null) or added (new keys, at the end). */
export function rule(changes: Readonly<Record<string, string | null>> = {}): string {
  const out: string[] = [];
  for (const [key, block] of BASE) {
    if (key in changes) {
      const replaced = changes[key];
      if (replaced !== null && replaced !== undefined) out.push(replaced);
    } else out.push(block);
  }
  for (const [key, block] of Object.entries(changes)) if (!BASE.some(([k]) => k === key) && block !== null) out.push(block);
  return out.join('\n') + '\n';
}

/** The detection block with `selection` replaced by `body` (indented four spaces below `selection:`) and a condition. */
export function detection(body: string, condition = 'selection', more = ''): string {
  const indent = (s: string, n: number) =>
    s
      .split('\n')
      .map((l) => ' '.repeat(n) + l)
      .join('\n');
  return `detection:\n    selection:\n${indent(body, 8)}\n${more ? indent(more, 4) + '\n' : ''}    condition: ${condition}`;
}

export interface Source {
  readonly text: string;
  readonly path?: string;
}

export function validate(sources: readonly Source[], options: ValidateOptions = {}): FileValidation[] {
  return validateRules(
    sources.map((s) => ({ text: s.text, path: s.path ?? BASE_PATH })),
    { today: TODAY, ...options },
  );
}

/** The findings of one validator over some files (a load error fails the test with its message). */
export function findingsOf(id: string, sources: readonly Source[], options: ValidateOptions = {}): Finding[] {
  const results = validate(sources, { validators: [id], ...options });
  for (const r of results) if (r.error) throw new Error(`${r.path ?? ''} does not load: ${r.error.format()}`);
  return results.flatMap((r) => r.findings);
}
