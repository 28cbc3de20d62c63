// Many CSV or JSONL files of one format (and, for CSV, one header): a year of daily exports, a day of hourly ones,
// read in one DuckDB scan into one table (a cost export's rows then go to billed_costs, src/ingest/costs.ts). Reading
// them one by one cost about 0.3 s of CPU per file whatever its size (a dozen statements, a plan check, a commit, and
// a 46-column insert into call_rows each): 365 daily CSV files of 20,000 calls took 4.96x the time of one file of the
// same rows, and 300 hourly JSONL files of 100 records 39.5 s against 1.7 s. Here the files' rows go into one table
// with `_src`, a key of each row's file, and every file is still a source of its own: its rows, calls, rejects, skips
// and duplicates are counted per file, its rejects carry its name and line, and a file already held is skipped by its
// content hash. The table keeps only the columns the
// format gives (the `calls` view pads the rest) and is one arm of the view; `source_parts` maps each file to its
// part of it. A CSV row's file is the reader's file name and its line its position in its part; a JSONL row carries
// its line, and its file is numbered into it (jsonlScanSource).
//
// The scan is used only when it gives what reading each file would: anything it cannot vouch for (a read error, an
// adapter whose SQL depends on the file, markers that did not come back) returns undefined before anything is
// committed, and the caller reads those files one by one. A file that must be read alone (a line the reader set aside
// in it; with --strict, the first file with a reject) is named instead: the caller reads it alone in its place and
// scans the files around it again (ScanResult). Copies of a usage bucket in two files, or in one and one held, are
// settled in the scan as reading the files in order ends (src/ingest/buckets.ts).
import { statSync } from 'node:fs';
import { keptRowsSql, midSizeMinCalls, movePartsIntoCallRows, storedColumns } from '../db/calls-view.ts';
import { memoryLimitBytes } from '../db/memory.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import type { Workspace } from '../db/workspace.ts';
import { withCleanup } from '../errors.ts';
import { lineInPartSql, linePartSql, partLineSql, type Adapter, type AdapterContext, type AdapterSelect, type Sample } from './adapter.ts';
import { billedCostColumns, costRowsSelect, ensureBilledCosts } from './costs.ts';
import { chooseAdapter } from './detect.ts';
import {
  assertKeepsFileOrder,
  bindingLightly,
  checkpointNow,
  csvColumns,
  csvReadSql,
  csvRejectOptions,
  fileLinesSql,
  fileRowsSelect,
  fillCsvRawText,
  fillJsonlRawText,
  idDuplicatesSql,
  incomingTable,
  inputErrorClass,
  maxLineLimit,
  lineLimitSql,
  lineReadOptions,
  nonBlankLineSql,
  maskKeysInRejects,
  readError,
  recordKeys,
  repeatOrderSql,
  usesDecimalComma,
  viewStale,
  withProgress,
  writeInParts,
  type CsvDialect,
  type FileOutcome,
  type IngestOptions,
  type RejectSample,
} from './file-rows.ts';
import { isMarkerLineSql, joinCsvFiles, joinJsonlFiles, markerLineOrdSql, markerOrdSql, smallOnAverage, type JoinedFiles } from './concat.ts';
import { replaceHeld, settleScanBuckets } from './buckets.ts';
import { ambiguousColumn, reservedColumn } from './header.ts';
import { literalPath } from './files.ts';
import { dropsLine, hashFile, type FileDigest } from './hash.ts';
import { skipNestedCalls } from './nested-calls.ts';
import { isParquet } from './parquet.ts';
import { pointerOrderSql } from './adapters/sql-helpers.ts';
import { csvRecordSql } from './csv-records.ts';
import { rejectTextSql } from './reject-text.ts';
import { contentBytes, isGzip, sniff } from './sniff.ts';

/** A file recognised ahead of reading, and the key of the files it can be read with. */
export type Preview = {
  readonly file: string;
  readonly bytes: number;
  /** What the file weighs in a scan: a JSONL file's text (contentBytes); else its size, ten times a gzipped one's. */
  readonly weight?: number;
  readonly sample: Sample;
  readonly adapter: Adapter;
  readonly key: string;
};

/**
 * A scan's table is kept, as one arm of the `calls` view, from this many calls (a mid-size file's threshold); a
 * smaller one goes into call_rows like a small file. Unlike one file's (keepsOwnTable, src/db/calls-view.ts), not held
 * to midSizeOwnTables: a scan is one arm however many files it holds, and moving one into call_rows costs more than its
 * arm saves. 40 daily files of 20,000 calls (800,000) took 10.3 s to move against 6.8 s to read (wall, load 11).
 * Twenty weekly runs of 168 hourly files of 1,000 calls (168,000 calls a scan), each scan kept: ingest 41.6-45.7 s,
 * then audit 9.8-10.9 s; held to the cap (the last twelve moved): 58.4-68.4 s, then 8.4-10.6 s. A user who audits
 * after each run gains back what the moves cost only once many more such tables are held.
 */
const manyOwnTableMinCalls = midSizeMinCalls;

/** At most this many files, or this many bytes (a .gz file counted at 10x), in one scan: a kill loses one scan. */
const maxFiles = 2000;
const maxBytes = 1 << 30;
/**
 * Small CSV and JSONL files are joined into one before the read (src/ingest/concat.ts), and cost DuckDB nothing a
 * file: up to this many in one scan, so that a year of hourly files is one scan (per scan, about 0.3 s of statements
 * besides the read; the rows of each scan after the first are checked against the ids held). Files that turn out not
 * to join (a carriage return in a JSONL file, a control character) are read in one multi-file scan of that many.
 */
const maxJoinedFiles = 10_000;
/**
 * And at most this many bytes: one scan of 8,760 hourly files of 1,000 calls (1 GB) peaked at 2.2-2.5 GB of RSS (under
 * a 1 GB and the default memory limit), against 1.2 GB for scans of 2,000 of them (220 MB).
 */
const maxJoinedBytes = 256 << 20;
const weight = (p: Preview): number => p.weight ?? p.bytes * (isGzip(p.file) ? 10 : 1);
/**
 * A JSONL scan reads at most this many bytes of text (a gzipped file's its footer says: contentBytes): reading a file's
 * lines in holds their text, and API pages took about seven times their JSON in memory (a month of 100 keys' minute
 * buckets, 401 MB: 2.9-3.0 GB of RSS in one scan, out of memory under a 2 GB limit; read a day at a time, 0.7 GB). An
 * eighth of DuckDB's memory limit: 1 GiB (maxBytes) at the default of a 24 GB machine, 256 MB under a 2 GB limit.
 */
const maxJsonlScanBytes = (): number => Math.min(maxBytes, Math.floor(memoryLimitBytes() / 8));
/**
 * A format whose records are joined within their file (Langfuse) is read in one statement, never in parts: its scans
 * hold at most a sixteenth of DuckDB's memory limit (16 to 256 MiB). 365 daily windows of 2,000 generations (321 MB)
 * in one scan peaked at 5.6 GB of RSS (2.2 GB under a 1 GB memory limit), against 0.96 GB read one by one.
 */
const maxRecordsJoinedBytes = (): number => Math.min(maxJoinedBytes, Math.max(16 << 20, Math.floor(memoryLimitBytes() / 16)));

/**
 * What a CSV or JSONL usage or cost file is, read from its first bytes; undefined when it is not one that a scan can
 * share (a JSON document, Parquet, or a file detection refuses: reading it alone then says why).
 */
export async function previewFile(file: string, options: IngestOptions): Promise<Preview | undefined> {
  try {
    if (await isParquet(file)) return undefined;
    const bytes = statSync(file).size;
    const sample = await sniff(file, options.map);
    if (sample.kind === 'jsonl') {
      const adapter = chooseAdapter(file, sample, options.inputFormat);
      return { file, bytes, weight: contentBytes(file), sample, adapter, key: [adapter.id, 'jsonl', isGzip(file) ? 'gz' : ''].join('\u0000') };
    }
    if (sample.kind !== 'csv' || sample.headerLine === undefined) return undefined;
    const adapter = chooseAdapter(file, sample, options.inputFormat);
    // A CSV whose records are joined within their file (Langfuse's) is read as records (csvRecordsScanSource): the
    // adapter, first in the key, keeps its files apart.
    return { file, bytes, sample, adapter, key: [adapter.id, sample.delimiter, sample.backslashEscapes === true ? '\\' : '"', isGzip(file) ? 'gz' : '', sample.headerLine].join('\u0000') };
  } catch {
    return undefined;
  }
}

/** Files to be read in one scan, in order, and their weight (kept as they are added: 8,760 files summed again at each one cost 0.2 s). */
export class ScanGroup {
  readonly files: Preview[] = [];
  private weight = 0;

  /** Whether `next` can join the group in one scan. */
  takes(next: Preview): boolean {
    const first = this.files[0];
    if (first === undefined) return true;
    const weighs = this.weight + weight(next);
    const joined = !isGzip(first.file) && smallOnAverage(weighs, this.files.length + 1); // as joinCsvFiles and joinJsonlFiles decide
    const bytes = Math.min(joined ? maxJoinedBytes : maxBytes,
      first.adapter.joinsRecords === true ? maxRecordsJoinedBytes() : first.sample.kind === 'jsonl' ? maxJsonlScanBytes() : Infinity);
    return first.key === next.key && this.files.length < (joined ? maxJoinedFiles : maxFiles) && weighs <= bytes;
  }

  add(next: Preview): void {
    this.files.push(next);
    this.weight += weight(next);
  }
}

/** Hashes files at most `width` at a time (each reads its whole file); each promise is awaited by the caller. */
function hashAll(files: readonly string[], width = 3): Promise<FileDigest>[] {
  const settled: Promise<unknown>[] = [];
  return files.map((file, i) => {
    const hashing = (settled[i - width] ?? Promise.resolve()).then(() => hashFile(file));
    settled.push(hashing.catch(() => undefined));
    hashing.catch(() => undefined);
    return hashing;
  });
}

/**
 * Whether each file's rows in a scan's table are one run of rowids, the runs in the list's order: `parts` has a row
 * per file with `ord` (its place in the list), `hi` (its last rowid), `lo` its first and `n` its rows (0: no run).
 * Rows of a read kept in list order give this; anything else and positions would not say which file and line.
 */
const runsInListOrder = (parts: string, lo: string, n: string): string =>
  `(SELECT coalesce(bool_and(${n} = 0 OR (hi - ${lo} + 1 = ${n} AND ordered)), true) FROM (
     SELECT *, ${lo} > coalesce(max(hi) OVER (ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1) AS ordered FROM ${parts}))`;

/**
 * Whether `_line_parts` (a row per file of a scan: ord, lo, hi, n) accounts for the scan's rows (`rows`: how many, as
 * SQL) with one part per file, each one run of rows in list order.
 */
async function linePartsHold(ws: Workspace, rows: string, files: number): Promise<boolean> {
  const [check] = await ws.all<{ ok: boolean }>(
    `SELECT ${rows} = (SELECT sum(n) FROM _line_parts) AND (SELECT count(*) FROM _line_parts) = $files AND ${runsInListOrder('_line_parts', 'lo', 'n')} AS ok`,
    { files },
  );
  return check?.ok === true;
}

/**
 * `_src` for a JSONL scan, as prepareSource (ingest.ts) writes it for one file: the files' lines read in one DuckDB
 * scan, each non-blank one parsed once, `_line` being part << 32 | line. False (nothing kept) where the files must be
 * read alone: a file whose lines are not one run in list order; or, for a line the reader set aside (too long; alone,
 * a file on one line is read as a JSON document), the files that hold one (filesWithReaderRejects).
 */
async function jsonlScanSource(ws: Workspace, files: readonly string[], bytes: readonly number[], membersJson: string): Promise<boolean | { readAlone: number[] }> {
  const maxLine = maxLineLimit(files);
  // Small files are joined into one first, a marker line before each (src/ingest/concat.ts): DuckDB's reader costs
  // about 1 ms a file.
  const joined = joinJsonlFiles(files, bytes);
  try {
    const from = joined === undefined ? `[${files.map((f) => sqlString(literalPath(f))).join(', ')}]` : sqlString(joined.file);
    await ws.run(`CREATE OR REPLACE TEMP TABLE _lines AS SELECT line${joined === undefined ? ', _bt_file' : ''}
      FROM read_csv(${from}, ${lineReadOptions}, ${lineLimitSql(maxLine)}, hive_partitioning = false, ${csvRejectOptions}${joined === undefined ? ", filename = '_bt_file'" : ''})`);
    if ((await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM _csv_rejects'))[0]!.n > 0n) {
      const readAlone = await filesWithReaderRejects(ws, files, joined);
      return readAlone === undefined ? false : { readAlone };
    }
    await ws.run(
      `CREATE OR REPLACE TEMP TABLE _line_parts AS
       WITH m AS (SELECT unnest(from_json($members, '[{"ord":"BIGINT","file":"VARCHAR"}]'), recursive := true)),
       ${
         joined === undefined
           ? `l AS (SELECT _bt_file, min(rowid) AS lo, max(rowid) AS hi, count(*) AS n FROM _lines GROUP BY _bt_file)
       SELECT m.ord, m.file, l.lo, l.hi, coalesce(l.n, 0) AS n FROM m LEFT JOIN l ON l._bt_file = m.file`
           : // A file's lines lie between its marker and the next (or the end).
             `k AS (SELECT rowid AS r, ${markerLineOrdSql('line')} AS ord FROM _lines WHERE ${isMarkerLineSql('line')}),
       b AS (SELECT ord, r + 1 AS lo, coalesce(lead(r) OVER (ORDER BY r), (SELECT count(*) FROM _lines)) - 1 AS hi FROM k)
       SELECT m.ord, m.file, b.lo, b.hi, b.hi - b.lo + 1 AS n FROM m JOIN b USING (ord)`
       }`,
      { members: membersJson },
    );
    // Every line is one file's (the markers aside: one per file, in list order, or an open string took one in).
    const markers = joined === undefined ? '0' : `(SELECT count(*) FROM _lines WHERE ${isMarkerLineSql('line')})`;
    if (!(await linePartsHold(ws, `(SELECT count(*) FROM _lines) - ${markers}`, files.length))) return false;
    // A blank line is a NULL row: left out, and counted in the lines after it.
    const lines = `(SELECT rowid AS rid, ${joined === undefined ? '_bt_file, ' : ''}line, try_cast(line AS JSON) AS j FROM _lines WHERE ${nonBlankLineSql('line')}${joined === undefined ? '' : ` AND NOT ${isMarkerLineSql('line')}`})`;
    // In file order (part, then line), as one file's `_src` is: the join hands lines on in whatever order its threads
    // finish, and the rows' places (their call_keys, the parts writeInParts reads in turn) follow `_src`'s.
    await ws.run(`CREATE OR REPLACE TEMP TABLE _src AS
      SELECT ${partLineSql('p.ord', 'l.rid - p.lo + 1')} AS _line, '' AS _elem, CASE WHEN l.j IS NULL THEN l.line END AS _raw, l.j
      FROM ${lines} l ${joined === undefined ? 'JOIN _line_parts p ON l._bt_file = p.file' : 'ASOF JOIN _line_parts p ON l.rid >= p.lo'}
      ORDER BY _line`);
    await ws.run('DROP TABLE _lines; DROP TABLE _line_parts');
    return true;
  } finally {
    joined?.dispose();
  }
}

/**
 * `_src` for a scan of CSV files read as JSON records (a format that joins a file's records: Langfuse's UI export), as
 * csvRecordsSource (csv-records.ts) writes it for one file: the files' rows read in one DuckDB scan, each a record of
 * the fields the format reads, `_line` being part << 32 | line. A record's line is its row's position after the header
 * where each row is one line; a file where that does not hold (a field over several lines, a blank line) is read alone,
 * where its records are mapped to their lines, and so is a file with a line the reader set aside. 30 daily exports of
 * 20,000 observations: 51.6 s read one by one, 12.5-12.8 s scanned, 15.9-16.1 s for the same rows in one file.
 */
async function csvRecordsScanSource(ws: Workspace, files: readonly string[], dialect: CsvDialect, record: string, columns: string, membersJson: string):
  Promise<boolean | { readAlone: number[] }> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE _csv_recs AS SELECT _bt_file, ${record} AS j FROM ${csvReadSql(files, dialect, `${columns}, filename = '_bt_file'`)}`);
  if ((await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM _csv_rejects'))[0]!.n > 0n) {
    const readAlone = await filesWithReaderRejects(ws, files, undefined);
    return readAlone === undefined ? false : { readAlone };
  }
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE _line_parts AS
     WITH m AS (SELECT unnest(from_json($members, '[{"ord":"BIGINT","file":"VARCHAR"}]'), recursive := true)),
     r AS (SELECT _bt_file, min(rowid) AS lo, max(rowid) AS hi, count(*) AS n FROM _csv_recs GROUP BY _bt_file),
     l AS (SELECT _bt_file, count(*) AS lines FROM ${fileLinesSql(files, ", hive_partitioning = false, filename = '_bt_file'")} GROUP BY _bt_file)
     SELECT m.ord, m.file, r.lo, r.hi, coalesce(r.n, 0) AS n, coalesce(l.lines, 0) AS lines FROM m LEFT JOIN r ON r._bt_file = m.file LEFT JOIN l ON l._bt_file = m.file`,
    { members: membersJson },
  );
  if (!(await linePartsHold(ws, '(SELECT count(*) FROM _csv_recs)', files.length))) return false;
  const offLines = await ws.all<{ ord: bigint }>('SELECT ord FROM _line_parts WHERE lines <> n + 1 ORDER BY ord');
  if (offLines.length > 0) return { readAlone: offLines.map((r) => Number(r.ord)) };
  // In file order (part, then line), as one file's `_src` is.
  await ws.run(`CREATE OR REPLACE TEMP TABLE _src AS
    SELECT ${partLineSql('p.ord', 'r.rowid - p.lo + 2')} AS _line, '' AS _elem, NULL::VARCHAR AS _raw, r.j
    FROM _csv_recs r JOIN _line_parts p ON r._bt_file = p.file ORDER BY _line`);
  await ws.run('DROP TABLE _csv_recs; DROP TABLE _line_parts');
  return true;
}

/**
 * Gives the rows of joined files (src/ingest/concat.ts) their file's part, as reading the files gives them: every row
 * after a file's marker and before the next is that file's. The markers themselves stay in the table with no part, so
 * in no file's rows, counts or calls (the view and every count join the parts); deleting them could move the rows after
 * them at a checkpoint, and a row's position is its line. No marker is a duplicate of a call: its first field holds a
 * control character no file holds. False when the markers did not all come back, one per file in list order (an open
 * quote at a file's end takes in the marker after it): the files are then read one by one.
 */
async function markedParts(ws: Workspace, table: string, files: readonly string[]): Promise<boolean> {
  const t = sqlIdent(table);
  await ws.run(`CREATE OR REPLACE TEMP TABLE _marks AS SELECT rowid AS r, _src AS ord FROM ${t} WHERE _src IS NOT NULL`);
  const [check] = await ws.all<{ ok: boolean }>(
    `SELECT count(*) = $n AND coalesce(bool_and(ord = k), true) AS ok FROM (SELECT ord, row_number() OVER (ORDER BY r) - 1 AS k FROM _marks)`,
    { n: files.length },
  );
  if (check?.ok !== true) return false;
  await ws.run(
    `UPDATE ${t} SET _src = x.part FROM (
       SELECT d.r, m.part FROM (SELECT rowid AS r FROM ${t} WHERE _src IS NULL) d
         ASOF JOIN (SELECT k.r, hash(f.file) AS part FROM _marks k
           JOIN (SELECT unnest(from_json($files, '[{"ord":"UBIGINT","file":"VARCHAR"}]'), recursive := true)) f USING (ord)) m ON d.r > m.r
     ) x WHERE ${t}.rowid = x.r`,
    { files: JSON.stringify(files.map((file, ord) => ({ ord, file }))) },
  );
  await ws.run(`UPDATE ${t} SET _src = NULL WHERE rowid IN (SELECT r FROM _marks)`);
  return true;
}

/**
 * Whether an adapter that reads a CSV through a query of its own (`from`: Helicone's parses its JSON columns first)
 * passes the reader's columns on, so that `expr` (a row's file, from the reader's columns) can be read over it. An
 * adapter whose query keeps only the fields it reads is read file by file.
 */
async function passesColumnsOn(ws: Workspace, from: string, expr: string): Promise<boolean> {
  try {
    await ws.all(`DESCRIBE SELECT ${expr} FROM ${from}`);
    return true;
  } catch (error) {
    if (error instanceof Error && /^Binder Error/.test(error.message)) return false;
    throw error;
  }
}

/** The first file's columns as DuckDB names them (every file of a CSV scan has the same header line). */
async function firstFileColumns(ws: Workspace, file: string, sample: Sample): Promise<string[]> {
  const read = csvReadSql([file], sample);
  return bindingLightly(read, csvReadSql([file], sample, '', true), (swap) => csvColumns(ws, swap(read)));
}

type Member = { readonly index: number; readonly preview: Preview; sourceId?: string; plainLines?: boolean };

/**
 * What a scan gives: each file's outcome (an undefined one: read that file alone, the others being held already); the
 * files (places in the group) to read alone, in their place, the files between them being scanned again without them;
 * or undefined: read every file one by one. Nothing of the scan is kept but its outcomes.
 */
export type ScanResult = (FileOutcome | undefined)[] | { readonly readAlone: readonly number[] } | undefined;

/**
 * The files of a scan (places in `files`) with a line the reader set aside (`_csv_rejects`): by the file DuckDB names,
 * or, in a joined file, by the byte where the line begins among the files' parts. Undefined when a line cannot be
 * placed. A line placed wrong would only cost time: a scan of files with such a line is never kept.
 */
async function filesWithReaderRejects(ws: Workspace, files: readonly string[], joined: JoinedFiles | undefined): Promise<number[] | undefined> {
  if (joined !== undefined) {
    const rows = await ws.all<{ ord: bigint | null }>(
      `SELECT DISTINCT p.ord FROM (SELECT DISTINCT line_byte_position AS b FROM _csv_rejects) r
       ASOF LEFT JOIN (SELECT unnest(from_json($starts, '[{"ord":"BIGINT","start":"BIGINT"}]'), recursive := true)) p ON r.b >= p.start`,
      { starts: JSON.stringify(joined.starts.map((start, ord) => ({ ord, start }))) },
    );
    return rows.some((r) => r.ord === null) ? undefined : rows.map((r) => Number(r.ord));
  }
  const named = await ws.all<{ file_path: string | null }>('SELECT DISTINCT s.file_path FROM _csv_rejects r LEFT JOIN _csv_scans s USING (scan_id, file_id)');
  const ords = named.map((n) => files.findIndex((f) => n.file_path !== null && (n.file_path === f || n.file_path === literalPath(f))));
  return ords.includes(-1) ? undefined : ords;
}

/** Ingests `group` (files of one key, in order) in one scan: see ScanResult for what it gives back. */
export async function ingestMany(ws: Workspace, group: readonly Preview[], options: IngestOptions): Promise<ScanResult> {
  const first = group[0];
  if (first === undefined || group.length < 2) return undefined;
  const adapter = first.adapter;
  // Only a file the size of one held, or of another in the group, can be a copy: those are hashed first.
  const heldBytes = new Set((await ws.all<{ bytes: bigint }>('SELECT DISTINCT bytes FROM sources WHERE bytes IS NOT NULL')).map((r) => Number(r.bytes)));
  const sizes = new Map<number, number>();
  for (const p of group) sizes.set(p.bytes, (sizes.get(p.bytes) ?? 0) + 1);
  const outcomes: (FileOutcome | { sameAs: string } | undefined)[] = group.map(() => undefined);
  const members: Member[] = [];
  const early = group.filter((p) => heldBytes.has(p.bytes) || (sizes.get(p.bytes) ?? 0) > 1);
  const earlyHashes = new Map<string, FileDigest>();
  try {
    const digests = await Promise.all(hashAll(early.map((p) => p.file)));
    // A line DuckDB would drop unsaid (hash.ts): read alone, the file says so.
    if (digests.some((d) => dropsLine(d, options.lineCeilingBytes))) return undefined;
    early.forEach((p, i) => earlyHashes.set(p.file, digests[i]!));
  } catch {
    return undefined; // an unreadable file: read alone, it says why
  }
  // One query for all of them (small files are often of equal size: 8,466 of 8,760 hourly files were hashed here).
  const held = new Map(
    (
      await ws.all<{ source_id: string; format: string; rows: bigint }>(
        `SELECT source_id, format, rows FROM sources WHERE source_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))`,
        { ids: JSON.stringify([...earlyHashes.values()].map((d) => d.sourceId)) },
      )
    ).map((r) => [r.source_id, r]),
  );
  const seen = new Set<string>();
  for (const [index, preview] of group.entries()) {
    const digest = earlyHashes.get(preview.file);
    const sid = digest?.sourceId;
    if (sid !== undefined) {
      const known = held.get(sid);
      if (known !== undefined) {
        outcomes[index] = { file: preview.file, format: known.format, status: 'already-ingested', rows: Number(known.rows), calls: 0, rejects: 0, duplicates: 0, skipped: 0, firstRejects: [] };
        continue;
      }
      if (seen.has(sid)) {
        outcomes[index] = { sameAs: sid }; // the same content as a file before it in this scan
        continue;
      }
      seen.add(sid);
    }
    members.push({ index, preview, sourceId: sid, plainLines: digest?.plainLines });
  }
  if (members.length < 2) {
    // Nothing to scan together: the files already held keep their outcome (a directory run again held all 20,000 of
    // its files, and each was then hashed and looked up a second time, one by one: 36.7 s against 15.1 s to
    // ingest them); the one file left, if any, is read alone (undefined). A copy of that file in the group is settled by
    // reading them all alone.
    if (outcomes.some((o) => o !== undefined && 'sameAs' in o)) return undefined;
    return outcomes as (FileOutcome | undefined)[];
  }
  const files = members.map((m) => m.preview.file);
  // CSV files of a format that joins a file's records are read as JSON records, and from then on as JSONL is.
  const csvRecords = first.sample.kind === 'csv' && adapter.joinsRecords === true;
  const jsonl = first.sample.kind === 'jsonl' || csvRecords;
  // A cost export's rows go to billed_costs (src/ingest/costs.ts), never to calls: converted as one file's are.
  const costs = adapter.role === 'costs';
  const rowsSelect = (select: AdapterSelect, kind: 'csv' | 'jsonl', carried: readonly [string, string][] = []) =>
    costs ? costRowsSelect(select, kind, carried) : fileRowsSelect(select, kind, carried, kind === 'csv' && usesDecimalComma(first.sample));

  // The rest are hashed while DuckDB reads them.
  const late = members.filter((m) => m.sourceId === undefined);
  const lateHashes = hashAll(late.map((m) => m.preview.file));

  await ws.run('DROP TABLE IF EXISTS _csv_rejects; DROP TABLE IF EXISTS _csv_scans');
  // The CSV header: the columns of a CSV scan's select, or of the records a CSV of records is read into.
  let csvHeader: string[] = [];
  try {
    if (first.sample.kind === 'csv') csvHeader = await firstFileColumns(ws, files[0]!, first.sample);
  } catch (error) {
    // A first file DuckDB cannot bind (a quote never closed): read alone, its error names it and its line.
    if (error instanceof Error && inputErrorClass.test(error.message)) return undefined;
    throw error;
  }
  // Every file of a CSV scan has the first one's header line (previewFile's key), so DuckDB's sniff of each file
  // would find what the first file's found: its columns are given, as that sniff named them, and the sniff is off.
  // 2,000 hourly files of 100 rows were read in 1.0 s with it off, 1.8 s with it on (two runs each).
  const columns = `, auto_detect = false, columns = {${csvHeader.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ')}}`;
  const header = jsonl ? [] : csvHeader;
  let src = jsonl ? '_src' : csvReadSql(files, first.sample, `${columns}, filename = '_bt_file'`);
  const ctx: AdapterContext = {
    src,
    kind: jsonl ? 'jsonl' : 'csv',
    header,
    recordsCut: csvRecords,
    map: options.map ?? new Map<string, string>(),
    fileModifiedAt: statSync(files[0]!).mtime.toISOString(),
    // A JSONL row's file is its line's high bits: each row takes its own file's modification time (batch results
    // have no time of their own; a year of daily batch outputs was read one by one).
    fileModifiedAtSql: jsonl ? `[${files.map((f) => sqlString(statSync(f).mtime.toISOString())).join(', ')}][${linePartSql('_line')} + 1]` : undefined,
  };
  let select = adapter.select(ctx);
  // A column named twice: read alone, the file is refused with its columns (src/ingest/header.ts).
  if (!jsonl && ambiguousColumn(first.sample.header, ctx.header, select) !== undefined) return undefined;
  // A column with a name batchable keeps for itself (header.ts): each file is read alone, where it is refused if its
  // adapter adds fields, and else read (a scan of files not joined names its file column `_bt_file`, which DuckDB
  // would refuse to add beside the file's own).
  if (reservedColumn(csvHeader) !== undefined) return undefined;
  // The adapter's rows must not depend on which file they come from (a file's modification time stands in for
  // missing times in some formats: in a CSV scan, one file's for all). A CSV's must come from the reader, through
  // projections only (assertKeepsFileOrder, below) that pass its columns on, so that each row keeps its file
  // (passesColumnsOn); a JSONL record's line says which file it is from (jsonlScanSource).
  const elsewhen = adapter.select({ ...ctx, fileModifiedAt: '1970-01-01T00:00:00.000Z' });
  if ((!jsonl && !select.from.includes(src)) || JSON.stringify(elsewhen) !== JSON.stringify(select)) return undefined;
  // Small files are joined into one first (src/ingest/concat.ts): DuckDB's reader costs about 1 ms a file. A row's
  // part is its file's name hashed; in joined files, first its marker's place (markedParts).
  const joined = jsonl ? undefined : joinCsvFiles(files, members.map((m) => m.preview.bytes), header.length, first.sample.delimiter);
  if (joined !== undefined) {
    src = csvReadSql([joined.file], first.sample, columns, false, files);
    select = adapter.select({ ...ctx, src });
  }
  const carried: [string, string][] = [['_src', joined === undefined ? 'hash(_bt_file)' : markerOrdSql(sqlIdent(header[0]!))]];
  if (!jsonl) {
    const light = joined === undefined ? csvReadSql(files, first.sample, `${columns}, filename = '_bt_file'`, true) : csvReadSql([joined.file], first.sample, columns, true);
    const checked = await bindingLightly(src, light, async (swap) => {
      if (select.from !== src && !(await passesColumnsOn(ws, swap(select.from), carried[0]![1]))) return false;
      await assertKeepsFileOrder(ws, select, adapter.id, carried, swap, (sel, c) => rowsSelect(sel, 'csv', c));
      return true;
    }).catch((error: unknown) => {
      joined?.dispose();
      throw error;
    });
    if (!checked) {
      joined?.dispose();
      return undefined;
    }
  }

  let table = incomingTable;
  let inTransaction = false;
  let committed = false;
  const cleanup = async () => {
    joined?.dispose();
    if (!committed) {
      if (inTransaction) await ws.run('ROLLBACK');
      await ws.run(`DROP TABLE IF EXISTS ${sqlIdent(incomingTable)}`);
      await ws.run(`DROP TABLE IF EXISTS ${sqlIdent(table)}`);
    }
    await ws.run('DROP TABLE IF EXISTS _held_ids; DROP TABLE IF EXISTS _parts; DROP TABLE IF EXISTS _src_part; DROP TABLE IF EXISTS _src_rows; DROP TABLE IF EXISTS _src; DROP TABLE IF EXISTS _lines; DROP TABLE IF EXISTS _line_parts; DROP TABLE IF EXISTS _marks; DROP TABLE IF EXISTS _csv_recs');
    // Left by fillCsvRawText when a statement of it failed.
    await ws.run('DROP TABLE IF EXISTS _csv_sids; DROP TABLE IF EXISTS _csv_text; DROP TABLE IF EXISTS _csv_marks; DROP TABLE IF EXISTS _csv_off_lines');
  };
  const membersJson = JSON.stringify(members.map((m, ord) => ({ ord, file: m.preview.file })));
  return withCleanup(async () => {
    // Written before the transaction, as one file's table is: inside one, DuckDB numbers new rows from a large
    // offset, and a CSV row's position in its part is what gives its line.
    try {
      if (jsonl) {
        const source = csvRecords
          ? await csvRecordsScanSource(ws, files, first.sample, csvRecordSql(csvHeader, ctx.map, adapter.recordFields), columns, membersJson)
          : await jsonlScanSource(ws, files, members.map((m) => m.preview.bytes), membersJson);
        if (source === false) return undefined;
        if (source !== true) return { readAlone: source.readAlone.map((ord) => members[ord]!.index) };
        const keys = adapter.readsRecordKeys === true ? await recordKeys(ws, '_src') : undefined;
        // Each row's part and line, from its line's number (part << 32 | line).
        const rowsOf = (from: string, unnested?: boolean) => `SELECT * REPLACE (${lineInPartSql('_line')} AS _line), ${linePartSql('_line')}::UBIGINT AS _src
          FROM (${rowsSelect(from === '_src' && keys === undefined ? select : adapter.select({ ...ctx, src: from, recordKeys: keys, unnested }), 'jsonl')})`;
        // Records so large that 2,048 of them pass jsonPartBytes (API pages of usage buckets, OTLP requests) are
        // written in parts, as one file's are (writeInParts): a year of daily usage pages was read one by one. Records
        // joined within their file (Langfuse's traces and observations, keyed by their file) are read in one statement,
        // their API pages unnested first.
        await withProgress(ws, files[0]!, options, () => writeInParts(ws, table, '_src', adapter, options.jsonPartBytes, rowsOf, `_src, _line, ${pointerOrderSql('_path')}`));
      } else {
        await withProgress(ws, files[0]!, options, () => ws.run(`CREATE OR REPLACE TABLE ${sqlIdent(table)} AS ${rowsSelect(select, 'csv', carried)}`));
        if (joined !== undefined && !(await markedParts(ws, table, files))) return undefined;
      }
    } catch (error) {
      // A file DuckDB cannot read: read alone, its error names it and its line.
      if (error instanceof Error && inputErrorClass.test(error.message)) return undefined;
      throw await readError(files[0]!, adapter.id, error);
    }
    let sourceIds: string[];
    try {
      const lateDigests = await Promise.all(lateHashes);
      if (lateDigests.some((d) => dropsLine(d, options.lineCeilingBytes))) return undefined;
      late.forEach((m, i) => {
        m.sourceId = lateDigests[i]!.sourceId;
        m.plainLines = lateDigests[i]!.plainLines;
      });
      sourceIds = members.map((m) => m.sourceId!);
    } catch {
      return undefined;
    }
    // Lines the reader set aside shift the lines of the rows after them; reading those files alone binds them. The
    // other files are scanned around them (a row with a field too many in one of 365 daily files sent all 365 one by
    // one: 72 s against 2 s).
    if ((await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM _csv_rejects'))[0]!.n > 0n) {
      const readAlone = await filesWithReaderRejects(ws, files, joined);
      return readAlone === undefined ? undefined : { readAlone: readAlone.map((ord) => members[ord]!.index) };
    }
    let stored = await storedColumns(ws, table);
    const malformed = jsonl ? `(SELECT ${linePartSql('_line')} AS part, count(*) AS n FROM _src WHERE j IS NULL GROUP BY part)` : '(SELECT NULL::UBIGINT AS part, 0 AS n)';

    // Each file's part: its key, its first row, how many rows it has (table rows, and JSONL lines that are not JSON).
    // A CSV's files were read in list order, so each part must be one run of rows, in that order; anything else and
    // the lines would be wrong. A JSONL row carries its line, and its part is its file's place in the list.
    await ws.run(
      `CREATE OR REPLACE TEMP TABLE _parts AS
       WITH m AS (SELECT *, ${jsonl ? 'ord::UBIGINT' : 'hash(file)'} AS part
                  FROM (SELECT unnest(from_json($members, '[{"ord":"BIGINT","sid":"VARCHAR","file":"VARCHAR"}]'), recursive := true))),
            r AS (SELECT _src, min(rowid) AS lo, max(rowid) AS hi, count(*) AS n FROM ${sqlIdent(table)} GROUP BY _src)
       SELECT m.ord, m.part AS _p_part, ${jsonl ? '0' : 'coalesce(r.lo, 0)'} AS _p_first, m.sid AS _p_sid, m.file AS _p_file,
              $format AS _p_format, r.hi, coalesce(r.n, 0) AS staged, coalesce(b.n, 0) AS malformed, coalesce(r.n, 0) + coalesce(b.n, 0) AS n
       FROM m LEFT JOIN r ON r._src = m.part LEFT JOIN ${malformed} b ON b.part = m.part`,
      { members: JSON.stringify(members.map((m, ord) => ({ ord, sid: sourceIds[ord], file: m.preview.file }))), format: adapter.id },
    );
    const [check] = await ws.all<{ ok: boolean }>(
      `SELECT count(DISTINCT _p_part) = count(*)
          AND (SELECT count(*) FROM ${sqlIdent(table)} WHERE _src IS NOT NULL) = sum(staged)
          AND ${jsonl ? '(SELECT count(*) FROM _src WHERE j IS NULL) = sum(malformed)' : runsInListOrder('_parts', '_p_first', 'staged')} AS ok
       FROM _parts`,
    );
    if (check?.ok !== true) return undefined;
    // A model call recorded again around itself (an app instrumented twice), within each file of the scan: the rows
    // over it are skipped before anything counts them (src/ingest/nested-calls.ts).
    if (adapter.nestedCalls !== undefined) await skipNestedCalls(ws, table, stored, adapter.nestedCalls, '_src');
    if (options.strict === true) {
      // --strict stops at the first file with a reject, after keeping the files before it: that file is read alone,
      // where it stops the run, after the files before it are scanned.
      const [firstBad] = await ws.all<{ ord: bigint | null }>(
        `SELECT min(ord) AS ord FROM _parts WHERE malformed > 0 OR _p_part IN (SELECT _src FROM ${sqlIdent(table)} WHERE _reason IS NOT NULL)`,
      );
      if (firstBad?.ord !== null && firstBad?.ord !== undefined) return { readAlone: [members[Number(firstBad.ord)]!.index] };
    }

    // Ids already held, and ids repeated within the scan (across its files as within one): all but the first
    // are duplicates, as reading the files in order would count them. Marked in place, rows keep their positions,
    // which are file order (a JSONL scan's too: its `_src` is in file order, and writeInParts keeps it).
    const kept = keptRowsSql(stored);
    const idKept = `${kept} AND call_id IS NOT NULL`;
    const t = sqlIdent(table);
    // The earliest file first (its place in the list: `_src` is a hash of the file in a CSV scan), then the row
    // repeatOrderSql prefers within it.
    const duplicate = adapter.idsFromSource && stored.has('call_id')
      ? await idDuplicatesSql(ws, t, kept, repeatOrderSql(stored, 'p.ord', 'f.rowid'))
      : undefined;
    if (duplicate !== undefined) {
      await ws.run(`ALTER TABLE ${t} ADD COLUMN _dup BOOLEAN DEFAULT false`);
      await ws.run(`UPDATE ${t} SET _dup = true WHERE rowid IN (
        SELECT r FROM (SELECT f.rowid AS r, ${duplicate} AS d FROM ${t} f JOIN _parts p ON f._src = p._p_part WHERE ${idKept}) WHERE d)`);
      stored = await storedColumns(ws, table);
    }

    // Copies of one bucket in two files, or in a file and one held, settled as reading the files in order would end
    // (src/ingest/buckets.ts): the scan's losing copies marked here, the held ones replaced inside the transaction.
    const buckets = await settleScanBuckets(ws, table, stored, '_parts', adapter.id);
    if (buckets.marked) stored = await storedColumns(ws, table);

    // Each file's counts: every row is a call, a reject, a skip or a duplicate.
    const keptNow = keptRowsSql(stored);
    const counts = await ws.all<{ ord: bigint; n: bigint; rejects: bigint; skipped: bigint; calls: bigint }>(
      `SELECT p.ord, any_value(p.n) AS n, count(*) FILTER (WHERE f.rejected) + any_value(p.malformed) AS rejects, count(*) FILTER (WHERE f.skip) AS skipped,
              count(*) FILTER (WHERE f.kept) AS calls
       FROM _parts p LEFT JOIN (
         SELECT _src, _reason IS NOT NULL AS rejected, ${stored.has('_skip') ? '_skip IS NOT NULL' : 'false'} AS skip, (${keptNow}) AS kept FROM ${t}
       ) f ON f._src = p._p_part GROUP BY p.ord ORDER BY p.ord`,
    );
    // Every row is a call (or, in a cost export, a cost row, which is no call), a reject, a skip or a duplicate.
    const fileCounts = (c: (typeof counts)[number]) => {
      const [rows, rejects, skipped, kept] = [Number(c.n), Number(c.rejects), Number(c.skipped), Number(c.calls)];
      return { rows, calls: costs ? 0 : kept, rejects, duplicates: costs ? 0 : rows - rejects - skipped - kept, skipped };
    };
    const totalCalls = counts.reduce((n, c) => n + Number(c.calls), 0);
    const ownTable = !costs && totalCalls >= (options.ownTableMinCalls ?? manyOwnTableMinCalls);
    const name = `calls_m${sourceIds[0]!.slice(0, 15)}`;

    await ws.run('BEGIN TRANSACTION');
    inTransaction = true;
    if (buckets.marked) await replaceHeld(ws);
    if (jsonl) {
      await ws.run(
        `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
         SELECT _p_sid, _p_file, ${lineInPartSql('s._line')}, NULL, 'malformed JSON', ${rejectTextSql('s._raw')}, 'reject'
         FROM _src s JOIN _parts p ON ${linePartSql('s._line')} = p._p_part WHERE s.j IS NULL`,
      );
    }
    for (const [column, kind] of [['_reason', 'reject'], ['_skip', 'skip']] as const) {
      if (!stored.has(column)) continue;
      await ws.run(
        `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
         SELECT _p_sid, _p_file, ${jsonl ? 'f._line' : 'f.rowid - _p_first + 2'}, ${stored.has('_path') ? 'f._path' : 'NULL'}, f.${column}, NULL, '${kind}'
         FROM ${t} f JOIN _parts p ON f._src = p._p_part WHERE f.${column} IS NOT NULL`,
      );
    }
    const withRejects = new Set(counts.filter((c) => c.rejects > 0n).map((c) => Number(c.ord)));
    const withRows = new Set(counts.filter((c) => c.rejects > 0n || c.skipped > 0n).map((c) => Number(c.ord)));
    if (jsonl && withRows.size > 0) {
      // A JSONL row's raw text is its record, held in `_src` (as for one file: file-rows.ts, fillRawText).
      await fillJsonlRawText(ws, `SELECT r.rowid AS rid, ${partLineSql('p._p_part', 'r.line')} AS key, r.path FROM rejects r JOIN _parts p ON r.source_id = p._p_sid WHERE r.raw IS NULL`);
      await maskKeysInRejects(ws, sourceIds.filter((_, ord) => withRows.has(ord)));
    }
    // The raw text of a CSV's rejected and skipped rows, re-read from their files (as for one file: fillCsvRawText).
    if (!jsonl && withRows.size > 0) {
      const scanned = [...members.entries()].filter(([ord]) => withRows.has(ord));
      await fillCsvRawText(ws, scanned.map(([ord, m]) => ({ file: m.preview.file, sourceId: sourceIds[ord]!, bytes: m.preview.bytes, plainLines: m.plainLines })),
        first.sample);
      await maskKeysInRejects(ws, scanned.map(([ord]) => sourceIds[ord]!));
    }
    if (costs) {
      await ensureBilledCosts(ws);
      const names = billedCostColumns.map(([n]) => n);
      await ws.run(
        `INSERT INTO billed_costs (source_id, source_file, source_row, source_path, source_format, ${names.join(', ')})
         SELECT _p_sid, _p_file, ${jsonl ? 'f._line' : 'f.rowid - _p_first + 2'}, f._path, _p_format, ${names.map((n) => `f.${n}`).join(', ')}
         FROM ${t} f JOIN _parts p ON f._src = p._p_part WHERE ${keptNow}`,
      );
      await ws.run(`DROP TABLE ${t}`);
    } else if (ownTable) {
      await ws.run(`DROP TABLE IF EXISTS ${sqlIdent(name)}`); // left by a run that was killed
      await ws.run(`ALTER TABLE ${t} RENAME TO ${sqlIdent(name)}`);
      table = name;
      await ws.run(`INSERT INTO source_parts (source_id, table_name, part, first_row) SELECT _p_sid, $table, _p_part, _p_first FROM _parts`, { table: name });
    } else {
      await movePartsIntoCallRows(ws, table, stored, '_parts');
    }
    await ws.run(
      `INSERT INTO sources (source_id, file, format, bytes, rows, calls, rejects, duplicates, skipped, table_name)
       SELECT sid, file, $format, bytes, rows, calls, rejects, duplicates, skipped, $table
       FROM (SELECT unnest(from_json($rows, '[{"sid":"VARCHAR","file":"VARCHAR","bytes":"BIGINT","rows":"BIGINT","calls":"BIGINT","rejects":"BIGINT","duplicates":"BIGINT","skipped":"BIGINT"}]'), recursive := true))`,
      {
        format: adapter.id,
        table: ownTable ? name : null,
        rows: JSON.stringify(members.map((m, ord) => ({ sid: sourceIds[ord], file: m.preview.file, bytes: m.preview.bytes, ...fileCounts(counts[ord]!) }))),
      },
    );
    if (ownTable) viewStale.add(ws); // the view is rebuilt at the end of the run (src/ingest/file-rows.ts)
    await ws.run('COMMIT');
    committed = true;
    await checkpointNow(ws);

    const firstRejects = new Map<string, RejectSample[]>();
    if (withRejects.size > 0) {
      const rows = await ws.all<{ source_id: string; line: bigint | null; path: string | null; reason: string }>(
        `SELECT source_id, line, path, reason FROM (
           SELECT *, row_number() OVER (PARTITION BY source_id ORDER BY line NULLS LAST, path) AS k FROM rejects
           WHERE kind = 'reject' AND source_id IN (SELECT unnest(from_json($sids, '["VARCHAR"]'))))
         WHERE k <= 5 ORDER BY source_id, k`,
        { sids: JSON.stringify(sourceIds) },
      );
      for (const r of rows) firstRejects.set(r.source_id, [...(firstRejects.get(r.source_id) ?? []), { line: r.line === null ? null : Number(r.line), path: r.path, reason: r.reason }]);
    }
    const byId = new Map<string, FileOutcome>();
    for (const [ord, m] of members.entries()) {
      const c = counts[ord]!;
      const outcome: FileOutcome = {
        file: m.preview.file,
        format: adapter.id,
        status: 'ingested',
        ...fileCounts(c),
        ...(costs ? { costRows: Number(c.calls) } : { replaced: buckets.replacedBy.get(sourceIds[ord]!) ?? 0 }),
        firstRejects: firstRejects.get(sourceIds[ord]!) ?? [],
      };
      byId.set(sourceIds[ord]!, outcome);
      outcomes[m.index] = outcome;
    }
    return outcomes.map((o, i) => {
      if (o === undefined) throw new Error(`file ${i} of a scan has no outcome`);
      if ('sameAs' in o) {
        const held = byId.get(o.sameAs)!;
        return { file: group[i]!.file, format: held.format, status: 'already-ingested', rows: held.rows, calls: 0, rejects: 0, duplicates: 0, skipped: 0, firstRejects: [] };
      }
      return o;
    });
  }, cleanup);
}
