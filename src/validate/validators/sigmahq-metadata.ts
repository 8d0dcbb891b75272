/** SigmaHQ plugin: presence and form of metadata (author, date, description, level, status, fields, title …). */
import type { SigmaDocument } from '../../rule/ast.js';
import type { Issue, Validator, ValidatorParams } from '../types.js';

type Check = (doc: SigmaDocument, params: ValidatorParams, today: string) => Issue | readonly Issue[] | undefined;

function sigmahq(id: string, severity: Validator['severity'], description: string, check: Check): Validator {
  return {
    id,
    plugin: 'sigmahq',
    severity,
    description,
    check(ctx, env) {
      const r = check(ctx.document, env.params, env.today);
      return r === undefined ? [] : Array.isArray(r) ? (r as readonly Issue[]) : [r as Issue];
    },
  };
}
const num = (params: ValidatorParams, key: string, fallback: number): number => (typeof params[key] === 'number' ? params[key] : fallback);
const words = (params: ValidatorParams, key: string, fallback: readonly string[]): readonly string[] =>
  Array.isArray(params[key]) ? (params[key] as unknown[]).map(String) : fallback;

const missing = (key: string, hint: string): Issue => ({ message: `the rule has no '${key}'; ${hint}`, at: ['title'], what: 'key' });

export const authorExistence = sigmahq('sigmahq_author_existence', 'medium', 'The rule has no author.', (d) =>
  d.author === undefined ? missing('author', 'add who wrote it') : undefined,
);
export const dateExistence = sigmahq('sigmahq_date_existence', 'medium', 'The rule has no date.', (d) =>
  d.date === undefined ? missing('date', 'add the creation date (YYYY-MM-DD)') : undefined,
);
export const descriptionExistence = sigmahq('sigmahq_description_existence', 'medium', 'The rule has no description.', (d) =>
  d.description === undefined ? missing('description', 'say what the rule detects and why') : undefined,
);
export const levelExistence = sigmahq('sigmahq_level_existence', 'medium', 'The rule has no level.', (d) =>
  d.level === undefined ? missing('level', 'add one of informational, low, medium, high, critical') : undefined,
);
export const statusExistence = sigmahq('sigmahq_status_existence', 'medium', 'The rule has no status.', (d) =>
  d.status === undefined ? missing('status', 'add one of experimental, test, stable') : undefined,
);

export const descriptionLength = sigmahq(
  'sigmahq_description_length',
  'medium',
  'The description is shorter than 16 characters (configurable: description_len).',
  (d, p) => {
    const min = num(p, 'description_len', 16);
    return d.description !== undefined && [...d.description].length < min
      ? {
          message: `the description has ${[...d.description].length} characters, fewer than ${min}; say what the rule detects and why`,
          at: ['description'],
        }
      : undefined;
  },
);

export const linkInDescription = sigmahq(
  'sigmahq_link_in_description',
  'medium',
  "The description contains a URL or 'internal research' while the rule has no references.",
  (d, p) => {
    if (!d.description || (d.references !== undefined && d.references.length > 0)) return undefined;
    const lower = d.description.toLowerCase();
    const word = words(p, 'word_list', ['http://', 'https://', 'internal research']).find((w) => lower.includes(w));
    return word === undefined
      ? undefined
      : { message: `the description contains '${word}'; put links in 'references'`, at: ['description'] };
  },
);

export const fieldsExistence = sigmahq('sigmahq_fields_existence', 'medium', "The rule uses the deprecated 'fields' attribute.", (d) =>
  d.fields !== undefined && d.fields.length > 0
    ? { message: "'fields' is deprecated in SigmaHQ rules; remove it", at: ['fields'], what: 'key' }
    : undefined,
);

export const unknownField = sigmahq(
  'sigmahq_unknown_field',
  'medium',
  'The rule has top-level keys outside the Sigma spec (besides regression_tests_path, simulation).',
  (d) => {
    const unknown = Object.keys(d.custom).filter((k) => k !== 'regression_tests_path' && k !== 'simulation');
    if (unknown.length === 0) return undefined;
    return {
      message: `unknown top-level key(s) ${unknown.map((k) => `'${k}'`).join(', ')}; the Sigma specification does not define them`,
      at: [unknown[0] ?? ''],
      what: 'key',
    };
  },
);

// ───────────────────────────── dates ─────────────────────────────

export const modifiedDateOrder = sigmahq('sigmahq_modified_date_order', 'medium', 'The modified date is earlier than the date.', (d) =>
  d.date !== undefined && d.modified !== undefined && d.modified < d.date
    ? { message: `modified ${d.modified} is earlier than date ${d.date}; modified must be the later one`, at: ['modified'] }
    : undefined,
);
export const modifiedWithoutDate = sigmahq('sigmahq_modified_without_date', 'high', 'The rule has a modified date but no date.', (d) =>
  d.modified !== undefined && d.date === undefined
    ? { message: "the rule has 'modified' but no 'date'; a new rule has only 'date'", at: ['modified'], what: 'key' }
    : undefined,
);
export const redundantModified = sigmahq('sigmahq_redundant_modified', 'medium', 'modified equals date and is therefore redundant.', (d) =>
  d.date !== undefined && d.modified !== undefined && d.date === d.modified
    ? { message: "'modified' equals 'date'; remove 'modified'", at: ['modified'], what: 'key' }
    : undefined,
);

// ───────────────────────────── status ─────────────────────────────

export const status = sigmahq(
  'sigmahq_status',
  'high',
  'The status is deprecated or unsupported, which SigmaHQ keeps out of the active rule folders.',
  (d) =>
    d.status === 'deprecated' || d.status === 'unsupported'
      ? {
          message: `status '${d.status}': SigmaHQ keeps such rules in the deprecated/unsupported folders, not with active rules`,
          at: ['status'],
        }
      : undefined,
);

const STATUS_RANK: Readonly<Record<string, number>> = { unsupported: 0, deprecated: 1, experimental: 2, test: 3, stable: 4 };
/** Days from `a` to `b` (YYYY-MM-DD); NaN when either is not a date. */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
export const statusToHigh = sigmahq(
  'sigmahq_status_to_high',
  'medium',
  'Status is above experimental although the rule is at most 60 days old (configurable: min_days) and has no regression_tests_path.',
  (d, p, today) => {
    if (d.date === undefined || d.status === undefined || (STATUS_RANK[d.status] ?? 0) <= (STATUS_RANK.experimental ?? 0)) return undefined;
    const age = daysBetween(d.date, today);
    const min = num(p, 'min_days', 60);
    if (!(age <= min) || 'regression_tests_path' in d.custom) return undefined;
    return {
      message: `status '${d.status}' for a rule ${age} days old; new rules start as experimental (or add regression tests)`,
      at: ['status'],
    };
  },
);

// ───────────────────────────── title ─────────────────────────────

export const titleLength = sigmahq(
  'sigmahq_title_length',
  'medium',
  'The title is longer than 120 characters (configurable: max_length).',
  (d, p) => {
    const max = num(p, 'max_length', 120);
    const n = [...d.title].length;
    return n > max ? { message: `the title has ${n} characters, more than ${max}; shorten it`, at: ['title'] } : undefined;
  },
);
export const titleStart = sigmahq('sigmahq_title_start', 'medium', "The title starts with 'Detect ' or 'Detects '.", (d) =>
  d.title.startsWith('Detect ') || d.title.startsWith('Detects ')
    ? { message: "the title starts with 'Detect(s)'; every rule detects something, start with what it finds", at: ['title'] }
    : undefined,
);
export const titleEnd = sigmahq('sigmahq_title_end', 'medium', 'The title ends with a period.', (d) =>
  d.title.endsWith('.') ? { message: 'the title ends with a period; remove it', at: ['title'] } : undefined,
);

const MINOR_WORDS = [
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'new',
  'of',
  'on',
  'or',
  'over',
  'the',
  'through',
  'to',
  'via',
  'with',
  'without',
];
/** Python's str.islower(): has a cased character and no upper-case one. */
const isLower = (w: string): boolean => w !== w.toUpperCase() && w === w.toLowerCase();
export const titleCase = sigmahq(
  'sigmahq_title_case',
  'medium',
  "A title word is all lower case but is not a listed minor word and has no '.', '/', '_' or leading digit.",
  (d, p) => {
    const minor = new Set(words(p, 'word_list', MINOR_WORDS));
    return d.title
      .split(' ')
      .filter((w) => isLower(w) && !minor.has(w.toLowerCase()) && !/[./_]/.test(w) && !/^\d/.test(w))
      .map((w) => ({ message: `title word '${w}' should start with a capital letter (Title Case)`, at: ['title'] }));
  },
);

// ───────────────────────────── false positives ─────────────────────────────

export const falsepositivesCapital = sigmahq(
  'sigmahq_falsepositives_capital',
  'medium',
  'A falsepositives entry does not begin with an upper-case letter.',
  (d) =>
    (d.falsepositives ?? []).flatMap((fp, i) =>
      fp.length > 0 && fp[0]?.toUpperCase() !== fp[0]
        ? [{ message: `false positive '${fp}' should start with a capital letter`, at: ['falsepositives', i] }]
        : [],
    ),
);

function wordCheck(id: string, description: string, fallback: readonly string[], what: string): Validator {
  return sigmahq(id, 'medium', description, (d, p) => {
    const list = words(p, 'word_list', fallback);
    return (d.falsepositives ?? []).flatMap((entry, i) =>
      entry
        .split(' ')
        .filter((w) => list.includes(w.toLowerCase().trim()))
        .map((w) => ({ message: `false positive '${entry}' contains ${what} '${w}'`, at: ['falsepositives', i] })),
    );
  });
}
export const falsepositivesBannedWord = wordCheck(
  'sigmahq_falsepositives_banned_word',
  'A falsepositives entry contains a word SigmaHQ disallows there (none, pentest, penetration).',
  ['none', 'pentest', 'penetration'],
  "the word SigmaHQ does not allow there (use 'Unknown' or name the cause)",
);
export const falsepositivesTypoWord = wordCheck(
  'sigmahq_falsepositives_typo_word',
  "A falsepositives entry contains a known misspelling (e.g. 'unkown').",
  ['unkown', 'ligitimate', 'legitim ', 'legitimeate'],
  'the misspelling',
);

// ───────────────────────────── references ─────────────────────────────

export const githubLink = sigmahq(
  'sigmahq_github_link',
  'medium',
  'A GitHub file reference points at a branch instead of a commit permalink.',
  (d) =>
    (d.references ?? []).flatMap((link, i) =>
      /^https:\/\/github\.com\/.*\.\w{1,3}$/.test(link) && !/^.*\/[0-9a-z]{40}\//.test(link)
        ? [
            {
              message: `reference '${link}' points at a branch; use a permalink with the commit hash (press 'y' on GitHub)`,
              at: ['references', i],
            },
          ]
        : [],
    ),
);
export const mitreLink = sigmahq(
  'sigmahq_mitre_link',
  'medium',
  'A reference links to attack.mitre.org; ATT&CK should be expressed as tags instead.',
  (d) =>
    (d.references ?? []).flatMap((link, i) =>
      link.startsWith('https://attack.mitre.org/')
        ? [{ message: `reference '${link}' links to ATT&CK; express it as a tag (e.g. attack.t1053.003) instead`, at: ['references', i] }]
        : [],
    ),
);
