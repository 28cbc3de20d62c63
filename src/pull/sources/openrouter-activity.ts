// OpenRouter account activity: day × model × endpoint aggregates (ingested by the openrouter-activity adapter).
// Reference: https://openrouter.ai/docs/api/api-reference/analytics/get-user-activity-grouped-by-endpoint
// (GET /api/v1/activity?date=YYYY-MM-DD: the account's activity for one of the last 30 completed UTC days, {data:
// [{date, model, model_permaslug, endpoint_id, provider_name, usage, byok_usage_inference, requests, prompt_tokens,
// completion_tokens, reasoning_tokens}]}; a management key as a Bearer token). One request per day, no paging; the
// current day is not served until it has ended, so only completed days are asked for.
import { z } from 'zod';
import { endpoint, fromEnv, requireEnv, type PullSource } from '../source.ts';
import { dayMs, iso, type Range } from '../time.ts';

const schema = z.object({ data: z.array(z.object({ date: z.string() }).catchall(z.unknown())) });

const day = (t: number) => iso(t).slice(0, 10);

function requests(baseUrl: string, range: Range): URL[] {
  const urls: URL[] = [];
  for (let t = range.start; t < range.end; t += dayMs) {
    const url = endpoint(baseUrl, '/activity');
    url.searchParams.set('date', day(t));
    urls.push(url);
  }
  return urls;
}

const keyNames = ['OPENROUTER_MANAGEMENT_KEY', 'OPENROUTER_API_KEY'];
const keyHelp = 'an OpenRouter management key (openrouter.ai/settings/management-keys): the activity endpoint takes no other';

export const openrouterActivitySource: PullSource = {
  id: 'openrouter-activity',
  title: 'OpenRouter account activity (day × model)',
  reference: 'https://openrouter.ai/docs/api/api-reference/analytics/get-user-activity-grouped-by-endpoint',
  adapter: 'openrouter-activity',
  granularity: 'buckets',
  fixedWidth: '1d',
  completedOnly: true,
  settleMs: 0,
  defaultBaseUrl: 'https://openrouter.ai/api/v1',
  baseUrlEnv: 'OPENROUTER_BASE_URL',
  auth: { envVars: 'OPENROUTER_MANAGEMENT_KEY', permission: keyHelp },
  credentials: (env) => {
    const key = requireEnv(env, keyNames, `set it to ${keyHelp} (OPENROUTER_API_KEY is read too)`);
    return { headers: { authorization: `Bearer ${key}` }, secrets: [key] };
  },
  redactedHeaders: (env) => ({ authorization: `Bearer ${fromEnv(env.OPENROUTER_MANAGEMENT_KEY ? 'OPENROUTER_MANAGEMENT_KEY' : env.OPENROUTER_API_KEY ? 'OPENROUTER_API_KEY' : 'OPENROUTER_MANAGEMENT_KEY', env)}` }),
  firstRequests: (baseUrl, range) => requests(baseUrl, range),
  async *fetchPages(ctx) {
    for (const url of requests(ctx.baseUrl, ctx.range)) {
      const asked = url.searchParams.get('date') ?? '';
      const what = `activity of ${asked}`;
      const page = await ctx.client.getPage(url, schema, what);
      const other = page.data.find((row) => row.date.slice(0, 10) !== asked);
      // A row of another day would overlap that day's file and be counted twice.
      if (other) throw ctx.client.malformed(url, what, `a row dated ${JSON.stringify(other.date.slice(0, 20))} in the answer for ${asked}`);
      yield { body: page, buckets: 1, records: page.data.length };
    }
  },
};
