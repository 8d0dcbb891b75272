/**
 * SigmaHQ's regression events shaped as the rows of each target's tables (test/eval/shapes): every rule fires
 * where its converted query lands, and a near miss does not. One file, so the corpus and events load once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchCommand } from '../../src/cli/commands/match.js';
import { RULES_DIR } from './corpus.js';
import { HAVE_SHARED, shapedRun, type Shape } from './shapes/suite.js';
import { xdrRow } from './shapes/microsoft-xdr.js';
import { asimRow } from './shapes/sentinel-asim.js';
import { ecsRow } from './shapes/ecs.js';
import { cimRow } from './shapes/splunk-cim.js';

/**
 * How a row says its table, for the targets whose queries read tables: XDR rows exported from Sentinel / Log
 * Analytics carry `Type` (an Advanced Hunting export does not); ASIM rows carry EventSchema (the shapes write
 * it; a projection may drop it).
 */
type Says = { readonly add: (row: Record<string, string | number>, table: string) => Record<string, string | number> } & {
  readonly strip: (row: Record<string, string | number>) => Record<string, string | number>;
};
const SAYS_TYPE: Says = { add: (row, table) => ({ ...row, Type: table }), strip: (row) => row };
const SAYS_SCHEMA: Says = {
  add: (row) => row,
  // EventType stays: it is a column the queries read (imRegistry's RegistryValueSet …), not only the parser's mark.
  strip: (row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'EventSchema')),
};

const TARGETS: readonly {
  pipeline: string;
  rows: string;
  shape: Shape;
  refused: readonly string[];
  min: number;
  says?: Says;
}[] = [
  // Its filter needs Signed/SignatureStatus, which DeviceImageLoadEvents lacks; a filter under NOT cannot be left out.
  {
    pipeline: 'microsoft_xdr',
    rows: 'Defender XDR',
    shape: xdrRow,
    refused: ['image_load_side_load_vcruntime140.yml'],
    min: 200,
    says: SAYS_TYPE,
  },
  { pipeline: 'sentinel_asim', rows: 'Sentinel ASIM', shape: asimRow, refused: [], min: 200, says: SAYS_SCHEMA },
  { pipeline: 'ecs_windows', rows: 'Elastic Agent Sysmon (ECS)', shape: ecsRow, refused: [], min: 200 },
  {
    pipeline: 'splunk_cim',
    rows: 'Splunk CIM Endpoint',
    shape: cimRow,
    // pySigma's splunk_cim refuses a rule that reads a field its data-model dataset lacks (Hashes, User on
    // Filesystem/Registry, ParentUser, Description, Product, Company …); these rules are not converted.
    refused: [
      'proc_creation_win_browsers_tor_execution.yml',
      'proc_creation_win_curl_susp_download.yml',
      'proc_creation_win_hktl_edr_freeze.yml',
      'proc_creation_win_hktl_wsass.yml',
      'proc_creation_win_pua_adfind_execution.yml',
      'proc_creation_win_pua_advanced_ip_scanner.yml',
      'proc_creation_win_pua_advanced_port_scanner.yml',
      'proc_creation_win_pua_memprocfs.yml',
      'proc_creation_win_renamed_adfind.yml',
      'proc_creation_win_renamed_binary_highly_relevant.yml',
      'proc_creation_win_renamed_curl.yml',
      'proc_creation_win_susp_cross_user_process_spawn.yml',
      'proc_creation_win_wmic_recon_system_info_uncommon.yml',
      'registry_set_add_port_monitor.yml',
    ],
    min: 180,
  },
];

for (const t of TARGETS) {
  describe.skipIf(!HAVE_SHARED)(`regression events shaped as ${t.rows} rows (${t.pipeline})`, () => {
    const run = HAVE_SHARED ? shapedRun(t.pipeline, t.shape) : { cases: [], refused: [], matchers: new Map() };

    it(`fires every rule on the ${t.rows} row of each event it fires on`, () => {
      const missed = run.cases
        .filter((c) => !run.matchers.get(c.rulePath)?.test(c.row))
        .map((c) => `${c.name} → ${c.table} ${JSON.stringify(c.row)}`);
      console.info(`${t.pipeline}: ${run.cases.length - missed.length}/${run.cases.length} shaped events fire`);
      expect(run.cases.length).toBeGreaterThan(t.min);
      expect(missed).toEqual([]);
    });

    it('refuses only the rules whose log source has no table there', () => {
      expect(run.refused.map((r) => r.rulePath.split('/').pop())).toEqual(t.refused);
    });

    it('`match -p` (an engine over the processed rules) fires exactly where each rule as the pipeline lands it does', async () => {
      // The rows as shaped, then (where queries read tables) the same rows saying their table, which the engine
      // skips for the rules of other tables.
      const shaped = run.cases.flatMap((c) => (c.nearMiss ? [c.row, c.nearMiss.row] : [c.row]));
      const saying =
        t.says === undefined
          ? []
          : run.cases.flatMap((c) => (c.nearMiss ? [c.row, c.nearMiss.row] : [c.row]).map((r) => (t.says as Says).add(r, c.table)));
      const rows = [...shaped, ...saying];
      const paths = [...run.matchers.keys()].sort();
      const dir = mkdtempSync(join(tmpdir(), 'sigmaform-shaped-'));
      try {
        writeFileSync(join(dir, 'rows.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
        let out = '';
        const code = await matchCommand(['-p', t.pipeline, ...paths.flatMap((p) => ['-r', p]), join(dir, 'rows.jsonl'), '--jsonl'], {
          stdout: (x) => (out += x),
          stderr: () => undefined,
          cwd: RULES_DIR,
          isTTY: false,
        });
        const fired = out
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { rule: string; index: number })
          .map((p) => `${p.index} ${p.rule}`);
        // The reference: every rule's pipeline matcher (compilePipelineMatcher) on every row.
        const expected = rows.flatMap((row, i) => paths.filter((p) => run.matchers.get(p)?.test(row)).map((p) => `${i} ${p}`));
        expect(code).toBe(0);
        expect(fired).toEqual(expected);
        expect(expected.length).toBeGreaterThan(t.min);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    // Only where queries read tables (Defender, ASIM).
    if (t.says !== undefined)
      it('`match -p --table T` on rows that do not say their table fires as on the same rows saying it, and only there', async () => {
        const says = t.says as Says;
        const paths = [...run.matchers.keys()].sort();
        const dir = mkdtempSync(join(tmpdir(), 'sigmaform-table-'));
        // Pairs as "row-index rule" over `rows`, with `extra` options.
        // `warned`: whether `match` says rows that do not say their table fired rules (and suggests --table).
        const pairs = async (
          rows: readonly Record<string, string | number>[],
          extra: readonly string[],
          warned = false,
        ): Promise<string[]> => {
          writeFileSync(join(dir, 'rows.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
          let out = '';
          let err = '';
          const code = await matchCommand(
            ['-p', t.pipeline, ...paths.flatMap((p) => ['-r', p]), join(dir, 'rows.jsonl'), '--jsonl', ...extra],
            { stdout: (x) => (out += x), stderr: (x) => (err += x), cwd: RULES_DIR, isTTY: false },
          );
          expect(code).toBe(0);
          expect(/do not say their table .*give --table T/.test(err)).toBe(warned);
          expect(err).not.toMatch(/no rule's query reads/);
          return out
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { rule: string; index: number })
            .map((p) => `${p.index} ${p.rule}`);
        };
        try {
          const tables = [...new Set(run.cases.map((c) => c.table))].sort();
          expect(tables.length).toBeGreaterThan(2);
          let crossTable = 0;
          for (const table of tables) {
            const rows = run.cases.filter((c) => c.table === table).flatMap((c) => (c.nearMiss ? [c.row, c.nearMiss.row] : [c.row]));
            const saying = await pairs(
              rows.map((r) => says.add(r, table)),
              [],
            );
            const silent = rows.map((r) => says.strip(r));
            const assumed = await pairs(silent, ['--table', table]);
            expect(assumed, table).toEqual(saying);
            // Every case of the table fires its rule there.
            expect(saying.length, table).toBeGreaterThanOrEqual(run.cases.filter((c) => c.table === table).length);
            // Without --table the same rows meet the rules of every table: never fewer pairs.
            const open = await pairs(silent, [], true);
            expect(open).toEqual(expect.arrayContaining(assumed));
            crossTable += open.length - assumed.length;
            // Said to be another table's rows, they meet only that table's rules.
            const other = tables.find((x) => x !== table) as string;
            const elsewhere = await pairs(silent, ['--table', other]);
            const rulesOf = (ps: readonly string[]): Set<string> => new Set(ps.map((p) => p.slice(p.indexOf(' ') + 1)));
            const otherRules = new Set(run.cases.filter((c) => c.table === other).map((c) => c.rulePath));
            expect(
              [...rulesOf(elsewhere)].filter((r) => !otherRules.has(r)),
              `${table} as ${other}`,
            ).toEqual([]);
            expect(elsewhere.length, `${table} as ${other}`).toBeLessThan(saying.length);
          }
          console.info(`${t.pipeline}: ${crossTable} pairs of rows that do not say their table meet another table's rule without --table`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }, 120_000);

    it('does not fire on the row of a near miss (one field the rule reads changed)', () => {
      const fired = run.cases
        .filter((c) => c.nearMiss && run.matchers.get(c.rulePath)?.test(c.nearMiss.row))
        .map((c) => `${c.name} (${c.nearMiss?.field})`);
      expect(run.cases.filter((c) => c.nearMiss).length).toBeGreaterThan(run.cases.length * 0.9);
      expect(fired).toEqual([]);
    });
  });
}
