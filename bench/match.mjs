// The evaluator benchmark: every corpus rule against an events file, the old loop (match() rule by rule, `match
// --loop`, on the first 2,000 events: it is ~100× slower) and the engine (one thread; two, `-j 2`; and one thread
// over the same events with unique values, where its memos find nothing) side by side in one run: for the whole
// `sigmaform match -r RULES EVENTS --jsonl --stats` process its wall and CPU time and peak memory, its stages
// (rules loaded, compiled, events matched) and the matching rate, whether they print the same pairs; then, in
// this process, the matching alone with and without memos, logsource routing and the prefilter, over the events
// and over their unique-valued copy. Runs on the built CLI (`npm run build` first).
//
//   npm run bench:match                     # ../shared/sigma/rules × regression events repeated to 20,000
//   npm run bench:match -- EVENTS [RULES]   # another events file (JSON lines, array, concatenated objects)
//   npm run bench:match -- --events 5000    # regression events repeated to another count
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(2);
}
const lib = await import(join(root, 'dist', 'index.js'));
const args = process.argv.slice(2);
const countAt = args.indexOf('--events');
const count = countAt === -1 ? 20_000 : Number(args.splice(countAt, 2)[1]);
const shared = join(root, '..', 'shared', 'sigma');
const [eventsArg, rulesDir = join(shared, 'rules')] = args;

function walk(d, accept, out = []) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p, accept, out);
    else if (accept(name)) out.push(p);
  }
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'sigmaform-bench-'));
let eventsFile = eventsArg;
if (eventsFile === undefined) {
  const base = walk(join(shared, 'regression_data', 'rules'), (n) => n.endsWith('.json')).flatMap((f) =>
    lib.parseEvents(readFileSync(f, 'utf8'), f),
  );
  const lines = [];
  for (let i = 0; lines.length < count; i++) lines.push(JSON.stringify(base[i % base.length]));
  eventsFile = join(tmp, 'events.jsonl');
  writeFileSync(eventsFile, lines.join('\n') + '\n');
  console.log(`events: ${base.length} regression events repeated to ${lines.length} (${eventsFile})`);
} else console.log(`events: ${eventsFile}`);

// Whole process, as a user runs it; the child reports its own CPU time and peak memory when it exits, and
// `--stats` its stages (rules loaded, compiled, events matched) on stderr.
const report = `data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeSync(2,'\\n@@'+JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1e3,rss:u.maxRSS/1024})+'\\n')})`;
function wholeProcess(file, extra) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', report, cli, 'match', '-r', rulesDir, file, '--jsonl', '--stats', ...extra], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const wall = performance.now() - t0;
  const stats = JSON.parse(/@@(.*)/.exec(r.stderr)?.[1] ?? '{}');
  const stages = /loaded in ([\d.]+) s, \d+ compiled in ([\d.]+) s; (\d+) events? read and matched in ([\d.]+) s/.exec(r.stderr);
  const [load, compile, n, matching] = stages
    ? [Number(stages[1]), Number(stages[2]), Number(stages[3]), Number(stages[4])]
    : [NaN, NaN, 0, NaN];
  const pairs = r.stdout.split('\n').filter(Boolean);
  return { wall, cpu: stats.cpu, rss: stats.rss, pairs, code: r.status, load, compile, events: n, matching };
}

const allLines = readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean);
// The old loop is ~100× slower: it gets the first events only (its rate per event is what is compared).
const loopCount = Math.min(allLines.length, 2000);
const loopFile = join(tmp, 'loop-events.jsonl');
writeFileSync(loopFile, allLines.slice(0, loopCount).join('\n') + '\n');
// The same events with every string value outside what routes them (Windows' System part, Channel, EventID,
// provider) made unique: the engine remembers what values met before gave (src/eval/memo.ts), and here none is
// ever met again, as in a log of unique command lines, paths and ids (the matching pairs then differ).
const ROUTING = new Set(['System', 'Channel', 'EventID', 'Provider', 'Provider_Name', 'EventType']);
let unique = 0;
const uniquely = (v, key, mark) => {
  if (ROUTING.has(key)) return v;
  if (typeof v === 'string') return v.length > 3 ? `${v} ${mark}${unique++}` : v;
  if (Array.isArray(v)) return v.map((x) => uniquely(x, key, mark));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, uniquely(x, k, mark)]));
  return v;
};
/** The lines with unique values, `mark` making them differ from those of another call. */
const uniqueLines = (lines, mark) => lines.map((l) => JSON.stringify(uniquely(JSON.parse(l), '', mark)));
const uniqueFile = join(tmp, 'unique-events.jsonl');
writeFileSync(uniqueFile, uniqueLines(allLines, '#').join('\n') + '\n');
const perSecond = (n, s) => Math.round(n / s).toLocaleString('en-US');
console.log(`rules: ${rulesDir}\n\nwhole process (sigmaform match -r RULES EVENTS --jsonl --stats):`);
const engine = wholeProcess(eventsFile, []);
const engineTwo = wholeProcess(eventsFile, ['-j', '2']);
const engineUnique = wholeProcess(uniqueFile, []);
const engineSmall = wholeProcess(loopFile, []);
const loop = wholeProcess(loopFile, ['--loop']);
for (const [name, r] of [
  ['engine', engine],
  ['engine, -j 2', engineTwo],
  ['engine, unique values', engineUnique],
  [`engine, ${loopCount} events`, engineSmall],
  [`old loop, ${loopCount} events`, loop],
]) {
  console.log(
    `  ${name.padEnd(24)} ${String(r.events).padStart(6)} events  wall ${(r.wall / 1000).toFixed(2).padStart(6)} s (${perSecond(r.events, r.wall / 1000).padStart(7)} events/s)  cpu ${(r.cpu / 1000).toFixed(2).padStart(6)} s  peak ${Math.round(r.rss)} MiB`,
  );
  console.log(
    `  ${''.padEnd(24)} load ${r.load.toFixed(2)} s, compile ${r.compile.toFixed(2)} s, matching ${r.matching.toFixed(2)} s: ${perSecond(r.events, r.matching).padStart(7)} events/s of matching; ${r.pairs.length} matching pairs`,
  );
}
const sorted = (pairs) => [...pairs].sort().join('\n');
console.log(`  -j 2 prints the same bytes as one thread: ${engineTwo.pairs.join('\n') === engine.pairs.join('\n') ? 'yes' : 'NO'}`);
const same = engineSmall.pairs.length === loop.pairs.length && sorted(engineSmall.pairs) === sorted(loop.pairs);
console.log(
  `  identical results on the first ${loopCount} events: ${same ? 'yes' : 'NO'}; engine vs old loop, matching rate: ${(engine.events / engine.matching / (loop.events / loop.matching)).toFixed(1)}×`,
);

// Matching alone, in this process: load once, then read + parse + index + match every event.
const files = walk(rulesDir, (n) => /\.ya?ml$/.test(n));
const rules = files.flatMap((f) => {
  try {
    return lib.loadRules(readFileSync(f, 'utf8'), f).documents.filter((d) => d.kind === 'rule');
  } catch {
    return [];
  }
});
const first = allLines.slice(0, 5000);
for (const [what, linesFor] of [
  [`the first ${first.length} events`, () => first],
  // Values new to every row (and to the warm-up): what is remembered of one row's values is no use to the next.
  ['the same with unique values (new to each row)', (row) => uniqueLines(first, `${row}#`)],
]) {
  const rate = (ms) => Math.round((first.length / ms) * 1000).toLocaleString('en-US');
  console.log(
    `\nin this process, ${what} (${rules.length} rules loaded once; each event parsed, indexed and matched;` +
      ` a first engine run over them warms the code up, so the rows compare the engines, not V8's tiers):`,
  );
  {
    // Memos and their samplers are the process's: each row starts them afresh (configureMemos), so that what one
    // row's values taught them does not carry into the next row.
    lib.configureMemos(lib.MEMO_LIMITS);
    const warm = lib.compileEngine(rules, {});
    for (const l of linesFor('warm-up')) warm.matches(lib.indexEvent(JSON.parse(l)));
  }
  for (const [name, options] of [
    ['engine', {}],
    ['engine, no memos', { memo: false }],
    ['engine, no routing', { routing: false }],
    ['engine, no prefilter', { prefilter: false }],
  ]) {
    const lines = linesFor(name);
    lib.configureMemos(lib.MEMO_LIMITS);
    const c0 = performance.now();
    const e = lib.compileEngine(rules, options);
    const compileMs = performance.now() - c0;
    const t0 = performance.now();
    let n = 0;
    for (const l of lines) n += e.matches(lib.indexEvent(JSON.parse(l))).length;
    const ms = performance.now() - t0;
    console.log(
      `  ${name.padEnd(22)} ${rate(ms).padStart(8)} events/s  (${(ms / 1000).toFixed(2)} s, compile ${(compileMs / 1000).toFixed(2)} s, ${n} matching pairs)`,
    );
  }
}
rmSync(tmp, { recursive: true, force: true });
