// Model ids as the clouds and gateways write them, reduced to the id the catalog knows. Each rule is named
// (pricing/README.md has the table, test/pricing/routes.test.ts tests it rule by rule) so that `pricing coverage`
// and `explain` can say how a model was resolved. Rules run once per distinct model id (price-calls.ts), never
// per call.

export type RouteRule =
  | 'alias'
  | 'exact'
  | 'snapshot-date'
  | 'bedrock-arn'
  | 'bedrock'
  | 'bedrock-regional'
  | 'vertex-resource'
  | 'vertex-at-version'
  | 'gateway-prefix'
  | 'openrouter'
  | 'fine-tuned'
  | 'azure-name';

/** What the route rules make of a name: the inner id to look up, or why it cannot be priced at all. */
export type Route = {
  /** the id to look up in the catalog (lower case, route syntax removed) */
  readonly name: string;
  /** the rules applied, outermost first */
  readonly rules: readonly RouteRule[];
  /** a catalog id prefix that carries this route's own price, tried before the plain id (e.g. `bedrock-regional:`) */
  readonly routePrefix?: string;
  /**
   * a narrower prefix tried before routePrefix: a Bedrock geographic profile's own geography (`bedrock-eu:`), for the
   * models whose regional price differs by geography (Amazon Nova: eu and apac each above the US price)
   */
  readonly geoPrefix?: string;
  /**
   * the id with its Bedrock model version kept (`titan-embed-text-v2`), tried before `name`: where two versions of a
   * model differ in price (Titan Text Embeddings v1 and v2), the catalog names each by its version
   */
  readonly versioned?: string;
  /** a fine-tuned model: the base it was tuned from */
  readonly fineTunedBase?: string;
  /** set when the id names no model (an endpoint, a free gateway variant): the reason it stays unpriced */
  readonly unpriced?: string;
  /** a resource name (an application inference profile ARN, a Vertex endpoint) with no model in it to compare */
  readonly namesNoModel?: true;
};

/**
 * Prefixes LiteLLM (`provider/model`) and OpenRouter (`vendor/model`) put in front of a model id. The id after
 * them is the provider's own; `azure/` is followed by a deployment name, which is tried as a model id and
 * otherwise needs an alias.
 */
const gatewayPrefixes = new Set([
  'openai', 'anthropic', 'google', 'gemini', 'vertex_ai', 'vertex_ai_beta', 'vertex', 'deepseek', 'openrouter', 'models',
  'mistral', 'mistralai', 'xai', 'x-ai', 'cohere', 'cohere_chat', 'azure', 'azure_ai', 'azure-openai', 'bedrock', 'converse',
  'invoke', 'text-completion-openai', 'litellm_proxy', 'google-vertex', 'google-ai-studio', 'amazon-bedrock', 'groq',
]);

/** OpenRouter's variant suffixes that do not change the model: `:nitro` (throughput), `:floor` (price), … */
const openrouterVariants = new Set(['nitro', 'floor', 'online', 'extended', 'thinking', 'beta', 'exacto']);

/** Bedrock's model vendors (`anthropic.claude-…`, `meta.llama3-…`, `cohere.command-r-…`). */
const bedrockVendor = /^(anthropic|amazon|meta|mistral|cohere|ai21|deepseek|openai|qwen|writer|stability|twelvelabs|luma|moonshot|minimax|google|nvidia)\.(.+)$/;
/** Cross-region inference profile prefixes. `global.` bills at the direct price; geographic ones may not. */
const bedrockRegion = /^(us|eu|apac|au|jp|ca|us-gov|global)\.(.+)$/;
/** Bedrock's version suffix: `-v1:0`, `-v2`, and context variants `:0:200k`, `:1:28k`. */
const bedrockVersion = /-v\d+(?::\d+)*(?::\d+k)?$|:\d+(?::\d+k)?$/;

export function routeOf(raw: string): Route {
  const rules: RouteRule[] = [];
  let s = raw.trim().toLowerCase();
  let routePrefix: string | undefined;
  let geoPrefix: string | undefined;
  let versioned: string | undefined;

  // arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0
  const arn = /^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:([a-z-]+)\/(.+)$/.exec(s);
  if (arn) {
    rules.push('bedrock-arn');
    const [, kind, rest] = arn;
    if (kind !== 'foundation-model' && kind !== 'inference-profile') {
      const what = kind === 'application-inference-profile' ? 'an application inference profile' : kind === 'provisioned-model' ? 'a provisioned-throughput model' : `a Bedrock ${kind}`;
      return { name: s, rules, unpriced: `${what} ARN names no model (map it with \`batchable pricing alias\`)`, namesNoModel: true };
    }
    s = rest!;
  }

  // projects/p/locations/l/publishers/google/models/gemini-2.5-pro, publishers/anthropic/models/claude-…@…
  const resource = /^(?:projects\/[^/]+\/locations\/[^/]+\/)?publishers\/[^/]+\/models\/(.+)$/.exec(s);
  if (resource) {
    rules.push('vertex-resource');
    s = resource[1]!;
  } else if (/^projects\/[^/]+\/locations\/[^/]+\/endpoints\//.test(s)) {
    rules.push('vertex-resource');
    return { name: s, rules, unpriced: 'a Vertex AI endpoint (a tuned or deployed model) names no catalog model (map it with `batchable pricing alias`)', namesNoModel: true };
  }

  // provider/model (LiteLLM), vendor/model[:variant] (OpenRouter), possibly nested (openrouter/anthropic/…).
  for (;;) {
    const slash = s.indexOf('/');
    if (slash < 0) break;
    const head = s.slice(0, slash);
    if (!gatewayPrefixes.has(head)) break;
    if (!rules.includes('gateway-prefix')) rules.push('gateway-prefix');
    s = s.slice(slash + 1);
  }
  const variant = /^([a-z0-9][a-z0-9._-]*?):([a-z]+)$/.exec(s);
  if (variant && !s.startsWith('ft:') && (openrouterVariants.has(variant[2]!) || variant[2] === 'free')) {
    rules.push('openrouter');
    if (variant[2] === 'free') return { name: variant[1]!, rules, unpriced: 'an OpenRouter `:free` variant: billed $0 by OpenRouter, no catalog price' };
    s = variant[1]!;
  }

  // Bedrock: [region.]vendor.model-vN:M
  const region = bedrockRegion.exec(s);
  const vendorPart = region ? region[2]! : s;
  const vendor = bedrockVendor.exec(vendorPart);
  if (vendor) {
    rules.push('bedrock');
    if (region && region[1] !== 'global') {
      rules.push('bedrock-regional');
      routePrefix = 'bedrock-regional:';
      geoPrefix = `bedrock-${region[1]}:`;
    }
    const unversioned = vendor[2]!.replace(bedrockVersion, '');
    const withVersion = vendor[2]!.replace(/(?::\d+)+(?::\d+k)?$/, '');
    if (withVersion !== unversioned) versioned = withVersion;
    s = unversioned;
  }

  // Vertex AI's version suffix: claude-sonnet-4@20250514 is claude-sonnet-4-20250514; @default, @001 name the current one.
  // Vertex also versions some names (`claude-3-5-sonnet-v2@20241022` is Anthropic's claude-3-5-sonnet-20241022).
  const at = /^(.+?)(-v\d+)?@(.+)$/.exec(s);
  if (at) {
    rules.push('vertex-at-version');
    s = /^\d{8}$/.test(at[3]!) ? `${at[1]}-${at[3]}` : `${at[1]}${at[2] ?? ''}`;
  }

  // Azure OpenAI names GPT-3.5 without its dot (model names may not hold one): gpt-35-turbo, gpt-35-turbo-16k, gpt-35-turbo-instruct.
  if (/^gpt-35(-|$)/.test(s)) {
    rules.push('azure-name');
    s = s.replace(/^gpt-35/, 'gpt-3.5');
  }

  // ft:gpt-4o-mini-2024-07-18:org:name:abc123 is a fine-tune of gpt-4o-mini-2024-07-18.
  const ft = /^ft:([^:]+)(?::.*)?$/.exec(s);
  if (ft) {
    rules.push('fine-tuned');
    return { name: `ft:${ft[1]}`, rules, fineTunedBase: ft[1]!, ...(routePrefix ? { routePrefix } : {}) };
  }
  return { name: s, rules, ...(routePrefix ? { routePrefix } : {}), ...(geoPrefix ? { geoPrefix } : {}), ...(versioned && !at ? { versioned } : {}) };
}
