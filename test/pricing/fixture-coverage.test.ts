// Every model id in this repository's real export samples (fixtures/<format>/, sources in fixtures/SOURCES.md),
// in every input format, resolves to a catalog entry, or is unpriced for a stated reason: the routes cover what
// the adapters write (Bedrock ARNs and profiles, Vertex, OpenRouter slugs, dated snapshots).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/pricing/coverage.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { fixture } from '../helpers/cli.ts';
import { memoryWorkspace } from '../helpers/workspace.ts';

const formats = ['anthropic', 'openai', 'bedrock', 'google', 'claude-code', 'helicone', 'langfuse', 'litellm', 'openrouter', 'otel', 'portkey', 'deepseek'];
const files = formats.flatMap((d) => readdirSync(fixture(d)).map((f) => join(fixture(d), f)));

describe('the model ids of every real export sample', () => {
  it('resolve, or are unpriced with the reason (a self-hosted Qwen, a test proxy\'s made-up name, a free variant, another host\'s price)', async () => {
    const ws = await memoryWorkspace();
    try {
      // Files that are not usage exports (a cost report, a sample with no usage) are skipped, as a directory walk does.
      for (const file of files) await ingestFiles(ws, [file]).catch((e: Error) => expect(e.name).toBe('UnrecognisedFormat'));
      const rows = await coverage(ws, await loadCatalog({}));
      expect(rows.length).toBeGreaterThanOrEqual(25);
      const unpriced = rows.filter((r) => r.catalogId === null).map((r) => [r.model, r.unpriced?.reason]);
      expect(unpriced.sort()).toEqual([
        // MLflow's real spans (otel/real-mlflow-spans.jsonl): a model served on the team's own vLLM.
        ['RedHatAI/Qwen3-Next-80B-A3B-Instruct-FP8', 'no price in the catalog'],
        // A real OpenRouter generation served by DeepInfra (openrouter/real-generation-cancelled.json): the catalog's price
        // for that id is Groq's, so the call keeps the cost OpenRouter reported.
        ['meta-llama/llama-4-scout-17b-16e-instruct', "no meta-llama price in the catalog: meta-llama/llama-4-scout-17b-16e-instruct is groq's price, for groq's calls (hosts price open models differently)"],
        // LiteLLM's own test payload (litellm/real-standard-logging-payload-epoch.jsonl): a fake endpoint's model name.
        ['my-fake-model', 'no price in the catalog'],
        // A free variant (openrouter/export-variant-byok.csv): billed $0.
        ['openai/gpt-oss-120b:free', 'an OpenRouter `:free` variant: billed $0 by OpenRouter, no catalog price'],
      ]);
      const byModel = Object.fromEntries(rows.map((r) => [r.model, `${r.catalogId} (${r.rules.join(', ')})`]));
      expect(byModel).toMatchObject({
        'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6': 'bedrock-regional:claude-sonnet-4.6 (bedrock-arn, bedrock, bedrock-regional, exact)',
        'eu.anthropic.claude-haiku-4-5-20251001-v1:0': 'bedrock-regional:claude-haiku-4.5 (bedrock, bedrock-regional, snapshot-date)',
        'claude-3-5-haiku-20241022': 'claude-3-5-haiku (snapshot-date)',
        'o3-2025-04-16': 'o3 (snapshot-date)',
        'anthropic/claude-sonnet-4.5': 'claude-sonnet-4.5 (gateway-prefix, exact)',
        'deepseek/deepseek-r1': 'deepseek-r1 (gateway-prefix, exact)',
        // Bedrock's own price list and Groq's (pricing/amazon-bedrock.json, groq.json).
        'amazon.nova-lite-v1:0': 'nova-lite (bedrock, exact)',
        'amazon.titan-embed-text-v2:0': 'titan-embed-text-v2 (bedrock, exact)',
        'llama-3.1-8b-instant': 'llama-3.1-8b-instant (exact)',
      });
    } finally {
      ws.close();
    }
  });
});
