/**
 * Output formats of the Splunk backend: `data_model` (tstats as the reference writes it), `escu` (the Splunk ESCU
 * house style of the seed detection, issue 4) and `savedsearches`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/convert.js';
import { SigmaError } from '../../../src/errors.js';
import { filterMacroName } from '../../../backends/splunk/pack/escu-common.js';
import { HAS_SHARED, SHARED, SHARED_MISSING, corpus, reference } from '../../support/corpus.js';
import { ruleText, spl, splText } from './helpers.js';

const SEED_RULE = 'rules/windows/process_creation/proc_creation_win_powershell_export_certificate.yml';

/** The ESCU search of issue 4 for the seed rule, exactly (one line per pipe). */
const ISSUE_ESCU = [
  '| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.process IN ("*Export-PfxCertificate *", "*Export-Certificate *") by Processes.action Processes.dest Processes.original_file_name Processes.parent_process Processes.parent_process_exec Processes.parent_process_guid Processes.parent_process_id Processes.parent_process_name Processes.parent_process_path Processes.process Processes.process_exec Processes.process_guid Processes.process_hash Processes.process_id Processes.process_integrity_level Processes.process_name Processes.process_path Processes.user Processes.user_id Processes.vendor_product',
  '| `drop_dm_object_name(Processes)`',
  '| `security_content_ctime(firstTime)`',
  '| `security_content_ctime(lastTime)`',
  '| `certificate_exported_via_powershell_filter`',
].join('\n');

describe.skipIf(!HAS_SHARED)(`escu format on the seed rule${HAS_SHARED ? '' : ` (skipped: ${SHARED_MISSING})`}`, () => {
  const seedText = (): string => readFileSync(join(SHARED, 'sigma', SEED_RULE), 'utf8');

  it('createConverter({target: splunk, pipelines: [splunk_cim], format: escu}) gives the ESCU search of issue 4 byte for byte', () => {
    const result = createConverter({ target: 'splunk', pipelines: ['splunk_cim'], format: 'escu' }).text(seedText(), SEED_RULE);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.queries).toEqual([ISSUE_ESCU]);
  });

  it('the ESCU search is built from the shared facts: the seed detection form, the ESCU by list, the reference where clause', () => {
    const [tstats, ...pipes] = ISSUE_ESCU.split('\n');
    // the by list of Endpoint.Processes, as read off ESCU detections
    const byFields = readFileSync(join(SHARED, 'formats', 'splunk', 'escu-by-fields.md'), 'utf8');
    const byList = /\| Endpoint\.Processes \| `([^`]+)` \|/.exec(byFields)?.[1];
    expect(tstats?.endsWith(` by ${byList}`)).toBe(true);
    // the where clause is the reference data model query's
    const dm = reference('splunk.splunk_cim.data_model').get(SEED_RULE);
    const where = dm?.ok ? / where (.*?) by /.exec(dm.queries[0] as string)?.[1] : undefined;
    expect(tstats).toContain(` where ${where} by `);
    // the tstats head and the macro pipes are the seed ESCU detection's
    const seed = readFileSync(join(SHARED, 'seeds', '000_a92db65dfc27c459.txt'), 'utf8');
    expect(seed).toContain(
      '| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime FROM datamodel=Endpoint.Processes',
    );
    for (const pipe of pipes.slice(0, 3)) expect(seed).toContain(pipe);
    expect(pipes[3]).toBe('| `certificate_exported_via_powershell_filter`');
  });
});

describe.skipIf(!HAS_SHARED)(`escu format over the corpus${HAS_SHARED ? '' : ` (skipped: ${SHARED_MISSING})`}`, () => {
  it('converts every rule the reference data_model form converts, each search ending with its filter macro; no exception escapes', () => {
    const converter = createConverter({ target: 'splunk', pipelines: ['splunk_cim'], format: 'escu' });
    const dm = reference('splunk.splunk_cim.data_model');
    const problems: string[] = [];
    for (const file of corpus()) {
      const result = converter.text(file.text, file.path);
      if (!result.ok) {
        if (result.error.code === 'internal' || dm.get(file.path)?.ok) problems.push(`${file.path}: ${result.error.message}`);
        continue;
      }
      for (const [i, q] of result.queries.entries()) {
        const rule = result.results[0]?.rule;
        if (
          !q.startsWith('| tstats `security_content_summariesonly` count ') ||
          !rule ||
          !q.endsWith(`| \`${filterMacroName(rule.title)}\``)
        ) {
          problems.push(`${file.path} #${i}: ${q.slice(0, 80)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('escu format', () => {
  const registry = `    selection:
        TargetObject|contains: '\\Software\\Microsoft\\Office\\'
        Details|re: '^0x0000000[12]$'
    condition: selection`;

  it('a regex filter runs after tstats, before the object names are dropped, on a field kept in the by list', () => {
    const q = splText(
      ruleText(registry, 'category: registry_set\n    product: windows', 'Office Macro Security Weakened'),
      ['splunk_cim'],
      'escu',
    );
    const lines = q.split('\n');
    expect(lines[0]).toMatch(
      /^\| tstats `security_content_summariesonly` count .* from datamodel=Endpoint\.Registry where Registry\.registry_path="\*\\\\Software\\\\Microsoft\\\\Office\\\\\*" by Registry\.action /,
    );
    expect(lines[0]).toContain(' Registry.registry_value_data ');
    expect(lines[1]).toBe('| regex Registry.registry_value_data="^0x0000000[12]$"');
    expect(lines.slice(2)).toEqual([
      '| `drop_dm_object_name(Registry)`',
      '| `security_content_ctime(firstTime)`',
      '| `security_content_ctime(lastTime)`',
      '| `office_macro_security_weakened_filter`',
    ]);
  });

  it('a rule the CIM pipeline does not map is an error record, not an exception', () => {
    const result = createConverter({ target: 'splunk', pipelines: ['splunk_cim'], format: 'escu' }).text(
      ruleText(`    selection:\n        EventID: 4624\n    condition: selection`, 'product: windows\n    service: security'),
      'x.yml',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBeInstanceOf(SigmaError);
  });

  it('without the splunk_cim pipeline there is no data model: a SigmaError says which pipeline to use', () => {
    expect(() => spl(`    selection:\n        CommandLine: x\n    condition: selection`, [], 'escu')).toThrow(/splunk_cim/);
  });
});

describe('data_model format', () => {
  it('a rex stage: where keeps the top-level plain terms, the full test runs as | search after the stages', () => {
    const q = spl(
      `    selection:
        Image|endswith: '\\curl.exe'
    selection_cli:
        - CommandLine|re: '\\s-k\\s'
        - CommandLine|contains: '--insecure'
    condition: all of selection*`,
      ['splunk_cim'],
      'data_model',
    );
    expect(q).toMatch(/ from datamodel=Endpoint\.Processes where Processes\.process_path="\*\\\\curl\.exe" by Processes\.process /);
    expect(q).toContain(
      ' | rex field=Processes.process "(?<processMatch>\\\\s-k\\\\s)" | eval processCondition=if(isnotnull(processMatch), "true", "false") | search processCondition="true" OR Processes.process="*--insecure*" | `drop_dm_object_name(Processes)` ',
    );
  });
});

describe('savedsearches format', () => {
  it('writes a savedsearches.conf with a stanza per rule whose search is the plain SPL', () => {
    const converter = createConverter({ target: 'splunk', format: 'savedsearches' });
    const result = converter.text(
      ruleText(`    selection:\n        CommandLine|contains: 'Export-Certificate '\n    condition: selection`, undefined, 'Cert Export'),
      'x.yml',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const finalize = converter.backend.formats['savedsearches']?.finalizeOutput;
    const conf = finalize?.(result.results) ?? '';
    expect(conf).toMatch(/^\[Cert Export\]$/m);
    expect(conf).toMatch(/^search = CommandLine="\*Export-Certificate \*"$/m);
  });
});

it.skipIf(!existsSync(join(SHARED, 'formats', 'splunk', 'escu-by-fields.md')))(
  'the ESCU by lists match escu-by-fields.md for every data model listed there',
  async () => {
    const { ESCU_BY_FIELDS } = await import('../../../backends/splunk/data-model.js');
    const text = readFileSync(join(SHARED, 'formats', 'splunk', 'escu-by-fields.md'), 'utf8');
    const rows = [...text.matchAll(/^\| ([\w.]+) \| `([^`]+)` \|/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const [, model, list] of rows) expect(ESCU_BY_FIELDS[model as string]?.join(' ')).toBe(list);
  },
);
