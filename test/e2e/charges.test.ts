// Charges that are not text tokens in every output (issue 12, points 3 and 4): priced where the catalog has a rate,
// and otherwise listed as unpriced quantities by table, JSON, CSV, markdown and HTML alike.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';

// fixtures/pricing/charges.csv, priced (USD): gpt-audio with audio 0.4555, text only 0.0075, billed on batch 0.32375;
// gpt-4o with audio and no audio rate 0.0025 (text); gemini-2.5-flash with audio 0.01055; gpt-4o-mini with image
// input (at the input rate) 0.00051; claude-sonnet-4-6 with 5 web searches 0.0545; gpt-4o with 2 searches and no
// search rate 0.0025 (text). Total 0.85731. Unpriced: 5,000 audio input tokens and 2 web searches on gpt-4o,
// 500 image output tokens on gpt-4o-mini.
const file = fixture('pricing/charges.csv');
const audit = (...args: string[]) => runCli(['audit', file, '--db', ':memory:', ...args], 200);
const line = '5,000 audio input tokens on gpt-4o, 500 image output tokens on gpt-4o-mini, 2 web searches on gpt-4o: no rate in the catalog, not priced (never as text tokens).';

describe('charges that are not text tokens, in every output', () => {
  it('JSON: priced charges are in the money, the others are unpriced charges', async () => {
    const doc = JSON.parse((await audit('--format', 'json')).stdout);
    expect(doc.totals).toMatchObject({ requests: 8, current_usd: 0.85731, unpriced_requests: 0 });
    expect(doc.unpriced.charges).toEqual([
      { model: 'gpt-4o', charge: 'audio_input_tokens', calls: 1, quantity: 5000 },
      { model: 'gpt-4o-mini', charge: 'image_output_tokens', calls: 1, quantity: 500 },
      { model: 'gpt-4o', charge: 'web_search_requests', calls: 1, quantity: 2 },
    ]);
  });

  it('table and markdown: one sentence with the quantities', async () => {
    const table = await audit();
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Unpriced: calls the catalog has no price for');
    expect(table.stdout.replace(/\s*\n\s*/g, ' ')).toContain(line);
    expect((await audit('--format', 'markdown')).stdout.replace(/\s*\n\s*/g, ' ')).toContain(line);
  });

  it('CSV: a table of the unpriced charges after one empty line', async () => {
    const csv = (await audit('--format', 'csv')).stdout.trimEnd().split('\n');
    const at = csv.indexOf('unpriced_charge_model,charge,calls,quantity');
    expect(at).toBeGreaterThan(0);
    expect(csv[at - 1]).toBe('');
    expect(csv.slice(at + 1, at + 4)).toEqual(['gpt-4o,audio_input_tokens,1,5000', 'gpt-4o-mini,image_output_tokens,1,500', 'gpt-4o,web_search_requests,1,2']);
    expect(csv.slice(at + 4, at + 6)).toEqual(['', 'note_kind,note']); // the notes follow
    expect(csv).not.toContain('unpriced_model,provider,calls,requests,tokens,reported_usd,reported_calls,unpriced_requests,reason,closest_ids,fix');
  });

  it('HTML: the Unpriced section lists the charges', async () => {
    const html = join(mkdtempSync(join(tmpdir(), 'batchable-charges-')), 'r.html');
    expect((await audit('--html', html)).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<section id="unpriced"><h2>Unpriced: calls the catalog has no price for</h2>');
    expect(page).toContain('5,000 audio input tokens on gpt-4o (1 calls)');
    expect(page).toContain('500 image output tokens on gpt-4o-mini (1 calls)');
    expect(page).toContain('2 web searches on gpt-4o (1 calls)');
  });
});
