// `batchable audit` from fixture files through the CLI, in a pinned environment (no colour, 120 columns).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

const audit = (...args: string[]) => runCli(['audit', ...args, '--db', ':memory:']);

describe('audit', () => {
  it('prints the savings table per workload', async () => {
    const r = await audit(fixture('seeds/ten-thousand-dollars.csv'));
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('./__snapshots__/audit-ten-thousand.table.txt');
    expect(r.stdout).toContain('30-day estimate: $10,000.00 now, $7,000.00 with batchable work on batch, saving $3,000.00');
    expect(r.stderr).toContain('2 calls ingested, 0 rows rejected');
  });

  it('JSON: the documented contract with exact figures', async () => {
    const r = await audit(fixture('seeds/ten-thousand-dollars.csv'), '--format', 'json');
    const doc = JSON.parse(r.stdout) as Record<string, any>;
    expect(doc.schema_version).toBe(3);
    expect(doc.period).toEqual({ since: '2026-10-01T00:00:00Z', until: '2026-10-31T00:00:00Z', days: 30 });
    expect(doc.totals).toMatchObject({ requests: 1_000_000, current_usd: 10_000, simulated_usd: 7_000, savings_usd: 3_000, savings_share: 0.3, sync_share: 1, batchable_share: 0.6 });
    expect(doc.workloads.map((w: any) => [w.name, w.label, w.requests, w.current_usd, w.simulated_usd, w.savings_usd])).toEqual([
      ['nightly-enrichment', 'non_blocking', 600_000, 6_000, 3_000, 3_000],
      ['chat', 'blocking', 400_000, 4_000, 4_000, 0],
    ]);
    expect(doc.workloads[0].reasons.length).toBeGreaterThan(0);
  });

  it('saves nothing on blocking work and says where batch would not pay', async () => {
    const r = await audit(fixture('seeds/sonnet-job.csv'), '--min-saving', '1000', '--format', 'json');
    const doc = JSON.parse(r.stdout) as { notes: string[]; totals: { savings_usd: number; monthly: unknown } };
    expect(doc.totals.savings_usd).toBe(135);
    expect(doc.totals.monthly).toBeNull(); // one hour of data: no 30-day extrapolation
    expect(doc.notes).toContain(
      'nightly-classification: low volume, batch saves $135.00 in this period, under --min-saving $1,000.00; the plumbing (submission, polling, reconciliation) costs more. Stay synchronous.',
    );
  });

  it('groups --by model and provider', async () => {
    const r = await audit(fixture('seeds/sonnet-job.csv'), fixture('seeds/gpt54-job.csv'), '--by', 'provider', '--format', 'csv');
    expect(r.stdout.split('\n').slice(1, 3)).toEqual([
      'anthropic,non_blocking,400,0.000000,270.000000,270.000000,135.000000,135.000000,135.000000,135.000000,270.000000,"name: ""nightly"" names a scheduled or bulk job",0',
      'openai,non_blocking,300,0.000000,225.000000,225.000000,112.500000,112.500000,112.500000,112.500000,225.000000,"name: ""nightly"" names a scheduled or bulk job",0',
    ]);
  });

  it('shows the reconciliation when a source reported its cost', async () => {
    const r = await audit(fixture('seeds/gpt54-job.csv'));
    expect(r.stdout).toContain('Reconciliation: recomputed cost vs the cost the source reported');
    expect(r.stdout).toMatch(/gpt-5\.4\s+│ standard\s+│\s+1 │\s+\$225\.00 │\s+\$225\.00 │\s+\$0\.00 │/);
  });

  it('--export-calls writes every call with its label and cost', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-')), 'calls.csv');
    const r = await audit(fixture('seeds/ten-thousand-dollars.csv'), '--export-calls', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`2 calls with their labels and costs written to ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('bkt_enrich');
  });

  it('--workload keeps only the named workloads', async () => {
    const r = await audit(fixture('seeds/ten-thousand-dollars.csv'), '--workload', 'chat', '--format', 'json');
    expect((JSON.parse(r.stdout) as { workloads: { name: string }[] }).workloads.map((w) => w.name)).toEqual(['chat']);
  });
});
