import type { Workspace } from '../workspace.ts';

export type UsageByModelRow = {
  provider: string | null;
  model: string;
  lane: string;
  rows: bigint;
  requests: bigint | null;
  input_tokens: bigint;
  cache_read_tokens: bigint | null;
  cache_write_tokens: bigint | null;
  output_tokens: bigint;
};

/** Rows, requests and tokens per provider, model and lane. NULL sums stay NULL: unknown is not zero. */
export function selectUsageByModel(ws: Workspace): Promise<UsageByModelRow[]> {
  return ws.all<UsageByModelRow>(`
    SELECT provider, model, lane, count(*)::BIGINT AS rows, sum(requests)::BIGINT AS requests,
           sum(input_tokens)::BIGINT AS input_tokens, sum(cache_read_tokens)::BIGINT AS cache_read_tokens,
           CASE WHEN count(cache_write_5m_tokens) + count(cache_write_1h_tokens) + count(cache_write_unknown_tokens) > 0
                THEN (coalesce(sum(cache_write_5m_tokens), 0) + coalesce(sum(cache_write_1h_tokens), 0)
                      + coalesce(sum(cache_write_unknown_tokens), 0))::BIGINT END AS cache_write_tokens,
           sum(output_tokens)::BIGINT AS output_tokens
    FROM calls GROUP BY ALL ORDER BY sum(input_tokens) + sum(output_tokens) DESC, model`);
}
