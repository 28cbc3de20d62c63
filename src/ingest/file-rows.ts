// What reading one file, or many files in one scan (src/ingest/many.ts), shares: the types of an ingest's
// outcome, the conversion of an adapter's rows to canonical types with each row's reject reason, the checks on
// ids already held, the raw text of rejects, and the read errors named for the user.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { callIdsSql, type OwnTableThresholds } from '../db/calls-view.ts';
import { secretKeyPattern } from '../db/macros.ts';
import { hasRows } from '../db/has-rows.ts';
import { lineCapBytes, memoryLimitBytes } from '../db/memory.ts';
import { callColumns, requiredColumns, type ColumnSpec } from '../db/schema.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import type { Workspace } from '../db/workspace.ts';
import { diskFull, InputError, InternalError, outOfMemory } from '../errors.ts';
import { quoted, shellWord } from '../report/escape.ts';
import type { Adapter, AdapterSelect, ContainerKind, NestedCalls } from './adapter.ts';
import { mayHoldKeySql, namesKeySql, pageRecords } from './adapters/sql-helpers.ts';
import { literalPath, pathProblem } from './files.ts';
import { fillParquetRawText } from './parquet.ts';
import { rejectTextSql } from './reject-text.ts';
import { contentBytes, isGzip } from './sniff.ts';

/** What an ingest run may be told; the sizes from which a file or scan keeps its own table are OwnTableThresholds (src/db/calls-view.ts): tests lower them. */
export type IngestOptions = OwnTableThresholds & {
  readonly inputFormat?: string | undefined;
  readonly map?: ReadonlyMap<string, string> | undefined;
  readonly strict?: boolean | undefined;
  /** Called about twice a second during long reads, with the share done (0..1). */
  readonly onProgress?: ((file: string, done: number) => void) | undefined;
  /** Read consecutive CSV files of one format and header, or JSONL files of one format, in one scan (src/ingest/many.ts); default true. */
  readonly oneScan?: boolean | undefined;
  /** The bytes of large JSON records read in one statement (default jsonPartBytes()); tests lower it. */
  readonly jsonPartBytes?: number | undefined;
  /** The longest line a CSV or JSONL file may have (default readerLineCeilingBytes, src/ingest/hash.ts); tests lower it. */
  readonly lineCeilingBytes?: number | undefined;
};

export type RejectSample = { readonly line: number | null; readonly path: string | null; readonly reason: string };

export type FileOutcome = {
  readonly file: string;
  readonly format: string;
  /** 'not-usage': found by expanding a directory or glob, and matches no usage format; nothing read from it. */
  readonly status: 'ingested' | 'already-ingested' | 'not-usage';
  /** For 'not-usage': why (one line, from detection). */
  readonly note?: string;
  readonly rows: number;
  readonly calls: number;
  readonly rejects: number;
  readonly duplicates: number;
  /** Rows that are not usage (kind 'skip' in `rejects`), e.g. SPAN observations or unbilled batch errors. */
  readonly skipped: number;
  /** Cost exports: the billed-cost rows loaded for reconciliation (they are not calls). */
  readonly costRows?: number;
  /** Bucket copies held from earlier files that this file's more complete copies replaced (src/ingest/buckets.ts). */
  readonly replaced?: number;
  readonly firstRejects: readonly RejectSample[];
};

export type IngestSummary = {
  readonly files: readonly FileOutcome[];
  readonly calls: number;
  readonly rejects: number;
  readonly duplicates: number;
  readonly skipped: number;
  /** Files found by a directory or glob that are not usage (by name, or matching no format); each was warned about. */
  readonly skippedFiles?: readonly { readonly file: string; readonly reason: string }[];
  /** Each glob argument and how many files it matched. */
  readonly patterns?: readonly { readonly pattern: string; readonly matched: number }[];
};
/** When each workspace was last checkpointed by ingest; the first file of a run always is. */
export const lastCheckpoint = new WeakMap<Workspace, number>();
export const checkpointEveryMs = 2000;

/**
 * Into the database file after a commit: a kill later in the run leaves only recent work in the log
 * (src/db/recovery.ts). At most every 2 s: a checkpoint after each of 100 small files measured 4.7 s -> 7.9 s
 * (CPU) of ingest.
 */
export async function checkpointNow(ws: Workspace): Promise<void> {
  if (ws.path !== ':memory:' && Date.now() - (lastCheckpoint.get(ws) ?? 0) >= checkpointEveryMs) {
    await ws.run('CHECKPOINT');
    lastCheckpoint.set(ws, Date.now());
  }
}

/**
 * Workspaces with a table committed in this run that the `calls` view does not show yet. ingestFiles rebuilds the
 * view once, at the end of the run (also a run a bad file stopped), not per file: a rebuild binds every arm, so per
 * file it grew with the square of the number of large files. Nothing in a run reads the view (ingest asks the
 * tables: callIdsSql, callsOfFormatSql), and a run killed before the end leaves a view that opening the workspace
 * rebuilds (src/db/workspace.ts).
 */
export const viewStale = new WeakSet<Workspace>();

/** Where a file's rows are written before its content hash names the table. */
export const incomingTable = 'calls_incoming';

/**
 * DuckDB error classes that come from the file being read: a malformed record, a line too long, a cut stream.
 * Any other class (Binder, Parser, Catalog, Conversion…) means the SQL batchable wrote is wrong for this input:
 * our bug, not the file's. A Conversion Error is ours too: adapters convert with checks that make bad values rejects.
 */
export const inputErrorClass = /^(Invalid Input Error|IO Error):(?![^]*No space left on device)/;
// (A full disk is an IO Error too, but not the file's: a scan that met one must not retry its files one by one.)

/** What to do with a JSON document too large to read whole. */
export const splitAdvice = "Split it into one record per line (JSONL; `jq -c '.data[]'` for API pages, `jq -c '.resourceSpans[] | {resourceSpans: [.]}'` for OTLP)";

/**
 * The error a failed read turns into. Only errors known to come from the input are input errors (exit 2, one
 * line, file and line where DuckDB names it); everything else is an internal error with its stack (exit 3).
 */
export async function readError(file: string, adapterId: string, error: unknown): Promise<Error> {
  // A full disk (DuckDB's spill files, the workspace) is neither the file's fault nor a query of ours.
  const full = diskFull(error);
  if (full !== undefined) return full;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new InputError(file, undefined, `cannot read: ${pathProblem(error)}`, { cause: error });
  if (/Out of Memory Error|out of memory|memory limit/i.test(message)) {
    return outOfMemory(`reading ${file}`, error);
  }
  if (!inputErrorClass.test(message)) {
    const first = message.split('\n')[0] ?? message;
    return new InternalError(`reading ${file} with the ${adapterId} adapter, DuckDB refused a query batchable wrote: ${first}`, { cause: error });
  }
  const tooLong = /Maximum line size of (\d+) bytes exceeded/.exec(message);
  if (tooLong) {
    // DuckDB numbers the line within its buffer ("Line: 1"): find the real one.
    const limit = Number(tooLong[1]);
    const found = await firstLongLine(file, limit);
    return new InputError(file, found?.line, `a line of ${(found?.bytes ?? limit).toLocaleString('en-US')} bytes, over the ${limit.toLocaleString('en-US')}-byte limit for one line ` +
      `(batchable raises DuckDB's limit to the file's size, up to ${maxLineBytes() >> 20} MB under this memory limit); no usage record is that long: check how the file was written`, { cause: error });
  }
  if (/"maximum_object_size" of \d+ bytes exceeded/.test(message)) {
    // A JSON document (or one record of an array) DuckDB cannot hold as one value: ingest.ts documentSource.
    return new InputError(file, undefined, `a JSON document or record over 512 MiB, more than DuckDB reads as one value; nothing from the file was ingested. ${splitAdvice}`, { cause: error });
  }
  const line = /on Line: (\d+)/i.exec(message)?.[1];
  const body = message.replace(inputErrorClass, '').trim();
  const firstLine = body.split('\n').find((l) => l.trim() !== '' && !/^CSV Error on Line/i.test(l)) ?? body;
  const problem = /Malformed JSON|JSON/.test(message) ? `not valid JSON (${quoted(firstLine.trim())}); is the file truncated?` : quoted(firstLine.trim());
  return new InputError(file, line === undefined ? undefined : Number(line), problem, { cause: error });
}

export const csvRejectOptions = "store_rejects = true, rejects_table = '_csv_rejects', rejects_scan = '_csv_scans'";

/**
 * How a CSV file is written: its delimiter, and whether a quote inside a quoted field is escaped with a backslash
 * (`\"`, as Spark and MySQL write it) instead of doubled (`""`, RFC 4180). Found by sniff (src/ingest/sniff.ts).
 */
export type CsvDialect = { readonly delimiter: string; readonly backslashEscapes?: boolean | undefined };

/**
 * DuckDB's CSV reader over one file or a list (read in list order): every column as text, malformed lines kept
 * aside in _csv_rejects. The dialect comes from our header sniff: DuckDB's sniffer can be misled by the very
 * ragged rows we want to reject. The directories a file sits in are not its columns. `extra` adds options (the file name column of a many-file scan).
 */
export function csvReadSql(files: readonly string[], dialect: CsvDialect, extra = '', bindOnly = false, linesOf: readonly string[] = files): string {
  const paths = files.map((f) => sqlString(literalPath(f)));
  // bindOnly: DuckDB's own limit (2 MB), for statements that only bind the read (DESCRIBE, EXPLAIN): binding
  // sniffs one buffer, then 16x the line limit (512 MiB at 32 MB), which cost 0.3 s of CPU and up to a second of wall
  // per statement on a 600 MB file; the buffer is now 8 times the line limit (lineLimitSql), 256 MiB at 32 MB.
  // linesOf: the files whose lines are read, when `files` is one file they were joined into (src/ingest/concat.ts).
  const maxLine = bindOnly ? '' : `${lineLimitSql(maxLineLimit(linesOf))}, `;
  const from = paths.length === 1 ? paths[0] : `[${paths.join(', ')}]`;
  // hive_partitioning: DuckDB otherwise adds a column for each `key=value` directory of the path (a daily export
  // kept under day=2026-01-03/ gained a `day` tag, splitting each workload's identities by day).
  return `read_csv(${from}, all_varchar = true, header = true, delim = ${sqlString(dialect.delimiter)}, quote = '"', escape = ${dialect.backslashEscapes === true ? "'\\'" : "'\"'"}, ${maxLine}hive_partitioning = false, ${csvRejectOptions}${extra})`;
}

/**
 * Options that read a file line by line: one text column, no quote (\x01 never occurs in text: no field is split).
 * Not strict: a strict read stops at a line ending in a bare LF in a file of CRLF lines ("The CSV Parser state machine
 * reached an invalid state"), which is how Excel writes a line break inside a cell, and how files of both kinds
 * joined with `cat` end; a single column has nothing else to be strict about.
 */
export const lineReadOptions = "columns = {'line': 'VARCHAR'}, header = false, delim = '\x01', quote = '', escape = '', auto_detect = false, strict_mode = false";

/**
 * True for a line that holds more than blanks (`trim(line) <> ''`: trim strips the Unicode space separators, \p{Zs},
 * and nothing else, not a tab). trim copies each line to test it: 0.5-0.7 s for a 120 MB LiteLLM export and 1.7-2.6 s
 * for a 333 MB Langfuse window, against 0.01-0.02 s for the match, which stops at a line's first other character.
 */
export const nonBlankLineSql = (line: string): string => `NOT regexp_full_match(${line}, '\\p{Zs}*')`;

/** The physical lines of `files` as one text column `line`, in order (`extra`: more read options, a file name column). */
export const fileLinesSql = (files: readonly string[], extra = ''): string =>
  `read_csv(${files.length === 1 ? sqlString(literalPath(files[0]!)) : `[${files.map((f) => sqlString(literalPath(f))).join(', ')}]`}, ${lineReadOptions}, ${lineLimitSql(maxLineLimit(files))}, ignore_errors = true${extra})`;

/**
 * DuckDB's read options for lines of at most `limit` bytes: `max_line_size`, and a read buffer of 8 times that.
 * DuckDB's own buffer is 16 times the line limit, 512 MiB at 32 MB, and with it a CSV of 131 MB (1M calls) was read
 * on one core. Whole ingests alternated on 2026-12-04, by buffer (16x / 8x / 4x / 2x of the limit, two runs each): that
 * file 4.54, 4.35 / 2.95, 3.01 / 3.68, 3.43 / 3.49, 3.45 s; the bench's year in one file (858 MB) 15.71, 15.00 /
 * 14.35, 13.92 / 18.66, 16.91 / 17.89, 15.38 s. At 8x against 16x: the 1M calls with every other row rejected 9.04,
 * 10.81 -> 7.10, 7.48 s; the wide bench file (658 MB), a 106 MB CSV holding one 32 MB line and a 121 MB LiteLLM
 * JSONL within the spread. A buffer barely over the line limit is refused by DuckDB's parallel reader ("does not
 * support a full read").
 */
export const lineLimitSql = (limit: number): string => `max_line_size = ${limit}, buffer_size = ${8 * limit}`;

/** The longest line DuckDB may read: 32 MB, less under a small memory budget (src/db/memory.ts). */
export const maxLineBytes = (): number => lineCapBytes(memoryLimitBytes());

/** DuckDB's line limit for this file: its (uncompressed) size, between DuckDB's 2 MB default and maxLineBytes. */
export function lineLimit(file: string, cap = maxLineBytes()): number {
  const bytes = contentBytes(file);
  return Math.min(cap, Math.max(2 << 20, bytes + 1024));
}

/** DuckDB's line limit for a read of `files`: the largest of theirs, the cap read once (a scan of 2,000 files is bound three times). */
export function maxLineLimit(files: readonly string[]): number {
  const cap = maxLineBytes();
  return files.reduce((m, f) => Math.max(m, lineLimit(f, cap)), 0);
}

/** The first physical line over `limit` bytes, and its length: only read when DuckDB has refused one. */
export async function firstLongLine(file: string, limit: number): Promise<{ line: number; bytes: number } | undefined> {
  const input = createReadStream(file);
  const stream = isGzip(file) ? input.pipe(createGunzip()) : input;
  let line = 1;
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
        length += nl - start;
        if (length > limit) return { line, bytes: length };
        line += 1;
        length = 0;
        start = nl + 1;
      }
      length += chunk.length - start;
    }
    return length > limit ? { line, bytes: length } : undefined;
  } catch {
    return undefined;
  } finally {
    stream.destroy();
    input.destroy();
  }
}

/**
 * The first line whose ending differs from the first line's (CRLF against a bare LF), with both kinds: only read when
 * DuckDB's sniffer has given up on a CSV, which it does on a file whose rows end in both (files of both kinds joined).
 */
export async function firstMixedLineEnd(file: string): Promise<{ line: number; first: 'CRLF' | 'LF'; then: 'CRLF' | 'LF' } | undefined> {
  const input = createReadStream(file);
  const stream = isGzip(file) ? input.pipe(createGunzip()) : input;
  let line = 1;
  let first: 'CRLF' | 'LF' | undefined;
  let lastByte = -1;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, nl + 1)) {
        const ending = (nl > 0 ? chunk[nl - 1] : lastByte) === 13 ? 'CRLF' : 'LF';
        first ??= ending;
        if (ending !== first) return { line, first, then: ending };
        line += 1;
      }
      if (chunk.length > 0) lastByte = chunk[chunk.length - 1]!;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    stream.destroy();
    input.destroy();
  }
}

/**
 * Runs `work` on a CSV read bound with DuckDB's default line limit (csvReadSql's bindOnly), and on the read as
 * given only when a line in the part DuckDB sniffs is longer than that. `work` receives a function that puts
 * the bind-only read in place of the full one in its SQL.
 */
export async function bindingLightly<T>(full: string, light: string, work: (swap: (sql: string) => string) => Promise<T>): Promise<T> {
  try {
    return await work((sql) => sql.split(full).join(light));
  } catch (error) {
    if (error instanceof Error && /Maximum line size/i.test(error.message)) return work((sql) => sql);
    throw error;
  }
}

export async function csvColumns(ws: Workspace, src: string): Promise<string[]> {
  const rows = await ws.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${src}`);
  return rows.map((r) => r.column_name);
}

/** The largest count (tokens, requests) one row may hold: README "What batchable promises". */
export const maxCount = 1_000_000_000_000;

export const conversions: Record<ColumnSpec['type'], { fn: string; what: string } | undefined> = {
  VARCHAR: undefined,
  BIGINT: { fn: 'bt_int', what: 'not a whole number' },
  DOUBLE: { fn: 'bt_double', what: 'not a number' },
  BOOLEAN: { fn: 'bt_bool', what: 'not true/false' },
  TIMESTAMPTZ: { fn: 'bt_ts', what: 'unparsable time' },
  JSON: { fn: 'bt_json', what: 'not JSON' },
  'DECIMAL(20,9)': { fn: 'bt_dec', what: 'not a number' },
};

/** Plan operators that keep their input's order; CSV line numbers are the row order of the file's table. */
export const orderKeepingOperators = new Set(['PROJECTION', 'FILTER', 'READ_CSV', 'READ_CSV_AUTO', 'TABLE_SCAN']);
/**
 * The same for a JSON source's rows, which carry their line and pointer: a scan of its lines' table (SEQ_SCAN)
 * keeps file order, and so does UNNEST (a record's elements follow their record, and have pointers of their own).
 * UNION does not: it hands on all of one branch's rows, then the other's.
 */
const jsonOrderKeepingOperators = new Set([...orderKeepingOperators, 'SEQ_SCAN', 'UNNEST']);

/**
 * A CSV row's line is its position in the file's table, so the plan that writes it must keep file order. DuckDB
 * keeps it through projections and filters but not through joins (an IN list of five constants is planned as
 * one): an adapter whose SQL would reorder rows is a bug, stopped here rather than recorded with wrong lines.
 */
export async function assertKeepsFileOrder(
  ws: Workspace,
  select: AdapterSelect,
  adapterId: string,
  carried: readonly [string, string][] = [],
  swap: (sql: string) => string = (sql) => sql,
  rowsSelect: (select: AdapterSelect, carried: readonly [string, string][]) => string = (s, c) => fileRowsSelect(s, 'csv', c),
): Promise<void> {
  const reordering = await reorderingOperators(ws, swap(rowsSelect(select, carried)), orderKeepingOperators);
  if (reordering.length > 0) {
    throw new InternalError(`the ${adapterId} adapter's plan does not keep file order (${reordering.join(', ')}); line numbers would be wrong`);
  }
}

/** The operators of `sql`'s plan that may hand rows on out of their input's order (not in `keeping`), once each. */
async function reorderingOperators(ws: Workspace, sql: string, keeping: ReadonlySet<string>): Promise<string[]> {
  const [plan] = await ws.all<{ explain_value: string }>(`EXPLAIN (FORMAT JSON) ${sql}`);
  const names: string[] = [];
  const walk = (nodes: { name: string; children?: unknown[] }[]) => {
    for (const node of nodes) {
      names.push(node.name.trim());
      walk((node.children ?? []) as { name: string; children?: unknown[] }[]);
    }
  };
  walk(JSON.parse(plan?.explain_value ?? '[]'));
  return [...new Set(names.filter((n) => !keeping.has(n)))];
}

/**
 * `sql` (a JSON source's rows, from a `_src` in file order) so that its rows come in file order: as it is when its
 * plan keeps its input's order, else sorted by `order` (the columns that give a row's place: its line, then its JSON
 * pointer). A JSON row carries its line and pointer, so a plan that
 * reorders rows (Langfuse's join of observations to their traces) still records them right; but a call's place in
 * its file's table is its call_key, which orders calls that start in the same instant (src/classify/signals/
 * sequence.ts: tieOrderSql) and keeps the first of a file's repeated ids. Written as the join handed them on, two
 * ingests of the same 200,000-call Langfuse window gave every call a different call_key.
 */
async function inFileOrder(ws: Workspace, sql: string, order: string): Promise<string> {
  return (await reorderingOperators(ws, sql, jsonOrderKeepingOperators)).length === 0 ? sql : `SELECT * FROM (${sql}) ORDER BY ${order}`;
}

/** The earliest time a call may have: the first LLM APIs opened to the public in 2020. */
const earliestCallSql = "TIMESTAMPTZ '2020-01-01 00:00:00+00'";
/** From this on, a time is a placeholder for "none" (9999-12-31), not a call's: a fixed bound, not the clock's. */
const latestCallSql = "TIMESTAMPTZ '2100-01-01 00:00:00+00'";

/** Whether a CSV's numbers may use a decimal comma: its fields are not delimited by commas (sniff: the dialect). */
export const usesDecimalComma = (dialect: CsvDialect): boolean => dialect.delimiter !== ',';

/**
 * A file's rows converted to canonical types (each value converted once), with `_reason`: why a row cannot be
 * a call, else NULL. Only the columns the adapter gives are written; the `calls` view pads the rest.
 */
export function fileRowsSelect(select: AdapterSelect, kind: ContainerKind, carried: readonly [name: string, expr: string][] = [], decimalComma = false): string {
  const given = select.columns as Record<string, string | undefined>;
  const mappedList = Object.entries(given)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, expr]) => `${expr} AS ${name}`);
  // Columns of the source carried through as they are (a many-file scan's part of each row: src/ingest/many.ts).
  for (const [name, expr] of carried) mappedList.push(`${expr} AS ${name}`);
  const values: string[] = kind === 'csv' ? carried.map(([name]) => name) : ['_line', "nullif(_path, '') AS _path"];
  const skips = given._skip !== undefined; // most formats have no rows to skip: no column then
  if (skips) values.push('_skip');
  const converted: string[] = [];
  // Each check: when a row fails it, and what its reason says.
  const checks: { when: string; reason: string }[] = [];
  for (const column of callColumns) {
    const name = column.name;
    if (given[name] === undefined) continue;
    const conversion = conversions[column.type];
    if (conversion === undefined) {
      // A secret API key where an id belongs (a team's own log) is kept as its provider's dashboards show it.
      values.push(`${name === 'api_key' ? 'bt_key' : 'bt_text'}(${name}) AS ${name}`);
      continue;
    }
    // A CSV delimited by `;` or a tab is a spreadsheet's in a locale whose decimal mark is the comma: `350,5`.
    const text = decimalComma && (column.type === 'DOUBLE' || column.type.startsWith('DECIMAL')) ? `bt_decimal_comma(${name})` : name;
    converted.push(`${conversion.fn}(${text}) AS _v_${name}`);
    values.push(`_v_${name} AS ${name}`);
    checks.push({ when: `${name} IS NOT NULL AND _v_${name} IS NULL`, reason: `'${conversion.what} in ${name}: "' || left(${name}::VARCHAR, 60) || '"'` });
    if (column.type === 'BIGINT') {
      checks.push({ when: `_v_${name} < 0`, reason: `'negative ${name} (' || _v_${name} || ')'` });
      // No single request or bucket row holds 10^12 tokens (a million requests of a million tokens); a larger
      // count is corrupt, and left in would overflow every later sum and price.
      checks.push({ when: `_v_${name} > ${maxCount}`, reason: `'${name} above 10^12 (' || _v_${name} || '): not a real count'` });
    }
    if (name === 'ts') {
      // 0 and 1970-01-01 stand in for a missing time in real exports; kept, two such calls in a month of traffic made
      // the period 20,741 days and every 30-day figure a 700th of itself ($0.03 for $51). No LLM API call is that old.
      checks.push({ when: `_v_ts < ${earliestCallSql}`, reason: `'ts ' || strftime(_v_ts, '%Y-%m-%d %H:%M:%S') || ' UTC is before 2020: no LLM API call is that old (0 or 1970-01-01 stands in for a missing time)'` });
      checks.push({ when: `_v_ts >= ${latestCallSql}`, reason: `'ts ' || strftime(_v_ts, '%Y-%m-%d %H:%M:%S') || ' UTC is after 2099: a placeholder (9999-12-31 stands in for a missing time), not a call''s time'` });
    }
  }
  for (const name of requiredColumns) {
    checks.push({ when: given[name] === undefined ? 'true' : `bt_text(${name}) IS NULL`, reason: `'missing ${name}'` });
  }
  // The reasons are joined only for the rows that fail a check: concat_ws over every check on every row (almost
  // all of them NULL) cost 0.4 s of CPU per million rows, as much as a sixth of the whole read.
  const reasons = `CASE WHEN ${checks.map((c) => `(${c.when})`).join(' OR ')}
    THEN nullif(concat_ws('; ', ${checks.map((c) => `CASE WHEN ${c.when} THEN ${c.reason} END`).join(',\n    ')}), '') END`;
  return `WITH m AS (SELECT ${mappedList.join(',\n  ')} FROM ${select.from}),
v AS (SELECT *${converted.length > 0 ? `, ${converted.join(', ')}` : ''} FROM m)
SELECT ${values.join(',\n  ')},
  ${skips ? 'CASE WHEN _skip IS NULL THEN ' : ''}${given._reject !== undefined ? 'coalesce(_reject, ' : '('}${reasons})${skips ? ' END' : ''} AS _reason
FROM v`;
}

export type FileTarget = OwnTableThresholds & {
  file: string;
  sourceId: string;
  table: string;
  kind: ContainerKind;
  format: string;
  idsFromSource: boolean;
  /** The adapter's nestedCalls: rows over counted calls are skipped (src/ingest/nested-calls.ts). */
  nestedCalls?: NestedCalls | undefined;
  /** CSV: no quote character and no blank line in the file (hash.ts), so each record's number is its line's. */
  plainLines?: boolean | undefined;
  /** CSV: how the file is written (where a quote opens or closes a field: buildCsvOffLines). */
  dialect?: CsvDialect | undefined;
};
/**
 * Whether the workspace holds a call: a row of `call_rows` (every row there is a call), or a file table whose
 * source still counts calls. Asked of the tables, not of the `calls` view: DuckDB plans the view's every arm
 * for any query on it (~1 ms an arm), and a workspace of many large files (a table each) asks once per file.
 */
export async function holdsAnyCall(ws: Workspace): Promise<boolean> {
  const [row] = await ws.all<{ held: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM call_rows) OR EXISTS (SELECT 1 FROM sources WHERE table_name IS NOT NULL AND calls > 0) AS held',
  );
  return row?.held === true;
}

/** Writes `_held_ids`: the ids of the file's kept rows that a call already held has; returns how many. */
export async function heldIds(ws: Workspace, table: string, idKept: string): Promise<bigint> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE _held_ids AS
    SELECT DISTINCT n.call_id FROM (${await callIdsSql(ws)}) c JOIN (SELECT DISTINCT call_id FROM ${table} WHERE ${idKept}) n ON c.call_id = n.call_id`);
  return (await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM _held_ids'))[0]?.n ?? 0n;
}

/**
 * Whether a file's kept rows (`kept`, a WHERE clause over `table`) repeat a call id. Distinct hashes are distinct
 * ids, so the ids' 64-bit hashes are sorted and each compared with the one before it first; only when two are
 * equal (an id repeated, or two ids that collide) are the ids themselves counted. At 5M calls: 0.65 s of CPU
 * for the sorted hashes, against 1.0 s for count(DISTINCT hash(call_id)) and 0.9 s for count(DISTINCT call_id).
 * `hashOf` is the hash of an id: tests give one that collides, to take the exact path.
 */
export async function repeatsIds(ws: Workspace, table: string, kept: string, hashOf = 'hash(call_id)'): Promise<boolean> {
  const [hashes] = await ws.all<{ n: bigint }>(
    `SELECT count(*) AS n FROM (SELECT h = lag(h) OVER (ORDER BY h) AS repeated FROM (SELECT ${hashOf} AS h FROM ${table} WHERE ${kept} AND call_id IS NOT NULL)) WHERE repeated`,
  );
  if ((hashes?.n ?? 0n) === 0n) return false;
  const [ids] = await ws.all<{ n: bigint }>(`SELECT count(call_id) - count(DISTINCT call_id) AS n FROM ${table} WHERE ${kept}`);
  return (ids?.n ?? 0n) > 0n;
}

/**
 * Which row of a repeated call id is the call (the others are its duplicates): the one with the most output tokens,
 * then the first. `fileOrder` comes first in a scan of several files (the earliest file's, as reading them one by
 * one keeps); `rowid` is the row's id where the query joins another table. Claude Code writes one response on several
 * lines as it streams, one per content block, and only the last holds the final output count (a real sub-agent log:
 * 8, then 108 output tokens, on lines 2 and 3); Gemini's streamed chunks of one response likewise. A call exported
 * twice is the same on each line, and its first line stays.
 */
export function repeatOrderSql(stored: ReadonlySet<string>, fileOrder?: string, rowid = 'rowid'): string {
  return [fileOrder, stored.has('output_tokens') ? 'try_cast(output_tokens AS BIGINT) DESC NULLS LAST' : undefined, rowid].filter((c) => c !== undefined).join(', ');
}

/**
 * The condition (over a row of `table`) that a kept row with a source call id is a duplicate, or undefined when none
 * is: its id is one a call already held has (written to `_held_ids`), or its id repeats in `table` and another row of
 * it comes first by `order` (repeatOrderSql) within `partition`. Each check costs a pass, so it runs only when it can
 * find something (most files repeat no id and hold none held). A file read alone and a scan of many share it; each
 * writes the marks its own way (ingest.ts rewrites the file's table, many.ts updates the scan's in place).
 */
export async function idDuplicatesSql(ws: Workspace, table: string, kept: string, order: string, partition = 'call_id'): Promise<string | undefined> {
  const holdsCalls = (await holdsAnyCall(ws)) && (await heldIds(ws, table, `${kept} AND call_id IS NOT NULL`)) > 0n;
  const repeated = await repeatsIds(ws, table, kept);
  const conditions = [
    holdsCalls ? 'call_id IN (SELECT call_id FROM _held_ids)' : null,
    repeated ? `row_number() OVER (PARTITION BY ${partition} ORDER BY ${order}) > 1` : null,
  ].filter((c) => c !== null);
  return conditions.length === 0 ? undefined : conditions.join(' OR ');
}

/** Rewrites a file's table (`f`) with extra columns computed from its rows. */
export async function rebuild(ws: Workspace, table: string, extra: string): Promise<void> {
  const next = `${table}_next`;
  await ws.run(`CREATE TABLE ${sqlIdent(next)} AS SELECT *, ${extra} FROM ${sqlIdent(table)} f ORDER BY f.rowid`);
  await ws.run(`DROP TABLE ${sqlIdent(table)}`);
  await ws.run(`ALTER TABLE ${sqlIdent(next)} RENAME TO ${sqlIdent(table)}`);
}

/** A JSON or JSONL file's lines that are not JSON (`_src` rows with no `j`), each a reject with its line and text. */
export async function rejectMalformedJson(ws: Workspace, sourceId: string, file: string): Promise<void> {
  await ws.run(
    `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
     SELECT $sid, $file, _line, NULLIF(_elem, ''), 'malformed JSON', ${rejectTextSql('_raw')}, 'reject' FROM _src WHERE j IS NULL`,
    { sid: sourceId, file },
  );
}

/** The raw text of rejected rows: JSON records from the source table, CSV lines re-read only when needed. */
export async function fillRawText(ws: Workspace, t: FileTarget): Promise<void> {
  await fillRawTextOf(ws, t);
  await maskKeysInRejects(ws, t.sourceId);
}

/** A CSV file whose rejected or skipped rows want their lines and text (fillCsvRawText). */
export type ScannedCsv = { readonly file: string; readonly sourceId: string; readonly bytes: number; readonly plainLines?: boolean | undefined };

/** The files of one fillCsvRawText statement hold at most this much text (it is held as a table). */
const manyRawTextBytes = 128 << 20;

/**
 * The lines (for files with a quote or a blank line: DuckDB numbers records) and raw text of the rejects and skips of
 * CSV files, one file (fillRawText) or the files of one scan (src/ingest/many.ts), in a few statements whatever their
 * number: file by file, about ten statements a file, 300 LiteLLM files with a reject each took 11.6-12.9 s against
 * 1.4 s with none. The files are read together, in groups of at most 128 MiB, once for the lines that begin no record
 * and once for the text. Secret keys in the text are masked by the caller (maskKeysInRejects).
 */
export async function fillCsvRawText(ws: Workspace, files: readonly ScannedCsv[], dialect: CsvDialect): Promise<void> {
  for (const group of byBytes(files, manyRawTextBytes)) {
    const paths = group.map((g) => g.file);
    await ws.run(`CREATE OR REPLACE TEMP TABLE _csv_sids AS SELECT unnest(from_json($ids, '[{"f":"BIGINT","sid":"VARCHAR"}]'), recursive := true)`, {
      ids: JSON.stringify(group.map((g, f) => ({ f, sid: g.sourceId }))),
    });
    if (group.some((g) => g.plainLines === false)) {
      // Records to lines: rejects and skips name the line a user opens (files without a quote or blank line have no
      // off lines).
      await markCsvLines(ws, paths, dialect);
      await offLinesFromMarks(ws);
      await ws.run(`UPDATE rejects SET line = m.n FROM (SELECT s.sid, m.r, m.n
          FROM (${recordLinesSql('SELECT DISTINCT s.f, r.line AS r FROM rejects r JOIN _csv_sids s ON r.source_id = s.sid WHERE r.line IS NOT NULL')}) m JOIN _csv_sids s USING (f)) m
        WHERE rejects.source_id = m.sid AND rejects.line = m.r`);
      await ws.run('DROP TABLE _csv_off_lines');
    }
    // The text only where a reject lacks it (DuckDB's own rejects carry their line): most files, no second read.
    if ((await ws.all('SELECT 1 FROM rejects r JOIN _csv_sids s ON r.source_id = s.sid WHERE r.raw IS NULL LIMIT 1')).length > 0) {
      await readCsvText(ws, paths);
      await ws.run(`UPDATE rejects SET raw = ${rejectTextSql('l.line')} FROM (SELECT s.sid, l.n, l.line FROM (${csvTextLinesSql(paths)}) l JOIN _csv_sids s USING (f)) l
        WHERE rejects.source_id = l.sid AND rejects.raw IS NULL AND rejects.line = l.n`);
      await ws.run('DROP TABLE _csv_text');
    }
    await ws.run('DROP TABLE _csv_sids');
  }
}

/** `items` in order, in groups of at most `limit` bytes (a larger item alone). */
function byBytes<T extends { readonly bytes: number }>(items: readonly T[], limit: number): T[][] {
  const groups: T[][] = [];
  let bytes = Infinity;
  for (const item of items) {
    if (bytes + item.bytes > limit) {
      groups.push([]);
      bytes = 0;
    }
    groups.at(-1)!.push(item);
    bytes += item.bytes;
  }
  return groups;
}

/** A rejected row's text keeps no secret API key either: its prefix stays (macros.ts: bt_key). Calls' and cost rows' rejects. */
export async function maskKeysInRejects(ws: Workspace, sourceIds: string | readonly string[]): Promise<void> {
  await ws.run(
    `UPDATE rejects SET raw = regexp_replace(raw, ${sqlString(secretKeyPattern)}, '\\1…', 'g')
     WHERE source_id IN (SELECT unnest(from_json($sids, '["VARCHAR"]'))) AND raw IS NOT NULL AND regexp_matches(raw, ${sqlString(secretKeyPattern)})`,
    { sids: JSON.stringify(typeof sourceIds === 'string' ? [sourceIds] : sourceIds) },
  );
}

/**
 * The raw text of JSONL rejects, from `_src`. `keys` gives each reject that lacks it (`rid`: its rowid in rejects,
 * `key`: its line as `_src` numbers it, `path`: the record's JSON pointer, NULL for a line that is one record). The text
 * is the record's own: a line of API pages holds a page of records, and a reject or skip at `/data/3` showed the page
 * from its start, which is another record (three of Langfuse's four trace skips in `pull-window.jsonl` showed the
 * first trace). Found three ways, each an equality join on the whole key, first match kept:
 *  1. pages unnested into their records (unnestPages): the record's row;
 *  2. pages read whole: their records, unnested here once for the lines that have a reject in one (a page is parsed
 *     once, not once per reject in it: a 14 MB window of 15 pages of 1,000 skipped traces took 72.6 s and 3.5 GiB
 *     parsing its page for each skip, 2.9-3.3 s this way, against 2.9 s when each skip showed its page's start);
 *  3. the line itself, from its start: a line that is one record, or a record deeper in a line that is not a page of
 *     `data` (an OTLP request's span), whose own text would cost a parse of the line for each reject in it.
 * Where the pointer goes deeper than a page's record (a bucket's result, a trace's observation), the text is what it
 * points to within that record.
 * One file's, or a scan's (src/ingest/many.ts), whose lines carry their file in their high bits: joined on the line
 * alone, with DuckDB's estimate of no rejects, the scan of 8,760 hourly Langfuse windows paired every reject with every
 * file's line of that number (35,040 skips × 8,760 lines, each with its record's text) and filled the disk.
 */
export async function fillJsonlRawText(ws: Workspace, keys: string, params: Record<string, string> = {}): Promise<void> {
  const fill = rawTextFill(ws, keys, params);
  const page = "regexp_extract(k.path, '^/data/[0-9]+')";
  await fill(pointedText('s', 'k.path'), '_src', `s._line = k.key AND s._elem = ${page} AND s._elem <> ''`);
  const [paged] = await ws.all(`SELECT 1 FROM (${keys}) k WHERE ${page} <> '' LIMIT 1`, params);
  if (paged !== undefined) {
    await rejectPages(ws, `_elem = '' AND _line IN (SELECT k.key FROM (${keys}) k WHERE ${page} <> '')`, params);
    await fill(pointedText('s', 'k.path'), '_reject_pages', `s._line = k.key AND s._elem = ${page}`);
    await ws.run('DROP TABLE _reject_pages');
  }
  await fill('coalesce(s._raw, s.j::VARCHAR)', '_src', "s._line = k.key AND s._elem = ''");
}

/**
 * `fill(text, rows, on)`: sets the raw text of the rejects `keys` lists (`rid`: the reject's rowid, `path`, and for
 * JSONL `key`: its line) that still lack it, to `text` of the row `s` of `rows` that `on` pairs with `k`, an equality
 * join (JSONL and JSON documents alike).
 */
const rawTextFill = (ws: Workspace, keys: string, params: Record<string, string>) => (text: string, rows: string, on: string) =>
  ws.run(
    `UPDATE rejects SET raw = x.raw FROM (SELECT k.rid, ${rejectTextSql(text)} AS raw FROM (${keys}) k JOIN ${rows} s ON ${on}) x
     WHERE rejects.rowid = x.rid AND rejects.raw IS NULL`,
    params,
  );

/**
 * `_reject_pages`: the records (`_line`, `_elem`: the record's pointer, `j`) of the pages among `_src`'s rows that
 * `where` picks (pageRecords, as adapters read them; the rows that are not pages come along as they are and match no
 * record's pointer).
 */
const rejectPages = (ws: Workspace, where: string, params: Record<string, string>): Promise<void> =>
  ws.run(`CREATE OR REPLACE TEMP TABLE _reject_pages AS SELECT _line, _path AS _elem, rec AS j FROM ${pageRecords(`(SELECT * FROM _src WHERE ${where})`)}`, params);

/**
 * The text `path` points to within row `r` of a page's records (`_elem`: the record's pointer, `j`: its JSON): the
 * record's text when the pointer is the record's, else the value at the rest of the pointer, or the record's text when
 * nothing is there. A record is parsed once for each reject in it: records are a page's items, not whole files' lines.
 */
const pointedText = (r: string, path: string): string =>
  `CASE WHEN coalesce(${path}, '') = ${r}._elem THEN ${r}.j::VARCHAR
    ELSE coalesce(json_extract(${r}.j, substr(${path}, strlen(${r}._elem) + 1))::VARCHAR, ${r}.j::VARCHAR) END`;

async function fillRawTextOf(ws: Workspace, t: FileTarget): Promise<void> {
  if (t.kind === 'parquet') return fillParquetRawText(ws, literalPath(t.file), t.sourceId);
  if (t.kind === 'jsonl') return fillJsonlRawText(ws, 'SELECT rowid AS rid, line AS key, path FROM rejects WHERE source_id = $sid AND raw IS NULL', { sid: t.sourceId });
  if (t.kind === 'json') {
    // As for JSONL, on the reject's pointer, by equality: a record of a page (the document's `data`, or an element's),
    // unnested (unnestPages) or read whole (each such page unnested once here), with the text its pointer names in it;
    // else the element it lies in (`/3`), from its start. (As one `starts_with` condition the element's join compared
    // every reject with every row: 20,000 rejects in a 40,000-record array of LiteLLM spend logs, 21.8 s.)
    const keys = 'SELECT rowid AS rid, path FROM rejects WHERE source_id = $sid AND raw IS NULL';
    const params = { sid: t.sourceId };
    const fill = rawTextFill(ws, keys, params);
    const record = "regexp_extract(k.path, '^.*?/data/[0-9]+')";
    await fill(pointedText('s', 'k.path'), '_src', `s._elem <> '' AND s._elem = ${record}`);
    const [paged] = await ws.all(`SELECT 1 FROM (${keys}) k WHERE ${record} <> '' LIMIT 1`, params);
    if (paged !== undefined) {
      await rejectPages(ws, `_elem IN (SELECT regexp_extract(k.path, '^(.*?)/data/[0-9]+', 1) FROM (${keys}) k WHERE ${record} <> '')`, params);
      await fill(pointedText('s', 'k.path'), '_reject_pages', `s._elem = ${record}`);
      await ws.run('DROP TABLE _reject_pages');
    }
    await fill('s.j::VARCHAR', '_src', "s._elem <> '' AND s._elem = regexp_extract(k.path, '^/[^/]*')");
    return;
  }
  if ((await ws.all('SELECT 1 FROM rejects WHERE source_id = $1 LIMIT 1', [t.sourceId])).length === 0) return;
  await fillCsvRawText(ws, [{ file: t.file, sourceId: t.sourceId, bytes: 0, plainLines: t.plainLines }], t.dialect ?? commaDialect);
}

/**
 * DuckDB numbers a CSV file's records, not its lines: a reader reject's `line` counts the line breaks outside quotes
 * (blank lines included, the line breaks inside a quoted field not), and a row's position counts records (blank lines
 * skipped). Where a file has a quote character or a blank line (hash.ts: plainLines) both can differ from the line a
 * user opens. `_csv_off_lines` holds the lines that begin no record: those inside a quoted field that spans lines
 * (`cont`), and blank lines. A quoted field spans lines where a line has an odd number of quotes that open or close a
 * field (at a line's start or end or beside the delimiter, escaped pairs removed: a quote inside an unquoted value,
 * `gpt"5`, which DuckDB keeps as text, counts for nothing): the 1st, 3rd… such line opens one, the next closes it.
 * Only those lines and blank ones are kept, so the maps below join small tables; one read of the file, and a regular
 * expression only on lines with a quote. Built only for files with a reject or skip to name (for many files at once:
 * fillCsvRawText).
 */
export async function buildCsvOffLines(ws: Workspace, file: string, dialect: CsvDialect): Promise<void> {
  await markCsvLines(ws, [file], dialect);
  await offLinesFromMarks(ws);
}

/** `_csv_off_lines` (f, n, cont) from `_csv_marks`, which it drops. */
async function offLinesFromMarks(ws: Workspace): Promise<void> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE _csv_off_lines AS
    WITH spans AS (${quotedSpansSql})
    SELECT f, unnest(range(opened + 1, closed + 1)) AS n, true AS cont FROM spans WHERE closed IS NOT NULL
    UNION ALL
    SELECT f, n, false AS cont FROM _csv_marks e
    WHERE blank AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.f = e.f AND e.n > opened AND (closed IS NULL OR e.n <= closed))`);
  await ws.run('DROP TABLE _csv_marks');
}

/** The error for a quote that opens a field on `line` and is never closed (found by unclosedQuoteLine). */
export const unclosedQuoteError = (file: string, line: number, cause: unknown): InputError =>
  new InputError(file, line, 'a quote (") opens a field on this line and is never closed, so the rest of the file would be one value; ' +
    'close it, or remove it (a quote inside a value is written twice, inside a quoted field); nothing from the file was ingested', { cause });

/** The error for a CSV whose rows end in both CRLF and LF (found by firstMixedLineEnd), which DuckDB's sniffer gave up on. */
export const mixedLineEndError = (file: string, mixed: { line: number; first: string; then: string }, cause: unknown): InputError =>
  new InputError(file, mixed.line, `this line ends in ${mixed.then}, the lines before it in ${mixed.first}, and DuckDB's CSV reader gave up on ` +
    `the file ("Error when sniffing file"). Unless that line break is inside a quoted value, make the line endings one kind ` +
    `(\`sed 's/\\r$//' ${shellWord(quoted(file, 200))} > fixed.csv\`) and ingest the result; nothing from the file was ingested`, { cause });

/**
 * The line where a quote opens a field and is never closed, if any (buildCsvOffLines' reading): DuckDB's CSV sniffer
 * gives up on such a file ("Error when sniffing file"), as the rest of the file would be one value.
 */
export async function unclosedQuoteLine(ws: Workspace, file: string, dialect: CsvDialect): Promise<number | undefined> {
  await markCsvLines(ws, [file], dialect);
  try {
    const [row] = await ws.all<{ opened: bigint }>(`WITH spans AS (${quotedSpansSql}) SELECT opened FROM spans WHERE closed IS NULL`);
    return row === undefined ? undefined : Number(row.opened);
  } finally {
    await ws.run('DROP TABLE _csv_marks');
  }
}

/**
 * Past the part DuckDB sniffs, an unclosed quote is one reject (`UNQUOTED VALUE`) holding the rest of the file: its
 * rows would be lost under a count of one. Refused with its line, as when the sniffer meets it.
 */
export async function refuseUnclosedQuote(ws: Workspace, file: string, dialect: CsvDialect): Promise<void> {
  if ((await ws.all("SELECT 1 FROM _csv_rejects WHERE error_type = 'UNQUOTED VALUE' LIMIT 1")).length === 0) return;
  const line = await unclosedQuoteLine(ws, file, dialect).catch(() => undefined);
  if (line !== undefined) throw unclosedQuoteError(file, line, undefined);
}

/**
 * `_csv_marks` (f, n, blank, odd): the blank lines of `files` and their lines with an odd number of field quotes, by
 * file (`f`, its place in `files`) and line number.
 */
async function markCsvLines(ws: Workspace, files: readonly string[], dialect: CsvDialect): Promise<void> {
  // The lines as a table first, numbered by row id: row_number() over the read kept the statement on one thread.
  // buildCsvOffLines on the wide bench file (5M lines, 658 MB): 1.05-1.08 s of wall, 2.22-2.24 s with a quote on 40% of its
  // lines.
  await readCsvText(ws, files);
  await ws.run(`CREATE OR REPLACE TEMP TABLE _csv_marks AS
    SELECT f, n, line IS NULL OR line = '' OR line = chr(13) AS blank,
      CASE WHEN contains(line, '"') THEN len(regexp_extract_all(${fieldQuotesSql(dialect)}, ${sqlString(fieldQuotePattern(dialect.delimiter))})) % 2 = 1 ELSE false END AS odd
    FROM (${csvTextLinesSql(files)}) WHERE blank OR odd`);
  await ws.run('DROP TABLE _csv_text');
}

/** `_csv_text`: the lines of `files` in order, and for many files the file of each (DuckDB's `filename`). */
async function readCsvText(ws: Workspace, files: readonly string[]): Promise<void> {
  if (files.length === 1) {
    await ws.run(`CREATE OR REPLACE TEMP TABLE _csv_text AS SELECT line FROM ${fileLinesSql([files[0]!])}`);
    return;
  }
  const paths = files.map((f) => sqlString(literalPath(f))).join(', ');
  await ws.run(`CREATE OR REPLACE TEMP TABLE _csv_text AS
    SELECT filename AS file, line FROM read_csv([${paths}], ${lineReadOptions}, ${lineLimitSql(maxLineLimit(files))}, ignore_errors = true, filename = true)`);
}

/**
 * `_csv_text`'s lines as (f, n, line): `f` the file's place in `files`, `n` the line's number in its file. Inside a
 * transaction (loadFileTable's) a new table's row ids start from a large offset: they count from each file's first.
 */
function csvTextLinesSql(files: readonly string[]): string {
  if (files.length === 1) return 'SELECT 0 AS f, rowid - (SELECT min(rowid) FROM _csv_text) + 1 AS n, line FROM _csv_text';
  return `SELECT s.f, t.rowid - s.first + 1 AS n, t.line FROM _csv_text t
    JOIN (SELECT file, min(rowid) AS first, list_position([${files.map((f) => sqlString(f)).join(', ')}], file) - 1 AS f FROM _csv_text GROUP BY file) s USING (file)`;
}

/** The quoted fields that span lines, from `_csv_marks`: the 1st, 3rd… odd line opens one, the next closes it (NULL: never). */
const quotedSpansSql = `
  WITH o AS (SELECT f, n, row_number() OVER (PARTITION BY f ORDER BY n) AS i FROM _csv_marks WHERE odd)
  SELECT a.f, a.n AS opened, b.n AS closed FROM o a LEFT JOIN o b ON b.f = a.f AND b.i = a.i + 1 WHERE a.i % 2 = 1`;

/**
 * The line of each record number `r` in `wanted` (a relation of distinct `r`): r plus the off lines before it. The
 * k-th off line (in line order) has s = n - k records before it, non-decreasing in k, so the off lines before record
 * r are the largest k with s < r: an ASOF join on small tables. `cont`: count only the lines inside quoted fields
 * (DuckDB's reject numbering counts blank lines).
 */
export const recordLinesSql = (wanted: string, contOnly = false): string => `
  WITH off AS (SELECT f, n - row_number() OVER (PARTITION BY f ORDER BY n) AS s, row_number() OVER (PARTITION BY f ORDER BY n) AS k
    FROM _csv_off_lines${contOnly ? ' WHERE cont' : ''}),
  steps AS (SELECT f, s, max(k) AS k FROM off GROUP BY f, s)
  SELECT w.f, w.r, w.r + coalesce(st.k, 0) AS n FROM (${wanted}) w ASOF LEFT JOIN steps st ON w.f = st.f AND w.r > st.s`;

/**
 * The record number of the staged CSV row at position `position` (0-based, as a table's row id): the header, the
 * rows before it and the records DuckDB's reader set aside before it (`_csv_rejects`, as record numbers).
 */
export const rowRecordSql = (position: string): string => `(${position} + 2 + (SELECT count(*) FROM (SELECT line - row_number() OVER (ORDER BY line) AS g
  FROM (SELECT DISTINCT line FROM _csv_rejects)) r WHERE r.g < ${position} + 2))`;

/** DuckDB's reject lines (`u`) as record numbers: their file lines (the lines inside quoted fields added), less the off lines before. */
export const readerRejectRecordsSql = `
  UPDATE _csv_rejects SET line = x.r FROM (
    SELECT m.r AS u, m.n - coalesce(k.k, 0) AS r
    FROM (${recordLinesSql('SELECT DISTINCT 0 AS f, line AS r FROM _csv_rejects', true)}) m
      ASOF LEFT JOIN (SELECT f, n, row_number() OVER (PARTITION BY f ORDER BY n) AS k FROM _csv_off_lines) k ON m.f = k.f AND m.n > k.n
  ) x WHERE _csv_rejects.line = x.u`;

/** The RFC 4180 dialect with a comma: for a file whose dialect was not recorded. */
export const commaDialect: CsvDialect = { delimiter: ',' };

/** `line` without its escaped quotes (`""`, or `\"` and `\\` where quotes are escaped with a backslash), as SQL. */
const unescapedSql = (dialect: CsvDialect): string =>
  dialect.backslashEscapes === true ? `replace(replace(line, ${sqlString('\\\\')}, ''), ${sqlString('\\"')}, '')` : `replace(line, '""', '')`;

/**
 * `line` ready for counting its field quotes (fieldQuotePattern): its escaped quotes removed, and a delimiter
 * between a closing and an opening quote written twice (`","` as `",,"`). One match takes the delimiter beside its
 * quote, so the opening quote after a shared one went uncounted: every fully quoted line with an even number of
 * fields read as opening a field over lines, and a reject after a field over two lines was named 1 or 2 lines late
 * (4, 6 and 8 for 3, 5 and 7 in test/ingest/csv-lines.test.ts's four-column file; 4, 6 and 9 in another).
 * The second replace() costs 0.83-0.92 s → 0.96-1.00 s for 5M lines with a quote on 2 in 5 (the expression alone, 2 runs).
 */
const fieldQuotesSql = (dialect: CsvDialect): string => {
  const between = `"${dialect.delimiter}"`;
  return `replace(${unescapedSql(dialect)}, ${sqlString(between)}, ${sqlString(`"${dialect.delimiter}${dialect.delimiter}"`)})`;
};

/** A quote that opens or closes a field: at a line's start or end, or beside `delimiter` (one character). */
const fieldQuotePattern = (delimiter: string): string => {
  const d = /[\\\]^-]/.test(delimiter) ? `\\${delimiter}` : delimiter;
  return `(^|[${d}])"|"([${d}]|\r?$)`;
};

/** Reports DuckDB's query progress while `work` runs, for long files on a terminal. */
export async function withProgress(ws: Workspace, file: string, options: IngestOptions, work: () => Promise<void>): Promise<void> {
  const report = options.onProgress;
  if (report === undefined) return work();
  const timer = setInterval(() => {
    const pct = ws.conn.progress.percentage;
    if (pct >= 0) report(file, Math.min(1, pct / 100));
  }, 500);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * The bytes of JSON records one statement reads at most, when records are large. DuckDB runs an expression over
 * 2,048 records at a time and keeps what its JSON functions parse until the whole vector is done: a file of a few
 * hundred large records (OTLP export requests of 512 spans, API pages of 1,000 records) is one vector, and its
 * memory grows with the file: 343 MB of OTLP (1,000 requests) ran out of DuckDB's 9.6 GB in one statement.
 * Read in parts of this size, it peaks at 3.1 GB (23.5 s). A 64th of the memory limit, at most 16 MB: 8 MB parts
 * peaked at 3.0 GB (26 s), 32 MB parts at 3.8 GB (23 s).
 */
export const jsonPartBytes = (): number => Math.min(16 << 20, Math.floor(memoryLimitBytes() / 64));

/** A part of `_src`: a range of its row ids (jsonParts). */
type Part = { readonly lo: bigint; readonly hi: bigint };

/**
 * The parts of `_src` (row-id ranges, in order) of about `partBytes` each when its records are large: more than
 * `partBytes` in a vector of 2,048. None when they are not (a JSONL of small records is read in one statement).
 * A few rows per part are read back, not one per record.
 */
export async function jsonParts(ws: Workspace, partBytes: number): Promise<Part[]> {
  const [size] = await ws.all<{ n: bigint; bytes: bigint | null }>('SELECT count(*) AS n, sum(strlen(j::VARCHAR)) AS bytes FROM _src');
  const n = Number(size?.n ?? 0n);
  const bytes = Number(size?.bytes ?? 0n);
  if (bytes <= partBytes || (bytes / Math.max(n, 1)) * 2048 <= partBytes) return [];
  // Each record's length is taken before the window: with strlen() inside it, the window (one thread, ORDER BY
  // rowid) carried every record's text through its sort: 0.49-0.74 s for 20,000 records of 8.8 KB, 0.02 s so.
  return ws.all<Part>(`SELECT min(rid) AS lo, max(rid) AS hi FROM (
      SELECT rid, (sum(len) OVER (ORDER BY rid ROWS UNBOUNDED PRECEDING) - 1) // ${partBytes} AS part
      FROM (SELECT rowid AS rid, coalesce(strlen(j::VARCHAR), 0) AS len FROM _src))
    GROUP BY part ORDER BY part`);
}

/** `_src_part`: the rows of `_src` in one of its parts (jsonParts), in order. */
export const selectPart = (ws: Workspace, part: Part): Promise<void> =>
  ws.run(`CREATE OR REPLACE TEMP TABLE _src_part AS SELECT * FROM _src WHERE rowid BETWEEN ${part.lo} AND ${part.hi} ORDER BY rowid`);

/** Runs `write` once per part of `_src` (jsonParts), in order, with `_src_part` holding that part's records; `first` for the first. */
async function eachPart(ws: Workspace, parts: readonly Part[], write: (first: boolean) => Promise<void>): Promise<void> {
  let first = true;
  for (const part of parts) {
    await selectPart(ws, part);
    await write(first);
    first = false;
  }
  await ws.run('DROP TABLE _src_part');
}

/** Writes `table` from `selectFrom('_src_part')` for each of `_src`'s parts in turn (jsonParts): the first creates it. */
export async function writeSrcParts(ws: Workspace, table: string, parts: readonly Part[], selectFrom: (from: string) => string, fileOrder?: string): Promise<void> {
  await eachPart(ws, parts, async (first) => {
    const rows = fileOrder === undefined ? selectFrom('_src_part') : await inFileOrder(ws, selectFrom('_src_part'), fileOrder);
    await ws.run(first ? `CREATE OR REPLACE TABLE ${sqlIdent(table)} AS ${rows}` : `INSERT INTO ${sqlIdent(table)} ${rows}`);
  });
}

/**
 * Writes `table` from `selectFrom(src)`: in one statement, or, for JSON whose records are large (more than
 * jsonPartBytes in a vector of 2,048), in parts of about jsonPartBytes each, in file order (the first part
 * creates the table, the others append; `_src_part` holds each part's records in turn). An adapter whose select
 * joins records of one file (the adapter's `joinsRecords`: Langfuse's traces and their observations) reads its file in one
 * statement; when that file's records are large API pages, they are first unnested into their records, in parts
 * (unnestPages), so the one statement reads small records. An adapter that `unnests` (the rows its select reads out of
 * a record: a usage page's results) has those rows written part by part instead (`_src_rows`), and its select reads
 * them in one statement (`selectFrom(from, true)`). With `fileOrder` (the columns that give a JSON row's place), its
 * rows are written in file order even where the select's plan would reorder them (inFileOrder).
 */
export async function writeInParts(ws: Workspace, table: string, src: string, adapter: Pick<Adapter, 'joinsRecords' | 'unnests'>,
  partBytes: number | undefined, selectFrom: (from: string, unnested?: boolean) => string, fileOrder?: string): Promise<void> {
  const joinsRecords = adapter.joinsRecords === true;
  const parts = src === '_src' ? await jsonParts(ws, partBytes ?? jsonPartBytes()) : [];
  if (parts.length > 1 && joinsRecords && (await holdsPages(ws))) await unnestPages(ws, parts);
  const inParts = parts.length > 1 && !joinsRecords;
  const { unnests } = adapter;
  if (inParts) {
    if (unnests === undefined) return writeSrcParts(ws, table, parts, selectFrom, fileOrder);
    // An adapter's rows unnested part by part (a part is a few large records, read by one thread), then read in one
    // statement over many small rows, by every core: a month of minute buckets (30 pages of 50,000 results) took 17.3 s
    // to ingest when each part's select ran alone, 9.2 s so (npm run bench -- --cases minutes).
    await eachPart(ws, parts, (first) =>
      ws.run(first ? `CREATE OR REPLACE TEMP TABLE _src_rows AS ${unnests('_src_part')}` : `INSERT INTO _src_rows ${unnests('_src_part')}`));
  }
  const from = inParts ? '_src_rows' : src;
  const rows = fileOrder === undefined ? selectFrom(from, inParts) : await inFileOrder(ws, selectFrom(from, inParts), fileOrder);
  await ws.run(`CREATE OR REPLACE TABLE ${sqlIdent(table)} AS ${rows}`);
  if (inParts) await ws.run('DROP TABLE _src_rows');
}

/**
 * Whether a record of `_src` may be an API page (`{data: [...]}`): its text names `"data"` (a text search, no parse:
 * parsing every page of a file of pages to find the first took 0.75 s of 90 MB, DuckDB filtering a whole vector of
 * records before the LIMIT). A file of large records that are not pages (a Langfuse JSONL export, prompts and all) is
 * then read in one statement, as its records are small enough for it: unnesting it part by part only copied it twice
 * (20,000 records of 8.8 KB: 1.0-1.2 s of its 5.2 s). A record that names `"data"` elsewhere only costs those copies
 * again; a page whose key is written with escapes (`"\u0064ata"`) is read in one statement, to the same rows.
 */
async function holdsPages(ws: Workspace): Promise<boolean> {
  return hasRows(ws, `SELECT 1 FROM _src WHERE ${namesKeySql('j', 'data')}`);
}

/**
 * Replaces `_src` by the records of its API pages (`{data: [record…]}`), part by part: each record a row with its
 * page's line and `<page>/data/<i>` as its pointer, which is the path pageRecords gives it, and every other row as
 * it was. A Langfuse window of 328 MB (pages of 1,000 records) read in one statement peaked at 6.1 GB (23.6 s).
 */
async function unnestPages(ws: Workspace, parts: readonly Part[]): Promise<void> {
  const mayBePage = mayHoldKeySql('j', 'data');
  await ws.run('CREATE OR REPLACE TEMP TABLE _src_records AS SELECT * FROM _src WHERE false');
  // As pageRecords tells pages from records: only a record that may hold `data` is parsed for it.
  await eachPart(ws, parts, () =>
    ws.run(`INSERT INTO _src_records
      SELECT _line, _elem || '/data/' || (generate_subscripts(items, 1) - 1) AS _elem, NULL::VARCHAR AS _raw, unnest(items) AS j
      FROM (SELECT _line, _elem, json_extract(j, '$.data[*]') AS items FROM _src_part WHERE ${mayBePage} AND json_type(j->'data') = 'ARRAY')
      UNION ALL
      SELECT _line, _elem, _raw, j FROM _src_part WHERE j IS NULL OR NOT ${mayBePage} OR coalesce(json_type(j->'data'), '') <> 'ARRAY'`));
  await ws.run('DROP TABLE _src; ALTER TABLE _src_records RENAME TO _src');
}

/**
 * The top-level keys that some JSON record of `src` has (AdapterContext.recordKeys): one parse of each record
 * (json_keys gives none for a record that is not an object; a json_type filter parsed each one twice: 2M records,
 * 1.05-1.31 s against 1.31-1.54 s).
 */
export async function recordKeys(ws: Workspace, src: string): Promise<Set<string>> {
  const rows = await ws.all<{ k: string }>(`SELECT DISTINCT unnest(json_keys(j)) AS k FROM ${src} WHERE j IS NOT NULL`);
  return new Set(rows.map((r) => r.k));
}
