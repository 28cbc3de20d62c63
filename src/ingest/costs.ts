// Cost exports (Anthropic Console cost CSV and cost_report pages, OpenAI costs pages) state what was billed, not
// what was used: their rows go to `billed_costs`, which the reconciliation compares with the cost recomputed from
// the usage (per catalog model and UTC day). They never become calls. The table is created on first use.
import { sqlIdent } from '../db/sql.ts';
import type { Workspace } from '../db/workspace.ts';
import type { AdapterSelect, ContainerKind } from './adapter.ts';
import { fillRawText, rejectMalformedJson, type CsvDialect } from './file-rows.ts';
import { rejectTextSql } from './reject-text.ts';

export const billedCostColumns = [
  ['ts', 'TIMESTAMPTZ', 'bt_ts', 'unparsable time'],
  ['ended_at', 'TIMESTAMPTZ', 'bt_ts', 'unparsable time'],
  ['provider', 'VARCHAR', 'bt_text', ''],
  ['model', 'VARCHAR', 'bt_text', ''],
  ['line_item', 'VARCHAR', 'bt_text', ''],
  ['token_type', 'VARCHAR', 'bt_text', ''],
  ['lane', 'VARCHAR', 'bt_text', ''],
  ['project', 'VARCHAR', 'bt_text', ''],
  ['api_key', 'VARCHAR', 'bt_key', ''],
  ['cost_usd', 'DECIMAL(20,9)', 'bt_dec', 'not a number'],
  ['list_cost_usd', 'DECIMAL(20,9)', 'bt_dec', 'not a number'],
  ['quantity', 'DOUBLE', 'bt_double', 'not a number'],
  ['quantity_unit', 'VARCHAR', 'bt_text', ''],
] as const;

export async function ensureBilledCosts(ws: Workspace): Promise<void> {
  await ws.run(`CREATE TABLE IF NOT EXISTS billed_costs (source_id VARCHAR, source_file VARCHAR, source_row BIGINT, source_path VARCHAR,
    source_format VARCHAR, ${billedCostColumns.map(([n, t]) => `${n} ${t}`).join(', ')})`);
}

/**
 * The cost rows of a file, converted, with `_reason` (why a row cannot be read) and `_skip`. `_line` for CSV is the
 * row's position (header + 1), which the plan keeps (projections only). `carried`: columns of the source carried
 * through as they are (a many-file scan's part of each row, as fileRowsSelect carries them).
 */
export function costRowsSelect(select: AdapterSelect, kind: ContainerKind, carried: readonly [name: string, expr: string][] = []): string {
  const given = select.columns as Record<string, string | undefined>;
  const mapped = Object.entries(given).filter((e): e is [string, string] => e[1] !== undefined).map(([n, e]) => `${e} AS ${n}`);
  for (const [name, expr] of carried) mapped.push(`${expr} AS ${name}`);
  const values: string[] = [kind === 'csv' ? 'NULL::BIGINT AS _line' : '_line', kind === 'csv' ? 'NULL AS _path' : "nullif(_path, '') AS _path", ...carried.map(([name]) => name)];
  values.push(given._skip !== undefined ? '_skip' : 'NULL::VARCHAR AS _skip');
  const checks: string[] = [];
  for (const [name, type, fn, what] of billedCostColumns) {
    if (given[name] === undefined) {
      values.push(`NULL::${type} AS ${name}`);
      continue;
    }
    values.push(`${fn}(${name}) AS ${name}`);
    if (what !== '') checks.push(`CASE WHEN ${name} IS NOT NULL AND ${fn}(${name}) IS NULL THEN '${what} in ${name}: "' || left(${name}::VARCHAR, 60) || '"' END`);
  }
  for (const required of ['ts', 'cost_usd']) {
    checks.push(given[required] === undefined ? `'missing ${required}'` : `CASE WHEN bt_text(${required}) IS NULL THEN 'missing ${required}' END`);
  }
  const reject = given._reject !== undefined ? 'coalesce(_reject, ' : '(';
  return `WITH m AS (SELECT ${mapped.join(',\n  ')} FROM ${select.from})
SELECT ${values.join(', ')}, CASE WHEN _skip IS NULL THEN ${reject}nullif(concat_ws('; ', ${checks.join(', ')}), '')) END AS _reason FROM m`;
}

/** Loads a cost file's rows (staged in `table`) into billed_costs and rejects; returns its counts. */
export async function loadCostRows(
  ws: Workspace,
  t: { file: string; sourceId: string; table: string; format: string; kind: ContainerKind; plainLines?: boolean | undefined; dialect?: CsvDialect | undefined },
): Promise<{ rows: number; costRows: number; rejects: number; skipped: number }> {
  await ensureBilledCosts(ws);
  const table = sqlIdent(t.table);
  const p = { sid: t.sourceId, file: t.file, format: t.format };
  // CSV rows: line = position + 2 (header) + the lines DuckDB's reader set aside before it (rejects of their own).
  const readerRejects = t.kind === 'json' ? 0 : Number((await ws.all<{ n: bigint }>('SELECT count(DISTINCT line) AS n FROM _csv_rejects'))[0]?.n ?? 0);
  if (readerRejects > 0) {
    await ws.run(
      `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
       SELECT $sid, $file, line, NULL, first(error_type || ': ' || error_message ORDER BY column_idx), ${rejectTextSql('first(csv_line)')}, 'reject'
       FROM _csv_rejects GROUP BY line`,
      { sid: p.sid, file: p.file },
    );
  }
  // A JSONL line that is not JSON is a reject of its own, as in a file of calls (ingest.ts, loadFileTable).
  let malformed = 0;
  if (t.kind === 'jsonl' || t.kind === 'json') {
    await rejectMalformedJson(ws, t.sourceId, t.file);
    malformed = Number((await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM _src WHERE j IS NULL'))[0]?.n ?? 0);
  }
  const line =
    t.kind !== 'csv'
      ? '_line'
      : readerRejects === 0
        ? '(rowid + 2)'
        : `(rowid + 2 + (SELECT count(*) FROM (SELECT line - row_number() OVER (ORDER BY line) AS g FROM (SELECT DISTINCT line FROM _csv_rejects)) r
            WHERE r.g < f.rowid + 2))`;
  for (const [column, kind] of [['_reason', 'reject'], ['_skip', 'skip']] as const) {
    await ws.run(
      `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
       SELECT $sid, $file, ${line}, _path, ${column}, NULL, '${kind}' FROM ${table} f WHERE ${column} IS NOT NULL`,
      { sid: p.sid, file: p.file },
    );
  }
  // Each reject's raw text (and, in a CSV with quotes or blank lines, the line a user opens), as for a file of calls.
  await fillRawText(ws, { ...t, idsFromSource: false });
  const names = billedCostColumns.map(([n]) => n);
  await ws.run(
    `INSERT INTO billed_costs (source_id, source_file, source_row, source_path, source_format, ${names.join(', ')})
     SELECT $sid, $file, ${line}, _path, $format, ${names.join(', ')} FROM ${table} f WHERE _reason IS NULL AND _skip IS NULL`,
    p,
  );
  const [c] = await ws.all<{ rows: bigint; ok: bigint; rejects: bigint; skipped: bigint }>(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE _reason IS NULL AND _skip IS NULL) AS ok,
       count(*) FILTER (WHERE _reason IS NOT NULL) AS rejects, count(*) FILTER (WHERE _skip IS NOT NULL) AS skipped FROM ${table}`,
  );
  return {
    rows: Number(c?.rows ?? 0) + readerRejects + malformed,
    costRows: Number(c?.ok ?? 0),
    rejects: Number(c?.rejects ?? 0) + readerRejects + malformed,
    skipped: Number(c?.skipped ?? 0),
  };
}
