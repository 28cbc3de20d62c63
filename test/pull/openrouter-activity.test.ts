// `pull openrouter-activity` against a local stand-in for GET /api/v1/activity?date=…: one request per completed
// day, the current day never asked for, 429 / 500 retried, 401 and malformed answers exit 2 with nothing written.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withWorkspace } from '../../src/db/workspace.ts';
import type { BatchableError } from '../../src/errors.ts';
import type { HttpDeps } from '../../src/pull/http.ts';
import { runPull } from '../../src/pull/run.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import type { Fault } from './fake-apis.ts';

const key = 'sk-or-v1-MGMT-SECRET-do-not-print-22bb';
const item = JSON.parse(readFileSync(fixture('pull/openrouter-activity-item.json'), 'utf8')) as Record<string, unknown>;
const T = (s: string) => Date.parse(s);

describe('pull openrouter-activity', () => {
  let server: Server;
  let env: Record<string, string>;
  let requests: URL[];
  let faults: Fault[];
  let db: string;
  let sleeps: number[];
  const now = { t: T('2026-10-04T10:30:00Z') };

  beforeEach(async () => {
    requests = [];
    faults = [];
    sleeps = [];
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url);
      const i = faults.findIndex((f) => f.match(url, requests.length));
      if (i >= 0) {
        const f = faults.splice(i, 1)[0]!.reply;
        return void res.writeHead(f.status, f.headers ?? {}).end(f.body);
      }
      if (req.headers.authorization !== `Bearer ${key}`) return void res.writeHead(401).end('{"error":{"code":401,"message":"Invalid management key"}}');
      const date = url.searchParams.get('date') ?? '';
      // Two models a day; the day of 2026-10-02 had no traffic.
      const rows = date === '2026-10-02' ? [] : [{ ...item, date }, { ...item, date, model: 'openai/gpt-4o-mini', model_permaslug: 'openai/gpt-4o-mini', requests: 3 }];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: rows }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    env = { OPENROUTER_MANAGEMENT_KEY: key, OPENROUTER_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1` };
    db = join(mkdtempSync(join(tmpdir(), 'batchable-pull-or-activity-')), 'usage.duckdb');
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const deps: HttpDeps = { fetch: (i, init) => fetch(i, init), sleep: async (ms) => void sleeps.push(ms), random: () => 0, now: () => now.t };
  const pull = (since?: string) => withWorkspace(db, (ws) => runPull(ws, { source: 'openrouter-activity', db, since, env, deps, now: () => now.t }));
  const held = () => withWorkspace(db, async (ws) => Number((await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM calls'))[0]?.n ?? 0));

  it('asks for each completed day once (an empty day included), never for today, and resumes the next day', async () => {
    const first = await pull('2026-10-01');
    expect(requests.map((u) => u.searchParams.get('date'))).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
    expect(first.windows.map((w) => [w.kind, w.pages, w.records])).toEqual([['complete', 3, 4]]);
    expect(await held()).toBe(4);
    now.t = T('2026-10-05T08:00:00Z');
    requests.length = 0;
    await pull();
    expect(requests.map((u) => u.searchParams.get('date'))).toEqual(['2026-10-04']);
    expect(await held()).toBe(6);
    expect(readdirSync(join(db, '..', 'raw', 'openrouter-activity'))).toEqual(['20261001T0000Z--20261004T0000Z.jsonl.gz', '20261004T0000Z--20261005T0000Z.jsonl.gz']);
    now.t = T('2026-10-04T10:30:00Z');
  });

  it('waits out a 429 and retries a 500', async () => {
    faults.push({ match: (_u, n) => n === 1, reply: { status: 429, headers: { 'retry-after': '3' }, body: '{}' } });
    faults.push({ match: (_u, n) => n === 3, reply: { status: 502, body: 'bad gateway' } });
    await pull('2026-10-02');
    expect(sleeps).toEqual([3000, 500]);
    expect(await held()).toBe(2);
  });

  it('stops with exit 2 on a malformed day or a refused key, writing and ingesting nothing', async () => {
    faults.push({ match: (_u, n) => n === 2, reply: { status: 200, body: JSON.stringify({ data: [{ ...item, date: '2026-09-30' }] }) } });
    const e = (await pull('2026-10-01').catch((x: unknown) => x)) as BatchableError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^openrouter-activity: activity of 2026-10-02 \(GET \/api\/v1\/activity\?date=2026-10-02\) is malformed: a row dated "2026-09-30"/);
    expect(existsSync(join(db, '..', 'raw'))).toBe(false);
    const r = await runCli(['pull', 'openrouter-activity', '--since', new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10), '--db', db], 120, { ...env, OPENROUTER_MANAGEMENT_KEY: 'old' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: openrouter-activity: the API refused the key in OPENROUTER_MANAGEMENT_KEY \(401 Unauthorized on GET \/api\/v1\/activity\?date=\d{4}-\d{2}-\d{2}\)\. It needs an OpenRouter management key/);
    expect(r.stderr).not.toContain(key);
  });
});
