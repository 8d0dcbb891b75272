/**
 * Rule-by-rule parity with the reference (pySigma + pySigma-backend-splunk) over the SigmaHQ corpus, and the list of
 * deliberate differences in differences.md.
 *
 * differences.md has a table of categories (`| category | kind | reason |`) and, per reference file, a table of
 * rules (`| rules/… | category[, category] |`). Kind `reference-invalid`: the reference query is wrong in a way a
 * check can see (its signature below); like the `*.invalid.txt` lists, such rules do not count in the rate, and
 * our query must not have the defect. Kind `difference`: we differ on purpose (or for a reason outside this
 * backend); such rules count as mismatches in the rate.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConverter } from '../../../src/convert.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_MISSING, collapse, corpus, reference } from '../../support/corpus.js';
import './helpers.js';

export interface ParityTarget {
  /** `../shared/reference/pysigma/<name>.jsonl` */
  readonly name: string;
  readonly pipelines: readonly string[];
  readonly format: string;
  /**
   * A deliberate difference made in every query of the target, undone on our query before comparing (so that
   * everything else is still compared with the reference); differences.md says why.
   */
  readonly normalize?: (query: string) => string;
}

/**
 * splunk_windows' `source IN ("WinEventLog:X", "XmlWinEventLog:X")` (both renderings of a Windows event log, see
 * differences.md, `xml-rendered-source`) written as the reference writes it, `source="WinEventLog:X"`.
 */
export function withoutXmlRenderings(query: string): string {
  return query.replace(/source IN \(([^)]*)\)/g, (whole, list: string) => {
    const items = list.split(/,\s*/);
    const kept = items.filter((x) => !x.startsWith('"XmlWinEventLog:'));
    if (kept.length === items.length) return whole;
    return kept.length === 1 ? `source=${kept[0] as string}` : `source IN (${kept.join(', ')})`;
  });
}

export interface Category {
  readonly kind: 'reference-invalid' | 'difference';
  readonly reason: string;
}

export interface Differences {
  readonly categories: ReadonlyMap<string, Category>;
  /** Reference file name → rule path → categories. */
  readonly rules: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

const HERE = dirname(fileURLToPath(import.meta.url));

export function readDifferences(): Differences {
  const text = readFileSync(join(HERE, 'differences.md'), 'utf8');
  const categories = new Map<string, Category>();
  const rules = new Map<string, Map<string, string[]>>();
  let section: Map<string, string[]> | undefined;
  for (const line of text.split('\n')) {
    const heading = /^## `?([\w.]+)\.jsonl`?/.exec(line);
    if (heading) {
      section = new Map();
      rules.set(heading[1] as string, section);
      continue;
    }
    const cells = line.startsWith('|')
      ? line
          .split(/(?<!\\)\|/)
          .slice(1, -1)
          .map((c) => c.trim().replace(/^`|`$/g, ''))
      : [];
    if (cells.length === 3 && (cells[1] === 'reference-invalid' || cells[1] === 'difference')) {
      categories.set(cells[0] as string, { kind: cells[1], reason: cells[2] as string });
    } else if (cells.length >= 2 && section && /^rules\//.test(cells[0] as string)) {
      section.set(
        cells[0] as string,
        (cells[1] as string).split(',').map((c) => c.trim().replace(/^`|`$/g, '')),
      );
    }
  }
  return { categories, rules };
}

/** A literal `\*` escape in a quoted search term: an odd run of backslashes before `*`. */
const LITERAL_STAR = /(^|[^\\])(\\\\)*\\\*/;

/** A backtick left once the macros the Splunk formats call on purpose are taken out: a value's backtick. */
const VALUE_BACKTICK = (q: string): boolean =>
  q.replace(/`(?:drop_dm_object_name\([^`]*\)|security_content_\w+(?:\([^`]*\))?|\w+_filter)`/g, '').includes('`');
/** A Registry.action term with a Sysmon EventType value instead of a CIM action. */
const SYSMON_REGISTRY_ACTION = /Registry\.action="?(CreateKey|SetValue|DeleteKey|DeleteValue|RenameKey)/;

/** The `where … by` clause of a tstats query. */
const tstatsWhere = (q: string): string => / where (.*?) by /.exec(q)?.[1] ?? '';

/**
 * Per reference-invalid category: does the reference query show the defect, and is ours free of it? Queries are
 * whitespace-collapsed.
 */
export const SIGNATURES: Readonly<Record<string, { readonly reference: (q: string) => boolean; readonly ours: (q: string) => boolean }>> =
  Object.freeze({
    'search-starts-with-pipe': { reference: (q) => q.startsWith('| rex'), ours: (q) => !q.startsWith('| rex') },
    'or-term-hoisted': { reference: (q) => q.includes('| search OR '), ours: (q) => !q.includes('| search OR ') },
    'literal-asterisk': { reference: (q) => LITERAL_STAR.test(q), ours: (q) => !LITERAL_STAR.test(q) },
    'backtick-in-value': { reference: VALUE_BACKTICK, ours: (q) => !VALUE_BACKTICK(q) },
    'registry-value-path-as-key': {
      reference: (q) => q.includes('Registry.registry_key_name'),
      ours: (q) => !q.includes('Registry.registry_key_name') && q.includes('Registry.registry_path'),
    },
    'registry-action-values': {
      reference: (q) => SYSMON_REGISTRY_ACTION.test(q),
      ours: (q) => !SYSMON_REGISTRY_ACTION.test(q),
    },
    'tstats-where-tests-rex-field': {
      reference: (q) => /Condition="true"/.test(tstatsWhere(q)),
      ours: (q) => !/Condition="true"/.test(tstatsWhere(q)),
    },
  });

export interface Mismatch {
  readonly path: string;
  readonly ours: readonly string[];
  readonly reference: readonly string[];
}

export interface ParityResult {
  /** Rules the reference converts. */
  readonly referenceConverts: number;
  readonly matches: number;
  readonly mismatches: readonly Mismatch[];
  /** Rules the reference converts and we reject, with our error. */
  readonly weReject: readonly { path: string; error: string }[];
  /** Rules the reference rejects and we convert. */
  readonly weConvertOnly: readonly string[];
  /** Failures that are not a SigmaError of the rule (code `internal`: an exception escaped). */
  readonly internal: readonly { path: string; error: string }[];
  readonly ms: number;
}

export function runParity(target: ParityTarget): ParityResult {
  const converter = createConverter({ target: 'splunk', pipelines: target.pipelines, format: target.format });
  const ref = reference(target.name);
  const mismatches: Mismatch[] = [];
  const weReject: { path: string; error: string }[] = [];
  const weConvertOnly: string[] = [];
  const internal: { path: string; error: string }[] = [];
  let referenceConverts = 0;
  let matches = 0;
  const start = performance.now();
  for (const file of corpus()) {
    const expected = ref.get(file.path);
    if (!expected) throw new Error(`${file.path} is not in ${target.name}.jsonl`);
    const ours = converter.text(file.text, file.path);
    if (!ours.ok && ours.error.code === 'internal') internal.push({ path: file.path, error: ours.error.message });
    if (!expected.ok) {
      if (ours.ok) weConvertOnly.push(file.path);
      continue;
    }
    referenceConverts++;
    if (!ours.ok) {
      weReject.push({ path: file.path, error: ours.error.message });
      continue;
    }
    const a = ours.queries.map(collapse).map(target.normalize ?? ((q) => q));
    const b = expected.queries.map(collapse);
    if (a.length === b.length && a.every((q, i) => q === b[i])) matches++;
    else mismatches.push({ path: file.path, ours: a, reference: b });
  }
  return { referenceConverts, matches, mismatches, weReject, weConvertOnly, internal, ms: performance.now() - start };
}

/** The parity suite of one reference file: rate ≥ 99.5 %, every mismatch listed, every listed defect real. */
export function describeParity(target: ParityTarget): void {
  describe.skipIf(!HAS_SHARED)(`parity with ${target.name}.jsonl${HAS_SHARED ? '' : ` (skipped: ${SHARED_MISSING})`}`, () => {
    let result: ParityResult;
    let listed: ReadonlyMap<string, readonly string[]>;
    let categories: ReadonlyMap<string, Category>;
    beforeAll(() => {
      result = runParity(target);
      const differences = readDifferences();
      listed = differences.rules.get(target.name) ?? new Map();
      categories = differences.categories;
    });

    const isReferenceInvalid = (path: string): boolean =>
      (listed.get(path) ?? []).some((c) => categories.get(c)?.kind === 'reference-invalid');

    it('every mismatch is listed in differences.md with a known category', () => {
      const unlisted = result.mismatches.filter((m) => !listed.has(m.path));
      expect(unlisted.map((m) => `${m.path}\n  ours: ${m.ours.join(' ;; ')}\n  ref:  ${m.reference.join(' ;; ')}`)).toEqual([]);
      const unknown = [...listed].flatMap(([path, cs]) => cs.filter((c) => !categories.has(c)).map((c) => `${path}: ${c}`));
      expect(unknown).toEqual([]);
    });

    it('each listed reference defect is in the reference query and not in ours', () => {
      const problems: string[] = [];
      for (const m of result.mismatches) {
        for (const c of listed.get(m.path) ?? []) {
          if (categories.get(c)?.kind !== 'reference-invalid') continue;
          const signature = SIGNATURES[c];
          if (!signature) problems.push(`${c}: no signature check for this category`);
          else if (!m.reference.some(signature.reference)) problems.push(`${m.path}: reference query does not show ${c}`);
          else if (!m.ours.every(signature.ours)) problems.push(`${m.path}: our query still shows ${c}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('no rule makes the backend throw: every failure is a SigmaError record', () => {
      expect(result.internal).toEqual([]);
    });

    it('no rule the reference converts is rejected', () => {
      expect(result.weReject.filter((r) => !listed.has(r.path))).toEqual([]);
    });

    it('≥ 99.5 % of the rules the reference converts give the same queries (reference-invalid ones excepted)', () => {
      const invalid = result.mismatches.filter((m) => isReferenceInvalid(m.path)).length;
      const counted = result.referenceConverts - invalid;
      const rate = result.matches / counted;
      const stale = [...listed.keys()].filter((p) => !result.mismatches.some((m) => m.path === p));
      console.log(
        `${target.name}: ${result.matches}/${counted} = ${(100 * rate).toFixed(2)} % ` +
          `(${invalid} reference-invalid excluded; raw ${result.matches}/${result.referenceConverts} = ${((100 * result.matches) / result.referenceConverts).toFixed(2)} %); ` +
          `reference rejects and we convert: ${result.weConvertOnly.length}; we reject and the reference converts: ${result.weReject.length}; ` +
          `${result.ms.toFixed(0)} ms` +
          (stale.length ? `; listed in differences.md but now equal: ${stale.join(', ')}` : ''),
      );
      expect(rate).toBeGreaterThanOrEqual(0.995);
    });
  });
}
