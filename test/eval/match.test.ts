/**
 * Sigma matching semantics, one behaviour per test. Rules are written as YAML and loaded by the real loader
 * (so each test also checks that a modifier's effect reaches the evaluator); expected results follow the
 * specification (../shared/sigma/spec).
 */
import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { match } from '../../src/eval/match.js';
import { fires, ruleFromDetection } from './helpers.js';

const r = String.raw;

describe('strings', () => {
  it('a plain value equals the whole field value, case-insensitively', () => {
    expect(fires(r`sel: {Image: 'C:\Windows\System32\cmd.exe'}` + '\ncondition: sel', { Image: 'c:\\windows\\system32\\CMD.EXE' })).toBe(
      true,
    );
    expect(fires(`sel: {Image: cmd.exe}\ncondition: sel`, { Image: 'C:\\cmd.exe' })).toBe(false);
  });

  it('cased compares case-sensitively', () => {
    const rule = `sel:\n  CommandLine|contains|cased: 'EvilTool'\ncondition: sel`;
    expect(fires(rule, { CommandLine: 'run EvilTool now' })).toBe(true);
    expect(fires(rule, { CommandLine: 'run eviltool now' })).toBe(false);
  });

  it('contains, startswith and endswith put the wildcard where they say', () => {
    expect(fires(`sel: {CommandLine|contains: whoami}\ncondition: sel`, { CommandLine: 'cmd /c WHOAMI /all' })).toBe(true);
    expect(fires(`sel: {CommandLine|startswith: cmd}\ncondition: sel`, { CommandLine: 'cmd /c x' })).toBe(true);
    expect(fires(`sel: {CommandLine|startswith: cmd}\ncondition: sel`, { CommandLine: 'x cmd' })).toBe(false);
    expect(fires(r`sel: {Image|endswith: '\cmd.exe'}` + '\ncondition: sel', { Image: 'C:\\Windows\\cmd.exe' })).toBe(true);
    expect(fires(r`sel: {Image|endswith: '\cmd.exe'}` + '\ncondition: sel', { Image: 'C:\\Windows\\cmd.exe.bak' })).toBe(false);
  });

  it('wildcards * and ? inside a value, and escaped wildcards are literal', () => {
    // Sigma `C:\\*`: a backslash, then the wildcard (`\*` alone would be a literal star)
    expect(fires(r`sel: {Image: 'C:\\*\prog?.exe'}` + '\ncondition: sel', { Image: 'C:\\Tools\\x\\progA.exe' })).toBe(true);
    expect(fires(r`sel: {Image: 'C:\\*\prog?.exe'}` + '\ncondition: sel', { Image: 'C:\\Tools\\prog.exe' })).toBe(false);
    expect(fires(r`sel: {Image: 'C:\*'}` + '\ncondition: sel', { Image: 'C:*' })).toBe(true);
    expect(fires(r`sel: {Image: 'C:\*'}` + '\ncondition: sel', { Image: 'C:\\x' })).toBe(false);
    expect(fires(r`sel: {Query|contains: 'select \*'}` + '\ncondition: sel', { Query: 'SELECT * FROM t' })).toBe(true);
    expect(fires(r`sel: {Query|contains: 'select \*'}` + '\ncondition: sel', { Query: 'select a from t' })).toBe(false);
  });

  it('a string value matches a number field by its text', () => {
    expect(fires(`sel: {EventID: '4688'}\ncondition: sel`, { EventID: 4688 })).toBe(true);
  });

  it('an empty string matches only an empty value', () => {
    expect(fires(`sel: {CommandLine: ''}\ncondition: sel`, { CommandLine: '' })).toBe(true);
    expect(fires(`sel: {CommandLine: ''}\ncondition: sel`, { CommandLine: 'x' })).toBe(false);
  });
});

describe('lists and maps', () => {
  it('the values of a list are or-ed', () => {
    const rule = r`sel:
  Image|endswith:
    - '\a.exe'
    - '\b.exe'
condition: sel`;
    expect(fires(rule, { Image: 'C:\\b.exe' })).toBe(true);
    expect(fires(rule, { Image: 'C:\\c.exe' })).toBe(false);
  });

  it('all and-s the values of a list', () => {
    const rule = `sel:\n  CommandLine|contains|all: [' -a', ' -b']\ncondition: sel`;
    expect(fires(rule, { CommandLine: 'x -b -a' })).toBe(true);
    expect(fires(rule, { CommandLine: 'x -a' })).toBe(false);
  });

  it('the fields of a map are and-ed', () => {
    const rule = `sel:\n  User: admin\n  Image|endswith: x.exe\ncondition: sel`;
    expect(fires(rule, { User: 'ADMIN', Image: 'C:\\x.exe' })).toBe(true);
    expect(fires(rule, { User: 'guest', Image: 'C:\\x.exe' })).toBe(false);
  });

  it('a list of maps is or-ed', () => {
    const rule = `sel:\n  - Image|endswith: a.exe\n  - Description: Test\ncondition: sel`;
    expect(fires(rule, { Image: 'b.exe', Description: 'test' })).toBe(true);
    expect(fires(rule, { Image: 'b.exe', Description: 'other' })).toBe(false);
  });

  it('a field with several values (an array) matches when any value does', () => {
    expect(fires(`sel: {Tags: b}\ncondition: sel`, { Tags: ['a', 'b'] })).toBe(true);
  });
});

describe('numbers, booleans, null and exists', () => {
  it('a number matches a numeric field and a numeric string, not other text', () => {
    const rule = `sel: {EventID: 4688}\ncondition: sel`;
    expect(fires(rule, { EventID: 4688 })).toBe(true);
    expect(fires(rule, { EventID: '4688' })).toBe(true);
    expect(fires(rule, { EventID: '4688x' })).toBe(false);
    expect(fires(rule, { EventID: 4689 })).toBe(false);
  });

  it('a list of numbers is or-ed', () => {
    expect(fires(`sel: {EventID: [517, 1102]}\ncondition: sel`, { EventID: 1102 })).toBe(true);
  });

  it('a boolean matches a JSON boolean and its text', () => {
    expect(fires(`sel: {Enabled: true}\ncondition: sel`, { Enabled: true })).toBe(true);
    expect(fires(`sel: {Enabled: true}\ncondition: sel`, { Enabled: 'True' })).toBe(true);
    expect(fires(`sel: {Enabled: true}\ncondition: sel`, { Enabled: false })).toBe(false);
  });

  it('null matches an absent field, a JSON null and an empty value, not a value', () => {
    const rule = `sel: {ParentUser: null}\ncondition: sel`;
    expect(fires(rule, {})).toBe(true);
    expect(fires(rule, { ParentUser: null })).toBe(true);
    expect(fires(rule, { ParentUser: '' })).toBe(true);
    expect(fires(rule, { ParentUser: 'x' })).toBe(false);
  });

  it('not null matches any value', () => {
    expect(fires(`sel: {ParentUser: null}\ncondition: not sel`, { ParentUser: 'x' })).toBe(true);
  });

  it('exists checks presence only, even of an empty or null value', () => {
    const present = `sel: {ParentUser|exists: true}\ncondition: sel`;
    const absent = `sel: {ParentUser|exists: false}\ncondition: sel`;
    expect(fires(present, { ParentUser: '' })).toBe(true);
    expect(fires(present, { ParentUser: null })).toBe(true);
    expect(fires(present, {})).toBe(false);
    expect(fires(absent, {})).toBe(true);
    expect(fires(absent, { ParentUser: 'x' })).toBe(false);
  });
});

describe('comparisons', () => {
  it('lt, lte, gt and gte compare numbers and numeric strings', () => {
    expect(fires(`sel: {Size|gt: 100}\ncondition: sel`, { Size: 101 })).toBe(true);
    expect(fires(`sel: {Size|gt: 100}\ncondition: sel`, { Size: 100 })).toBe(false);
    expect(fires(`sel: {Size|gte: 100}\ncondition: sel`, { Size: '100' })).toBe(true);
    expect(fires(`sel: {Size|lt: 100}\ncondition: sel`, { Size: 99.5 })).toBe(true);
    expect(fires(`sel: {Size|lte: 100}\ncondition: sel`, { Size: 100 })).toBe(true);
    expect(fires(`sel: {Size|lte: 100}\ncondition: sel`, { Size: 101 })).toBe(false);
  });

  it('a value that is not a number never compares', () => {
    expect(fires(`sel: {Size|lt: 100}\ncondition: sel`, { Size: 'small' })).toBe(false);
    expect(fires(`sel: {Size|lt: 100}\ncondition: sel`, {})).toBe(false);
  });

  it('neq matches when the field equals none of the values', () => {
    const rule = `sel:\n  Image|endswith: x.exe\n  User|neq:\n    - SYSTEM\n    - admin\ncondition: sel`;
    expect(fires(rule, { Image: 'x.exe', User: 'bob' })).toBe(true);
    expect(fires(rule, { Image: 'x.exe', User: 'system' })).toBe(false);
    expect(fires(rule, { Image: 'x.exe', User: 'Admin' })).toBe(false);
  });
});

describe('cidr', () => {
  it('matches IPv4 and IPv6 networks', () => {
    const rule = `sel:\n  DestinationIp|cidr:\n    - 10.0.0.0/8\n    - 'fe80::/10'\ncondition: sel`;
    expect(fires(rule, { DestinationIp: '10.1.2.3' })).toBe(true);
    expect(fires(rule, { DestinationIp: 'fe80::1' })).toBe(true);
    expect(fires(rule, { DestinationIp: '192.168.0.1' })).toBe(false);
    expect(fires(rule, { DestinationIp: '::ffff:10.0.0.1' })).toBe(true);
  });
});

describe('fieldref', () => {
  const rule = `sel:\n  TargetFilename|fieldref: Image\ncondition: sel`;
  it('compares with another field of the same event, case-insensitively', () => {
    expect(fires(rule, { TargetFilename: 'C:\\x.exe', Image: 'c:\\X.EXE' })).toBe(true);
    expect(fires(rule, { TargetFilename: 'C:\\x.exe', Image: 'C:\\y.exe' })).toBe(false);
  });
  it('never matches when either field is absent', () => {
    expect(fires(rule, { TargetFilename: 'C:\\x.exe' })).toBe(false);
  });
  it('with neq, matches when the fields differ', () => {
    const neq = `sel:\n  User|fieldref|neq: ParentUser\ncondition: sel`;
    expect(fires(neq, { User: 'a', ParentUser: 'b' })).toBe(true);
    expect(fires(neq, { User: 'a', ParentUser: 'A' })).toBe(false);
  });
});

describe('regular expressions', () => {
  it('re searches the value and is case-sensitive by default', () => {
    const rule = r`sel: {CommandLine|re: '-k\s\w+'}` + '\ncondition: sel';
    expect(fires(rule, { CommandLine: 'svchost.exe -k netsvcs' })).toBe(true);
    expect(fires(rule, { CommandLine: 'svchost.exe -K netsvcs' })).toBe(false);
  });
  it('re|i ignores case; re|m and re|s change ^ $ and .', () => {
    expect(fires(`sel: {CommandLine|re|i: 'evil'}\ncondition: sel`, { CommandLine: 'EVIL' })).toBe(true);
    expect(fires(`sel: {Text|re|m: '^b$'}\ncondition: sel`, { Text: 'a\nb' })).toBe(true);
    expect(fires(`sel: {Text|re|s: 'a.b'}\ncondition: sel`, { Text: 'a\nb' })).toBe(true);
  });
  it('a regex is taken verbatim: a doubled backslash is one literal backslash', () => {
    const rule = r`sel: {Path|re: '^C:\\Temp\\'}` + '\ncondition: sel';
    expect(fires(rule, { Path: 'C:\\Temp\\x' })).toBe(true);
  });
  it('a regex the linear-time engine cannot run is a SigmaError when the rule is compiled', () => {
    const rule = ruleFromDetection(`sel: {CommandLine|re: '(a)\\1'}\ncondition: sel`);
    expect(() => match(rule, {})).toThrow(/linear-time engine/);
  });
});

describe('encodings and expansions', () => {
  it('windash matches every dash variant of a flag', () => {
    const rule = `sel: {CommandLine|windash|contains: ' -exec '}\ncondition: sel`;
    for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015']) expect(fires(rule, { CommandLine: `x ${dash}exec bypass` })).toBe(true);
    expect(fires(rule, { CommandLine: 'x +exec bypass' })).toBe(false);
  });

  it('base64offset finds a value at any offset of a base64 text', () => {
    const rule = `sel: {CommandLine|base64offset|contains: 'http://evil'}\ncondition: sel`;
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const encoded = Buffer.from(`${prefix}http://evil/payload`).toString('base64');
      expect(fires(rule, { CommandLine: `powershell -enc ${encoded}` }), prefix).toBe(true);
    }
    expect(fires(rule, { CommandLine: Buffer.from('http://good/').toString('base64') })).toBe(false);
  });

  it('base64offset of a one-byte value does not match every text (its empty offset-1 encoding is dropped)', () => {
    const rule = `sel: {CommandLine|base64offset|contains: 'a'}\ncondition: sel`;
    expect(fires(rule, { CommandLine: 'zzz' })).toBe(false);
    expect(fires(rule, { CommandLine: Buffer.from('a').toString('base64') })).toBe(true);
  });

  it('base64 matches the base64 text of the value', () => {
    expect(fires(`sel: {Data|base64: 'cmd.exe'}\ncondition: sel`, { Data: Buffer.from('cmd.exe').toString('base64') })).toBe(true);
  });

  it('wide (utf16le) with base64offset finds UTF-16 text encoded in base64 (PowerShell -enc)', () => {
    const rule = `sel: {CommandLine|wide|base64offset|contains: 'Invoke-'}\ncondition: sel`;
    const encoded = Buffer.from('IEX (Invoke-WebRequest x)', 'utf16le').toString('base64');
    expect(fires(rule, { CommandLine: `powershell -e ${encoded}` })).toBe(true);
  });
});

describe('keywords', () => {
  it('a keyword is found inside any string value of the event, case-insensitively', () => {
    const rule = `keywords:\n  - 'mimikatz'\ncondition: keywords`;
    expect(fires(rule, { Event: { EventData: { CommandLine: 'run MIMIKATZ.exe' } } })).toBe(true);
    expect(fires(rule, { Event: { EventData: { CommandLine: 'run calc' } } })).toBe(false);
  });
  it('keywords in a list are or-ed and keep their wildcards', () => {
    const rule = `keywords:\n  - 'rm -rf /'\n  - 'wget*http'\ncondition: keywords`;
    expect(fires(rule, { message: 'sh -c wget -q http://x' })).toBe(true);
    expect(fires(rule, { message: 'sudo rm -rf / --no-preserve-root' })).toBe(true);
    expect(fires(rule, { message: 'ls' })).toBe(false);
  });
  it("'|all' keywords must all be found, anywhere in the event", () => {
    const rule = `keywords:\n  '|all':\n    - 'bash -c /bin/bash'\n    - '&/dev/tcp/'\ncondition: keywords`;
    expect(fires(rule, { a: 'x bash -c /bin/bash -i', b: '>&/dev/tcp/10.0.0.1/4444' })).toBe(true);
    expect(fires(rule, { a: 'x bash -c /bin/bash -i' })).toBe(false);
  });
  it('a numeric keyword is found in numbers too', () => {
    expect(fires(`keywords: [4444]\ncondition: keywords`, { DestinationPort: 4444 })).toBe(true);
  });
});

describe('conditions', () => {
  const event = { Image: 'C:\\x.exe', User: 'bob' };
  it('and, or, not and parentheses', () => {
    const sels = `a: {Image|endswith: x.exe}\nb: {User: alice}\nc: {User: bob}`;
    expect(fires(`${sels}\ncondition: a and (b or c)`, event)).toBe(true);
    expect(fires(`${sels}\ncondition: a and not c`, event)).toBe(false);
    expect(fires(`${sels}\ncondition: not (b or not a)`, event)).toBe(true);
  });
  it('1 of and all of a pattern', () => {
    const sels = `selection_a: {Image|endswith: x.exe}\nselection_b: {User: alice}\nfilter: {User: bob}`;
    expect(fires(`${sels}\ncondition: 1 of selection_*`, event)).toBe(true);
    expect(fires(`${sels}\ncondition: all of selection_*`, event)).toBe(false);
    expect(fires(`${sels}\ncondition: 1 of selection_* and not 1 of filter*`, event)).toBe(false);
  });
  it('them leaves out selections whose name starts with an underscore', () => {
    const sels = `a: {Image|endswith: x.exe}\n_b: {User: alice}`;
    expect(fires(`${sels}\ncondition: all of them`, event)).toBe(true);
  });
  it('reports every selection that matched, filters included', () => {
    const rule = ruleFromDetection(`sel: {Image|endswith: x.exe}\nfilter: {User: bob}\nother: {User: eve}\ncondition: sel and not filter`);
    expect(match(rule, event, { ignoreLogsource: true })).toEqual({ match: false, selections: ['sel', 'filter'] });
  });
});

describe('logsource', () => {
  const registryEvent = {
    Event: {
      System: { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 13 },
      EventData: { Image: 'C:\\Windows\\regedit.exe', TargetObject: 'HKLM\\x' },
    },
  };
  const rule = ruleFromDetection(`sel: {Image|endswith: regedit.exe}\ncondition: sel`, 'category: process_creation\nproduct: windows');

  it('a process_creation rule does not fire on a Sysmon registry event', () => {
    expect(match(rule, registryEvent)).toEqual({ match: false, selections: [], logsourceMismatch: true });
  });
  it('ignoreLogsource evaluates the detection anyway', () => {
    expect(match(rule, registryEvent, { ignoreLogsource: true })).toEqual({ match: true, selections: ['sel'] });
  });
  it('an event that does not say what it is is never excluded', () => {
    expect(match(rule, { Image: 'C:\\regedit.exe' }).match).toBe(true);
  });
});
