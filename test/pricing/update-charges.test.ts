// `pricing update` carries the charges that are not text tokens (audio and image tokens, web searches) as the bundled
// catalog does (scripts/build-catalog.mjs): a model the update brings in prices its audio instead of listing it
// unpriced, and a changed audio rate is a diff row. Sources: verbatim excerpts of LiteLLM and genai-prices
// (fixtures/pricing/sources/charges-excerpt.json, its _source names the commits), and models.dev's field names.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { perMTokToMicros, perTokenToMicros } from '../../src/pricing/decimal.ts';
import { importGenaiPrices } from '../../src/pricing/update/genai-prices.ts';
import { importLitellm } from '../../src/pricing/update/litellm.ts';
import { importModelsDev } from '../../src/pricing/update/models-dev.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { picoOfUsd, pricedFiles } from '../helpers/workspace.ts';

type Entry = Record<string, unknown>;
const excerpt = JSON.parse(readFileSync(fixture('pricing/sources/charges-excerpt.json'), 'utf8')) as { litellm: Record<string, Entry>; genai_prices: unknown[] };
const tmp = () => mkdtempSync(join(tmpdir(), 'batchable-update-charges-'));

let ws: Workspace | undefined;
afterEach(() => {
  ws?.close();
  ws = undefined;
});

describe('the importers read the charge rates', () => {
  it('LiteLLM: audio per token (and per lane), Anthropic web searches per query as one figure for every size', () => {
    const models = importLitellm(excerpt.litellm, 'excerpt');
    const audio = models.find((m) => m.id === 'gpt-4o-audio-preview');
    expect(audio?.rates).toMatchObject({ audio_input: perTokenToMicros(4e-5), audio_output: perTokenToMicros(8e-5) });
    expect(audio?.rates.audio_input).toBe(40_000_000n); // $40 per 1M audio tokens
    const flash = models.find((m) => m.id === 'gemini-2.5-flash');
    const e = excerpt.litellm['gemini/gemini-2.5-flash']!;
    expect(flash?.rates.audio_input).toBe(perTokenToMicros(e.input_cost_per_audio_token));
    if (e.input_cost_per_audio_token_priority !== undefined) expect(flash?.lanes?.priority?.audio_input).toBe(perTokenToMicros(e.input_cost_per_audio_token_priority));
    // $0.01 per query is $10 per 1,000 searches, in µ$ per 1,000.
    expect(models.find((m) => m.id === 'claude-sonnet-4-6')?.rates.web_search).toBe(10_000_000n);
    // Web searches are taken for Anthropic only, and a text model states no audio rate.
    expect(models.filter((m) => m.provider !== 'anthropic').every((m) => m.rates.web_search === undefined)).toBe(true);
    expect(models.find((m) => m.id === 'claude-sonnet-4-6')?.rates.audio_input).toBeUndefined();
  });

  it('LiteLLM: a per-query fee that differs by search-context size is not a single rate', () => {
    const entry = { ...excerpt.litellm['claude-sonnet-4-6']!, search_context_cost_per_query: { search_context_size_low: 0.01, search_context_size_high: 0.02 } };
    expect(importLitellm({ 'claude-sonnet-4-6': entry }, 'excerpt')[0]?.rates.web_search).toBeUndefined();
  });

  it('genai-prices: input_audio_mtok, and web_searches_kcount for Anthropic', () => {
    const models = importGenaiPrices(excerpt.genai_prices, 'excerpt');
    expect(models.find((m) => m.id === 'claude-sonnet-4-6')?.rates.web_search).toBe(10_000_000n);
    const google = (excerpt.genai_prices as { id: string; models: { id: string; prices: Entry | { prices: Entry }[] }[] }[])
      .find((p) => p.id === 'google')!.models.find((m) => m.id === 'gemini-2.5-flash')!;
    const prices = Array.isArray(google.prices) ? google.prices.at(-1)!.prices : google.prices;
    expect(models.find((m) => m.id === 'gemini-2.5-flash')?.rates.audio_input).toBe(perMTokToMicros(prices.input_audio_mtok));
  });

  it('models.dev: cost.input_audio and cost.output_audio per 1M tokens', () => {
    const json = { openai: { models: { 'gpt-audio': { id: 'gpt-audio', cost: { input: 2.5, output: 10, input_audio: 32, output_audio: 64 } } } } };
    expect(importModelsDev(json, 'api.json')[0]?.rates).toMatchObject({ audio_input: 32_000_000n, audio_output: 64_000_000n });
  });
});

describe('pricing update with charges', () => {
  // gpt-audio's LiteLLM entry under a name the catalog does not have: a model the update brings in.
  const newAudioModel = (rates: Entry = {}) => {
    const file = join(tmp(), 'litellm.json');
    writeFileSync(file, JSON.stringify({ 'gpt-audio-next': { ...excerpt.litellm['gpt-audio']!, ...rates } }));
    return file;
  };

  it('a new model brings its audio rates: its audio is priced, not listed unpriced', async () => {
    const dir = tmp();
    const r = await runCli(['pricing', 'update', '--source', newAudioModel(), '--pricing-dir', dir, '--effective-from', '2026-06-01']);
    expect(r.code).toBe(0);
    const openai = JSON.parse(readFileSync(join(dir, 'openai.json'), 'utf8')) as { models: { id: string; prices: Entry[] }[] };
    expect(openai.models.find((m) => m.id === 'gpt-audio-next')?.prices[0]).toMatchObject({ audio_input: '32', audio_output: '64' });
    const csv = join(tmp(), 'calls.csv');
    writeFileSync(csv, 'call_id,ts,model,provider,operation,input_tokens,output_tokens,audio_input_tokens,audio_output_tokens\n' +
      'voice,2026-06-02T10:00:00Z,gpt-audio-next,openai,chat,1000,500,10000,2000\n');
    let rows;
    ({ ws, rows } = await pricedFiles([csv], dir));
    // Text 1000 x $2.50 + 500 x $10 = $0.0075; audio 10000 x $32 + 2000 x $64 = $0.448.
    expect(rows.voice).toMatchObject({ catalog_id: 'gpt-audio-next', cost_pico: picoOfUsd('0.4555') });
    // Before the update the audio had no rate: without --pricing-dir the model is unknown, and gpt-4o (no audio rate)
    // shows audio unpriced (test/pricing/charges.test.ts); here both audio rates are the imported ones.
    expect(rows.voice).toMatchObject({ std_ain: 32_000_000n, std_aout: 64_000_000n });
  });

  it('a changed audio rate is a diff row with the old and new price, written as a dated entry', async () => {
    const dir = tmp();
    await runCli(['pricing', 'update', '--source', newAudioModel(), '--pricing-dir', dir, '--effective-from', '2026-06-01']);
    const cheaper = newAudioModel({ input_cost_per_audio_token: 2.4e-5 });
    const r = await runCli(['pricing', 'update', '--source', cheaper, '--pricing-dir', dir, '--effective-from', '2026-07-01', '--dry-run']);
    expect(r.stdout).toMatch(/gpt-audio-next +│ audio_input +│ +\$32\.00 │ +\$24\.00/);
    expect(r.stdout).not.toMatch(/audio_output/);
    const written = await runCli(['pricing', 'update', '--source', cheaper, '--pricing-dir', dir, '--effective-from', '2026-07-01']);
    expect(written.code).toBe(0);
    const model = (await loadCatalog({ pricingDir: dir })).models.get('gpt-audio-next');
    expect(model?.entries.map((e) => [e.entry.effective_from, e.tiers[0]?.standard.charges.audio_input])).toEqual([
      ['2026-06-01', 32_000_000n],
      ['2026-07-01', 24_000_000n],
    ]);
  });

  it('stops on an absurd web search fee, naming the model, the field and its unit', async () => {
    const file = join(tmp(), 'litellm.json');
    writeFileSync(file, JSON.stringify({ 'claude-sonnet-4-6': { ...excerpt.litellm['claude-sonnet-4-6']!, search_context_cost_per_query: { search_context_size_low: 5 } } }));
    const r = await runCli(['pricing', 'update', '--source', file, '--pricing-dir', tmp(), '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/model claude-sonnet-4-6 has web_search = \$5000 per 1,000 searches, above \$1000 per 1,000 searches/);
  });
});
