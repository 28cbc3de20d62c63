// An export with unknown models among known ones: the full report, the Unpriced section in every output, exit 0;
// --strict-prices exits 2 as before; check gates on the unpriced share.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

// 7 calls: claude-sonnet-4-6 ($4.50), a Bedrock us. profile of Opus 4.6 ($5.50 + 2 web searches at $10 per 1,000 =
// $5.52), acme-internal-llm twice with a reported cost ($0.012345678 + $0.006, one on batch), an OpenRouter :free call
// and mystery-model twice (3 web searches on one call: no rate, as the model has no price).
const file = fixture('pricing/unpriced-mixed.csv');
const audit = (...args: string[]) => runCli(['audit', file, '--db', ':memory:', ...args], 200);

describe('unknown models among known ones', () => {
  it('table: the whole report, then the Unpriced section with the fix lines; exit 0', async () => {
    const r = await audit();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ total +│ +4 │ +\$10\.04 │/);
    expect(r.stdout).toContain('Unpriced: calls the catalog has no price for');
    expect(r.stdout).toContain('5 requests of 3 model ids have no catalog price: 3 left out of every money figure, 2 counted at the cost their source reported ($0.02, marked "(reported)")');
    expect(r.stdout).toContain('3 web searches on mystery-model: no rate in the catalog, not priced (never as text tokens).');
    expect(r.stdout).not.toContain('web searches on us.anthropic');
    expect(r.stdout).toMatch(/│ mystery-model +│ \? +│ +2 │ +2 │ +330 │ +– │/);
    expect(r.stdout).toContain("Fix: batchable pricing alias 'mystery-model=<catalog id>'");
  });

  it('JSON: totals.unpriced_requests and unpriced_reported_usd (schema 3), and the unpriced models with reason, closest ids and fix', async () => {
    const doc = JSON.parse((await audit('--format', 'json', '--by', 'model')).stdout);
    expect(doc.schema_version).toBe(3);
    expect(doc.totals).toMatchObject({ requests: 4, current_usd: 10.038346, unpriced_requests: 3, unpriced_reported_usd: 0.018346 });
    // The reported cost is the spend now of the unpriced model's calls, marked; the one on the standard lane could
    // batch at OpenAI's rule (half), the batch one is already there.
    expect(doc.workloads.find((w: { name: string }) => w.name === 'acme-internal-llm (reported)')).toMatchObject({ requests: 2, current_usd: 0.018346 });
    expect(doc.unpriced.models).toEqual([
      { model: 'acme-internal-llm', provider: 'openai', reason: 'no price in the catalog', calls: 2, requests: 2, tokens: 11000, reported_usd: 0.018346, reported_calls: 2, unpriced_requests: 0, closest_ids: expect.any(Array), fix: "batchable pricing alias 'acme-internal-llm=<catalog id>'" },
      { model: 'mystery-model', provider: null, reason: 'no price in the catalog', calls: 2, requests: 2, tokens: 330, reported_usd: null, reported_calls: 0, unpriced_requests: 2, closest_ids: expect.any(Array), fix: "batchable pricing alias 'mystery-model=<catalog id>'" },
      { model: 'google/gemini-2.5-flash:free', provider: 'openrouter', reason: 'an OpenRouter `:free` variant: billed $0 by OpenRouter, no catalog price', calls: 1, requests: 1, tokens: 110, reported_usd: null, reported_calls: 0, unpriced_requests: 1, closest_ids: expect.arrayContaining(['gemini-2.5-flash']), fix: "batchable pricing alias 'google/gemini-2.5-flash:free=gemini-2.5-flash'" },
    ]);
    expect(doc.unpriced.charges).toEqual([{ model: 'mystery-model', charge: 'web_search_requests', calls: 1, quantity: 3 }]);
  });

  it('CSV, markdown and HTML carry the section too', async () => {
    const csv = (await audit('--format', 'csv')).stdout.trimEnd().split('\n');
    const at = csv.indexOf('unpriced_model,provider,calls,requests,tokens,reported_usd,reported_calls,unpriced_requests,reason,closest_ids,fix');
    expect(csv[at - 1]).toBe(''); // a table of its own, after one empty line
    expect(csv[at + 1]).toMatch(/^acme-internal-llm,openai,2,2,11000,0\.018346,2,0,no price in the catalog,[^,]*,batchable pricing alias 'acme-internal-llm=<catalog id>'$/);
    expect(csv[at + 2]).toMatch(/^mystery-model,,2,2,330,,0,2,/);
    const md = (await audit('--format', 'markdown')).stdout;
    expect(md).toContain('**Unpriced: calls the catalog has no price for**');
    expect(md).toMatch(/\| mystery-model \| \? \| 2 \| 2 \| 330 \| – \|/);
    const html = join(mkdtempSync(join(tmpdir(), 'batchable-unpriced-')), 'r.html');
    expect((await audit('--html', html)).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<section id="unpriced"><h2>Unpriced: calls the catalog has no price for</h2>');
    expect(page).toContain('<tr data-unpriced="google/gemini-2.5-flash:free">');
    expect(page).toContain('3 web searches on mystery-model (1 calls)');
  });

  it('--strict-prices: exit 2 with the unknown models, as before', async () => {
    const r = await audit('--strict-prices');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // Ids near no catalog id get no suggestion (a threshold on edits); the :free variant's base is near.
    expect(r.stderr).toContain('error: unknown models, no price in the catalog: "acme-internal-llm" (2 calls); "mystery-model" (2 calls); "google/gemini-2.5-flash:free" (1 calls;');
    expect(r.stderr).toContain('closest catalog ids: gemini-2.5-flash,');
  });

  it('check says when calls are unpriced, and --max-unpriced-share gates on their share of requests', async () => {
    const pass = await runCli(['check', file, '--db', ':memory:', '--max-unpriced-share', '0.5']);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('max_unpriced_share: unpriced share of requests 42.86%, limit 50.00%');
    expect(pass.stdout).toContain('3 requests (42.9%) of 2 model ids with no catalog price ("mystery-model", "google/gemini-2.5-flash:free")');
    const fail = await runCli(['check', file, '--db', ':memory:', '--max-unpriced-share', '0.2']);
    expect(fail.code).toBe(1);
  });
});
