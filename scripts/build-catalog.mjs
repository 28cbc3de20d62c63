#!/usr/bin/env node
// Builds the bundled price catalog (pricing/<provider>.json) and its JSON Schema from the public price
// databases in ../shared/data (LiteLLM for rates, lanes and tiers; genai-prices and models.dev to cross-check),
// with seed 003's table as the reference where they disagree. Run: `npm run catalog:build` (it compiles first,
// because this script reuses the compiled schema and decimal helpers from dist/).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aliasesJsonSchema } from '../dist/pricing/aliases.js';
import { catalogFileSchema, catalogJsonSchema } from '../dist/pricing/catalog-schema.js';
import { microsToUsdText, perMTokToMicros, perTokenToMicros, usdToMicros } from '../dist/pricing/decimal.js';
import { routeOf } from '../dist/pricing/routes.js';
import { webSearch } from '../dist/pricing/update/litellm.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// The databases sit in ../shared/data next to the clone (or two levels up from a worktree); PRICE_DATA overrides.
const dataDir = process.env.PRICE_DATA ?? ['../../shared/data/', '../../../shared/data/'].map(here).find((d) => existsSync(d));
const data = (name) => JSON.parse(readFileSync(`${dataDir}/${name}`, 'utf8'));
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
  google: { batch: { operations: ['chat', 'embeddings'], multiplier: '0.5' }, lanes: { flex: { multiplier: '0.5' } }, notes: "Gemini Batch API serves generateContent and embeddings. Flex (Vertex AI Flex PayGo, the Gemini API's flex tier) is half the standard rate, as its published per-model prices are; priority is published per model." },
  deepseek: { batch: { operations: ['chat'], multiplier: '0.5' }, notes: 'Batch lane per seed 003: chat only.' },
};

/** genai-prices' provider ids per catalog provider. */
const genaiProviders = { openai: 'openai', anthropic: 'anthropic', google: 'google', deepseek: 'deepseek', mistral: 'mistral', xai: 'x-ai', cohere: 'cohere' };
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
    // Charges that are not text tokens (src/pricing/charges.ts), per token like the text rates.
    audio_input: usd(e[`input_cost_per_audio_token${suffix}`]),
    audio_output: usd(e[`output_cost_per_audio_token${suffix}`]),
    image_input: usd(e[`input_cost_per_image_token${suffix}`]),
    image_output: usd(e[`output_cost_per_image_token${suffix}`]),
  });
}

// ---- Charges that are not text tokens: audio and image tokens, web searches --------------------------------------
// LiteLLM's per-token audio and image rates come with its entry (litellmRates). What LiteLLM lacks, genai-prices
// (`input_audio_mtok`, `output_audio_mtok`, `input_image_mtok`, `output_image_mtok`, `web_searches_kcount`) and then
// models.dev (`cost.input_audio`, `cost.output_audio`) fill in, named in the entry's source. Web searches: Anthropic
// only, where the usage reports count them (server_tool_use.web_search_requests); LiteLLM states the fee per query
// by search-context size, taken when it is one figure for every size.
const chargeFields = ['audio_input', 'audio_output', 'image_input', 'image_output'];
const genaiChargeKeys = { audio_input: 'input_audio_mtok', audio_output: 'output_audio_mtok', image_input: 'input_image_mtok', image_output: 'output_image_mtok' };
const devChargeKeys = { audio_input: 'input_audio', audio_output: 'output_audio' };
/** USD per 1,000 searches from LiteLLM's per-query fee, as `pricing update` reads it (src/pricing/update/litellm.ts). */
function litellmWebSearch(e) {
  const micros = webSearch(e);
  return micros === undefined ? undefined : microsToUsdText(micros);
}
function genaiLatest(providerId, modelId) {
  const m = genai.find((x) => x.id === providerId)?.models.find((x) => x.id === modelId);
  if (!m) return undefined;
  return Array.isArray(m.prices) ? m.prices.filter((x) => !x.constraint?.start_time).at(-1)?.prices : m.prices;
}
const baseOf = (v) => (typeof v === 'object' && v !== null ? v.base : v);
/** Adds the charges an entry lacks from genai-prices and models.dev; notes a figure that differs from LiteLLM's. */
function fillCharges(id, provider, entry, genaiId, devEntry) {
  const added = [];
  const g = genaiId ? genaiLatest(genaiProviders[provider], genaiId) : undefined;
  for (const f of chargeFields) {
    const fromGenai = baseOf(g?.[genaiChargeKeys[f]]);
    const fromDev = devChargeKeys[f] ? devEntry?.cost?.[devChargeKeys[f]] : undefined;
    if (entry[f] !== undefined) {
      if (fromGenai !== undefined) compare(id, f, entry[f], perMTokToMicros(fromGenai), 'genai-prices');
      if (fromDev !== undefined) compare(id, f, entry[f], perMTokToMicros(fromDev), 'models.dev');
      continue;
    }
    if (fromGenai !== undefined) (entry[f] = microsToUsdText(perMTokToMicros(fromGenai))), added.push(`${f}: genai-prices@47df840a`);
    else if (fromDev !== undefined) (entry[f] = microsToUsdText(perMTokToMicros(fromDev))), added.push(`${f}: models.dev@f3fc6922`);
  }
  if (provider === 'anthropic') {
    const ws = baseOf(g?.web_searches_kcount);
    if (entry.web_search === undefined && ws !== undefined) (entry.web_search = microsToUsdText(usdToMicros(String(ws)))), added.push('web_search: genai-prices@47df840a');
    else if (entry.web_search !== undefined && ws !== undefined) compare(id, 'web_search (per 1k)', entry.web_search, usdToMicros(String(ws)), 'genai-prices');
  } else {
    delete entry.web_search;
  }
  if (added.length > 0 && entry.source) entry.source += `; ${added.join(', ')}`;
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
  for (const f of chargeFields) if (std[f] !== undefined) entry[f] = std[f];
  if (provider === 'anthropic' && litellmWebSearch(e) !== undefined) entry.web_search = litellmWebSearch(e);
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
  fillCharges(id, provider, entry, genaiId, dev);
  // Cross-checks against the other databases (their latest base prices).
  const g = genaiId ? genaiBase(provider, genaiId) : undefined;
  if (g) for (const f of ['input', 'output', 'cache_read']) compare(id, f, entry[f], g[f], 'genai-prices');
  if (dev?.cost) for (const f of ['input', 'output', 'cache_read']) compare(id, f, entry[f], perMTokToMicros(dev.cost[f]), 'models.dev');
  const operations = e.mode === 'embedding' ? ['embeddings'] : e.mode === 'responses' ? ['responses'] : ['chat', 'responses', 'completions'];
  (files[provider] ??= { $schema: './catalog.schema.json', provider, ...providers[provider], models: [] }).models.push({ id, aliases, operations, prices: [entry] });
}

// ---- Coverage: every other text and embedding model the databases price, current and retired ----------------
// The curated list above keeps its figures (the seeds' worked examples are computed from them). Every other chat,
// responses, completion and embedding model of the covered providers is added from LiteLLM, then what only
// genai-prices or models.dev know (retired Anthropic models, older Mistral and Cohere ids). A dated snapshot
// (`gpt-4o-2024-05-13`) becomes its own model only when its price differs from the undated model's: otherwise the
// resolver's date stripping already sends it there.
const idKey = (id) => id.toLowerCase().replace(/@/g, '-').replaceAll('.', '-');
const dateless = (key) => key.replace(/-(\d{4}-\d{2}-\d{2}|\d{8}|default|latest)$/, '');
const taken = new Map(); // idKey -> catalog entry of files[provider].models
for (const file of Object.values(files)) for (const m of file.models) for (const name of [m.id, ...m.aliases]) taken.set(idKey(name), m);

/** LiteLLM providers per catalog provider, direct API first (its figures win when an id is on both). */
const litellmProviders = {
  openai: ['openai', 'text-completion-openai'],
  anthropic: ['anthropic'],
  google: ['gemini'],
  deepseek: ['deepseek'],
  mistral: ['mistral'],
  xai: ['xai'],
  cohere: ['cohere_chat', 'cohere'],
  groq: ['groq'],
};
/** Cloud routes, last: they fill in what the providers' own figures lack (retired Claude models, Vertex-only ids). */
const litellmRoutes = { anthropic: ['vertex_ai-anthropic_models'], google: ['vertex_ai-language-models', 'vertex_ai-embedding-models'] };
const devProviders = { openai: ['openai'], anthropic: ['anthropic'], google: ['google', 'google-vertex'], deepseek: ['deepseek'], mistral: ['mistral'], xai: ['xai'], cohere: ['cohere'], groq: ['groq'] };
const textModes = new Set(['chat', 'responses', 'completion', 'embedding']);
/** Names that are not text or embedding models (image, speech, video, moderation, rerank, OCR). */
const notText = /image|imagine|video|tts|transcri|whisper|dall-e|moderation|rerank|ocr|realtime|live-|veo|lyria|container|robotics/;
Object.assign(providers, {
  mistral: { batch: { operations: ['chat', 'embeddings'], multiplier: '0.5' }, notes: 'Mistral Batch API: 50% of the standard price, chat and embeddings.' },
  xai: { batch: { operations: ['chat', 'responses'], multiplier: '0.5' }, notes: 'xAI Batch API: 50% of the standard price for chat (and responses).' },
  cohere: { notes: 'No batch discount on Cohere chat; embed jobs bill at the standard price.' },
  groq: { batch: { operations: ['chat'], multiplier: '0.5' }, notes: 'GroqCloud Batch API: 50% of the standard price (chat). Cached input as LiteLLM publishes it (half the input rate). Groq retires models often: a retired id keeps its last price here.' },
  'amazon-bedrock': {
    batch: { operations: ['chat', 'embeddings'], multiplier: '0.5' },
    notes: 'Models Amazon Bedrock sells under its own price list: Amazon Nova and Titan, Meta Llama (Claude, Mistral and Cohere on Bedrock resolve to their makers\' catalogs). Bedrock batch inference: 50% of on-demand for the models that support it. Ids are Bedrock\'s without vendor and version (nova-micro); a version is kept where two differ in price (titan-embed-text-v1, -v2). Geographic profiles with their own price: bedrock-eu:, bedrock-apac: (Nova). On-demand calls in a Region priced above US East are priced at the US price: the model id does not name the Region.',
  },
});

function releaseDate(provider, id) {
  for (const p of devProviders[provider]) {
    const m = modelsDev[p]?.models?.[id] ?? modelsDev[p]?.models?.[id.replace(/-(\d{8})$/, '@$1')];
    if (m?.release_date) return m.release_date;
  }
  return undefined;
}

/** One price entry from LiteLLM figures: standard rates, published lanes that differ from the rule, tiers. */
function litellmEntry(provider, key, e, from) {
  const std = litellmRates(e, '');
  const entry = { effective_from: from, input: std.input, output: std.output };
  for (const f of chargeFields) if (std[f] !== undefined) entry[f] = std[f];
  if (provider === 'anthropic' && litellmWebSearch(e) !== undefined) entry.web_search = litellmWebSearch(e);
  if (provider === 'anthropic') {
    entry.cache_read = std.cache_read ?? scaled(std.input, 1n, 10n);
    entry.cache_write_5m = std.cache_write_5m ?? scaled(std.input, 5n, 4n);
    entry.cache_write_1h = std.cache_write_1h ?? scaled(std.input, 2n, 1n);
  } else {
    if (std.cache_read !== undefined) entry.cache_read = std.cache_read;
    if (std.cache_write_5m !== undefined && usdToMicros(std.cache_write_5m) > 0n) entry.cache_write_5m = std.cache_write_5m;
  }
  const lanes = {};
  const batch = litellmRates(e, '_batches');
  if (batch.input !== undefined && (batch.input !== half(std.input) || (batch.output ?? half(std.output)) !== half(std.output))) lanes.batch = batch;
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
    tiers.push(defined({ above_input_tokens: Number(m[1]) * 1000, ...t }));
  }
  if (tiers.length > 0) entry.tiers = tiers.sort((a, b) => a.above_input_tokens - b.above_input_tokens);
  entry.source = `${LITELLM} ${key}`;
  entry.checked = CHECKED;
  return entry;
}

const sameBase = (a, b) => a.input === b.input && a.output === b.output && (a.cache_read ?? a.input) === (b.cache_read ?? b.input);
const candidates = []; // { provider, id, operations, entry, from }
function litellmCandidates(provider, llps, route = false) {
  for (const llp of llps) {
    for (const [key, e] of Object.entries(litellm)) {
      if (e.litellm_provider !== llp || !textModes.has(e.mode)) continue;
      const id = key.replace(/^[a-z_]+\//, '').replace(/@default$/, '').replace(/@(\d{8})$/, '-$1');
      // Groq's `openai/gpt-oss-120b`: the resolver takes `openai/` off as a gateway prefix, so that id is never looked up.
      if (/^(openai|google|anthropic|mistral|deepseek)\//.test(id)) continue;
      if (notText.test(id) || e.input_cost_per_token === undefined || (e.output_cost_per_token === undefined && e.mode !== 'embedding')) continue;
      if (e.input_cost_per_token === 0 && !e.output_cost_per_token) continue; // free previews: no price to state
      const ops = e.mode === 'embedding' ? ['embeddings'] : e.mode === 'responses' ? ['responses'] : e.mode === 'completion' ? ['completions'] : ['chat', 'responses', 'completions'];
      const entry = litellmEntry(provider, key, { ...e, output_cost_per_token: e.output_cost_per_token ?? 0 }, releaseDate(provider, id) ?? '2024-01-01');
      fillCharges(id, provider, entry, id, devProviders[provider].map((p) => modelsDev[p]?.models?.[id]).find((m) => m !== undefined));
      candidates.push({ provider, id, operations: ops, entry, route });
    }
  }
}
for (const [provider, llps] of Object.entries(litellmProviders)) {
  litellmCandidates(provider, llps);
  // What LiteLLM does not price: genai-prices, then models.dev (USD per MTok already).
  for (const m of genai.find((p) => p.id === genaiProviders[provider])?.models ?? []) {
    // genai-prices also lists match-rule stubs (`gpt-4o-mini-2024-07-18.ft-`, `gpt-4o:extended`): not model ids.
    if (notText.test(m.id) || m.id.startsWith('claude') !== (provider === 'anthropic') || /-$|\.ft-|^(?!ft:).*:/.test(m.id)) continue;
    const set = Array.isArray(m.prices) ? m.prices.find((x) => !x.constraint)?.prices : m.prices;
    const v = (x) => (typeof x === 'object' && x !== null ? x.base : x);
    if (!set || v(set.input_mtok) === undefined || (v(set.output_mtok) === undefined && !m.id.includes('embed'))) continue;
    const mt = (x) => (v(x) === undefined ? undefined : microsToUsdText(perMTokToMicros(v(x))));
    const entry = defined({ effective_from: releaseDate(provider, m.id) ?? '2024-01-01', input: mt(set.input_mtok), output: mt(set.output_mtok) ?? '0', cache_read: mt(set.cache_read_mtok), cache_write_5m: mt(set.cache_write_mtok), cache_write_1h: mt(set.cache_write_1h_mtok),
      ...defined(Object.fromEntries(chargeFields.map((f) => [f, mt(set[genaiChargeKeys[f]])]))),
      web_search: provider === 'anthropic' && v(set.web_searches_kcount) !== undefined ? microsToUsdText(usdToMicros(String(v(set.web_searches_kcount)))) : undefined,
      source: `genai-prices@47df840a (2026-08-21) ${genaiProviders[provider]}/${m.id}`, checked: '2026-08-21' });
    // genai-prices names a family by its `-latest` id and matches every snapshot by prefix: the family id is the model.
    const family = m.id.replace(/-latest$/, '');
    candidates.push({ provider, id: family, aliases: family === m.id ? [] : [m.id], operations: m.id.includes('embed') ? ['embeddings'] : ['chat', 'responses', 'completions'], entry });
  }
  for (const dp of devProviders[provider]) {
    for (const [devKey, m] of Object.entries(modelsDev[dp]?.models ?? {})) {
      if (notText.test(devKey) || devKey.includes('/') || !m.cost || m.cost.input === undefined || m.cost.output === undefined) continue;
      if ((provider === 'anthropic') !== devKey.startsWith('claude')) continue;
      if (m.modalities?.output && !m.modalities.output.includes('text') && !devKey.includes('embed')) continue;
      const id = devKey.replace(/@default$/, '').replace(/@(\d{8})$/, '-$1');
      const mt = (x) => (x === undefined ? undefined : microsToUsdText(perMTokToMicros(x)));
      const entry = defined({ effective_from: m.release_date ?? '2024-01-01', input: mt(m.cost.input), output: mt(m.cost.output), cache_read: mt(m.cost.cache_read), cache_write_5m: mt(m.cost.cache_write),
        audio_input: mt(m.cost.input_audio), audio_output: mt(m.cost.output_audio), source: `models.dev@f3fc6922 (2026-07-02) ${dp}/${devKey}`, checked: '2026-07-02' });
      if (provider === 'anthropic' && entry.cache_write_1h === undefined) entry.cache_write_1h = scaled(entry.input, 2n, 1n);
      candidates.push({ provider, id, operations: devKey.includes('embed') ? ['embeddings'] : ['chat', 'responses', 'completions'], entry });
    }
  }
}
for (const [provider, llps] of Object.entries(litellmRoutes)) litellmCandidates(provider, llps, true);
// Undated ids first, so a snapshot is compared with the model it is a snapshot of.
const isDated = (id) => dateless(idKey(id)) !== idKey(id);
candidates.sort((a, b) => Number(isDated(a.id)) - Number(isDated(b.id)));
let added = 0;
for (const c of candidates) {
  const key = idKey(c.id);
  if (taken.has(key)) continue;
  const undated = taken.get(dateless(key));
  // A cloud's snapshot of a model the provider prices is the provider's model (its own price is a route price).
  if (c.route && undated) continue;
  if (undated && undated.id !== c.id && sameBase(undated.prices.at(-1), c.entry)) continue;
  files[c.provider] ??= { $schema: './catalog.schema.json', provider: c.provider, ...providers[c.provider], models: [] };
  const aliases = (c.aliases ?? []).filter((a) => !taken.has(idKey(a)));
  const model = { id: c.id, aliases, operations: c.operations, prices: [c.entry] };
  files[c.provider].models.push(model);
  for (const name of [c.id, ...aliases]) taken.set(idKey(name), model);
  added++;
}

// ---- Price history: genai-prices' dated entries (constraint.start_date) become later entries --------------------
let dated = 0;
for (const [provider, gp] of Object.entries(genaiProviders)) {
  for (const m of genai.find((p) => p.id === gp)?.models ?? []) {
    if (!Array.isArray(m.prices)) continue;
    const model = taken.get(idKey(m.id));
    if (!model || !files[provider]?.models.includes(model)) continue;
    for (const step of m.prices) {
      const from = step.constraint?.start_date;
      if (!from || step.constraint.start_time || from <= model.prices[0].effective_from) continue;
      const p = step.prices;
      const base = (x) => (typeof x === 'object' && x !== null ? x.base : x);
      const mt = (x) => (base(x) === undefined ? undefined : microsToUsdText(perMTokToMicros(base(x))));
      // A dated entry replaces the whole price: the charges the model had carry on unless the step states its own.
      const prior = model.prices.at(-1);
      const entry = defined({ effective_from: from, input: mt(p.input_mtok), output: mt(p.output_mtok), cache_read: mt(p.cache_read_mtok), cache_write_5m: mt(p.cache_write_mtok), cache_write_1h: mt(p.cache_write_1h_mtok),
        ...defined(Object.fromEntries(chargeFields.map((f) => [f, mt(p[genaiChargeKeys[f]]) ?? prior[f]]))),
        web_search: provider === 'anthropic' ? (base(p.web_searches_kcount) !== undefined ? microsToUsdText(usdToMicros(String(base(p.web_searches_kcount)))) : prior.web_search) : undefined });
      const tiers = new Map();
      const names = { input_mtok: 'input', output_mtok: 'output', cache_read_mtok: 'cache_read', cache_write_mtok: 'cache_write_5m', cache_write_1h_mtok: 'cache_write_1h' };
      for (const [k, v] of Object.entries(p)) {
        if (!names[k] || typeof v !== 'object' || v === null) continue;
        for (const t of v.tiers ?? []) tiers.set(t.start, { ...tiers.get(t.start), above_input_tokens: t.start, [names[k]]: microsToUsdText(perMTokToMicros(t.price)) });
      }
      if (tiers.size > 0) entry.tiers = [...tiers.values()].sort((a, b) => a.above_input_tokens - b.above_input_tokens);
      entry.source = `genai-prices@47df840a (2026-08-21) ${gp}/${m.id}, from ${from}`;
      entry.checked = '2026-08-21';
      model.prices.push(entry);
      dated++;
    }
  }
}

// ---- Route prices: Bedrock's regional inference profiles (us., eu., apac., au., jp.) bill some Claude models
// above the global price (+10%). Those become models named `bedrock-regional:<catalog id>`, which the resolver
// tries first for a regional profile id (src/pricing/routes.ts); everything else on Bedrock bills as direct.
let routed = 0;
for (const [key, e] of Object.entries(litellm)) {
  const m = /^(?:bedrock\/)?(?:us|eu|apac|au|jp)\.anthropic\.(claude-[a-z0-9.-]+?)(?:-v\d+(?::\d+)?)?$/.exec(key);
  if (!m || !['bedrock_converse', 'bedrock'].includes(e.litellm_provider) || e.input_cost_per_token === undefined) continue;
  const base = taken.get(idKey(m[1])) ?? taken.get(dateless(idKey(m[1])));
  if (!base || !files.anthropic.models.includes(base)) continue;
  const id = `bedrock-regional:${base.id}`;
  if (taken.has(idKey(id))) continue;
  const entry = litellmEntry('anthropic', key, e, base.prices[0].effective_from);
  if (sameBase(base.prices.at(-1), entry)) continue;
  const model = { id, aliases: [], operations: base.operations, prices: [entry] };
  files.anthropic.models.push(model);
  taken.set(idKey(id), model);
  routed++;
}

// ---- Amazon Bedrock's own price list: Amazon Nova and Titan, Meta Llama --------------------------------------
// LiteLLM's `amazon.*` and `meta.*` keys (no Region prefix) become ids as the resolver reduces Bedrock ids
// (src/pricing/routes.ts: vendor and version off, `nova-micro`); where two versions of one model differ in price
// (Titan Text Embeddings v1 at $0.10, v2 at $0.02), each keeps its version (`titan-embed-text-v2`), which the resolver
// tries first. Geographic profiles priced apart from the direct id (Nova in eu. and apac.) become `bedrock-<geo>:<id>`.
// models.dev fills the cache-read rate LiteLLM lacks (Nova: a quarter of input) and dates the models.
const bedrockDev = modelsDev['amazon-bedrock']?.models ?? {};
// Vendors whose models Bedrock sells under ids no other host writes the same way (AI21's Jamba, Writer's Palmyra, TwelveLabs'
// Pegasus, NVIDIA's Nemotron): Qwen, MiniMax, Moonshot, Z.ai and OpenAI's open models on Bedrock keep ids their makers'
// own APIs and other hosts use at other prices, so they are left unpriced rather than priced at Bedrock's everywhere.
const bedrockVendors = /^(amazon|meta|ai21|writer|twelvelabs|nvidia)\./;
const bedrockKeys = Object.entries(litellm).filter(([k, e]) => bedrockVendors.test(k) && ['bedrock', 'bedrock_converse'].includes(e.litellm_provider)
  && textModes.has(e.mode) && !notText.test(k) && e.input_cost_per_token !== undefined && (e.output_cost_per_token !== undefined || e.mode === 'embedding'));
// The resolver's own reduction, so that the ids are the ones it looks up.
const bedrockBase = (k) => routeOf(k).name;
const bedrockEntry = (key, e, from) => {
  const entry = litellmEntry('amazon-bedrock', key, { ...e, output_cost_per_token: e.output_cost_per_token ?? 0 }, from);
  const dev = bedrockDev[key];
  if (entry.cache_read === undefined && dev?.cost?.cache_read !== undefined) {
    entry.cache_read = microsToUsdText(perMTokToMicros(dev.cost.cache_read));
    entry.source += '; cache_read: models.dev@f3fc6922';
  }
  if (dev?.cost) for (const f of ['input', 'output']) compare(bedrockBase(key), f, entry[f], perMTokToMicros(dev.cost[f]), 'models.dev');
  return entry;
};
const bedrockPrices = new Map(); // base id -> distinct input/output pairs
for (const [k, e] of bedrockKeys) (bedrockPrices.get(bedrockBase(k)) ?? bedrockPrices.set(bedrockBase(k), new Set()).get(bedrockBase(k))).add(`${e.input_cost_per_token}/${e.output_cost_per_token}`);
let bedrockAdded = 0;
for (const [key, e] of bedrockKeys) {
  const base = bedrockBase(key);
  const id = bedrockPrices.get(base).size > 1 ? (routeOf(key).versioned ?? base) : base;
  if (taken.has(idKey(id))) continue;
  const operations = e.mode === 'embedding' ? ['embeddings'] : ['chat', 'completions'];
  const entry = bedrockEntry(key, e, bedrockDev[key]?.release_date ?? '2024-01-01');
  files['amazon-bedrock'] ??= { $schema: './catalog.schema.json', provider: 'amazon-bedrock', ...providers['amazon-bedrock'], models: [] };
  const model = { id, aliases: [], operations, prices: [entry] };
  files['amazon-bedrock'].models.push(model);
  taken.set(idKey(id), model);
  bedrockAdded++;
}
for (const [key, e] of Object.entries(litellm)) {
  const m = /^(us|eu|apac|au|jp|ca)\.((?:amazon|meta|ai21|writer|twelvelabs|nvidia)\..+)$/.exec(key);
  if (!m || !['bedrock', 'bedrock_converse'].includes(e.litellm_provider) || !textModes.has(e.mode) || e.input_cost_per_token === undefined) continue;
  const direct = taken.get(idKey(bedrockBase(m[2])));
  if (!direct || !files['amazon-bedrock'].models.includes(direct)) continue;
  const entry = bedrockEntry(key, e, direct.prices[0].effective_from);
  // The geography's cache reads at the direct id's share of input (Nova: a quarter), where no database states them.
  const base = direct.prices.at(-1);
  if (e.cache_read_input_token_cost === undefined && base.cache_read !== undefined) {
    entry.cache_read = microsToUsdText((usdToMicros(entry.input) * usdToMicros(base.cache_read)) / usdToMicros(base.input));
    entry.source = entry.source.replace(/; cache_read: models\.dev@\w+/, '') + '; cache_read: the direct id\'s share of input';
  }
  if (sameBase(base, entry)) continue;
  const id = `bedrock-${m[1]}:${direct.id}`;
  if (taken.has(idKey(id))) continue;
  const model = { id, aliases: [], operations: direct.operations, prices: [entry] };
  files['amazon-bedrock'].models.push(model);
  taken.set(idKey(id), model);
  routed++;
}

for (const [provider, file] of Object.entries(files)) {
  catalogFileSchema.parse(file);
  writeFileSync(here(`../pricing/${provider}.json`), `${JSON.stringify(file, null, 2)}\n`);
}
writeFileSync(here('../pricing/catalog.schema.json'), `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
writeFileSync(here('../pricing/aliases.schema.json'), `${JSON.stringify(aliasesJsonSchema(), null, 2)}\n`);

// The disagreements go into pricing/README.md between markers, so the page always matches the data.
const readmePath = here('../pricing/README.md');
const readme = readFileSync(readmePath, 'utf8');
const table = ['| model | field | bundled (USD/MTok) | other source | source |', '|---|---|---|---|---|', ...new Set(disagreements)].join('\n');
const start = '<!-- disagreements:start -->';
const end = '<!-- disagreements:end -->';
writeFileSync(readmePath, readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`));
console.log(`wrote ${Object.keys(files).length} provider catalogs: ${models.length} curated models, ${added} more, ${bedrockAdded} Bedrock, ${routed} route prices, ${dated} dated entries; ${disagreements.length} disagreements`);
