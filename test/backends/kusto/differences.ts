/**
 * The checked-in list of rules whose Kusto query differs from pySigma's (`differences.md`): one table row per
 * rule and reference file, with a category. A category says why we differ and how to recognise it, so a row
 * cannot hide an unrelated change of the same rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../support/corpus.js';

export interface Category {
  /** A deliberate difference (the reference query is wrong) rather than a gap of ours. */
  readonly deliberate: boolean;
  /** True when the pair of queries shows this kind of difference. */
  readonly shows: (ours: string, reference: string) => boolean;
}

const count = (text: string, needle: string): number => text.split(needle).length - 1;
/** Both null tests read alike, so that an exact category check also holds on rules with a null-isempty difference. */
const nulls = (q: string): string => q.replaceAll('isnull(', 'isempty(');

/** The reference's `C endswith "…*"` / `C =~ "…*"` (a literal star after a hive path) as the wildcard it was. */
function withRegistryWildcards(reference: string): string {
  return reference
    .replace(/(\w+) endswith "((?:[^"\\]|\\.)*)\*"/g, '$1 contains "$2\\\\"')
    .replace(/(\w+) =~ "((?:[^"\\]|\\.)*)\*"/g, '$1 startswith "$2\\\\"');
}

/** The logon event term the pipelines keep on the authentication tables (see 'logon-event-id'). */
const LOGON_TERM = /EventOriginalType (=~ "\d+"|in~ \([^)]*\))|ActionType =~ "Logon(Success|Failed)"/;
const withoutLogonEventId = (q: string): string =>
  q
    .replace(new RegExp(`(${LOGON_TERM.source})( and )?`, 'g'), '')
    .replace(/ \| where $/, '')
    .replace(/^(imAuthentication|DeviceLogonEvents)$/, '');

export const CATEGORIES: Readonly<Record<string, Category>> = Object.freeze({
  // Issue 5 trap: the reference calls ipv4_is_in_range on IPv6 ranges, which never match.
  'ipv6-cidr': {
    deliberate: true,
    shows: (ours, reference) => nulls(withoutLogonEventId(ours).replaceAll('ipv6_is_in_range(', 'ipv4_is_in_range(')) === nulls(reference),
  },
  // Issue 5 trap: a * or ? inside a value is a (case-insensitive) regex; the reference splits it into unordered
  // `contains` (or writes a case-sensitive, unanchored regex).
  'wildcard-regex': {
    deliberate: true,
    shows: (ours, reference) => count(ours, 'matches regex "(?i)') > count(reference, 'matches regex "(?i)'),
  },
  // pySigma's replace_string round trip turns `\*` after a registry hive into a literal `*`
  // (`endswith "\\Services*"`, which never matches); the pipeline keeps the wildcard.
  'registry-key-star': { deliberate: true, shows: (ours, reference) => nulls(withRegistryWildcards(reference)) === nulls(ours) },
  // `field: null` on a string column: the reference's isnull() is always false (KQL strings are "" when missing);
  // we write isempty().
  'null-isempty': {
    deliberate: true,
    shows: (ours, reference) => count(ours, 'isempty(') > count(reference, 'isempty(') && reference.includes('isnull('),
  },
  // pySigma drops EventID on every table, so a Windows logon rule matches every logon (or gives no query at all);
  // the pipelines keep it on the authentication tables (imAuthentication EventOriginalType, DeviceLogonEvents
  // ActionType). Checked: our query without that term is the reference's.
  'logon-event-id': {
    deliberate: true,
    shows: (ours, reference) => {
      const without = withoutLogonEventId(ours);
      if (without === ours || LOGON_TERM.test(reference)) return false;
      return without === reference || CATEGORIES['ipv6-cidr']?.shows(without, reference) === true;
    },
  },
  // Issue 21: a Sysmon field whose meaning the table splits or names differently. Ours compares a computed
  // Sysmon-form field (registry key + value name, value data, XDR DOMAIN\\user), or the reference uses a column of
  // another meaning (ASIM TargetFileName for a full path, ParentProcessName for the creating process, DeleteKey as
  // RegistryValueDeleted, RenameKey as value sets and key creations, XDR RequestAccountName for the actor).
  'field-semantics': {
    deliberate: true,
    shows: (ours, reference) =>
      /\| extend Sysmon\w+ = /.test(ours) ||
      /\b(TargetFileName|ParentProcessName|RequestAccountName)\b|"RegistryValueDeleted"|"RegistryKeyCreated"/.test(reference) ||
      // ASIM file events: Image is the acting process (the reference compares it with TargetFilePath).
      (/\bActingProcessName\b/.test(ours) && !/\bActingProcessName\b/.test(reference)) ||
      // XDR image loads: the loaded DLL's version info compared with the initiating process's.
      (reference.startsWith('DeviceImageLoadEvents') && /\bInitiatingProcessVersionInfo\w+/.test(reference)),
  },
  // Issue 21: we refuse the rule because the table has no column for a field the reference maps to a column of
  // another meaning (imFileEvent ParentImage → ActingProcessName, the process that writes the file). Checked by
  // parity.test.ts on our error message (the reference's query is not compared).
  'no-column': { deliberate: true, shows: () => false },
  // A difference not explained yet: counts against parity.
  'known-gap': { deliberate: false, shows: () => true },
});

export interface Difference {
  readonly reference: string;
  readonly path: string;
  readonly categories: readonly string[];
}

export const DIFFERENCES_FILE = join(REPO, 'test', 'backends', 'kusto', 'differences.md');

/** Rows `| kusto.<pipeline> | rules/… | category[, category] |` of differences.md. */
export function readDifferences(file = DIFFERENCES_FILE): Difference[] {
  const out: Difference[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\|\s*(kusto\.\w+)\s*\|\s*(rules\/\S+)\s*\|\s*([\w\-, ]+?)\s*\|/.exec(line);
    if (!m) continue;
    out.push({ reference: m[1] as string, path: m[2] as string, categories: (m[3] as string).split(',').map((c) => c.trim()) });
  }
  return out;
}
