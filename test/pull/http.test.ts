// The pull HTTP client alone, against a local server: timeouts, retries running out, Retry-After forms, the
// errors it builds (never with a secret in them), and the redirect it refuses to follow with a key.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BatchableError } from '../../src/errors.ts';
import { HttpClient, retryAfter, type HttpDeps } from '../../src/pull/http.ts';

const secret = 'sk-admin-SECRET-abc123';
let server: Server;
let base = '';
const hanging = new Set<ServerResponse>();
const script: { status: number; headers?: Record<string, string>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hang') return void hanging.add(res);
    if (req.url === '/redirect') return void res.writeHead(302, { location: 'http://example.invalid/steal' }).end();
    const next = script.shift() ?? { status: 200, body: '{"ok":true}' };
    res.writeHead(next.status, next.headers ?? {}).end(next.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function client(sleeps: number[] = [], timeoutMs = 5_000) {
  const deps: HttpDeps = { fetch: (i, init) => fetch(i, init), sleep: async (ms) => void sleeps.push(ms), random: () => 1, now: () => Date.parse('2026-10-03T10:00:00Z') };
  return new HttpClient({
    source: 'openai',
    auth: { envVars: 'OPENAI_ADMIN_KEY', permission: 'an admin key' },
    headers: { authorization: `Bearer ${secret}` },
    secrets: [secret],
    policy: { timeoutMs, retries: 2, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 },
    deps,
  });
}
const page = z.object({ ok: z.boolean() });
const failure = async (p: Promise<unknown>) => (await p.then(() => undefined, (e: unknown) => e)) as BatchableError;

describe('pull HTTP client', () => {
  it('gives up after the retries with one line naming the request and the last status', async () => {
    script.push({ status: 502, body: 'bad gateway' }, { status: 502, body: 'bad gateway' }, { status: 504, body: 'timeout' });
    const sleeps: number[] = [];
    const e = await failure(client(sleeps).getPage(new URL(`${base}/v1/organization/usage/completions?start_time=1`), page, 'page 1'));
    expect(e).toBeInstanceOf(BatchableError);
    expect(e.message).toBe('openai: GET /v1/organization/usage/completions?start_time=1 still failing after 3 attempts (last: 504 Gateway Timeout); nothing from this pull was ingested. Run it again later.');
    expect(sleeps).toEqual([100, 200]); // jitter drawn at 1: the full step
  });

  it('times out a request that never answers, and retries it', async () => {
    const sleeps: number[] = [];
    const e = await failure(client(sleeps, 50).getText(new URL(`${base}/hang`)));
    expect(e.message).toMatch(/still failing after 3 attempts \(last: no answer within 0\.05 s\)/);
    expect(sleeps).toHaveLength(2);
  });

  it('reads Retry-After as seconds, as an HTTP date and as retry-after-ms, and refuses to wait past the limit', async () => {
    const now = Date.parse('2026-10-03T10:00:00Z');
    expect(retryAfter(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfter(new Headers({ 'retry-after': 'Sat, 03 Oct 2026 10:00:07 GMT' }), now)).toBe(7000);
    expect(retryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(retryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    script.push({ status: 429, headers: { 'retry-after': '3600' }, body: '{}' });
    const e = await failure(client().getText(new URL(`${base}/x`)));
    expect(e.message).toBe('openai: GET /x answered 429 Too Many Requests and asks to wait 3600 s; nothing from this pull was ingested. Run it again after that.');
  });

  it('says what a 403 needs, and scrubs a key the server echoes from any other error', async () => {
    script.push({ status: 403, body: `{"error":{"message":"key ${secret} lacks api.usage.read"}}` });
    const forbidden = await failure(client().getText(new URL(`${base}/v1/organization/usage/completions`)));
    expect(forbidden.message).toBe(
      'openai: the key in OPENAI_ADMIN_KEY may not read this (403 Forbidden on GET /v1/organization/usage/completions). It needs an admin key. Nothing was ingested.',
    );
    script.push({ status: 400, body: `{"error":{"message":"bad start_time for key ${secret}\\u001b[2J"}}` });
    const bad = await failure(client().getText(new URL(`${base}/v1/x`)));
    expect(bad.message).toBe('openai: GET /v1/x answered 400 Bad Request: bad start_time for key *** [2J. Nothing was ingested.');
    script.push({ status: 404, body: 'Not Found' });
    const missing = await failure(client().getText(new URL(`${base}/v2/x`)));
    expect(missing.message).toContain('Check the base URL (--base-url or the env var)');
  });

  it('does not follow a redirect that would carry the key elsewhere', async () => {
    const e = await failure(client().getText(new URL(`${base}/redirect`)));
    expect(e.message).toMatch(/still failing after 3 attempts \(last: network error/);
    expect(e.message).not.toContain(secret);
  });
});
