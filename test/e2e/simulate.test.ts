// The seeds' worked examples, from fixture files through the CLI (ingest -> classify -> price -> simulate).
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

type Json = {
  totals: { requests: number; current_usd: number; simulated_usd: number; savings_usd: number; steps: Record<string, number>; batchable_share: number };
  warnings: string[];
};

const simulate = async (file: string, ...flags: string[]) => {
  const r = await runCli(['simulate', fixture(`seeds/${file}`), '--db', ':memory:', ...flags]);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return r;
};
const json = async (file: string, ...flags: string[]) => JSON.parse((await simulate(file, '--format', 'json', ...flags)).stdout) as Json;

describe('seed 002: 1,000,000 calls at $0.01', () => {
  it('prints $7,000 and a $3,000 saving with --batch-share 0.6', async () => {
    const r = await simulate('ten-thousand-dollars.csv', '--batch-share', '0.6');
    const total = r.stdout.split('\n').find((l) => l.includes('total')) ?? '';
    expect(total.split('│').map((c) => c.trim()).filter((c) => c !== '')).toEqual(['total', '1,000,000', '$10,000.00', '$10,000.00', '$7,000.00', '$7,000.00', '$7,000.00', '$3,000.00']);
    expect(r.stderr).not.toContain('warning');
  });

  it('says so when the share batches work someone waits on (stderr and JSON)', async () => {
    const r = await simulate('ten-thousand-dollars.csv', '--batch-share', '0.8', '--format', 'json');
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.totals.simulated_usd).toBe(6000);
    expect(doc.totals.batchable_share).toBe(0.6);
    const warning =
      '--batch-share 0.8 is above the batchable share of synchronous requests (60.0%): 200,000 requests of blocking work move to batch. ' +
      'This batches work someone waits on; those users would wait up to 24 hours for a response.';
    expect(doc.warnings).toEqual([warning]);
    expect(r.stderr).toContain(`warning: ${warning}`);
  });
});

describe('seed 003: 40M in / 10M out on claude-sonnet-4.6, requests under 200k input', () => {
  it.each([
    [['--batch-share', '0'], 270, 270],
    [['--batch-share', '0', '--structural-discount', '0.15'], 270, 229.5],
    [['--batch-share', '1'], 270, 135],
    [['--batch-share', '1', '--structural-discount', '0.15'], 270, 114.75],
    [['--batch-share', '1', '--structural-discount', 'anthropic=0.15,openai=0.5'], 270, 114.75],
  ])('simulate %j', async (flags, now, final) => {
    const doc = await json('sonnet-job.csv', ...flags);
    expect([doc.totals.current_usd, doc.totals.simulated_usd]).toEqual([now, final]);
  });

  it('without --batch-share moves exactly the non-blocking work, one column per step', async () => {
    const doc = await json('sonnet-job.csv', '--structural-discount', '0.15');
    expect(doc.totals.steps).toEqual({ current_usd: 270, structural_usd: 229.5, batch_usd: 114.75, caching_usd: 114.75, credits_usd: 114.75 });
  });
});

describe('seed 003: gpt-5.4, 30M in / 10M out', () => {
  it('$225.00 -> $112.50 on batch', async () => {
    const doc = await json('gpt54-job.csv', '--batch-share', '1');
    expect([doc.totals.current_usd, doc.totals.simulated_usd, doc.totals.savings_usd]).toEqual([225, 112.5, 112.5]);
  });
});

describe('caching stacks on the lane and structural rate', () => {
  // 10M uncached input, 1M 5-minute and 1M 1-hour cache writes, 2M output on claude-sonnet-4.6:
  // $30 + $3.75 + $6 + $30 = $69.75. A 50% hit rate bills 6M of the 12M input as cache reads:
  // 4M x $3 + 6M x $0.30 + $3.75 + $6 + $30 = $53.55.
  it.each([
    [['--batch-share', '0'], 69.75],
    [['--batch-share', '1'], 34.875],
    [['--batch-share', '0', '--cache-hit-rate', '0.5'], 53.55],
    [['--batch-share', '1', '--cache-hit-rate', '0.5'], 26.775],
    [['--batch-share', '1', '--cache-hit-rate', '0.5', '--structural-discount', '0.15'], 22.75875],
    [['--batch-share', '1', '--cache-hit-rate', '0.5', '--structural-discount', '0.15', '--credit-bonus', '0.25'], 18.207],
    // a hit rate below what the data shows changes nothing
    [['--batch-share', '0', '--cache-hit-rate', '0'], 69.75],
  ])('simulate %j', async (flags, final) => {
    expect((await json('cache-job.csv', ...flags)).totals.simulated_usd).toBe(final);
  });
});

describe('flags', () => {
  it.each([
    [['--batch-share', '1.5'], '--batch-share 1.5: expected a decimal from 0 to at most 1'],
    [['--batch-share', 'most'], '--batch-share most: expected a decimal'],
    [['--structural-discount', '1.2'], '--structural-discount 1.2: expected a decimal from 0 to below 1'],
    [['--structural-discount', 'anthropic:0.1'], '--structural-discount anthropic:0.1: expected a decimal'],
    [['--cache-hit-rate', '2'], '--cache-hit-rate 2: expected a decimal'],
    [['--credit-bonus', '-0.1'], '--credit-bonus -0.1: expected a non-negative decimal'],
    [['--by', 'week'], '--by week: expected one of workload, model, provider, project, api_key, day'],
    [['--format', 'xml'], '--format xml: expected one of table, json, csv, markdown'],
    [['--since', '2026-13-01'], '--since 2026-13-01: expected a calendar date YYYY-MM-DD'],
    [['--since', '2026-10-02', '--until', '2026-10-01'], '--since 2026-10-02 is after --until 2026-10-01'],
    [['--min-saving', 'lots'], '--min-saving lots: expected a non-negative decimal'],
    [['--tz', 'Mars/Olympus'], '--tz Mars/Olympus: unknown time zone'],
  ])('%j exits 2 naming the flag', async (flags, message) => {
    const r = await runCli(['simulate', '--db', ':memory:', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${message}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
