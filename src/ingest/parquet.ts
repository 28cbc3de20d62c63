// Parquet files with our canonical column names: what `--export-calls DIR --partition-by day|month` writes (a
// hive-partitioned dataset that any Parquet engine reads), and what a data team exports from its warehouse in
// the same shape. DuckDB reads the file; a row's "line" is its row number in the file (1-based), and a rejected
// row's raw text is the row as JSON.
//
// Columns that batchable's own export adds (labels, costs, provenance, the partition key) are derived data: they
// are not read back, because ingest feeds analysis that recomputes them. Any other non-canonical column becomes
// a tag, as in batchable-csv.
import { closeSync, openSync, readSync } from 'node:fs';
import { callColumns, requiredColumns } from '../db/schema.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import { InputError } from '../errors.ts';
import { quoted } from '../report/escape.ts';
import type { Workspace } from '../db/types.ts';
import { defineAdapter, hasAll, type SelectList } from './adapter.ts';
import type { Sample } from './adapter.ts';
import { rejectTextSql } from './reject-text.ts';

/** The columns `--export-calls` writes beside the canonical ones (src/classify/export.ts). */
export const exportOnlyColumns = [
  'workload', 'label', 'confidence', 'decided_by', 'rule_name', 'deadline_minutes', 'agent_chain', 'reasons',
  'catalog_id', 'cost_usd', 'source_id', 'source_file', 'source_row', 'source_path', 'source_format', 'day', 'month',
] as const;

/** Parquet files begin (and end) with the magic bytes PAR1. */
export async function isParquet(file: string): Promise<boolean> {
  // Synchronous, as sniff reads a file's head (sniff.ts, readHead): four bytes.
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // unreadable: the sniff that follows says why, in the words every format uses
  }
  try {
    const head = Buffer.alloc(4);
    const bytesRead = readSync(fd, head, 0, 4, 0);
    return bytesRead === 4 && head.toString('latin1') === 'PAR1';
  } finally {
    closeSync(fd);
  }
}

/** The relation adapters select from: the file's columns and `file_row_number` (0-based). */
export const parquetSource = (file: string): string =>
  `read_parquet(${sqlString(file)}, file_row_number = true, hive_partitioning = false)`;

/** The sample detection sees: the file's column names (after `--map`), from its footer. */
export async function parquetSample(ws: Workspace, file: string, map: ReadonlyMap<string, string>): Promise<Sample> {
  const rows = await ws.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${parquetSource(file)}`).catch(async (error: unknown) => {
    throw (await ownRowNumberColumn(ws, file)) ? ownRowNumberError(file, error) : error;
  });
  const header = rows.map((r) => r.column_name).filter((n) => n !== 'file_row_number');
  return { kind: 'parquet', delimiter: '', header: header.map((n) => map.get(n) ?? n), keys: new Set(), records: [], arrayDocument: false };
}

/**
 * Whether the file has a column of its own named `file_row_number`, the column DuckDB adds for each row's number
 * (read as its line), which it then refuses to add ("Using file_row_number option on file with column named
 * file_row_number is not supported"). A table read from Parquet with that option and written out again has one.
 */
async function ownRowNumberColumn(ws: Workspace, file: string): Promise<boolean> {
  const rows = await ws.all<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)}, hive_partitioning = false)`).catch(() => []);
  return rows.some((r) => r.column_name.toLowerCase() === 'file_row_number');
}

const ownRowNumberError = (file: string, cause: unknown): InputError =>
  new InputError(file, undefined, 'the file has a column named "file_row_number", the name DuckDB gives the row numbers batchable reads as lines, and it cannot add them beside it. ' +
    `Write the file again without that column or under another name (in DuckDB: \`COPY (SELECT * RENAME (file_row_number AS source_row_number) FROM ${sqlString(quoted(file))}) TO 'fixed.parquet'\`) and ingest that`, { cause });

const canonical = new Set<string>(callColumns.map((c) => c.name));
const derived = new Set<string>(exportOnlyColumns);

export const batchableParquet = defineAdapter({
  id: 'batchable-parquet',
  title: 'batchable Parquet (canonical column names; what --export-calls DIR --partition-by writes)',
  kinds: ['parquet'],
  recognisedBy: `columns include ${requiredColumns.join(', ')} (after --map renames)`,
  detect: (sample) => hasAll(sample, requiredColumns),
  idsFromSource: true,
  select: (ctx) => {
    // Values go through the engine's conversions as text, like every format: one set of rules for what a valid
    // number or time is. A typed Parquet value's text form always converts back (integers, ISO times, JSON).
    const columns: SelectList = { _line: 'file_row_number + 1', _path: "''" };
    const extras: string[] = [];
    for (const source of ctx.header) {
      if (source === 'file_row_number') continue;
      const name = ctx.map.get(source) ?? source;
      if (canonical.has(name)) columns[name as keyof SelectList] = `CAST(${sqlIdent(source)} AS VARCHAR)`;
      else if (!derived.has(name)) extras.push(source);
    }
    const extraTags = extras.length === 0 ? null : `json_object(${extras.map((e) => `${sqlString(e)}, ${sqlIdent(e)}`).join(', ')})`;
    if (extraTags !== null) columns.tags = columns.tags === undefined ? extraTags : `json_merge_patch(coalesce(bt_json(${columns.tags}), '{}'), ${extraTags})`;
    return { columns, from: ctx.src };
  },
});

/** Fills the raw text of a Parquet file's rejected rows: the row as JSON. */
export async function fillParquetRawText(ws: Workspace, file: string, sourceId: string): Promise<void> {
  const [missing] = await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM rejects WHERE source_id = $1 AND raw IS NULL', [sourceId]);
  if ((missing?.n ?? 0n) === 0n) return; // most files: no second read
  await ws.run(
    `UPDATE rejects SET raw = ${rejectTextSql('json_merge_patch(to_json(s), \'{"file_row_number":null}\')::VARCHAR')}
     FROM (SELECT * FROM ${parquetSource(file)}) s
     WHERE rejects.source_id = $sid AND rejects.raw IS NULL AND rejects.line = s.file_row_number + 1`,
    { sid: sourceId },
  );
}
