// --export-calls DIR --partition-by day|month writes a hive-partitioned Parquet dataset (every canonical column,
// label, exact cost), and ingest reads it back: the same calls, labels and bill as the workspace it came from.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqlString } from '../../src/db/sql.ts';
import { openWorkspace } from '../../src/db/workspace.ts';
import { fixture, runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'batchable-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inputs = [fixture('batchable/mixed-workloads.csv'), fixture('batchable/agent-trace.jsonl')];

async function ok(args: string[]) {
  const r = await runCli(args, 160);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return r;
}

describe('Parquet datasets', () => {
  it('exports every call by day, and ingesting the dataset gives the same bill, labels and calls', async () => {
    const out = join(dir, 'by-day');
    const audit = await ok(['audit', ...inputs, '--db', ':memory:', '--format', 'json', '--export-calls', out, '--partition-by', 'day']);
    expect(audit.stderr).toMatch(/calls with their labels and costs written to .*by-day \(Parquet, one directory per day\)/);
    const days = readdirSync(out).sort();
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((d) => /^day=2026-10-\d{2}$/.test(d))).toBe(true);

    // The dataset is plain Parquet: DuckDB reads it with its partition column, labels and exact costs.
    const ws = await openWorkspace(':memory:');
    const [sums] = await ws.all<{ n: bigint; usd: string; labelled: bigint; days: bigint }>(
      `SELECT count(*) AS n, sum(cost_usd)::VARCHAR AS usd, count(label) AS labelled, count(DISTINCT day) AS days
       FROM read_parquet(${`'${out}/**/*.parquet'`}, hive_partitioning = true)`,
    );
    ws.close();
    const doc = JSON.parse(audit.stdout) as { totals: { requests: number; current_usd: number } };
    expect(Number(sums?.n)).toBe(doc.totals.requests);
    expect(sums?.labelled).toBe(sums?.n);
    expect(Number(sums?.usd).toFixed(6)).toBe(doc.totals.current_usd.toFixed(6));
    expect(sums?.usd).toMatch(/^\d+\.\d{12}$/); // exact pico-dollars, not a rounded double

    // Read back: the same report from the dataset alone.
    const again = await ok(['audit', out, '--db', ':memory:', '--format', 'json']);
    expect(again.stderr).toMatch(/ingested/);
    expect(again.stdout).toBe(audit.stdout);
  });

  it('partitions by month', async () => {
    const out = join(dir, 'by-month');
    await ok(['audit', ...inputs, '--db', ':memory:', '--export-calls', out, '--partition-by', 'month']);
    expect(readdirSync(out)).toEqual(['month=2026-10']);
  });

  it('a bad row in a Parquet file is a reject with its row number and the row as JSON', async () => {
    const file = join(dir, 'own.parquet');
    const ws = await openWorkspace(':memory:');
    await ws.run(`COPY (SELECT * FROM (VALUES ('a', TIMESTAMPTZ '2026-10-05 10:00:00+00', 'gpt-5.4', 100::BIGINT, 10::BIGINT, 'x'),
      ('b', TIMESTAMPTZ '2026-10-05 10:01:00+00', 'gpt-5.4', -5::BIGINT, 10::BIGINT, 'y')) t(call_id, ts, model, input_tokens, output_tokens, team))
      TO '${file}' (FORMAT PARQUET)`);
    ws.close();
    const db = join(dir, 'own.duckdb');
    const r = await ok(['ingest', file, '--db', db]);
    expect(r.stdout + r.stderr).toMatch(/1 calls? ingested, 1 rows? rejected/);
    const check = await openWorkspace(db);
    const rejects = await check.all<{ line: bigint; reason: string; raw: string }>('SELECT line, reason, raw FROM rejects');
    const calls = await check.all<{ call_id: string; tags: string; source_format: string }>('SELECT call_id, tags::VARCHAR AS tags, source_format FROM calls');
    check.close();
    expect(rejects).toEqual([{ line: 2n, reason: 'negative input_tokens (-5)', raw: expect.stringContaining('"call_id":"b"') as string }]);
    expect(calls).toEqual([{ call_id: 'a', tags: '{"team":"x"}', source_format: 'batchable-parquet' }]);
  });

  it('a file with a column of its own named file_row_number (the name of the row numbers DuckDB adds) is exit 2 with the fix', async () => {
    // It was an internal error (exit 3): DuckDB will not add its row numbers beside such a column.
    const file = join(dir, "it's-own-numbers.parquet");
    const ws = await openWorkspace(':memory:');
    await ws.run(`COPY (SELECT TIMESTAMPTZ '2026-10-05 10:00:00+00' AS ts, 'gpt-5.4' AS model, 100 AS input_tokens, 5 AS output_tokens, 7 AS file_row_number)
      TO ${sqlString(file)} (FORMAT PARQUET)`);
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `error: ${file}: the file has a column named "file_row_number", the name DuckDB gives the row numbers batchable reads as lines, and it cannot add them beside it. ` +
        `Write the file again without that column or under another name (in DuckDB: \`COPY (SELECT * RENAME (file_row_number AS source_row_number) FROM ${sqlString(file)}) TO 'fixed.parquet'\`) and ingest that\n`,
    );
    // The command it gives works.
    const fixed = join(dir, 'fixed.parquet');
    await ws.run(`COPY (SELECT * RENAME (file_row_number AS source_row_number) FROM ${sqlString(file)}) TO ${sqlString(fixed)}`);
    ws.close();
    const again = await runCli(['ingest', fixed, '--db', ':memory:']);
    expect(again.stdout).toContain('1 call ingested, 0 rows rejected');
  });

  it('refuses a bad unit, a missing --export-calls, and a directory that is not empty', async () => {
    const bad = await runCli(['audit', ...inputs, '--db', ':memory:', '--export-calls', join(dir, 'x'), '--partition-by', 'week']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'error: --partition-by week: expected day or month']);
    const alone = await runCli(['audit', ...inputs, '--db', ':memory:', '--partition-by', 'day']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--partition-by day: needs --export-calls DIR');
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'mine');
    const taken = await runCli(['audit', ...inputs, '--db', ':memory:', '--export-calls', full, '--partition-by', 'day']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('is not; choose another path');
    expect(readdirSync(full)).toEqual(['keep.txt']);
  });
});
