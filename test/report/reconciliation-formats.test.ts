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
    expect(tables).toHaveLength(2);
    expect(tables[1]).toBe('reconciliation_model,lane,rows_compared,recomputed_usd,reported_usd,residual_usd,flag\ngpt-5.4,standard,1,225.000000,225.000000,0.000000,\n');
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
