// Loads usage files into the canonical `calls` table: idempotent per file content, and lossless:
// every input row becomes a call, a counted duplicate of a call already held, or a row in `rejects`.
import { statSync } from 'node:fs';
import { callColumns, requiredColumns, type ColumnSpec } from '../db/schema.ts';
import { sqlString } from '../db/sql.ts';
import type { Workspace } from '../db/workspace.ts';
import { BatchableError, InputError } from '../errors.ts';
import type { AdapterContext, AdapterSelect, ContainerKind, Sample } from './adapter.ts';
import { chooseAdapter } from './detect.ts';
import { hashFile } from './hash.ts';
import { isGzip, sniff } from './sniff.ts';

export type IngestOptions = {
  readonly inputFormat?: string | undefined;
  readonly map?: ReadonlyMap<string, string> | undefined;
  readonly strict?: boolean | undefined;
  /** Called about twice a second during long reads, with the share done (0..1). */
  readonly onProgress?: ((file: string, done: number) => void) | undefined;
};

export type RejectSample = { readonly line: number | null; readonly path: string | null; readonly reason: string };

export type FileOutcome = {
  readonly file: string;
  readonly format: string;
  readonly status: 'ingested' | 'already-ingested';
  readonly rows: number;
  readonly calls: number;
  readonly rejects: number;
  readonly duplicates: number;
  /** Rows that are not usage (kind 'skip' in `rejects`), e.g. SPAN observations or unbilled batch errors. */
  readonly skipped: number;
  readonly firstRejects: readonly RejectSample[];
};

export type IngestSummary = {
  readonly files: readonly FileOutcome[];
  readonly calls: number;
  readonly rejects: number;
  readonly duplicates: number;
  readonly skipped: number;
};

export async function ingestFiles(ws: Workspace, files: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) outcomes.push(await ingestFile(ws, file, options));
  const sum = (key: 'calls' | 'rejects' | 'duplicates' | 'skipped') =>
    outcomes.filter((o) => o.status === 'ingested').reduce((total, o) => total + o[key], 0);
  return { files: outcomes, calls: sum('calls'), rejects: sum('rejects'), duplicates: sum('duplicates'), skipped: sum('skipped') };
}

async function ingestFile(ws: Workspace, file: string, options: IngestOptions): Promise<FileOutcome> {
  const map = options.map ?? new Map<string, string>();
  const sourceId = await hashFile(file);
  const known = await ws.all<{ format: string; rows: bigint }>('SELECT format, rows FROM sources WHERE source_id = $1', [sourceId]);
  if (known[0]) {
    const k = known[0];
    return { file, format: k.format, status: 'already-ingested', rows: Number(k.rows), calls: 0, rejects: 0, duplicates: 0, skipped: 0, firstRejects: [] };
  }
  const sample = await sniff(file, map);
  const adapter = chooseAdapter(file, sample, options.inputFormat);

  let inTransaction = false;
  try {
    const src = await prepareSource(ws, file, sample);
    const ctx: AdapterContext = {
      src,
      kind: sample.kind,
      header: sample.kind === 'csv' ? await csvColumns(ws, src) : [],
      map,
      fileModifiedAt: statSync(file).mtime.toISOString(),
    };
    const select = adapter.select(ctx);
    const target: LoadTarget = { file, sourceId, kind: sample.kind, format: adapter.id, idsFromSource: adapter.idsFromSource };
    const heldCalls = (await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM (SELECT 1 FROM calls LIMIT 1)'))[0]?.n === 1n;
    await ws.run('BEGIN TRANSACTION');
    inTransaction = true;
    // One pass over the file: every row lands in `calls`, the unreadable ones flagged with their reason.
    await withProgress(ws, file, options, () => ws.run(insertSql(select, target), { sid: sourceId, file, format: adapter.id }));
    const stats = await settle(ws, target, heldCalls);
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
    return { file, format: adapter.id, status: 'ingested', ...stats, firstRejects };
  } catch (error) {
    if (inTransaction) await ws.run('ROLLBACK');
    if (error instanceof BatchableError) throw error;
    throw asInputError(file, error);
  } finally {
    await ws.run('DROP TABLE IF EXISTS _src; DROP TABLE IF EXISTS _lines');
  }
}

/** DuckDB's reader errors name the problem and usually the line; keep their first lines, drop the stack. */
function asInputError(file: string, error: unknown): BatchableError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /on Line: (\d+)/i.exec(message)?.[1];
  const firstLine = message.split('\n').find((l) => l.trim() !== '' && !/^CSV Error on Line/i.test(l)) ?? message;
  const problem = /JSON|json/.test(message) ? `not valid JSON (${firstLine.trim()}); is the file truncated?` : firstLine.trim();
  return new InputError(file, line === undefined ? undefined : Number(line), problem, { cause: error });
}

const csvRejectOptions = "store_rejects = true, rejects_table = '_csv_rejects', rejects_scan = '_csv_scans'";

/**
 * The relation adapters select from. CSV is read in place (all columns as text, each row numbered by
 * `_ord`, malformed lines kept aside by DuckDB with their line numbers). JSON is first split into records
 * (temp tables built before the file's transaction, whose rowids then number the lines), so that a
 * malformed line is a reject, not a failed file.
 */
async function prepareSource(ws: Workspace, file: string, sample: Sample): Promise<string> {
  const { kind, delimiter } = sample;
  await ws.run('DROP TABLE IF EXISTS _csv_rejects; DROP TABLE IF EXISTS _csv_scans');
  const path = sqlString(file);
  // The delimiter comes from our header sniff: DuckDB's sniffer can be misled by the very ragged rows we want to reject.
  if (kind === 'csv') {
    return `(SELECT * EXCLUDE (ordinality), ordinality AS _ord FROM read_csv(${path}, all_varchar = true, header = true,
      delim = ${sqlString(delimiter)}, quote = '"', escape = '"', ${csvRejectOptions}) WITH ORDINALITY)`;
  }
  if (kind === 'jsonl') {
    // One VARCHAR column per physical line: \x01 never occurs unescaped in JSON text.
    await ws.run(`CREATE TEMP TABLE _lines AS SELECT line FROM read_csv(${path}, columns = {'line': 'VARCHAR'}, header = false,
      delim = '\x01', quote = '', escape = '', auto_detect = false, ${csvRejectOptions})`);
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
  return rows.map((r) => r.column_name).filter((name) => name !== '_ord');
}

const conversions: Record<ColumnSpec['type'], { fn: string; what: string } | undefined> = {
  VARCHAR: undefined,
  BIGINT: { fn: 'bt_int', what: 'not a whole number' },
  DOUBLE: { fn: 'bt_double', what: 'not a number' },
  BOOLEAN: { fn: 'bt_bool', what: 'not true/false' },
  TIMESTAMPTZ: { fn: 'bt_ts', what: 'unparsable time' },
  JSON: { fn: 'bt_json', what: 'not JSON' },
  'DECIMAL(20,9)': { fn: 'bt_dec', what: 'not a number' },
};

/** Defaults the engine applies to every adapter's rows, so they hold for every format alike. */
const defaults: Partial<Record<string, string>> = {
  provider: 'coalesce(provider, bt_provider(model))',
  lane: "coalesce(lane, 'standard')",
  lane_source: "CASE WHEN lane IS NULL THEN 'inferred' ELSE coalesce(lane_source, 'reported') END",
  requests: "CASE WHEN coalesce(granularity, 'call') = 'call' THEN coalesce(requests, 1) ELSE requests END",
  operation: "coalesce(operation, CASE WHEN contains(lower(model), 'embed') THEN 'embeddings' ELSE 'chat' END)",
  granularity: "coalesce(granularity, 'call')",
};

type LoadTarget = { file: string; sourceId: string; kind: ContainerKind; format: string; idsFromSource: boolean };

/**
 * The single INSERT of a file: the adapter's SELECT (m), its values converted to canonical types with the
 * reasons a row cannot be a call (c), then defaults and provenance. Parameters: $sid, $file, $format.
 * For CSV, source_row is the row's ordinal + 1 (the header); `settle` corrects it past rejected lines.
 */
export function insertSql(select: AdapterSelect, target: Pick<LoadTarget, 'kind'>): string {
  const given = select.columns as Record<string, string | undefined>;
  const csv = target.kind === 'csv';
  const mapped = Object.entries(given)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, expr]) => `${expr} AS ${name}`);
  if (csv && given._ord === undefined) mapped.push('_ord');
  const converted: string[] = csv ? ['_ord + 1 AS _line', 'NULL::VARCHAR AS _path'] : ['_line', "nullif(_path, '') AS _path"];
  converted.push(given._skip === undefined ? 'NULL::VARCHAR AS _skip' : '_skip');
  const checks: string[] = [];
  for (const column of callColumns) {
    const raw = given[column.name] === undefined ? null : `m.${column.name}`;
    const conversion = conversions[column.type];
    if (raw === null) {
      converted.push(`NULL::${column.type} AS ${column.name}`);
    } else if (conversion === undefined) {
      converted.push(`nullif(trim(${raw}::VARCHAR), '') AS ${column.name}`);
    } else {
      converted.push(`${conversion.fn}(${raw}) AS ${column.name}`);
      checks.push(`CASE WHEN ${raw} IS NOT NULL AND ${conversion.fn}(${raw}) IS NULL
        THEN '${conversion.what} in ${column.name}: "' || left(${raw}::VARCHAR, 60) || '"' END`);
      if (column.type === 'BIGINT') {
        checks.push(`CASE WHEN ${conversion.fn}(${raw}) < 0 THEN 'negative ${column.name} (' || ${conversion.fn}(${raw}) || ')' END`);
      }
    }
  }
  for (const name of requiredColumns) {
    const raw = given[name] === undefined ? 'NULL' : `m.${name}`;
    checks.push(`CASE WHEN nullif(trim(${raw}::VARCHAR), '') IS NULL THEN 'missing ${name}' END`);
  }
  const canonical = callColumns.map((c) => c.name).filter((n) => n !== 'call_id');
  return `INSERT INTO calls (call_id, ${canonical.join(', ')}, source_id, source_file, source_row, source_path, source_format, reject_reason, reject_kind)
WITH m AS (SELECT ${mapped.join(',\n  ')} FROM ${select.from}),
c AS (SELECT ${converted.join(',\n  ')},
  CASE WHEN _skip IS NULL THEN nullif(concat_ws('; ', ${checks.join(',\n    ')}), '') END AS _reason
  FROM m)
SELECT coalesce(call_id, left($sid, 16) || ':' || coalesce(_line::VARCHAR, '') || coalesce(_path, '')),
  ${canonical.map((n) => defaults[n] ?? n).join(', ')},
  $sid, $file, _line, _path, $format,
  coalesce(_skip, _reason), CASE WHEN _skip IS NOT NULL THEN 'skip' WHEN _reason IS NOT NULL THEN 'reject' END
FROM c`;
}

/**
 * After the insert, inside the file's transaction: line numbers past lines DuckDB's reader set aside, flagged
 * rows moved to `rejects`, duplicate request ids removed, the source recorded.
 */
async function settle(
  ws: Workspace,
  t: LoadTarget,
  heldCalls: boolean,
): Promise<{ rows: number; calls: number; rejects: number; duplicates: number; skipped: number }> {
  const p = { sid: t.sourceId, file: t.file };
  // DuckDB's CSV reader (used for CSV and for JSONL lines) keeps malformed lines aside in _csv_rejects.
  const readerRejects = t.kind === 'json' ? 0 : Number((await ws.all<{ n: bigint }>('SELECT count(DISTINCT line) AS n FROM _csv_rejects'))[0]?.n ?? 0);
  if (readerRejects > 0) {
    // DuckDB records one error per missing column; a line is one reject.
    await ws.run(
      `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
       SELECT $sid, $file, line, NULL, first(error_type || ': ' || error_message ORDER BY column_idx), first(csv_line), 'reject'
       FROM _csv_rejects GROUP BY line`,
      p,
    );
    if (t.kind === 'csv') {
      // Accepted row k sits at line k + 1 + (rejected lines before it). Rejected line r_j (r_1 < r_2 < ...) has
      // r_j - j - 1 accepted rows before it (the header and j - 1 rejected lines are the rest), so it precedes
      // row k exactly when r_j - j - 1 < k, i.e. r_j - j < k + 1 = the provisional source_row.
      await ws.run(
        `UPDATE calls SET source_row = source_row + (SELECT count(*) FROM
           (SELECT line - row_number() OVER (ORDER BY line) AS g FROM (SELECT DISTINCT line FROM _csv_rejects)) r WHERE r.g < calls.source_row)
         WHERE source_id = $sid`,
        { sid: t.sourceId },
      );
    }
  }
  if (t.kind !== 'csv') {
    await ws.run(
      `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
       SELECT $sid, $file, _line, NULLIF(_elem, ''), 'malformed JSON', left(_raw, 2000), 'reject' FROM _src WHERE j IS NULL`,
      p,
    );
  }
  await ws.run(
    `INSERT INTO rejects (source_id, file, line, path, reason, raw, kind)
     SELECT $sid, $file, source_row, source_path, reject_reason, NULL, reject_kind FROM calls WHERE source_id = $sid AND reject_kind IS NOT NULL`,
    p,
  );
  await ws.run('DELETE FROM calls WHERE source_id = $sid AND reject_kind IS NOT NULL', { sid: t.sourceId });
  await fillRawText(ws, t);

  let duplicates = 0;
  if (t.idsFromSource) {
    // The same call twice, in this file or already held from another: kept once. Each check is a pass over
    // this file's rows, so it runs only when it can find something.
    const repeats = Number((await ws.all<{ n: bigint }>('SELECT count(call_id) - count(DISTINCT call_id) AS n FROM calls WHERE source_id = $1', [t.sourceId]))[0]?.n ?? 0);
    if (repeats > 0) {
      duplicates += await ws.changed(
        `DELETE FROM calls WHERE source_id = $sid AND rowid IN (SELECT rowid FROM (
           SELECT rowid, row_number() OVER (PARTITION BY call_id ORDER BY source_row, source_path) AS n FROM calls WHERE source_id = $sid) WHERE n > 1)`,
        { sid: t.sourceId },
      );
    }
    if (heldCalls) {
      duplicates += await ws.changed(
        `DELETE FROM calls WHERE source_id = $sid AND call_id IN (SELECT call_id FROM calls WHERE source_id <> $sid)`,
        { sid: t.sourceId },
      );
    }
  }
  const counts = (
    await ws.all<{ rejects: bigint; skipped: bigint; calls: bigint; malformed: bigint }>(
      `SELECT (SELECT count(*) FROM rejects WHERE source_id = $sid AND kind = 'reject') AS rejects,
              (SELECT count(*) FROM rejects WHERE source_id = $sid AND kind = 'skip') AS skipped,
              (SELECT count(*) FROM calls WHERE source_id = $sid) AS calls,
              ${t.kind === 'csv' ? '0' : '(SELECT count(*) FROM _src WHERE j IS NULL)'} AS malformed`,
      { sid: t.sourceId },
    )
  )[0]!;
  const [rejects, skipped, calls] = [Number(counts.rejects), Number(counts.skipped), Number(counts.calls)];
  const rows = calls + rejects + skipped + duplicates;
  await ws.run(
    `INSERT INTO sources (source_id, file, format, bytes, rows, calls, rejects, duplicates, skipped)
     VALUES ($sid, $file, $format, $bytes, $rows, $calls, $rejects, $dups, $skipped)`,
    { ...p, format: t.format, bytes: statSync(t.file).size, rows, calls, rejects, dups: duplicates, skipped },
  );
  return { rows, calls, rejects, duplicates, skipped };
}

/** The raw text of rejected rows: JSON records from the source table, CSV lines re-read only when needed. */
async function fillRawText(ws: Workspace, t: LoadTarget): Promise<void> {
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
       SELECT row_number() OVER () AS n, line FROM read_csv(${sqlString(t.file)}, columns = {'line': 'VARCHAR'}, header = false,
         delim = '\x01', quote = '', escape = '', auto_detect = false, ignore_errors = true)) l
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
