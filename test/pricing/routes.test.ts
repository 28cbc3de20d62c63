// Model ids as real exports, provider docs and other projects write them, resolved rule by rule
// (pricing/README.md, "Model ids and routes"). Each id's source is in the comment on its line:
//   [aws-profiles]  docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html, quoted in
//                   github.com/anthropics/claude-quickstarts/issues/168 and sblakey/llm-bedrock-anthropic#17, #20, #22
//   [aws-arn]       github.com/anthropics/anthropic-sdk-python/issues/894; BoltAI/BoltAI#220 (list-inference-profiles output)
//   [aws-aip]       github.com/langchain-ai/langchain-aws/pull/561 (application inference profile ARN)
//   [vertex]        github.com/liushuangls/go-anthropic/pull/54 (claude-3-5-sonnet-v2@20241022, full resource name);
//                   RooCodeInc/Roo-Code#8387 (claude-sonnet-4-5@20250929); UKGovernmentBEIS/inspect_ai#1122;
//                   Aider-AI/aider#3369 (vertex_ai/claude-3-7-sonnet@20250219); onyx-dot-app/onyx#6015 (Vertex model list)
//   [litellm]       github.com/BerriAI/litellm/pull/4311 (vertex_ai/…@…, bedrock/anthropic.…-v1:0), BerriAI/litellm#20411 (ft:…:*)
//   [openrouter]    github.com/BerriAI/litellm/pull/8826 (anthropic/claude-3.7-sonnet:beta); rmarfil3/openwebui-openrouter-
//                   reasoning-tokens#6 (:thinking); OpenRouter's /api/v1/models snapshot (shared data, models.dev repo)
//   [openai-docs]   platform.openai.com model pages and fine-tuning guide (ft:gpt-4o-mini-2024-07-18:org::id)
//   [anthropic-docs] docs.anthropic.com models overview (dated API ids)
//   [fixtures]      this repository's fixtures/ (real export samples, sources in fixtures/SOURCES.md)
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/pricing/index.ts';
import { resolveName } from '../../src/pricing/load-catalog.ts';
import { routeOf } from '../../src/pricing/routes.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog({});
});

/** [id as written, catalog id, standard input $/MTok on the latest entry, rules] — or unpriced with a reason pattern. */
type Case = readonly [string, string, string, string] | readonly [string, null, RegExp, string];

const cases: readonly Case[] = [
  // Anthropic API ids, dated snapshots [anthropic-docs]
  ['claude-sonnet-4-20250514', 'claude-sonnet-4', '3', 'snapshot-date'],
  ['claude-opus-4-1-20250805', 'claude-opus-4.1', '15', 'snapshot-date'],
  ['claude-3-5-haiku-20241022', 'claude-3-5-haiku', '0.8', 'snapshot-date'],
  ['claude-3-opus-20240229', 'claude-3-opus', '15', 'snapshot-date'],
  ['claude-3-haiku-20240307', 'claude-3-haiku', '0.25', 'snapshot-date'],
  ['claude-3-7-sonnet-20250219', 'claude-3-7-sonnet', '3', 'snapshot-date'],
  ['claude-3-5-haiku-latest', 'claude-3-5-haiku', '0.8', 'exact'],
  ['claude-sonnet-4-6', 'claude-sonnet-4.6', '3', 'exact'],
  // OpenAI ids: a dated snapshot with its own price stays distinct; one with the same price is the model [openai-docs]
  ['gpt-4o-2024-05-13', 'gpt-4o-2024-05-13', '5', 'exact'],
  ['gpt-4o-2024-08-06', 'gpt-4o', '2.5', 'snapshot-date'],
  ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini', '0.4', 'snapshot-date'],
  ['gpt-3.5-turbo', 'gpt-3.5-turbo', '0.5', 'exact'],
  ['o1-mini', 'o1-mini', '1.1', 'exact'],
  ['text-embedding-3-small', 'text-embedding-3-small', '0.02', 'exact'],
  // Fine-tuned ids [openai-docs] [litellm]
  ['ft:gpt-4o-mini-2024-07-18:org::abc123', 'ft:gpt-4o-mini-2024-07-18', '0.3', 'fine-tuned,exact'],
  ['ft:gpt-3.5-turbo-0125:acme:support-bot:9XyZ', 'ft:gpt-3.5-turbo-0125', '3', 'fine-tuned,exact'],
  ['ft:gpt-5-mini-2025-08-07:org::x1', null, /fine-tuned from gpt-5-mini-2025-08-07: no fine-tuned price/, 'fine-tuned'],
  // Amazon Bedrock: model ids, cross-region profiles, ARNs [aws-profiles] [aws-arn] [aws-aip] [litellm]
  ['anthropic.claude-3-haiku-20240307-v1:0', 'claude-3-haiku', '0.25', 'bedrock,snapshot-date'],
  ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet', '3', 'bedrock,bedrock-regional,snapshot-date'],
  ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4.5', '3', 'bedrock,snapshot-date'],
  ['eu.anthropic.claude-sonnet-4-5-20250929-v1:0', 'bedrock-regional:claude-sonnet-4.5', '3.3', 'bedrock,bedrock-regional,snapshot-date'],
  ['us.anthropic.claude-opus-4-6-v1', 'bedrock-regional:claude-opus-4.6', '5.5', 'bedrock,bedrock-regional,exact'],
  ['arn:aws:bedrock:us-east-1:0000000000:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'claude-3-7-sonnet', '3', 'bedrock-arn,bedrock,bedrock-regional,snapshot-date'],
  ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0', 'claude-3-haiku', '0.25', 'bedrock-arn,bedrock,snapshot-date'],
  ['arn:aws:bedrock:us-east-1:111111484058:application-inference-profile/c3myu2h6fllr', null, /application inference profile ARN names no model/, 'bedrock-arn'],
  ['bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude-3-5-sonnet', '3', 'gateway-prefix,bedrock,snapshot-date'],
  ['mistral.mistral-large-2402-v1:0', 'mistral-large-2402', '4', 'bedrock,exact'],
  ['cohere.command-r-plus-v1:0', 'command-r-plus', '2.5', 'bedrock,exact'],
  // Bedrock's own price list (pricing/amazon-bedrock.json): Nova, Titan, Llama; geographic profiles at their geography's price
  ['arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-2-90b-instruct-v1:0', 'llama3-2-90b-instruct', '2', 'bedrock-arn,bedrock,exact'],
  ['amazon.nova-pro-v1:0', 'nova-pro', '0.8', 'bedrock,exact'],
  ['us.amazon.nova-micro-v1:0', 'nova-micro', '0.035', 'bedrock,bedrock-regional,exact'],
  ['eu.amazon.nova-micro-v1:0', 'bedrock-eu:nova-micro', '0.046', 'bedrock,bedrock-regional,exact'],
  ['apac.amazon.nova-lite-v1:0', 'bedrock-apac:nova-lite', '0.063', 'bedrock,bedrock-regional,exact'],
  ['us.amazon.nova-2-lite-v1:0', 'bedrock-us:nova-2-lite', '0.33', 'bedrock,bedrock-regional,exact'],
  ['global.amazon.nova-2-lite-v1:0', 'nova-2-lite', '0.3', 'bedrock,exact'],
  ['amazon.titan-embed-text-v2:0', 'titan-embed-text-v2', '0.02', 'bedrock,exact'],
  ['amazon.titan-embed-text-v1', 'titan-embed-text-v1', '0.1', 'bedrock,exact'],
  ['us.meta.llama3-3-70b-instruct-v1:0', 'llama3-3-70b-instruct', '0.72', 'bedrock,bedrock-regional,exact'],
  ['ai21.jamba-1-5-large-v1:0', 'jamba-1-5-large', '2', 'bedrock,exact'],
  ['writer.palmyra-x5-v1:0', 'palmyra-x5', '0.6', 'bedrock,exact'],
  // Bedrock's open models under ids their makers and other hosts also use are left unpriced (build-catalog.mjs)
  ['moonshot.kimi-k2-thinking', null, /no price in the catalog/, 'bedrock'],
  // Vertex AI: @versions, publisher paths, full resource names, endpoints [vertex] [litellm]
  ['claude-sonnet-4@20250514', 'claude-sonnet-4', '3', 'vertex-at-version,snapshot-date'],
  ['claude-3-5-sonnet-v2@20241022', 'claude-3-5-sonnet', '3', 'vertex-at-version,snapshot-date'],
  ['claude-opus-4-1@20250805', 'claude-opus-4.1', '15', 'vertex-at-version,snapshot-date'],
  ['vertex_ai/claude-3-7-sonnet@20250219', 'claude-3-7-sonnet', '3', 'gateway-prefix,vertex-at-version,snapshot-date'],
  ['publishers/google/models/gemini-2.5-pro', 'gemini-2.5-pro', '1.25', 'vertex-resource,exact'],
  ['projects/minisme-env/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929', 'claude-sonnet-4.5', '3', 'vertex-resource,vertex-at-version,snapshot-date'],
  ['projects/p1/locations/us-central1/endpoints/1234567890', null, /Vertex AI endpoint/, 'vertex-resource'],
  ['gemini-2.0-flash-001', 'gemini-2.0-flash-001', '0.1', 'exact'],
  ['models/gemini-1.5-pro-002', 'gemini-1.5-pro', '1.25', 'gateway-prefix,snapshot-date'],
  // OpenRouter slugs and LiteLLM provider/model ids [openrouter] [litellm]
  ['anthropic/claude-3.7-sonnet:beta', 'claude-3-7-sonnet', '3', 'gateway-prefix,openrouter,exact'],
  ['anthropic/claude-3.7-sonnet:thinking', 'claude-3-7-sonnet', '3', 'gateway-prefix,openrouter,exact'],
  ['openrouter/anthropic/claude-3.5-sonnet', 'claude-3-5-sonnet', '3', 'gateway-prefix,exact'],
  ['x-ai/grok-4', 'grok-4', '3', 'gateway-prefix,exact'],
  ['mistralai/mistral-large-2411', 'mistral-large-2411', '2', 'gateway-prefix,exact'],
  ['google/gemini-2.5-flash:free', null, /OpenRouter `:free` variant/, 'gateway-prefix,openrouter'],
  ['meta-llama/llama-3.1-70b-instruct', null, /no price in the catalog/, ''],
  ['gemini/gemini-2.0-flash', 'gemini-2.0-flash', '0.1', 'gateway-prefix,exact'],
  ['azure/gpt-4o', 'gpt-4o', '2.5', 'gateway-prefix,exact'],
  // Azure OpenAI's names for GPT-3.5, without the dot (a real Azure batch output: fixtures/openai/real-azure-batch-output.jsonl)
  ['gpt-35-turbo', 'gpt-3.5-turbo', '0.5', 'azure-name,exact'],
  ['azure/gpt-35-turbo-16k', 'gpt-3.5-turbo-16k', '3', 'gateway-prefix,azure-name,exact'],
  ['openai/gpt-5.4', 'gpt-5.4', '2.5', 'gateway-prefix,exact'],
  // Other providers the issue covers [fixtures] and provider docs
  ['command-r-plus-08-2024', 'command-r-plus-08-2024', '2.5', 'exact'],
  ['grok-3-mini', 'grok-3-mini', '0.3', 'exact'],
  ['mistral-small-latest', 'mistral-small-latest', '0.06', 'exact'],
  ['deepseek-reasoner', 'deepseek-reasoner', '0.28', 'exact'],
  // Groq (pricing/groq.json), as its batch output and LiteLLM (`groq/…`) write them
  ['llama-3.1-8b-instant', 'llama-3.1-8b-instant', '0.05', 'exact'],
  ['groq/llama-3.3-70b-versatile', 'llama-3.3-70b-versatile', '0.59', 'gateway-prefix,exact'],
  ['meta-llama/llama-4-scout-17b-16e-instruct', 'meta-llama/llama-4-scout-17b-16e-instruct', '0.11', 'exact'],
  ['gemini-embedding-001', 'gemini-embedding-001', '0.15', 'exact'],
];

const usd = (micros: bigint) => (Number(micros) / 1e6).toString();

describe('real model ids resolve to the right catalog entry and price, or are unpriced with the reason', () => {
  it('has at least 40 distinct ids', () => {
    expect(new Set(cases.map((c) => c[0])).size).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s -> %s', (name, id, expected, rules) => {
    const r = resolveName(catalog, name);
    expect(r.rules.join(',')).toBe(rules);
    if (id === null) {
      expect(r.id).toBeUndefined();
      expect(r.id === undefined ? r.reason : '').toMatch(expected as RegExp);
      return;
    }
    expect(r.id).toBe(id);
    const model = catalog.models.get(id)!;
    expect(usd(model.entries.at(-1)!.tiers[0]!.standard.input)).toBe(expected);
  });
});

describe('route rules one by one', () => {
  it('bedrock-arn: foundation-model and inference-profile ARNs carry the id; others name no model', () => {
    expect(routeOf('arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0').name).toBe('claude-3-haiku-20240307');
    expect(routeOf('arn:aws:bedrock:us-west-2:1:provisioned-model/abc').unpriced).toMatch(/provisioned-throughput/);
    expect(routeOf('arn:aws:bedrock:us-west-2:1:custom-model/abc').unpriced).toMatch(/Bedrock custom-model/);
  });
  it('bedrock: region prefix, vendor and version suffix (incl. context variants) come off; global. is not regional', () => {
    expect(routeOf('apac.anthropic.claude-3-5-sonnet-20240620-v1:0')).toMatchObject({ name: 'claude-3-5-sonnet-20240620', routePrefix: 'bedrock-regional:' });
    expect(routeOf('anthropic.claude-3-sonnet-20240229-v1:0:200k').name).toBe('claude-3-sonnet-20240229');
    expect(routeOf('global.anthropic.claude-sonnet-4-20250514-v1:0').routePrefix).toBeUndefined();
  });
  it('bedrock: a geographic profile also names its geography; the version is kept aside for ids priced per version', () => {
    expect(routeOf('eu.amazon.nova-micro-v1:0')).toMatchObject({ name: 'nova-micro', routePrefix: 'bedrock-regional:', geoPrefix: 'bedrock-eu:', versioned: 'nova-micro-v1' });
    expect(routeOf('amazon.titan-embed-text-v2:0')).toMatchObject({ name: 'titan-embed-text', versioned: 'titan-embed-text-v2' });
    expect(routeOf('anthropic.claude-3-sonnet-20240229-v1:0:200k').versioned).toBe('claude-3-sonnet-20240229-v1');
    expect(routeOf('global.amazon.nova-2-lite-v1:0').geoPrefix).toBeUndefined();
  });
  it("a host's price for an open model applies to that host's calls, or to calls that name no provider", () => {
    // Groq's `qwen/qwen3-32b` is also OpenRouter's slug, at OpenRouter's price: that call stays unpriced, with the reason.
    expect(resolveName(catalog, 'qwen/qwen3-32b', 'groq').id).toBe('qwen/qwen3-32b');
    expect(resolveName(catalog, 'qwen/qwen3-32b', null).id).toBe('qwen/qwen3-32b');
    // A provider ingest inferred from a name of Groq's own (src/db/macros.ts) names the maker, not a host; a
    // vendor/model id's prefix is what an OpenRouter export's provider is read from, so it is no sign of Groq.
    expect(resolveName(catalog, 'llama-3.1-8b-instant', 'meta').id).toBe('llama-3.1-8b-instant');
    expect(resolveName(catalog, 'qwen/qwen3-32b', 'qwen').id).toBeUndefined();
    expect(resolveName(catalog, 'llama-3.1-8b-instant', 'together_ai').id).toBeUndefined();
    const other = resolveName(catalog, 'qwen/qwen3-32b', 'openrouter');
    expect(other.id).toBeUndefined();
    expect(other.id === undefined ? other.reason : '').toBe("no openrouter price in the catalog: qwen/qwen3-32b is groq's price, for groq's calls (hosts price open models differently)");
    // Bedrock's own ids are Bedrock's alone: no other host writes them.
    expect(resolveName(catalog, 'amazon.nova-micro-v1:0', 'litellm').id).toBe('nova-micro');
  });
  it("a Google preview snapshot dated month-day, with no price of its own, is the dateless preview's; one priced apart keeps its own", () => {
    // A real Langfuse generation of google/gemini-2.5-flash-preview-05-20 (fixtures/langfuse/real-litellm-generation-page.json).
    expect(resolveName(catalog, 'gemini-2.5-flash-preview-05-20', null).id).toBe('gemini-2.5-flash-preview');
    expect(resolveName(catalog, 'google/gemini-2.5-flash-preview-05-20', 'google').id).toBe('gemini-2.5-flash-preview');
    expect(resolveName(catalog, 'gemini-2.5-flash-lite-preview-06-17', null).id).toBe('gemini-2.5-flash-lite-preview-06-17');
    expect(resolveName(catalog, 'gemini-2.5-flash-preview-09-2025', null).id).toBe('gemini-2.5-flash-preview-09-2025');
    expect(resolveName(catalog, 'gemini-2.5-flash-05-20', null).id).toBeUndefined();
  });
  it('vertex-resource and vertex-at-version', () => {
    expect(routeOf('projects/x/locations/global/publishers/google/models/gemini-2.5-flash').name).toBe('gemini-2.5-flash');
    expect(routeOf('claude-opus-4-6@default').name).toBe('claude-opus-4-6');
    expect(routeOf('multimodalembedding@001').name).toBe('multimodalembedding');
  });
  it('gateway-prefix strips nested LiteLLM and OpenRouter prefixes, and only known ones', () => {
    expect(routeOf('openrouter/openai/gpt-4o-mini').name).toBe('gpt-4o-mini');
    expect(routeOf('litellm_proxy/anthropic/claude-3-haiku-20240307').name).toBe('claude-3-haiku-20240307');
    expect(routeOf('acme/gpt-4o').name).toBe('acme/gpt-4o');
  });
  it('openrouter variants: :nitro, :floor, :online keep the model; :free is unpriced', () => {
    expect(routeOf('openai/gpt-4o:nitro').name).toBe('gpt-4o');
    expect(routeOf('openai/gpt-4o:floor').name).toBe('gpt-4o');
    expect(routeOf('deepseek/deepseek-r1:free').unpriced).toMatch(/free/);
  });
  it('fine-tuned ids keep their base; the catalog decides whether a fine-tuned rate exists', () => {
    expect(routeOf('ft:gpt-4.1-nano-2025-04-14:my-org:custom:AbC')).toMatchObject({ name: 'ft:gpt-4.1-nano-2025-04-14', fineTunedBase: 'gpt-4.1-nano-2025-04-14' });
  });
});
