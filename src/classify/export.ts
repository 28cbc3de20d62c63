// exportCalls: one row per call or bucket with its label, for a team's router (--export-calls FILE).
import { extname } from 'node:path';
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

/** Writes labels (and cost when pricing has run) to `file`; returns the number of rows written. */
export async function exportCalls(ws: Workspace, file: string): Promise<number> {
  const format = formats[extname(file).toLowerCase()];
  if (format === undefined) throw new UsageError(`--export-calls ${file}: unknown extension; use .csv, .jsonl or .parquet`);
  const [priced] = await ws.all<{ n: bigint }>(
    `SELECT count(*) AS n FROM (SELECT table_name AS name, temporary FROM duckdb_tables() UNION ALL SELECT view_name, temporary FROM duckdb_views())
     WHERE name = 'priced_calls' AND temporary`,
  );
  const hasCost = (priced?.n ?? 0n) > 0n;
  const cost = hasCost ? `, ${picoToUsdSql('p.cost_pico')} AS cost_usd` : '';
  const join = hasCost ? 'LEFT JOIN priced_calls p USING (call_id)' : '';
  // In CSV, text cells that came from input are neutralised for spreadsheets (OWASP); numbers stay numbers.
  const text = (expr: string, name: string) => `${format.options.includes('CSV') ? csvTextSql(expr) : expr} AS ${name}`;
  const select = `SELECT ${text('l.call_id', 'call_id')}, c.ts, ${text('l.workload', 'workload')}, l.label, l.confidence, l.decided_by,
      ${text('l.rule_name', 'rule_name')}, l.deadline_minutes, l.agent_chain, ${text(format.reasons, 'reasons')}, c.lane, c.requests,
      c.granularity, c.provider, ${text('c.model', 'model')}, ${text('c.operation', 'operation')}${cost}
    FROM labels l JOIN calls c USING (call_id) ${join}
    ORDER BY c.ts, l.call_id`;
  try {
    const rows = await ws.all<{ Count: bigint }>(`COPY (${select}) TO ${sqlString(file)} (${format.options})`);
    return Number(rows[0]?.Count ?? 0n);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`--export-calls ${file}: cannot write the file (${why})`, { cause: error });
  }
}
