// Where non-blocking work can go, and each endpoint's documented limits: one dated, sourced table.
// Every figure cites the page it was read from (searched 2026-11-30). A limit a provider does not publish as one
// number (OpenAI's and Gemini's enqueued tokens depend on the model and the account's tier and are shown on the
// account's limits page; Bedrock's are per-account quotas) is null with a note, never a guess.
// When a provider changes a limit, change it here (and its date and source): the plan and its tests read only this.

/** The date the figures below were checked against their sources. */
export const limitsCheckedOn = '2026-11-30';

export type TargetId = 'openai-batch' | 'openai-flex' | 'anthropic-message-batches' | 'gemini-batch' | 'vertex-batch-prediction' | 'bedrock-batch-inference';

export type Sourced<T> = { readonly value: T; readonly source: string; readonly note?: string };

export type Target = {
  readonly id: TargetId;
  readonly provider: string;
  /** How the docs name it. */
  readonly name: string;
  /** 'batch': a file or list of requests, results within the window; 'sync': a discounted synchronous lane. */
  readonly kind: 'batch' | 'sync';
  /** Completion window the provider promises, hours (batch). */
  readonly windowHours: Sourced<number> | null;
  readonly maxRequestsPerJob: Sourced<number | null>;
  readonly maxBytesPerJob: Sourced<number | null>;
  /** Embedding inputs across all requests of one job, where limited separately. */
  readonly maxEmbeddingInputsPerJob?: Sourced<number>;
  /** Tokens that may wait in the queue at once (per model), where documented as a number. */
  readonly enqueuedTokens: Sourced<number | null>;
  /** Jobs that may run at once, where documented. */
  readonly concurrentJobs?: Sourced<number>;
  /** The operations it takes (canonical `operation` values). */
  readonly operations: readonly string[];
  readonly docs: string;
};

const MB = 1024 * 1024;

const openaiBatchGuide = 'https://developers.openai.com/api/docs/guides/batch';
const openaiBatchRef = 'https://platform.openai.com/docs/api-reference/batch/create';
const openaiFilesRef = 'https://platform.openai.com/docs/api-reference/files/create';
const anthropicBatches = 'https://platform.claude.com/docs/en/build-with-claude/batch-processing';
const anthropicCreateBatch = 'https://docs.anthropic.com/en/api/creating-message-batches';
const geminiRateLimits = 'https://ai.google.dev/gemini-api/docs/rate-limits';
const geminiBatch = 'https://ai.google.dev/gemini-api/docs/batch-api';
const vertexBatch = 'https://cloud.google.com/vertex-ai/generative-ai/docs/multimodal/batch-prediction-gemini';
const vertexQuotas = 'https://cloud.google.com/vertex-ai/generative-ai/docs/quotas';
const bedrockBatch = 'https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference.html';
const bedrockData = 'https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-data.html';
const openaiFlex = 'https://developers.openai.com/api/docs/guides/flex-processing';

export const targets: Readonly<Record<TargetId, Target>> = {
  'openai-batch': {
    id: 'openai-batch',
    provider: 'openai',
    name: 'OpenAI Batch API',
    kind: 'batch',
    windowHours: { value: 24, source: openaiBatchRef, note: 'completion_window: only "24h" is supported' },
    maxRequestsPerJob: { value: 50_000, source: openaiBatchRef, note: 'input file "can contain up to 50,000 requests"' },
    maxBytesPerJob: { value: 200 * MB, source: openaiFilesRef, note: 'the Batch API only supports .jsonl files up to 200 MB' },
    maxEmbeddingInputsPerJob: { value: 50_000, source: openaiBatchRef, note: '/v1/embeddings batches: at most 50,000 embedding inputs across all requests' },
    enqueuedTokens: {
      value: null,
      source: openaiBatchGuide,
      note: 'enqueued prompt tokens are limited per model and usage tier, shown on the organisation\'s limits page (not published as one table)',
    },
    operations: ['chat', 'responses', 'completions', 'embeddings'],
    docs: openaiBatchGuide,
  },
  'openai-flex': {
    id: 'openai-flex',
    provider: 'openai',
    name: 'OpenAI flex processing (service_tier "flex")',
    kind: 'sync',
    windowHours: null,
    maxRequestsPerJob: { value: null, source: openaiFlex, note: 'synchronous: one request per call, no jobs' },
    maxBytesPerJob: { value: null, source: openaiFlex },
    enqueuedTokens: { value: null, source: openaiFlex },
    operations: ['chat', 'responses'],
    docs: openaiFlex,
  },
  'anthropic-message-batches': {
    id: 'anthropic-message-batches',
    provider: 'anthropic',
    name: 'Anthropic Message Batches API',
    kind: 'batch',
    windowHours: { value: 24, source: anthropicBatches, note: 'up to 24 hours; most batches finish in less than 1 hour' },
    maxRequestsPerJob: { value: 100_000, source: anthropicCreateBatch, note: '100,000 Message requests or 256 MB, whichever is reached first' },
    maxBytesPerJob: { value: 256 * MB, source: anthropicCreateBatch },
    enqueuedTokens: { value: null, source: anthropicBatches, note: 'batch requests in the processing queue are limited per usage tier (rate limits page)' },
    operations: ['chat'],
    docs: anthropicBatches,
  },
  'gemini-batch': {
    id: 'gemini-batch',
    provider: 'google',
    name: 'Gemini Batch API',
    kind: 'batch',
    windowHours: { value: 24, source: geminiBatch, note: 'target turnaround 24 hours, in most cases much quicker' },
    maxRequestsPerJob: { value: null, source: geminiBatch, note: 'no request count limit published; inline requests only up to 20 MB in total' },
    maxBytesPerJob: { value: 2 * 1024 * MB, source: geminiRateLimits, note: 'input file size limit 2 GB' },
    enqueuedTokens: { value: null, source: geminiRateLimits, note: 'enqueued tokens per model depend on the tier; shown in AI Studio' },
    concurrentJobs: { value: 100, source: geminiRateLimits, note: '100 concurrent batch requests' },
    operations: ['chat', 'embeddings'],
    docs: geminiBatch,
  },
  'vertex-batch-prediction': {
    id: 'vertex-batch-prediction',
    provider: 'google',
    name: 'Vertex AI batch inference for Gemini',
    kind: 'batch',
    windowHours: { value: 24, source: vertexBatch, note: 'jobs typically complete within 24 hours of starting' },
    maxRequestsPerJob: { value: null, source: vertexBatch, note: 'not published as one number for Gemini models (embedding jobs: 1,000,000 rows, 1 GB)' },
    maxBytesPerJob: { value: null, source: vertexBatch, note: 'no input size limit published for Gemini models' },
    enqueuedTokens: { value: null, source: vertexQuotas, note: 'newer Gemini models use a dynamic shared quota: no per-project queue number is published' },
    concurrentJobs: { value: 8, source: vertexQuotas, note: 'concurrent batch prediction requests for Gemini models: 8; more wait in a queue' },
    operations: ['chat', 'embeddings'],
    docs: vertexBatch,
  },
  'bedrock-batch-inference': {
    id: 'bedrock-batch-inference',
    provider: 'bedrock',
    name: 'Amazon Bedrock batch inference',
    kind: 'batch',
    windowHours: { value: 24, source: bedrockBatch, note: 'timeoutDurationInHours; results written to S3' },
    maxRequestsPerJob: {
      value: null,
      source: bedrockData,
      note: 'records per job, records per input file and the minimum records per job are account quotas (Service Quotas, "Amazon Bedrock")',
    },
    maxBytesPerJob: { value: null, source: bedrockData, note: 'input file and job size are account quotas' },
    enqueuedTokens: { value: null, source: bedrockData, note: 'no token queue limit is documented; jobs in progress per account are a quota' },
    operations: ['chat'],
    docs: bedrockBatch,
  },
};

/**
 * The batch endpoint for a call's provider: the source's own provider name first (a Bedrock or Vertex route),
 * then the catalog provider. DeepSeek publishes no batch endpoint (its discount is off-peak pricing by the hour).
 */
export function batchTargetFor(sourceProvider: string | null, catalogProvider: string | null): TargetId | null {
  const route = (sourceProvider ?? '').toLowerCase();
  if (/bedrock|aws/.test(route)) return 'bedrock-batch-inference';
  if (/vertex/.test(route)) return 'vertex-batch-prediction';
  switch (catalogProvider) {
    case 'openai':
      return 'openai-batch';
    case 'anthropic':
      return 'anthropic-message-batches';
    case 'google':
      return 'gemini-batch';
    default:
      return null;
  }
}

/** Why a provider has no target, for the plan's "cannot move" list. */
export function noTargetReason(catalogProvider: string | null): string {
  if (catalogProvider === 'deepseek') {
    return 'DeepSeek documents no batch endpoint (its discount is off-peak pricing by the hour, https://api-docs.deepseek.com/quick_start/pricing): run the job in off-peak hours instead; no batch saving is planned';
  }
  return `no batch endpoint is known for ${catalogProvider ?? 'this provider'}; no saving is planned`;
}
