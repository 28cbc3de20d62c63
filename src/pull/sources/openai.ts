// OpenAI Usage API, read with an admin key (ingested by the openai-usage adapter).
// Reference: https://platform.openai.com/docs/api-reference/usage (GET /v1/organization/usage/completions,
// /embeddings; query start_time (Unix s, inclusive), end_time (exclusive), bucket_width 1m|1h|1d, group_by[],
// limit (1d: max 31, 1h: 168, 1m: 1440), page = the previous page's next_page while has_more), as written in
// openai/openai-openapi openapi.yaml and the cookbook https://cookbook.openai.com/examples/completions_usage_api.
// Only the completions and embeddings endpoints are pulled: the other usage endpoints count images, seconds,
// characters or bytes, which the catalog does not price (the adapter would skip their rows as not token usage).
import { z } from 'zod';
import { endpoint, fromEnv, requireEnv, type PullSource } from '../source.ts';
import type { BucketWidth, Range } from '../time.ts';
import { fromUnixSeconds, usagePages, usagePageSchema } from './usage-pages.ts';

const limits: Record<BucketWidth, number> = { '1d': 31, '1h': 168, '1m': 1440 };

const endpoints = [
  // batch and service_tier give each row its lane; project and key are what workloads are told apart by.
  { path: '/organization/usage/completions', groupBy: ['model', 'project_id', 'api_key_id', 'batch', 'service_tier'] },
  // The embeddings result has no batch or service_tier fields to group by.
  { path: '/organization/usage/embeddings', groupBy: ['model', 'project_id', 'api_key_id'] },
] as const;

const schema = usagePageSchema('start_time', 'end_time', z.number().int());

function requests(baseUrl: string, range: Range, width: BucketWidth): URL[] {
  return endpoints.map(({ path, groupBy }) => {
    const url = endpoint(baseUrl, path);
    url.searchParams.set('start_time', String(range.start / 1000));
    url.searchParams.set('end_time', String(Math.ceil(range.end / 1000)));
    url.searchParams.set('bucket_width', width);
    for (const g of groupBy) url.searchParams.append('group_by[]', g);
    url.searchParams.set('limit', String(limits[width]));
    return url;
  });
}

const keyHelp = 'an OpenAI admin key (sk-admin-…, Settings → Organization → Admin keys), whose owner can read the organization\'s usage';

export const openaiSource: PullSource = {
  id: 'openai',
  title: 'OpenAI Usage API (completions, embeddings)',
  reference: 'https://platform.openai.com/docs/api-reference/usage',
  adapter: 'openai-usage',
  granularity: 'buckets',
  defaultWidth: '1m',
  // OpenAI documents no reporting delay for the Usage API; an hour is a conservative margin for late rows.
  settleMs: 3_600_000,
  defaultBaseUrl: 'https://api.openai.com/v1',
  baseUrlEnv: 'OPENAI_BASE_URL',
  auth: { envVars: 'OPENAI_ADMIN_KEY', permission: `${keyHelp} (read access to Usage)` },
  credentials: (env) => {
    const key = requireEnv(env, ['OPENAI_ADMIN_KEY'], `set it to ${keyHelp}`);
    return { headers: { authorization: `Bearer ${key}` }, secrets: [key] };
  },
  redactedHeaders: (env) => ({ authorization: `Bearer ${fromEnv('OPENAI_ADMIN_KEY', env)}` }),
  firstRequests: requests,
  async *fetchPages(ctx) {
    const urls = requests(ctx.baseUrl, ctx.range, ctx.width);
    for (const [i, url] of urls.entries()) {
      const label = endpoints[i]?.path.split('/').pop() ?? 'usage';
      yield* usagePages(ctx.client, url, schema, { start: 'start_time', end: 'end_time', timeOf: fromUnixSeconds }, ctx.bounds, `${label} usage`);
    }
  },
};
