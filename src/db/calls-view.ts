// `calls`, the canonical table, is a view. Each ingested file is one table, `calls_<hash>`, written once by a
// single CREATE TABLE AS with only the columns that file has: DuckDB pays per column and per row written, and a
// 46-column INSERT of mostly NULLs and repeated provenance strings cost more than reading the file. The view
// pads every file's table to the canonical columns, applies the engine's defaults, adds provenance (constants
// per file, the line from the row's position), and leaves out rejected, skipped and duplicate rows.
// `call_rows` (the table of schema version 1) holds rows written whole; the view includes it as it is.
import { createHash } from 'node:crypto';
import { providerOfModelSql } from './macros.ts';
import { allCallColumns, callColumns } from './schema.ts';
import { sqlIdent, sqlString } from './sql.ts';
import type { Workspace } from './types.ts';

/** Defaults the engine applies to every file's rows, so that they hold for every format alike. */
const defaults: Partial<Record<string, string>> = {
  granularity: "coalesce(granularity, 'call')",
  provider: `coalesce(provider, ${providerOfModelSql('model')})`,
  operation: "coalesce(operation, CASE WHEN contains(lower(model), 'embed') THEN 'embeddings' ELSE 'chat' END)",
  lane: "coalesce(lane, 'standard')",
  lane_source: "CASE WHEN lane IS NULL THEN 'inferred' ELSE coalesce(lane_source, 'reported') END",
  requests: "CASE WHEN coalesce(granularity, 'call') = 'call' THEN coalesce(requests, 1) ELSE requests END",
};

/** The table that holds one file's rows. */
export const fileTableName = (sourceId: string): string => `calls_${sourceId.slice(0, 16)}`;

export type FileTable = { readonly sourceId: string; readonly file: string; readonly format: string; readonly table: string };

/**
 * The file's row line: CSV rows are numbered by their position (the header is line 1), unless a `_line` column
 * was written (JSON sources, and CSV files whose reader set lines aside). The expression reads `_rowid`.
 */
export function lineSql(stored: ReadonlySet<string>): string {
  return stored.has('_line') ? '_line' : '(_rowid + 2)';
}

/** The id of a row whose source gives none: stable per file content, line and JSON pointer. */
export function fallbackIdSql(sourceId: string, stored: ReadonlySet<string>): string {
  const path = stored.has('_path') ? "coalesce(_path, '')" : "''";
  return `${sqlString(`${sourceId.slice(0, 16)}:`)} || coalesce((${lineSql(stored)})::VARCHAR, '') || ${path}`;
}

/**
 * A table of many files (src/ingest/many.ts): each row's `_src` names its file's part, joined to `_p_part`,
 * `_p_first` (the part's first rowid), `_p_sid`, `_p_file`, `_p_format`. A CSV row's line is its position in its
 * part; JSONL rows carry their `_line` and `_path`, as a file's own table does.
 */
const partLineSql = (stored: ReadonlySet<string>): string => (stored.has('_line') ? '_line' : '(_rowid - _p_first + 2)');
/** As fallbackIdSql, with the part's source: a file's calls get the same ids whichever way it was read. */
const partFallbackIdSql = (stored: ReadonlySet<string>): string =>
  `left(_p_sid, 16) || ':' || coalesce((${partLineSql(stored)})::VARCHAR, '') || ${stored.has('_path') ? "coalesce(_path, '')" : "''"}`;

/** The parts of a table of many files, as the view joins them; `table` is bound as a literal (our own name). */
export const partsOfTableSql = (table: string): string =>
  `(SELECT sp.part AS _p_part, sp.first_row AS _p_first, s.source_id AS _p_sid, s.file AS _p_file, s.format AS _p_format
    FROM source_parts sp JOIN sources s USING (source_id) WHERE sp.table_name = ${sqlString(table)})`;

/** The rows of a file's table that are calls: not rejected, not skipped, not a duplicate of another call. */
export function keptRowsSql(stored: ReadonlySet<string>, alias?: string): string {
  const c = alias === undefined ? '' : `${alias}.`;
  return `${c}_reason IS NULL${stored.has('_skip') ? ` AND ${c}_skip IS NULL` : ''}${stored.has('_dup') ? ` AND NOT ${c}_dup` : ''}`;
}

/**
 * `call_key`: the row's number in this workspace (file ordinal x 2^40 + position), a BIGINT that the analysis
 * stages join on: joins on the VARCHAR call_id measured 1.7x as slow at 5M calls.
 */
const keyStride = 1099511627776n; // 2^40

/**
 * A table of many files' rows as the view shows them: as fileArm, with each row's file (id, name, format, line)
 * from its part. `parts` is a relation of the part columns (partsOfTableSql, or the ingest's own while the
 * files are not yet recorded).
 */
export function partsArm(table: string, stored: ReadonlySet<string>, ordinal: number, parts: string): string {
  const provenance = [
    '_p_sid AS source_id',
    '_p_file AS source_file',
    `CAST(${partLineSql(stored)} AS BIGINT) AS source_row`,
    `${stored.has('_path') ? '_path' : 'NULL::VARCHAR'} AS source_path`,
    '_p_format AS source_format',
  ];
  return armSql(table, stored, ordinal, partFallbackIdSql(stored), provenance, `JOIN ${parts} p ON f._src = p._p_part`);
}

function fileArm(t: FileTable, stored: ReadonlySet<string>, ordinal: number): string {
  const provenance = [
    `${sqlString(t.sourceId)} AS source_id`,
    `${sqlString(t.file)} AS source_file`,
    `CAST(${lineSql(stored)} AS BIGINT) AS source_row`,
    `${stored.has('_path') ? '_path' : 'NULL::VARCHAR'} AS source_path`,
    `${sqlString(t.format)} AS source_format`,
  ];
  return armSql(t.table, stored, ordinal, fallbackIdSql(t.sourceId, stored), provenance, '');
}

/**
 * One arm of the view: a table's kept rows padded to the canonical columns, a row without an id given `fallbackId`,
 * then its provenance (which differs between a file's own table and a table of many files) and its call_key (the
 * arm's ordinal and the row's rowid). The engine's defaults are applied over the arms, once (withDefaultsSql).
 */
function armSql(table: string, stored: ReadonlySet<string>, ordinal: number, fallbackId: string, provenance: readonly string[], join: string): string {
  const columns = callColumns.map((c) => {
    if (c.name === 'call_id') return `CAST(${stored.has('call_id') ? `coalesce(call_id, ${fallbackId})` : fallbackId} AS ${c.type}) AS call_id`;
    return stored.has(c.name) ? `CAST(${c.name} AS ${c.type}) AS ${c.name}` : `NULL::${c.type} AS ${c.name}`;
  });
  const key = `${BigInt(ordinal) * keyStride}::BIGINT + _rowid AS call_key`;
  return `SELECT ${[...columns, ...provenance, key].join(', ')}
FROM (SELECT rowid AS _rowid, * FROM ${sqlIdent(table)}) f ${join}
WHERE ${keptRowsSql(stored)}`;
}

/**
 * Rows of the canonical columns and call_key (arms, or their UNION ALL) with the engine's defaults applied. Over the
 * union, not in each arm: DuckDB binds every arm of the view for any query on it, and the provider's default (a CASE
 * of four regular expressions) cost about 1.5 ms an arm to bind, each query. With it here, and the arms padding
 * their missing columns without a subquery of their own, planning a count over 20 tables of their own took 75 ms
 * against 118-124 ms (medians of 12; the defaults alone, 78-88 ms), and an audit of that workspace 10.8 s against
 * 11.4 s (medians of 5, alternated: 9.9-11.5 s against 10.7-12.0 s).
 */
const withDefaultsSql = (rows: string): string =>
  `SELECT ${allCallColumns.map((c) => (defaults[c.name] === undefined ? c.name : `CAST(${defaults[c.name]} AS ${c.type}) AS ${c.name}`)).join(', ')}, call_key
FROM (${rows})`;

/** A file's kept rows as the `calls` view shows them (defaults and provenance applied); call_key is the row's rowid. */
export function fileCallsSql(t: FileTable, stored: ReadonlySet<string>): string {
  return withDefaultsSql(fileArm(t, stored, 0));
}

/** As fileCallsSql, for a table of many files whose parts are `parts` (partsArm): its kept rows as the view shows them. */
export function partsCallsSql(table: string, stored: ReadonlySet<string>, parts: string): string {
  return withDefaultsSql(partsArm(table, stored, 0, parts));
}

/** The rowid of a row in its own table (a file's table or `call_rows`), from its call_key. */
export const rowidOfKeySql = (key: string): string => `(${key} % ${keyStride})`;

/**
 * Files with fewer calls than this are moved into `call_rows` once ingested, instead of keeping a table (and a
 * view arm) of their own: DuckDB plans a view of hundreds of UNION ALL arms slowly (with 200 small files of
 * 2 calls each, audit took 4.2 s; 0.5 s once they were moved), and for a small file the 46-column insert costs little.
 */
export const ownTableMinCalls = 1_000_000;

/**
 * A file with at least this many calls (and fewer than ownTableMinCalls) keeps a table of its own as well, while the
 * workspace holds fewer than midSizeOwnTables tables of its own: moving it into call_rows is most of its ingest (a
 * file of 876,000 calls: 6.0 s, against 3.6-4.5 s kept apart), while each arm of the view costs every audit about 75
 * ms (30 files of 100,000 calls, each its own table: audit 6.5-7.0 s, against 4.2-4.8 s with them in call_rows;
 * measured before the defaults were applied over the arms, withDefaultsSql, which made an arm cheaper to plan). So a
 * month's export is read at its own speed, and a workspace fed mid-size files one by one stops adding arms at eight.
 */
export const midSizeMinCalls = 100_000;
export const midSizeOwnTables = 8;

/** How many tables of their own (arms of the view besides call_rows) the workspace's sources hold. */
export async function ownTableCount(ws: Workspace): Promise<number> {
  const [row] = await ws.all<{ n: bigint }>('SELECT count(DISTINCT table_name) AS n FROM sources WHERE table_name IS NOT NULL');
  return Number(row?.n ?? 0n);
}

/** The sizes from which a table of calls stays apart: the defaults above, or a test's own. */
export type OwnTableThresholds = {
  /** Always from this many calls (default ownTableMinCalls); a test's own value stands alone, without the mid-size rule. */
  readonly ownTableMinCalls?: number | undefined;
  /** From this many calls while the workspace holds fewer than midSizeOwnTables tables (default midSizeMinCalls). */
  readonly midSizeMinCalls?: number | undefined;
};

/**
 * Whether a file's calls keep a table of their own (a many-file scan's rule is its own: manyOwnTableMinCalls,
 * src/ingest/many.ts).
 */
export async function keepsOwnTable(ws: Workspace, calls: number, t: OwnTableThresholds): Promise<boolean> {
  if (t.ownTableMinCalls !== undefined) return calls >= t.ownTableMinCalls;
  return calls >= ownTableMinCalls || (calls >= (t.midSizeMinCalls ?? midSizeMinCalls) && (await ownTableCount(ws)) < midSizeOwnTables);
}

/** Writes the calls of a table of many files into `call_rows`, each with its file's provenance, and drops the table. */
export async function movePartsIntoCallRows(ws: Workspace, table: string, stored: ReadonlySet<string>, parts: string): Promise<void> {
  await ws.run(`INSERT INTO call_rows BY NAME SELECT * EXCLUDE (call_key) FROM (${partsCallsSql(table, stored, parts)})`);
  await ws.run(`DROP TABLE ${sqlIdent(table)}`);
}

/** Writes a file's calls into `call_rows` (defaults and provenance applied, as the view shows them) and drops its table. */
export async function moveIntoCallRows(ws: Workspace, t: FileTable, stored: ReadonlySet<string>): Promise<void> {
  await ws.run(`INSERT INTO call_rows BY NAME SELECT * EXCLUDE (call_key) FROM (${fileCallsSql(t, stored)})`);
  await ws.run(`DROP TABLE ${sqlIdent(t.table)}`);
}

/** The columns of the file tables (`calls_…`), or of one of them, by table. */
async function columnsByTable(ws: Workspace, table?: string): Promise<Map<string, Set<string>>> {
  const rows = await ws.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM duckdb_columns()
     WHERE schema_name = 'main' AND NOT internal AND starts_with(table_name, 'calls_')${table === undefined ? '' : ' AND table_name = $1'}`,
    table === undefined ? [] : [table],
  );
  const byTable = new Map<string, Set<string>>();
  for (const r of rows) byTable.set(r.table_name, (byTable.get(r.table_name) ?? new Set()).add(r.column_name));
  return byTable;
}

/** The columns a file's table holds. */
export async function storedColumns(ws: Workspace, table: string): Promise<Set<string>> {
  return (await columnsByTable(ws, table)).get(table) ?? new Set();
}

type ViewTable = {
  /** A file's own table (fileArm), or a table of many files read in one scan (partsArm). */
  readonly kind: 'file' | 'parts';
  readonly table: FileTable;
  readonly stored: ReadonlySet<string>;
  readonly ordinal: number;
};

/**
 * The tables of the view, in the order they were written (the ordinal makes their call_keys), with their columns.
 * A table of many files (source_parts) is one entry, with its first file's source and their one format.
 */
async function viewTables(ws: Workspace): Promise<ViewTable[]> {
  const tables = await ws.all<{ source_id: string; file: string; format: string; table_name: string; parts: boolean }>(
    `SELECT table_name, any_value(source_id) AS source_id, any_value(file) AS file, any_value(format) AS format,
       bool_or(source_id IN (SELECT source_id FROM source_parts)) AS parts
     FROM sources WHERE table_name IS NOT NULL GROUP BY table_name ORDER BY min(ingested_at), min(source_id)`,
  );
  const stored = await columnsByTable(ws); // one query, however many files
  return tables.map((f, i) => ({
    kind: f.parts ? 'parts' : 'file',
    table: { sourceId: f.source_id, file: f.file, format: f.format, table: f.table_name },
    stored: stored.get(f.table_name) ?? new Set(),
    ordinal: i + 1,
  }));
}

const armOf = (t: ViewTable): string =>
  t.kind === 'parts' ? partsArm(t.table.table, t.stored, t.ordinal, partsOfTableSql(t.table.table)) : fileArm(t.table, t.stored, t.ordinal);

// By name: a workspace older than a column has it at the end of call_rows (schema migrations).
const callRowsArm = `SELECT ${allCallColumns.map((c) => c.name).join(', ')}, rowid AS call_key FROM call_rows`;

/** call_rows as it is (its rows were written whole, with the defaults of their day), then the tables' arms with the defaults applied. */
const withCallRowsSql = (arms: readonly string[]): string =>
  arms.length === 0 ? callRowsArm : `${callRowsArm}\nUNION ALL\n${withDefaultsSql(arms.join('\nUNION ALL\n'))}`;

/**
 * Rebuilds the `calls` view over `call_rows` and every ingested table when its text differs from the stored one,
 * and says whether it did. The stored view carries a hash of its text as its comment: opening a workspace then
 * writes nothing when nothing changed (no catalog change, no checkpoint), which a what-if on an analysed
 * workspace would otherwise pay on every run.
 */
export async function refreshCallsView(ws: Workspace): Promise<boolean> {
  const arms = (await viewTables(ws)).map(armOf);
  const sql = `CREATE OR REPLACE VIEW calls AS\n${withCallRowsSql(arms)}`;
  const comment = `batchable view ${createHash('sha256').update(sql).digest('hex')}`;
  const [current] = await ws.all<{ comment: string | null }>("SELECT comment FROM duckdb_views() WHERE schema_name = 'main' AND view_name = 'calls' AND NOT temporary");
  if (current?.comment === comment) return false;
  await ws.run(sql);
  await ws.run(`COMMENT ON VIEW calls IS ${sqlString(comment)}`);
  return true;
}

// DuckDB binds and plans every arm of the `calls` view for any query on it (~1 ms an arm on an idle machine,
// several times that under load), however few columns or rows the query needs. Ingest asks about the calls held
// once per file, so with many files that keep a table of their own (a year of large daily exports) it reads the
// two queries below instead: the same rows as the view, from only the arms and columns the question needs.

/** `calls` restricted to the rows of one source format: call_rows and the tables of that format's files (same columns and call_keys). */
export async function callsOfFormatSql(ws: Workspace, format: string): Promise<string> {
  const arms = (await viewTables(ws)).filter((f) => f.table.format === format).map(armOf);
  return `SELECT * FROM (${withCallRowsSql(arms)}) WHERE source_format = ${sqlString(format)}`;
}

/** `SELECT call_id FROM calls`: every call held's id as the view computes it (a row without one gets its fallback id). */
export async function callIdsSql(ws: Workspace): Promise<string> {
  const type = allCallColumns.find((c) => c.name === 'call_id')?.type ?? 'VARCHAR';
  const arms = (await viewTables(ws)).map((t) => {
    // A table of many files: its arm's call_id (the join to its parts gives each row's fallback id).
    if (t.kind === 'parts') return `SELECT call_id FROM (${armOf(t)})`;
    const { table, stored } = t;
    const fallback = fallbackIdSql(table.sourceId, stored);
    const id = stored.has('call_id') ? `coalesce(call_id, ${fallback})` : fallback;
    return `SELECT CAST(${id} AS ${type}) AS call_id FROM (SELECT rowid AS _rowid, * FROM ${sqlIdent(table.table)}) WHERE ${keptRowsSql(stored)}`;
  });
  return ['SELECT call_id FROM call_rows', ...arms].join('\nUNION ALL\n');
}
