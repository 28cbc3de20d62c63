// A CSV export read as JSON records, for a format whose SQL joins the records of one file (`joinsRecords`:
// Langfuse's observations, counted per trace). A CSV row's line is otherwise its position in the table it is
// written to, which a join does not keep (file-rows.ts: assertKeepsFileOrder); here every record carries its line
// instead, as a JSONL line does, and the format's JSON reading applies to it unchanged.
//
// Each cell becomes a JSON value: an object, an array or a quoted string written as JSON text (tracing tools write
// their nested fields so: Langfuse's usageDetails `{"input":1800}`, and its times through JSON.stringify, quotes
// included: `"2026-08-03T09:14:02.300Z"`) is that value; any other text is a string; an empty cell is null.
import { sqlIdent, sqlString } from '../db/sql.ts';
import type { Workspace } from '../db/workspace.ts';
import {
  buildCsvOffLines,
  csvReadSql,
  fileLinesSql,
  readerRejectRecordsSql,
  recordLinesSql,
  refuseUnclosedQuote,
  rowRecordSql,
  type CsvDialect,
} from './file-rows.ts';

/** A cell as JSON (`v`: its text). */
const cellJson = (v: string) => `CASE WHEN ${v} IS NULL OR ${v} = '' THEN NULL
  WHEN (starts_with(${v}, '{') OR starts_with(${v}, '[') OR starts_with(${v}, '"')) AND json_valid(${v}) THEN ${v}::JSON
  ELSE to_json(${v}) END`;

/**
 * A CSV row as one JSON record: its cells (cellJson) keyed by their header names after `--map`, only the fields in
 * `only` when given (Adapter.recordFields).
 */
export function csvRecordSql(header: readonly string[], map: ReadonlyMap<string, string>, only?: readonly string[]): string {
  const named = header.map((name) => [name, map.get(name) ?? name] as const).filter(([, key]) => only === undefined || only.includes(key));
  return `json_object(${named.map(([name, key]) => `${sqlString(key)}, ${cellJson(sqlIdent(name))}`).join(', ')})`;
}

/**
 * Builds `_src` (`_line`, `_elem`, `_raw`, `j`, as a JSONL file's) from the CSV file: one record per row, keyed by
 * its header names (after `--map`), `_line` the file line its record begins on. Lines DuckDB's reader set aside stay
 * in `_csv_rejects`, numbered by the file's lines too, for the caller to record as rejects.
 * `only`: the fields the format reads (Adapter.recordFields); the other columns are left out of the records.
 */
export async function csvRecordsSource(ws: Workspace, file: string, dialect: CsvDialect, header: readonly string[], map: ReadonlyMap<string, string>,
  only?: readonly string[]): Promise<string> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE _csv_recs AS SELECT ${csvRecordSql(header, map, only)} AS j FROM ${csvReadSql([file], dialect)}`);
  await refuseUnclosedQuote(ws, file, dialect);
  // A row's record number: its position, the header and the records DuckDB's reader set aside before it.
  const records = `SELECT ${rowRecordSql('(f.rowid - (SELECT min(rowid) FROM _csv_recs))')} AS r, j FROM _csv_recs f`;
  // Each line begins a record (a line for the header, each row and each line set aside): the record numbers are the
  // lines. Counting the lines is one plain read; mapping records to lines reads every line with a quote through a
  // regular expression, on one thread (100,000 rows of a Langfuse export, 128 MB: 0.23 s against 1.8 s).
  const [count] = await ws.all<{ lines: bigint; rows: bigint; aside: bigint }>(`SELECT (SELECT count(*) FROM ${fileLinesSql([file])}) AS lines,
    (SELECT count(*) FROM _csv_recs) AS rows, (SELECT count(DISTINCT line) FROM _csv_rejects) AS aside`);
  if (count !== undefined && count.lines === count.rows + count.aside + 1n) {
    await ws.run(`CREATE OR REPLACE TEMP TABLE _src AS SELECT r AS _line, '' AS _elem, NULL::VARCHAR AS _raw, j FROM (${records}) ORDER BY _line`);
  } else {
    // Records to the lines a user opens: DuckDB numbers its rejects by line breaks outside quotes, and a row by its
    // position; both become record numbers, then lines (a field over several lines, blank lines).
    await buildCsvOffLines(ws, file, dialect);
    const rejected = count !== undefined && count.aside > 0n;
    if (rejected) await ws.run(readerRejectRecordsSql);
    await ws.run(`CREATE OR REPLACE TEMP TABLE _src AS
      WITH rec AS (${records})
      SELECT m.n AS _line, '' AS _elem, NULL::VARCHAR AS _raw, rec.j FROM rec JOIN (${recordLinesSql('SELECT 0 AS f, r FROM rec')}) m USING (r) ORDER BY _line`);
    if (rejected) {
      await ws.run(`UPDATE _csv_rejects SET line = m.n FROM (${recordLinesSql('SELECT DISTINCT 0 AS f, line AS r FROM _csv_rejects')}) m WHERE _csv_rejects.line = m.r`);
    }
    await ws.run('DROP TABLE _csv_off_lines');
  }
  await ws.run('DROP TABLE _csv_recs');
  return '_src';
}
