#!/usr/bin/env node
// Writes small excerpts of the public price databases in ../shared/data to fixtures/pricing/sources/, for the
// `pricing update` tests: the same shapes and the same models the tests name, a few kB instead of 5 MB, and
// stable when the shared files change. Run again by hand to refresh them: node scripts/excerpt-price-sources.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const read = (name) => JSON.parse(readFileSync(here(`../../shared/data/${name}`), 'utf8'));
const write = (name, json) => writeFileSync(here(`../fixtures/pricing/sources/${name}`), `${JSON.stringify(json, null, 1)}\n`);
const wanted = /deepseek-v3\.2|gpt-5\.4|gpt-5\.6-luna|claude-sonnet-4[.-]6/;

const litellm = read('litellm_model_prices.json');
write('litellm_model_prices.json', Object.fromEntries(Object.entries(litellm).filter(([key]) => wanted.test(key))));

const modelsDev = read('models_dev_api.json');
write('models_dev_api.json', Object.fromEntries(Object.entries(modelsDev)
  .filter(([id]) => ['anthropic', 'openai', 'deepseek'].includes(id))
  .map(([id, p]) => [id, { ...p, models: Object.fromEntries(Object.entries(p.models).filter(([m]) => wanted.test(m) || m.startsWith('deepseek'))) }])));

const genai = read('genai_prices_data_v2.json');
write('genai_prices_data_v2.json', genai
  .map((p) => ({ ...p, models: p.models.filter((m) => wanted.test(m.id)) }))
  .filter((p) => p.models.length > 0));

const openrouter = read('openrouter_models_snapshot.json');
write('openrouter_models_snapshot.json', { ...openrouter, data: openrouter.data.filter((m) => wanted.test(m.id)) });
