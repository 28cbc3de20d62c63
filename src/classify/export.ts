// exportCalls: one row per call or bucket with its label, for a team's router (--export-calls FILE), or the whole
// workspace as a hive-partitioned Parquet dataset (--export-calls DIR --partition-by day|month): every canonical
// column, the label and the cost, one directory per UTC day or month. That dataset is what DuckDB (or any
// Parquet engine) reads from object storage when one machine is not enough, and `batchable ingest DIR` reads it back.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { callColumns } from '../db/schema.ts';
import { sqlString } from '../db/sql.ts';
import type { Workspace } from '../db/workspace.ts';
import { UsageError } from '../errors.ts';
import { csvTextSql } from '../report/escape.ts';
import { picoToUsdSql } from '../pricing/units.ts';

const formats: Record<string, { options: string; reasons: string }> = {
  '.csv': { options: "FORMAT CSV, HEADER true", reasons: "array_to_string(l.reasons, ' | ')" },
  '.jsonl': { options: 'FORMAT JSON', reasons: 'l.reasons' },
  '.ndjson': { options: 'FORMAT JSON', reasons: 'l.reasons' },
  '.parquet': { options: 'FORMAT PARQUET', reasons: 'l.reasons' },
};

export const partitions = ['day', 'month'] as const;
export type PartitionBy = (typeof partitions)[number];

/** Pico-dollars as exact USD, DECIMAL(38,12), nothing rounded: decimal times decimal stays decimal (a division would be a DOUBLE). */
const usdSql = 'CAST(p.cost_pico AS DECIMAL(38,0)) * 0.000000000001::DECIMAL(13,12)';

async function hasCost(ws: Workspace): Promise<boolean> {
  const [priced] = await ws.all<{ n: bigint }>(
    `SELECT count(*) AS n FROM (SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views()) WHERE name = 'priced_calls'`,
  );
  return (priced?.n ?? 0n) > 0n;
}

async function copy(ws: Workspace, select: string, target: string, options: string): Promise<number> {
  try {
    const rows = await ws.all<{ Count: bigint }>(`COPY (${select}) TO ${sqlString(target)} (${options})`);
    return Number(rows[0]?.Count ?? 0n);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`--export-calls ${target}: cannot write (${why})`, { cause: error });
  }
}

/** Writes labels (and cost when pricing has run) to `file`, or a partitioned dataset to a directory; returns the rows written. */
export async function exportCalls(ws: Workspace, target: string, partitionBy?: PartitionBy): Promise<number> {
  if (partitionBy !== undefined) return exportDataset(ws, target, partitionBy);
  const format = formats[extname(target).toLowerCase()];
  if (format === undefined) throw new UsageError(`--export-calls ${target}: unknown extension; use .csv, .jsonl or .parquet (or a directory with --partition-by day|month)`);
  const priced = await hasCost(ws);
  const cost = priced ? `, ${picoToUsdSql('p.cost_pico')} AS cost_usd` : '';
  // Joined on call_key, the integer key the analysis tables share (the text call_id measured 1.7x as slow at 5M).
  const join = priced ? 'LEFT JOIN priced_calls p USING (call_key)' : '';
  // In CSV, text cells that came from input are neutralised for spreadsheets (OWASP); numbers stay numbers.
  const text = (expr: string, name: string) => `${format.options.includes('CSV') ? csvTextSql(expr) : expr} AS ${name}`;
  const select = `SELECT ${text('c.call_id', 'call_id')}, c.ts, ${text('l.workload', 'workload')}, l.label, l.confidence, l.decided_by,
      ${text('l.rule_name', 'rule_name')}, l.deadline_minutes, k.agent_chain, ${text(format.reasons, 'reasons')}, c.lane, c.requests,
      c.granularity, c.provider, ${text('c.model', 'model')}, ${text('c.operation', 'operation')}${cost}
    FROM calls c JOIN label_keys k USING (call_key) JOIN label_outcomes l USING (outcome) ${join}
    ORDER BY c.ts, c.call_id`;
  return copy(ws, select, target, format.options);
}

/**
 * Every call with all canonical columns, its label, its exact cost (DECIMAL(38,12) USD: pico-dollars, nothing
 * rounded) and where it came from, partitioned by UTC day or month (`day=2026-10-05/`, `month=2026-10/`).
 * Joins on call_key, the integer the analysis tables share; the day comes from epoch arithmetic (no time-zone code per row).
 */
async function exportDataset(ws: Workspace, dir: string, by: PartitionBy): Promise<number> {
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new UsageError(`--export-calls ${dir}: with --partition-by the target is a new or empty directory, and this one is not; choose another path`);
  }
  const priced = await hasCost(ws);
  const day = "strftime(DATE '1970-01-01' + CAST(epoch_us(c.ts) // 86400000000 AS INTEGER), '%Y-%m-%d')";
  const key = by === 'day' ? day : `left(${day}, 7)`;
  const select = `SELECT ${callColumns.map((col) => `c.${col.name}`).join(', ')},
      o.workload, o.label, o.confidence, o.decided_by, o.rule_name, o.deadline_minutes, k.agent_chain, o.reasons,
      ${priced ? `p.catalog_id, ${usdSql} AS cost_usd` : 'NULL::VARCHAR AS catalog_id, NULL::DECIMAL(38,12) AS cost_usd'},
      c.source_id, c.source_file, c.source_row, c.source_path, c.source_format,
      coalesce(${key}, 'unknown') AS ${by}
    FROM calls c JOIN label_keys k USING (call_key) JOIN label_outcomes o USING (outcome)
    ${priced ? 'LEFT JOIN priced_calls p USING (call_key)' : ''}`;
  return copy(ws, select, dir, `FORMAT PARQUET, PARTITION_BY (${by}), OVERWRITE_OR_IGNORE`);
}
