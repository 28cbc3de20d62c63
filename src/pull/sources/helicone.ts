// Helicone's request log, one record per proxied or logged request (ingested by the helicone-requests adapter).
// Reference: https://docs.helicone.ai/rest/request/post-v1requestquery-clickhouse and Helicone's own export tools
// (Helicone/helicone examples/export, the `helicone requests export` CLI): POST /v1/request/query-clickhouse with a
// JSON query {filter, offset, limit (up to 1,000), sort, isCached}, answer {data: [HeliconeRequest…], error}; POST
// /v1/request/count/query with {filter}, answer {data: <count>, error}; the API key as a Bearer token; EU accounts
// at https://eu.api.helicone.ai.
//
// Paging is by offset. Helicone's Postgres request store refused offsets past 10,000 (jawn
// valhalla/jawn/src/lib/stores/request/request.ts, getRequests: "unsupport offset value"); its ClickHouse query takes
// any offset, but a deep one makes the store skip that many rows on every page. So a window is counted first and split
// in halves until each part holds at most 10,000 + 1,000 requests; each part is then read page by page, oldest
// first, until its count is reached or a page comes back empty. A request logged in a part while it is being read
// can shift a record onto the next page: it is fetched twice, and its request_id makes the second copy a counted
// duplicate; none is lost. Responses served from Helicone's own cache are not asked for (isCached false).
import { z } from 'zod';
import { BatchableError } from '../../errors.ts';
import type { HttpClient } from '../http.ts';
import { endpoint, fromEnv, maxPagesPerQuery, requireEnv, type Page, type PullSource } from '../source.ts';
import { describeRange, type Range } from '../time.ts';

/** The largest page Helicone serves (limit 1,000), and the deepest offset a part is read to (the Postgres store's limit). */
export const heliconePaging = { pageSize: 1_000, maxOffset: 10_000 } as const;

const pageSchema = z.object({ data: z.array(z.record(z.string(), z.unknown())) });
const countSchema = z.object({ data: z.number().int().nonnegative() });

/** Requests created in [start, end): Helicone's filter tree, one leaf per bound. */
const filterOf = (range: Range) => ({
  left: { request_response_rmt: { request_created_at: { gte: new Date(range.start).toISOString() } } },
  operator: 'and',
  right: { request_response_rmt: { request_created_at: { lt: new Date(range.end).toISOString() } } },
});

const queryBody = (range: Range, offset: number) => ({
  filter: filterOf(range),
  offset,
  limit: heliconePaging.pageSize,
  sort: { created_at: 'asc' },
  isCached: false,
  includeInputs: false,
  isScored: false,
  isPartOfExperiment: false,
});

const queryUrl = (baseUrl: string) => endpoint(baseUrl, '/v1/request/query-clickhouse');
const countUrl = (baseUrl: string) => endpoint(baseUrl, '/v1/request/count/query');

/**
 * The parts of `range` each small enough for offset paging (at most maxOffset + pageSize requests), with their
 * counts: halves of a window that holds more, recursively. `count` asks the API. A part that cannot be split (one
 * millisecond) and still holds more is an error, not a silent cut.
 */
export async function heliconeParts(range: Range, count: (r: Range) => Promise<number>): Promise<{ range: Range; count: number }[]> {
  const n = await count(range);
  const limit = heliconePaging.maxOffset + heliconePaging.pageSize;
  if (n <= limit) return [{ range, count: n }];
  if (range.end - range.start <= 1) {
    throw new BatchableError(`helicone: ${n} requests created within one millisecond (${describeRange(range)}): more than one query can page through; nothing from this pull was ingested.`);
  }
  const middle = range.start + Math.floor((range.end - range.start) / 2);
  return [...(await heliconeParts({ start: range.start, end: middle }, count)), ...(await heliconeParts({ start: middle, end: range.end }, count))];
}

/** A part's pages, oldest first: the first always (an empty window is one empty page), then on to its count. */
async function* partPages(client: HttpClient, baseUrl: string, part: { range: Range; count: number }): AsyncGenerator<Page> {
  let offset = 0;
  for (let n = 1; n <= maxPagesPerQuery; n += 1) {
    const body = await client.postPage(queryUrl(baseUrl), queryBody(part.range, offset), pageSchema, `page ${n} of requests ${describeRange(part.range)}`);
    const records = body.data.length;
    yield { body, buckets: 0, records };
    offset += records;
    if (records === 0 || offset >= part.count) return;
  }
  throw client.malformed(queryUrl(baseUrl), `requests ${describeRange(part.range)}`, `more than ${maxPagesPerQuery} pages`);
}

const keyHelp = 'a Helicone API key (Settings → API Keys) with read access to the organization\'s requests';

export const heliconeSource: PullSource = {
  id: 'helicone',
  title: 'Helicone request log',
  reference: 'https://docs.helicone.ai/rest/request/post-v1requestquery-clickhouse',
  adapter: 'helicone-requests',
  granularity: 'calls',
  // Helicone logs through a queue after the response; fifteen minutes is our margin for a late record (Helicone
  // documents none).
  settleMs: 15 * 60_000,
  defaultBaseUrl: 'https://api.helicone.ai',
  baseUrlEnv: 'HELICONE_BASE_URL',
  auth: { envVars: 'HELICONE_API_KEY', permission: keyHelp },
  credentials: (env) => {
    const key = requireEnv(env, ['HELICONE_API_KEY'], `set it to ${keyHelp}`);
    return { headers: { authorization: `Bearer ${key}` }, secrets: [key] };
  },
  redactedHeaders: (env) => ({ authorization: `Bearer ${fromEnv('HELICONE_API_KEY', env)}` }),
  firstRequests: (baseUrl, range) => [{ url: countUrl(baseUrl), body: { filter: filterOf(range) } }, { url: queryUrl(baseUrl), body: queryBody(range, 0) }],
  async *fetchPages(ctx) {
    const count = async (range: Range) =>
      (await ctx.client.postPage(countUrl(ctx.baseUrl), { filter: filterOf(range) }, countSchema, `the count of requests ${describeRange(range)}`)).data;
    for (const part of await heliconeParts(ctx.range, count)) yield* partPages(ctx.client, ctx.baseUrl, part);
  },
};
