// Per-call evidence read straight off a row: the billed lane, streaming / time to first token, a cancelled
// generation, and the input size of embedding requests (bulk documents vs one short query).

/** Already billed on a discounted async lane: non-blocking, and already discounted. */
export const discountedLaneSql = `coalesce(lane IN ('batch', 'flex'), false)`;

/** Someone watched tokens arrive: the call streamed, or reports a time to first token. */
export const streamedSql = `coalesce(streamed, false) OR coalesce(ttft_ms > 0, false)`;

/** Someone pressed stop. */
export const cancelledSql = `coalesce(cancelled, false)`;

/** Someone pays to wait less. */
export const priorityLaneSql = `coalesce(lane = 'priority', false)`;

/** Input tokens, cache reads and writes included, of a row (`t`: the table alias with its dot, or none). */
export const inputTokensSql = (t = ''): string =>
  `(coalesce(${t}input_tokens, 0) + coalesce(${t}cache_read_tokens, 0) + coalesce(${t}cache_write_5m_tokens, 0)
  + coalesce(${t}cache_write_1h_tokens, 0) + coalesce(${t}cache_write_unknown_tokens, 0))`;

/** Input tokens per request, cache included (a bucket's average); NULL for buckets without a request count. */
export const inputPerRequestSql = `${inputTokensSql()} / nullif(coalesce(requests, CASE WHEN granularity = 'bucket' THEN NULL ELSE 1 END), 0)`;

/** Embedding inputs at or above this many tokens per request are documents in bulk; at or below the next, a query. */
export const bulkEmbeddingTokens = 2000;
export const queryEmbeddingTokens = 256;
