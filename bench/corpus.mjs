// The corpus benchmark: the SigmaHQ rules (../shared/sigma/rules) to all three targets in one process, with
// rules/second per stage and peak memory. Runs on the built library (`npm run build` first; `npm ci` does it).
//
//   npm run bench                 # the corpus in ../shared/sigma/rules
//   npm run bench -- DIR          # another folder of rules
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wallOnly = process.argv.includes('--wall-only');
if (wallOnly) process.argv.splice(process.argv.indexOf('--wall-only'), 1);
const checkOnly = process.argv.includes('--check-only');
if (checkOnly) process.argv.splice(process.argv.indexOf('--check-only'), 1);
const stagesOnly = process.argv.includes('--stages-only');
if (stagesOnly) process.argv.splice(process.argv.indexOf('--stages-only'), 1);
const cpuMsNow = () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  return (userCPUTime + systemCPUTime) / 1000;
};
/** The median of a list of numbers (of three runs: the middle one; the machine's other work makes single runs noisy). */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// `--cli-run ARGS...` (run by the benchmark in a fresh process): the CLI itself, reporting its peak memory on exit.
if (process.argv[2] === '--cli-run') {
  const args = process.argv.slice(3);
  process.argv.splice(2, process.argv.length, ...args);
  process.on('exit', () =>
    process.stderr.write(`\nBENCH ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, cpuMs: cpuMsNow() })}\n`),
  );
  await import(join(root, 'dist', 'cli.js'));
} else {
  await benchmark();
}

async function benchmark() {
  const startMs = performance.now();
  const startCpuMs = cpuMsNow();
  const startRssMiB = process.memoryUsage().rss / 1048576;
  const lib = await import(join(root, 'dist', 'index.js')).catch(() => {
    console.error('bench: dist/index.js is missing; run `npm run build` first');
    process.exit(2);
  });
  const { parseYaml, documentFrom, createConverter, applyPipeline, getBackend, getNamedPipeline, parseEvents, indexEvent, compileMatcher } =
    lib;

  const dir = process.argv[2] ?? join(root, '..', 'shared', 'sigma', 'rules');
  if (!existsSync(dir)) {
    console.error(`bench: no rules at ${dir}`);
    process.exit(2);
  }

  function walk(d, out = []) {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, out);
      else if (/\.ya?ml$/.test(name)) out.push(p);
    }
    return out;
  }

  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const time = (f) => {
    const t0 = performance.now();
    const r = f();
    sample();
    return [r, performance.now() - t0];
  };
  const rate = (n, ms) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} rules/s`;
  const row = (stage, n, ms) => console.log(`  ${stage.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms   ${rate(n, ms).padStart(16)}`);

  const TARGETS = [
    { target: 'splunk', pipelines: [] },
    { target: 'kusto', pipelines: ['sentinel_asim'] },
    { target: 'eql', pipelines: ['ecs_windows'] },
  ];

  // `--wall-only` (run by the benchmark in a fresh process): what a user's run does and nothing else — read,
  // load and convert to the three targets — timed from the process's start (Node's own start-up and the import
  // of the library included), without the per-stage measurements below, which add passes of their own.
  if (wallOnly) {
    const files = walk(dir);
    const rules = files.flatMap((f) => lib.loadRules(readFileSync(f, 'utf8'), f).documents.filter((d) => d.kind === 'rule'));
    let n = 0;
    for (const { target, pipelines } of TARGETS) {
      const converter = createConverter({ target, pipelines });
      for (const r of rules) {
        try {
          n += converter.rule(r).queries.length;
        } catch {
          /* a rule the target cannot express */
        }
      }
    }
    console.log(
      JSON.stringify({
        ms: performance.now(),
        cpuMs: cpuMsNow(),
        queries: n,
        rules: rules.length,
        maxRssKb: process.resourceUsage().maxRSS,
      }),
    );
    process.exit(0);
  }

  // `--stages-only` (run by the benchmark in a fresh process): where the cold three-target run's time and memory go,
  // stage by stage (CPU of all the process's threads, resident memory at the end of the stage). The pipelines are
  // also run as a pass of their own before each conversion (which applies them again), so the stages add up to
  // more than the plain run.
  if (stagesOnly) {
    const stages = [];
    let lastMs = 0;
    let lastCpu = 0;
    const mark = (stage) => {
      const ms = performance.now();
      const cpu = cpuMsNow();
      stages.push({ stage, ms: ms - lastMs, cpuMs: cpu - lastCpu, rssMiB: process.memoryUsage().rss / 1048576 });
      lastMs = ms;
      lastCpu = cpu;
    };
    stages.push({ stage: 'Node start-up', ms: startMs, cpuMs: startCpuMs, rssMiB: startRssMiB });
    lastMs = startMs;
    lastCpu = startCpuMs;
    mark('module load (import of the library)');
    const files = walk(dir);
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    mark('read files');
    const parsed = texts.map((t, i) => parseYaml(t, files[i]));
    mark('YAML (js-yaml, positions)');
    const rules = [];
    parsed.forEach((p, i) => p.documents.forEach((d, j) => rules.push(documentFrom(d, j, p, files[i]))));
    mark('AST (schema, detections, conditions)');
    const queries = [];
    for (const { target, pipelines } of TARGETS) {
      const converter = createConverter({ target, pipelines });
      if (converter.pipeline) {
        for (const r of rules) {
          try {
            if (r.kind === 'rule') applyPipeline(converter.pipeline, r);
          } catch {
            /* counted by the conversion */
          }
        }
        mark(`  pipeline ${pipelines.join(', ')} (a pass of its own)`);
      }
      const own = [];
      for (const r of rules) {
        try {
          if (r.kind === 'rule') own.push(...converter.rule(r).queries);
        } catch {
          /* a rule the target cannot express */
        }
      }
      mark(`  convert ${target} (pipeline + query building)`);
      queries.push(converter.finalize(own));
      mark(`  output ${target} (the text of the run)`);
    }
    console.log(JSON.stringify({ stages, bytes: queries.reduce((n, q) => n + q.length, 0), maxRssKb: process.resourceUsage().maxRSS }));
    process.exit(0);
  }

  // `--check-only` (run by the benchmark in a fresh process): `sigmaform check` on the corpus — read, load and every
  // validator (pySigma core and SigmaHQ) — timed from the process's start.
  if (checkOnly) {
    const files = walk(dir);
    const loaded = files.map((f) => lib.loadForValidation(readFileSync(f, 'utf8'), f));
    const results = lib.validateLoaded(loaded, {});
    const findings = results.reduce((n, r) => n + r.findings.length, 0);
    const cpu = process.cpuUsage();
    console.log(JSON.stringify({ ms: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000, files: files.length, findings }));
    process.exit(0);
  }

  const wallStart = performance.now();
  const files = walk(dir);
  const [texts, readMs] = time(() => files.map((f) => readFileSync(f, 'utf8')));
  const [parsed, yamlMs] = time(() => texts.map((t, i) => parseYaml(t, files[i])));
  const [rules, astMs] = time(() => {
    const out = [];
    parsed.forEach((p, i) => p.documents.forEach((d, j) => out.push(documentFrom(d, j, p, files[i]))));
    return out.filter((d) => d.kind === 'rule');
  });
  const loadMs = readMs + yamlMs + astMs;

  console.log(`sigmaform corpus benchmark: ${files.length} files, ${rules.length} rules, node ${process.version}\n`);
  row('read files', files.length, readMs);
  row('YAML (js-yaml, with positions)', files.length, yamlMs);
  row('AST (schema, modifiers, conditions)', rules.length, astMs);

  let convertMs = 0;
  const results = [];
  for (const { target, pipelines } of TARGETS) {
    const converter = createConverter({ target, pipelines });
    const backend = getBackend(target);
    const pipeline = pipelines.length ? getNamedPipeline(backend, pipelines[0]) : undefined;
    let ok = 0;
    let failed = 0;
    const [, pipeMs] = time(() => {
      if (pipeline)
        for (const r of rules) {
          try {
            applyPipeline(pipeline, r);
          } catch {
            /* counted below */
          }
        }
    });
    const [, ms] = time(() => {
      for (const r of rules) {
        try {
          converter.rule(r);
          ok++;
        } catch {
          failed++;
        }
      }
    });
    convertMs += ms;
    results.push({ target, pipelines, ok, failed });
    const label = `${target}${pipelines.length ? ` -p ${pipelines.join(' -p ')}` : ''}`;
    if (pipeline) row(`  pipeline ${pipelines[0]}`, rules.length, pipeMs);
    row(`  compile ${label}`, rules.length, Math.max(0, ms - pipeMs));
    row(`convert ${label} (pipeline+compile)`, rules.length, ms);
  }
  const stagesMs = performance.now() - wallStart;

  // A plain run in a fresh process, three times: wall time, CPU time (every thread of the process: V8 compiles and
  // collects garbage on other threads) and peak memory, each the median of the three.
  const wallRuns = [0, 1, 2].map(() => {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--wall-only', dir], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop());
  });
  const wallMs = median(wallRuns.map((r) => r.ms));
  const wallCpuMs = median(wallRuns.map((r) => r.cpuMs));
  const wallRssMiB = median(wallRuns.map((r) => r.maxRssKb)) / 1024;
  const stageRuns = [0, 1, 2].map(() => {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--stages-only', dir], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop());
  });

  // The command line, one target, whole process (median of three each): one thread, two, and the default (--jobs).
  const cliRun = (extra) => {
    const runs = [0, 1, 2].map(() => {
      const t0 = performance.now();
      const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cli-run', 'convert', '-t', 'splunk', ...extra, dir], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      const ms = performance.now() - t0;
      const line = out.stderr.split('\n').find((l) => l.startsWith('BENCH '));
      const figures = line ? JSON.parse(line.slice(6)) : { maxRssKb: NaN, cpuMs: NaN };
      return { ms, cpuMs: figures.cpuMs, rss: figures.maxRssKb / 1024 };
    });
    return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), rss: median(runs.map((r) => r.rss)) };
  };
  const cliOne = cliRun(['--jobs', '1']);
  const cliDefault = cliRun([]);
  const cliTwo = cliRun(['--jobs', '2']);

  // Steady state: the same load and conversions once more in this process, its code now compiled by V8's
  // optimising tiers (what a long-running build or watch process sees from its second batch on).
  const [warmRules, warmLoadMs] = time(() =>
    texts.flatMap((t, i) => lib.loadRules(t, files[i]).documents.filter((d) => d.kind === 'rule')),
  );
  const [, warmConvertMs] = time(() => {
    for (const { target, pipelines } of TARGETS) {
      const converter = createConverter({ target, pipelines });
      for (const r of warmRules) {
        try {
          converter.rule(r);
        } catch {
          /* counted above */
        }
      }
    }
  });

  // One rule, warm.
  const seed = rules.find((r) => r.title === 'Certificate Exported Via PowerShell') ?? rules[0];
  const warm = createConverter({ target: 'kusto', pipelines: ['sentinel_asim'] });
  for (let i = 0; i < 200; i++) warm.rule(seed);
  const N = 5000;
  const [, singleMs] = time(() => {
    for (let i = 0; i < N; i++) warm.rule(seed);
  });

  // The evaluator: every rule against every regression event (../shared/sigma/regression_data).
  const eventsDir = join(dir, '..', 'regression_data');
  let evalLine = '';
  if (existsSync(eventsDir)) {
    const eventFiles = [];
    const walkJson = (d) => {
      for (const name of readdirSync(d).sort()) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walkJson(p);
        else if (name.endsWith('.json')) eventFiles.push(p);
      }
    };
    walkJson(eventsDir);
    const events = eventFiles.flatMap((f) => parseEvents(readFileSync(f, 'utf8'), f)).map((e) => indexEvent(e));
    const [matchers, compileEvalMs] = time(() =>
      rules.flatMap((r) => {
        try {
          return [compileMatcher(r)];
        } catch {
          return [];
        }
      }),
    );
    let hits = 0;
    const [, evalMs] = time(() => {
      for (const m of matchers) for (const e of events) if (m.test(e)) hits++;
    });
    row('evaluator: compile matchers', matchers.length, compileEvalMs);
    evalLine = `  evaluate ${matchers.length} rules × ${events.length} events: ${evalMs.toFixed(0)} ms (${hits} matches)`;
  }

  // Validation: every validator over the corpus (the work of `sigmaform check`), in this process and in a fresh one.
  const [validationInput, validationLoadMs] = time(() => texts.map((t, i) => lib.loadForValidation(t, files[i])));
  const [validation, validatorsMs] = time(() => lib.validateLoaded(validationInput, {}));
  const checkRuns = [0, 1, 2].map(() => {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--check-only', dir], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop());
  });
  const checkWallMs = median(checkRuns.map((r) => r.ms));
  const checkCpuMs = median(checkRuns.map((r) => r.cpuMs));
  const findingCount = validation.reduce((n, r) => n + r.findings.length, 0);
  row('validate: load (YAML, AST, locators)', files.length, validationLoadMs);
  row(`validate: ${lib.VALIDATORS.length} validators`, files.length, validatorsMs);

  console.log('');
  for (const r of results) console.log(`  ${r.target.padEnd(7)} converted ${r.ok}, failed ${r.failed}`);
  console.log(`\n  load once (read + YAML + AST):     ${loadMs.toFixed(0)} ms`);
  console.log(`  convert to all three targets:      ${convertMs.toFixed(0)} ms`);
  console.log(`  the stages above, one after another: ${stagesMs.toFixed(0)} ms (with the extra pipeline-only passes)`);
  console.log(
    `  wall time, whole corpus, 3 targets: ${wallMs.toFixed(0)} ms (fresh process from its start, Node start-up and import included; median of 3)`,
  );
  console.log(
    `  check, whole corpus, every validator: ${checkWallMs.toFixed(0)} ms wall, ${checkCpuMs.toFixed(0)} ms CPU (fresh process, Node start-up included; median of 3), ${findingCount} findings`,
  );
  console.log(
    `  steady state (a second pass):      load ${warmLoadMs.toFixed(0)} ms, convert to all three ${warmConvertMs.toFixed(0)} ms, together ${(warmLoadMs + warmConvertMs).toFixed(0)} ms`,
  );
  console.log(`  one rule (seed, kusto, warm):      ${((singleMs / N) * 1000).toFixed(1)} µs`);
  if (evalLine) console.log(evalLine);
  console.log(`  peak memory (RSS):                 ${(peakRss / 1024 / 1024).toFixed(0)} MiB (this process, with all its passes)`);
  const whole = (label, r) =>
    console.log(
      `    ${label.padEnd(34)} ${r.ms.toFixed(0).padStart(5)} ms wall, ${r.cpuMs.toFixed(0).padStart(5)} ms CPU, peak ${r.rss.toFixed(0)} MiB`,
    );
  console.log(
    `\n  whole processes (median of 3; targets of issue 20: library <= 850 ms and 120 MiB, CLI <= 600 ms and 100 MiB;\n  pySigma, one target, measured on this machine for issue 20: 6.97 s, 39 MiB):`,
  );
  whole('library, 3 targets, one process:', { ms: wallMs, cpuMs: wallCpuMs, rss: wallRssMiB });
  whole('CLI convert -t splunk --jobs 1:', cliOne);
  whole('CLI convert -t splunk --jobs 2:', cliTwo);
  whole('CLI convert -t splunk (default):', cliDefault);

  // Where a cold three-target run's time and memory go (fresh processes, median of 3 per stage).
  console.log(`\n  the cold library run, stage by stage (fresh process, median of 3; CPU counts every thread of the process):`);
  for (const [k, { stage }] of stageRuns[0].stages.entries()) {
    const ms = median(stageRuns.map((r) => r.stages[k].ms));
    const cpu = median(stageRuns.map((r) => r.stages[k].cpuMs));
    const rss = median(stageRuns.map((r) => r.stages[k].rssMiB));
    console.log(
      `    ${stage.padEnd(48)} ${ms.toFixed(0).padStart(5)} ms wall ${cpu.toFixed(0).padStart(5)} ms CPU   RSS after ${rss.toFixed(0).padStart(4)} MiB`,
    );
  }
  console.log(`    peak RSS of the stage runs: ${median(stageRuns.map((r) => r.maxRssKb / 1024)).toFixed(0)} MiB`);
}
