#!/usr/bin/env node
// Builds the bundled price catalog (pricing/<provider>.json) and its JSON Schema from the public price
// databases in ../shared/data (LiteLLM for rates, lanes and tiers; genai-prices and models.dev to cross-check),
// with seed 003's table as the reference where they disagree. Run: `npm run catalog:build` (it compiles first,
// because this script reuses the compiled schema and decimal helpers from dist/).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogFileSchema, catalogJsonSchema } from '../dist/pricing/catalog-schema.js';
import { microsToUsdText, perMTokToMicros, perTokenToMicros, usdToMicros } from '../dist/pricing/decimal.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const data = (name) => JSON.parse(readFileSync(here(`../../shared/data/${name}`), 'utf8'));
const litellm = data('litellm_model_prices.json');
const genai = data('genai_prices_data_v2.json');
const modelsDev = data('models_dev_api.json');

const LITELLM = 'litellm@8442b939 (2026-07-24)';
const CHECKED = '2026-07-24';
const SEED = 'seed 003 (list prices table)';

// The providers we cover: batch lane coverage per seed 003; lane rules where uniform.
const providers = {
  anthropic: { batch: { operations: ['chat'], multiplier: '0.5' }, notes: 'Batch (Message Batches) serves messages only. Cache: read 0.1x input, 5-minute write 1.25x, 1-hour write 2x.' },
  openai: { batch: { operations: ['chat', 'responses', 'completions', 'embeddings'], multiplier: '0.5' }, lanes: { flex: { multiplier: '0.5' } }, notes: 'Batch serves chat, responses, completions and embeddings. Flex is billed at batch rates; priority is published per model. Cached input is billed at cache_read; usage APIs count it inside input_tokens, ingest subtracts it.' },
  google: { batch: { operations: ['chat', 'embeddings'], multiplier: '0.5' }, notes: 'Gemini Batch API serves generateContent and embeddings. Priority is published per model.' },
  deepseek: { batch: { operations: ['chat'], multiplier: '0.5' }, notes: 'Batch lane per seed 003: chat only.' },
};

// [provider, catalog id, LiteLLM key, aliases, genai-prices id, models.dev id, seed 003 {input, output}]
const models = [
  ['anthropic', 'claude-opus-5', 'claude-opus-5', [], 'claude-opus-5', 'claude-opus-5'],
  ['anthropic', 'claude-opus-4.8', 'claude-opus-4-8', [], 'claude-opus-4-8', 'claude-opus-4-8'],
  ['anthropic', 'claude-opus-4.7', 'claude-opus-4-7', [], 'claude-opus-4-7', 'claude-opus-4-7', { input: '5', output: '25' }],
  ['anthropic', 'claude-opus-4.6', 'claude-opus-4-6', [], 'claude-opus-4-6', 'claude-opus-4-6'],
  ['anthropic', 'claude-opus-4.5', 'claude-opus-4-5', [], 'claude-opus-4-5', 'claude-opus-4-5'],
  ['anthropic', 'claude-opus-4.1', 'claude-opus-4-1', [], 'claude-opus-4-1', 'claude-opus-4-1'],
  ['anthropic', 'claude-sonnet-5', 'claude-sonnet-5', [], 'claude-sonnet-5', 'claude-sonnet-5'],
  ['anthropic', 'claude-sonnet-4.6', 'claude-sonnet-4-6', [], 'claude-sonnet-4-6', 'claude-sonnet-4-6', { input: '3', output: '15' }],
  ['anthropic', 'claude-sonnet-4.5', 'claude-sonnet-4-5', [], 'claude-sonnet-4-5', 'claude-sonnet-4-5'],
  ['anthropic', 'claude-haiku-4.5', 'claude-haiku-4-5', [], 'claude-haiku-4-5', 'claude-haiku-4-5'],
  ['openai', 'gpt-5.6', 'gpt-5.6', [], null, null],
  ['openai', 'gpt-5.6-sol', 'gpt-5.6-sol', [], 'gpt-5.6-sol', null],
  ['openai', 'gpt-5.6-terra', 'gpt-5.6-terra', [], 'gpt-5.6-terra', null],
  ['openai', 'gpt-5.6-luna', 'gpt-5.6-luna', [], 'gpt-5.6-luna', null],
  ['openai', 'gpt-5.5', 'gpt-5.5', [], 'gpt-5.5', 'gpt-5.5'],
  ['openai', 'gpt-5.5-pro', 'gpt-5.5-pro', [], 'gpt-5.5-pro', 'gpt-5.5-pro'],
  ['openai', 'gpt-5.4', 'gpt-5.4', [], 'gpt-5.4', 'gpt-5.4', { input: '2.5', output: '15' }],
  ['openai', 'gpt-5.4-pro', 'gpt-5.4-pro', [], 'gpt-5.4-pro', 'gpt-5.4-pro'],
  ['openai', 'gpt-5.4-mini', 'gpt-5.4-mini', [], 'gpt-5.4-mini', 'gpt-5.4-mini'],
  ['openai', 'gpt-5.4-nano', 'gpt-5.4-nano', [], 'gpt-5.4-nano', 'gpt-5.4-nano'],
  ['openai', 'gpt-5.2', 'gpt-5.2', [], 'gpt-5.2', 'gpt-5.2'],
  ['openai', 'gpt-5.1', 'gpt-5.1', [], 'gpt-5.1', 'gpt-5.1'],
  ['openai', 'gpt-5', 'gpt-5', [], 'gpt-5', 'gpt-5'],
  ['openai', 'gpt-5-mini', 'gpt-5-mini', [], 'gpt-5-mini', 'gpt-5-mini'],
  ['openai', 'gpt-5-nano', 'gpt-5-nano', [], 'gpt-5-nano', 'gpt-5-nano'],
  ['openai', 'gpt-4.1', 'gpt-4.1', [], 'gpt-4.1', 'gpt-4.1'],
  ['openai', 'gpt-4.1-mini', 'gpt-4.1-mini', [], 'gpt-4.1-mini', 'gpt-4.1-mini'],
  ['openai', 'gpt-4.1-nano', 'gpt-4.1-nano', [], 'gpt-4.1-nano', 'gpt-4.1-nano'],
  ['openai', 'gpt-4o', 'gpt-4o', [], 'gpt-4o', 'gpt-4o'],
  ['openai', 'gpt-4o-mini', 'gpt-4o-mini', [], 'gpt-4o-mini', 'gpt-4o-mini'],
  ['openai', 'o3', 'o3', [], 'o3', 'o3'],
  ['openai', 'o4-mini', 'o4-mini', [], 'o4-mini', 'o4-mini'],
  ['openai', 'text-embedding-3-small', 'text-embedding-3-small', [], 'text-embedding-3-small', 'text-embedding-3-small'],
  ['openai', 'text-embedding-3-large', 'text-embedding-3-large', [], 'text-embedding-3-large', 'text-embedding-3-large'],
  ['openai', 'text-embedding-ada-002', 'text-embedding-ada-002', [], 'text-embedding-ada-002', 'text-embedding-ada-002'],
  ['google', 'gemini-3.1-pro', 'gemini/gemini-3.1-pro-preview', ['gemini-3.1-pro-preview'], 'gemini-3.1-pro-preview', 'gemini-3.1-pro-preview', { input: '2', output: '12' }],
  ['google', 'gemini-3.6-flash', 'gemini/gemini-3.6-flash', [], 'gemini-3.6-flash', null],
  ['google', 'gemini-3.5-flash', 'gemini/gemini-3.5-flash', [], 'gemini-3.5-flash', 'gemini-3.5-flash'],
  ['google', 'gemini-3.5-flash-lite', 'gemini/gemini-3.5-flash-lite', [], 'gemini-3.5-flash-lite', null],
  ['google', 'gemini-3-flash', 'gemini/gemini-3-flash-preview', ['gemini-3-flash-preview'], 'gemini-3-flash-preview', 'gemini-3-flash-preview'],
  ['google', 'gemini-3.1-flash-lite', 'gemini/gemini-3.1-flash-lite', ['gemini-3.1-flash-lite-preview'], 'gemini-3.1-flash-lite', 'gemini-3.1-flash-lite'],
  ['google', 'gemini-2.5-pro', 'gemini/gemini-2.5-pro', [], 'gemini-2.5-pro', 'gemini-2.5-pro'],
  ['google', 'gemini-2.5-flash', 'gemini/gemini-2.5-flash', [], 'gemini-2.5-flash', 'gemini-2.5-flash'],
  ['google', 'gemini-2.5-flash-lite', 'gemini/gemini-2.5-flash-lite', [], 'gemini-2.5-flash-lite', 'gemini-2.5-flash-lite'],
  ['google', 'gemini-embedding-001', 'gemini/gemini-embedding-001', [], 'gemini-embedding-001', 'gemini-embedding-001'],
  ['google', 'gemini-embedding-2', 'gemini/gemini-embedding-2', ['gemini-embedding-2-preview'], 'gemini-embedding-2', null],
  ['deepseek', 'deepseek-v3.2', 'deepseek/deepseek-v3.2', [], 'deepseek-v3.2', null, { input: '0.14', output: '0.28' }],
  ['deepseek', 'deepseek-v4-flash', 'deepseek-v4-flash', [], 'deepseek-v4-flash', 'deepseek-v4-flash'],
  ['deepseek', 'deepseek-v4-pro', 'deepseek-v4-pro', [], 'deepseek-v4-pro', 'deepseek-v4-pro'],
  ['deepseek', 'deepseek-chat', 'deepseek-chat', [], 'deepseek-chat', 'deepseek-chat'],
  ['deepseek', 'deepseek-reasoner', 'deepseek-reasoner', [], 'deepseek-reasoner', 'deepseek-reasoner'],
];

const usd = (perToken) => {
  const m = perTokenToMicros(perToken);
  return m === undefined ? undefined : microsToUsdText(m);
};
const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Rates of one kind from a LiteLLM entry: suffix '' (standard), '_batches', '_flex', '_priority', '_above_200k_tokens'. */
function litellmRates(e, suffix) {
  const cw1h = suffix === '' ? e.cache_creation_input_token_cost_above_1hr : e[`cache_creation_input_token_cost_above_1hr${suffix}`];
  return defined({
    input: usd(e[`input_cost_per_token${suffix}`]),
    output: usd(e[`output_cost_per_token${suffix}`]),
    cache_read: usd(e[`cache_read_input_token_cost${suffix}`] ?? (suffix === '' ? e.input_cost_per_token_cache_hit : undefined)),
    cache_write_5m: usd(e[`cache_creation_input_token_cost${suffix}`]),
    cache_write_1h: usd(cw1h),
  });
}

const half = (text) => (text === undefined ? undefined : microsToUsdText((usdToMicros(text) + 1n) / 2n));
const scaled = (text, num, den) => microsToUsdText((usdToMicros(text) * num) / den);

const disagreements = [];
function compare(id, field, ours, theirs, source) {
  if (ours === undefined || theirs === undefined) return;
  if (usdToMicros(ours) !== theirs) disagreements.push(`| ${id} | ${field} | ${ours} | ${microsToUsdText(theirs)} | ${source} |`);
}

function genaiBase(providerId, modelId) {
  const p = genai.find((x) => x.id === providerId);
  const m = p?.models.find((x) => x.id === modelId);
  if (!m) return undefined;
  const last = Array.isArray(m.prices) ? m.prices.filter((x) => !x.constraint?.start_time).at(-1)?.prices : m.prices;
  const base = (v) => perMTokToMicros(typeof v === 'object' && v !== null ? v.base : v);
  return last && { input: base(last.input_mtok), output: base(last.output_mtok), cache_read: base(last.cache_read_mtok) };
}

const files = {};
for (const [provider, id, key, aliases, genaiId, devId, seed] of models) {
  const e = litellm[key];
  if (!e) throw new Error(`LiteLLM has no ${key}`);
  const std = litellmRates(e, '');
  if (seed) {
    compare(id, 'input', seed.input, usdToMicros(std.input), 'LiteLLM');
    compare(id, 'output', seed.output, usdToMicros(std.output), 'LiteLLM');
  }
  const input = seed?.input ?? std.input;
  const output = seed?.output ?? std.output;
  const entry = { effective_from: '', input, output };
  if (provider === 'anthropic') {
    // Anthropic's published multipliers, exact from the input rate.
    entry.cache_read = scaled(input, 1n, 10n);
    entry.cache_write_5m = scaled(input, 5n, 4n);
    entry.cache_write_1h = scaled(input, 2n, 1n);
    for (const f of ['cache_read', 'cache_write_5m', 'cache_write_1h']) compare(id, f, entry[f], std[f] === undefined ? undefined : usdToMicros(std[f]), 'LiteLLM');
  } else if (std.cache_read !== undefined) {
    entry.cache_read = seed && std.input !== input ? std.cache_read : std.cache_read;
    if (std.cache_write_5m !== undefined && usdToMicros(std.cache_write_5m) > 0n) entry.cache_write_5m = std.cache_write_5m;
  }
  // Lanes: published batch prices only when they differ from the provider rule; flex and priority as published.
  const lanes = {};
  const batch = litellmRates(e, '_batches');
  if (batch.input !== undefined && !seed && (batch.input !== half(input) || (batch.output ?? half(output)) !== half(output))) lanes.batch = batch;
  for (const lane of ['flex', 'priority']) {
    const r = litellmRates(e, `_${lane}`);
    if (r.input !== undefined || r.output !== undefined) lanes[lane] = r;
  }
  if (Object.keys(lanes).length > 0) entry.lanes = lanes;
  const tiers = [];
  for (const k of Object.keys(e)) {
    const m = /^input_cost_per_token_above_(\d+)k_tokens$/.exec(k);
    if (!m) continue;
    const t = litellmRates(e, `_above_${m[1]}k_tokens`);
    const cw1h = usd(e[`cache_creation_input_token_cost_above_1hr_above_${m[1]}k_tokens`]);
    tiers.push(defined({ above_input_tokens: Number(m[1]) * 1000, ...t, cache_write_1h: cw1h ?? t.cache_write_1h }));
  }
  if (tiers.length > 0) entry.tiers = tiers.sort((a, b) => a.above_input_tokens - b.above_input_tokens);
  const dev = devId ? modelsDev[provider]?.models?.[devId] : undefined;
  entry.effective_from = dev?.release_date ?? '2025-01-01';
  entry.source = seed ? `${SEED}; cache, lanes and tiers: ${LITELLM} ${key}` : `${LITELLM} ${key}`;
  entry.checked = CHECKED;
  // Cross-checks against the other databases (their latest base prices).
  const g = genaiId ? genaiBase(provider, genaiId) : undefined;
  if (g) for (const f of ['input', 'output', 'cache_read']) compare(id, f, entry[f], g[f], 'genai-prices');
  if (dev?.cost) for (const f of ['input', 'output', 'cache_read']) compare(id, f, entry[f], perMTokToMicros(dev.cost[f]), 'models.dev');
  const operations = e.mode === 'embedding' ? ['embeddings'] : e.mode === 'responses' ? ['responses'] : ['chat', 'responses', 'completions'];
  (files[provider] ??= { $schema: './catalog.schema.json', provider, ...providers[provider], models: [] }).models.push({ id, aliases, operations, prices: [entry] });
}

for (const [provider, file] of Object.entries(files)) {
  catalogFileSchema.parse(file);
  writeFileSync(here(`../pricing/${provider}.json`), `${JSON.stringify(file, null, 2)}\n`);
}
writeFileSync(here('../pricing/catalog.schema.json'), `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);

// The disagreements go into pricing/README.md between markers, so the page always matches the data.
const readmePath = here('../pricing/README.md');
const readme = readFileSync(readmePath, 'utf8');
const table = ['| model | field | bundled (USD/MTok) | other source | source |', '|---|---|---|---|---|', ...disagreements].join('\n');
const start = '<!-- disagreements:start -->';
const end = '<!-- disagreements:end -->';
writeFileSync(readmePath, readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`));
console.log(`wrote ${Object.keys(files).length} provider catalogs, ${models.length} models, ${disagreements.length} disagreements`);
