// Every pull source against its local stand-in API (test/pull/fake-apis.ts): several pages, empty pages, a 429
// with Retry-After, a 500 then success, a 401, a malformed page, and a second pull that resumes and adds only
// the new buckets. The clock and the sleeps are the test's own: no test waits and none touches the network.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withWorkspace } from '../../src/db/workspace.ts';
import type { BatchableError } from '../../src/errors.ts';
import type { HttpDeps } from '../../src/pull/http.ts';
import { runPull, type PullOptions, type PullProgress, type PullResult } from '../../src/pull/run.ts';
import { runCli } from '../helpers/cli.ts';
import { startFakeApi, type Clock, type FakeApi, type SourceId } from './fake-apis.ts';

const T = (s: string) => Date.parse(s);
const perCall = (id: SourceId) => id === 'langfuse' || id === 'litellm' || id === 'helicone';

describe.each<SourceId>(['openai', 'anthropic', 'langfuse', 'litellm', 'helicone'])('pull %s', (id) => {
  const clock: Clock = { now: 0 };
  let api: FakeApi;
  let dir: string;
  let db: string;
  let sleeps: number[];
  let progress: PullProgress[];

  beforeEach(async () => {
    api = await startFakeApi(id, clock);
    dir = mkdtempSync(join(tmpdir(), `batchable-pull-${id}-`));
    db = join(dir, 'usage.duckdb');
    sleeps = [];
    progress = [];
  });
  afterEach(() => api.close());

  const deps: HttpDeps = {
    fetch: (input, init) => fetch(input, init),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
    now: () => clock.now,
  };
  const pull = (options: Partial<PullOptions> = {}): Promise<PullResult> =>
    withWorkspace(db, (ws) =>
      // Settle time 0: a bucket is complete once it has ended (the sources' own margins are tested below).
      runPull(ws, { source: id, db, bucketWidth: '1h', settleMs: 0, env: api.env, now: () => clock.now, deps, onProgress: (e) => void progress.push(e), ...options }),
    );
  const held = () =>
    withWorkspace(db, async (ws) => {
      const [r] = await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM calls');
      return Number(r?.n ?? 0);
    });
  const rawDir = () => join(dir, 'raw', id);
  const rawFiles = () => (existsSync(rawDir()) ? readdirSync(rawDir()).sort() : []);
  /** What the workspace should hold: complete buckets only for bucketed sources, every call so far for per-call ones. */
  const expected = (since: string, completeEnd: string) => (perCall(id) ? api.rows(T(since), clock.now) : api.rows(T(since), T(completeEnd)));

  it('pages to the end, writes the window as a raw file and ingests each row once; the current bucket is partial', async () => {
    clock.now = T('2026-10-03T10:30:00Z');
    const result = await pull({ since: '2026-10-01' });
    expect(api.requests.length).toBeGreaterThan(3); // 58 hourly buckets or ~110 calls: several pages per query
    expect(result.windows.map((w) => [w.kind, w.file.slice(w.file.lastIndexOf('/') + 1)])).toEqual([
      ['complete', '20261001T0000Z--20261003T1000Z.jsonl.gz'],
      perCall(id) ? ['partial', '20261003T1000Z--20261003T1030Z.partial.jsonl.gz'] : ['held', '20261003T1000Z--20261003T1030Z.jsonl.gz.partial'],
    ]);
    expect(await held()).toBe(expected('2026-10-01', '2026-10-03T10:00:00Z'));
    expect(result.ingest.calls).toBe(expected('2026-10-01', '2026-10-03T10:00:00Z'));
    expect(result.ingest.rejects).toBe(0);
    if (id === 'langfuse') {
      // The traces of each window come with its observations: every call has its trace's user and session.
      const [u] = await withWorkspace(db, (ws) => ws.all<{ n: bigint; users: bigint }>('SELECT count(*) AS n, count(user_id) AS users FROM calls'));
      expect(u?.users).toBe(u?.n);
    }
    // Progress: pages counted up as they arrived.
    const pages = progress.filter((e) => e.kind === 'page');
    expect(pages.length).toBe(result.windows.reduce((n, w) => n + w.pages, 0));
    // The raw file holds the pages as the API sent them, one per line, and never a key.
    const text = gunzipSync(readFileSync(result.windows[0]!.file)).toString('utf8');
    expect(text.trim().split('\n').length).toBe(result.windows[0]!.pages);
    for (const secret of api.secrets) expect(text).not.toContain(secret);
  });

  it(
    perCall(id)
      ? 'with no width asked for, completes windows on the hour'
      : "with no width asked for, pulls minute buckets (where a poller's bursts show, which an hour's bucket hides), a raw file a day",
    async () => {
      clock.now = T('2026-10-02T03:10:30Z');
      const result = await pull({ since: '2026-10-01', bucketWidth: undefined });
      const name = (w: { file: string }) => w.file.slice(w.file.lastIndexOf('/') + 1);
      if (perCall(id)) {
        expect(result.windows.map(name)).toEqual(['20261001T0000Z--20261002T0300Z.jsonl.gz', '20261002T0300Z--20261002T0310Z.partial.jsonl.gz']);
        return;
      }
      expect(api.requests.every((r) => r.searchParams.get('bucket_width') === '1m' && r.searchParams.get('limit') === '1440')).toBe(true);
      // A file a day: reading a file in holds its text (src/pull/time.ts: dailyPieces).
      expect(result.windows.map(name)).toEqual([
        '20261001T0000Z--20261002T0000Z.jsonl.gz',
        '20261002T0000Z--20261002T0310Z.jsonl.gz',
        '20261002T0310Z--20261002T0310Z.jsonl.gz.partial',
      ]);
      // 00:00-02:00 is quiet each day: the minutes from 02:00 to 24:00 and from 02:00 to 03:10 hold rows, each a minute long.
      const [b] = await withWorkspace(db, (ws) =>
        ws.all<{ minutes: bigint; widths: bigint[] }>(
          'SELECT count(DISTINCT ts) AS minutes, list(DISTINCT epoch(ended_at) - epoch(ts)) AS widths FROM calls',
        ),
      );
      expect(b?.minutes).toBe(BigInt(22 * 60 + 70));
      expect(b?.widths.map(Number)).toEqual([60]);
      expect(result.ingest.calls).toBe(await held());
    },
  );

  it('resumes from the last complete bucket, adds only new buckets, and never counts the partial bucket twice', async () => {
    clock.now = T('2026-10-03T10:30:00Z');
    await pull({ since: '2026-10-01' });
    clock.now = T('2026-10-03T13:15:00Z');
    api.requests.length = 0;
    const second = await pull();
    // The first request of the second pull starts where the last complete bucket ended (10:00).
    const first = api.requests[0]!;
    const posted = (api.bodyOf(first) as { filter?: { left?: { request_response_rmt?: { request_created_at?: { gte?: string } } } } } | undefined)?.filter;
    const start =
      first.searchParams.get('start_time') ?? first.searchParams.get('starting_at') ?? first.searchParams.get('fromStartTime') ?? first.searchParams.get('start_date') ??
      posted?.left?.request_response_rmt?.request_created_at?.gte;
    expect([String(T('2026-10-03T10:00:00Z') / 1000), '2026-10-03T10:00:00Z', '2026-10-03 10:00:00', '2026-10-03T10:00:00.000Z']).toContain(start);
    expect(await held()).toBe(expected('2026-10-01', '2026-10-03T13:00:00Z'));
    expect(second.windows.map((w) => w.kind)).toEqual(['complete', perCall(id) ? 'partial' : 'held']);
    // Only the latest partial file is kept; the complete windows are contiguous.
    expect(rawFiles()).toEqual([
      '20261001T0000Z--20261003T1000Z.jsonl.gz',
      '20261003T1000Z--20261003T1300Z.jsonl.gz',
      perCall(id) ? '20261003T1300Z--20261003T1315Z.partial.jsonl.gz' : '20261003T1300Z--20261003T1315Z.jsonl.gz.partial',
    ]);
    if (perCall(id)) expect(second.ingest.duplicates).toBeGreaterThan(0); // the 10:00–10:30 calls, fetched again

    // A third pull in the same bucket fetches only the partial bucket again and adds nothing twice.
    api.requests.length = 0;
    const third = await pull();
    expect(third.windows.map((w) => w.kind)).toEqual([perCall(id) ? 'partial' : 'held']);
    expect(await held()).toBe(expected('2026-10-01', '2026-10-03T13:00:00Z'));
  });

  it("keeps buckets inside the source's settle time out of the complete windows until it has passed", async () => {
    clock.now = T('2026-10-03T10:30:00Z');
    const settleMs = { openai: 3_600_000, anthropic: 86_400_000, langfuse: 900_000, litellm: 300_000, helicone: 900_000 }[id];
    const first = await pull({ since: '2026-10-01', settleMs: undefined });
    const completeEnd = Math.floor((clock.now - settleMs) / 3_600_000) * 3_600_000;
    expect(first.windows.map((w) => [w.kind, w.range.start, w.range.end])).toEqual([
      ['complete', T('2026-10-01T00:00:00Z'), completeEnd],
      [perCall(id) ? 'partial' : 'held', completeEnd, clock.now],
    ]);
    expect(await held()).toBe(perCall(id) ? api.rows(T('2026-10-01'), clock.now) : api.rows(T('2026-10-01'), completeEnd));
    // Two days later every bucket up to the new settle line is complete, and none is counted twice.
    clock.now = T('2026-10-05T10:30:00Z');
    const second = await pull({ settleMs: undefined });
    const nextEnd = Math.floor((clock.now - settleMs) / 3_600_000) * 3_600_000;
    expect(second.windows[0]!.range).toEqual({ start: completeEnd, end: nextEnd });
    expect(await held()).toBe(perCall(id) ? api.rows(T('2026-10-01'), clock.now) : api.rows(T('2026-10-01'), nextEnd));
  });

  it('writes and ingests nothing for a window with empty pages, and says so', async () => {
    clock.now = T('2026-10-04T01:30:00Z');
    const result = await pull({ since: '2026-10-04' });
    expect(result.windows.map((w) => [w.kind, w.records])).toEqual([
      ['complete', 0],
      [perCall(id) ? 'partial' : 'held', 0],
    ]);
    expect(result.ingest.calls).toBe(0);
    expect(await held()).toBe(0);
  });

  it('waits as a 429 Retry-After says, then goes on', async () => {
    clock.now = T('2026-10-03T10:30:00Z');
    api.faults.push({ match: (_url, n) => n === 2, reply: { status: 429, headers: { 'retry-after': '2' }, body: '{"error":{"message":"Rate limit reached"}}' } });
    await pull({ since: '2026-10-01' });
    expect(sleeps).toEqual([2000]);
    expect(await held()).toBe(expected('2026-10-01', '2026-10-03T10:00:00Z'));
    expect(progress.some((e) => e.kind === 'retry' && e.notice.reason.startsWith('429'))).toBe(true);
  });

  it('retries a 500 with backoff, then succeeds', async () => {
    clock.now = T('2026-10-03T10:30:00Z');
    api.faults.push({ match: (_url, n) => n === 2, reply: { status: 500, body: 'Internal Server Error' } });
    api.faults.push({ match: (_url, n) => n === 3, reply: { status: 503, body: 'upstream overloaded' } });
    await pull({ since: '2026-10-01' });
    expect(sleeps).toEqual([500, 1000]); // base 1 s, doubling, jitter drawn at 0: half of each step
    expect(await held()).toBe(expected('2026-10-01', '2026-10-03T10:00:00Z'));
  });

  it('stops with exit 2 on a malformed page: nothing written or ingested, and the next pull fetches the whole window', async () => {
    clock.now = T('2026-10-03T10:30:00Z');
    api.faults.push({ match: (_url, n) => n === 2, reply: { status: 200, body: '{"data": [{"truncated' } });
    const error = (await pull({ since: '2026-10-01' }).catch((e: unknown) => e)) as BatchableError;
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(new RegExp(`^${id}: page \\d+ of .* is malformed: not JSON .*nothing from this pull was ingested`));
    expect(rawFiles()).toEqual([]);
    expect(await held()).toBe(0);
    await pull({ since: '2026-10-01' });
    expect(await held()).toBe(expected('2026-10-01', '2026-10-03T10:00:00Z'));
  });

  it('a page of the wrong shape is malformed too', async () => {
    clock.now = T('2026-10-03T10:30:00Z');
    api.faults.push({ match: (_url, n) => n === 1, reply: { status: 200, body: '{"items": []}' } });
    const error = (await pull({ since: '2026-10-01' }).catch((e: unknown) => e)) as BatchableError;
    expect(error.message).toMatch(/is malformed: unexpected shape at data/);
    expect(await held()).toBe(0);
  });

  it('exits 2 on a 401 naming the env var and the permission, and never prints the key', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    clock.now = Date.now();
    const env = Object.fromEntries(Object.entries(api.env).map(([k, v]) => [k, /KEY/.test(k) && !/PUBLIC/.test(k) ? `${v}-revoked` : v]));
    const r = await runCli(['pull', id, '--since', yesterday, '--db', db], 120, env);
    expect(r.code).toBe(2);
    const envVar = { openai: 'OPENAI_ADMIN_KEY', anthropic: 'ANTHROPIC_ADMIN_KEY', langfuse: 'LANGFUSE_SECRET_KEY', litellm: 'LITELLM_PROXY_API_KEY', helicone: 'HELICONE_API_KEY' }[id];
    expect(r.stderr).toContain(envVar);
    expect(r.stderr).toMatch(/\(401 Unauthorized on (GET|POST) \/.*\)\. It needs .+\. Nothing was ingested\./);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    for (const secret of [...api.secrets, ...Object.values(env)].filter((s) => s.includes('SECRET'))) expect(r.stderr + r.stdout).not.toContain(secret);
    expect(rawFiles()).toEqual([]);
  });

  it('--dry-run prints the requests with the keys shown as their env vars, and sends none', async () => {
    const r = await runCli(['pull', id, '--since', '2026-10-01', '--until', '2026-10-02', '--db', db, '--dry-run'], 120, api.env);
    expect(r.code).toBe(0);
    // A POST shows its JSON body (Helicone's queries are documents); a GET its query string.
    // Minute buckets (openai's and anthropic's default) are fetched a window a day (src/pull/time.ts: dailyPieces).
    const firstEnd = perCall(id) ? '2026-10-03' : '2026-10-02';
    expect(r.stdout).toMatch(new RegExp(`^(GET|POST) http://127\\.0\\.0\\.1:\\d+/\\S+( \\{\\S+\\})? {3}# 2026-10-01 00:00–${firstEnd} 00:00 UTC, complete`));
    if (!perCall(id)) expect(r.stdout).toMatch(/# 2026-10-02 00:00–2026-10-03 00:00 UTC, complete/);
    expect(r.stdout).toMatch(/<(OPENAI_ADMIN_KEY|ANTHROPIC_ADMIN_KEY|LANGFUSE_PUBLIC_KEY|LITELLM_PROXY_API_KEY|HELICONE_API_KEY)>/);
    for (const secret of api.secrets) expect(r.stdout + r.stderr).not.toContain(secret);
    expect(api.requests).toHaveLength(0);
    expect(existsSync(db)).toBe(false);
  });
});
