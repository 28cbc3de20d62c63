// The reconciliation (recomputed vs the cost the source reported) is data in the report model, so every format
// carries it: table, JSON, CSV, markdown and HTML. fixtures/seeds/gpt54-job.csv states its cost: 30M input +
// 10M output tokens of gpt-5.4 at $2.50 / $15 per 1M = $225.00 recomputed, $225.00 reported.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

const audit = (...args: string[]) => runCli(['audit', fixture('seeds/gpt54-job.csv'), '--db', ':memory:', ...args]);

describe('reconciliation in every format', () => {
  it('table', async () => {
    const r = await audit();
    expect(r.stdout).toContain('Reconciliation: recomputed cost vs the cost the source reported');
    expect(r.stdout).toMatch(/gpt-5\.4\s+│ standard\s+│\s+1 │\s+\$225\.00 │\s+\$225\.00 │\s+\$0\.00 │/);
  });

  it('JSON', async () => {
    const doc = JSON.parse((await audit('--format', 'json')).stdout) as { reconciliation: unknown };
    expect(doc.reconciliation).toEqual([{ model: 'gpt-5.4', lane: 'standard', rows: 1, recomputed_usd: 225, reported_usd: 225, residual_usd: 0, flag: null }]);
  });

  it('CSV: a second table after an empty line', async () => {
    const tables = (await audit('--format', 'csv')).stdout.split('\n\n');
    expect(tables).toHaveLength(3);
    expect(tables[1]).toBe('reconciliation_model,lane,rows_compared,recomputed_usd,reported_usd,residual_usd,flag\ngpt-5.4,standard,1,225.000000,225.000000,0.000000,');
    // The notes come last, as the other formats list them under the table.
    expect(tables[2]).toBe('note_kind,note\nnote,The data covers less than a day: no 30-day estimate (a daily job would be extrapolated from one run).\n');
  });

  it('markdown: a pipe table', async () => {
    const md = (await audit('--format', 'markdown')).stdout;
    expect(md).toContain('**Reconciliation: recomputed cost vs the cost the source reported**\n\n| model | lane | rows compared | recomputed | reported | residual | flag |\n');
    expect(md).toContain('| gpt-5.4 | standard | 1 | $225.00 | $225.00 | $0.00 |  |');
  });

  it('HTML: a section with the same figures', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-rc-html-')), 'report.html');
    expect((await audit('--html', file)).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<section id="reconciliation"><h2>Reconciliation: recomputed cost vs the cost the source reported</h2>');
    expect(html).toMatch(/<tr data-reconciliation="gpt-5\.4\/standard">.*<td class="num" data-field="recomputed_usd">\$225\.00<\/td><td class="num" data-field="reported_usd">\$225\.00<\/td><td class="num" data-field="residual_usd">\$0\.00<\/td>/);
  });

  it('no section anywhere when no source reported a cost', async () => {
    const r = await runCli(['audit', fixture('seeds/ten-thousand-dollars.csv'), '--db', ':memory:', '--format', 'csv']);
    expect(r.stdout).not.toContain('\n\n');
    const md = await runCli(['audit', fixture('seeds/ten-thousand-dollars.csv'), '--db', ':memory:', '--format', 'markdown']);
    expect(md.stdout).not.toContain('Reconciliation');
  });
});

// The other reconciliation: what cost exports say was billed against the cost recomputed from usage, per model
// and UTC day. fixtures/anthropic/claude_api_cost_2026_08.csv bills $0.68221 of claude-opus-5 (recomputed from
// console-usage.csv: $0.758011, flagged) and $5.22 of claude-sonnet-4.6 (equal), plus $0.03 of web search that
// names no model.
describe('billed vs recomputed in every format', () => {
  const billed = (...args: string[]) =>
    runCli(['audit', fixture('anthropic/console-usage.csv'), fixture('anthropic/claude_api_cost_2026_08.csv'), '--db', ':memory:', ...args]);

  it('table', async () => {
    const r = await billed();
    expect(r.stdout).toContain('Billed cost (cost exports) vs cost recomputed from usage, per model and day');
    expect(r.stdout).toMatch(/claude-opus-5 +│ 2026-08-05 │ +\$0\.68 │ +\$0\.76 │ +\$0\.08 │ recomputed higher/);
    expect(r.stdout).toContain('$0.03 billed is not compared: no model, or a model the catalog does not price (web_search).');
  });

  it('JSON: exact figures, and what was not compared', async () => {
    const doc = JSON.parse((await billed('--format', 'json')).stdout) as { billed_reconciliation: unknown };
    expect(doc.billed_reconciliation).toEqual({
      rows: [
        { model: 'claude-opus-5', day: '2026-08-05', billed_usd: 0.68221, recomputed_usd: 0.758011, residual_usd: 0.075801, flag: 'recomputed_above' },
        { model: 'claude-sonnet-4.6', day: '2026-08-05', billed_usd: 5.22, recomputed_usd: 5.22, residual_usd: 0, flag: null },
      ],
      unattributed_usd: 0.03,
      unattributed_names: ['web_search'],
    });
  });

  it('CSV: a table of its own after an empty line', async () => {
    const tables = (await billed('--format', 'csv')).stdout.split('\n\n');
    expect(tables.find((t) => t.startsWith('billed_model,'))).toBe(
      'billed_model,day,billed_usd,recomputed_usd,residual_usd,flag\nclaude-opus-5,2026-08-05,0.682210,0.758011,0.075801,recomputed_above\nclaude-sonnet-4.6,2026-08-05,5.220000,5.220000,0.000000,',
    );
  });

  it('markdown', async () => {
    const md = (await billed('--format', 'markdown')).stdout;
    expect(md).toContain('**Billed cost (cost exports) vs cost recomputed from usage, per model and day**');
    expect(md).toMatch(/│ claude-opus-5 +│ 2026-08-05 │ +\$0\.68 │ +\$0\.76 │ +\$0\.08 │ recomputed higher │/);
    expect(md).toContain('$0.03 billed is not compared');
  });

  it('HTML: a section with the same rows, total and note', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-billed-html-')), 'report.html');
    expect((await billed('--html', file)).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<section id="billed"><h2>Billed cost (cost exports) vs cost recomputed from usage, per model and day</h2>');
    expect(html).toContain('<tr data-billed="claude-opus-5/2026-08-05"><th scope="row" class="name">claude-opus-5</th><td>2026-08-05</td><td class="num" data-field="billed_usd">$0.68</td><td class="num" data-field="recomputed_usd">$0.76</td><td class="num" data-field="residual_usd">$0.08</td><td>recomputed higher</td></tr>');
    expect(html).toMatch(/<tr data-billed-total="">.*data-field="billed_usd">\$5\.90<.*data-field="recomputed_usd">\$5\.98</);
    expect(html).toContain('<p>$0.03 billed is not compared: no model, or a model the catalog does not price (web_search).</p>');
  });

  it('no billed section without cost exports', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-billed-html-')), 'report.html');
    expect((await audit('--html', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('id="billed"');
  });
});
