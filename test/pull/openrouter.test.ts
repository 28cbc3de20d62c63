// `pull openrouter --ids FILE` against a local stand-in for GET /api/v1/generation?id=…: every id once, 404s asked
// for again next time, 429 / 500 retried, 401 and malformed answers stop with exit 2 and nothing written.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withWorkspace } from '../../src/db/workspace.ts';
import type { BatchableError } from '../../src/errors.ts';
import type { HttpDeps } from '../../src/pull/http.ts';
import { runOpenrouterPull, type OpenrouterPullResult } from '../../src/pull/openrouter.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import type { Fault } from './fake-apis.ts';

const key = 'sk-or-v1-SECRET-do-not-print-11aa';
const template = JSON.parse(readFileSync(fixture('pull/openrouter-generation.json'), 'utf8')) as { data: Record<string, unknown> };

describe('pull openrouter', () => {
  let server: Server;
  let env: Record<string, string>;
  let requests: URL[];
  let faults: Fault[];
  /** Ids the API knows; others answer 404 (not yet queryable). */
  let known: Set<string>;
  let dir: string;
  let db: string;
  let sleeps: number[];

  beforeEach(async () => {
    requests = [];
    faults = [];
    sleeps = [];
    known = new Set(['gen-a1', 'gen-a2', 'gen-a3', 'gen-b1']);
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url);
      const i = faults.findIndex((f) => f.match(url, requests.length));
      if (i >= 0) {
        const f = faults.splice(i, 1)[0]!.reply;
        return void res.writeHead(f.status, f.headers ?? {}).end(f.body);
      }
      if (req.headers.authorization !== `Bearer ${key}`) return void res.writeHead(401).end('{"error":{"code":401,"message":"No auth credentials found"}}');
      const id = url.searchParams.get('id') ?? '';
      if (url.pathname !== '/api/v1/generation' || !known.has(id)) return void res.writeHead(404).end(`{"error":{"code":404,"message":"Generation ${id} not found"}}`);
      const n = Number(id.slice(-1));
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ data: { ...template.data, id, created_at: `2026-10-02T0${n}:00:00.000Z`, native_tokens_prompt: 1000 * n } }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    env = { OPENROUTER_API_KEY: key, OPENROUTER_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1` };
    dir = mkdtempSync(join(tmpdir(), 'batchable-pull-openrouter-'));
    db = join(dir, 'usage.duckdb');
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const deps: HttpDeps = { fetch: (i, init) => fetch(i, init), sleep: async (ms) => void sleeps.push(ms), random: () => 0, now: () => Date.parse('2026-10-03T10:00:00Z') };
  const idsFile = (...ids: string[]) => {
    const file = join(dir, `ids-${requests.length}-${ids.length}.txt`);
    writeFileSync(file, `# generation ids logged by the app\n${ids.join('\n')}\n\n`);
    return file;
  };
  const pull = (file: string): Promise<OpenrouterPullResult> =>
    withWorkspace(db, (ws) => runOpenrouterPull(ws, { db, idsFile: file, env, deps, now: () => Date.parse('2026-10-03T10:00:00Z') }));
  const held = () => withWorkspace(db, async (ws) => Number((await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM calls'))[0]?.n ?? 0));

  it('fetches each id once, names the ones not found yet, and asks only for new or missing ids next time', async () => {
    const first = await pull(idsFile('gen-a1', 'gen-a2', 'gen-a3', 'gen-a1', 'gen-b9'));
    expect([first.requested, first.fetched, first.notFound]).toEqual([4, 3, ['gen-b9']]);
    expect(first.ingest.calls).toBe(3);
    expect(readdirSync(join(dir, 'raw', 'openrouter'))).toEqual(['generations-20261003T1000Z.jsonl.gz']);
    known.add('gen-b9');
    requests.length = 0;
    const second = await pull(idsFile('gen-a1', 'gen-a2', 'gen-a3', 'gen-b1', 'gen-b9'));
    expect(requests.map((u) => u.searchParams.get('id'))).toEqual(['gen-b1', 'gen-b9']);
    expect([second.alreadyHeld, second.fetched, second.notFound]).toEqual([3, 2, []]);
    expect(await held()).toBe(5);
    // Nothing new: no request, nothing added.
    requests.length = 0;
    const third = await pull(idsFile('gen-a1', 'gen-b1'));
    expect([requests.length, third.fetched, third.file]).toEqual([0, 0, undefined]);
    expect(await held()).toBe(5);
  });

  it('waits out a 429 and retries a 500', async () => {
    faults.push({ match: (_u, n) => n === 1, reply: { status: 429, headers: { 'retry-after': '1' }, body: '{}' } });
    faults.push({ match: (_u, n) => n === 3, reply: { status: 500, body: '{}' } });
    const r = await pull(idsFile('gen-a1', 'gen-a2'));
    expect(sleeps).toEqual([1000, 500]);
    expect(r.fetched).toBe(2);
  });

  it('stops with exit 2 on a malformed answer, writing and ingesting nothing', async () => {
    faults.push({ match: (_u, n) => n === 2, reply: { status: 200, body: '{"data":{"id":"gen-a2"}}' } });
    const e = (await pull(idsFile('gen-a1', 'gen-a2')).catch((x: unknown) => x)) as BatchableError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^openrouter: generation gen-a2 \(GET \/api\/v1\/generation\?id=gen-a2\) is malformed: unexpected shape at data\.created_at/);
    expect(existsSync(join(dir, 'raw', 'openrouter'))).toBe(false);
  });

  it('exits 2 on a 401 naming OPENROUTER_API_KEY, never printing the key; a bad ids line names file:line', async () => {
    const r = await runCli(['pull', 'openrouter', '--ids', idsFile('gen-a1'), '--db', db], 120, { ...env, OPENROUTER_API_KEY: `${key}-old` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: openrouter: the API refused the key in OPENROUTER_API_KEY \(401 Unauthorized on GET \/api\/v1\/generation\?id=gen-a1\)\. It needs an OpenRouter API key/);
    expect(r.stderr).not.toContain(key);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'gen-a1\ngen a2; rm -rf /\n');
    const b = await runCli(['pull', 'openrouter', '--ids', bad, '--db', db], 120, env);
    expect([b.code, b.stderr]).toEqual([2, `error: ${bad}:2: not a generation id: "gen a2; rm -rf /" (expected one id per line, e.g. gen-1234567890)\n`]);
    const noIds = await runCli(['pull', 'openrouter', '--db', db], 120, env);
    expect(noIds.stderr).toMatch(/^error: openrouter: pass --ids FILE/);
  });

  it('prints the requests with --dry-run and sends none', async () => {
    const r = await runCli(['pull', 'openrouter', '--ids', idsFile('gen-a1', 'gen-a2'), '--db', db, '--dry-run'], 120, env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `GET ${env.OPENROUTER_BASE_URL}/generation?id=gen-a1\nGET ${env.OPENROUTER_BASE_URL}/generation?id=gen-a2\n  authorization: Bearer <OPENROUTER_API_KEY>\n`,
    );
    expect(requests).toHaveLength(0);
  });
});
