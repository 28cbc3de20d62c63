#!/usr/bin/env node
// npm run bench [-- --rows N] [-- --streamed none]: generates a synthetic per-call usage file (batchable-csv, 5M rows by default),
// then times, each in a fresh child process with its own peak RSS:
//   raw      DuckDB reading the same file straight into a table of a file database (the yardstick)
//   ingest   `batchable ingest` into a file database
//   classify labelling the ingested calls (issue 4; target: at most +50% of ingest)
//   audit    `batchable audit` end to end on the file into a fresh database (issue 5; target: <= 2x raw)
// Figures go to stdout as a table; targets are checked and printed, never asserted in unit tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { rows: { type: 'string', default: '5000000' }, keep: { type: 'boolean', default: false }, streamed: { type: 'string', default: 'some' } },
});
// --streamed none: no call streams, so every workload is a candidate for the run signals (serial runs, fan-out,
// launch shape), which skip mostly-streamed workloads: the worst case for labelling time.
if (values.streamed !== 'some' && values.streamed !== 'none') {
  console.error(`error: --streamed ${values.streamed}: expected some (4 calls in 9, the default) or none`);
  process.exit(2);
}
const streamedSql = values.streamed === 'none' ? 'false' : '(hash(i) % 9 < 4)';
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error(`error: --rows ${values.rows}: must be a positive whole number`);
  process.exit(2);
}
const dir = `${root}bench-data`;
mkdirSync(dir, { recursive: true });
const file = `${dir}/calls-${rows}${values.streamed === 'none' ? '-unstreamed' : ''}.csv`;

/** Runs a module snippet in a fresh Node process; returns its seconds and peak RSS (MB) as it reports them. */
function child(label, code) {
  const script = `
    const t0 = performance.now();
    ${code}
    const seconds = (performance.now() - t0) / 1000;
    process.stdout.write('\\n@@' + JSON.stringify({ seconds, rssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  const marker = r.stdout.lastIndexOf('@@');
  if (r.status !== 0 || marker < 0) {
    console.error(`bench: ${label} failed (exit ${r.status})\n${r.stdout.slice(-2000)}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout.slice(marker + 2));
}

const duck = `const { DuckDBInstance } = await import('@duckdb/node-api');`;

// The generator: an org's month of per-call traffic, written by DuckDB itself (seconds for 5M rows).
if (!existsSync(file)) {
  console.error(`generating ${rows.toLocaleString('en-US')} calls into ${file} ...`);
  child('generate', `${duck}
    const db = await DuckDBInstance.create(':memory:'); const c = await db.connect();
    await c.run(\`COPY (
      SELECT 'req_' || i AS call_id,
        TIMESTAMPTZ '2026-10-01 00:00:00+00' + to_microseconds((i::HUGEINT * 2592000000000 // ${rows})::BIGINT) AS ts,
        (['gpt-5.4', 'claude-sonnet-4-6', 'gpt-5.4-mini', 'gemini-3.1-pro', 'text-embedding-3-small'])[1 + (hash(i) % 5)::INTEGER] AS model,
        CASE WHEN hash(i) % 5 = 4 THEN 'embeddings' ELSE 'chat' END AS operation,
        100 + hash(i * 7) % 6000 AS input_tokens,
        CASE WHEN hash(i) % 3 = 0 THEN hash(i * 11) % 4000 END AS cache_read_tokens,
        CASE WHEN hash(i) % 5 = 4 THEN 0 ELSE 20 + hash(i * 13) % 900 END AS output_tokens,
        ${streamedSql} AS streamed,
        CASE WHEN ${streamedSql} THEN 200 + hash(i * 17) % 900 END AS ttft_ms,
        400 + hash(i * 19) % 12000 AS latency_ms,
        'key_' || (hash(i * 23) % 40) AS api_key,
        'proj_' || (hash(i * 29) % 6) AS project,
        CASE WHEN hash(i) % 9 < 4 THEN 'user_' || (hash(i * 31) % 5000) END AS user_id,
        CASE WHEN hash(i) % 9 < 4 THEN 'sess_' || (i // 7) END AS session_id,
        (['chat', 'nightly-digest', 'autocomplete', 'backfill', 'support-agent', 'eval'])[1 + (hash(i * 37) % 6)::INTEGER] AS feature
      FROM range(${rows}) t(i)) TO '${file}' (HEADER)\`);`);
}
const mb = statSync(file).size / 1e6;

const rawDb = `${dir}/raw.duckdb`;
const ingestDb = `${dir}/ingest.duckdb`;
const auditDb = `${dir}/audit.duckdb`;
const fresh = (path) => {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
};

fresh(rawDb);
const raw = child('raw', `${duck}
  const db = await DuckDBInstance.create('${rawDb}'); const c = await db.connect();
  await c.run(\`CREATE TABLE raw AS SELECT * FROM read_csv('${file}')\`); c.closeSync(); db.closeSync();`);

fresh(ingestDb);
const ingest = child('ingest', `
  const { main } = await import('./dist/cli/main.js');
  const quiet = { out: () => {}, err: (t) => process.stderr.write(t), style: { color: false, columns: 100 }, interactive: false };
  const code = await main(['node', 'batchable', 'ingest', '${file}', '--db', '${ingestDb}'], quiet);
  if (code !== 0) process.exit(code);`);

const results = [
  { stage: 'raw read (DuckDB read_csv -> table)', ...raw, ratio: 1 },
  { stage: 'batchable ingest', ...ingest, ratio: ingest.seconds / raw.seconds, target: '<= 1.3x raw' },
];

if (existsSync(`${root}dist/classify/index.js`)) {
  const classify = child('classify', `${duck}
    const { openWorkspace } = await import('./dist/db/workspace.js');
    const { classifyCalls } = await import('./dist/classify/index.js');
    const ws = await openWorkspace('${ingestDb}');
    await classifyCalls(ws, undefined); ws.close();`);
  results.push({ stage: 'classify (labels for every call)', ...classify, ratio: classify.seconds / ingest.seconds, target: '<= 0.5x ingest', ratioOf: 'ingest' });
}

if (existsSync(`${root}dist/app/audit.js`)) {
  fresh(auditDb);
  const audit = child('audit', `
    const { main } = await import('./dist/cli/main.js');
    const quiet = { out: () => {}, err: () => {}, style: { color: false, columns: 100 }, interactive: false };
    const code = await main(['node', 'batchable', 'audit', '${file}', '--db', '${auditDb}'], quiet);
    if (code !== 0) process.exit(code);`);
  results.push({ stage: 'batchable audit end to end', ...audit, ratio: audit.seconds / raw.seconds, target: '<= 2x raw' });
}

console.log(`rows ${rows.toLocaleString('en-US')}, file ${mb.toFixed(0)} MB (${file.replace(root, '')})`);
console.log('stage'.padEnd(40), 'seconds'.padStart(8), 'ratio'.padStart(7), 'peak RSS MB'.padStart(12), '  target');
for (const r of results) {
  console.log(r.stage.padEnd(40), r.seconds.toFixed(2).padStart(8), `${r.ratio.toFixed(2)}x`.padStart(7), r.rssMb.toFixed(0).padStart(12), ' ', r.target ?? '');
}
if (!values.keep) for (const db of [rawDb, ingestDb, auditDb]) fresh(db);
