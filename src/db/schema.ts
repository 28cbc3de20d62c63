// The canonical `calls` table (docs/architecture.md "Tables and views") and the bookkeeping tables, as data:
// the DDL, the ingest casts and the README's column list are all generated from these lists.

export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMPTZ' | 'JSON' | 'DECIMAL(20,9)';

export type ColumnSpec = { readonly name: string; readonly type: ColumnType; readonly doc: string };

/** Columns an adapter may fill. Everything it leaves out is NULL: missing is unknown, never 0. */
export const callColumns = [
  { name: 'call_id', type: 'VARCHAR', doc: "the source's request id, else a stable id from (file hash, line, path)" },
  { name: 'granularity', type: 'VARCHAR', doc: '`call`, or `bucket` for aggregated rows' },
  { name: 'ts', type: 'TIMESTAMPTZ', doc: 'call start, or bucket start' },
  { name: 'ended_at', type: 'TIMESTAMPTZ', doc: 'call end, or bucket end (exclusive)' },
  { name: 'ttft_ms', type: 'DOUBLE', doc: 'time to first token, ms (seconds in Langfuse and OTel are converted)' },
  { name: 'latency_ms', type: 'DOUBLE', doc: 'total latency, ms' },
  { name: 'provider', type: 'VARCHAR', doc: 'openai, anthropic, google, deepseek… (inferred from the model when absent)' },
  { name: 'model', type: 'VARCHAR', doc: 'as the source names it; resolved to a catalog id when priced' },
  { name: 'model_display', type: 'VARCHAR', doc: 'display name, when the source gives one' },
  { name: 'operation', type: 'VARCHAR', doc: 'chat, responses, completions, embeddings, audio, image, other' },
  { name: 'lane', type: 'VARCHAR', doc: 'how it was billed: standard, batch, flex, priority' },
  { name: 'lane_source', type: 'VARCHAR', doc: 'reported (the source says) or inferred (assumed standard)' },
  { name: 'service_tier_raw', type: 'VARCHAR', doc: 'the tier text verbatim (default, scale, priority_on_demand…)' },
  { name: 'speed', type: 'VARCHAR', doc: 'standard or fast (Anthropic fast mode)' },
  { name: 'context_tier', type: 'VARCHAR', doc: 'long-context tier as reported (0-200k, 200k-1M)' },
  { name: 'inference_geo', type: 'VARCHAR', doc: 'inference region as reported' },
  { name: 'streamed', type: 'BOOLEAN', doc: 'NULL when unknown' },
  { name: 'cancelled', type: 'BOOLEAN', doc: 'NULL when unknown' },
  { name: 'status', type: 'VARCHAR', doc: 'success / error, as reported' },
  { name: 'finish_reason', type: 'VARCHAR', doc: 'stop, length, tool_use…' },
  { name: 'requests', type: 'BIGINT', doc: '1 for a call; N for a bucket; NULL when the source does not say' },
  { name: 'input_tokens', type: 'BIGINT', doc: 'uncached input only (cache reads and writes excluded)' },
  { name: 'cache_read_tokens', type: 'BIGINT', doc: 'input read from the prompt cache' },
  { name: 'cache_write_5m_tokens', type: 'BIGINT', doc: 'cache writes with a 5-minute TTL' },
  { name: 'cache_write_1h_tokens', type: 'BIGINT', doc: 'cache writes with a 1-hour TTL' },
  { name: 'cache_write_unknown_tokens', type: 'BIGINT', doc: 'cache writes with no TTL split (priced at the 5-minute rate)' },
  { name: 'output_tokens', type: 'BIGINT', doc: 'output, reasoning included' },
  { name: 'reasoning_tokens', type: 'BIGINT', doc: 'the reasoning part of output, informational' },
  { name: 'input_tokens_reported', type: 'BIGINT', doc: "the source's own input figure, kept to audit the normalisation" },
  { name: 'web_search_requests', type: 'BIGINT', doc: 'server-side web searches' },
  // Audio is billed at its own rates, never as text: adapters take it out of input_tokens / cache_read_tokens /
  // output_tokens and put it here (issue 12).
  { name: 'audio_input_tokens', type: 'BIGINT', doc: 'audio input tokens, cached audio included; not in input_tokens or cache_read_tokens' },
  { name: 'audio_output_tokens', type: 'BIGINT', doc: 'audio output tokens; not in output_tokens' },
  // Image tokens likewise (OpenAI reports them per modality): priced at the model's image rates, where the catalog
  // has them; image input follows the text input rate unless the model publishes its own (src/pricing/charges.ts).
  { name: 'image_input_tokens', type: 'BIGINT', doc: 'uncached image input tokens; not in input_tokens' },
  { name: 'image_output_tokens', type: 'BIGINT', doc: 'image output tokens; not in output_tokens' },
  { name: 'api_key', type: 'VARCHAR', doc: 'API key id (or hash)' },
  { name: 'api_key_name', type: 'VARCHAR', doc: 'API key name or alias' },
  { name: 'project', type: 'VARCHAR', doc: 'OpenAI project, Anthropic workspace, team' },
  { name: 'user_id', type: 'VARCHAR', doc: 'end user or account' },
  { name: 'session_id', type: 'VARCHAR', doc: 'session / conversation id' },
  { name: 'trace_id', type: 'VARCHAR', doc: 'trace id (agent-loop detection)' },
  { name: 'parent_id', type: 'VARCHAR', doc: 'parent span / observation id' },
  { name: 'app', type: 'VARCHAR', doc: 'application, origin or service name' },
  { name: 'tags', type: 'JSON', doc: 'metadata / request tags / attributes, kept whole' },
  { name: 'reported_cost', type: 'DECIMAL(20,9)', doc: 'the cost the source states, USD (used to reconcile)' },
  { name: 'reported_cost_kind', type: 'VARCHAR', doc: 'list, billed or estimated' },
] as const satisfies readonly ColumnSpec[];

export type CallColumn = (typeof callColumns)[number]['name'];

/** Provenance columns the ingest engine fills itself. */
export const provenanceColumns = [
  { name: 'source_id', type: 'VARCHAR', doc: 'sha256 of the input file' },
  { name: 'source_file', type: 'VARCHAR', doc: 'the input file as given' },
  { name: 'source_row', type: 'BIGINT', doc: 'line in the file (NULL inside a JSON document: see source_path); in a CSV file with quoted fields over several lines or blank lines, the record\'s number (the header is 1), where rejects name the line itself' },
  { name: 'source_path', type: 'VARCHAR', doc: 'JSON pointer inside the line or document, when a record holds several rows' },
  { name: 'source_format', type: 'VARCHAR', doc: 'the adapter that read it' },
] as const satisfies readonly ColumnSpec[];

export const allCallColumns: readonly ColumnSpec[] = [...callColumns, ...provenanceColumns];

/** Tokens that must never be negative. */
export const tokenColumns = [
  'requests',
  'input_tokens',
  'cache_read_tokens',
  'cache_write_5m_tokens',
  'cache_write_1h_tokens',
  'cache_write_unknown_tokens',
  'output_tokens',
  'reasoning_tokens',
  'web_search_requests',
  'audio_input_tokens',
  'audio_output_tokens',
  'image_input_tokens',
  'image_output_tokens',
] as const satisfies readonly CallColumn[];

/** What every row needs to be a call: without these it is a reject. */
export const requiredColumns = ['ts', 'model', 'input_tokens', 'output_tokens'] as const satisfies readonly CallColumn[];

// Version 1's `calls` table: since version 2 it is `call_rows`, the view's fixed part.
const callsDdl = `CREATE TABLE calls (\n  ${allCallColumns.map((c) => `${c.name} ${c.type}`).join(',\n  ')}\n)`;

/** Ordered migrations: each runs once, in a transaction, and is recorded in schema_migrations. */
export const migrations: readonly { readonly version: number; readonly sql: readonly string[] }[] = [
  {
    version: 1,
    sql: [
      callsDdl,
      `CREATE TABLE sources (
        source_id VARCHAR PRIMARY KEY, file VARCHAR NOT NULL, format VARCHAR NOT NULL, bytes BIGINT,
        rows BIGINT NOT NULL, calls BIGINT NOT NULL, rejects BIGINT NOT NULL, duplicates BIGINT NOT NULL, skipped BIGINT NOT NULL,
        ingested_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)`,
      `CREATE TABLE rejects (
        source_id VARCHAR NOT NULL, file VARCHAR NOT NULL, line BIGINT, path VARCHAR,
        reason VARCHAR NOT NULL, raw VARCHAR, kind VARCHAR NOT NULL DEFAULT 'reject')`,
    ],
  },
  {
    // `calls` becomes a view over one table per ingested file (src/db/calls-view.ts). Rows loaded before this
    // migration stay in `call_rows`, which the view includes as they are.
    version: 2,
    sql: [
      'ALTER TABLE calls RENAME TO call_rows',
      'ALTER TABLE sources ADD COLUMN table_name VARCHAR',
      'CREATE VIEW calls AS SELECT *, rowid AS call_key FROM call_rows',
    ],
  },
  {
    // The audio columns. A workspace created before them gets them appended to `call_rows` (a new one has them
    // from version 1's DDL already); the view and moveIntoCallRows name call_rows' columns, never rely on order.
    version: 3,
    sql: [
      'ALTER TABLE call_rows ADD COLUMN IF NOT EXISTS audio_input_tokens BIGINT',
      'ALTER TABLE call_rows ADD COLUMN IF NOT EXISTS audio_output_tokens BIGINT',
    ],
  },
  {
    // The image-token columns, appended the same way.
    version: 4,
    sql: [
      'ALTER TABLE call_rows ADD COLUMN IF NOT EXISTS image_input_tokens BIGINT',
      'ALTER TABLE call_rows ADD COLUMN IF NOT EXISTS image_output_tokens BIGINT',
    ],
  },
  {
    // Many files read in one scan share one table (src/ingest/many.ts): each file is a part of it, its rows
    // tagged `_src` = `part`, its first row at rowid `first_row` (a CSV row's line is rowid - first_row + 2; a
    // JSONL row keeps its `_line`, and `first_row` is 0). A new
    // table, not a column of `sources`: DuckDB cannot replay an ALTER of a table with a current_timestamp default.
    version: 5,
    sql: [
      `CREATE TABLE source_parts (
        source_id VARCHAR PRIMARY KEY, table_name VARCHAR NOT NULL, part UBIGINT NOT NULL, first_row BIGINT NOT NULL)`,
    ],
  },
];
