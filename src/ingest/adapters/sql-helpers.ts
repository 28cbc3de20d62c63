// SQL and detection helpers shared by several adapters: the uncached-input subtraction every source whose
// input figure includes cache tokens needs, the usage-page layout OpenAI's and Anthropic's reports share, a JSON
// document's fields in one parse, a CSV column by name, the records of `{data: [...]}` API pages, and gateways' provider names.
import { sqlIdent, sqlString } from '../../db/sql.ts';
import { hasAll, hasAny, type AdapterContext, type Sample } from '../adapter.ts';

/**
 * `total - part…` as text for the engine to convert. When `total` cannot be read it is passed through as is, so
 * the reject names the source value rather than a missing column; an unreadable part is rejected in its own column.
 */
export function uncached(total: string, ...parts: string[]): string {
  const minus = parts.map((p) => ` - coalesce(bt_int(${p}), 0)`).join('');
  return `CASE WHEN bt_int(${total}) IS NULL THEN ${total}::VARCHAR ELSE (bt_int(${total})${minus})::VARCHAR END`;
}

/** `a + b…` as text, the missing parts counting 0; NULL when the source reports none of them (unknown, not 0). */
export function sumOf(...parts: string[]): string {
  return `CASE WHEN ${parts.map((p) => `${p} IS NULL`).join(' AND ')} THEN NULL
    ELSE (${parts.map((p) => `coalesce(bt_int(${p}), 0)`).join(' + ')})::VARCHAR END`;
}

/**
 * A gateway's name for the provider that served a call, as the names the other adapters give: Helicone's (OPENAI,
 * ANTHROPIC, AZURE…, or its gateway's lower-case ones) and Portkey's slugs (`ai_org`: its gateway's src/globals.ts).
 * Other names pass through in lower case.
 */
export const gatewayProviderSql = (p: string) => `CASE lower(${p})
  WHEN 'azure' THEN 'azure-openai' WHEN 'bedrock' THEN 'amazon-bedrock' WHEN 'aws' THEN 'amazon-bedrock'
  WHEN 'vertex' THEN 'google-vertex' WHEN 'vertex-ai' THEN 'google-vertex' WHEN 'google-ai-studio' THEN 'google'
  WHEN 'x' THEN 'xai' WHEN 'x-ai' THEN 'xai' WHEN 'mistral-ai' THEN 'mistral' WHEN 'together-ai' THEN 'together'
  WHEN 'fireworks-ai' THEN 'fireworks' WHEN 'perplexity-ai' THEN 'perplexity' ELSE lower(${p}) END`;

/** True when the sample holds records and each is an object with all the given top-level keys. */
export function everyRecordHas(sample: Sample, keys: readonly string[]): boolean {
  return (
    sample.records.length > 0 &&
    sample.records.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r) && keys.every((k) => k in r))
  );
}

/**
 * The results of usage pages, one row each, for OpenAI's and Anthropic's usage reports alike. A record is a
 * page (`{data: [bucket…]}`) or, as scripts that collect every page's `data` often save it, a bare bucket.
 * Yields `_line`, `_path` (`<record>/data/<i>/results/<k>`), `bucket_start`, `bucket_end` (text) and `result`
 * (JSON). A page is read into its buckets' times and results in one parse (json_transform), not by extracting its
 * `data` list and then each bucket's `results` list, which parsed every byte three times and wrote it out twice: a
 * page of a day's minute buckets (1,440 buckets, 50,000 results, one row read by one thread) took 0.60 s so, 0.04 s
 * in one parse, to the same rows. Lists are unnested outside the projection that reads them (as pageRecords): a
 * bucket's JSON carried along every result row exhausts memory on large pages. A `results` that is not a list holds
 * no rows.
 */
export function usageResults(src: string, startKey: string, endKey: string): string {
  // The structures json_transform reads a page and a bare bucket into (the keys are code constants).
  const bucket = { [startKey]: 'VARCHAR', [endKey]: 'VARCHAR', results: ['JSON'] };
  const pageShape = sqlString(JSON.stringify({ data: [bucket] }));
  const bucketShape = sqlString(JSON.stringify(bucket));
  return `(SELECT _line, bucket_path || '/results/' || (generate_subscripts(results, 1) - 1) AS _path, bucket_start, bucket_end,
      unnest(results) AS result
    FROM (SELECT _line, bucket_path, bucket.${sqlIdent(startKey)} AS bucket_start, bucket.${sqlIdent(endKey)} AS bucket_end, bucket.results AS results
      FROM (SELECT _line, _elem || '/data/' || (generate_subscripts(buckets, 1) - 1) AS bucket_path, unnest(buckets) AS bucket
          FROM (SELECT _line, _elem, json_transform(j, ${pageShape}).data AS buckets FROM ${src})
        UNION ALL
        SELECT _line, _elem, json_transform(j, ${bucketShape}) FROM ${src} WHERE json_type(j, '$.data') IS NULL AND json_exists(j, '$.${startKey}')))) rr`;
}

/**
 * Usage pages whose buckets' times are under `startKey` and `endKey` (OpenAI's start_time/end_time, Anthropic's
 * starting_at/ending_at), for an adapter's select and its `unnests` alike, so the two read the same keys:
 * - `rows(ctx)`: usageResults with each result's fields read in one parse (jsonFields): `res(path)` is a field's text,
 *   as `rr.result->>'$.path'` is; `from()` is the FROM clause, to call once every field has been asked for. A page of
 *   minute buckets (1,440 buckets, 50,000 results) is one row, read by one thread: its twenty-odd fields parsed one by
 *   one took 1.1-1.3 s a page (a month of 100 keys' minutes, 1.5M results: 43 s to ingest). Over `ctx.unnested`
 *   rows (below), the results are read as they are.
 * - `unnests`: the adapter's `unnests`, the pages' results one row each (usageResults), as a SELECT.
 */
export function usagePages(startKey: string, endKey: string): {
  rows: (ctx: AdapterContext) => { res: (path: string) => string; from: () => string };
  unnests: (src: string) => string;
} {
  return {
    rows: (ctx) => {
      const fields = jsonFields('rr.result', '_bt_rf');
      const results = ctx.unnested === true ? `${ctx.src} rr` : usageResults(ctx.src, startKey, endKey);
      return { res: fields.field, from: () => `(SELECT rr.*, ${fields.extract()} AS _bt_rf FROM ${results}) rr` };
    },
    unnests: (src) => `SELECT _line, _path, bucket_start, bucket_end, result FROM ${usageResults(src, startKey, endKey)}`,
  };
}

/**
 * True for a usage page, an array of pages, JSONL of pages, or an array of bare buckets, whose buckets carry
 * `startKey`/`endKey` and `results`. A large document is only seen as bare key names: then `marker` (a field
 * only this report's results have) must appear too. Cost reports share the envelope and are not usage.
 */
export function isUsagePage(sample: Sample, startKey: string, endKey: string, marker: string, costKeys: readonly string[]): boolean {
  if (hasAny(sample, costKeys)) return false;
  const paged = hasAll(sample, [`data.${startKey}`, `data.${endKey}`, 'data.results']);
  const bareBuckets = everyRecordHas(sample, [startKey, endKey, 'results']);
  const largeDocument = sample.records.length === 0 && hasAll(sample, [startKey, endKey, 'results', marker]);
  return paged || bareBuckets || largeDocument;
}

/**
 * Fields of one JSON document read in a single parse. A `->>` parses the whole document each time it is used, so a
 * row read through twenty of them was parsed twenty times (LiteLLM SpendLogs: 40 µs a row, 4.5 s for 110,000 rows,
 * against 0.5 s for the same rows as CSV). `field(path)` names a slot of one list of text values and remembers the
 * path; `extract()` is the json_extract_string over every path asked for, to select as column `alias` in the FROM.
 * Ask for every field before calling `extract()`. Same values as `doc->>'$.path'`, path by path.
 */
export function jsonFields(doc: string, alias: string): { field: (path: string) => string; extract: () => string } {
  const paths: string[] = [];
  return {
    field: (path) => {
      if (!paths.includes(path)) paths.push(path);
      return `${alias}[${paths.indexOf(path) + 1}]`;
    },
    extract: () => (paths.length === 0 ? 'NULL::VARCHAR[]' : `json_extract_string(${doc}, [${paths.map((p) => sqlString(`$.${p}`)).join(', ')}])`),
  };
}

/** A CSV column by its (case-insensitive) name, after `--map` renames; a typed NULL when the export lacks it. */
export function csvColumn(ctx: AdapterContext, name: string): string {
  const source = ctx.header.find((h) => (ctx.map.get(h) ?? h).toLowerCase() === name.toLowerCase());
  return source === undefined ? 'NULL::VARCHAR' : sqlIdent(source);
}

/**
 * A record this long or longer (bytes of JSON text) is cut by recordFieldsSql; a shorter one is read whole. Cutting
 * parses a record once more, which pays where the fields no select reads are most of it (a Langfuse export's `input`
 * and `output`, whole prompts and completions: the statement that reads 20,000 Langfuse records of 8.8 KB took 0.70 s
 * cut against 1.93 s whole), and costs where they are not: 200,000 observations of about 450 bytes in API pages, every
 * record cut, took 2.88 s against 2.62 s.
 */
export const cutRecordBytes = 1024;

/**
 * The records of `from` (columns `_line`, `_path`, `rec`) with only the top-level `fields` kept in each object of
 * cutRecordBytes or more. A field absent stays absent and a field null stays null (its JSON text `null` is kept). A
 * record that is not an object, or is shorter, is kept whole. One parse of each long record: every field a select
 * then reads parses the record again. A CSV read as records is cut as it is read (src/ingest/csv-records.ts).
 */
export function recordFieldsSql(from: string, fields: readonly string[]): string {
  const kept = fields.map((f, i) => `CASE WHEN _fields[${i + 1}] IS NOT NULL THEN ${sqlString(`${JSON.stringify(f)}:`)} || _fields[${i + 1}] END`);
  const long = `strlen(rec::VARCHAR) >= ${cutRecordBytes} AND regexp_matches(rec::VARCHAR, '^\\s*\\{')`;
  return `(SELECT * EXCLUDE (_fields) REPLACE (CASE WHEN _fields IS NOT NULL THEN ('{' || concat_ws(',', ${kept.join(', ')}) || '}')::JSON ELSE rec END AS rec)
    FROM (SELECT *, CASE WHEN ${long} THEN json_extract(rec, [${fields.map((f) => sqlString(`$.${JSON.stringify(f)}`)).join(', ')}]) END AS _fields FROM ${from}))`;
}

/**
 * A JSON pointer (`_path`: `/data/10/observations/2`) as a key that orders records as they come in their document:
 * each number padded to 20 digits, so `/data/10` sorts after `/data/9`; as text it sorted after `/data/1`. Used where
 * rows are sorted into file order (by line, then this), and where the last of a line's records wins.
 */
export const pointerOrderSql = (path: string): string =>
  `list_transform(string_split(${path}, '/'), lambda s: CASE WHEN regexp_full_match(s, '[0-9]+') THEN lpad(s, 20, '0') ELSE s END)`;

/** Whether the text of JSON `json` names `key` as a key is plainly written (`"key"`): a text search, no parse. */
export const namesKeySql = (json: string, key: string): string => `contains(${json}::VARCHAR, ${sqlString(`"${key}"`)})`;

/**
 * Whether JSON `json` may hold `key`: its text names it, or holds a `\u` escape, which could spell it. A record that
 * may not need not be parsed to look for it (a Langfuse export's records hold whole prompts).
 */
export const mayHoldKeySql = (json: string, key: string): string => `(${namesKeySql(json, key)} OR contains(${json}::VARCHAR, '\\u'))`;

/**
 * The records of JSON documents that are API pages (`{data: [record…], …}`, or another `listKey`: LangSmith's `runs`) or
 * records themselves, one row each:
 * `_line`, `_path` (the page's pointer + `/data/<i>`, or the record's) and `rec`. The list is extracted in a
 * projection that holds only it and unnested outside it: a LATERAL unnest carried each page's whole document along
 * every one of its records (a 1,000-record Langfuse page of 537 KB: 9.3 GB of memory for an 82 MB file, out of
 * memory). `json_extract(j, '$.data[*]')`, not `try_cast(j->'data' AS JSON[])`: the cast took at least 4 times the
 * memory (343 MB of OTLP requests unnested: out of memory at 8.3 GB, against a 2.0 GB peak). A null element is a `null` JSON record.
 */
export function pageRecords(src: string, listKey = 'data'): string {
  // Only a record that may hold the key is parsed to see whether it is a page: each branch parsed every record once, a
  // Langfuse export's prompts and all.
  const mayBePage = mayHoldKeySql('j', listKey);
  return `(SELECT _line, _elem || '/${listKey}/' || (generate_subscripts(items, 1) - 1) AS _path, unnest(items) AS rec
      FROM (SELECT _line, _elem, json_extract(j, '$.${listKey}[*]') AS items FROM ${src} WHERE ${mayBePage} AND json_type(j->'${listKey}') = 'ARRAY')
    UNION ALL
    SELECT _line, _elem AS _path, j AS rec FROM ${src} WHERE j IS NOT NULL AND (NOT ${mayBePage} OR coalesce(json_type(j->'${listKey}'), '') <> 'ARRAY'))`;
}
