// Cost exports: billed money that feeds reconciliation, never calls. Figures:
// fixtures/anthropic/console-usage.csv (2026-08-05) recomputed from the catalog:
//   claude-sonnet-4.6 batch: 1,200,000 in x 1.50 + 300,000 cache read x 0.15 + 450,000 out x 7.50 = $5.22; billed $5.22.
//   claude-opus-5 standard: 46,981 in x 5 + 15,969 5m writes x 6.25 + 16,932 out x 25 = $0.758011; billed at 90% = $0.682210.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anthropicCostCsv, anthropicCostReport, openaiCosts, openaiCostsCsv } from '../../src/ingest/adapters/costs.ts';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { chooseAdapter } from '../../src/ingest/detect.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const consoleCost = fixture('anthropic/claude_api_cost_2026_08.csv');
const costReport = fixture('anthropic/cost-report.json');
const openaiPage = fixture('openai/costs-line-items.json');
const openaiCostCsv = fixture('openai/cost_2026-03-31_2026-04-01.csv');

describe('cost export detection', () => {
  it('recognises each cost export as its own format, and no other format takes it', async () => {
    const cases = [[consoleCost, 'anthropic-cost-csv'], [costReport, 'anthropic-cost-report'], [openaiPage, 'openai-costs'], [fixture('openai/costs-page.json'), 'openai-costs'], [openaiCostCsv, 'openai-costs-csv']] as const;
    for (const [file, id] of cases) {
      const sample = await sniff(file);
      expect(chooseAdapter(file, sample).id, file).toBe(id);
      expect(adapters.filter((a) => a.id !== id && a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id), file).toEqual([]);
    }
  });
  it('usage exports are not cost exports', async () => {
    for (const other of ['anthropic/console-usage.csv', 'anthropic/usage-report.json', 'openai/usage-completions.json', 'openai/usage-buckets.json',
      'openai/completions_usage_2026-03-31_2026-04-02.csv', 'openai/completions_usage_2025-01-01_2025-01-02.csv']) {
      const sample = await sniff(fixture(other));
      for (const a of [anthropicCostCsv, anthropicCostReport, openaiCosts, openaiCostsCsv]) expect(a.detect(sample), `${a.id} on ${other}`).toBe(false);
    }
  });
});

describe('cost exports', () => {
  it('Console cost CSV: display names become ids pricing resolves; `--` is not applicable; a bad amount is a reject with its line', async () => {
    const { ws, summary } = await ingested([consoleCost]);
    expect(summary).toMatchObject({ calls: 0, rejects: 1 });
    expect(summary.files[0]).toMatchObject({ format: 'anthropic-cost-csv', rows: 8, costRows: 7 });
    // The rejected row keeps its text, as a file of calls' rejects do.
    expect(await ws.all("SELECT line, reason, raw FROM rejects")).toEqual([
      { line: 9n, reason: 'not a number in cost_usd: "not-a-number"', raw: '2026-08-06,Claude Opus 5,Default,Closer App,priority,> 200k,output,not-a-number,0.30,tokens,us,fast' },
    ]);
    const rows = await ws.all(`SELECT source_row, model, token_type, lane, project, api_key, cost_usd::VARCHAR AS cost, list_cost_usd::VARCHAR AS list FROM billed_costs ORDER BY source_row`);
    expect(rows[0]).toEqual({ source_row: 2n, model: 'claude-sonnet-4.6', token_type: 'input_no_cache', lane: 'batch', project: 'Data Pipeline', api_key: 'Nightly Jobs', cost: '1.800000000', list: '1.800000000' });
    expect(rows[6]).toEqual({ source_row: 8n, model: null, token_type: null, lane: null, project: 'Default', api_key: 'Closer App', cost: '0.030000000', list: '0.030000000' });
    expect(await ws.all('SELECT count(*) AS n FROM calls')).toEqual([{ n: 0n }]);
  });

  it('real Console cost exports of 2024 (fixtures/SOURCES.md): the older columns, with and without a workspace, batch rows', async () => {
    const { ws, summary } = await ingested([fixture('anthropic/real-claude_api_cost_2024_10.csv'), fixture('anthropic/real-claude_api_cost_2024_11.csv')]);
    expect(summary).toMatchObject({ calls: 0, rejects: 0 });
    expect(summary.files.map((f) => [f.format, f.rows, f.costRows])).toEqual([['anthropic-cost-csv', 12, 12], ['anthropic-cost-csv', 5, 5]]);
    const byDay = await ws.all(`SELECT strftime(ts, '%Y-%m-%d') AS day, lane, sum(cost_usd)::VARCHAR AS cost, count(DISTINCT model) AS models
      FROM billed_costs GROUP BY ALL ORDER BY day, lane`);
    // The files' own sums: 0.20 on Oct 28, 13.72 on Oct 29 (batch rows at 0.00), 0.13 on Nov 18.
    expect(byDay).toEqual([
      { day: '2024-10-28', lane: 'standard', cost: '0.200000000', models: 1n },
      { day: '2024-10-29', lane: 'batch', cost: '0.000000000', models: 2n },
      { day: '2024-10-29', lane: 'standard', cost: '13.720000000', models: 1n },
      { day: '2024-11-18', lane: 'standard', cost: '0.130000000', models: 2n },
    ]);
    // Display names with their snapshot dates keep them, as ids pricing resolves; the key name is kept.
    expect(await ws.all("SELECT DISTINCT model FROM billed_costs WHERE api_key = 'Stéphane' OR strftime(ts, '%m') = '11' ORDER BY model")).toEqual([
      { model: 'claude-3.5-sonnet-2024-06-20' }, { model: 'claude-3.5-sonnet-2024-10-22' },
    ]);
  });

  it('a line of cost pages that is not JSON is a reject with its line and text, not lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-costs-'));
    const file = join(dir, 'costs.jsonl');
    writeFileSync(file, `${JSON.stringify(JSON.parse(readFileSync(openaiPage, 'utf8')))}\n{"object": "page", "data": [\n`);
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-costs', rows: 5, costRows: 4, rejects: 1 });
    expect(await ws.all('SELECT line, reason, raw FROM rejects')).toEqual([{ line: 2n, reason: 'malformed JSON', raw: '{"object": "page", "data": [' }]);
  });

  it('cost_report amounts are cents: "123.45" is $1.2345', async () => {
    const { ws } = await ingested([costReport]);
    expect(await ws.all('SELECT model, lane, token_type, cost_usd::VARCHAR AS cost, ts FROM billed_costs')).toEqual([
      { model: 'claude-sonnet-4-6', lane: 'batch', token_type: 'uncached_input_tokens', cost: '1.234500000', ts: new Date('2026-07-29T00:00:00Z') },
    ]);
  });

  it('OpenAI costs: model, tier and token class from line_item; items without a model kept unattributed', async () => {
    const { ws } = await ingested([openaiPage]);
    expect(await ws.all('SELECT model, token_type, lane, project, cost_usd::VARCHAR AS cost, quantity FROM billed_costs ORDER BY source_path')).toEqual([
      { model: 'gpt-5.4-2026-03-05', token_type: 'input', lane: null, project: 'proj_etl', cost: '2.500000000', quantity: 1000000 },
      { model: 'gpt-5.4-2026-03-05', token_type: 'cached input', lane: null, project: 'proj_etl', cost: '0.250000000', quantity: 1000000 },
      { model: 'gpt-5.4-2026-03-05', token_type: 'output, long context', lane: 'priority', project: 'proj_chat', cost: '3.000000000', quantity: 100000 },
      { model: null, token_type: null, lane: null, project: 'proj_chat', cost: '0.500000000', quantity: 50 },
    ]);
  });

  it('OpenAI dashboard cost CSV: the same rows as the Costs API page it exports; an empty bucket is a skip', async () => {
    const { ws, summary } = await ingested([openaiCostCsv]);
    expect(summary.files[0]).toMatchObject({ format: 'openai-costs-csv', rows: 5, costRows: 4, rejects: 0, skipped: 1 });
    expect(await ws.all("SELECT line, reason FROM rejects")).toEqual([{ line: 6n, reason: 'an empty bucket: no cost in it' }]);
    const columns = 'ts, ended_at, provider, model, token_type, lane, project, cost_usd::VARCHAR AS cost, quantity, quantity_unit';
    const fromCsv = await ws.all(`SELECT ${columns} FROM billed_costs ORDER BY source_row`);
    const fromPage = await (await ingested([openaiPage])).ws.all(`SELECT ${columns} FROM billed_costs ORDER BY source_path`);
    expect(fromCsv).toEqual(fromPage);
    expect(fromCsv).toHaveLength(4);
  });

  it('audit compares billed with recomputed per model and day, flags a gap either way, and names what it could not compare', async () => {
    const r = await runCli(['audit', fixture('anthropic/console-usage.csv'), consoleCost, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Billed cost (cost exports) vs cost recomputed from usage, per model and day');
    expect(r.stdout).toMatch(/claude-opus-5 +│ 2026-08-05 │ +\$0\.68 │ +\$0\.76 │ +\$0\.08 │ recomputed higher/);
    expect(r.stdout).toMatch(/claude-sonnet-4\.6 +│ 2026-08-05 │ +\$5\.22 │ +\$5\.22 │ +\$0\.00 │ +│/);
    expect(r.stdout).toContain('$0.03 billed is not compared: no model, or a model the catalog does not price (web_search).');
    expect(r.stderr).toContain('anthropic-cost-csv, 7 billed cost rows loaded for reconciliation (not calls), 1 row rejected');
  });
});
