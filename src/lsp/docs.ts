/** Documentation shown in completion and hover: modifiers (Sigma specification v2.1, modifiers appendix) and keys. */
import type { Modifier } from '../rule/ast.js';

export const MODIFIER_DOCS: Readonly<Record<Modifier, string>> = {
  contains: 'Matches the value anywhere in the field (wildcards around it).',
  startswith: 'Matches the value at the start of the field.',
  endswith: 'Matches the value at the end of the field.',
  all: 'A list of values must all match (AND) instead of any (OR). Needs two or more values.',
  exists: '`true`: the field is present in the event; `false`: it is absent. Checks presence only, not the value.',
  cased: 'Matches case-sensitively (Sigma matches case-insensitively by default).',
  neq: 'The field is different from every value given.',
  windash: 'Also matches the value with `-` replaced by `/`, en dash, em dash and horizontal bar (Windows command-line flags).',
  re: 'The value is a regular expression (PCRE subset: `.`, anchors, quantifiers, classes, `|`, groups); case-sensitive unless `i` follows.',
  i: 'After `re`: case-insensitive matching.',
  m: 'After `re`: multi-line mode, `^` and `$` match at line breaks.',
  s: 'After `re`: single-line mode, `.` also matches a line break.',
  base64: 'Matches the Base64 encoding of the value.',
  base64offset: 'Matches the value inside a longer Base64 string: the three encodings for shifts of 0, 1 and 2 bytes.',
  utf16le: 'Encodes the value as UTF-16 little-endian before the next modifier (usually `base64`/`base64offset`).',
  utf16be: 'Encodes the value as UTF-16 big-endian before the next modifier.',
  utf16: 'Encodes the value as UTF-16 with a byte order mark before the next modifier.',
  wide: 'Alias of `utf16le`.',
  lt: 'The field is a number less than the value.',
  lte: 'The field is a number less than or equal to the value.',
  gt: 'The field is a number greater than the value.',
  gte: 'The field is a number greater than or equal to the value.',
  minute: 'Compares the minute (0-59) of a timestamp field with the value.',
  hour: 'Compares the hour (0-23) of a timestamp field with the value.',
  day: 'Compares the day of the month (1-31) of a timestamp field with the value.',
  week: 'Compares the week of the year (1-52) of a timestamp field with the value.',
  month: 'Compares the month (1-12) of a timestamp field with the value.',
  year: 'Compares the year of a timestamp field with the value.',
  cidr: 'The value is an IPv4 or IPv6 network in CIDR notation (`10.0.0.0/8`); the field is an address inside it.',
  expand: 'Expands `%placeholder%` names in the value with the processing pipeline (value lists or query expressions).',
  fieldref: 'The value names another field of the same event; matches when both fields are equal (with `neq`: differ).',
};

/** Top-level keys of a Sigma rule (specification v2.1) with one line each. */
export const RULE_KEYS: readonly (readonly [string, string])[] = [
  ['title', 'A short title of what the rule detects (up to 256 characters).'],
  ['id', 'A UUID (version 4) that identifies the rule.'],
  ['related', 'Rules this one derives from, replaces, merges or resembles: a list of {id, type}.'],
  ['name', 'A unique name that correlation rules can refer to.'],
  ['taxonomy', 'The field taxonomy of the rule (default: sigma).'],
  ['status', 'Maturity: stable, test, experimental, deprecated or unsupported.'],
  ['description', 'What the rule detects and why.'],
  ['license', 'The SPDX license identifier of the rule.'],
  ['author', 'Who wrote the rule.'],
  ['references', 'Links to the sources the rule is based on.'],
  ['date', 'Creation date, YYYY-MM-DD.'],
  ['modified', 'Date of the last change, YYYY-MM-DD.'],
  ['tags', 'Tags such as attack.execution, attack.t1059.001, cve.2021-44228, detection.threat-hunting.'],
  ['logsource', 'Which log data the rule reads: product, category, service.'],
  ['detection', 'Named selections and the condition that combines them.'],
  ['fields', 'Fields worth showing to an analyst for a match.'],
  ['falsepositives', 'Known legitimate activity that matches the rule.'],
  ['level', 'Severity: informational, low, medium, high or critical.'],
  ['scope', 'Where the rule applies (e.g. server, workstation).'],
];

export const LOGSOURCE_KEYS: readonly (readonly [string, string])[] = [
  ['category', 'A group of log sources across products (process_creation, file_event, …).'],
  ['product', 'A product or operating system (windows, linux, aws, …).'],
  ['service', 'A subset of a product’s logs (security, sysmon, cloudtrail, …).'],
  ['definition', 'Free text: how the log source must be set up for the rule to work.'],
];

export const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  status: ['stable', 'test', 'experimental', 'deprecated', 'unsupported'],
  level: ['informational', 'low', 'medium', 'high', 'critical'],
};

export const CONDITION_KEYWORDS: readonly (readonly [string, string])[] = [
  ['and', 'Both sides must match.'],
  ['or', 'Either side must match.'],
  ['not', 'Negates what follows.'],
  ['1 of ', 'Any selection whose name matches the pattern (`1 of selection_*`).'],
  ['all of ', 'Every selection whose name matches the pattern (`all of filter_*`).'],
  ['them', 'All selections of the rule (`1 of them`, `all of them`).'],
];
