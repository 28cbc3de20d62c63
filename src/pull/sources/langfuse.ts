// Langfuse observations of type GENERATION through the public API (ingested by the langfuse-observations adapter),
// with the traces created in the same window: observations carry no user or session (they live on the trace), so
// each window's file holds the trace pages too (GET /api/public/traces: fromTimestamp inclusive, toTimestamp
// exclusive, fields core and observations, so no inputs or outputs) and the adapter reads each trace's user,
// session, name and tags onto its observations. The traces are listed from an hour before the window
// (traceLookbackMs): a trace opened before the window (a session, an agent run that began at 23:50) holds
// observations in it. A trace listed twice, in its own window's file and the next, is not usage in either.
// Reference: https://langfuse.com/docs/api-and-data-platform/features/public-api and the OpenAPI spec
// https://cloud.langfuse.com/generated/api/openapi.yml (GET /api/public/observations: type, fromStartTime
// (inclusive), toStartTime (exclusive), page from 1, limit up to 100; answer {data, meta: {page, limit, totalItems,
// totalPages}}; HTTP basic auth, username the public key, password the secret key).
import { z } from 'zod';
import { endpoint, fromEnv, requireEnv, type PullSource } from '../source.ts';
import { iso, type Range } from '../time.ts';
import { numberedPages } from './numbered-pages.ts';

const schema = z.object({
  data: z.array(z.record(z.string(), z.unknown())),
  meta: z.object({ page: z.number().int(), totalPages: z.number().int().nonnegative() }),
});

/** How long before a window its traces are listed from: traces open before their observations start. */
export const traceLookbackMs = 60 * 60_000;

function requests(baseUrl: string, range: Range): URL[] {
  const url = endpoint(baseUrl, '/api/public/observations');
  url.searchParams.set('type', 'GENERATION');
  url.searchParams.set('fromStartTime', iso(range.start));
  url.searchParams.set('toStartTime', iso(range.end));
  url.searchParams.set('limit', '100');
  url.searchParams.set('page', '1');
  const traces = endpoint(baseUrl, '/api/public/traces');
  traces.searchParams.set('fromTimestamp', iso(range.start - traceLookbackMs));
  traces.searchParams.set('toTimestamp', iso(range.end));
  traces.searchParams.set('fields', 'core,observations');
  traces.searchParams.set('limit', '100');
  traces.searchParams.set('page', '1');
  return [url, traces];
}

const keyHelp = 'the project\'s API key pair from Langfuse → Project settings → API keys';

export const langfuseSource: PullSource = {
  id: 'langfuse',
  title: 'Langfuse observations (GENERATION)',
  reference: 'https://langfuse.com/docs/api-and-data-platform/features/public-api',
  adapter: 'langfuse-observations',
  granularity: 'calls',
  // Langfuse: data from older SDKs "can be delayed by up to 15 minutes" on the read APIs (Observations API docs).
  settleMs: 15 * 60_000,
  defaultBaseUrl: 'https://cloud.langfuse.com',
  baseUrlEnv: 'LANGFUSE_HOST',
  auth: { envVars: 'LANGFUSE_PUBLIC_KEY / LANGFUSE_SECRET_KEY', permission: `${keyHelp} (both keys of the same project)` },
  credentials: (env) => {
    const pub = requireEnv(env, ['LANGFUSE_PUBLIC_KEY'], `set it to the public key (pk-lf-…) of ${keyHelp}`);
    const secret = requireEnv(env, ['LANGFUSE_SECRET_KEY'], `set it to the secret key (sk-lf-…) of ${keyHelp}`);
    const token = Buffer.from(`${pub}:${secret}`).toString('base64');
    return { headers: { authorization: `Basic ${token}` }, secrets: [secret, token] };
  },
  redactedHeaders: (env) => ({ authorization: `Basic base64(${fromEnv('LANGFUSE_PUBLIC_KEY', env)}:${fromEnv('LANGFUSE_SECRET_KEY', env)})` }),
  firstRequests: (baseUrl, range) => requests(baseUrl, range),
  async *fetchPages(ctx) {
    const [observations, traces] = requests(ctx.baseUrl, ctx.range);
    if (!observations || !traces) return;
    const read = (page: z.output<typeof schema>) => ({ records: page.data.length, totalPages: page.meta.totalPages });
    yield* numberedPages(ctx.client, observations, schema, read, 'page', 'observations');
    yield* numberedPages(ctx.client, traces, schema, read, 'page', 'traces', false);
  },
};
