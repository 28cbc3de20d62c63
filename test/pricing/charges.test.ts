// Charges that are not text tokens (issue 12, point 3): audio and image tokens and web searches are priced at their
// own catalog rates where the catalog has one, shown as unpriced quantities where it has none, never as text; and a
// call carrying a charge the batch lane has no price for is never counted as movable to batch.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.ts';
import { classifyCalls, loadRules } from '../../src/classify/index.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { selectUnpriced } from '../../src/pricing/unpriced.ts';
import { fixture } from '../helpers/cli.ts';
import { picoOfUsd, pricedFiles, type PricedRow } from '../helpers/workspace.ts';

let ws: Workspace | undefined;
afterEach(() => {
  ws?.close();
  ws = undefined;
});

type Row = PricedRow;

async function priced(file: string, pricingDir?: string): Promise<Record<string, Row>> {
  let rows: Record<string, Row>;
  ({ ws, rows } = await pricedFiles([file], pricingDir));
  return rows;
}

const usd = picoOfUsd;

describe('charges that are not text tokens, bundled catalog', () => {
  it('prices audio tokens at the model audio rates (LiteLLM input/output_cost_per_audio_token)', async () => {
    const rows = await priced(fixture('pricing/charges.csv'));
    // gpt-audio: text $2.50 / $10, audio $32 / $64 per MTok. 1000 x 2.5 + 500 x 10 = $0.0075 text;
    // 10000 x 32 + 2000 x 64 = $0.448 audio: $0.4555 (priced as text the audio would be $0.045).
    expect(rows.audio).toMatchObject({ catalog_id: 'gpt-audio', ain_tok: 10_000n, aout_tok: 2_000n, std_ain: 32_000_000n, std_aout: 64_000_000n, cost_pico: usd('0.4555') });
    // Google publishes audio input only: gemini-2.5-flash $0.30 / $2.50, audio input $1: $0.00055 + $0.01.
    expect(rows['gemini-audio']).toMatchObject({ std_ain: 1_000_000n, std_aout: null, cost_pico: usd('0.01055') });
  });

  it('never counts audio as movable to batch where the batch lane has no audio price; bills it at standard on the batch lane', async () => {
    const rows = await priced(fixture('pricing/charges.csv'));
    // OpenAI's batch rule halves text; no source publishes a batch audio price, so a call with audio stays put.
    expect(rows.audio).toMatchObject({ batch_eligible: false, bat_ain: 32_000_000n });
    expect(rows['audio-text-only']).toMatchObject({ batch_eligible: true, bat_in: 1_250_000n, cost_pico: usd('0.0075') });
    // Billed on batch: text at the batch rates ($1.25 / $5), audio at its only rate: $0.00375 + $0.32.
    expect(rows['audio-on-batch']).toMatchObject({ lane: 'batch', bil_in: 1_250_000n, bil_ain: 32_000_000n, cost_pico: usd('0.32375') });
  });

  it('prices web searches per 1,000 (Anthropic $10) on every lane alike', async () => {
    const rows = await priced(fixture('pricing/charges.csv'));
    // claude-sonnet-4.6: 1000 x $3 + 100 x $15 = $0.0045, and 5 searches x $0.01 = $0.05.
    expect(rows.search).toMatchObject({ ws_tok: 5n, std_ws: 10_000_000_000n, bat_ws: 10_000_000_000n, batch_eligible: true, cost_pico: usd('0.0545') });
  });

  it('prices image input at the input rate (vision input is billed as input tokens) and leaves image output without a rate', async () => {
    const rows = await priced(fixture('pricing/charges.csv'));
    // gpt-4o-mini $0.15 / $0.60: (1000 + 2000 image) x 0.15 + 100 x 0.6 = $0.00051; 500 image output tokens unpriced.
    expect(rows.vision).toMatchObject({ iin_tok: 2_000n, std_iin: 150_000n, bat_iin: 75_000n, iout_tok: 500n, std_iout: null, bil_iout: 0n, cost_pico: usd('0.00051') });
  });

  it('reports every charge without a rate as an unpriced quantity, and none that is priced', async () => {
    const rows = await priced(fixture('pricing/charges.csv'));
    // gpt-4o has no audio or web-search rate: text only, $0.0025 each.
    expect(rows['audio-no-rate']).toMatchObject({ std_ain: null, bil_ain: 0n, batch_eligible: true, cost_pico: usd('0.0025') });
    expect(rows['search-no-rate']).toMatchObject({ std_ws: null, cost_pico: usd('0.0025') });
    await classifyCalls(ws!, await loadRules(undefined));
    const u = await selectUnpriced(ws!, { tz: 'UTC', workloads: [] });
    expect(u.charges).toEqual([
      { model: 'gpt-4o', charge: 'audio_input_tokens', calls: 1n, quantity: 5000n },
      { model: 'gpt-4o-mini', charge: 'image_output_tokens', calls: 1n, quantity: 500n },
      { model: 'gpt-4o', charge: 'web_search_requests', calls: 1n, quantity: 2n },
    ]);
  });
});

describe('exports without charges', () => {
  it('store no charge quantities per call; the view shows them as 0 and costs the same', async () => {
    const rows = await priced(fixture('pricing/seed-003-jobs.csv'));
    const stored = await ws!.all<{ name: string }>("SELECT name FROM pragma_table_info('priced_rows')");
    expect(stored.map((c) => c.name)).not.toContain('ain_tok');
    expect(rows['gpt-job']).toMatchObject({ ain_tok: 0n, ws_tok: 0n, chg_bil_pico: 0n, chg_bat_pico: 0n, cost_pico: usd('225') });
  });
});

describe('charges in a user catalog', () => {
  it('takes published lane prices for charges; a charge with a rate of its own moves to batch only at a published batch price', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-charges-'));
    writeFileSync(join(dir, 'acme.json'), JSON.stringify({
      provider: 'acme',
      batch: { operations: ['chat'], multiplier: '0.5' },
      models: [{
        id: 'acme-omni',
        prices: [{
          effective_from: '2026-01-01', input: '1', output: '2', audio_input: '5', audio_output: '6', image_input: '3', image_output: '4', web_search: '25',
          lanes: { batch: { audio_input: '2.5' } }, source: 'test', checked: '2026-01-01',
        }],
      }],
    }));
    const csv = join(dir, 'calls.csv');
    writeFileSync(csv, [
      'call_id,ts,model,provider,operation,input_tokens,output_tokens,audio_input_tokens,audio_output_tokens,image_input_tokens,image_output_tokens,web_search_requests',
      'with-audio-in,2026-06-02T10:00:00Z,acme-omni,acme,chat,1000000,0,1000000,,,,',
      'with-image,2026-06-02T10:00:00Z,acme-omni,acme,chat,0,0,,1000000,1000000,1000000,4',
    ].join('\n'));
    const rows = await priced(csv, dir);
    // $1 text + $5 audio; the batch lane publishes audio input ($2.50), so the call may move to batch.
    expect(rows['with-audio-in']).toMatchObject({ cost_pico: usd('6'), batch_eligible: true, bat_in: 500_000n, bat_ain: 2_500_000n });
    // $3 image input (the model's own rate, not the text rule's) + $6 audio output + $4 image output + 4 searches x
    // $0.025. No batch price for its own image input or audio output: not movable; bat_ falls back to standard.
    expect(rows['with-image']).toMatchObject({ cost_pico: usd('13.1'), batch_eligible: false, std_iin: 3_000_000n, bat_iin: 3_000_000n, std_ws: 25_000_000_000n });
  });

  it('refuses a malformed charge price with the field named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-charges-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({
      provider: 'acme', models: [{ id: 'm', prices: [{ effective_from: '2026-01-01', input: '1', output: '1', web_search: '-1', source: 's', checked: '2026-01-01' }] }],
    }));
    await expect(loadCatalog({ pricingDir: dir })).rejects.toThrow(/models\.0\.prices\.0\.web_search: expected USD per 1,000 requests/);
  });
});
