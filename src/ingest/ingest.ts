// Loads usage files into the canonical `calls` view (one table per file, src/db/calls-view.ts): idempotent per
// file content, and lossless: every input row becomes a call, a counted duplicate of a call already held, or a
// row in `rejects`.
import { statSync } from 'node:fs';
import { fileTableName, keepsOwnTable, keptRowsSql, lineSql, moveIntoCallRows, refreshCallsView, storedColumns } from '../db/calls-view.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import type { Workspace } from '../db/workspace.ts';
import { BatchableError, InputError, InternalError, UnrecognisedFormat, withCleanup } from '../errors.ts';
import type { Adapter, AdapterContext, ContainerKind, Sample } from './adapter.ts';
import { costRowsSelect, loadCostRows } from './costs.ts';
import { csvRecordsSource } from './csv-records.ts';
import { chooseAdapter } from './detect.ts';
import {
  assertKeepsFileOrder,
  bindingLightly,
  buildCsvOffLines,
  commaDialect,
  checkpointNow,
  csvColumns,
  csvReadSql,
  csvRejectOptions,
  fileRowsSelect,
  fillRawText,
  firstLongLine,
  firstMixedLineEnd,
  idDuplicatesSql,
  incomingTable,
  lineLimit,
  lineLimitSql,
  lineReadOptions,
  nonBlankLineSql,
  mixedLineEndError,
  readError,
  readerRejectRecordsSql,
  recordKeys,
  rebuild,
  refuseUnclosedQuote,
  rejectMalformedJson,
  rowRecordSql,
  repeatOrderSql,
  splitAdvice,
  unclosedQuoteError,
  unclosedQuoteLine,
  usesDecimalComma,
  viewStale,
  withProgress,
  writeInParts,
  type FileOutcome,
  type FileTarget,
  type IngestOptions,
  type IngestSummary,
} from './file-rows.ts';
import { literalPath, type InputFile } from './files.ts';
import { settleFileBuckets } from './buckets.ts';
import { ambiguousColumn, ambiguousColumnError, reservedColumn, reservedColumnError } from './header.ts';
import { dropsLine, hashFile, readerLineCeilingBytes, type FileDigest } from './hash.ts';
import { ingestMany, previewFile, ScanGroup, type Preview } from './many.ts';
import { skipNestedCalls } from './nested-calls.ts';
import { isParquet, parquetSample, parquetSource } from './parquet.ts';
import { commandWord } from '../report/escape.ts';
import { pointerOrderSql } from './adapters/sql-helpers.ts';
import { rejectTextSql, rowPlace } from './reject-text.ts';
import { contentBytes, isGzip, sniff } from './sniff.ts';

export { assertKeepsFileOrder, fileRowsSelect, jsonPartBytes, jsonParts, maxCount, readError } from './file-rows.ts';
export type { FileOutcome, IngestOptions, IngestSummary, RejectSample } from './file-rows.ts';

/** Files given as plain strings are taken as named explicitly: one that matches no format stops the run. */
export async function ingestFiles(ws: Workspace, files: readonly (string | InputFile)[], options: IngestOptions = {}): Promise<IngestSummary> {
  const outcomes: FileOutcome[] = [];
  // Many files in one run: DuckDB checkpoints whenever its WAL passes 16 MB, and each checkpoint rewrites the
  // growing call_rows' last row groups; one checkpoint at the end instead cut the CPU of 40 daily files of 20,000
  // calls from 22-25 s to 13.3-13.6 s (measured twice each). Each file still commits on its own (WAL-logged).
  const many = files.length > 1;
  if (many) await ws.run("SET checkpoint_threshold = '1GB'");
  const one = async (file: string, explicit: boolean, preview?: Preview) => {
    try {
      outcomes.push(await ingestFile(ws, file, options, preview));
    } catch (error) {
      // A file found by expanding a directory or glob that matches no format (a README, a cost report, a batch
      // input file) is skipped and counted; nothing was written for it (detection runs before any write).
      if (explicit || !(error instanceof UnrecognisedFormat)) throw error;
      outcomes.push({ file, format: '', status: 'not-usage', note: error.problem, rows: 0, calls: 0, rejects: 0, duplicates: 0, skipped: 0, firstRejects: [] });
    }
  };
  // Consecutive CSV files of one format and header, or JSONL files of one format, are read in one scan (src/ingest/many.ts); when the scan
  // cannot vouch for its result, nothing of it is kept and its files are read one by one.
  let group = new ScanGroup();
  const scan = async (files: readonly Preview[]): Promise<void> => {
    const done = files.length > 1 ? await ingestMany(ws, files, options) : undefined;
    if (done !== undefined && 'readAlone' in done) {
      // Files with a line the reader set aside are read alone, in their place; the files between them, scanned.
      let from = 0;
      for (const i of [...done.readAlone].sort((a, b) => a - b)) {
        await scan(files.slice(from, i));
        await one(files[i]!.file, true, files[i]);
        from = i + 1;
      }
      await scan(files.slice(from));
      return;
    }
    for (const [i, p] of files.entries()) {
      const o = done?.[i];
      if (o !== undefined) outcomes.push(o);
      else await one(p.file, true, p);
    }
  };
  const flush = async () => {
    const files = group.files;
    group = new ScanGroup();
    await scan(files);
  };
  await withCleanup(async () => {
    for (const input of files) {
      const { file, explicit } = typeof input === 'string' ? { file: input, explicit: true } : input;
      const preview = many && options.oneScan !== false ? await previewFile(file, options) : undefined;
      if (preview === undefined) {
        await flush();
        await one(file, explicit);
        continue;
      }
      if (!group.takes(preview)) await flush();
      group.add(preview);
    }
    await flush();
  }, async () => {
    if (many) await ws.run('RESET checkpoint_threshold');
    // Once per run, also when a file stopped it: the files committed before it are in the view when this returns.
    if (viewStale.delete(ws)) await refreshCallsView(ws);
  });
  if (many && ws.path !== ':memory:') await ws.run('CHECKPOINT');
  const sum = (key: 'calls' | 'rejects' | 'duplicates' | 'skipped') =>
    outcomes.filter((o) => o.status === 'ingested').reduce((total, o) => total + o[key], 0);
  const skippedFiles = outcomes.filter((o) => o.status === 'not-usage').map((o) => ({ file: o.file, reason: o.note ?? '' }));
  return { files: outcomes, calls: sum('calls'), rejects: sum('rejects'), duplicates: sum('duplicates'), skipped: sum('skipped'), skippedFiles };
}

/** Ingests one file; `preview` is what previewFile found (the file is then not sniffed again). */
async function ingestFile(ws: Workspace, file: string, options: IngestOptions, preview?: Preview): Promise<FileOutcome> {
  const map = options.map ?? new Map<string, string>();
  // A file's identity is its content hash. Only a file of the same size as one already held can be a re-ingest:
  // then the hash is awaited first; otherwise it is computed while DuckDB reads the file.
  const bytes = statSync(file).size;
  const digesting = hashFile(file);
  digesting.catch(() => undefined); // awaited below; a read error surfaces there
  const hashing = digesting.then((d) => d.sourceId);
  hashing.catch(() => undefined);
  if ((await ws.all('SELECT 1 FROM sources WHERE bytes = $1 LIMIT 1', [bytes])).length > 0) {
    const known = await ws.all<{ format: string; rows: bigint }>('SELECT format, rows FROM sources WHERE source_id = $1', [await hashing]);
    if (known[0]) {
      const k = known[0];
      return { file, format: k.format, status: 'already-ingested', rows: Number(k.rows), calls: 0, rejects: 0, duplicates: 0, skipped: 0, firstRejects: [] };
    }
  }
  const sample = preview?.sample ?? ((await isParquet(file)) ? await parquetSample(ws, file, map) : await sniff(file, map));
  const adapter = preview?.adapter ?? chooseAdapter(file, sample, options.inputFormat);

  let table = incomingTable;
  let written = false;
  let inTransaction = false;
  let committed = false;
  const cleanup = async () => {
    if (written && !committed) {
      if (inTransaction) await ws.run('ROLLBACK');
      await ws.run(`DROP TABLE IF EXISTS ${sqlIdent(table)}`);
    }
    await ws.run('DROP TABLE IF EXISTS _src; DROP TABLE IF EXISTS _lines; DROP TABLE IF EXISTS _src_part; DROP TABLE IF EXISTS _src_rows; DROP TABLE IF EXISTS _src_records; DROP TABLE IF EXISTS _held_ids; DROP TABLE IF EXISTS _csv_off_lines; DROP TABLE IF EXISTS _csv_text; DROP TABLE IF EXISTS _csv_recs; DROP TABLE IF EXISTS _csv_marks');
  };
  try {
    // A cleanup that fails too never hides why the file failed (withCleanup keeps the first error).
    return await withCleanup(async () => {
      const { src, kind } = await prepareSource(ws, file, sample, adapter, map);
      // A CSV read as DESCRIBE and EXPLAIN bind it (csvReadSql): the same read with DuckDB's default line limit.
      const light = kind === 'csv' ? csvReadSql([file], sample, '', true) : src;
      const ctx: AdapterContext = {
        src,
        kind,
        header: src === '_src' ? [] : await bindingLightly(src, light, async (swap) => csvColumns(ws, swap(src))),
        map,
        fileModifiedAt: statSync(file).mtime.toISOString(),
        recordKeys: src === '_src' && adapter.readsRecordKeys === true ? await recordKeys(ws, src) : undefined,
        // A CSV read as records (prepareSource): they hold the adapter's recordFields only.
        recordsCut: sample.kind === 'csv' && kind === 'jsonl',
      };
      const select = adapter.select(ctx);
      const twice = kind === 'csv' ? ambiguousColumn(sample.header, ctx.header, select) : undefined;
      if (twice !== undefined) throw ambiguousColumnError(file, twice, ctx.header, map);
      const reserved = kind === 'csv' && select.from !== src ? reservedColumn(ctx.header) : undefined;
      if (reserved !== undefined) throw reservedColumnError(file, reserved, adapter.id);
      // The same select over a part of the file (writeInParts), or over the whole of it.
      const selectFrom = (from: string, unnested?: boolean) => (from === src ? select : adapter.select({ ...ctx, src: from, unnested }));
      if (adapter.role === 'costs') {
        // Billed costs (src/ingest/costs.ts): staged, then loaded into billed_costs for reconciliation; no calls.
        written = true;
        await writeInParts(ws, table, src, adapter, options.jsonPartBytes, (from, unnested) => costRowsSelect(selectFrom(from, unnested), kind));
        const { sourceId, plainLines } = await readWhole(file, kind, digesting, options.lineCeilingBytes);
        await ws.run('BEGIN TRANSACTION');
        inTransaction = true;
        const c = await loadCostRows(ws, { file, sourceId, table, format: adapter.id, kind, plainLines, dialect: sample });
        if (options.strict === true && c.rejects > 0) throw new BatchableError(`${c.rejects} row(s) rejected and --strict is set; nothing from ${file} was ingested (batchable rejects --file ${commandWord(file)})`);
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
      if (kind === 'csv') await bindingLightly(src, light, (swap) => assertKeepsFileOrder(ws, select, adapter.id, [], swap));
      // The file's table is written in one statement, before the transaction: inside one, DuckDB numbers new rows
      // from a large offset, and a CSV row's position in the table is what gives its line.
      written = true;
      await withProgress(ws, file, options, () =>
        writeInParts(ws, table, src, adapter, options.jsonPartBytes, (from, unnested) => fileRowsSelect(selectFrom(from, unnested), kind, [], kind === 'csv' && usesDecimalComma(sample)),
          // A JSON row's place in its file (a CSV's select is checked to keep file order above).
          kind === 'csv' || kind === 'parquet' ? undefined : `_line, ${pointerOrderSql('_path')}`),
      );
      const { sourceId, plainLines } = await readWhole(file, kind, digesting, options.lineCeilingBytes);
      await ws.run(`DROP TABLE IF EXISTS ${sqlIdent(fileTableName(sourceId))}`); // left by a run that was killed
      await ws.run(`ALTER TABLE ${sqlIdent(table)} RENAME TO ${sqlIdent(fileTableName(sourceId))}`);
      table = fileTableName(sourceId);
      await ws.run('BEGIN TRANSACTION');
      inTransaction = true;
      const stats = await loadFileTable(ws, { file, sourceId, table, kind, format: adapter.id, idsFromSource: adapter.idsFromSource, nestedCalls: adapter.nestedCalls, ownTableMinCalls: options.ownTableMinCalls, midSizeMinCalls: options.midSizeMinCalls, plainLines, dialect: sample });
      const firstRejects = (
        await ws.all<{ line: bigint | null; path: string | null; reason: string }>(
          "SELECT line, path, reason FROM rejects WHERE source_id = $1 AND kind = 'reject' ORDER BY line NULLS LAST, path LIMIT 5",
          [sourceId],
        )
      ).map((r) => ({ ...r, line: r.line === null ? null : Number(r.line) }));
      if (options.strict === true && stats.rejects > 0) {
        const first = firstRejects[0];
        const where = first ? `${rowPlace(file, first.line, first.path)}: ${first.reason}` : file;
        throw new BatchableError(`${stats.rejects} row(s) rejected and --strict is set; nothing from ${file} was ingested. First: ${where}`);
      }
      await ws.run('COMMIT');
      committed = true;
      await checkpointNow(ws);
      return { file, format: adapter.id, status: 'ingested', ...stats, firstRejects };
    }, cleanup);
  } catch (error) {
    if (isGzip(file)) {
      // DuckDB may stop on a cut gzip stream before the hash pass does: the hash pass's one line says it best.
      const gzipProblem = await hashing.then(() => undefined, (e: unknown) => e);
      if (gzipProblem instanceof BatchableError) throw gzipProblem;
    }
    if (error instanceof BatchableError || error instanceof InternalError) throw error;
    if (sample.kind === 'csv' && error instanceof Error && /Error when sniffing file/.test(error.message)) {
      // DuckDB's sniffer names no line; an unclosed quote is the usual cause, and its line can be found.
      // Best effort: when the file cannot be read this way either, DuckDB's own message follows.
      const line = await unclosedQuoteLine(ws, file, sample).catch(() => undefined);
      if (line !== undefined) throw unclosedQuoteError(file, line, error);
      const mixed = await firstMixedLineEnd(file);
      if (mixed !== undefined) throw mixedLineEndError(file, mixed, error);
    }
    throw await readError(file, adapter.id, error);
  }
}

/**
 * The file's digest, once its hash pass shows that DuckDB's CSV reader (CSV, and JSONL's lines) read every line
 * of it: it drops a line over readerLineCeilingBytes without a row or a reject, which would lose it unsaid.
 */
async function readWhole(file: string, kind: ContainerKind, digesting: Promise<FileDigest>, ceiling = readerLineCeilingBytes): Promise<FileDigest> {
  const digest = await digesting;
  if ((kind === 'csv' || kind === 'jsonl') && dropsLine(digest, ceiling)) {
    const found = await firstLongLine(file, ceiling);
    throw new InputError(file, found?.line, `a line of ${digest.longestLineBytes.toLocaleString('en-US')} bytes, over the ${ceiling.toLocaleString('en-US')} bytes ` +
      `DuckDB can read as one line; nothing from the file was ingested. A JSON document saved on one line is read whole up to that size. ${splitAdvice}`);
  }
  return digest;
}

/**
 * The relation adapters select from. CSV is read in place (all columns as text, malformed lines kept aside by
 * DuckDB with their line numbers), or, for a format whose select joins a file's records, as JSON records with
 * their lines (csv-records.ts), read then as JSONL is. JSON is first split into records so that a malformed line is
 * a reject, not a failed file.
 */
async function prepareSource(ws: Workspace, file: string, sample: Sample, adapter: Pick<Adapter, 'joinsRecords' | 'recordFields'>, map: ReadonlyMap<string, string>): Promise<{ src: string; kind: ContainerKind }> {
  const { kind } = sample;
  await ws.run('DROP TABLE IF EXISTS _csv_rejects; DROP TABLE IF EXISTS _csv_scans');
  const path = sqlString(literalPath(file));
  // The delimiter comes from our header sniff: DuckDB's sniffer can be misled by the very ragged rows we want to reject.
  if (kind === 'parquet') return { src: parquetSource(literalPath(file)), kind };
  const maxLine = lineLimitSql(lineLimit(file));
  if (kind === 'csv' && adapter.joinsRecords === true) {
    const header = await csvColumns(ws, csvReadSql([file], sample, '', true));
    return { src: await csvRecordsSource(ws, file, sample, header, map, adapter.recordFields), kind: 'jsonl' };
  }
  if (kind === 'csv') return { src: csvReadSql([file], sample), kind };
  if (kind === 'jsonl') {
    // One VARCHAR column per physical line: \x01 never occurs unescaped in JSON text.
    await ws.run(`CREATE TEMP TABLE _lines AS SELECT line FROM read_csv(${path}, ${lineReadOptions}, ${maxLine}, ${csvRejectOptions})`);
    if (await oneLongLine(ws)) {
      // The whole file is one line longer than a line may be (32 MB): a document written without line breaks (an
      // API response saved as it came), which the sample could not see the end of. It is read as a document.
      await ws.run('DROP TABLE _lines; DROP TABLE IF EXISTS _csv_rejects; DROP TABLE IF EXISTS _csv_scans');
      return { src: await documentSource(ws, file, 'unstructured'), kind: 'json' };
    }
    // The text is held once: as JSON when it parses, else as the raw line (a reject's text, file-rows.ts: fillRawText).
    // One parse a line: try_cast accepts what json_valid does (json_valid, then the cast, parsed each line twice).
    await ws.run(`CREATE TEMP TABLE _src AS SELECT _line, '' AS _elem, CASE WHEN j IS NULL THEN line END AS _raw, j
      FROM (SELECT rowid + 1 AS _line, line, try_cast(line AS JSON) AS j FROM _lines WHERE ${nonBlankLineSql('line')})`);
    await ws.run('DROP TABLE _lines');
    return { src: '_src', kind };
  }
  return { src: await documentSource(ws, file, sample.arrayDocument ? 'array' : 'unstructured'), kind };
}

/** True when the JSONL read found no line but the first, refused as too long: the file is one long line. */
async function oneLongLine(ws: Workspace): Promise<boolean> {
  const [row] = await ws.all<{ lines: bigint; refused: bigint; other: bigint }>(`SELECT (SELECT count(*) FROM _lines) AS lines,
      (SELECT count(*) FROM _csv_rejects WHERE line = 1 AND error_type = 'LINE SIZE OVER MAXIMUM') AS refused,
      (SELECT count(*) FROM _csv_rejects WHERE line <> 1) AS other`);
  return row !== undefined && row.lines === 0n && row.refused > 0n && row.other === 0n;
}

/** A JSON document as `_src`: one row per element of a top-level array ('array'), else one per document. */
async function documentSource(ws: Workspace, file: string, layout: 'array' | 'unstructured'): Promise<string> {
  // DuckDB stops at 16 MB per record by default, less than one large exported document; it also reserves
  // buffers of that size, so the limit follows the file's decompressed size (contentBytes) up to 256 MB.
  const bytes = contentBytes(file);
  const maxObject = Math.min(256 << 20, Math.max(16 << 20, bytes + (1 << 20)));
  await ws.run(`CREATE TEMP TABLE _lines AS SELECT json AS j FROM read_json_objects(${sqlString(literalPath(file))}, format = '${layout}', maximum_object_size = ${maxObject})`);
  await ws.run(`CREATE TEMP TABLE _src AS SELECT NULL::BIGINT AS _line, ${layout === 'array' ? "'/' || rowid" : "''"} AS _elem,
    NULL::VARCHAR AS _raw, j FROM _lines`);
  await ws.run('DROP TABLE _lines');
  return '_src';
}

/** Records a file's rejects, skips and duplicates, and the source; adds its table to `calls`. Runs in the file's transaction. */
async function loadFileTable(
  ws: Workspace,
  t: FileTarget,
): Promise<{ rows: number; calls: number; rejects: number; duplicates: number; skipped: number; replaced: number }> {
  const p = { sid: t.sourceId, file: t.file };
  const table = sqlIdent(t.table);
  // DuckDB's CSV reader (used for CSV and for JSONL lines) keeps malformed lines aside in _csv_rejects.
  const readerRejects = t.kind === 'json' || t.kind === 'parquet' ? [] : await ws.all<{ line: bigint }>('SELECT DISTINCT line FROM _csv_rejects ORDER BY line');
  if (t.kind === 'csv' && readerRejects.length > 0) await refuseUnclosedQuote(ws, t.file, t.dialect ?? commaDialect);
  if (t.kind === 'csv' && t.plainLines === false && readerRejects.length > 0) {
    // DuckDB numbers its rejects by line breaks outside quotes, the rows by records: both as records here, so that
    // the rows' lines below count the rejects before them; fillRawText turns them into the file's lines.
    await buildCsvOffLines(ws, t.file, t.dialect ?? commaDialect);
    await ws.run(readerRejectRecordsSql);
  }
  if (readerRejects.length > 0) {
    // DuckDB records one error per missing column; a line is one reject. Its text can begin with the line breaks of
    // blank lines before it: they are not the line's.
    await ws.run(
      `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
       SELECT $sid, $file, line, NULL, first(error_type || ': ' || error_message ORDER BY column_idx), ${rejectTextSql('ltrim(first(csv_line), chr(13) || chr(10))')}, 'reject'
       FROM _csv_rejects GROUP BY line`,
      p,
    );
  }
  if (t.kind === 'csv' && readerRejects.length > 0) {
    // Lines set aside shift the positions of the rows after them, so each row's line is bound into the table:
    // its position, plus the header, plus the rejected lines before it.
    await rebuild(ws, t.table, `${rowRecordSql('f.rowid')} AS _line`);
  }
  if (t.kind === 'jsonl' || t.kind === 'json') await rejectMalformedJson(ws, t.sourceId, t.file);
  let stored = await storedColumns(ws, t.table);
  // A model call recorded again around itself (an app instrumented twice): the rows over it are skipped first.
  if (t.nestedCalls !== undefined) await skipNestedCalls(ws, t.table, stored, t.nestedCalls);
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
  const duplicate = t.idsFromSource && stored.has('call_id')
    ? await idDuplicatesSql(ws, table, kept, repeatOrderSql(stored), `call_id, (${idKept})`)
    : undefined;
  if (duplicate !== undefined) {
    const line = stored.has('_line') ? [] : ['(rowid + 2) AS _line'];
    await rebuild(ws, t.table, [...line, `coalesce((${idKept}) AND (${duplicate}), false) AS _dup`].join(', '));
    stored = await storedColumns(ws, t.table);
  }
  // Buckets held already (an overlapping export, a partial bucket fetched again): src/ingest/buckets.ts.
  const overlap = await settleFileBuckets(ws, { sourceId: t.sourceId, file: t.file, format: t.format, table: t.table }, stored);
  if (overlap.marked) stored = await storedColumns(ws, t.table);
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
  const ownTable = await keepsOwnTable(ws, calls, t);
  if (!ownTable) await moveIntoCallRows(ws, { sourceId: t.sourceId, file: t.file, format: t.format, table: t.table }, stored);
  await ws.run(
    `INSERT INTO sources (source_id, file, format, bytes, rows, calls, rejects, duplicates, skipped, table_name)
     VALUES ($sid, $file, $format, $bytes, $rows, $calls, $rejects, $dups, $skipped, $table)`,
    { ...p, format: t.format, bytes: statSync(t.file).size, rows, calls, rejects, dups: duplicates, skipped, table: ownTable ? t.table : null },
  );
  if (ownTable) viewStale.add(ws); // the view is rebuilt at the end of the run
  return { rows, calls, rejects, duplicates, skipped, replaced: overlap.replaced };
}
