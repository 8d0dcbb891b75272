/** The "Known traps" of issue 5, one named test each. */
import { describe, expect, it } from 'vitest';
import { createKustoAnalyzer } from '../../support/kusto/analyzer.js';
import { HAS_SHARED, SHARED, SHARED_MISSING } from '../../support/corpus.js';
import { join } from 'node:path';
import { kql } from './helpers.js';

describe('Kusto known traps', () => {
  it('an escaped wildcard is a literal *: contains "/tn *", not "/tn \\*"', () => {
    expect(kql("    sel:\n        CommandLine|contains: '/tn \\*'\n    condition: sel")).toBe('CommandLine contains "/tn *"');
    // A literal backslash before a literal star (`\\\*`) stays a valid KQL escape.
    expect(kql("    sel:\n        CommandLine|contains: '\\\\\\*.dll'\n    condition: sel")).toBe('CommandLine contains "\\\\*.dll"');
  });

  it('a * or ? inside a value goes through matches regex, the rest escaped for regex', () => {
    expect(kql("    sel:\n        CommandLine|contains: '/etc/*.conf'\n    condition: sel")).toBe(
      'CommandLine matches regex "(?i)/etc/.*\\\\.conf"',
    );
    expect(kql("    sel:\n        Image|endswith: '\\a?.exe'\n    condition: sel")).toBe('Image matches regex "(?i)\\\\\\\\a.\\\\.exe$"');
    expect(kql("    sel:\n        Image: 'C:\\\\Windows\\\\*\\\\x.exe'\n    condition: sel")).toBe(
      'Image matches regex "(?i)^C:\\\\\\\\Windows\\\\\\\\.*\\\\\\\\x\\\\.exe$"',
    );
    // In a list of values too (the reference splits such a value into unordered `contains`).
    expect(kql("    sel:\n        CommandLine|contains:\n            - ' ?:\\\\\\*.'\n            - 'x'\n    condition: sel")).toBe(
      'CommandLine matches regex "(?i) .:\\\\\\\\\\\\*\\\\." or CommandLine contains "x"',
    );
  });

  it('IPv6 and mixed CIDR lists use ipv6_is_in_range for the IPv6 ranges', () => {
    const query = kql(
      "    sel:\n        DestinationIp|cidr:\n            - '127.0.0.0/8'\n            - '::1/128'\n            - 'fe80::/10'\n    condition: sel",
    );
    expect(query).toBe(
      'ipv4_is_in_range(DestinationIp, "127.0.0.0/8") or ipv6_is_in_range(DestinationIp, "::1/128") or ipv6_is_in_range(DestinationIp, "fe80::/10")',
    );
    expect(query).not.toMatch(/ipv4_is_in_range\([^)]*:/);
  });

  it('a negated filter whose values contain ? stays a valid not(…)', () => {
    const query = kql(
      "    sel:\n        Image|endswith: '\\x.exe'\n    filter:\n        CommandLine:\n            - 'a?c'\n            - 'd'\n    condition: sel and not filter",
    );
    expect(query).toBe('Image endswith "\\\\x.exe" and (not((CommandLine in~ ("d") or CommandLine matches regex "(?i)^a.c$")))');
  });

  it('keyword detections search every column instead of being a bare string', () => {
    expect(kql("    keywords:\n        - '.git/'\n    condition: keywords")).toBe('* contains ".git/"');
    expect(kql("    keywords:\n        - 'a'\n        - 'b*c'\n    sel:\n        cs-method: GET\n    condition: sel and keywords")).toBe(
      '[\'cs-method\'] =~ "GET" and (* contains "a" or * matches regex "(?i)b.*c")',
    );
  });

  it('a long/int/bool/datetime column is compared with a literal of its type', () => {
    expect(kql("    sel:\n        RemotePort:\n            - '80'\n            - '443'\n    condition: sel", 'DeviceNetworkEvents')).toBe(
      'RemotePort in (80, 443)',
    );
    expect(kql("    sel:\n        IsProcessRemoteSession: 'true'\n    condition: sel", 'DeviceProcessEvents')).toBe(
      'IsProcessRemoteSession == true',
    );
    expect(kql("    sel:\n        Timestamp|startswith: '2024-'\n    condition: sel", 'DeviceProcessEvents')).toBe(
      'tostring(Timestamp) startswith "2024-"',
    );
  });

  describe.skipIf(!HAS_SHARED)(`every trap query passes Microsoft's analyzer${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
    it('has no analyzer error', () => {
      const analyzer = createKustoAnalyzer(join(SHARED, 'reference', 'tables.json'));
      const queries: [string, string][] = [
        ['DeviceProcessEvents', kql("    sel:\n        ProcessCommandLine|contains: '/tn \\*'\n    condition: sel")],
        [
          'DeviceProcessEvents',
          kql("    sel:\n        ProcessCommandLine|contains:\n            - ' ?:\\\\\\*.'\n            - 'x'\n    condition: sel"),
        ],
        [
          'DeviceNetworkEvents',
          kql("    sel:\n        RemoteIP|cidr:\n            - '127.0.0.0/8'\n            - '::1/128'\n    condition: sel"),
        ],
        [
          'DeviceProcessEvents',
          kql(
            "    sel:\n        FolderPath|endswith: '\\x.exe'\n    filter:\n        ProcessCommandLine:\n            - 'a?c'\n            - 'd'\n    condition: sel and not filter",
          ),
        ],
        ['DeviceProcessEvents', kql("    keywords:\n        - 'a'\n        - 'b*c'\n    condition: keywords")],
        [
          'DeviceNetworkEvents',
          kql("    sel:\n        RemotePort:\n            - '80'\n            - 'x'\n    condition: sel", 'DeviceNetworkEvents'),
        ],
        [
          'DeviceProcessEvents',
          kql("    sel:\n        Timestamp|startswith: '2024-'\n        LogonId: '0x3e7'\n    condition: sel", 'DeviceProcessEvents'),
        ],
      ];
      for (const [table, where] of queries) {
        expect(analyzer.diagnose(`${table}\n| where ${where}`, { database: 'microsoft_xdr' }), where).toEqual([]);
      }
    });
  });
});
