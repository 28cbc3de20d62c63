// `batchable check` from fixture files through the CLI: verdicts, exit codes, baseline, GitHub Actions.
//
// fixtures/check/org-export.csv, priced by hand from the bundled catalog (USD per 1M tokens):
//   gpt-5.4 standard $2.50 in / $15 out, priority $5 / $30, batch $1.25 / $7.50; claude-sonnet-4.6 $3 / $15.
//   chat (streamed, user ids, daytime; blocking), 6 requests, all synchronous:
//     ch_001..003 gpt-5.4 standard   100,000 in x 2.50 = $0.25 + 10,000 out x 15 = $0.15 -> $0.40 each = $1.20
//     ch_004      gpt-5.4 priority    50,000 in x 5    = $0.25 +  5,000 out x 30 = $0.15 -> $0.40
//     ch_005..006 sonnet-4.6 standard 100,000 in x 3   = $0.30 + 10,000 out x 15 = $0.15 -> $0.45 each = $0.90
//     chat = $2.50
//   nightly-digest (tag job, 02:00, no user; non-blocking), 5 requests on standard, batch-eligible:
//     160,000 in x 2.50 = $0.40 + 40,000 out x 15 = $0.60 -> $1.00 each = $5.00 (all avoidable)
//   weekly-eval (non-blocking, already on the batch lane), 5 requests:
//     160,000 in x 1.25 = $0.20 + 40,000 out x 7.50 = $0.30 -> $0.50 each = $2.50
//   total $10.00; synchronous $7.50 -> sync share of spend 7.5/10 = 0.75; avoidable $5.00 -> 0.5;
//   requests 16, synchronous 6 + 5 = 11 -> sync share of requests 11/16 = 0.6875.
//   period: first call 2026-10-01 02:00 to last call 2026-10-16 02:00 = 15 days -> avoidable per 30 days
//   = $5.00 x 30 / 15 = $10.00.
// fixtures/check/unknown-request-counts.csv adds 2 daily buckets (nightly-summaries, non-blocking, standard)
//   without a request count: 500,000 in x 3 = $1.50 + 100,000 out x 15 = $1.50 -> $3.00 each = $6.00.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

const org = fixture('check/org-export.csv');
const uncounted = fixture('check/unknown-request-counts.csv');
const check = (args: string[], env = {}) => runCli(['check', ...args, '--db', ':memory:'], 120, env);
const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;
const tempDir = () => mkdtempSync(join(tmpdir(), 'batchable-check-'));

describe('check: thresholds', () => {
  it('passes when every threshold holds (a value equal to its limit holds)', async () => {
    const r = await check([org, '--max-sync-share', '0.8', '--max-avoidable-share', '0.5', '--max-avoidable-usd', '10']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'batchable check: PASS (all 3 thresholds hold)',
      // 0.75 >= 0.9 x 0.8 = 0.72: within 10% of the limit
      'PASS  max_sync_share (spend): synchronous share of spend 75.00%, limit 80.00% (within 10% of the limit)',
      'PASS  max_avoidable_share: avoidable share of spend 50.00%, limit 50.00% (within 10% of the limit)',
      'PASS  max_avoidable_usd: avoidable spend per 30 days $10.00, limit $10.00 (within 10% of the limit)',
    ]);
    expect(r.stdout).toContain('Period: 2026-10-01 02:00 UTC to 2026-10-16 02:00 UTC (15.0 days)');
    expect(r.stdout).toContain('Spend $10.00: $7.50 on synchronous lanes (standard, priority), $5.00 avoidable');
    expect(r.stdout).toContain('Requests: 11 of 16 on synchronous lanes');
    expect(r.stderr).toContain('16 calls ingested, 0 rows rejected');
    expect(r.stderr).not.toContain('error');
  });

  it('JSON: the documented contract with exact figures', async () => {
    const r = await check([org, '--max-sync-share', '0.8', '--max-avoidable-usd', '20', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc).toMatchObject({
      schema_version: 1,
      verdict: 'pass',
      thresholds: [
        { name: 'max_sync_share', basis: 'spend', value: 0.75, limit: 0.8, passed: true, near_limit: true },
        // $10.00 is not within 10% of $20.00 (needs >= $18.00)
        { name: 'max_avoidable_usd', value: 10, limit: 20, passed: true, near_limit: false },
      ],
      shares: { sync_share_spend: 0.75, sync_share_requests: 0.6875, avoidable_share: 0.5, avoidable_usd_30d: 10 },
      totals: { rows: 16, spend_usd: 10, sync_usd: 7.5, avoidable_usd: 5, requests: 16, sync_requests: 11, uncounted_rows: 0 },
      ranked_by: 'avoidable',
      period: { since: '2026-10-01T02:00:00Z', until: '2026-10-16T02:00:00Z', days: 15, normalising_days: 15 },
      notes: [],
    });
    // Only workloads with avoidable spend: chat has none, weekly-eval is already on batch.
    expect(doc.top_workloads).toEqual([{ name: 'nightly-digest', spend_usd: 5, sync_usd: 5, avoidable_usd: 5, sync_share: 0.5, avoidable_share: 0.5 }]);
  });

  it('fails with exit 1 on the synchronous share of spend, naming the workloads behind it', async () => {
    const r = await check([org, '--max-sync-share', '0.7']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  max_sync_share (spend): synchronous share of spend 75.00%, limit 70.00%\n');
    // Ranked by synchronous spend: digest $5.00 = 50% of $10.00, chat $2.50 = 25%; weekly-eval has none.
    expect(r.stdout).toContain('Workloads contributing most, by synchronous spend (shares are of all spend):');
    expect(r.stdout).toMatch(/│ nightly-digest │ \$5\.00 │\s+\$5\.00 │\s+50\.00% │\s+\$5\.00 │\s+50\.00% │/);
    expect(r.stdout).toMatch(/│ chat\s+│ \$2\.50 │\s+\$2\.50 │\s+25\.00% │\s+\$0\.00 │\s+0\.00% │/);
    expect(r.stdout).not.toContain('weekly-eval');
    expect(r.stderr).toContain('error: check failed: max_sync_share (spend) over the limit (exit 1)');
  });

  it('--basis requests: 11 of 16 requests are synchronous (68.75%)', async () => {
    const pass = await check([org, '--basis', 'requests', '--max-sync-share', '0.7']);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('PASS  max_sync_share (requests): synchronous share of requests 68.75%, limit 70.00%');
    const fail = await check([org, '--basis', 'requests', '--max-sync-share', '0.68', '--format', 'json']);
    expect(fail.code).toBe(1);
    expect(json(fail.stdout).thresholds).toEqual([{ name: 'max_sync_share', basis: 'requests', value: 0.6875, limit: 0.68, passed: false, near_limit: false }]);
  });

  it('the same limit holds on one basis and breaks on the other', async () => {
    // 0.6875 <= 0.7 on requests; 0.75 > 0.7 on spend (the digest's requests cost more than chat's).
    const requests = await check([org, '--basis', 'requests', '--max-sync-share', '0.7']);
    const spend = await check([org, '--basis', 'spend', '--max-sync-share', '0.7']);
    expect([requests.code, spend.code]).toEqual([0, 1]);
  });

  it('prints the verdict, totals and workloads as a table and as markdown (snapshots)', async () => {
    const args = [org, '--max-sync-share', '0.8', '--max-avoidable-share', '0.4'];
    const table = await check(args);
    await expect(table.stdout).toMatchFileSnapshot('./__snapshots__/check-org-export.table.txt');
    const markdown = await check([...args, '--format', 'markdown']);
    await expect(markdown.stdout).toMatchFileSnapshot('./__snapshots__/check-org-export.md');
  });

  it('fails on the avoidable share of spend', async () => {
    const r = await check([org, '--max-avoidable-share', '0.45', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    expect(doc.verdict).toBe('fail');
    expect(doc.thresholds).toEqual([{ name: 'max_avoidable_share', value: 0.5, limit: 0.45, passed: false, near_limit: false }]);
    expect(r.stderr).toContain('error: check failed: max_avoidable_share over the limit (exit 1)');
  });

  it('fails on avoidable USD per 30 days ($5.00 in 15 days = $10.00)', async () => {
    const r = await check([org, '--max-avoidable-usd', '9.99']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  max_avoidable_usd: avoidable spend per 30 days $10.00, limit $9.99\n');
    expect(r.stdout).toContain('Workloads contributing most, by avoidable spend (shares are of all spend):');
  });

  it('scales from at least one day: one digest call on 2026-10-16 is $1.00 -> $30.00 per 30 days', async () => {
    const r = await check([org, '--since', '2026-10-16', '--until', '2026-10-16', '--max-avoidable-usd', '$30', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.shares).toEqual({ sync_share_spend: 1, sync_share_requests: 1, avoidable_share: 1, avoidable_usd_30d: 30 });
    expect(doc.period).toEqual({ since: '2026-10-16T02:00:00Z', until: '2026-10-16T02:00:00Z', days: 0, normalising_days: 1 });
    expect(doc.notes).toEqual(['the data covers less than a day; avoidable spend per 30 days is scaled from 1 day (the floor), not from the few hours seen']);
  });

  it('--workload filters: chat alone is all synchronous, none of it avoidable', async () => {
    const r = await check([org, '--workload', 'chat', '--max-sync-share', '0.99', '--max-avoidable-share', '0', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).shares).toEqual({ sync_share_spend: 1, sync_share_requests: 1, avoidable_share: 0, avoidable_usd_30d: 0 });
    expect(json(r.stdout).thresholds.map((t: any) => [t.name, t.passed])).toEqual([
      ['max_sync_share', false],
      ['max_avoidable_share', true],
    ]);
  });

  it('--rules: a rule that makes the digest blocking leaves nothing avoidable', async () => {
    const r = await check([org, '--rules', fixture('check/rules-digest-blocking.yaml'), '--max-avoidable-share', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS  max_avoidable_share: avoidable share of spend 0.00%, limit 0.00%\n');
  });

  it('rows without a request count stay in the spend basis and leave the requests basis, with a note', async () => {
    // spend: synchronous 7.50 + 6.00 = 13.50 of 16.00 = 0.84375; avoidable 5 + 6 = 11 of 16 = 0.6875;
    // requests: the 2 buckets have no count -> still 11 of 16 = 0.6875; avoidable per 30 days = 11 x 30/15 = $22.00.
    const r = await check([org, uncounted, '--basis', 'requests', '--max-sync-share', '0.7', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.shares).toEqual({ sync_share_spend: 0.84375, sync_share_requests: 0.6875, avoidable_share: 0.6875, avoidable_usd_30d: 22 });
    expect(doc.totals).toMatchObject({ rows: 18, requests: 16, uncounted_rows: 2, uncounted_usd: 6 });
    expect(doc.notes).toEqual([
      '2 bucket rows without a request count ($6.00 of spend) left out of the requests basis (sync_share_requests); the spend basis counts them',
    ]);
    const table = await check([org, uncounted, '--max-sync-share', '0.85']);
    expect(table.stdout).toContain('Note: 2 bucket rows without a request count ($6.00 of spend) left out of the requests basis');
  });
});

describe('check: baseline', () => {
  // fixtures/check/baseline-main.json: sync_share_spend 0.7, sync_share_requests 0.6875, avoidable_share 0.45.
  // Now 0.75, 0.6875, 0.5: increases of +5.00, +0.00 and +5.00 percentage points.
  const baseline = fixture('check/baseline-main.json');

  it('holds when no share rose more than --max-increase points', async () => {
    const r = await check([org, '--baseline', baseline, '--max-increase', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'batchable check: PASS (all 3 thresholds hold)',
      'PASS  max_increase (sync_share_spend): increase of the synchronous share of spend over the baseline +5.00 pp (70.00% -> 75.00%), limit +5.00 pp (within 10% of the limit)',
      'PASS  max_increase (sync_share_requests): increase of the synchronous share of requests over the baseline +0.00 pp (68.75% -> 68.75%), limit +5.00 pp',
      'PASS  max_increase (avoidable_share): increase of the avoidable share of spend over the baseline +5.00 pp (45.00% -> 50.00%), limit +5.00 pp (within 10% of the limit)',
    ]);
  });

  it('fails with exit 1 when a share rose more than allowed', async () => {
    const r = await check([org, '--baseline', baseline, '--max-increase', '4.5', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).thresholds).toEqual([
      { name: 'max_increase', share: 'sync_share_spend', baseline: 0.7, current: 0.75, value: 5, limit: 4.5, passed: false, near_limit: false },
      { name: 'max_increase', share: 'sync_share_requests', baseline: 0.6875, current: 0.6875, value: 0, limit: 4.5, passed: true, near_limit: false },
      { name: 'max_increase', share: 'avoidable_share', baseline: 0.45, current: 0.5, value: 5, limit: 4.5, passed: false, near_limit: false },
    ]);
    expect(r.stderr).toContain('error: check failed: max_increase (sync_share_spend), max_increase (avoidable_share) over the limit (exit 1)');
  });

  it("a run's own JSON is a baseline: unchanged data rises by 0 points", async () => {
    const file = join(tempDir(), 'main-check.json');
    const first = await check([org, uncounted, '--max-sync-share', '0.9', '--format', 'json']);
    expect(first.code).toBe(0);
    writeFileSync(file, first.stdout);
    const r = await check([org, uncounted, '--baseline', file, '--max-increase', '0', '--format', 'json']);
    expect(r.code).toBe(0);
    // 0.84375 and 0.6875 (twice): every share compared, every increase exactly 0.
    expect(json(r.stdout).thresholds.map((t: any) => [t.share, t.value, t.passed])).toEqual([
      ['sync_share_spend', 0, true],
      ['sync_share_requests', 0, true],
      ['avoidable_share', 0, true],
    ]);
  });
});

describe('check: GitHub Actions', () => {
  const args = [org, '--max-sync-share', '0.8', '--max-avoidable-share', '0.4'];

  it('annotates breaches (::error::) and near misses (::warning::) and appends the summary', async () => {
    const summary = join(tempDir(), 'step-summary.md');
    writeFileSync(summary, '## earlier step\n');
    const r = await check(args, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    // Workflow-command data escapes % as %25 (GitHub shows it as %).
    expect(annotations).toEqual([
      '::warning::batchable check: max_sync_share (spend) is within 10%25 of its limit: synchronous share of spend 75.00%25, limit 80.00%25',
      '::error::batchable check: max_avoidable_share breached: avoidable share of spend 50.00%25, limit 40.00%25 (largest: nightly-digest, $5.00 avoidable, 50.00%25 of spend)',
    ]);
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('## earlier step\n### ❌ batchable check: FAIL (1 of 2 thresholds breached)\n')).toBe(true);
    expect(written).toContain('| PASS (near the limit) | max_sync_share (spend) | synchronous share of spend | 75.00% | 80.00% |');
    expect(written).toContain('| **FAIL** | max_avoidable_share | avoidable share of spend | 50.00% | 40.00% |');
    expect(written).toContain('| nightly-digest | $5.00 | $5.00 | 50.00% | $5.00 | 50.00% |');
  });

  it('outside GitHub Actions: no annotations, no summary written', async () => {
    const summary = join(tempDir(), 'step-summary.md');
    writeFileSync(summary, '');
    const r = await check(args, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('::');
    expect(readFileSync(summary, 'utf8')).toBe('');
  });

  it('with --format json the annotations go to stderr, so stdout stays a baseline', async () => {
    const r = await check([...args, '--format', 'json'], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    expect(json(r.stdout).verdict).toBe('fail');
    expect(r.stderr).toContain('::error::batchable check: max_avoidable_share breached');
  });
});

// Over the whole period check reads savings_base (the sums kept with the analysis, src/check/measure.ts); with
// --since/--until it reads every call. A period that covers every call must give the same figures to the byte.
describe('check: the kept sums and the per-call pass agree', () => {
  const everything = ['--since', '2000-01-01', '--until', '2099-12-31'];
  const limits = ['--max-sync-share', '0.5', '--max-avoidable-share', '0.1', '--max-avoidable-usd', '1', '--max-unpriced-share', '0.5', '--format', 'json'];
  it.each([
    ['the org export', [org]],
    ['rows without a request count', [org, uncounted]],
    ['one workload', [org, uncounted, '--workload', 'nightly-summaries']],
    ['a month of real-shaped traffic', [fixture('example-month/larkspur-2026-10.csv.gz')]],
  ])('%s', async (_name, args) => {
    const kept = await check([...args, ...limits]);
    const perCall = await check([...args, ...everything, ...limits]);
    expect(kept.stderr).toBe(perCall.stderr);
    expect(kept.stdout).toBe(perCall.stdout);
    expect(json(kept.stdout).totals.rows).not.toBe('0');
  });
});

describe('check: exit 2 for bad usage or input', () => {
  it('is wired into the program (main maps the usage error to exit 2)', async () => {
    const r = await runCli(['check', org, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: no threshold to check');
  });

  const cases: [string, string[], string][] = [
    [
      'no threshold',
      [org],
      'error: no threshold to check: pass at least one of --max-sync-share S, --max-avoidable-share S, --max-avoidable-usd N, --max-unpriced-share S, or --baseline FILE with --max-increase P',
    ],
    ['a share above 1', [org, '--max-avoidable-share', '1.5'], 'error: --max-avoidable-share 1.5: expected a decimal from 0 to at most 1, e.g. 0.15'],
    ['a negative share', [org, '--max-sync-share', '-0.2'], 'error: --max-sync-share -0.2: expected a decimal from 0 to at most 1, e.g. 0.15'],
    ['an unknown basis', [org, '--max-sync-share', '0.5', '--basis', 'tokens'], 'error: --basis tokens: expected one of spend, requests'],
    ['an unknown format', [org, '--max-sync-share', '0.5', '--format', 'csv'], 'error: --format csv: expected one of table, json, markdown'],
    ['a baseline without --max-increase', [org, '--baseline', fixture('check/baseline-main.json')], '--max-increase P'],
    ['--max-increase without a baseline', [org, '--max-increase', '5'], 'error: --max-increase 5: also pass --baseline FILE'],
    ['a missing baseline', [org, '--baseline', 'no-such-check.json', '--max-increase', '5'], 'error: no-such-check.json: cannot read the --baseline file (no such file or directory)'],
    ['a truncated baseline', [org, '--baseline', fixture('check/baseline-truncated.json'), '--max-increase', '5'], 'baseline-truncated.json: --baseline is not JSON'],
    [
      'a baseline from another command',
      [org, '--baseline', fixture('check/baseline-not-check.json'), '--max-increase', '5'],
      'baseline-not-check.json: --baseline is not a `batchable check --format json` output at shares',
    ],
    ['an unreadable usage file', ['no-such-export.csv', '--max-sync-share', '0.5'], 'error: no-such-export.csv: no such file or directory'],
    ['an unknown model with --strict-prices', [fixture('check/unknown-model.csv'), '--max-sync-share', '0.5', '--strict-prices'], 'error: unknown model, no price in the catalog: "gpt-9-preview" (1 calls;'],
    ['an unknown time zone', [org, '--since', '2026-10-01', '--tz', 'Mars/Base', '--max-sync-share', '0.5'], 'error: --tz Mars/Base: unknown time zone'],
    ['a bad date', [org, '--since', '2026-13-01', '--max-sync-share', '0.5'], 'error: --since 2026-13-01: expected a calendar date YYYY-MM-DD'],
    ['a dollar limit that is not a number', [org, '--max-avoidable-usd', 'lots'], 'error: --max-avoidable-usd lots: expected a non-negative decimal'],
    ['an increase over 100 points', [org, '--baseline', fixture('check/baseline-main.json'), '--max-increase', '150'], 'error: --max-increase 150: expected percentage points from 0 to 100'],
    ['requests basis with no request counts', [uncounted, '--basis', 'requests', '--max-sync-share', '0.5'], 'error: --basis requests: none of the 2 rows has a request count'],
    ['nothing selected', [org, '--workload', 'no-such-workload', '--max-sync-share', '0.5'], 'error: nothing to check: no priced calls in the workspace matching --workload no-such-workload'],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await check(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});
