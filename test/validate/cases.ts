/**
 * For every validator: files that must trigger it and files that must not, written from the validators' source
 * (pySigma `sigma/validators/core/*.py`, pySigma-validators-sigmaHQ `sigma/validators/sigmahq/*.py`).
 * `line`/`column` is where the first finding must point; `loadError` marks checks that sigmaform's loader already
 * refuses (the rule never reaches the validators; the load error names the problem instead).
 */
import type { ValidateOptions } from '../../src/index.js';
import { BASE_PATH, detection, rule, type Source } from './support.js';

export interface Case {
  readonly bad: readonly Source[];
  readonly good: readonly Source[];
  /** Findings expected in `bad` (default 1). */
  readonly count?: number;
  readonly line?: number;
  readonly column?: number;
  /** Text the first finding's message must contain. */
  readonly says?: string;
  readonly options?: ValidateOptions;
  /** The loader refuses `bad` with an error whose message matches. */
  readonly loadError?: RegExp;
}

const one = (text: string, path = BASE_PATH): Source[] => [{ text, path }];
const tags = (...list: string[]): string => `tags:\n${list.map((t) => `    - ${t}`).join('\n')}`;
const sel = (body: string, condition?: string, more?: string) => ({ detection: detection(body, condition, more) });
const SECOND = `selection_user:\n    User|contains: 'svc_'`;
const sysmon = 'logsource:\n    product: windows\n    service: sysmon';
const WHOAMI = "Image|endswith: '\\whoami.exe'";

const correlation = (type: string, rules: string[], groupBy: boolean): string => `title: Many Whoami Executions By One User
id: 0c5e1a7d-3b2f-4e8a-9d6c-7f1b2a3c4d5e
status: test
description: Counts whoami executions per user to find discovery bursts.
author: Jane Doe
date: 2024-01-15
correlation:
    type: ${type}
    rules:
${rules.map((r) => `        - ${r}`).join('\n')}
${groupBy ? '    group-by:\n        - User\n' : ''}    timespan: 1h
${type === 'event_count' ? '    condition:\n        gte: 5\n' : ''}level: high
`;

export const CASES: Readonly<Record<string, Case>> = {
  // ───────────────────────────── pySigma core ─────────────────────────────
  all_of_them_condition: {
    bad: one(rule(sel(WHOAMI, 'all of them', SECOND))),
    good: one(rule(sel(WHOAMI, 'all of selection*', SECOND))),
    line: 20,
    column: 16,
  },
  attacktag: {
    bad: one(rule({ tags: tags('attack.discovery', 'attack.t1033', 'attack.t9999') })),
    good: one(
      rule({
        tags: tags('attack.stealth', 'attack.defense-impairment', 'attack.t1685', 'attack.t1685.001', 'attack.g0016', 'attack.s0002'),
      }),
    ),
    line: 12,
    column: 7,
    says: 'attack.t9999',
  },
  cartag: { bad: one(rule({ tags: tags('car.2016-04-05') })), good: one(rule({ tags: tags('car.2016-04-005') })), line: 10 },
  control_character: {
    bad: one(rule(sel('CommandLine|contains: "C:\\temp"'))),
    good: one(rule(sel("CommandLine|contains: 'C:\\temp'"))),
    line: 17,
    says: 'U+0009',
  },
  custom_attributes: {
    bad: one(rule({ realted: 'realted:\n    - id: 1d8a5c4b-2e3f-4a6b-8c7d-9e0f1a2b3c4d\n      type: derived' })),
    good: one(rule()),
    line: 23,
    says: "'related'",
  },
  cvetag: { bad: one(rule({ tags: tags('cve.CVE-2021-44228') })), good: one(rule({ tags: tags('cve.2021-44228') })) },
  d3_fendtag: { bad: one(rule({ tags: tags('d3fend.foo') })), good: one(rule({ tags: tags('d3fend.d3-al', 'd3fend.harden') })) },
  dangling_condition: {
    bad: one(rule(sel(WHOAMI, 'selection or nothing_here'))),
    good: one(rule()),
    loadError: /refers to 'nothing_here'/,
  },
  dangling_detection: {
    bad: one(rule(sel(WHOAMI, 'selection', "filter:\n    User: 'SYSTEM'"))),
    good: one(rule(sel(WHOAMI, 'selection and not filter', "filter:\n    User: 'SYSTEM'"))),
    line: 18,
    column: 5,
    says: "'filter'",
  },
  detection_tag: { bad: one(rule({ tags: tags('detection.hunting') })), good: one(rule({ tags: tags('detection.threat-hunting') })) },
  double_wildcard: {
    bad: one(rule(sel("CommandLine: '*whoami**'"))),
    good: one(rule(sel("CommandLine: '*whoami*'"))),
    line: 17,
    column: 22,
  },
  duplicate_filename: {
    bad: [
      { text: rule(), path: 'rules/a/proc_creation_win_whoami.yml' },
      {
        text: rule({ title: 'title: Other Whoami Rule', id: 'id: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
        path: 'rules/b/proc_creation_win_whoami.yml',
      },
    ],
    good: [
      { text: rule(), path: 'rules/a/proc_creation_win_whoami.yml' },
      {
        text: rule({ title: 'title: Other Whoami Rule', id: 'id: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
        path: 'rules/b/proc_creation_win_whoami_other.yml',
      },
    ],
    count: 2,
    says: 'rules/b/proc_creation_win_whoami.yml',
  },
  duplicate_references: {
    bad: one(rule({ references: 'references:\n    - https://example.com/a\n    - https://example.com/a' })),
    good: one(rule({ references: 'references:\n    - https://example.com/a\n    - https://example.com/b' })),
    line: 7,
  },
  duplicate_tag: { bad: one(rule({ tags: tags('attack.discovery', 'attack.t1033', 'attack.discovery') })), good: one(rule()), line: 12 },
  duplicate_title: {
    bad: [
      { text: rule(), path: 'rules/a/proc_creation_win_whoami_a.yml' },
      { text: rule({ id: 'id: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }), path: 'rules/a/proc_creation_win_whoami_b.yml' },
    ],
    good: [
      { text: rule(), path: 'rules/a/proc_creation_win_whoami_a.yml' },
      {
        text: rule({ title: 'title: Other Whoami Rule', id: 'id: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
        path: 'rules/a/proc_creation_win_whoami_b.yml',
      },
    ],
    count: 2,
    line: 1,
    column: 8,
  },
  escaped_wildcard: {
    bad: one(rule(sel("CommandLine|contains: 'what\\*'"))),
    good: one(rule(sel("CommandLine|contains: 'what*'"))),
    line: 17,
  },
  fieldname_logsource: {
    bad: one(rule({ logsource: 'logsource:\n    category: process_creation\n    product: windows\n    vendor: microsoft' })),
    good: one(
      rule({
        logsource: 'logsource:\n    category: process_creation\n    product: windows\n    definition: Sysmon or 4688 with command line',
      }),
    ),
    line: 15,
    column: 5,
  },
  filename_length: {
    bad: one(rule(), 'rules/x/a_b.yml'),
    good: one(rule()),
    says: '7 characters',
  },
  identifier_existence: { bad: one(rule({ id: null })), good: one(rule()) },
  identifier_uniqueness: {
    bad: [
      { text: rule(), path: 'rules/a/proc_creation_win_whoami_a.yml' },
      { text: rule({ title: 'title: Other Whoami Rule' }), path: 'rules/a/proc_creation_win_whoami_b.yml' },
    ],
    good: [
      { text: rule(), path: 'rules/a/proc_creation_win_whoami_a.yml' },
      {
        text: rule({ title: 'title: Other Whoami Rule', id: 'id: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
        path: 'rules/a/proc_creation_win_whoami_b.yml',
      },
    ],
    count: 2,
    line: 2,
    column: 5,
  },
  invalid_modifier_combinations: {
    bad: one(rule(sel("CommandLine|all:\n    - 'whoami'\n    - '/all'"))),
    good: one(rule(sel("CommandLine|contains|all:\n    - 'whoami'\n    - '/all'"))),
    line: 17,
    column: 9,
    says: "'all' without 'contains'",
  },
  namespace_tag: {
    bad: one(rule({ tags: tags('attack.discovery', 'attack.t1033', 'foo.bar') })),
    good: one(rule()),
    line: 12,
    says: "'foo'",
  },
  number_as_string: { bad: one(rule(sel("ProcessId: '1234'"))), good: one(rule(sel('ProcessId: 1234'))), line: 17, column: 20 },
  specific_instead_of_generic_logsource: {
    bad: one(
      rule({ logsource: sysmon, ...sel("EventID: 1\nImage|endswith: '\\whoami.exe'") }),
      'rules/windows/sysmon/sysmon_whoami_execution.yml',
    ),
    good: one(
      rule({ logsource: 'logsource:\n    product: windows\n    service: security', ...sel('EventID: 4624') }),
      'rules/windows/builtin/security/win_security_logon_whoami.yml',
    ),
    line: 17,
    column: 18,
    says: "'process_creation'",
  },
  stptag: { bad: one(rule({ tags: tags('stp.6') })), good: one(rule({ tags: tags('stp.1u', 'stp.3') })) },
  tag_format: { bad: one(rule({ tags: tags('attack.discovery', 'attack.T1033') })), good: one(rule()), line: 11, says: "'attack.t1033'" },
  them_condition_with_single_detection: {
    bad: one(rule(sel(WHOAMI, '1 of them'))),
    good: one(rule(sel(WHOAMI, '1 of them', SECOND))),
    line: 18,
  },
  tlptag: { bad: one(rule({ tags: tags('tlp.blue') })), good: one(rule({ tags: tags('tlp.white', 'tlp.amber-strict') })) },
  tlpv1_tag: { bad: one(rule({ tags: tags('tlp.clear') })), good: one(rule({ tags: tags('tlp.white') })) },
  tlpv2_tag: { bad: one(rule({ tags: tags('tlp.white') })), good: one(rule({ tags: tags('tlp.clear') })) },
  wildcards_instead_of_modifiers: {
    bad: one(rule(sel("CommandLine:\n    - '*whoami*'\n    - '*hostname*'"))),
    good: one(rule(sel("CommandLine|contains:\n    - 'whoami'\n    - 'hostname'\nImage:\n    - '*a*'\n    - 'b*'\nParentImage: '*'"))),
    line: 17,
    column: 9,
    says: "'contains'",
  },

  // ───────────────────────────── SigmaHQ plugin ─────────────────────────────
  sigmahq_author_existence: { bad: one(rule({ author: null })), good: one(rule()) },
  sigmahq_category_event_id: { bad: one(rule(sel(`EventID: 1\n${WHOAMI}`))), good: one(rule()), line: 17, column: 9 },
  sigmahq_category_windows_provider_name: {
    bad: one(rule(sel(`Provider_Name: 'Microsoft-Windows-Sysmon'\n${WHOAMI}`))),
    good: one(rule(sel(`Provider_Name: 'Some-Other-Provider'\n${WHOAMI}`))),
    line: 17,
  },
  sigmahq_correlation_filename_prefix: {
    bad: one(correlation('event_count', ['6f3b7c2e-9a41-4d6b-8c53-1f2e3d4c5b6a'], true), 'rules/windows/whoami_many_executions.yml'),
    good: one(
      correlation('event_count', ['6f3b7c2e-9a41-4d6b-8c53-1f2e3d4c5b6a'], true),
      'rules/windows/correlation_whoami_many_executions.yml',
    ),
  },
  sigmahq_correlation_group_by_existence: {
    bad: one(correlation('event_count', ['6f3b7c2e-9a41-4d6b-8c53-1f2e3d4c5b6a'], false), 'rules/correlation_whoami_many.yml'),
    good: one(correlation('event_count', ['6f3b7c2e-9a41-4d6b-8c53-1f2e3d4c5b6a'], true), 'rules/correlation_whoami_many.yml'),
    line: 7,
  },
  sigmahq_correlation_rules_minimum: {
    bad: one(correlation('temporal', ['6f3b7c2e-9a41-4d6b-8c53-1f2e3d4c5b6a'], true), 'rules/correlation_whoami_many.yml'),
    good: one(
      correlation('temporal', ['6f3b7c2e-9a41-4d6b-8c53-1f2e3d4c5b6a', '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'], true),
      'rules/correlation_whoami_many.yml',
    ),
    line: 10,
  },
  sigmahq_date_existence: { bad: one(rule({ date: null })), good: one(rule()) },
  sigmahq_description_existence: { bad: one(rule({ description: null })), good: one(rule()) },
  sigmahq_description_length: { bad: one(rule({ description: 'description: Whoami run' })), good: one(rule()), line: 4, column: 14 },
  sigmahq_falsepositives_banned_word: {
    bad: one(rule({ falsepositives: 'falsepositives:\n    - Pentest activity' })),
    good: one(rule({ falsepositives: 'falsepositives:\n    - Penetrating analysis of logs' })),
    line: 21,
    says: "'Pentest'",
  },
  sigmahq_falsepositives_capital: {
    bad: one(rule({ falsepositives: 'falsepositives:\n    - administrators testing' })),
    good: one(rule()),
    line: 21,
  },
  sigmahq_falsepositives_typo_word: {
    bad: one(rule({ falsepositives: 'falsepositives:\n    - Unkown' })),
    good: one(rule({ falsepositives: 'falsepositives:\n    - Unknown' })),
  },
  sigmahq_field_duplicate_value: {
    bad: one(rule(sel("Image|endswith:\n    - '\\whoami.exe'\n    - '\\WHOAMI.EXE'"))),
    good: one(rule(sel("Image|endswith:\n    - '\\whoami.exe'\n    - '\\hostname.exe'\nCommandLine|re:\n    - 'whoami'\n    - 'WHOAMI'"))),
    line: 19,
  },
  sigmahq_field_user: { bad: one(rule(sel(`${WHOAMI}\nUser|contains: 'AUTHORI'`))), good: one(rule()), line: 18 },
  sigmahq_fieldname_cast: {
    bad: one(rule(sel("commandline|contains: 'whoami'"))),
    good: one(rule()),
    says: "'CommandLine'",
    line: 17,
    column: 9,
  },
  sigmahq_fields_existence: { bad: one(rule({ fields: 'fields:\n    - CommandLine' })), good: one(rule()), line: 23 },
  sigmahq_filename_convention: { bad: one(rule(), 'rules/windows/Proc_Creation_Win_Whoami.yml'), good: one(rule()) },
  sigmahq_filename_prefix: {
    bad: one(rule(), 'rules/windows/win_whoami_service_account.yml'),
    good: one(rule()),
    says: "'proc_creation_win_'",
  },
  sigmahq_github_link: {
    bad: one(rule({ references: 'references:\n    - https://github.com/SigmaHQ/sigma/blob/master/README.md' })),
    good: one(
      rule({ references: 'references:\n    - https://github.com/SigmaHQ/sigma/blob/bd2a4c37efde5f69f87040173e990f1f6ff9e234/README.md' }),
    ),
    line: 6,
  },
  sigmahq_invalid_all_modifier: {
    bad: one(rule(sel("CommandLine|contains|all: 'whoami'"))),
    good: one(rule(sel("CommandLine|contains|all:\n    - 'whoami'\n    - '/all'"))),
    loadError: /modifier 'all' needs a list of two or more values/,
  },
  sigmahq_invalid_fieldname: { bad: one(rule(sel("NotAField: 'x'"))), good: one(rule()), line: 17, says: "'NotAField'" },
  sigmahq_invalid_hash_kv: {
    bad: one(rule(sel("Hashes|contains:\n    - 'SHA256=abc'\n    - 'CRC32=0123abcd'\n    - 'nohash'"))),
    good: one(
      rule(sel("Hashes|contains:\n    - 'MD5=0123456789abcdef0123456789ABCDEF'\n    - 'IMPHASH=0123456789abcdef0123456789abcdef'")),
    ),
    count: 3,
    line: 18,
  },
  sigmahq_level_existence: { bad: one(rule({ level: null })), good: one(rule()) },
  sigmahq_link_in_description: {
    bad: one(rule({ description: 'description: Detects whoami, see https://example.com/x', references: null })),
    good: one(rule({ description: 'description: Detects whoami, see https://example.com/x' })),
    line: 4,
  },
  sigmahq_logsource_unknown: {
    bad: one(rule({ logsource: 'logsource:\n    category: process_creations\n    product: windows' })),
    good: one(rule()),
    line: 12,
    column: 1,
  },
  sigmahq_missing_asterisk_condition: {
    bad: one(rule(sel(WHOAMI, '1 of selection'))),
    good: one(rule(sel(WHOAMI, '1 of selection*'))),
    line: 18,
  },
  sigmahq_mitre_link: {
    bad: one(rule({ references: 'references:\n    - https://attack.mitre.org/techniques/T1033/' })),
    good: one(rule()),
    line: 6,
  },
  sigmahq_modified_date_order: {
    bad: one(rule({ modified: 'modified: 2023-12-01' })),
    good: one(rule({ modified: 'modified: 2024-02-01' })),
    line: 23,
  },
  sigmahq_modified_without_date: { bad: one(rule({ date: 'modified: 2024-02-01' })), good: one(rule()), line: 8 },
  sigmahq_ofselection_condition: {
    bad: one(rule({ detection: "detection:\n    sel_image:\n        Image|endswith: '\\whoami.exe'\n    condition: 1 of sel_*" })),
    good: one(
      rule({
        detection:
          "detection:\n    sel_image:\n        Image|endswith: '\\whoami.exe'\n    sel_user:\n        User|contains: 'svc_'\n    condition: 1 of sel_*",
      }),
    ),
    line: 18,
  },
  sigmahq_ofthem_condition: { bad: one(rule(sel(WHOAMI, '1 of them'))), good: one(rule(sel(WHOAMI, '1 of them', SECOND))) },
  sigmahq_redundant_field: { bad: one(rule(sel(`Channel: 'Security'\n${WHOAMI}`))), good: one(rule()), line: 17, says: "'Channel'" },
  sigmahq_redundant_modified: {
    bad: one(rule({ modified: 'modified: 2024-01-15' })),
    good: one(rule({ modified: 'modified: 2024-02-01' })),
    line: 23,
  },
  sigmahq_space_field_name: { bad: one(rule(sel("'Command Line': 'whoami'"))), good: one(rule()), line: 17 },
  sigmahq_status: { bad: one(rule({ status: 'status: deprecated' })), good: one(rule()), line: 3, column: 9 },
  sigmahq_status_existence: { bad: one(rule({ status: null })), good: one(rule()) },
  sigmahq_status_to_high: {
    bad: one(rule({ status: 'status: stable', date: 'date: 2026-11-20' })),
    good: [
      { text: rule({ status: 'status: experimental', date: 'date: 2026-11-20' }), path: BASE_PATH },
      {
        text: rule({
          title: 'title: Other',
          id: 'id: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          status: 'status: stable',
          date: 'date: 2026-11-20',
          regression_tests_path: 'regression_tests_path: regression_data/x/info.yml',
        }),
        path: 'rules/windows/process_creation/proc_creation_win_other_rule.yml',
      },
      {
        text: rule({
          title: 'title: Third',
          id: 'id: 8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          status: 'status: stable',
          date: 'date: 2026-01-20',
        }),
        path: 'rules/windows/process_creation/proc_creation_win_third_rule.yml',
      },
    ],
    line: 3,
    says: '13 days old',
  },
  sigmahq_sysmon_missing_eventid: {
    bad: one(rule({ logsource: sysmon, ...sel(WHOAMI) }), 'rules/windows/sysmon/sysmon_whoami_execution.yml'),
    good: one(rule({ logsource: sysmon, ...sel(`EventID: 1\n${WHOAMI}`) }), 'rules/windows/sysmon/sysmon_whoami_execution.yml'),
    line: 15,
  },
  sigmahq_tags_detection: {
    bad: one(rule(), 'rules-threat-hunting/windows/process_creation/proc_creation_win_whoami_service_account.yml'),
    good: one(
      rule({ tags: tags('attack.discovery', 'attack.t1033', 'detection.threat-hunting') }),
      'rules-threat-hunting/windows/process_creation/proc_creation_win_whoami_service_account.yml',
    ),
    says: 'detection.threat-hunting',
  },
  sigmahq_tags_techniques_without_tactics: {
    bad: one(rule({ tags: tags('attack.t1033', 'attack.t1685') })),
    good: one(rule({ tags: tags('attack.discovery', 'attack.t1033', 'attack.defense-impairment', 'attack.t1685') })),
    count: 2,
    says: "add the tag 'attack.discovery'",
  },
  sigmahq_tags_tlp: { bad: one(rule({ tags: tags('tlp.amber') })), good: one(rule({ tags: tags('tlp.clear') })) },
  sigmahq_tags_unique_detection: {
    bad: one(rule({ tags: tags('detection.dfir', 'detection.threat-hunting') })),
    good: one(rule({ tags: tags('detection.dfir') })),
  },
  sigmahq_tags_unique_tlp: { bad: one(rule({ tags: tags('tlp.clear', 'tlp.green') })), good: one(rule({ tags: tags('tlp.clear') })) },
  sigmahq_title_case: {
    bad: one(rule({ title: 'title: Whoami execution By A Service Account' })),
    good: one(rule({ title: 'title: Whoami.exe Run via cmd.exe or over 2fa_tokens/keys With the Service Account' })),
    says: "'execution'",
    line: 1,
  },
  sigmahq_title_end: { bad: one(rule({ title: 'title: Whoami Execution.' })), good: one(rule()) },
  sigmahq_title_length: { bad: one(rule({ title: `title: ${'Whoami '.repeat(18)}` })), good: one(rule()) },
  sigmahq_title_start: {
    bad: one(rule({ title: 'title: Detects Whoami Execution' })),
    good: one(rule({ title: 'title: Detection Of Whoami' })),
  },
  sigmahq_unknown_field: {
    bad: one(rule({ owner: 'owner: soc' })),
    good: one(
      rule({
        regression_tests_path: 'regression_tests_path: regression_data/x/info.yml',
        simulation: 'simulation:\n    - type: atomic-red-team',
      }),
    ),
    line: 23,
    says: "'owner'",
  },
  sigmahq_unsupported_regex_group_construct: {
    bad: one(rule(sel("CommandLine|re: 'whoami(?!\\.exe)'"))),
    good: one(rule(sel("CommandLine|re: 'whoami\\.exe'"))),
    line: 17,
    says: '(?!',
  },
};
