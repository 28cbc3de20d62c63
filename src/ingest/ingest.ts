// Loads usage files into the canonical `calls` view (one table per file, src/db/calls-view.ts): idempotent per
// file content, and lossless: every input row becomes a call, a counted duplicate of a call already held, or a
// row in `rejects`.
import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { callIdsSql, fileTableName, keptRowsSql, lineSql, moveIntoCallRows, ownTableMinCalls, refreshCallsView, storedColumns } from '../db/calls-view.ts';
import { lineCapBytes, memoryLimitBytes } from '../db/memory.ts';
import { callColumns, requiredColumns, type ColumnSpec } from '../db/schema.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import type { Workspace } from '../db/workspace.ts';
import { BatchableError, InputError, InternalError, outOfMemory, UnrecognisedFormat, withCleanup } from '../errors.ts';
import type { AdapterContext, AdapterSelect, ContainerKind, Sample } from './adapter.ts';
import { costRowsSelect, loadCostRows } from './costs.ts';
import { chooseAdapter } from './detect.ts';
import { quoted } from '../report/escape.ts';
import { literalPath, pathProblem, type InputFile } from './files.ts';
import { resolveOverlappingBuckets } from './buckets.ts';
import { hashFile } from './hash.ts';
import { fillParquetRawText, isParquet, parquetSample, parquetSource } from './parquet.ts';
import { isGzip, sniff } from './sniff.ts';

export type IngestOptions = {
  readonly inputFormat?: string | undefined;
  readonly map?: ReadonlyMap<string, string> | undefined;
  readonly strict?: boolean | undefined;
  /** Called about twice a second during long reads, with the share done (0..1). */
  readonly onProgress?: ((file: string, done: number) => void) | undefined;
  /** Files with at least this many calls keep a table of their own (default ownTableMinCalls); tests lower it. */
  readonly ownTableMinCalls?: number | undefined;
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

/** Files given as plain strings are taken as named explicitly: one that matches no format stops the run. */
export async function ingestFiles(ws: Workspace, files: readonly (string | InputFile)[], options: IngestOptions = {}): Promise<IngestSummary> {
  const outcomes: FileOutcome[] = [];
  // Many files in one run: DuckDB checkpoints whenever its WAL passes 16 MB, and each checkpoint rewrites the
  // growing call_rows' last row groups; one checkpoint at the end instead cut the CPU of 40 daily files of 20,000
  // calls from 22-25 s to 13.3-13.6 s (measured twice each). Each file still commits on its own (WAL-logged).
  const many = files.length > 1;
  if (many) await ws.run("SET checkpoint_threshold = '1GB'");
  try {
    for (const input of files) {
      const { file, explicit } = typeof input === 'string' ? { file: input, explicit: true } : input;
      try {
        outcomes.push(await ingestFile(ws, file, options));
      } catch (error) {
        // A file found by expanding a directory or glob that matches no format (a README, a cost report, a batch
        // input file) is skipped and counted; nothing was written for it (detection runs before any write).
        if (explicit || !(error instanceof UnrecognisedFormat)) throw error;
        outcomes.push({ file, format: '', status: 'not-usage', note: error.problem, rows: 0, calls: 0, rejects: 0, duplicates: 0, skipped: 0, firstRejects: [] });
      }
    }
  } finally {
    if (many) await ws.run('RESET checkpoint_threshold');
  }
  if (many && ws.path !== ':memory:') await ws.run('CHECKPOINT');
  const sum = (key: 'calls' | 'rejects' | 'duplicates' | 'skipped') =>
    outcomes.filter((o) => o.status === 'ingested').reduce((total, o) => total + o[key], 0);
  const skippedFiles = outcomes.filter((o) => o.status === 'not-usage').map((o) => ({ file: o.file, reason: o.note ?? '' }));
  return { files: outcomes, calls: sum('calls'), rejects: sum('rejects'), duplicates: sum('duplicates'), skipped: sum('skipped'), skippedFiles };
}

async function ingestFile(ws: Workspace, file: string, options: IngestOptions): Promise<FileOutcome> {
  const map = options.map ?? new Map<string, string>();
  // A file's identity is its content hash. Only a file of the same size as one already held can be a re-ingest:
  // then the hash is awaited first; otherwise it is computed while DuckDB reads the file.
  const bytes = statSync(file).size;
  const hashing = hashFile(file);
  hashing.catch(() => undefined); // awaited below; a read error surfaces there
  if ((await ws.all('SELECT 1 FROM sources WHERE bytes = $1 LIMIT 1', [bytes])).length > 0) {
    const known = await ws.all<{ format: string; rows: bigint }>('SELECT format, rows FROM sources WHERE source_id = $1', [await hashing]);
    if (known[0]) {
      const k = known[0];
      return { file, format: k.format, status: 'already-ingested', rows: Number(k.rows), calls: 0, rejects: 0, duplicates: 0, skipped: 0, firstRejects: [] };
    }
  }
  const sample = (await isParquet(file)) ? await parquetSample(ws, file, map) : await sniff(file, map);
  const adapter = chooseAdapter(file, sample, options.inputFormat);

  let table = incomingTable;
  let written = false;
  let inTransaction = false;
  let committed = false;
  const cleanup = async () => {
    if (written && !committed) {
      if (inTransaction) await ws.run('ROLLBACK');
      await ws.run(`DROP TABLE IF EXISTS ${sqlIdent(table)}`);
    }
    await ws.run('DROP TABLE IF EXISTS _src; DROP TABLE IF EXISTS _lines; DROP TABLE IF EXISTS _held_ids');
  };
  try {
    // A cleanup that fails too never hides why the file failed (withCleanup keeps the first error).
    return await withCleanup(async () => {
      const src = await prepareSource(ws, file, sample);
      const ctx: AdapterContext = {
        src,
        kind: sample.kind,
        header: src === '_src' ? [] : await csvColumns(ws, src),
        map,
        fileModifiedAt: statSync(file).mtime.toISOString(),
      };
      const select = adapter.select(ctx);
      if (adapter.role === 'costs') {
        // Billed costs (src/ingest/costs.ts): staged, then loaded into billed_costs for reconciliation; no calls.
        written = true;
        await ws.run(`CREATE OR REPLACE TABLE ${sqlIdent(table)} AS ${costRowsSelect(select, sample.kind)}`);
        const sourceId = await hashing;
        await ws.run('BEGIN TRANSACTION');
        inTransaction = true;
        const c = await loadCostRows(ws, { file, sourceId, table, format: adapter.id, kind: sample.kind });
        if (options.strict === true && c.rejects > 0) throw new BatchableError(`${c.rejects} row(s) rejected and --strict is set; nothing from ${file} was ingested (batchable rejects --file ${file})`);
        await ws.run(
          `INSERT INTO sources (source_id, file, format, bytes, rows, calls, rejects, duplicates, skipped, table_name)
           VALUES ($sid, $file, $format, $bytes, $rows, 0, $rejects, 0, $skipped, NULL)`,
          { sid: sourceId, file, format: adapter.id, bytes, rows: c.rows, rejects: c.rejects, skipped: c.skipped },
        );
        await ws.run('COMMIT');
        committed = true;
        await ws.run(`DROP TABLE IF EXISTS ${sqlIdent(table)}`);
        const firstRejects = (
          await ws.all<{ line: bigint | null; path: string | null; reason: string }>(
            "SELECT line, path, reason FROM rejects WHERE source_id = $1 AND kind = 'reject' ORDER BY line NULLS LAST, path LIMIT 5",
            [sourceId],
          )
        ).map((r) => ({ ...r, line: r.line === null ? null : Number(r.line) }));
        return { file, format: adapter.id, status: 'ingested', rows: c.rows, calls: 0, rejects: c.rejects, duplicates: 0, skipped: c.skipped, costRows: c.costRows, firstRejects };
      }
      if (sample.kind === 'csv') await assertKeepsFileOrder(ws, select, adapter.id);
      // The file's table is written in one statement, before the transaction: inside one, DuckDB numbers new rows
      // from a large offset, and a CSV row's position in the table is what gives its line.
      written = true;
      await withProgress(ws, file, options, () => ws.run(`CREATE OR REPLACE TABLE ${sqlIdent(table)} AS ${fileRowsSelect(select, sample.kind)}`));
      const sourceId = await hashing;
      await ws.run(`DROP TABLE IF EXISTS ${sqlIdent(fileTableName(sourceId))}`); // left by a run that was killed
      await ws.run(`ALTER TABLE ${sqlIdent(table)} RENAME TO ${sqlIdent(fileTableName(sourceId))}`);
      table = fileTableName(sourceId);
      await ws.run('BEGIN TRANSACTION');
      inTransaction = true;
      const stats = await loadFileTable(ws, { file, sourceId, table, kind: sample.kind, format: adapter.id, idsFromSource: adapter.idsFromSource, ownTableMinCalls: options.ownTableMinCalls });
      const firstRejects = (
        await ws.all<{ line: bigint | null; path: string | null; reason: string }>(
          "SELECT line, path, reason FROM rejects WHERE source_id = $1 AND kind = 'reject' ORDER BY line NULLS LAST, path LIMIT 5",
          [sourceId],
        )
      ).map((r) => ({ ...r, line: r.line === null ? null : Number(r.line) }));
      if (options.strict === true && stats.rejects > 0) {
        const first = firstRejects[0];
        const where = first ? `${file}${first.line === null ? `#${first.path ?? ''}` : `:${first.line}`}: ${first.reason}` : file;
        throw new BatchableError(`${stats.rejects} row(s) rejected and --strict is set; nothing from ${file} was ingested. First: ${where}`);
      }
      await ws.run('COMMIT');
      committed = true;
      // Into the database file: a kill later in the run leaves only recent work in the log (src/db/recovery.ts).
      // At most every 2 s: a checkpoint after each of 100 small files measured 4.7 s -> 7.9 s (CPU) of ingest.
      if (ws.path !== ':memory:' && Date.now() - (lastCheckpoint.get(ws) ?? 0) >= checkpointEveryMs) {
        await ws.run('CHECKPOINT');
        lastCheckpoint.set(ws, Date.now());
      }
      return { file, format: adapter.id, status: 'ingested', ...stats, firstRejects };
    }, cleanup);
  } catch (error) {
    if (isGzip(file)) {
      // DuckDB may stop on a cut gzip stream before the hash pass does: the hash pass's one line says it best.
      const gzipProblem = await hashing.then(() => undefined, (e: unknown) => e);
      if (gzipProblem instanceof BatchableError) throw gzipProblem;
    }
    if (error instanceof BatchableError || error instanceof InternalError) throw error;
    throw await readError(file, adapter.id, error);
  }
}

/** When each workspace was last checkpointed by ingest; the first file of a run always is. */
const lastCheckpoint = new WeakMap<Workspace, number>();
const checkpointEveryMs = 2000;

/** Where a file's rows are written before its content hash names the table. */
const incomingTable = 'calls_incoming';

/**
 * DuckDB error classes that come from the file being read: a malformed record, a line too long, a cut stream.
 * Any other class (Binder, Parser, Catalog, Conversion…) means the SQL batchable wrote is wrong for this input:
 * our bug, not the file's. A Conversion Error is ours too: adapters convert with checks that make bad values rejects.
 */
const inputErrorClass = /^(Invalid Input Error|IO Error):/;

/**
 * The error a failed read turns into. Only errors known to come from the input are input errors (exit 2, one
 * line, file and line where DuckDB names it); everything else is an internal error with its stack (exit 3).
 */
export async function readError(file: string, adapterId: string, error: unknown): Promise<Error> {
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
  const line = /on Line: (\d+)/i.exec(message)?.[1];
  const body = message.replace(inputErrorClass, '').trim();
  const firstLine = body.split('\n').find((l) => l.trim() !== '' && !/^CSV Error on Line/i.test(l)) ?? body;
  const problem = /Malformed JSON|JSON/.test(message) ? `not valid JSON (${quoted(firstLine.trim())}); is the file truncated?` : quoted(firstLine.trim());
  return new InputError(file, line === undefined ? undefined : Number(line), problem, { cause: error });
}

const csvRejectOptions = "store_rejects = true, rejects_table = '_csv_rejects', rejects_scan = '_csv_scans'";

/** The longest line DuckDB's CSV reader is allowed (it reserves buffers of this size): 2 MB by default. */
/** The longest line DuckDB may read: 32 MB, less under a small memory budget (src/db/memory.ts). */
const maxLineBytes = (): number => lineCapBytes(memoryLimitBytes());

/** DuckDB's line limit for this file: its (uncompressed) size, between DuckDB's 2 MB default and maxLineBytes. */
function lineLimit(file: string): number {
  const bytes = statSync(file).size * (isGzip(file) ? 10 : 1);
  return Math.min(maxLineBytes(), Math.max(2 << 20, bytes + 1024));
}

/** The first physical line over `limit` bytes, and its length: only read when DuckDB has refused one. */
async function firstLongLine(file: string, limit: number): Promise<{ line: number; bytes: number } | undefined> {
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
 * The relation adapters select from. CSV is read in place (all columns as text, malformed lines kept aside by
 * DuckDB with their line numbers). JSON is first split into records so that a malformed line is a reject,
 * not a failed file.
 */
async function prepareSource(ws: Workspace, file: string, sample: Sample): Promise<string> {
  const { kind, delimiter } = sample;
  await ws.run('DROP TABLE IF EXISTS _csv_rejects; DROP TABLE IF EXISTS _csv_scans');
  const path = sqlString(literalPath(file));
  // The delimiter comes from our header sniff: DuckDB's sniffer can be misled by the very ragged rows we want to reject.
  if (kind === 'parquet') return parquetSource(literalPath(file));
  const maxLine = `max_line_size = ${lineLimit(file)}`;
  if (kind === 'csv') return `read_csv(${path}, all_varchar = true, header = true, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', ${maxLine}, ${csvRejectOptions})`;
  if (kind === 'jsonl') {
    // One VARCHAR column per physical line: \x01 never occurs unescaped in JSON text.
    await ws.run(`CREATE TEMP TABLE _lines AS SELECT line FROM read_csv(${path}, columns = {'line': 'VARCHAR'}, header = false,
      delim = '\x01', quote = '', escape = '', auto_detect = false, ${maxLine}, ${csvRejectOptions})`);
    await ws.run(`CREATE TEMP TABLE _src AS SELECT rowid + 1 AS _line, '' AS _elem, line AS _raw,
      CASE WHEN json_valid(line) THEN line::JSON END AS j FROM _lines WHERE trim(line) <> ''`);
    return '_src';
  }
  const layout = sample.arrayDocument ? 'array' : 'unstructured';
  // DuckDB stops at 16 MB per record by default, less than one large exported document; it also reserves
  // buffers of that size, so the limit follows the file's size (gzip expands ~10x) up to 256 MB.
  const bytes = statSync(file).size * (isGzip(file) ? 10 : 1);
  const maxObject = Math.min(256 << 20, Math.max(16 << 20, bytes + (1 << 20)));
  await ws.run(`CREATE TEMP TABLE _lines AS SELECT json AS j FROM read_json_objects(${path}, format = '${layout}', maximum_object_size = ${maxObject})`);
  await ws.run(`CREATE TEMP TABLE _src AS SELECT NULL::BIGINT AS _line, ${layout === 'array' ? "'/' || rowid" : "''"} AS _elem,
    NULL::VARCHAR AS _raw, j FROM _lines`);
  return '_src';
}

async function csvColumns(ws: Workspace, src: string): Promise<string[]> {
  const rows = await ws.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${src}`);
  return rows.map((r) => r.column_name);
}

/** The largest count (tokens, requests) one row may hold: README "What batchable promises". */
export const maxCount = 1_000_000_000_000;

const conversions: Record<ColumnSpec['type'], { fn: string; what: string } | undefined> = {
  VARCHAR: undefined,
  BIGINT: { fn: 'bt_int', what: 'not a whole number' },
  DOUBLE: { fn: 'bt_double', what: 'not a number' },
  BOOLEAN: { fn: 'bt_bool', what: 'not true/false' },
  TIMESTAMPTZ: { fn: 'bt_ts', what: 'unparsable time' },
  JSON: { fn: 'bt_json', what: 'not JSON' },
  'DECIMAL(20,9)': { fn: 'bt_dec', what: 'not a number' },
};

/** Plan operators that keep their input's order; CSV line numbers are the row order of the file's table. */
const orderKeepingOperators = new Set(['PROJECTION', 'FILTER', 'READ_CSV', 'READ_CSV_AUTO', 'TABLE_SCAN']);

/**
 * A CSV row's line is its position in the file's table, so the plan that writes it must keep file order. DuckDB
 * keeps it through projections and filters but not through joins (an IN list of five constants is planned as
 * one): an adapter whose SQL would reorder rows is a bug, stopped here rather than recorded with wrong lines.
 */
export async function assertKeepsFileOrder(ws: Workspace, select: AdapterSelect, adapterId: string): Promise<void> {
  const [plan] = await ws.all<{ explain_value: string }>(`EXPLAIN (FORMAT JSON) ${fileRowsSelect(select, 'csv')}`);
  const names: string[] = [];
  const walk = (nodes: { name: string; children?: unknown[] }[]) => {
    for (const node of nodes) {
      names.push(node.name.trim());
      walk((node.children ?? []) as { name: string; children?: unknown[] }[]);
    }
  };
  walk(JSON.parse(plan?.explain_value ?? '[]'));
  const reordering = names.filter((n) => !orderKeepingOperators.has(n));
  if (reordering.length > 0) {
    throw new InternalError(`the ${adapterId} adapter's plan does not keep file order (${[...new Set(reordering)].join(', ')}); line numbers would be wrong`);
  }
}

/**
 * A file's rows converted to canonical types (each value converted once), with `_reason`: why a row cannot be
 * a call, else NULL. Only the columns the adapter gives are written; the `calls` view pads the rest.
 */
export function fileRowsSelect(select: AdapterSelect, kind: ContainerKind): string {
  const given = select.columns as Record<string, string | undefined>;
  const mappedList = Object.entries(given)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, expr]) => `${expr} AS ${name}`);
  const values: string[] = kind === 'csv' ? [] : ['_line', "nullif(_path, '') AS _path"];
  const skips = given._skip !== undefined; // most formats have no rows to skip: no column then
  if (skips) values.push('_skip');
  const converted: string[] = [];
  const checks: string[] = [];
  for (const column of callColumns) {
    const name = column.name;
    if (given[name] === undefined) continue;
    const conversion = conversions[column.type];
    if (conversion === undefined) {
      values.push(`bt_text(${name}) AS ${name}`);
      continue;
    }
    converted.push(`${conversion.fn}(${name}) AS _v_${name}`);
    values.push(`_v_${name} AS ${name}`);
    checks.push(`CASE WHEN ${name} IS NOT NULL AND _v_${name} IS NULL
        THEN '${conversion.what} in ${name}: "' || left(${name}::VARCHAR, 60) || '"' END`);
    if (column.type === 'BIGINT') {
      checks.push(`CASE WHEN _v_${name} < 0 THEN 'negative ${name} (' || _v_${name} || ')' END`);
      // No single request or bucket row holds 10^12 tokens (a million requests of a million tokens); a larger
      // count is corrupt, and left in would overflow every later sum and price.
      checks.push(`CASE WHEN _v_${name} > ${maxCount} THEN '${name} above 10^12 (' || _v_${name} || '): not a real count' END`);
    }
  }
  for (const name of requiredColumns) {
    checks.push(given[name] === undefined ? `'missing ${name}'` : `CASE WHEN bt_text(${name}) IS NULL THEN 'missing ${name}' END`);
  }
  return `WITH m AS (SELECT ${mappedList.join(',\n  ')} FROM ${select.from}),
v AS (SELECT *${converted.length > 0 ? `, ${converted.join(', ')}` : ''} FROM m)
SELECT ${values.join(',\n  ')},
  ${skips ? 'CASE WHEN _skip IS NULL THEN ' : ''}${given._reject !== undefined ? 'coalesce(_reject, ' : '('}nullif(concat_ws('; ', ${checks.join(',\n    ')}), ''))${skips ? ' END' : ''} AS _reason
FROM v`;
}

type FileTarget = {
  file: string;
  sourceId: string;
  table: string;
  kind: ContainerKind;
  format: string;
  idsFromSource: boolean;
  ownTableMinCalls: number | undefined;
};

/** Records a file's rejects, skips and duplicates, and the source; adds its table to `calls`. Runs in the file's transaction. */
async function loadFileTable(
  ws: Workspace,
  t: FileTarget,
): Promise<{ rows: number; calls: number; rejects: number; duplicates: number; skipped: number; replaced: number }> {
  const p = { sid: t.sourceId, file: t.file };
  const table = sqlIdent(t.table);
  // DuckDB's CSV reader (used for CSV and for JSONL lines) keeps malformed lines aside in _csv_rejects.
  const readerRejects = t.kind === 'json' || t.kind === 'parquet' ? [] : await ws.all<{ line: bigint }>('SELECT DISTINCT line FROM _csv_rejects ORDER BY line');
  if (readerRejects.length > 0) {
    // DuckDB records one error per missing column; a line is one reject.
    await ws.run(
      `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
       SELECT $sid, $file, line, NULL, first(error_type || ': ' || error_message ORDER BY column_idx), first(csv_line), 'reject'
       FROM _csv_rejects GROUP BY line`,
      p,
    );
  }
  if (t.kind === 'csv' && readerRejects.length > 0) {
    // Lines set aside shift the positions of the rows after them, so each row's line is bound into the table:
    // its position, plus the header, plus the rejected lines before it.
    await rebuild(ws, t.table, `(rowid + 2 + (SELECT count(*) FROM (SELECT line - row_number() OVER (ORDER BY line) AS g
      FROM (SELECT DISTINCT line FROM _csv_rejects)) r WHERE r.g < f.rowid + 2)) AS _line`);
  }
  if (t.kind === 'jsonl' || t.kind === 'json') {
    await ws.run(
      `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
       SELECT $sid, $file, _line, NULLIF(_elem, ''), 'malformed JSON', left(_raw, 2000), 'reject' FROM _src WHERE j IS NULL`,
      p,
    );
  }
  let stored = await storedColumns(ws, t.table);
  const rowsOf = `(SELECT rowid AS _rowid, * FROM ${table})`;
  const pathExpr = stored.has('_path') ? '_path' : 'NULL';
  for (const [column, kind] of [['_reason', 'reject'], ['_skip', 'skip']] as const) {
    if (!stored.has(column)) continue;
    await ws.run(
      `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
       SELECT $sid, $file, ${lineSql(stored)}, ${pathExpr}, ${column}, NULL, '${kind}' FROM ${rowsOf} WHERE ${column} IS NOT NULL`,
      p,
    );
  }
  await fillRawText(ws, t);

  // Duplicate request ids: skipped against calls already held, and within the file after the first. Both checks
  // cost a pass, so they run only when they can find something; marking them rewrites the table (lines bound first).
  const kept = keptRowsSql(stored);
  const idKept = `${kept} AND call_id IS NOT NULL`;
  // Ids already held: the file's distinct ids joined to the calls' (an inner join builds its hash table on the
  // smaller side, the new file; `call_id IN (SELECT … FROM calls)` built it on every call held, so each of a
  // year's 365 daily files cost more than the last). Most files hold none, and then the table is not rewritten.
  const holdsCalls =
    t.idsFromSource &&
    stored.has('call_id') &&
    (await holdsAnyCall(ws)) &&
    (await heldIds(ws, table, idKept)) > 0n;
  // Distinct hashes are distinct ids, and cheaper to count; only when hashes repeat are the ids themselves compared.
  const repeats = async (of: string) =>
    (await ws.all<{ n: bigint }>(`SELECT count(call_id) - count(DISTINCT ${of}) AS n FROM ${table} WHERE ${kept}`))[0]!.n > 0n;
  const repeatsIds = t.idsFromSource && stored.has('call_id') && (await repeats('hash(call_id)')) && (await repeats('call_id'));
  if (holdsCalls || repeatsIds) {
    const duplicate = [
      holdsCalls ? 'call_id IN (SELECT call_id FROM _held_ids)' : null,
      repeatsIds ? `row_number() OVER (PARTITION BY call_id, (${idKept}) ORDER BY rowid) > 1` : null,
    ].filter((d) => d !== null);
    const line = stored.has('_line') ? [] : ['(rowid + 2) AS _line'];
    await rebuild(ws, t.table, [...line, `coalesce((${idKept}) AND (${duplicate.join(' OR ')}), false) AS _dup`].join(', '));
    stored = await storedColumns(ws, t.table);
  }
  // Buckets held already (an overlapping export, a partial bucket fetched again): src/ingest/buckets.ts.
  const overlap = await resolveOverlappingBuckets(ws, { sourceId: t.sourceId, file: t.file, format: t.format, table: t.table }, stored);
  if (overlap.duplicates > 0) stored = await storedColumns(ws, t.table);
  const counts = (
    await ws.all<{ staged: bigint; rejected: bigint; skipped: bigint; malformed: bigint; calls: bigint }>(
      `SELECT (SELECT count(*) FROM ${table}) AS staged,
              (SELECT count(*) FROM rejects WHERE source_id = $sid AND kind = 'reject') AS rejected,
              (SELECT count(*) FROM rejects WHERE source_id = $sid AND kind = 'skip') AS skipped,
              ${t.kind === 'csv' || t.kind === 'parquet' ? '0' : '(SELECT count(*) FROM _src WHERE j IS NULL)'} AS malformed,
              (SELECT count(*) FROM ${table} WHERE ${keptRowsSql(stored)}) AS calls`,
      { sid: t.sourceId },
    )
  )[0]!;
  const rejects = Number(counts.rejected);
  const calls = Number(counts.calls);
  const skipped = Number(counts.skipped);
  const stagedOk = Number(counts.staged) - skipped - (rejects - readerRejects.length - Number(counts.malformed));
  const duplicates = stagedOk - calls;
  const rows = Number(counts.staged) + readerRejects.length + Number(counts.malformed);
  const ownTable = calls >= (t.ownTableMinCalls ?? ownTableMinCalls);
  if (!ownTable) await moveIntoCallRows(ws, { sourceId: t.sourceId, file: t.file, format: t.format, table: t.table }, stored);
  await ws.run(
    `INSERT INTO sources (source_id, file, format, bytes, rows, calls, rejects, duplicates, skipped, table_name)
     VALUES ($sid, $file, $format, $bytes, $rows, $calls, $rejects, $dups, $skipped, $table)`,
    { ...p, format: t.format, bytes: statSync(t.file).size, rows, calls, rejects, dups: duplicates, skipped, table: ownTable ? t.table : null },
  );
  if (ownTable) await refreshCallsView(ws);
  return { rows, calls, rejects, duplicates, skipped, replaced: overlap.replaced };
}

/**
 * Whether the workspace holds a call: a row of `call_rows` (every row there is a call), or a file table whose
 * source still counts calls. Asked of the tables, not of the `calls` view: DuckDB plans the view's every arm
 * for any query on it (~1 ms an arm), and a workspace of many large files (a table each) asks once per file.
 */
async function holdsAnyCall(ws: Workspace): Promise<boolean> {
  const [row] = await ws.all<{ held: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM call_rows) OR EXISTS (SELECT 1 FROM sources WHERE table_name IS NOT NULL AND calls > 0) AS held',
  );
  return row?.held === true;
}

/** Writes `_held_ids`: the ids of the file's kept rows that a call already held has; returns how many. */
async function heldIds(ws: Workspace, table: string, idKept: string): Promise<bigint> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE _held_ids AS
    SELECT DISTINCT n.call_id FROM (${await callIdsSql(ws)}) c JOIN (SELECT DISTINCT call_id FROM ${table} WHERE ${idKept}) n ON c.call_id = n.call_id`);
  return (await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM _held_ids'))[0]?.n ?? 0n;
}

/** Rewrites a file's table (`f`) with extra columns computed from its rows. */
async function rebuild(ws: Workspace, table: string, extra: string): Promise<void> {
  const next = `${table}_next`;
  await ws.run(`CREATE TABLE ${sqlIdent(next)} AS SELECT *, ${extra} FROM ${sqlIdent(table)} f`);
  await ws.run(`DROP TABLE ${sqlIdent(table)}`);
  await ws.run(`ALTER TABLE ${sqlIdent(next)} RENAME TO ${sqlIdent(table)}`);
}

/** The raw text of rejected rows: JSON records from the source table, CSV lines re-read only when needed. */
async function fillRawText(ws: Workspace, t: FileTarget): Promise<void> {
  if (t.kind === 'parquet') return fillParquetRawText(ws, literalPath(t.file), t.sourceId);
  if (t.kind === 'jsonl') {
    await ws.run(
      `UPDATE rejects SET raw = left(s._raw, 2000) FROM _src s WHERE rejects.source_id = $sid AND rejects.raw IS NULL AND rejects.line = s._line`,
      { sid: t.sourceId },
    );
    return;
  }
  if (t.kind === 'json') {
    await ws.run(
      `UPDATE rejects SET raw = left(s.j::VARCHAR, 2000) FROM _src s WHERE rejects.source_id = $sid AND rejects.raw IS NULL
         AND s._elem <> '' AND starts_with(rejects.path || '/', s._elem || '/')`,
      { sid: t.sourceId },
    );
    return;
  }
  const missing = await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM rejects WHERE source_id = $1 AND raw IS NULL', [t.sourceId]);
  if (Number(missing[0]?.n ?? 0) === 0) return;
  await ws.run(
    `UPDATE rejects SET raw = l.line FROM (
       SELECT row_number() OVER () AS n, line FROM read_csv(${sqlString(literalPath(t.file))}, columns = {'line': 'VARCHAR'}, header = false,
         delim = '\x01', quote = '', escape = '', auto_detect = false, max_line_size = ${lineLimit(t.file)}, ignore_errors = true)) l
     WHERE rejects.source_id = $sid AND rejects.raw IS NULL AND rejects.line = l.n`,
    { sid: t.sourceId },
  );
}

/** Reports DuckDB's query progress while `work` runs, for long files on a terminal. */
async function withProgress(ws: Workspace, file: string, options: IngestOptions, work: () => Promise<void>): Promise<void> {
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
