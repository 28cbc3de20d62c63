// Local stand-ins for the usage APIs `pull` reads, on 127.0.0.1 (node:http, started by the test). Each serves the
// reference examples in fixtures/pull/ repeated per hour, through the API's documented paging, auth and time
// filters, against the test's own clock: what has not happened by `clock.now` is not there, and the current
// bucket is partial. Faults (429, 500, 401, a malformed page) are queued by the test and answered once each.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from '../helpers/cli.ts';

export type SourceId = 'openai' | 'anthropic' | 'langfuse' | 'litellm' | 'helicone';
export type Clock = { now: number };
export type Reply = { status: number; headers?: Record<string, string>; body: string };
export type Fault = { match: (url: URL, n: number) => boolean; reply: Reply };

export type FakeApi = {
  readonly id: SourceId;
  /** The env a user would set: the key(s) and the base URL variable pointing here. */
  readonly env: Record<string, string>;
  /** The secrets in env, which must never be printed or written. */
  readonly secrets: readonly string[];
  readonly requests: URL[];
  /** The JSON body a request of `requests` sent (undefined for a GET). */
  bodyOf(request: URL): unknown;
  readonly faults: Fault[];
  /** Distinct rows (bucket results, or calls) the API holds with their time in [start, end), as of the clock. */
  rows(start: number, end: number): number;
  close(): Promise<void>;
};

const hour = 3_600_000;
const json = (path: string): unknown => JSON.parse(readFileSync(fixture(`pull/${path}`), 'utf8'));
const completions = json('openai-completions-results.json') as unknown[];
const embeddings = json('openai-embeddings-results.json') as unknown[];
const anthropicResults = json('anthropic-usage-results.json') as unknown[];
const openaiCosts = json('openai-costs-results.json') as unknown[];
const anthropicCosts = json('anthropic-cost-results.json') as unknown[];
const generation = json('langfuse-generation.json') as Record<string, unknown>;
const spendLog = json('litellm-spendlog.json') as Record<string, unknown>;
const heliconeRequest = json('helicone-request.json') as Record<string, unknown>;

/** Night hours (00:00–02:00 UTC) hold no usage: buckets come back with empty results, windows with empty pages. */
const quiet = (t: number) => Math.floor(t / hour) % 24 < 2;
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
const ok = (body: unknown): Reply => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const widths: Record<string, number> = { '1m': 60_000, '1h': hour, '1d': 24 * hour };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

/** Buckets from `start` (snapped) while before `end` and before now, `limit` per page from the cursor. */
function bucketPage(start: number, end: number, width: number, limit: number, cursor: number | undefined, now: number) {
  const first = cursor ?? Math.floor(start / width) * width;
  const starts: number[] = [];
  for (let t = first; t < end && t < now && starts.length < limit; t += width) starts.push(t);
  const next = (starts.at(-1) ?? first) + width;
  return { starts, next, more: starts.length === limit && next < end && next < now };
}

type Handler = (url: URL, req: IncomingMessage, clock: Clock, body: unknown) => Reply;

function openaiHandler(key: string): Handler {
  return (url, req, clock) => {
    if (req.headers.authorization !== `Bearer ${key}`) {
      return { status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${String(req.headers.authorization)}`, type: 'invalid_request_error' } }) };
    }
    const q = url.searchParams;
    if (url.pathname === '/v1/organization/costs') {
      // Costs come in day buckets only, limit up to 180.
      const start = Number(q.get('start_time')) * 1000;
      const end = q.has('end_time') ? Number(q.get('end_time')) * 1000 : clock.now;
      const page = q.get('page');
      const p = bucketPage(start, end, 24 * hour, Math.min(Number(q.get('limit') ?? 7), 2), page ? Number(unb64(page)) : undefined, clock.now);
      const data = p.starts.map((t) => ({ object: 'bucket', start_time: t / 1000, end_time: (t + 24 * hour) / 1000, results: openaiCosts }));
      return ok({ object: 'page', data, has_more: p.more, next_page: p.more ? b64(String(p.next)) : null });
    }
    const kind = url.pathname.endsWith('/usage/completions') ? 'completions' : url.pathname.endsWith('/usage/embeddings') ? 'embeddings' : undefined;
    if (!kind) return { status: 404, body: JSON.stringify({ error: { message: 'Not found' } }) };
    const width = widths[q.get('bucket_width') ?? '1d'] ?? 24 * hour;
    const start = Number(q.get('start_time')) * 1000;
    const end = q.has('end_time') ? Number(q.get('end_time')) * 1000 : clock.now;
    const page = q.get('page');
    // The cursor past the last bucket: an empty page that ends the listing.
    if (page === b64('end')) return ok({ object: 'page', data: [], has_more: false, next_page: null });
    const p = bucketPage(start, end, width, Math.min(Number(q.get('limit') ?? 7), 24), page ? Number(unb64(page)) : undefined, clock.now);
    const template = kind === 'completions' ? completions : embeddings;
    const data = p.starts.map((t) => ({ object: 'bucket', start_time: t / 1000, end_time: (t + width) / 1000, results: quiet(t) ? [] : template }));
    // Completions listings end with one empty page after the last bucket, as a cursor API may.
    const tail = kind === 'completions' && !p.more;
    return ok({ object: 'page', data, has_more: p.more || tail, next_page: p.more ? b64(String(p.next)) : tail ? b64('end') : null });
  };
}

function anthropicHandler(key: string): Handler {
  return (url, req, clock) => {
    if (req.headers['x-api-key'] !== key || req.headers['anthropic-version'] !== '2023-06-01') {
      return { status: 401, body: JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }) };
    }
    const costs = url.pathname === '/v1/organizations/cost_report';
    if (url.pathname !== '/v1/organizations/usage_report/messages' && !costs) {
      return { status: 404, body: '{"type":"error","error":{"type":"not_found_error","message":"Not found"}}' };
    }
    const q = url.searchParams;
    const width = costs ? 24 * hour : (widths[q.get('bucket_width') ?? '1d'] ?? 24 * hour);
    const start = Date.parse(q.get('starting_at') ?? '');
    const end = q.has('ending_at') ? Date.parse(q.get('ending_at') ?? '') : clock.now;
    const page = q.get('page');
    const p = bucketPage(start, end, width, Math.min(Number(q.get('limit') ?? 7), costs ? 2 : 24), page ? Date.parse(unb64(page.replace(/^page_/, ''))) : undefined, clock.now);
    const data = p.starts.map((t) => ({ starting_at: iso(t), ending_at: iso(t + width), results: costs ? anthropicCosts : quiet(t) ? [] : anthropicResults }));
    return ok({ data, has_more: p.more, next_page: p.more ? `page_${b64(iso(p.next))}` : null });
  };
}

/** Two calls an hour (minute 0 and minute 35), none at night; ids and times per hour. */
function callsBetween(start: number, end: number, now: number, make: (t: number, id: string) => Record<string, unknown>) {
  const out: { t: number; row: Record<string, unknown> }[] = [];
  for (let h = Math.floor(start / hour) * hour; h <= end; h += hour) {
    if (quiet(h)) continue;
    for (const [offset, suffix] of [[0, 'a'], [35 * 60_000, 'b']] as const) {
      const t = h + offset;
      if (t >= start && t <= end && t < now) out.push({ t, row: make(t, `${h / hour}${suffix}`) });
    }
  }
  return out.sort((a, b) => b.t - a.t); // newest first, as both APIs list them
}

const langfuseRow = (t: number, id: string) => ({ ...generation, id: `obs_${id}`, traceId: `tr_${id}`, startTime: iso(t), endTime: iso(t + 4200) });
const litellmRow = (t: number, id: string) => ({
  ...spendLog,
  request_id: `chatcmpl-${id}`,
  startTime: new Date(t).toISOString(),
  endTime: new Date(t + 2780).toISOString(),
  completionStartTime: new Date(t + 490).toISOString(),
});

function langfuseHandler(pub: string, secret: string): Handler {
  return (url, req, clock) => {
    if (req.headers.authorization !== `Basic ${Buffer.from(`${pub}:${secret}`).toString('base64')}`) {
      return { status: 401, body: JSON.stringify({ message: 'Invalid credentials. Confirm that you\'ve configured the correct host.' }) };
    }
    const q = url.searchParams;
    if (url.pathname === '/api/public/traces') {
      // One trace per call: its user and session (observations carry none). The trace of a call on the hour opens 20
      // minutes before it (a session that began earlier), so it lies in the window before its call's when a window
      // starts on that hour; the list filters on the trace's own timestamp, as Langfuse's does.
      const from = Date.parse(q.get('fromTimestamp') ?? '');
      const to = Date.parse(q.get('toTimestamp') ?? '');
      const opened = (t: number, id: string) => (id.endsWith('a') ? t - 20 * 60_000 : t);
      const rows = callsBetween(from, to - 1 + 20 * 60_000, clock.now, (t, id) => ({
        id: `tr_${id}`, timestamp: iso(opened(t, id)), name: 'answer', userId: `user_${id}`, sessionId: `sess_${id}`, tags: [], observations: [`obs_${id}`],
      })).filter((r) => Date.parse(r.row.timestamp as string) >= from && Date.parse(r.row.timestamp as string) < to);
      const limit = Math.min(Number(q.get('limit') ?? 50), 20);
      const page = Number(q.get('page') ?? 1);
      return ok({ data: rows.slice((page - 1) * limit, page * limit).map((r) => r.row), meta: { page, limit, totalItems: rows.length, totalPages: Math.ceil(rows.length / limit) } });
    }
    if (url.pathname !== '/api/public/observations') return { status: 404, body: '{"message":"Not found"}' };
    const from = Date.parse(q.get('fromStartTime') ?? '');
    const to = Date.parse(q.get('toStartTime') ?? '');
    // toStartTime is exclusive: a call starting on it belongs to the next window.
    const rows = q.get('type') === 'GENERATION' ? callsBetween(from, to - 1, clock.now, langfuseRow) : [];
    const limit = Math.min(Number(q.get('limit') ?? 50), 20);
    const page = Number(q.get('page') ?? 1);
    const totalPages = Math.ceil(rows.length / limit);
    return ok({ data: rows.slice((page - 1) * limit, page * limit).map((r) => r.row), meta: { page, limit, totalItems: rows.length, totalPages } });
  };
}

function litellmHandler(key: string): Handler {
  return (url, req, clock) => {
    if (req.headers.authorization !== `Bearer ${key}`) {
      return { status: 401, body: JSON.stringify({ error: { message: `Authentication Error, Invalid proxy server token passed. Received API Key = ${key.slice(0, 4)}…`, type: 'auth_error' } }) };
    }
    if (url.pathname !== '/spend/logs/v2') return { status: 404, body: '{"detail":"Not Found"}' };
    const q = url.searchParams;
    const utc = (s: string | null) => Date.parse(`${(s ?? '').replace(' ', 'T')}Z`);
    // Both ends inclusive, as the proxy's startTime gte / lte filter.
    const rows = callsBetween(utc(q.get('start_date')), utc(q.get('end_date')), clock.now, litellmRow);
    const pageSize = Math.min(Number(q.get('page_size') ?? 50), 20);
    const page = Number(q.get('page') ?? 1);
    const totalPages = Math.ceil(rows.length / pageSize);
    return ok({ data: rows.slice((page - 1) * pageSize, page * pageSize).map((r) => r.row), total: rows.length, page, page_size: pageSize, total_pages: totalPages });
  };
}

const heliconeRow = (t: number, id: string) => ({
  ...heliconeRequest,
  request_id: `req-${id}`,
  response_id: `resp-${id}`,
  request_created_at: new Date(t).toISOString(),
  response_created_at: new Date(t + 2762).toISOString(),
});

/** Helicone's filter tree as `pull` sends it: request_created_at gte on the left, lt on the right. */
function heliconeRange(body: unknown): { from: number; to: number } | undefined {
  const f = (body as { filter?: { left?: unknown; operator?: unknown; right?: unknown } } | undefined)?.filter;
  const leaf = (node: unknown, op: string) => (node as { request_response_rmt?: { request_created_at?: Record<string, string> } } | undefined)?.request_response_rmt?.request_created_at?.[op];
  const from = Date.parse(leaf(f?.left, 'gte') ?? '');
  const to = Date.parse(leaf(f?.right, 'lt') ?? '');
  return f?.operator === 'and' && Number.isFinite(from) && Number.isFinite(to) ? { from, to } : undefined;
}

function heliconeHandler(key: string): Handler {
  return (url, req, clock, body) => {
    if (req.headers.authorization !== `Bearer ${key}`) return { status: 401, body: JSON.stringify({ error: 'Unauthorized', data: null }) };
    const count = url.pathname === '/v1/request/count/query';
    if (req.method !== 'POST' || (url.pathname !== '/v1/request/query-clickhouse' && !count)) return { status: 404, body: '{"error":"Not found","data":null}' };
    const range = heliconeRange(body);
    if (!range) return { status: 400, body: '{"error":"invalid filter","data":null}' };
    // lt is exclusive; oldest first, as pull sorts.
    const rows = callsBetween(range.from, range.to - 1, clock.now, heliconeRow).reverse();
    if (count) return ok({ data: rows.length, error: null });
    const q = body as { offset?: number; limit?: number; sort?: { created_at?: string }; isCached?: boolean };
    if ((q.offset ?? 0) > 10_000 || (q.limit ?? 100) > 1_000) return { status: 400, body: '{"error":"unsupport offset value","data":null}' };
    if (q.sort?.created_at !== 'asc' || q.isCached !== false) return { status: 400, body: '{"error":"unexpected query","data":null}' };
    const limit = Math.min(q.limit ?? 100, 20);
    const offset = q.offset ?? 0;
    return ok({ data: rows.slice(offset, offset + limit).map((r) => r.row), error: null });
  };
}

export async function startFakeApi(id: SourceId, clock: Clock): Promise<FakeApi> {
  const secret = `${id}-SECRET-do-not-print-7f3a9c`;
  const handler: Handler =
    id === 'openai'
      ? openaiHandler(secret)
      : id === 'anthropic'
        ? anthropicHandler(secret)
        : id === 'langfuse'
          ? langfuseHandler('pk-lf-public', secret)
          : id === 'helicone'
            ? heliconeHandler(secret)
            : litellmHandler(secret);
  const requests: URL[] = [];
  const bodies = new WeakMap<URL, unknown>();
  const faults: Fault[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      requests.push(url);
      bodies.set(url, body);
      const i = faults.findIndex((f) => f.match(url, requests.length));
      const reply = i >= 0 ? faults.splice(i, 1)[0]!.reply : handler(url, req, clock, body);
      res.writeHead(reply.status, reply.headers ?? { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env: Record<string, string> =
    id === 'openai'
      ? { OPENAI_ADMIN_KEY: secret, OPENAI_BASE_URL: `${origin}/v1` }
      : id === 'anthropic'
        ? { ANTHROPIC_ADMIN_KEY: secret, ANTHROPIC_BASE_URL: origin }
        : id === 'langfuse'
          ? { LANGFUSE_PUBLIC_KEY: 'pk-lf-public', LANGFUSE_SECRET_KEY: secret, LANGFUSE_HOST: origin }
          : id === 'helicone'
            ? { HELICONE_API_KEY: secret, HELICONE_BASE_URL: origin }
            : { LITELLM_PROXY_API_KEY: secret, LITELLM_PROXY_URL: origin };
  const rows = (start: number, end: number): number => {
    if (id === 'langfuse' || id === 'litellm' || id === 'helicone') return callsBetween(start, end - 1, clock.now, () => ({})).length;
    let n = 0;
    for (let t = Math.ceil(start / hour) * hour; t + hour <= end; t += hour) {
      n += quiet(t) ? 0 : id === 'openai' ? completions.length + embeddings.length : anthropicResults.length;
    }
    return n;
  };
  return {
    id,
    env,
    secrets: [secret, Buffer.from(`pk-lf-public:${secret}`).toString('base64')],
    requests,
    bodyOf: (request) => bodies.get(request),
    faults,
    rows,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
