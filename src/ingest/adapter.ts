// What an input-format adapter is. Adapters are declarative: they recognise a sample of a file and map
// its rows to canonical `calls` columns in SQL. DuckDB reads the file; JavaScript never loops over rows.
import type { CallColumn } from '../db/schema.ts';
import { sqlString } from '../db/sql.ts';

/** How the file is laid out, decided from its first bytes. */
export type ContainerKind = 'csv' | 'jsonl' | 'json' | 'parquet';

/** The first part of a file, decoded, for recognising its format. */
export type Sample = {
  readonly kind: ContainerKind;
  /** CSV field delimiter, as found on the header line. */
  readonly delimiter: string;
  /** CSV: quotes inside quoted fields are escaped with a backslash (`\"`) instead of doubled (sniff decides). */
  readonly backslashEscapes?: boolean | undefined;
  /** CSV header names, after `--map` renames. Empty for JSON. */
  readonly header: readonly string[];
  /** CSV: the header line as written (files with the same one can be read in one scan: src/ingest/many.ts). */
  readonly headerLine?: string | undefined;
  /** JSON key paths seen in the first records ("usage.input_tokens", "data.results.model"), after `--map`. */
  readonly keys: ReadonlySet<string>;
  /** The first records parsed (JSONL lines, or the elements of a small JSON document). */
  readonly records: readonly unknown[];
  /** For a JSON document: true when its top level is an array (each element is a record). */
  readonly arrayDocument: boolean;
  /** JSON and JSONL: true when `records` are not all the file's records (more than 50, or past the bytes sampled). */
  readonly partial?: boolean;
};

/** How an adapter's rows nest (Adapter.nestedCalls). */
export type NestedCalls = {
  /** What a row is called in the skip's reason: `span`, `observation`, `run`. */
  readonly rows: string;
  /**
   * True when a row's id is unique within its trace only (OpenTelemetry's span ids), so a parent is looked up in its
   * child's trace; false when ids are unique in the file (UUIDs: LangSmith's runs, Langfuse's observations), whose
   * stored trace id is left out of a root run or a lone generation (it says "no chain" to the labels).
   */
  readonly idsPerTrace: boolean;
  /**
   * The skips (their `_skip` text) of wrappers that sum their calls' usage (an agent's run), which are the calls when no
   * call below them is counted: the only place the usage is whole (Logfire's Claude Agent SDK spans keep it on
   * `invoke_agent`, their chat spans holding only partial counts).
   */
  readonly wrapperSkips?: readonly string[];
};

export type AdapterContext = {
  /**
   * The relation to select from. For CSV: a `read_csv(...)` call whose columns are all VARCHAR, named as in
   * the header; the adapter must keep one output row per input row. For JSON kinds: a table with
   * `_line` (line number, NULL inside a JSON document), `_elem` (JSON pointer of the record in a document, or '')
   * and `j` (the record as JSON); the adapter outputs `_line` and `_path` (the pointer of each output row).
   */
  readonly src: string;
  readonly kind: ContainerKind;
  /** CSV header (VARCHAR columns of `src`), before any `--map` rename. */
  readonly header: readonly string[];
  /** `--map source=canonical` pairs. */
  readonly map: ReadonlyMap<string, string>;
  /** The file's modification time, ISO 8601: the best time available for sources without per-row times. */
  readonly fileModifiedAt: string;
  /**
   * A JSONL scan of many files (src/ingest/many.ts): each row's own file's modification time, as an SQL expression
   * over `_line`. Adapters read the time through fileTimeSql, which prefers it.
   */
  readonly fileModifiedAtSql?: string | undefined;
  /**
   * JSON kinds, for an adapter that `readsRecordKeys`: the top-level keys that some record of `src` has. A field
   * under any other key is NULL in every row, so the adapter need not read it.
   */
  readonly recordKeys?: ReadonlySet<string> | undefined;
  /** True when `src`'s records hold only the adapter's recordFields already: a CSV read as records (csv-records.ts). */
  readonly recordsCut?: boolean | undefined;
  /** True when `src` holds the rows of the adapter's `unnests` already (large records unnested first): read them as they are. */
  readonly unnested?: boolean | undefined;
};

/**
 * A JSONL scan of many files numbers each line `part << 32 | line` (src/ingest/many.ts: the part is the file's place in
 * the scan), so that adapters carry a row's file through whatever they do as they carry its line. A file read alone
 * has lines under 2^32: part 0. These read and write that number.
 */
export const linePartSql = (line: string): string => `(${line} >> 32)`;
export const lineInPartSql = (line: string): string => `(${line} & 4294967295)`;
export const partLineSql = (part: string, line: string): string => `((${part})::BIGINT << 32) + (${line})`;

/** The file's modification time as SQL, for sources without per-row times: each row's own file's in a scan of many. */
export const fileTimeSql = (ctx: AdapterContext): string => ctx.fileModifiedAtSql ?? sqlString(ctx.fileModifiedAt);

/**
 * An adapter's SELECT yields canonical columns by name (any subset; the rest are NULL). Typed columns may be
 * given as text or JSON scalars: the engine converts them (bt_int, bt_ts…) and rejects rows whose values
 * cannot be read, naming the column and value. Derived values may use the bt_* macros of src/db/macros.ts.
 */
export type Adapter = {
  readonly id: string;
  readonly title: string;
  readonly kinds: readonly ContainerKind[];
  /** How the adapter recognises a file, for `batchable formats`. */
  readonly recognisedBy: string;
  readonly detect: (sample: Sample) => boolean;
  /** True when call_id comes from the source: duplicates are then skipped, within and across files. */
  readonly idsFromSource: boolean;
  /**
   * Set when a row's parent_id is the call_id of the row it is nested in (a trace's spans, runs or observations), and
   * one model call can be recorded again around itself (an app instrumented twice): rows with counted calls below them
   * are skipped (src/ingest/nested-calls.ts).
   */
  readonly nestedCalls?: NestedCalls;
  /** `costs`: the rows are billed costs (CostColumn), loaded into `billed_costs` for reconciliation, not calls. */
  readonly role?: 'costs';
  readonly select: (ctx: AdapterContext) => AdapterSelect;
  /**
   * True when the select joins or aggregates records of one file (Langfuse: a trace's observations read its user):
   * its JSON is read in one statement. Other adapters read each record alone, so large JSON is read in parts
   * (src/ingest/ingest.ts: writeInParts), each part a `src` of its own.
   */
  readonly joinsRecords?: true;
  /** True when the select reads only the fields whose key some record has (ctx.recordKeys, found by one pass over the records). */
  readonly readsRecordKeys?: true;
  /**
   * The only top-level fields of a record its select reads. The other fields are left out: every field the select
   * reads parses its record again, and a Langfuse observation's `input` and `output` (a LangSmith run's `inputs` and
   * `outputs`) hold whole prompts and completions. A CSV read as JSON records (joinsRecords: src/ingest/csv-records.ts)
   * keeps these columns only; the adapter's select cuts its JSON records of 1 KB or more (recordFieldsSql).
   */
  readonly recordFields?: readonly string[];
  /**
   * The rows the select reads out of `src`'s records (a usage page's results), as a SELECT. When records are large
   * (API pages: writeInParts reads them in parts), they are unnested into a table part by part, and the select reads
   * that table (ctx.unnested) in one statement: each part is a few records, one row group read by one thread, where
   * the table's many small rows are read by every core.
   */
  readonly unnests?: (src: string) => string;
};

/**
 * Canonical columns by name, plus `_line` and `_path` for JSON kinds, and `_skip`: a reason text for rows that
 * are not usage at all (a SPAN observation, an errored batch request that was not billed). Skipped rows are
 * recorded in `rejects` with kind 'skip' and counted apart from malformed rows. `_reject`: the adapter's own reason
 * for a row that is usage but cannot be priced, when it knows what the user should do (it replaces the engine's
 * generic "missing model").
 */
export type SelectList = Partial<Record<CallColumn | CostColumn | '_line' | '_path' | '_skip' | '_reject', string>>;

/**
 * The columns of a billed-cost row (src/ingest/costs.ts): cost exports state money, not tokens, and feed the
 * reconciliation (billed vs recomputed per model and day), never the calls.
 */
export type CostColumn = 'ts' | 'ended_at' | 'provider' | 'model' | 'line_item' | 'token_type' | 'lane' | 'project' | 'api_key'
  | 'cost_usd' | 'list_cost_usd' | 'quantity' | 'quantity_unit';

/** `SELECT <columns> FROM <from>`: `from` may hold joins and unnests over `ctx.src`. */
export type AdapterSelect = { readonly columns: SelectList; readonly from: string };

export function defineAdapter(adapter: Adapter): Adapter {
  return adapter;
}

/** True when every key is present in the sample's keys (JSON) or header (CSV). */
export function hasAll(sample: Sample, names: readonly string[]): boolean {
  return names.every((n) => sample.keys.has(n) || sample.header.includes(n));
}

export function hasAny(sample: Sample, names: readonly string[]): boolean {
  return names.some((n) => sample.keys.has(n) || sample.header.includes(n));
}

/** `j->>'$.a.b'`: a JSON field as text, NULL when absent or null. Path segments are code constants. */
export function jtext(path: string, from = 'j'): string {
  return `(${from}->>'$.${path}')`;
}
