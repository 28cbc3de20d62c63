// Cost reports (OpenAI Costs API, Anthropic cost_report): paged day by day like usage, kept as raw files, never
// ingested, and their amounts summed exactly for the summary (in doubles 0.1 + 0.2 is not 0.3).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDecimal, formatDecimal, parseDecimal, zeroDecimal } from '../../src/pull/decimal-sum.ts';
import { withWorkspace } from '../../src/db/workspace.ts';
import { runCli } from '../helpers/cli.ts';
import { startFakeApi, type Clock, type FakeApi } from './fake-apis.ts';

it('sums decimal amounts exactly, whatever their spelling', () => {
  const sum = ['0.06', 0.1, 0.2, '1.2e-7', 5, '-0.01'].reduce((acc, v) => addDecimal(acc, parseDecimal(v)!), zeroDecimal);
  expect(formatDecimal(sum)).toBe('5.35000012');
  expect(0.1 + 0.2).not.toBe(0.3); // why: doubles add 0.1 and 0.2 to 0.30000000000000004
  expect(parseDecimal('12,5')).toBeUndefined();
  expect(parseDecimal(Number.NaN)).toBeUndefined();
});

describe.each([
  ['openai', 'openai-costs', '0.36'],
  ['anthropic', 'anthropic-costs', '1.2395'],
] as const)('pull %s costs', (id, source, perDay) => {
  const clock: Clock = { now: 0 };
  let api: FakeApi;
  let db: string;
  beforeEach(async () => {
    clock.now = Date.now();
    api = await startFakeApi(id, clock);
    db = join(mkdtempSync(join(tmpdir(), 'batchable-costs-')), 'usage.duckdb');
  });
  afterEach(() => api.close());

  it('pages day buckets, prints what each window reports, exactly, and loads the settled days as billed costs', async () => {
    const since = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const r = await runCli(['pull', source, '--since', since, '--db', db], 160, api.env);
    expect(r.code).toBe(0);
    const days = 4; // the last day is not settled (cost reports lag a day): fetched, not counted as complete
    const total = formatDecimal(Array.from({ length: days }, () => parseDecimal(perDay)!).reduce(addDecimal, zeroDecimal));
    expect(r.stdout).toContain(`: 2 pages, ${days} buckets, ${days * (id === 'openai' ? 3 : 2)} rows, $${total} reported -> `);
    expect(r.stdout).toMatch(/\(recent, not settled: held back from ingest until complete; fetched again next time\)/);
    expect(r.stdout).toContain(`${days * (id === 'openai' ? 3 : 2)} billed cost rows loaded for reconciliation (not calls)`);
    const billed = await withWorkspace(db, (ws) => ws.all<{ usd: string }>('SELECT sum(cost_usd)::VARCHAR AS usd FROM billed_costs'));
    expect(formatDecimal(parseDecimal(billed[0]?.usd)!)).toBe(total);
    expect(readdirSync(join(db, '..', 'raw', source))).toHaveLength(2);
    const bad = await runCli(['pull', source, '--bucket-width', '1h', '--db', db], 160, api.env);
    expect([bad.code, bad.stderr]).toEqual([2, `error: --bucket-width 1h: ${source} reports 1d buckets only\n`]);
  });
});
