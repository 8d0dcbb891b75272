// The evaluator benchmark: every corpus rule against an events file, the build issue 19 measured (affc412, the
// evaluator before the engine: built from this clone's history on first use, over the same events), the old loop
// (match() rule by rule, `match --loop`, on the first 2,000 events: it is ~100× slower) and the engine (one thread; two, `-j 2`; and one thread
// over the same events with unique values, where its memos find nothing) side by side in one run: for the whole
// `sigmaform match -r RULES EVENTS --jsonl --stats` process its wall and CPU time and peak memory, its stages
// (rules loaded, compiled, events matched) and the matching rate, whether they print the same pairs; then, in
// this process, the matching alone with and without memos, logsource routing and the prefilter, over the events
// and over their unique-valued copy. Runs on the built CLI (`npm run build` first).
//
//   npm run bench:match                     # ../shared/sigma/rules × regression events repeated to 20,000
//   npm run bench:match -- EVENTS [RULES]   # another events file (JSON lines, array, concatenated objects)
//   npm run bench:match -- --events 5000    # regression events repeated to another count
//   npm run bench:match -- --rounds 5       # rounds of the engine and the issue's build side by side (default 3)
//
// The machine's speed drifts by 2–3× from one minute to the next, so one run of each says little of their ratio:
// the engine and the issue's build run alternately, round after round (each round's runs a few seconds apart, the
// order swapped every round), and the ratio is each round's, their median the measure.
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync, mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
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
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt === -1 ? 3 : Math.max(1, Number(args.splice(roundsAt, 2)[1]));
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
function wholeProcess(file, extra, program = cli, flags = ['--jsonl', '--stats']) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', report, program, 'match', '-r', rulesDir, file, ...flags, ...extra], {
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

// The evaluator as it was when issue 19 measured "today's rate" (1,200 events/s), built from this clone's history
// into node_modules/.cache (esbuild, with this checkout's node_modules): the rate the issue asks 20× of, measured
// beside the engine on the same events and machine (whose speed swings by 2× from one minute to the next). It has
// no --stats: its matching time is its wall over the events less its wall over the first event alone.
const ISSUE_BUILD = 'affc412d8eaf916ff89a2dfa5ab265786b0282c7';
async function issueBuild() {
  const dir = join(root, 'node_modules', '.cache', 'sigmaform-bench', ISSUE_BUILD.slice(0, 7));
  const out = join(dir, 'dist', 'cli.js');
  if (existsSync(out)) return out;
  const tar = spawnSync('git', ['-C', root, 'archive', '--format=tar', ISSUE_BUILD], { maxBuffer: 1 << 30 });
  if (tar.status !== 0)
    return { skipped: `git archive ${ISSUE_BUILD.slice(0, 7)} failed (a shallow clone?): ${String(tar.stderr).trim()}` };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  spawnSync('tar', ['-x', '-C', dir], { input: tar.stdout });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const grammar = spawnSync(process.execPath, [join(dir, 'scripts', 'build-grammar.mjs')], { encoding: 'utf8' });
  if (grammar.status !== 0) return { skipped: `its grammar did not build: ${grammar.stderr.trim()}` };
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(dir, 'src', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: out,
    define: { __SIGMAFORM_VERSION__: JSON.stringify(ISSUE_BUILD.slice(0, 7)) },
    logLevel: 'warning',
  });
  return out;
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
// The same events as one search API response (Defender advanced hunting: {"Stats", "Schema", "Results": [...]}, on
// one line, as curl saves it): its rows are the events, numbered alike (src/eval/containers.ts).
const responseFile = join(tmp, 'hunting-response.json');
writeFileSync(responseFile, `{"Stats":{},"Schema":[],"Results":[${allLines.join(',')}]}`);
const perSecond = (n, s) => Math.round(n / s).toLocaleString('en-US');
console.log(`rules: ${rulesDir}\n\nwhole process (sigmaform match -r RULES EVENTS --jsonl --stats):`);
const issueCli = await issueBuild();
const firstFile = join(tmp, 'first-event.jsonl');
writeFileSync(firstFile, allLines[0] + '\n');
/** The issue's build over the events, its matching time worked out from a run over the first event alone. */
const issueRun = (program) => {
  const all = wholeProcess(eventsFile, [], program, ['--jsonl']);
  const one = wholeProcess(firstFile, [], program, ['--jsonl']);
  return { ...all, events: allLines.length, matching: (all.wall - one.wall) / 1000, fixed: one.wall / 1000 };
};
// Rounds of the engine and the issue's build, one after the other, the order swapped every round.
const rounds = [];
for (let k = 0; k < ROUNDS; k++) {
  const round = {};
  for (const who of k % 2 === 0 ? ['engine', 'issue'] : ['issue', 'engine'])
    if (who === 'engine') round.engine = wholeProcess(eventsFile, []);
    else if (typeof issueCli === 'string') round.issue = issueRun(issueCli);
  rounds.push(round);
}
const engine = rounds[0].engine;
const issue = rounds[0].issue;
const engineTwo = wholeProcess(eventsFile, ['-j', '2']);
const engineUnique = wholeProcess(uniqueFile, []);
const engineResponse = wholeProcess(responseFile, []);
const engineSmall = wholeProcess(loopFile, []);
const loop = wholeProcess(loopFile, ['--loop']);
for (const [name, r] of [
  ['engine', engine],
  ['engine, -j 2', engineTwo],
  ['engine, unique values', engineUnique],
  ['engine, one API response', engineResponse],
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
if (issue !== undefined) {
  console.log(
    `  ${`issue's build (${ISSUE_BUILD.slice(0, 7)})`.padEnd(24)} ${String(issue.events).padStart(6)} events  wall ${(issue.wall / 1000).toFixed(2).padStart(6)} s (${perSecond(issue.events, issue.wall / 1000).padStart(7)} events/s)  cpu ${(issue.cpu / 1000).toFixed(2).padStart(6)} s  peak ${Math.round(issue.rss)} MiB`,
  );
  console.log(
    `  ${''.padEnd(24)} wall over the first event alone ${issue.fixed.toFixed(2)} s, matching ${issue.matching.toFixed(2)} s: ${perSecond(issue.events, issue.matching).padStart(7)} events/s of matching; ${issue.pairs.length} matching pairs`,
  );
} else console.log(`  issue's build: not run, ${issueCli.skipped}`);
const sorted = (pairs) => [...pairs].sort().join('\n');
/** A pair as `rule index` (the issue's build prints no selections). */
const pairKey = (line) => {
  const { rule, index } = JSON.parse(line);
  return `${rule} ${index}`;
};
console.log(`  -j 2 prints the same bytes as one thread: ${engineTwo.pairs.join('\n') === engine.pairs.join('\n') ? 'yes' : 'NO'}`);
console.log(
  `  the API response's rows give the same (rule, index) pairs as the JSON lines: ${engineResponse.pairs.map(pairKey).join('\n') === engine.pairs.map(pairKey).join('\n') ? 'yes' : 'NO'}`,
);
const same = engineSmall.pairs.length === loop.pairs.length && sorted(engineSmall.pairs) === sorted(loop.pairs);
console.log(
  `  identical results on the first ${loopCount} events: ${same ? 'yes' : 'NO'}; engine vs old loop, matching rate: ${(engine.events / engine.matching / (loop.events / loop.matching)).toFixed(1)}×`,
);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
if (issue !== undefined) {
  const alike = rounds.every(
    (r) =>
      r.issue.pairs.length === r.engine.pairs.length &&
      sorted(r.issue.pairs.map(pairKey)) === sorted(r.engine.pairs.map(pairKey)) &&
      r.engine.pairs.join('\n') === engine.pairs.join('\n'),
  );
  console.log(`  the same (rule, event) pairs as the issue's build on all ${issue.events} events, in every round: ${alike ? 'yes' : 'NO'}`);
  console.log(
    `\nside by side, ${ROUNDS} rounds of the engine and the issue's build one after the other (the order swapped every round; the machine's speed drifts between runs, so each round's ratio is taken and their median is the measure):`,
  );
  const ratios = [];
  rounds.forEach((r, k) => {
    const mine = r.engine.events / r.engine.matching;
    const theirs = r.issue.events / r.issue.matching;
    ratios.push(mine / theirs);
    console.log(
      `  round ${k + 1}: engine ${perSecond(r.engine.events, r.engine.matching).padStart(7)} events/s of matching (peak ${Math.round(r.engine.rss)} MiB), issue's build ${perSecond(r.issue.events, r.issue.matching).padStart(6)} (peak ${Math.round(r.issue.rss)} MiB): ${(mine / theirs).toFixed(1)}×`,
    );
  });
  const rates = rounds.map((r) => r.engine.events / r.engine.matching);
  const theirs = rounds.map((r) => r.issue.events / r.issue.matching);
  console.log(
    `  median: engine ${Math.round(median(rates)).toLocaleString('en-US')} events/s of matching, issue's build ${Math.round(median(theirs)).toLocaleString('en-US')}; engine vs the issue's build, matching rate: ${median(ratios).toFixed(1)}× (rounds ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}×); engine peak ${Math.round(Math.max(...rounds.map((r) => r.engine.rss)))} MiB at most`,
  );
}

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
  // Each row as many times as there are rounds, the rows' order rotated every round (the first run after another
  // pays for its garbage): the median of a row's runs is reported.
  const configs = [
    ['engine', {}],
    ['engine, no memos', { memo: false }],
    ['engine, no routing', { routing: false }],
    ['engine, no prefilter', { prefilter: false }],
  ];
  const runs = configs.map(() => []);
  for (let k = 0; k < ROUNDS; k++)
    for (let j = 0; j < configs.length; j++) {
      const c = (j + k) % configs.length;
      const [name, options] = configs[c];
      const lines = linesFor(`${name} ${k}`);
      lib.configureMemos(lib.MEMO_LIMITS);
      const c0 = performance.now();
      const e = lib.compileEngine(rules, options);
      const compileMs = performance.now() - c0;
      const t0 = performance.now();
      let n = 0;
      for (const l of lines) n += e.matches(lib.indexEvent(JSON.parse(l))).length;
      runs[c].push({ ms: performance.now() - t0, compileMs, n });
    }
  configs.forEach(([name], c) => {
    const ms = median(runs[c].map((r) => r.ms));
    const compileMs = median(runs[c].map((r) => r.compileMs));
    const pairs = [...new Set(runs[c].map((r) => r.n))].join('/');
    console.log(
      `  ${name.padEnd(22)} ${rate(ms).padStart(8)} events/s  (median of ${ROUNDS}: ${(ms / 1000).toFixed(2)} s, compile ${(compileMs / 1000).toFixed(2)} s, ${pairs} matching pairs)`,
    );
  });
}
rmSync(tmp, { recursive: true, force: true });
