// SQL and detection helpers shared by several adapters: the uncached-input subtraction every source whose
// input figure includes cache tokens needs, and the usage-page layout OpenAI's and Anthropic's reports share.
import { hasAll, hasAny, type Sample } from '../adapter.ts';

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
 * (JSON). Lists are unnested as JSON[]: json_each is quadratic in the list length, and a bucket's JSON carried
 * along every result row exhausts memory on large pages. A `results` that is not a list holds no rows.
 */
export function usageResults(src: string, startKey: string, endKey: string): string {
  return `(SELECT _line, bucket_path || '/results/' || (generate_subscripts(results, 1) - 1) AS _path, bucket_start, bucket_end,
      unnest(results) AS result
    FROM (SELECT _line, bucket_path, bucket->>'$.${startKey}' AS bucket_start, bucket->>'$.${endKey}' AS bucket_end,
        try_cast(bucket->'$.results' AS JSON[]) AS results
      FROM (SELECT _line, _elem || '/data/' || (generate_subscripts(buckets, 1) - 1) AS bucket_path, unnest(buckets) AS bucket
          FROM (SELECT _line, _elem, try_cast(j->'$.data' AS JSON[]) AS buckets FROM ${src})
        UNION ALL
        SELECT _line, _elem, j FROM ${src} WHERE json_type(j, '$.data') IS NULL AND json_exists(j, '$.${startKey}')))) rr`;
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
