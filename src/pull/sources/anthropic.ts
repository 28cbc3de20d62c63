// Anthropic Admin API messages usage report (ingested by the anthropic-usage-report adapter).
// Reference: https://platform.claude.com/docs/en/api/admin/usage_report/retrieve_messages
// (GET /v1/organizations/usage_report/messages; starting_at (RFC 3339, buckets snapped to the UTC minute, hour or
// day), ending_at, bucket_width 1d|1h|1m, group_by[], limit (1d: max 31, 1h: 168, 1m: 1440), page = next_page while
// has_more; headers x-api-key and anthropic-version: 2023-06-01).
import { z } from 'zod';
import { endpoint, fromEnv, requireEnv, type PullSource } from '../source.ts';
import { iso, type BucketWidth, type Range } from '../time.ts';
import { fromRfc3339, usagePages, usagePageSchema } from './usage-pages.ts';

const limits: Record<BucketWidth, number> = { '1d': 31, '1h': 168, '1m': 1440 };

// service_tier gives the lane (batch, priority, flex…); context_window the long-context tier; key and workspace
// tell workloads apart.
const groupBy = ['model', 'api_key_id', 'workspace_id', 'service_tier', 'context_window'];

const schema = usagePageSchema('starting_at', 'ending_at', z.string());

function requests(baseUrl: string, range: Range, width: BucketWidth): URL[] {
  const url = endpoint(baseUrl, '/v1/organizations/usage_report/messages');
  url.searchParams.set('starting_at', iso(range.start));
  url.searchParams.set('ending_at', iso(range.end));
  url.searchParams.set('bucket_width', width);
  for (const g of groupBy) url.searchParams.append('group_by[]', g);
  url.searchParams.set('limit', String(limits[width]));
  return [url];
}

const keyNames = ['ANTHROPIC_ADMIN_KEY', 'ANTHROPIC_ADMIN_API_KEY'];
const keyHelp = 'an Anthropic Admin API key (sk-ant-admin…), which only organization members with the admin role can create in the Console';

export const anthropicSource: PullSource = {
  id: 'anthropic',
  title: 'Anthropic Admin API usage report (messages)',
  reference: 'https://platform.claude.com/docs/en/api/admin/usage_report/retrieve_messages',
  adapter: 'anthropic-usage-report',
  granularity: 'buckets',
  defaultWidth: '1m',
  // Anthropic reports usage in batches, "typically within 4 hours and occasionally up to 24 hours" (as the
  // Estuary connector's docs put it, https://docs.estuary.dev/reference/Connectors/capture-connectors/anthropic/).
  settleMs: 86_400_000,
  defaultBaseUrl: 'https://api.anthropic.com',
  baseUrlEnv: 'ANTHROPIC_BASE_URL',
  auth: { envVars: 'ANTHROPIC_ADMIN_KEY', permission: keyHelp },
  credentials: (env) => {
    const key = requireEnv(env, keyNames, `set it to ${keyHelp} (ANTHROPIC_ADMIN_API_KEY is read too)`);
    return { headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01' }, secrets: [key] };
  },
  redactedHeaders: (env) => ({ 'x-api-key': fromEnv(env.ANTHROPIC_ADMIN_KEY ? 'ANTHROPIC_ADMIN_KEY' : env.ANTHROPIC_ADMIN_API_KEY ? 'ANTHROPIC_ADMIN_API_KEY' : 'ANTHROPIC_ADMIN_KEY', env), 'anthropic-version': '2023-06-01' }),
  firstRequests: requests,
  async *fetchPages(ctx) {
    const [url] = requests(ctx.baseUrl, ctx.range, ctx.width);
    if (url) yield* usagePages(ctx.client, url, schema, { start: 'starting_at', end: 'ending_at', timeOf: fromRfc3339 }, ctx.bounds, 'usage_report/messages');
  },
};
