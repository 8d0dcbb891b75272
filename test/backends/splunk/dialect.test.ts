/** The SPL dialect: terms, quoting and escaping, lists, keywords, and the commands around the search. */
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/convert.js';
import { loadPipelineYaml } from '../../../src/pipeline/index.js';
import { ruleText, spl } from './helpers.js';
import { unresolvedPlaceholderTests } from '../../support/placeholders.js';

const one = (item: string): string => spl(`    selection:\n        ${item}\n    condition: selection`);

describe('terms and escaping', () => {
  it('quotes every string and escapes " and \\ with a backslash', () => {
    expect(one(`CommandLine: 'say "hi" C:\\x'`)).toBe('CommandLine="say \\"hi\\" C:\\\\x"');
  });

  it('writes * for both wildcards (SPL has no one-character wildcard)', () => {
    expect(one(`Image: 'C:\\Windows\\Sys?em32\\a*.exe'`)).toBe('Image="C:\\\\Windows\\\\Sys*em32\\\\a*.exe"');
  });

  it('an escaped \\? is a literal ? (no wildcard in SPL)', () => {
    expect(one(`Image: 'What\\?'`)).toBe('Image="What?"');
  });

  it('numbers are bare, booleans true/false', () => {
    expect(one('EventID: 4624')).toBe('EventID=4624');
    expect(one('Initiated: true')).toBe('Initiated=true');
  });

  it('double-quotes field names that are not word characters and dots', () => {
    expect(one(`c-uri|contains: '/admin'`)).toBe('"c-uri"="*/admin*"');
    expect(one(`auditType.category: Permissions`)).toBe('auditType.category="Permissions"');
  });

  it('CIDR values are searched natively', () => {
    expect(one(`DestinationIp|cidr: '10.0.0.0/8'`)).toBe('DestinationIp="10.0.0.0/8"');
  });

  it('exists is field=* and not-exists NOT field=*', () => {
    expect(one('User|exists: true')).toBe('User=*');
    expect(one('User|exists: false')).toBe('NOT User=*');
  });

  it('numeric comparisons', () => {
    expect(one('Size|gt: 5')).toBe('Size>5');
    expect(one('Size|lte: 3')).toBe('Size<=3');
  });
});

describe('lists', () => {
  it('or-ed values of one field form an IN list, numbers and strings alike', () => {
    expect(one('EventID: [4624, 4625]')).toBe('EventID IN (4624, 4625)');
    expect(one(`Image|endswith: ['\\a.exe', '\\b.exe']`)).toBe('Image IN ("*\\\\a.exe", "*\\\\b.exe")');
  });

  it('a negated list is grouped: NOT (f IN (…))', () => {
    expect(spl(`    selection:\n        EventID: 1\n    filter:\n        OpNum: [0, 1]\n    condition: selection and not filter`)).toBe(
      'EventID=1 NOT (OpNum IN (0, 1))',
    );
  });

  it('|all values are and-ed terms', () => {
    expect(one(`CommandLine|contains|all: ['a', 'b']`)).toBe('CommandLine="*a*" CommandLine="*b*"');
  });

  it('windash variants are or-ed terms, never an IN list (as the reference)', () => {
    expect(one(`CommandLine|contains|windash: '-enc'`)).toBe(
      'CommandLine="*-enc*" OR CommandLine="*/enc*" OR CommandLine="*–enc*" OR CommandLine="*—enc*" OR CommandLine="*―enc*"',
    );
  });

  it('base64offset variants are or-ed terms', () => {
    expect(one(`CommandLine|base64offset|contains: 'http'`)).toBe('CommandLine="*aHR0c*" OR CommandLine="*h0dH*" OR CommandLine="*odHRw*"');
  });
});

describe('keywords', () => {
  it('are quoted bare terms, or-ed', () => {
    expect(spl(`    keywords:\n        - 'Trojan*FOUND'\n        - 'drop'\n    condition: keywords`)).toBe('"Trojan*FOUND" OR "drop"');
  });
});

describe('null', () => {
  it('not (field: null) is NOT NOT field=* (as the reference)', () => {
    expect(spl(`    selection:\n        EventID: 1\n    filter:\n        Image: null\n    condition: selection and not filter`)).toBe(
      'EventID=1 NOT NOT Image=*',
    );
  });
});

describe('regular expressions', () => {
  it('and-ed at the top: a | regex filter after the search, backslashes doubled and " escaped', () => {
    expect(
      spl(`    selection:\n        Image|endswith: '\\cmd.exe'\n        CommandLine|re: '\\s"[a-z]+"'\n    condition: selection`),
    ).toBe('Image="*\\\\cmd.exe"\n| regex CommandLine="\\\\s\\"[a-z]+\\""');
  });

  it('flags become a (?ims) prefix', () => {
    expect(one(`CommandLine|re|i: 'abc'`)).toBe('*\n| regex CommandLine="(?i)abc"');
    expect(one(`CommandLine|re|i|m|s: 'abc'`)).toBe('*\n| regex CommandLine="(?ims)abc"');
  });

  it('negated: regex field!="…"', () => {
    expect(
      spl(`    selection:\n        EventID: 1\n    filter:\n        CommandLine|re: 'a.c'\n    condition: selection and not filter`),
    ).toBe('EventID=1\n| regex CommandLine!="a.c"');
  });

  it('or-ed: rex stages, numbered per field, the data model prefix dropped from the names', () => {
    const q = spl(`    selection:\n        Processes.process|re: ['a.c', 'x.z']\n    condition: selection`);
    expect(q.split('\n| ')).toEqual([
      '*',
      'rex field=Processes.process "(?<processMatch>a.c)"',
      'eval processCondition=if(isnotnull(processMatch), "true", "false")',
      'rex field=Processes.process "(?<processMatch2>x.z)"',
      'eval processCondition2=if(isnotnull(processMatch2), "true", "false")',
      'search processCondition="true" OR processCondition2="true"',
    ]);
  });

  it('inside a negated group: a rex stage, so the negation covers the regex too', () => {
    const q = spl(
      `    selection:\n        EventID: 1\n    filter_a:\n        CommandLine|contains: 'x'\n    filter_b:\n        CommandLine|re: 'a.c'\n    condition: selection and not all of filter_*`,
    );
    expect(q.split('\n| ')).toEqual([
      'EventID=1',
      'rex field=CommandLine "(?<CommandLineMatch>a.c)"',
      'eval CommandLineCondition=if(isnotnull(CommandLineMatch), "true", "false")',
      'search NOT (CommandLine="*x*" CommandLineCondition="true")',
    ]);
  });
});

describe('field references', () => {
  it('and-ed: | where with both fields single-quoted; negated: where NOT', () => {
    expect(spl(`    selection:\n        EventID: 1\n        SubjectUserName|fieldref: TargetUserName\n    condition: selection`)).toBe(
      "EventID=1\n| where 'SubjectUserName'='TargetUserName'",
    );
    expect(
      spl(`    selection:\n        EventID: 1\n    filter:\n        User|fieldref: ParentUser\n    condition: selection and not filter`),
    ).toBe("EventID=1\n| where NOT 'User'='ParentUser'");
  });

  it('or-ed (the reference rejects it): an eval stage the search tests', () => {
    expect(
      spl(`    selection:\n        - SubjectUserName|fieldref: TargetUserName\n        - EventID: 4648\n    condition: selection`),
    ).toBe(
      '*\n| eval SubjectUserNameCondition=if(\'SubjectUserName\'=\'TargetUserName\', "true", "false")\n| search SubjectUserNameCondition="true" OR EventID=4648',
    );
  });
});

describe('cased strings', () => {
  it('are matched by a case-sensitive regex (SPL search terms are case-insensitive)', () => {
    expect(one(`CommandLine|cased: 'AbC'`)).toBe('CommandLine="AbC"\n| regex CommandLine="(?s)^AbC\\\\z"');
  });
});

describe('placeholders (|expand)', () => {
  unresolvedPlaceholderTests(spl, 8);

  it('a placeholder that a pipeline defines (value_placeholders) converts to its values', () => {
    const pipeline = loadPipelineYaml(`vars:\n  Admins: [root, admin]\ntransformations:\n  - type: value_placeholders`);
    const result = createConverter({ target: 'splunk', pipelines: [pipeline] }).text(
      ruleText(`    selection:\n        User|expand: '%Admins%'\n    condition: selection`),
      'test.yml',
    );
    expect(result.ok && result.queries).toEqual(['User IN ("root", "admin")']);
  });
});
