#!/usr/bin/env node
/**
 * Generates src/packs/attack-data.ts, the offline MITRE ATT&CK Enterprise table used by the rule-pack writers
 * (tactic id/name/shortname; technique and sub-technique id → name and tactics). Run time never touches the network.
 *
 *   node scripts/gen-attack-table.mjs --stix enterprise-attack-19.2.json [--out src/packs/attack-data.ts]
 *       official STIX 2.x bundle (mitre-attack/attack-stix-data or mitre/cti); revoked / deprecated objects dropped.
 *   node scripts/gen-attack-table.mjs --listing scripts/attack/enterprise-attack-19.2.listing.tsv [--out …]
 *       the transcribed tactic listing kept in this repository (its header states its provenance). This is how the
 *       committed table was made: no npm package bundling the ATT&CK STIX data was reachable (the one candidate,
 *       @mitre-attack/attack-data-model 4.10.1, downloads the bundle at run time).
 *
 * Output is deterministic: tactics in matrix order, techniques sorted by id, tactics of a technique in matrix order.
 */
import { readFileSync, writeFileSync } from 'node:fs';

function parseArgs(argv) {
  const args = { out: 'src/packs/attack-data.ts' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--stix' || flag === '--listing' || flag === '--out' || flag === '--version') {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      args[flag.slice(2)] = value;
      i += 1;
    } else {
      throw new Error(`unknown argument ${flag}`);
    }
  }
  if (!args.stix === !args.listing) throw new Error('give exactly one of --stix FILE or --listing FILE');
  return args;
}

function externalId(obj) {
  const ref = (obj.external_references ?? []).find((r) => r.source_name === 'mitre-attack');
  return ref?.external_id;
}

/** Reads an official STIX bundle: x-mitre-matrix (tactic order), x-mitre-tactic, attack-pattern. */
function fromStix(path) {
  const bundle = JSON.parse(readFileSync(path, 'utf8'));
  const live = bundle.objects.filter((o) => !o.revoked && !o.x_mitre_deprecated);
  const tacticsByRef = new Map();
  for (const o of live.filter((x) => x.type === 'x-mitre-tactic')) {
    tacticsByRef.set(o.id, { id: externalId(o), shortname: o.x_mitre_shortname, name: o.name });
  }
  const matrix = live.find((o) => o.type === 'x-mitre-matrix');
  const ordered = matrix ? matrix.tactic_refs.map((ref) => tacticsByRef.get(ref)).filter(Boolean) : [...tacticsByRef.values()];
  const techniques = new Map();
  for (const o of live.filter((x) => x.type === 'attack-pattern')) {
    const id = externalId(o);
    if (!id) continue;
    const tactics = (o.kill_chain_phases ?? []).filter((p) => p.kill_chain_name === 'mitre-attack').map((p) => p.phase_name);
    techniques.set(id, { name: o.name, tactics });
  }
  const collection = live.find((o) => o.type === 'x-mitre-collection');
  return {
    tactics: ordered,
    techniques,
    version: collection?.x_mitre_version ?? 'unknown',
    source: `official STIX bundle ${path.split('/').pop()}`,
  };
}

/** Reads the transcribed tactic listing (see the header of the .tsv for its provenance). */
function fromListing(path) {
  const tactics = [];
  const techniques = new Map();
  let current;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('##')) continue;
    if (line.startsWith('# ')) {
      const [shortname, id, name] = line.slice(2).split('\t');
      current = { id, shortname, name };
      tactics.push(current);
      continue;
    }
    const [id, name] = line.split('\t');
    if (!current || !/^T\d{4}(\.\d{3})?$/.test(id) || !name) throw new Error(`bad listing line: ${line}`);
    const known = techniques.get(id);
    if (known && known.name !== name) throw new Error(`${id} has two names: ${known.name} / ${name}`);
    const entry = known ?? { name, tactics: [] };
    if (!entry.tactics.includes(current.shortname)) entry.tactics.push(current.shortname);
    techniques.set(id, entry);
  }
  const version = /(\d+\.\d+)\.listing/.exec(path)?.[1] ?? 'unknown';
  return { tactics, techniques, version, source: `transcribed listing ${path.split('/').pop()}` };
}

function compareIds(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function render({ tactics, techniques, version, source }, command) {
  const order = new Map(tactics.map((t, i) => [t.shortname, i]));
  for (const [id, t] of techniques) {
    for (const tactic of t.tactics) if (!order.has(tactic)) throw new Error(`${id}: unknown tactic ${tactic}`);
    const parent = id.split('.')[0];
    if (parent !== id && !techniques.has(parent)) throw new Error(`${id}: parent ${parent} missing`);
  }
  const q = (s) => JSON.stringify(s).replace(/'/g, "\\'").replace(/^"|"$/g, "'").replace(/\\"/g, '"');
  const lines = [
    '// GENERATED FILE: do not edit by hand.',
    `// Made by \`${command}\` (scripts/gen-attack-table.mjs).`,
    `// MITRE ATT&CK Enterprise ${version}; source: ${source}.`,
    '// ATT&CK® is a registered trademark of The MITRE Corporation; the ATT&CK data is © The MITRE Corporation,',
    '// reproduced and distributed with the permission of The MITRE Corporation (ATT&CK terms of use).',
    '',
    `export const ATTACK_VERSION = ${q(version)};`,
    '',
    '/** Enterprise tactics in matrix order: [tactic id, shortname (Sigma tag form), name]. */',
    'export const ATTACK_TACTIC_ROWS: readonly (readonly [string, string, string])[] = [',
    ...tactics.map((t) => `  [${q(t.id)}, ${q(t.shortname)}, ${q(t.name)}],`),
    '];',
    '',
    '/** Technique or sub-technique id → [name, tactic shortnames separated by spaces, in matrix order]. */',
    'export const ATTACK_TECHNIQUE_ROWS: Readonly<Record<string, readonly [string, string]>> = {',
    ...[...techniques.keys()].sort(compareIds).map((id) => {
      const t = techniques.get(id);
      const tacticList = [...t.tactics].sort((a, b) => order.get(a) - order.get(b)).join(' ');
      const key = /^[A-Za-z_$][\w$]*$/.test(id) ? id : q(id); // the key quoting prettier keeps
      return `  ${key}: [${q(t.name)}, ${q(tacticList)}],`;
    }),
    '};',
    '',
  ];
  return lines.join('\n');
}

const args = parseArgs(process.argv.slice(2));
const table = args.stix ? fromStix(args.stix) : fromListing(args.listing);
if (args.version) table.version = args.version;
const command = `node scripts/gen-attack-table.mjs ${args.stix ? `--stix ${args.stix.split('/').pop()}` : `--listing ${args.listing}`}`;
writeFileSync(args.out, render(table, command));
process.stderr.write(`${args.out}: ${table.tactics.length} tactics, ${table.techniques.size} techniques and sub-techniques\n`);
