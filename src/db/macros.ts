// SQL macros shared by every adapter, created on each connection. They turn the loose text of real
// exports into typed values and return NULL (never an error) when a value cannot be read, so the
// ingest engine can reject that row with a reason instead of failing the whole file.

/**
 * The provider a model name belongs to, as a SQL expression over `m`. Also written into the `calls` view, which
 * must not depend on this connection's macros (users open the workspace file with DuckDB's own CLI).
 */
export function providerOfModelSql(m: string): string {
  return `CASE
     WHEN ${m} IS NULL THEN NULL
     -- A Vertex AI resource name (projects/p/locations/l/publishers/google/models/gemini-2.5-flash, as OpenInference's
     -- vertexai instrumentation names the model) is Vertex's, not a provider called "projects".
     WHEN (starts_with(${m}, 'projects/') OR starts_with(${m}, 'publishers/')) AND contains(${m}, '/models/') THEN 'google-vertex'
     WHEN contains(${m}, '/') THEN split_part(${m}, '/', 1)
     WHEN regexp_matches(lower(${m}), '^(gpt|o[1-9]|chatgpt|text-embedding|davinci|babbage|whisper|tts|dall-e|omni-moderation|codex|computer-use)') THEN 'openai'
     WHEN starts_with(lower(${m}), 'claude') THEN 'anthropic'
     WHEN regexp_matches(lower(${m}), '^(gemini|gemma|text-embedding-0|textembedding|embedding-0|imagen|veo)') THEN 'google'
     WHEN starts_with(lower(${m}), 'deepseek') THEN 'deepseek'
     WHEN regexp_matches(lower(${m}), '^(mistral|codestral|ministral|pixtral|magistral|devstral|open-mistral)') THEN 'mistral'
     WHEN starts_with(lower(${m}), 'grok') THEN 'xai'
     WHEN starts_with(lower(${m}), 'command') THEN 'cohere'
     WHEN regexp_matches(lower(${m}), '^(llama|meta-llama)') THEN 'meta'
     WHEN starts_with(lower(${m}), 'qwen') THEN 'alibaba'
     ELSE NULL END`;
}

/**
 * A secret API key, its prefix captured: OpenAI's (sk-, sk-proj-, sk-svcacct-, sk-admin-), Anthropic's (sk-ant-api03-,
 * sk-ant-admin01-), OpenRouter's (sk-or-v1-), Langfuse's secret keys (sk-lf-), Groq's (gsk_), xAI's (xai-), Google's
 * (AIza). At least 16 characters after the prefix: an id such as sk-test or sk-1 is not a secret.
 */
export const secretKeyPattern = '(sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)[0-9]+-|or-v1-|lf-)?|gsk_|xai-|AIza)[A-Za-z0-9_-]{16,}';

export const macroSql = [
  // Integers as exports write them: "1200", "1200.0", 1200. A fractional value is not a token count: DuckDB's
  // own cast would round "85.5" and "15e-1" to 2, so wholeness is checked first, in DOUBLE (exact below 9e15;
  // DuckDB's text->DECIMAL cast would also do, but is ~15x slower). Text that is already a plain integer (it
  // reads back the same) skips the check: the common case, measured 2.5x cheaper.
  `CREATE OR REPLACE TEMP MACRO bt_int(x) AS CASE
     WHEN try_cast(x AS BIGINT)::VARCHAR = x::VARCHAR THEN try_cast(x AS BIGINT)
     WHEN try_cast(x AS DOUBLE) = trunc(try_cast(x AS DOUBLE)) THEN coalesce(
       try_cast(x AS BIGINT),
       CASE WHEN abs(try_cast(x AS DOUBLE)) < 9e15 THEN try_cast(try_cast(x AS DOUBLE) AS BIGINT) END) END`,
  `CREATE OR REPLACE TEMP MACRO bt_double(x) AS try_cast(x AS DOUBLE)`,
  // A number written with a decimal comma (`350,5`, `1.234,56`: a spreadsheet's CSV in such a locale, delimited by
  // `;`) as DuckDB reads numbers; other text as it is. Only for CSVs not delimited by commas (file-rows.ts).
  `CREATE OR REPLACE TEMP MACRO bt_decimal_comma(x) AS CASE
     WHEN contains(x::VARCHAR, ',') AND regexp_full_match(trim(x::VARCHAR), '-?([0-9]{1,3}(\\.[0-9]{3})+|[0-9]+),[0-9]+')
     THEN replace(replace(trim(x::VARCHAR), '.', ''), ',', '.') ELSE x::VARCHAR END`,
  // Money the source states: decimal text, or a float in scientific notation (4.2e-05).
  `CREATE OR REPLACE TEMP MACRO bt_dec(x) AS coalesce(try_cast(x AS DECIMAL(20,9)), try_cast(try_cast(x AS DOUBLE) AS DECIMAL(20,9)))`,
  // Text as exports write it: blank is NULL, padding is trimmed. Most values have neither, and are kept without
  // the copy trim() makes (it measured 0.8 s per 5M rows across seven columns).
  // (x < '!' holds for '' and for text that starts with a space: one byte comparison.)
  `CREATE OR REPLACE TEMP MACRO bt_text(x) AS CASE
     WHEN x::VARCHAR < '!' OR ends_with(x::VARCHAR, ' ') THEN nullif(trim(x::VARCHAR), '')
     ELSE x::VARCHAR END`,
  // 'true' and 'false' as such first; list_contains, not IN: DuckDB plans an IN list of five or more constants as a
  // hash join, which is slower and does not keep the rows in file order (the order CSV line numbers come from).
  `CREATE OR REPLACE TEMP MACRO bt_bool(x) AS CASE x::VARCHAR
     WHEN 'true' THEN true WHEN 'false' THEN false
     ELSE CASE
       WHEN list_contains(['true','t','1','yes','y'], lower(trim(x::VARCHAR))) THEN true
       WHEN list_contains(['false','f','0','no','n'], lower(trim(x::VARCHAR))) THEN false END END`,
  // Times: ISO 8601 text (zone-less text is UTC), or a Unix epoch in s, ms, µs or ns chosen by magnitude.
  `CREATE OR REPLACE TEMP MACRO bt_epoch(v) AS CASE
     WHEN v IS NULL OR isnan(v) OR isinf(v) THEN NULL
     WHEN abs(v) >= 1e17 THEN try(to_timestamp(v / 1e9))
     WHEN abs(v) >= 1e14 THEN try(to_timestamp(v / 1e6))
     WHEN abs(v) >= 1e11 THEN try(to_timestamp(v / 1e3))
     ELSE try(to_timestamp(v)) END`,
  // ISO text first (the common case); DuckDB reads no plain number as a time, so numbers fall through to epochs.
  // A CASE, not coalesce: only the rows that need it pay for the epoch branch.
  `CREATE OR REPLACE TEMP MACRO bt_ts(x) AS CASE
     WHEN try_cast(x AS TIMESTAMPTZ) IS NULL THEN bt_epoch(try_cast(x AS DOUBLE)) ELSE try_cast(x AS TIMESTAMPTZ) END`,
  // JSON text is kept, other text becomes a JSON string. A value already typed JSON (an adapter's json_object)
  // is not parsed again: typeof() is decided when the query is planned.
  `CREATE OR REPLACE TEMP MACRO bt_json(x) AS CASE WHEN x IS NULL THEN NULL
     WHEN typeof(x) = 'JSON' THEN x::JSON
     WHEN json_valid(x::VARCHAR) THEN x::JSON ELSE to_json(x::VARCHAR) END`,
  // An API key that is a secret (OpenAI sk-…, sk-proj-…, Anthropic sk-ant-…, OpenRouter sk-or-…, Langfuse sk-lf-…,
  // Groq gsk_…, xAI xai-…, Google AIza…) where exports put an id: kept as the providers' dashboards show a key, its
  // prefix and last four characters (sk-proj-…Xy9Q), so that no report, export or workspace file holds the secret.
  // Ids (key_abc, apikey_01…) and hashes pass unchanged. A prefix test first: most values are ids. Text as bt_text
  // reads it (trimmed, blank is NULL): the key column of calls and of billed cost rows alike.
  `CREATE OR REPLACE TEMP MACRO bt_key_text(x) AS CASE
     WHEN x IS NULL OR NOT (starts_with(x, 'sk') OR starts_with(x, 'gsk_') OR starts_with(x, 'xai-') OR starts_with(x, 'AIza')) THEN x
     WHEN regexp_full_match(x, '${secretKeyPattern}') THEN regexp_extract(x, '${secretKeyPattern}', 1) || '…' || right(x, 4)
     ELSE x END`,
  `CREATE OR REPLACE TEMP MACRO bt_key(x) AS bt_key_text(bt_text(x))`,
  // The provider a model name belongs to, for sources that do not say (our generic format, some logs).
  `CREATE OR REPLACE TEMP MACRO bt_provider(m) AS ${providerOfModelSql('m')}`,
  // Lane from a provider's service tier text. 'default', 'auto', 'scale', 'standard' bill on the standard lane.
  `CREATE OR REPLACE TEMP MACRO bt_lane(tier) AS CASE
     WHEN tier IS NULL THEN NULL
     WHEN list_contains(['batch', 'batches'], lower(tier)) THEN 'batch'
     WHEN list_contains(['flex', 'flex_discount'], lower(tier)) THEN 'flex'
     WHEN list_contains(['priority', 'priority_on_demand', 'fast', 'ultrafast'], lower(tier)) THEN 'priority'
     ELSE 'standard' END`,
] as const;
