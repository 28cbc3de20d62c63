// A LiteLLM proxy's spend logs, one row per proxied call (ingested by the litellm-spendlogs adapter).
// Reference: https://docs.litellm.ai/docs/proxy/cost_tracking and the proxy's own handlers in BerriAI/litellm
// litellm/proxy/spend_tracking/spend_management_endpoints.py: GET /spend/logs/v2 (the paginated form of /spend/logs:
// start_date and end_date as "YYYY-MM-DD HH:MM:SS" in UTC, both inclusive on startTime; page from 1; page_size up to
// 100; answer {data, total, page, page_size, total_pages}); a master or admin key as a Bearer token.
// The inclusive end means a call starting exactly on a window's end is fetched by both windows: its request_id
// makes the second copy a counted duplicate.
import { z } from 'zod';
import { endpoint, fromEnv, requireEnv, type PullSource } from '../source.ts';
import { sqlTime, type Range } from '../time.ts';
import { numberedPages } from './numbered-pages.ts';

const schema = z.object({ data: z.array(z.record(z.string(), z.unknown())), total_pages: z.number().int().nonnegative() });

function requests(baseUrl: string, range: Range): URL[] {
  const url = endpoint(baseUrl, '/spend/logs/v2');
  url.searchParams.set('start_date', sqlTime(range.start));
  url.searchParams.set('end_date', sqlTime(range.end));
  url.searchParams.set('page_size', '100');
  url.searchParams.set('page', '1');
  return [url];
}

const keyNames = ['LITELLM_PROXY_API_KEY', 'LITELLM_MASTER_KEY'];
const keyHelp = "the proxy's master key, or a key of a proxy admin (role proxy_admin or proxy_admin_viewer), which may read every team's spend logs";

export const litellmSource: PullSource = {
  id: 'litellm',
  title: 'LiteLLM proxy spend logs',
  reference: 'https://docs.litellm.ai/docs/proxy/cost_tracking',
  adapter: 'litellm-spendlogs',
  granularity: 'calls',
  // The proxy writes spend logs in batches (about every minute by default); five minutes covers a slow flush.
  settleMs: 5 * 60_000,
  defaultBaseUrl: undefined,
  baseUrlEnv: 'LITELLM_PROXY_URL',
  auth: { envVars: 'LITELLM_PROXY_API_KEY', permission: keyHelp },
  credentials: (env) => {
    const key = requireEnv(env, keyNames, `set it to ${keyHelp} (LITELLM_MASTER_KEY is read too)`);
    return { headers: { authorization: `Bearer ${key}` }, secrets: [key] };
  },
  redactedHeaders: (env) => ({ authorization: `Bearer ${fromEnv(env.LITELLM_PROXY_API_KEY ? 'LITELLM_PROXY_API_KEY' : env.LITELLM_MASTER_KEY ? 'LITELLM_MASTER_KEY' : 'LITELLM_PROXY_API_KEY', env)}` }),
  firstRequests: (baseUrl, range) => requests(baseUrl, range),
  async *fetchPages(ctx) {
    const [url] = requests(ctx.baseUrl, ctx.range);
    if (!url) return;
    yield* numberedPages(
      ctx.client,
      url,
      schema,
      (page: z.output<typeof schema>) => ({ records: page.data.length, totalPages: page.total_pages }),
      'page',
      'spend logs',
    );
  },
};
