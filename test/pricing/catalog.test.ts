import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchema } from '../../src/pricing/catalog-schema.ts';
import { microsToUsdText, perMTokToMicros, perTokenToMicros, usdToMicros } from '../../src/pricing/decimal.ts';
import { loadCatalog, resolveModel } from '../../src/pricing/index.ts';
import { closestIds, normaliseModel } from '../../src/pricing/model-names.ts';

describe('decimal prices', () => {
  it('parses decimal text exactly and rounds database float noise to 6 decimals per MTok', () => {
    expect(usdToMicros('2.50')).toBe(2_500_000n);
    expect(usdToMicros(0.14)).toBe(140_000n);
    expect(() => usdToMicros('0.0000001')).toThrow();
    expect(perTokenToMicros(3e-6)).toBe(3_000_000n);
    expect(perTokenToMicros(2.9999999999e-6)).toBe(3_000_000n);
    expect(perTokenToMicros('0.0000003')).toBe(300_000n);
    expect(perMTokToMicros(0.003625)).toBe(3_625n);
    expect(microsToUsdText(2_800n)).toBe('0.0028');
  });
});

describe('model names', () => {
  it('resolves snapshots, provider prefixes and dotted/dashed spellings exactly, never fuzzily', async () => {
    const catalog = await loadCatalog({});
    for (const name of ['claude-sonnet-4-6-20260101', 'anthropic/claude-sonnet-4.6', 'claude-sonnet-4-6', 'CLAUDE-SONNET-4.6']) {
      expect(resolveModel(catalog, name)).toBe('claude-sonnet-4.6');
    }
    expect(resolveModel(catalog, 'openai/gpt-5.4')).toBe('gpt-5.4');
    expect(resolveModel(catalog, 'gpt-5.4-2026-03-05')).toBe('gpt-5.4');
    expect(resolveModel(catalog, 'gemini-3.1-pro-preview')).toBe('gemini-3.1-pro');
    expect(resolveModel(catalog, 'gpt-5.4-turbo')).toBeUndefined();
    expect(normaliseModel('models/gemini-2.5-pro')).toBe('gemini-2-5-pro');
    expect(closestIds('claude-sonet-4.6', catalog.models.keys())[0]).toBe('claude-sonnet-4.6');
    // Measured on the model a Bedrock ARN names; none for an ARN that names no model (its neighbours were noise).
    expect(closestIds('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonet-4-6-v1:0', catalog.models.keys())[0]).toBe('claude-sonnet-4.6');
    expect(closestIds('arn:aws:bedrock:us-east-1:466959819186:application-inference-profile/xyz', catalog.models.keys())).toEqual([]);
    expect(closestIds('projects/p/locations/us-central1/endpoints/123', catalog.models.keys())).toEqual([]);
    // A model of a family the catalog does not hold is near none of its ids: real Bedrock logs' Nova Micro had been
    // offered o1-mini, o1-pro and o3-mini, and Groq's Llama gemma and claude ids, before the catalog priced both.
    expect(closestIds('moonshot.kimi-k2-thinking', catalog.models.keys())).toEqual([]);
    expect(closestIds('minimax.minimax-m2', catalog.models.keys())).toEqual([]);
    expect(closestIds('gpt4o', catalog.models.keys())[0]).toBe('gpt-4o');
    expect(closestIds('gemini-2.5-flsh', catalog.models.keys())[0]).toBe('gemini-2.5-flash');
  });

  it('bundles the five seed 003 models at the seed list prices', async () => {
    const catalog = await loadCatalog({});
    const list = Object.fromEntries(
      ['claude-opus-4.7', 'claude-sonnet-4.6', 'gpt-5.4', 'gemini-3.1-pro', 'deepseek-v3.2'].map((id) => {
        const base = catalog.models.get(id)!.entries.at(-1)!.tiers[0]!;
        return [id, [base.standard.input, base.standard.output, base.lanes.batch?.input, base.lanes.batch?.output]];
      }),
    );
    expect(list).toEqual({
      'claude-opus-4.7': [5_000_000n, 25_000_000n, 2_500_000n, 12_500_000n],
      'claude-sonnet-4.6': [3_000_000n, 15_000_000n, 1_500_000n, 7_500_000n],
      'gpt-5.4': [2_500_000n, 15_000_000n, 1_250_000n, 7_500_000n],
      'gemini-3.1-pro': [2_000_000n, 12_000_000n, 1_000_000n, 6_000_000n],
      'deepseek-v3.2': [140_000n, 280_000n, 70_000n, 140_000n],
    });
    expect(catalog.providers.get('anthropic')?.batchOperations).toEqual(['chat']);
    expect(catalog.providers.get('google')?.batchOperations).toEqual(['chat', 'embeddings']);
  });

  it('publishes the JSON Schema generated from the zod schema (run npm run catalog:build after changing it)', () => {
    const published = JSON.parse(readFileSync(new URL('../../pricing/catalog.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(catalogJsonSchema());
  });
});
