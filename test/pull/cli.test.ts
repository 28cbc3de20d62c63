// `batchable pull` and `--pull` as a user runs them (in-process CLI, local stand-in APIs, the real clock).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runCli } from '../helpers/cli.ts';
import { startFakeApi, type Clock, type FakeApi } from './fake-apis.ts';

const clock: Clock = { now: Date.now() };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let openai: FakeApi;
let langfuse: FakeApi;
const tmp = () => join(mkdtempSync(join(tmpdir(), 'batchable-pull-cli-')), 'usage.duckdb');

beforeAll(async () => {
  openai = await startFakeApi('openai', clock);
  langfuse = await startFakeApi('langfuse', clock);
});
afterAll(async () => {
  await openai.close();
  await langfuse.close();
});

describe('batchable pull', () => {
  it('prints the windows fetched, the raw files and the ingest totals; a second run adds nothing', async () => {
    clock.now = Date.now();
    const db = tmp();
    const r = await runCli(['pull', 'openai', '--since', day(-2), '--db', db], 160, openai.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // Minute buckets by default (openai's own): the complete window ends on a minute.
    expect(r.stdout).toMatch(new RegExp(`^openai: ${day(-2)} 00:00–\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC: [\\d,]+ pages, [\\d,]+ buckets, [\\d,]+ rows -> .*/raw/openai/\\d{8}T0000Z--\\d{8}T\\d{4}Z\\.jsonl\\.gz\\n`));
    expect(r.stdout).toMatch(/\(recent, not settled: held back from ingest until complete; fetched again next time\)\n/);
    expect(r.stdout).toMatch(/\n[\d,]+ calls ingested, 0 rows rejected\n$/);
    const again = await runCli(['pull', 'openai', '--db', db], 160, openai.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already ingested/);
  });

  it('shows progress on a terminal (pages, buckets, rows), and nothing of it when stderr is not one', async () => {
    clock.now = Date.now();
    let stderr = '';
    const io = { out: () => undefined, err: (t: string) => void (stderr += t), style: { color: false, columns: 100 }, interactive: true };
    const code = await main(['node', 'batchable', 'pull', 'openai', '--since', day(-1), '--db', tmp()], io, openai.env);
    expect(code).toBe(0);
    expect(stderr).toMatch(/\r\x1b\[2Kopenai: 1 page, \d+ buckets, \d+ rows/);
    expect(stderr).toMatch(/\r\x1b\[2Kopenai: 2 pages, /);
    expect(stderr.endsWith('\r\x1b[2K')).toBe(true); // the line is cleared at the end
  });

  it('rejects bad flags and missing settings with one line naming what to set', async () => {
    const db = tmp();
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['pull', 'openai', '--bucket-width', '5m'], openai.env, /^error: --bucket-width 5m: expected one of 1m, 1h, 1d\n$/],
      [['pull', 'openai', '--since', '2026-13-01'], openai.env, /^error: --since 2026-13-01: expected a calendar date YYYY-MM-DD/],
      [['pull', 'gemini'], openai.env, /^error: unknown pull source "gemini": expected one of openai, anthropic, langfuse, litellm, helicone, openai-costs, anthropic-costs, openrouter-activity, openrouter\n$/],
      [['pull', 'openai'], { OPENAI_BASE_URL: openai.env.OPENAI_BASE_URL! }, /^error: OPENAI_ADMIN_KEY is not set: set it to an OpenAI admin key/],
      [['pull', 'litellm'], { LITELLM_PROXY_API_KEY: 'k' }, /^error: litellm: no server to pull from; pass --base-url or set LITELLM_PROXY_URL/],
      [['pull', 'openai', '--settle', 'soon'], openai.env, /^error: --settle soon: expected a duration such as 0, 30m, 4h or 1d\n$/],
      [['pull', 'openai', '--base-url', 'ftp://x'], openai.env, /^error: --base-url ftp:\/\/x: expected an http:\/\/ or https:\/\/ URL\n$/],
      [['audit', '--pull', 'gemini'], openai.env, /^error: --pull gemini: expected one of openai, anthropic, langfuse, litellm, helicone, openai-costs, anthropic-costs, openrouter-activity\n$/],
      [['check', '--pull', 'openrouter', '--max-sync-share', '0.5'], openai.env, /^error: --pull openrouter: OpenRouter is pulled by generation id/],
    ];
    for (const [args, env, message] of cases) {
      const r = await runCli([...args, ...(args.includes('--db') ? [] : ['--db', db])], 120, env);
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
    }
  });

  it('refuses a coarser bucket width that would overlap the buckets already held', async () => {
    clock.now = Date.now();
    const db = tmp();
    // The first pull's complete buckets end at the last hour before now less the settle time: settled so that they
    // end at 12:00 UTC (today's or yesterday's), never on a day boundary, whatever the hour the test runs at. With
    // the default settle time it failed between 00:00 and 01:59 UTC, when the held data ended at midnight.
    const settleHours = (new Date(clock.now).getUTCHours() + 12) % 24;
    const settle = settleHours === 0 ? '0' : `${settleHours}h`;
    expect((await runCli(['pull', 'openai', '--since', day(-1), '--settle', settle, '--db', db], 120, openai.env)).code).toBe(0);
    const r = await runCli(['pull', 'openai', '--bucket-width', '1d', '--db', db], 120, openai.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --bucket-width 1d: the openai data already held ends at .*, not on a 1d boundary/);
  });
});

describe('--pull on audit and check', () => {
  it('check --pull openai pulls first, then gates on the pulled data (a nightly CI job)', async () => {
    clock.now = Date.now();
    const db = tmp();
    const r = await runCli(['check', '--pull', 'openai', '--since', day(-3), '--max-avoidable-share', '0.99', '--db', db], 160, openai.env);
    // The pull's window is its own (resume, or the last 7 days at first); --since filters the check.
    expect(r.stderr).toMatch(/^openai: first pull without --since: .*\nopenai: .* -> .*raw\/openai\/.*jsonl\.gz\n/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS|pass/);
  });

  it('audit --pull openai --pull openai-costs sets the billed cost beside the cost recomputed from usage', async () => {
    clock.now = Date.now();
    const db = tmp();
    const r = await runCli(['audit', '--pull', 'openai', '--pull', 'openai-costs', '--db', db], 200, openai.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/openai-costs: .* \$[\d.]+ reported -> /);
    expect(r.stdout).toContain('Billed cost (cost exports) vs cost recomputed from usage, per model and day');
  });

  it('plan --pull openai pulls into the workspace before planning', async () => {
    clock.now = Date.now();
    const db = tmp();
    const r = await runCli(['plan', '--pull', 'openai', '--db', db, '--format', 'json'], 160, openai.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^openai: first pull without --since: .*\nopenai: .* -> .*raw\/openai\/.*jsonl\.gz\n/);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('audit --pull langfuse prints the savings table from the pulled generations', async () => {
    clock.now = Date.now();
    const db = tmp();
    const r = await runCli(['audit', '--pull', 'langfuse', '--db', db], 160, langfuse.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/first pull without --since: fetching from .* \(the last 7 days\)/);
    expect(r.stdout).toMatch(/nightly-digest|summarize/);
  });
});
