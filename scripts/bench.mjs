#!/usr/bin/env node
// npm run bench [-- --rows N] [-- --cases org,wide,year,hourly,usage,minutes,langfuse,langfuse-csv] [-- --stages raw,ingest,classify,audit,simulate,reports]
//               [-- --streamed some|none] [-- --tags some|none] [-- --jobs random|loop] [-- --per-hour N] [-- --keep] [-- --data DIR] [-- --runs N]
//               [-- --rounds N] [-- --files csv|jsonl]
//
// Generates synthetic per-call usage files (batchable-csv) with DuckDB itself, then times each stage in a fresh
// child process with its own peak RSS. Ratios are taken within one run (the raw read and our command back to
// back on the same file), because a shared machine's absolute seconds move with its load.
//
// Cases (all by default):
//   org    today's shape: an org's month, 40 keys, 6 projects, 6 features, 5,000 users, sessions of 7 calls
//   wide   a high-cardinality shape: 40,000 users, 60,000 interleaved sessions, 400 keys, 30 projects,
//          240 feature tags and 80 team tags (about 100,000 distinct identities to name and decide)
//   year   365 daily files of 20,000 calls against one file of the same 7,300,000 calls
//   hourly (not by default) 8,760 hourly files of --per-hour calls (default 100) against one file of the same calls
//   usage  (not by default) a year of daily OpenAI usage CSV exports (usage-API buckets: 24 hours x 40 keys x 5 models,
//          4,800 rows a day, 1,752,000 in all) against one file of the same buckets; and the same days with each file
//          also holding the next day's first hour (72,800 copies of a bucket in two files, settled in the scan)
//   minutes (not by default) a month of OpenAI usage in minute buckets as `batchable pull openai` writes it by default
//          (a page of 1,440 buckets per line, 100 keys; a tenth of them pollers): ingest and audit, no target
//   langfuse (not by default) a year of daily Langfuse windows as `batchable pull langfuse` writes them (pages of 100
//          observations, then pages of their traces with users; 2,000 generations a day, 730,000 in all) against one
//          file of the same pages: a trace's user joins its observations within each file
//   langfuse-csv (not by default) a year of daily Langfuse UI exports of observations as CSV (1,000 generations a day
//          with a prompt and a completion of about 600 bytes, 365,000 in all) against one file of the same rows
// Stages per shape (org, wide; --rows calls each), timed in --rounds rounds (default 3; 1 at 50M calls): each round
// runs raw, ingest, classify and audit back to back, and each figure is that stage's median over the rounds (the
// same stage's ratio moved by up to a quarter between rounds); each round's own ratios are printed beside it:
//   raw       DuckDB reading the file straight into a table of a file database (the yardstick)
//   ingest    `batchable ingest` into a file database                               target <= 1.3x raw
//   classify  labelling every call of the ingested workspace (opened and closed;     target <= 0.5x ingest
//             the modules are loaded before the clock starts, as an audit loads them once)
//   audit     `batchable audit` end to end on the file into a fresh database         target <= 2x raw (2.5x at 50M)
//             and, from its phase marks (BATCHABLE_PROFILE=phases), labelling as an audit runs it: the time from
//             its ingested mark to its labels, against its own ingest (its start to that mark)  target <= 0.5x
//   simulate  `batchable simulate --batch-share 0.6`, then `0.3`, on the audited workspace, each run --runs times
//             (default 5) as a user runs it: the CLI in its own process, wall clock from spawn to exit, CPU
//             and peak RSS from the process's own exit line (BATCHABLE_PROFILE=phases). The median is the
//             figure; the fastest run is the idle-equivalent on a loaded machine.   target < 1 s at 5M, < 5 s at 50M
//   reports   `check`, `explain <workload>` and `audit --html` on the audited workspace, the same way (they
//             reuse the stored analysis: no labelling or pricing)
// Year (and hourly): ingest and audit of the files against the one file (targets 1.5x and 1.2x). With --files jsonl
// the files (and the one file) are JSONL of the same calls, one record per line (batchable-jsonl).
//
// `npm run bench -- --rows 50000000` runs the shapes at 50M calls (about 6.4 GB per file, generated once into
// --data, default bench-data/; takes most of an hour on 2 cores; not run in CI).
// `--stages simulate,reports` (with the same --data and --rows) times those on the audited workspaces a run with
// --keep left, without generating or auditing again. Before timing, one untimed `simulate` brings the stored
// analysis up to date (a new build changes the code fingerprint, so the first run re-labels and re-prices).
// Figures go to stdout as a table; targets are printed, never asserted in unit tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000000' },
    cases: { type: 'string', default: 'org,wide,year' },
    keep: { type: 'boolean', default: false },
    data: { type: 'string', default: `${root}bench-data` },
    streamed: { type: 'string', default: 'some' },
    tags: { type: 'string', default: 'some' },
    jobs: { type: 'string', default: 'random' },
    // The hourly case's calls per file (8,760 files); small by default, as a year of hourly files is measured for
    // its per-file cost, not its size.
    'per-hour': { type: 'string', default: '100' },
    // The year and hourly cases' files: CSV (the default) or JSONL (one record per line, the same calls).
    files: { type: 'string', default: 'csv' },
    stages: { type: 'string', default: 'raw,ingest,classify,audit,simulate,reports' },
    runs: { type: 'string', default: '5' },
    // Rounds of raw read, ingest, labelling and audit per shape (the figures are medians): 3 by default, 1 at 50M calls and more.
    rounds: { type: 'string' },
  },
});
// --streamed none: no call streams, so every workload is a candidate for the run signals (serial runs, fan-out,
// launch shape), which skip mostly-streamed workloads: the worst case for labelling time.
if (values.streamed !== 'some' && values.streamed !== 'none') {
  console.error(`error: --streamed ${values.streamed}: expected some (4 calls in 9, the default) or none`);
  process.exit(2);
}
// --tags none: no feature or team tag, so workloads are named from keys and projects, and within each the calls
// without a user (a third to over half of them) are judged apart, as their own workloads: millions of calls of workloads that
// are candidates for the run signals (the other worst case for labelling time; exports without tags are common).
if (values.tags !== 'some' && values.tags !== 'none') {
  console.error(`error: --tags ${values.tags}: expected some (the default) or none`);
  process.exit(2);
}
// --jobs loop: a fifth of the org and wide shapes' calls are 40 jobs' serial loops (the next call 300 ms after the
// previous one's end, 500 calls a run, runs at the same minutes every day), so that the run signals time real runs:
// the default shapes' calls come at random times, and hold no run of 100 calls.
if (values.jobs !== 'random' && values.jobs !== 'loop') {
  console.error(`error: --jobs ${values.jobs}: expected random (the default) or loop`);
  process.exit(2);
}
// The generated files' name suffix: -unstreamed, -untagged, -loops (so each variant is generated once and kept apart).
const variant = `${values.streamed === 'none' ? '-unstreamed' : ''}${values.tags === 'none' ? '-untagged' : ''}${values.jobs === 'loop' ? '-loops' : ''}`;
/** A tag column of the generated shapes, or nothing with --tags none. */
const tag = (sql) => (values.tags === 'none' ? '' : `,\n        ${sql}`);
if (values.files !== 'csv' && values.files !== 'jsonl') {
  console.error(`error: --files ${values.files}: expected csv (the default) or jsonl`);
  process.exit(2);
}
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error(`error: --rows ${values.rows}: must be a positive whole number`);
  process.exit(2);
}
const cases = values.cases.split(',').map((c) => c.trim());
for (const c of cases) {
  if (!['org', 'wide', 'year', 'hourly', 'usage', 'minutes', 'langfuse', 'langfuse-csv'].includes(c)) {
    console.error(`error: --cases ${values.cases}: "${c}" is not one of org, wide, year, hourly, usage, minutes, langfuse, langfuse-csv`);
    process.exit(2);
  }
}
const allStages = ['raw', 'ingest', 'classify', 'audit', 'simulate', 'reports'];
const stages = new Set(values.stages.split(',').map((s) => s.trim()));
for (const s of stages) {
  if (!allStages.includes(s)) {
    console.error(`error: --stages ${values.stages}: "${s}" is not one of ${allStages.join(', ')}`);
    process.exit(2);
  }
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs <= 0) {
  console.error(`error: --runs ${values.runs}: must be a positive whole number`);
  process.exit(2);
}
const rounds = Number(values.rounds ?? (rows >= 50_000_000 ? 1 : 3));
if (!Number.isInteger(rounds) || rounds <= 0) {
  console.error(`error: --rounds ${values.rounds}: must be a positive whole number`);
  process.exit(2);
}
const dir = values.data.replace(/\/$/, '');
mkdirSync(dir, { recursive: true });

/**
 * Runs a module snippet in a fresh Node process; returns its seconds, CPU seconds and peak RSS (MB) as it reports them.
 * `prelude` (module imports) runs before the clock starts: loading modules is not the work being timed (the CLI
 * stages, timed as a user runs them, include it).
 */
function child(label, code, prelude = '', env = undefined) {
  const script = `
    ${prelude}
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    ${code}
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write('\\n@@' + JSON.stringify({ seconds, cpu: (cpu.user + cpu.system) / 1e6, rssMb: process.resourceUsage().maxRSS / 1024 }));`;
  // With `env` (BATCHABLE_PROFILE), stderr is kept for its phase lines and the rest of it passed on.
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', env === undefined ? 'inherit' : 'pipe'],
    env: env === undefined ? process.env : { ...process.env, ...env },
    maxBuffer: 1 << 26,
  });
  const stderr = r.stderr ?? '';
  const passed = stderr.split('\n').filter((line) => line !== '' && !line.startsWith('[phase ')).join('\n');
  if (passed !== '') process.stderr.write(`${passed}\n`);
  const marker = r.stdout.lastIndexOf('@@');
  if (r.status !== 0 || marker < 0) {
    console.error(`bench: ${label} failed (exit ${r.status})\n${r.stdout.slice(-2000)}`);
    process.exit(1);
  }
  return { ...JSON.parse(r.stdout.slice(marker + 2)), stderr };
}

/** Wall and CPU seconds since the process started at a phase line of BATCHABLE_PROFILE=phases (src/profile.ts). */
function phaseAt(stderr, name, label) {
  const m = new RegExp(`^\\[phase ([\\d.]+)s wall ([\\d.]+)s cpu\\] ${name}`, 'm').exec(stderr);
  if (m === null) {
    console.error(`bench: ${label}: no "${name}" phase line on stderr`);
    process.exit(1);
  }
  return { seconds: Number(m[1]), cpu: Number(m[2]) };
}

const duck = `const { DuckDBInstance } = await import('@duckdb/node-api');`;

/**
 * `batchable <args>` as a user runs it: bin/batchable.js in its own process. Wall seconds from spawn to exit
 * (Node's start and module loading included); CPU seconds and peak RSS from the process's exit line, which
 * BATCHABLE_PROFILE=phases prints (src/profile.ts). Returns stdout too.
 */
function userRun(label, args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [`${root}bin/batchable.js`, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BATCHABLE_PROFILE: 'phases', NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - started) / 1000;
  const exit = /\[phase [\d.]+s wall ([\d.]+)s cpu\] exit \d+, peak rss (\d+) MB/.exec(r.stderr ?? '');
  if (r.status !== 0 || exit === null) {
    console.error(`bench: ${label} failed (exit ${r.status})\n${(r.stderr ?? '').slice(-2000)}`);
    process.exit(1);
  }
  return { seconds, cpu: Number(exit[1]), rssMb: Number(exit[2]), stdout: r.stdout };
}

/** `runs` user runs of one command: the median run's figures (median() below), and the fastest wall (idle-equivalent). */
function userRuns(label, args) {
  const all = Array.from({ length: runs }, () => userRun(label, args));
  return { ...median(all), fastest: Math.min(...all.map((r) => r.seconds)), runs: all.length };
}

/** `batchable <args>` in a fresh process, output discarded (errors to stderr). */
const cli = (label, args, env = undefined) =>
  child(label, `
    const { main } = await import('./dist/cli/main.js');
    const quiet = { out: () => {}, err: (t) => { if (t.startsWith('error') || t.startsWith('internal')) process.stderr.write(t); }, style: { color: false, columns: 100 }, interactive: false };
    const code = await main(${JSON.stringify(['node', 'batchable', ...args])}, quiet);
    if (code !== 0) process.exit(code);`, '', env);

/** The SELECT of `n` calls of a shape, starting at call number `from` (org, wide: over October; year: from 2026-01-01, `perFile` calls a day or an hour). */
function shapeSql(shape, n, from = 0, perFile = 20_000, unit = 'day') {
  const i = `(t.i + ${from})`;
  const h = (k) => `hash(${i} * ${k})`;
  const streamed = values.streamed === 'none' ? 'false' : `(hash(${i}) % 9 < 4)`;
  const models = `(['gpt-5.4', 'claude-sonnet-4-6', 'gpt-5.4-mini', 'gemini-3.1-pro', 'text-embedding-3-small'])[1 + (hash(${i}) % 5)::INTEGER]`;
  const common = `'req_' || ${i} AS call_id,
        ${models} AS model,
        CASE WHEN hash(${i}) % 5 = 4 THEN 'embeddings' ELSE 'chat' END AS operation,
        100 + ${h(7)} % 6000 AS input_tokens,
        CASE WHEN hash(${i}) % 3 = 0 THEN ${h(11)} % 4000 END AS cache_read_tokens,
        CASE WHEN hash(${i}) % 5 = 4 THEN 0 ELSE 20 + ${h(13)} % 900 END AS output_tokens,
        ${streamed} AS streamed,
        CASE WHEN ${streamed} THEN 200 + ${h(17)} % 900 END AS ttft_ms,
        400 + ${h(19)} % 12000 AS latency_ms`;
  // Who calls in the org shape (and in the year of files, which is the org shape spread over a year).
  const orgIdentity = `'key_' || (${h(23)} % 40) AS api_key,
        'proj_' || (${h(29)} % 6) AS project,
        CASE WHEN hash(${i}) % 9 < 4 THEN 'user_' || (${h(31)} % 5000) END AS user_id,
        CASE WHEN hash(${i}) % 9 < 4 THEN 'sess_' || (${i} // 7) END AS session_id${tag(
          `(['chat', 'nightly-digest', 'autocomplete', 'backfill', 'support-agent', 'eval'])[1 + (${h(37)} % 6)::INTEGER] AS feature`)}`;
  // --jobs loop: the shape's own calls are the first n - jobCalls, and loopJobsSql adds the rest.
  const jobCalls = values.jobs === 'loop' && (shape === 'org' || shape === 'wide') ? Math.floor(n / 5) : 0;
  const own = n - jobCalls;
  const jobs = jobCalls > 0 ? `\n      UNION ALL BY NAME ${loopJobsSql(jobCalls, own, shape === 'wide')}` : '';
  if (shape === 'org') {
    // An org's month of traffic, spread evenly over October.
    return `SELECT ${common},
        TIMESTAMPTZ '2026-10-01 00:00:00+00' + to_microseconds((${i}::HUGEINT * 2592000000000 // ${own})::BIGINT) AS ts,
        ${orgIdentity}
      FROM range(${own}) t(i)${jobs}`;
  }
  if (shape === 'wide') {
    // Many tenants: a key belongs to a project; features and teams are tags; sessions interleave in time.
    return `SELECT ${common},
        TIMESTAMPTZ '2026-10-01 00:00:00+00' + to_microseconds((${i}::HUGEINT * 2592000000000 // ${own})::BIGINT) AS ts,
        'key_' || (${h(23)} % 400) AS api_key,
        'proj_' || (${h(23)} % 400 % 30) AS project,
        CASE WHEN hash(${i}) % 9 < 6 THEN 'user_' || (${h(31)} % 40000) END AS user_id,
        CASE WHEN hash(${i}) % 9 < 6 THEN 'sess_' || ((${i} // 1000) * 7 + ${h(41)} % 7) % 60000 END AS session_id${tag(
          `'feat_' || (${h(37)} % 240) AS feature`)}${tag(`'team_' || (${h(37)} % 240 % 80) AS team`)}
      FROM range(${own}) t(i)${jobs}`;
  }
  // year: the org shape over a year, `perFile` calls a day (or an hour); the day (hour) is the partition, not a
  // column of the files.
  const span = unit === 'day' ? 86400000000 : 3600000000;
  const at = `TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_microseconds((${i}::HUGEINT * ${span} // ${perFile})::BIGINT)`;
  return `SELECT ${common},
        ${at} AS ts,
        strftime(${at}, '${unit === 'day' ? '%Y-%m-%d' : '%Y-%m-%dT%H'}') AS ${unit},
        ${orgIdentity}
      FROM range(${n}) t(i)`;
}

/**
 * `n` calls of 40 jobs (call numbers from `from`), each on a key of its own with no user or session: serial loops of 500
 * calls of 1.5 s, each starting 300 ms after the previous one's end, its runs at the same minutes of every day of October
 * (as many a day as the calls need). `wide` adds the team tag the wide shape has.
 */
function loopJobsSql(n, from, wide) {
  const jobs = 40;
  const runCalls = 500;
  const runsPerJob = Math.ceil(n / jobs / runCalls);
  const runsPerDay = Math.ceil(runsPerJob / 30);
  // Call c of job j: run r = c // runCalls, call k = c % runCalls; run r on day r // runsPerDay, at its slot of the day.
  return `SELECT 'req_' || (${from} + t.i) AS call_id, 'gpt-5.4-mini' AS model, 'chat' AS operation,
        800 + hash(t.i * 7) % 400 AS input_tokens, NULL::BIGINT AS cache_read_tokens, 40 + hash(t.i * 13) % 80 AS output_tokens,
        false AS streamed, NULL::BIGINT AS ttft_ms, 1500 AS latency_ms,
        TIMESTAMPTZ '2026-10-01 00:00:00+00'
          + to_microseconds((((t.i // ${jobs}) // ${runCalls}) // ${runsPerDay} * 86400000000
            + ((t.i // ${jobs}) // ${runCalls}) % ${runsPerDay} * ${Math.floor(86400 / runsPerDay)} * 1000000
            + (t.i % ${jobs}) * 60000000 + ((t.i // ${jobs}) % ${runCalls}) * 1800000)::BIGINT) AS ts,
        'key_job_' || (t.i % ${jobs}) AS api_key, 'proj_jobs' AS project, NULL::VARCHAR AS user_id, NULL::VARCHAR AS session_id${tag(
          `'loop-job' AS feature`)}${wide ? tag(`'team_jobs' AS team`) : ''}
      FROM range(${n}) t(i)`;
}

/** Writes `sql`'s rows with DuckDB COPY (once: an existing file or directory is reused). */
function generate(target, copySql, label) {
  if (existsSync(target)) return;
  console.error(`generating ${label} into ${target} ...`);
  child(`generate ${label}`, `${duck}
    const db = await DuckDBInstance.create(':memory:'); const c = await db.connect();
    await c.run(${JSON.stringify(copySql)});`);
}

/**
 * As COPY … PARTITION_BY writes CSV (`<dir>/<column>=<value>/data_0.<ext>`, the column left out), for JSONL:
 * DuckDB 1.5 cannot partition a JSON COPY, so each part is written by a COPY of its own.
 */
function generateParts(target, rowsSql, column, label) {
  if (existsSync(target)) return;
  console.error(`generating ${label} into ${target} ...`);
  child(`generate ${label}`, `${duck}
    const { mkdirSync } = await import('node:fs');
    const db = await DuckDBInstance.create(':memory:'); const c = await db.connect();
    await c.run(${JSON.stringify(`CREATE TABLE t AS ${rowsSql}`)});
    const parts = (await c.runAndReadAll(${JSON.stringify(`SELECT DISTINCT ${column} FROM t ORDER BY 1`)})).getRows().map((r) => String(r[0]));
    for (const p of parts) {
      const dir = ${JSON.stringify(target)} + '/${column}=' + p;
      mkdirSync(dir, { recursive: true });
      await c.run(\`COPY (SELECT * EXCLUDE (${column}) FROM t WHERE ${column} = '\${p}') TO '\${dir}/data_0.jsonl' (FORMAT json)\`);
    }`);
}

const fresh = (path) => {
  for (const p of [path, `${path}.wal`, `${path}.tmp`]) rmSync(p, { force: true, recursive: true });
};
const raw = (label, file, db) => {
  fresh(db);
  const read = file.endsWith('.jsonl') ? 'read_json' : 'read_csv';
  return child(label, `
    const db = await DuckDBInstance.create('${db}'); const c = await db.connect();
    await c.run(\`CREATE TABLE raw AS SELECT * FROM ${read}('${file}')\`); c.closeSync(); db.closeSync();`, duck);
};

const results = [];
const dbs = [];
const row = (group, stage, r, ratio, target, verdict) => {
  results.push({ group, stage, ...r, ratio, target, verdict });
  // Each figure as soon as it is measured (a 50M run takes most of an hour); the table follows at the end.
  const fastest = r.fastest === undefined ? '' : `, fastest ${r.fastest.toFixed(2)} s of ${r.runs}`;
  console.error(`  ${group} | ${stage}: ${r.seconds.toFixed(2)} s${fastest} (cpu ${r.cpu.toFixed(2)} s), ${ratio === 0 ? "" : `${ratio.toFixed(2)}x, `}${r.rssMb.toFixed(0)} MB, load ${loadavg()[0].toFixed(1)} ${verdict ?? ''}`);
};
const within = (value, limit) => (value <= limit ? 'ok' : 'MISSED');
/** Times one run of a stage into `runs`, printed on stderr as it ends (the table of medians follows at the end). */
function timeInto(runs, group, stage, run) {
  const r = run();
  runs.push(r);
  console.error(`  ${group} | ${stage}: ${r.seconds.toFixed(2)} s (cpu ${r.cpu.toFixed(2)} s), ${r.rssMb.toFixed(0)} MB, load ${loadavg()[0].toFixed(1)}`);
}
/** The median of timed runs: seconds and CPU seconds each the middle value (the mean of the two middle ones for an even count), the peak RSS the largest. */
function median(all) {
  const mid = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const half = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  };
  return { seconds: mid(all.map((r) => r.seconds)), cpu: mid(all.map((r) => r.cpu)), rssMb: Math.max(...all.map((r) => r.rssMb)) };
}

for (const shape of cases.filter((c) => c === 'org' || c === 'wide')) {
  const file = `${dir}/${shape}-${rows}${variant}.csv`;
  const [rawDb, ingestDb, auditDb] = ['raw', 'ingest', 'audit'].map((s) => `${dir}/${shape}-${s}.duckdb`);
  const reading = ['raw', 'ingest', 'classify', 'audit'].some((s) => stages.has(s));
  if (reading) generate(file, `COPY (${shapeSql(shape, rows)}) TO '${file}' (HEADER)`, `${rows.toLocaleString('en-US')} ${shape} calls`);
  const group = `${shape}${variant}, ${rows.toLocaleString('en-US')} calls${existsSync(file) ? `, ${(statSync(file).size / 1e6).toFixed(0)} MB` : ''}`;
  // Each round times raw read, ingest, labelling and audit back to back; the figures are each stage's median over
  // the rounds, so one slow run of a shared machine does not decide a target (the per-round ratios are printed too).
  // labelsInAudit / ingestInAudit: the audit run's own phases (from its start to the ingested mark, and from there to
  // the labels), so labelling is also measured as an audit runs it: after ingest, in the same process.
  const timed = { raw: [], ingest: [], classify: [], audit: [], ingestInAudit: [], labelsInAudit: [] };
  const needsRaw = stages.has('raw') || stages.has('ingest') || stages.has('audit');
  if (needsRaw) dbs.push(rawDb);
  if (stages.has('ingest') || stages.has('classify')) dbs.push(ingestDb);
  if (stages.has('audit')) dbs.push(auditDb);
  for (let round = 1; round <= rounds; round += 1) {
    const tag = rounds > 1 ? ` (round ${round} of ${rounds})` : '';
    if (needsRaw) timeInto(timed.raw, group, `raw read${tag}`, () => raw(`${shape} raw`, file, rawDb));
    if (stages.has('ingest') || stages.has('classify')) {
      fresh(ingestDb);
      timeInto(timed.ingest, group, `ingest${tag}`, () => cli(`${shape} ingest`, ['ingest', file, '--db', ingestDb]));
    }
    // Labelling alone (issue 4's promise: at most half of ingest), on the ingested workspace.
    if (stages.has('classify')) {
      timeInto(timed.classify, group, `classify${tag}`, () =>
        child(`${shape} classify`, `
          const ws = await openWorkspace('${ingestDb}');
          await classifyCalls(ws, undefined); ws.close();`, `
          const { openWorkspace } = await import('./dist/db/workspace.js');
          const { classifyCalls } = await import('./dist/classify/index.js');`),
      );
    }
    if (stages.has('audit')) {
      fresh(auditDb);
      timeInto(timed.audit, group, `audit${tag}`, () => {
        const run = cli(`${shape} audit`, ['audit', file, '--db', auditDb], { BATCHABLE_PROFILE: 'phases' });
        const ingested = phaseAt(run.stderr, 'ingested', `${shape} audit`);
        const labelled = phaseAt(run.stderr, 'labels', `${shape} audit`);
        timed.ingestInAudit.push({ ...ingested, rssMb: run.rssMb });
        timed.labelsInAudit.push({ seconds: labelled.seconds - ingested.seconds, cpu: labelled.cpu - ingested.cpu, rssMb: run.rssMb });
        console.error(`  ${group} | audit${tag}: its ingest ${ingested.seconds.toFixed(2)} s, then its labelling ${(labelled.seconds - ingested.seconds).toFixed(2)} s`);
        return run;
      });
    }
  }
  const yard = needsRaw ? median(timed.raw) : undefined;
  const ingest = timed.ingest.length > 0 ? median(timed.ingest) : undefined;
  /** Each round's ratio of a stage to its yardstick in the same round, as a note beside the median's. */
  const perRound = (stage, base) => (rounds > 1 ? `rounds ${timed[stage].map((r, i) => (r.seconds / timed[base][i].seconds).toFixed(2)).join(' / ')}; ` : '');
  if (needsRaw) row(group, 'raw read (DuckDB read_csv -> table)', yard, 1);
  if (stages.has('ingest')) {
    row(group, 'batchable ingest', ingest, ingest.seconds / yard.seconds, `${perRound('ingest', 'raw')}<= 1.3x raw`, within(ingest.seconds / yard.seconds, 1.3));
  }
  if (stages.has('classify')) {
    const classify = median(timed.classify);
    row(group, 'classify (labels for every call)', classify, classify.seconds / ingest.seconds, `${perRound('classify', 'ingest')}<= 0.5x ingest`, within(classify.seconds / ingest.seconds, 0.5));
  }
  if (stages.has('audit')) {
    // Labelling's target as an audit meets it: its labelling phase against its own ingest (start to the ingested mark).
    const labels = median(timed.labelsInAudit);
    const ingested = median(timed.ingestInAudit);
    row(group, 'labels within audit (after its ingest)', labels, labels.seconds / ingested.seconds, `${perRound('labelsInAudit', 'ingestInAudit')}<= 0.5x its ingest (${ingested.seconds.toFixed(2)} s)`, within(labels.seconds / ingested.seconds, 0.5));
    const audit = median(timed.audit);
    const auditLimit = rows >= 50_000_000 ? 2.5 : 2;
    row(group, 'batchable audit end to end', audit, audit.seconds / yard.seconds, `${perRound('audit', 'raw')}<= ${auditLimit}x raw`, within(audit.seconds / yard.seconds, auditLimit));
  }
  if (!stages.has('simulate') && !stages.has('reports')) continue;
  if (!existsSync(auditDb)) {
    console.error(`error: ${auditDb}: no audited workspace; run the audit stage first (with --keep to keep it)`);
    process.exit(2);
  }
  // One untimed run brings the stored analysis up to this build (the code fingerprint); it also names a workload.
  const warm = userRun(`${shape} simulate (warm-up)`, ['simulate', '--db', auditDb, '--batch-share', '0.5', '--format', 'json']);
  const workload = JSON.parse(warm.stdout).workloads[0]?.name;
  if (stages.has('simulate')) {
    const simLimit = rows >= 50_000_000 ? 5 : 1;
    for (const share of ['0.6', '0.3']) {
      const sim = userRuns(`${shape} simulate`, ['simulate', '--db', auditDb, '--batch-share', share]);
      row(group, `simulate --batch-share ${share} (CLI, median of ${sim.runs})`, sim, 0, `< ${simLimit} s`, sim.seconds < simLimit ? 'ok' : 'MISSED');
    }
  }
  if (stages.has('reports')) {
    const html = `${dir}/${shape}-report.html`;
    const reports = [
      ['check --max-sync-share 1', ['check', '--db', auditDb, '--max-sync-share', '1']],
      [`explain <workload>`, ['explain', workload, '--db', auditDb]],
      ['audit --html (analysed)', ['audit', '--db', auditDb, '--html', html]],
    ];
    for (const [stage, args] of reports) {
      const r = userRuns(`${shape} ${stage}`, args);
      row(group, `${stage} (CLI, median of ${r.runs})`, r, 0, '', '');
    }
    rmSync(html, { force: true });
  }
}

/**
 * A year of daily OpenAI usage CSV exports (src/ingest/adapters/openai.ts): hourly buckets by project, key and model,
 * `keys` keys of 12 projects, 5 models, every hour of 2026; `day` is the partition.
 */
function usageBucketsSql(keys) {
  const models = ['gpt-5.4-2026-03-05', 'gpt-5.4-mini-2026-03-17', 'gpt-4.1-2025-04-14', 'o4-mini-2025-04-16', 'text-embedding-3-small'];
  const at = `TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_microseconds(h.i * 3600000000)`;
  const iso = (t) => `strftime(${t}, '%Y-%m-%dT%H:%M:%S+00:00')`;
  return `SELECT epoch(${at})::BIGINT AS start_time, epoch(${at})::BIGINT + 3600 AS end_time, ${iso(at)} AS start_time_iso,
        ${iso(`${at} + INTERVAL 1 HOUR`)} AS end_time_iso, 'proj_' || (k.i % 12) AS project_id, 'Project ' || (k.i % 12) AS project_name,
        'key_' || k.i AS api_key_id, 'key-' || k.i AS api_key_name, m.model, CASE WHEN k.i % 10 = 0 THEN 'True' ELSE 'False' END AS batch,
        'default' AS service_tier, 1000 + hash(h.i, k.i, m.model) % 200000 AS input_tokens, 100 + hash(k.i, h.i, m.model) % 20000 AS output_tokens,
        hash(m.model, h.i, k.i) % 1000 AS input_cached_tokens, 0 AS input_audio_tokens, 0 AS output_audio_tokens,
        1 + hash(h.i * 7, k.i, m.model) % 200 AS num_model_requests, strftime(${at}, '%Y-%m-%d') AS day
      FROM range(8760) h(i), range(${keys}) k(i), (SELECT unnest([${models.map((m) => `'${m}'`).join(', ')}]) AS model) m`;
}

/** A year of exports, one file a day (or an hour), against one file of the same calls (`usage`: of usage buckets). */
function yearCase(unit, count, perFile, usage = false) {
  const n = count * perFile;
  const jsonl = values.files === 'jsonl' && !usage;
  const name = usage ? 'usage' : 'year';
  const daily = `${dir}/${name}-${unit}-${perFile}${usage ? '' : variant}${jsonl ? '-jsonl' : ''}`;
  const one = `${dir}/${name}-one-${unit}-${n}${usage ? '' : variant}.${jsonl ? 'jsonl' : 'csv'}`;
  const rowsSql = usage ? usageBucketsSql(perFile / 24 / 5) : shapeSql('year', n, 0, perFile, unit);
  const label = `${count} files of ${perFile.toLocaleString('en-US')} ${usage ? 'buckets' : 'calls'}`;
  if (jsonl) generateParts(daily, rowsSql, unit, label);
  // DuckDB keeps 100 partitions' files open by default, then starts new ones: 552 files for the usage case's 365 days.
  else generate(daily, `${usage ? 'SET partitioned_write_max_open_files = 1000; ' : ''}COPY (${rowsSql}) TO '${daily}' (FORMAT csv, HEADER, PARTITION_BY (${unit}))`, label);
  generate(one, `COPY (SELECT * EXCLUDE (${unit}) FROM (${rowsSql})) TO '${one}' (${jsonl ? 'FORMAT json' : 'HEADER'})`, `one file of ${n.toLocaleString('en-US')} calls`);
  const files = readdirSync(daily)
    .filter((d) => d.startsWith(`${unit}=`))
    .sort()
    .flatMap((d) => readdirSync(`${daily}/${d}`).map((f) => `${daily}/${d}/${f}`));
  const group = `${name}: ${files.length} ${unit === 'day' ? 'daily' : 'hourly'} ${usage ? 'OpenAI usage CSV' : jsonl ? 'JSONL' : 'CSV'} files vs one file, ${n.toLocaleString('en-US')} ${usage ? 'buckets' : 'calls'}`;
  const [rawDb, oneDb, manyDb] = ['raw', 'one', 'many'].map((s) => `${dir}/${name}-${unit}-${s}.duckdb`);
  dbs.push(rawDb, oneDb, manyDb);
  const yard = raw(`${unit} raw`, one, rawDb);
  row(group, 'raw read of the one file', yard, 1);
  fresh(oneDb);
  const ingestOne = cli(`${unit} ingest one`, ['ingest', one, '--db', oneDb]);
  row(group, 'ingest: one file', ingestOne, ingestOne.seconds / yard.seconds, '', '');
  fresh(manyDb);
  // The hourly files are given as their directory (8,760 paths would pass the kernel's 128 KB limit for one
  // argument of the child's script); batchable walks it in sorted order, as the list is.
  const ingestMany = cli(`${unit} ingest many`, ['ingest', ...(unit === 'day' ? files : [daily]), '--db', manyDb]);
  row(group, `ingest: ${files.length} files`, ingestMany, ingestMany.seconds / ingestOne.seconds, '<= 1.5x one file', within(ingestMany.seconds / ingestOne.seconds, 1.5));
  if (usage) {
    // The same days, each file also holding the next day's first hour (an export whose window crosses midnight, or a
    // partial bucket pulled again): 364 x 200 buckets with a copy in two files, settled in the scan.
    const overlapping = `${daily}-overlap`;
    const copies = `SELECT * REPLACE (strftime(to_timestamp(start_time - 86400), '%Y-%m-%d') AS day) FROM (${rowsSql})
      WHERE start_time % 86400 = 0 AND start_time > epoch(TIMESTAMPTZ '2026-01-01 00:00:00+00')`;
    generate(overlapping, `SET partitioned_write_max_open_files = 1000; SET TimeZone = 'UTC'; COPY (SELECT * FROM (${rowsSql}) UNION ALL ${copies}) TO '${overlapping}' (FORMAT csv, HEADER, PARTITION_BY (day))`,
      `${label}, overlapping by an hour`);
    const overlapFiles = readdirSync(overlapping).filter((d) => d.startsWith('day=')).sort().flatMap((d) => readdirSync(`${overlapping}/${d}`).map((f) => `${overlapping}/${d}/${f}`));
    const overlapDb = `${dir}/${name}-${unit}-overlap.duckdb`;
    dbs.push(overlapDb);
    fresh(overlapDb);
    const ingestOverlap = cli(`${unit} ingest overlapping`, ['ingest', ...overlapFiles, '--db', overlapDb]);
    row(group, `ingest: ${overlapFiles.length} files overlapping by an hour`, ingestOverlap, ingestOverlap.seconds / ingestOne.seconds, '<= 1.5x one file', within(ingestOverlap.seconds / ingestOne.seconds, 1.5));
  }
  const auditOne = cli(`${unit} audit one`, ['audit', '--db', oneDb]);
  row(group, 'audit of the ingested one file', auditOne, auditOne.seconds / yard.seconds, '', '');
  const auditMany = cli(`${unit} audit many`, ['audit', '--db', manyDb]);
  row(group, `audit of the ingested ${files.length} files`, auditMany, auditMany.seconds / auditOne.seconds, '<= 1.2x one file', within(auditMany.seconds / auditOne.seconds, 1.2));
}

if (cases.includes('year')) yearCase('day', 365, 20_000);
if (cases.includes('hourly')) {
  const perHour = Number(values['per-hour']);
  if (!Number.isInteger(perHour) || perHour <= 0) {
    console.error(`error: --per-hour ${values['per-hour']}: must be a positive whole number`);
    process.exit(2);
  }
  yearCase('hour', 8760, perHour);
}
if (cases.includes('usage')) yearCase('day', 365, 24 * 40 * 5, true);

/**
 * A month of OpenAI usage in minute buckets, as `batchable pull openai` writes it by default (src/pull/sources/openai.ts:
 * one page per line, a day's 1,440 buckets a page): 100 keys over 7 projects and 3 models, grouped by key, project and
 * model. A tenth of the keys are pollers (the first 5 minutes of every hour); the others are busy in 70% of the
 * minutes from 08:00 to 19:00 and 10% of the others. About 1.5M results in 30 pages of 13.3-13.4 MB (401 MB of JSON). No target: it
 * prints what the default pull's data costs to ingest and audit (a page is one row of the file: its results are
 * unnested part by part, then read on every core; src/ingest/file-rows.ts, writeInParts).
 */
function minutesCase(keys = 100, days = 30) {
  const file = `${dir}/minutes-openai-${keys}-keys-${days}-days.jsonl.gz`;
  const start = Date.parse('2026-10-01T00:00:00Z') / 1000;
  const pagesSql = `WITH m AS (SELECT d, i, ${start} + d * 86400 + i * 60 AS t FROM range(${days}) r(d), range(1440) q(i)),
      busy AS (
        SELECT m.d, m.t, k.k FROM m, range(${keys}) k(k)
        WHERE CASE WHEN k.k % 10 = 0 THEN m.i % 60 < 5 ELSE hash(m.t, k.k) % 100 < CASE WHEN m.i // 60 BETWEEN 8 AND 18 THEN 70 ELSE 10 END END
      ),
      buckets AS (
        SELECT d, t, list({'object': 'organization.usage.completions.result', 'input_tokens': 2000 + hash(t, k) % 3000,
          'output_tokens': 300 + hash(k, t) % 500, 'input_cached_tokens': 0, 'num_model_requests': 1 + hash(t, k, 1) % 8,
          'project_id': 'proj_' || (k % 7), 'user_id': NULL, 'api_key_id': 'key_' || k,
          'model': (['gpt-4o-mini-2024-07-18', 'gpt-4.1-2025-04-14', 'gpt-4o-2024-08-06'])[1 + k % 3], 'batch': false, 'service_tier': 'default'}) AS results
        FROM busy GROUP BY d, t
      )
    SELECT 'page' AS object, list({'object': 'bucket', 'start_time': t, 'end_time': t + 60, 'results': results} ORDER BY t) AS data,
      false AS has_more, NULL AS next_page
    FROM buckets GROUP BY d ORDER BY d`;
  generate(file, `COPY (${pagesSql}) TO '${file}' (FORMAT json, COMPRESSION gzip)`, `a month of ${keys} keys' minute buckets`);
  const group = `minutes: a month of OpenAI usage pages in 1 m buckets (pull openai's default), ${keys} keys`;
  const db = `${dir}/minutes.duckdb`;
  dbs.push(db);
  fresh(db);
  const ingest = cli('minutes ingest', ['ingest', file, '--db', db]);
  row(group, 'ingest', ingest, 0, '', '');
  const audit = cli('minutes audit', ['audit', '--db', db]);
  row(group, 'audit of the ingested file (labels, prices, report)', audit, 0, '', '');
}

if (cases.includes('minutes')) minutesCase();

/**
 * A year of daily Langfuse windows (src/ingest/adapters/langfuse.ts; src/pull/sources/langfuse.ts writes them so):
 * each day's generations in pages of 100 observations (two per trace), then pages of 100 of their traces, each
 * with its user; as one JSONL file a day and as one file of every page.
 */
function langfuseCase(perDay) {
  const days = 365;
  const daily = `${dir}/langfuse-day-${perDay}`;
  const one = `${dir}/langfuse-one-day-${perDay}.jsonl`;
  const at = (t) => `strftime(${t}, '%Y-%m-%dT%H:%M:%S.%gZ')`;
  const pagesSql = `WITH g AS (
      SELECT i, i // 2 AS tr, TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_microseconds(i * ${86_400_000_000 / perDay}) AS t FROM range(${days * perDay}) r(i)
    ), recs AS (
      SELECT strftime(t, '%Y-%m-%d') AS day, 0 AS kind, (i % ${perDay}) // 100 AS page, i AS ord,
        json_object('id', 'gen-' || i, 'traceId', 'tr-' || tr, 'type', 'GENERATION', 'name', 'summarise', 'startTime', ${at('t')},
          'endTime', ${at("t + INTERVAL 2 SECOND")}, 'completionStartTime', NULL, 'model', 'gpt-4o-2024-08-06', 'parentObservationId', NULL,
          'usageDetails', json_object('input', 1000 + i % 500, 'output', 100 + i % 50), 'costDetails', json_object('total', 0.001),
          'latency', 2.0, 'level', 'DEFAULT', 'environment', 'production') AS rec FROM g
      UNION ALL
      SELECT strftime(t, '%Y-%m-%d'), 1, (tr % ${perDay / 2}) // 100, tr,
        json_object('id', 'tr-' || tr, 'timestamp', ${at('t')}, 'name', 'ticket-summary', 'userId', 'user_' || (tr % 500), 'sessionId', NULL,
          'tags', [], 'observations', ['gen-' || i, 'gen-' || (i + 1)]) FROM g WHERE i % 2 = 0
    )
    SELECT day, kind, page, json_object('data', to_json(list(rec ORDER BY ord))) AS line FROM recs GROUP BY ALL`;
  if (!existsSync(daily)) {
    console.error(`generating ${days} daily Langfuse windows into ${daily} ...`);
    child('generate langfuse windows', `${duck}
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const db = await DuckDBInstance.create(':memory:'); const c = await db.connect();
      await c.run(${JSON.stringify(`CREATE TABLE t AS ${pagesSql}`)});
      const rows = (await c.runAndReadAll('SELECT day, line::VARCHAR FROM t ORDER BY day, kind, page')).getRows();
      const byDay = new Map();
      for (const [day, line] of rows) byDay.set(day, [...(byDay.get(day) ?? []), line]);
      for (const [day, lines] of byDay) {
        mkdirSync(${JSON.stringify(daily)} + '/day=' + day, { recursive: true });
        writeFileSync(${JSON.stringify(daily)} + '/day=' + day + '/window.jsonl', lines.join('\\n') + '\\n');
      }
      writeFileSync(${JSON.stringify(one)}, rows.map((r) => r[1]).join('\\n') + '\\n');`);
  }
  const files = readdirSync(daily).filter((d) => d.startsWith('day=')).sort().map((d) => `${daily}/${d}/window.jsonl`);
  oneVersusMany('langfuse', `langfuse: ${files.length} daily Langfuse windows vs one file, ${(days * perDay).toLocaleString('en-US')} generations`, one, files);
}

/**
 * Ingest and audit of `files` against `one` (the same rows in one file), each into a fresh database named after
 * `name`: the year targets (ingest <= 1.5x, audit <= 1.2x the one file's), printed under `group`.
 */
function oneVersusMany(name, group, one, files) {
  const [oneDb, manyDb] = ['one', 'many'].map((s) => `${dir}/${name}-${s}.duckdb`);
  dbs.push(oneDb, manyDb);
  fresh(oneDb);
  const ingestOne = cli(`${name} ingest one`, ['ingest', one, '--db', oneDb]);
  row(group, 'ingest: one file', ingestOne, 0, '', '');
  fresh(manyDb);
  const ingestMany = cli(`${name} ingest many`, ['ingest', ...files, '--db', manyDb]);
  row(group, `ingest: ${files.length} files`, ingestMany, ingestMany.seconds / ingestOne.seconds, '<= 1.5x one file', within(ingestMany.seconds / ingestOne.seconds, 1.5));
  const auditOne = cli(`${name} audit one`, ['audit', '--db', oneDb]);
  row(group, 'audit of the ingested one file', auditOne, 0, '', '');
  const auditMany = cli(`${name} audit many`, ['audit', '--db', manyDb]);
  row(group, `audit of the ingested ${files.length} files`, auditMany, auditMany.seconds / auditOne.seconds, '<= 1.2x one file', within(auditMany.seconds / auditOne.seconds, 1.2));
}

if (cases.includes('langfuse')) langfuseCase(2_000);

/**
 * A year of daily Langfuse UI exports of the observations table as CSV (src/ingest/adapters/langfuse.ts; written as
 * Langfuse's batch export writes them, fixtures/SOURCES.md: every field quoted, times and objects through
 * JSON.stringify, the trace's name, tags and user joined in), `perDay` generations a day with a prompt and a completion
 * of about 600 bytes, against one file of the same rows. Read as records (src/ingest/csv-records.ts), the daily files
 * in scans (csvRecordsScanSource in src/ingest/many.ts).
 */
function langfuseCsvCase(perDay) {
  const days = 365;
  const daily = `${dir}/langfuse-csv-day-${perDay}`;
  const one = `${dir}/langfuse-csv-one-day-${perDay}.csv`;
  const json = (t) => `'"' || strftime(${t}, '%Y-%m-%dT%H:%M:%S.%gZ') || '"'`;
  const rowsSql = `SELECT strftime(t, '%Y-%m-%d') AS day, 'gen-' || i AS id, 'tr-' || (i // 2) AS traceId, 'cm3proj0001' AS projectId, 'GENERATION' AS type,
      'production' AS environment, '' AS parentObservationId, ${json('t')} AS startTime, ${json('t + INTERVAL 2 SECOND')} AS endTime, 'summarise' AS name,
      '{}' AS metadata, 'DEFAULT' AS level, '' AS statusMessage, '' AS version,
      '[{"role":"system","content":"' || repeat('Summarise the ticket for the agent. ', 14) || '"},{"role":"user","content":"Ticket ' || i || '"}]' AS input,
      '{"role":"assistant","content":"' || repeat('The customer asks about a refund. ', 4) || '"}' AS output, '{"temperature":0.2}' AS modelParameters,
      '' AS completionStartTime, '' AS promptId, ${json('t')} AS createdAt, ${json('t + INTERVAL 2 SECOND')} AS updatedAt,
      '{"input":' || (1000 + i % 500) || ',"output":' || (100 + i % 50) || ',"total":' || (1100 + i % 500 + i % 50) || '}' AS usageDetails,
      '{"total":0.001}' AS costDetails, '{}' AS providedCostDetails, 'gpt-4o-2024-08-06' AS model, '' AS internalModelId, '' AS promptName, '' AS promptVersion,
      '2000' AS latency, '' AS timeToFirstToken, '0.0008' AS inputCost, '0.0002' AS outputCost, '0.001' AS totalCost, (1000 + i % 500)::VARCHAR AS inputUsage,
      (100 + i % 50)::VARCHAR AS outputUsage, (1100 + i % 500 + i % 50)::VARCHAR AS totalUsage, 'ticket-summary' AS traceName, '["support"]' AS traceTags,
      ${json('t')} AS traceTimestamp, 'user_' || ((i // 2) % 500) AS userId
    FROM (SELECT i, TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_microseconds(i * ${86_400_000_000 / perDay}) AS t FROM range(${days * perDay}) r(i))`;
  generate(daily, `SET partitioned_write_max_open_files = 1000; SET TimeZone = 'UTC'; COPY (${rowsSql}) TO '${daily}' (FORMAT csv, HEADER, FORCE_QUOTE *, PARTITION_BY (day))`,
    `${days} daily Langfuse CSV exports of ${perDay.toLocaleString('en-US')} generations`);
  generate(one, `SET TimeZone = 'UTC'; COPY (SELECT * EXCLUDE (day) FROM (${rowsSql})) TO '${one}' (FORMAT csv, HEADER, FORCE_QUOTE *)`,
    `one Langfuse CSV export of ${(days * perDay).toLocaleString('en-US')} generations`);
  const files = readdirSync(daily).filter((d) => d.startsWith('day=')).sort().flatMap((d) => readdirSync(`${daily}/${d}`).map((f) => `${daily}/${d}/${f}`));
  oneVersusMany('langfuse-csv', `langfuse-csv: ${files.length} daily Langfuse CSV exports vs one file, ${(days * perDay).toLocaleString('en-US')} generations`, one, files);
}

if (cases.includes('langfuse-csv')) langfuseCsvCase(1_000);

const [l1, l5, l15] = loadavg();
console.log(`machine: ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB; load average ${l1.toFixed(2)} / ${l5.toFixed(2)} / ${l15.toFixed(2)} (1/5/15 min) at the end`);
console.log(`memory limit: ${process.env.BATCHABLE_MEMORY_LIMIT ?? 'default (40% of the machine)'}`);
let last = '';
for (const r of results) {
  if (r.group !== last) {
    console.log(`\n${r.group}`);
    console.log('  stage'.padEnd(52), 'seconds'.padStart(8), 'cpu s'.padStart(8), 'ratio'.padStart(7), 'peak RSS MB'.padStart(12), '  target');
    last = r.group;
  }
  const ratio = r.ratio === 0 ? '' : `${r.ratio.toFixed(2)}x`;
  const fastest = r.fastest === undefined ? '' : `fastest ${r.fastest.toFixed(2)} s; `;
  console.log(`  ${r.stage}`.padEnd(52), r.seconds.toFixed(2).padStart(8), r.cpu.toFixed(2).padStart(8), ratio.padStart(7), r.rssMb.toFixed(0).padStart(12), ' ', fastest + (r.target ?? ''), r.verdict ?? '');
}
if (!values.keep) for (const db of dbs) fresh(db);
