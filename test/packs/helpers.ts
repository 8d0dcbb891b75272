/** Shared fixtures of the pack-writer tests: paths into ../shared, the seed rule and its three queries. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SigmaRule } from '../../src/rule/ast.js';
import { loadRules } from '../../src/rule/load.js';
import type { ConvertedRule } from '../../src/packs/types.js';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED = resolve(here, '../../../shared');
export const HAS_SHARED = existsSync(join(SHARED, 'formats')) && existsSync(join(SHARED, 'seeds'));
export const SKIP_MESSAGE = '../shared is absent: pack-format tests against shared/formats are skipped';
if (!HAS_SHARED) console.warn(SKIP_MESSAGE);

export function sharedText(...parts: string[]): string {
  return readFileSync(join(SHARED, ...parts), 'utf8');
}

export const SEED_RULE_PATH = ['sigma', 'rules', 'windows', 'process_creation', 'proc_creation_win_powershell_export_certificate.yml'];

/** The seed rule "Certificate Exported Via PowerShell", loaded from ../shared. */
export function seedRule(): SigmaRule {
  const collection = loadRules(sharedText(...SEED_RULE_PATH), SEED_RULE_PATH.join('/'));
  const doc = collection.documents[0];
  if (doc?.kind !== 'rule') throw new Error('seed rule did not load as a rule');
  return doc;
}

/** The ESCU form of the seed rule's SPL, exactly as issue 4 states it (one line per pipe). */
export const SEED_SPL_ESCU = [
  '| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.process IN ("*Export-PfxCertificate *", "*Export-Certificate *") by Processes.action Processes.dest Processes.original_file_name Processes.parent_process Processes.parent_process_exec Processes.parent_process_guid Processes.parent_process_id Processes.parent_process_name Processes.parent_process_path Processes.process Processes.process_exec Processes.process_guid Processes.process_hash Processes.process_id Processes.process_integrity_level Processes.process_name Processes.process_path Processes.user Processes.user_id Processes.vendor_product',
  '| `drop_dm_object_name(Processes)`',
  '| `security_content_ctime(firstTime)`',
  '| `security_content_ctime(lastTime)`',
  '| `certificate_exported_via_powershell_filter`',
].join('\n');

/** The seed rule's EQL with `-p ecs_windows`, as issue 6 states it. */
export const SEED_EQL = 'any where process.command_line like~ ("*Export-PfxCertificate *", "*Export-Certificate *")';

/** The seed rule's KQL (sentinel_asim), read from the seed document 002 in ../shared/seeds. */
export function seedKql(): string {
  const text = sharedText('seeds', '002_47a6336fb685b4b0.txt');
  const lines = text.split('\n');
  const heading = lines.findIndex((l) => l.trim() === 'KQL (Azure Sentinel)');
  const start = lines.findIndex((l, i) => i > heading && l.trim() === 'imProcessCreate');
  const where = lines[start + 1];
  if (heading < 0 || start < 0 || where === undefined) throw new Error('KQL not found in seed 002');
  return `imProcessCreate\n${where.trim()}`;
}

export function converted(rule: SigmaRule, query: string, target: string): ConvertedRule {
  return { rule, queries: [query], target };
}

/** A rule built by hand for unit tests that need no ../shared. */
export function makeRule(overrides: Partial<SigmaRule> = {}): SigmaRule {
  return {
    kind: 'rule',
    title: 'Test Rule',
    id: '11111111-2222-4333-8444-555555555555',
    status: 'test',
    description: 'A rule for tests.',
    author: 'Alice, Bob (Org, Inc)',
    references: ['https://example.com/a', 'not a url'],
    date: '2024-01-02',
    tags: ['attack.execution', 'attack.t1059.001'],
    falsepositives: ['Admins'],
    level: 'high',
    logsource: { product: 'windows', category: 'process_creation' },
    detection: { selections: new Map(), conditions: [] },
    custom: {},
    source: { file: 'test.yml', line: 1, column: 1 },
    ...overrides,
  };
}

/**
 * A small `.conf` reader after Splunk's rules: `[stanza]` headers, `key = value`, `#` comments, and a line ending in
 * a backslash continuing the value on the next line (the line break kept). Returns stanzas in file order.
 */
export function parseConf(text: string): { name: string; settings: Map<string, string>; physicalLines: number }[] {
  const stanzas: { name: string; settings: Map<string, string>; physicalLines: number }[] = [];
  const lines = text.split('\n');
  let current: (typeof stanzas)[number] | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const header = /^\[(.*)\]\s*$/.exec(line);
    if (header) {
      current = { name: header[1] ?? '', settings: new Map(), physicalLines: 0 };
      stanzas.push(current);
      continue;
    }
    const kv = /^([^=\s][^=]*?)\s*=\s?(.*)$/.exec(line);
    if (!kv || !current) throw new Error(`line ${i + 1} is neither a stanza header nor key = value: ${line}`);
    let value = kv[2] ?? '';
    let physical = 1;
    while (value.endsWith('\\')) {
      const next = lines[i + 1];
      if (next === undefined) throw new Error(`line ${i + 1} continues past the end of the file`);
      value = `${value.slice(0, -1)}\n${next}`;
      i += 1;
      physical += 1;
    }
    const key = kv[1] ?? '';
    if (current.settings.has(key)) throw new Error(`[${current.name}] sets ${key} twice`);
    current.settings.set(key, value);
    current.physicalLines += physical;
  }
  return stanzas;
}
