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

/**
 * A call's yes/no facts as _cls_calls keeps them: bits of one USMALLINT column, `flags`, not a BOOLEAN column each.
 * Writing the per-call table is most of its cost, column by column: at 5M calls (wide bench shape, five alternated runs
 * in fresh processes) the statement took 2.10-2.27 s with a column each, 1.72-1.91 s with them packed (and no rule
 * index or rule join when there are no rules), and labelling 5.48-6.03 -> 5.32-5.49 s. inChain, userLoop and offRun are
 * set later (classify.ts: `UPDATE … SET flags = flags | …`). Whether a row is a usage bucket stays a column of its
 * own (`bucket`), as most statements filter on it; the discounted lane is `lane_code > 0`.
 */
export const callFlags = { uncounted: 1, embedding: 2, streamed: 4, cancelled: 8, priority: 16, interactive: 32, inChain: 64, offRun: 128, userLoop: 256, inRun: 512 } as const;
export type CallFlag = keyof typeof callFlags;

/** The bits of the flags, together. */
const flagMask = (flags: readonly CallFlag[]): number => flags.reduce((mask, flag) => mask | callFlags[flag], 0);

/** Whether a _cls_calls row has the flag, or any of the flags (`alias`: the table's alias, or none). */
export const hasFlagSql = (flags: CallFlag | readonly CallFlag[], alias?: string): string =>
  `((${alias === undefined ? '' : `${alias}.`}flags & ${flagMask(typeof flags === 'string' ? [flags] : flags)}) <> 0)`;

/** The `flags` value of a row being written, from each flag's condition (the four set later start unset). */
export const packFlagsSql = (conditions: Readonly<Record<Exclude<CallFlag, 'inChain' | 'offRun' | 'userLoop' | 'inRun'>, string>>): string =>
  `(${Object.entries(conditions)
    .map(([flag, condition]) => `CASE WHEN ${condition} THEN ${callFlags[flag as CallFlag]} ELSE 0 END`)
    .join(' | ')})::USMALLINT`;

/** Input tokens not read from the cache (cache writes included) of a row (`t`: the table alias with its dot, or none). */
const freshInputTokensSql = (t: string): string =>
  `coalesce(${t}input_tokens, 0) + coalesce(${t}cache_write_5m_tokens, 0) + coalesce(${t}cache_write_1h_tokens, 0) + coalesce(${t}cache_write_unknown_tokens, 0)`;

/** Input tokens, cache reads and writes included, of a row (`t`: the table alias with its dot, or none). */
export const inputTokensSql = (t = ''): string => `(${freshInputTokensSql(t)} + coalesce(${t}cache_read_tokens, 0))`;

/**
 * Rows that count no requests (Anthropic's usage report and its Console export) are weighed by their tokens: one
 * request per this many fresh tokens (input not read from the cache, cache writes and output). Their volume over hours
 * and days is then their tokens' (when a key works, how much, on which days), which is what the time-shape signs read;
 * the estimate only sets the scale their floors are in (200 requests on a median day, 50 in an on-hour). Cache reads are
 * left out: a long cached context re-read is one request, not many, and agents and chats re-read theirs on every call.
 * The eval's tune orgs rendered through Anthropic's report scored the same at 1 h at 2,500 and at 5,000 fresh tokens
 * per request (and at 5,000 and 10,000 with cache reads in; 20,000 found less on two varied renderings), and differently
 * on a few day renderings; the larger of the two without cache reads is the cautious one (fewer requests: fewer floors
 * met). With it, their 1 h renderings are labelled within 0.2 points of spend of their OpenAI usage-API renderings,
 * which count requests (README, "Usage rows that count no requests").
 */
export const freshTokensPerEstimatedRequest = 5000;

/** A row's requests: its count, or for a row that counts none, its fresh tokens over freshTokensPerEstimatedRequest (at least one). */
export const weightSql = (t = ''): string =>
  `greatest(coalesce(${t}requests, round((${freshInputTokensSql(t)} + coalesce(${t}output_tokens, 0)) / ${freshTokensPerEstimatedRequest})::BIGINT), 1)`;

/** Input tokens per request, cache included (a bucket's average); NULL for buckets without a request count. */
export const inputPerRequestSql = `${inputTokensSql()} / nullif(coalesce(requests, CASE WHEN granularity = 'bucket' THEN NULL ELSE 1 END), 0)`;

/** Embedding inputs at or above this many tokens per request are documents in bulk; at or below the next, a query. */
export const bulkEmbeddingTokens = 2000;
export const queryEmbeddingTokens = 256;
