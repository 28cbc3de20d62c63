// Request-line and result-line templates in each target's own batch input format, so that an engineer can wire
// a workload in an afternoon: the model as the calls name it, the endpoint, a custom id scheme derived from the
// workload name, and a max output sized from the outputs the calls produced. Formats from the pages in limits.ts.
import type { TargetId } from './limits.ts';

export type Template = {
  /** One request, as a line of the batch input file (or the request body, for a synchronous lane). */
  readonly requestLine: string;
  /** The line (or response) to read back, its shape with placeholders. */
  readonly resultLine: string;
  /** How each request's id is built: `{date}` the submission day (YYYYMMDD), `{seq}` its number that day. */
  readonly idScheme: string;
  /** Where the file or requests go. */
  readonly submit: string;
  /** How to match results to requests and handle failures. */
  readonly readBack: string;
};

export type TemplateInput = {
  readonly target: TargetId;
  readonly workload: string;
  readonly model: string;
  readonly operation: string;
  readonly maxTokens: number;
};

/**
 * The workload name as an id prefix: lower case, [a-z0-9_-] only, at most 40 characters, so that
 * `<prefix>-YYYYMMDD-NNNNNN` fits Anthropic's custom_id pattern (^[a-zA-Z0-9_-]{1,64}$) and OpenAI's.
 */
export function idPrefix(workload: string): string {
  const slug = workload.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return slug === '' ? 'workload' : slug;
}

/** Bedrock record ids are 11 alphanumeric characters: three letters from the workload and an 8-digit number. */
export function recordIdPrefix(workload: string): string {
  const letters = workload.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return `${letters}XXX`.slice(0, 3);
}

const prompt = '<the prompt the call sends today>';
const line = (value: unknown) => JSON.stringify(value);

const openaiEndpoint = (operation: string): string =>
  operation === 'embeddings' ? '/v1/embeddings' : operation === 'responses' ? '/v1/responses' : operation === 'completions' ? '/v1/completions' : '/v1/chat/completions';

function openaiBody(model: string, operation: string, maxTokens: number): Record<string, unknown> {
  if (operation === 'embeddings') return { model, input: '<the text to embed>' };
  if (operation === 'responses') return { model, input: prompt, max_output_tokens: maxTokens };
  if (operation === 'completions') return { model, prompt, max_tokens: maxTokens };
  return { model, messages: [{ role: 'user', content: prompt }], max_completion_tokens: maxTokens };
}

function openaiResponse(operation: string): Record<string, unknown> {
  if (operation === 'embeddings') return { object: 'list', data: [{ object: 'embedding', index: 0, embedding: ['<floats>'] }], usage: { prompt_tokens: 0, total_tokens: 0 } };
  if (operation === 'responses') return { id: 'resp_…', object: 'response', output: [{ type: 'message', content: [{ type: 'output_text', text: '<answer>' }] }], usage: { input_tokens: 0, output_tokens: 0 } };
  return { id: 'chatcmpl-…', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: '<answer>' }, finish_reason: 'stop' }], usage: { prompt_tokens: 0, completion_tokens: 0 } };
}

export function templateFor(t: TemplateInput): Template {
  const prefix = idPrefix(t.workload);
  const id = `${prefix}-20261001-000001`;
  const idScheme = `${prefix}-{date}-{seq}`;
  switch (t.target) {
    case 'openai-batch':
      return {
        requestLine: line({ custom_id: id, method: 'POST', url: openaiEndpoint(t.operation), body: openaiBody(t.model, t.operation, t.maxTokens) }),
        resultLine: line({ id: 'batch_req_…', custom_id: id, response: { status_code: 200, request_id: '…', body: openaiResponse(t.operation) }, error: null }),
        idScheme,
        submit: `upload the .jsonl with purpose "batch" (POST /v1/files), then POST /v1/batches {"input_file_id": "file-…", "endpoint": "${openaiEndpoint(t.operation)}", "completion_window": "24h"}; one model per file`,
        readBack: 'poll GET /v1/batches/{id} until "completed"; read output_file_id (successes) and error_file_id (failures) by custom_id: output order is not input order',
      };
    case 'openai-flex':
      return {
        requestLine: line({ ...openaiBody(t.model, t.operation, t.maxTokens), service_tier: 'flex' }),
        resultLine: line({ ...openaiResponse(t.operation), service_tier: 'flex' }),
        idScheme,
        submit: `the same synchronous call (POST ${openaiEndpoint(t.operation)}) with "service_tier": "flex" and a client timeout of 15 minutes`,
        readBack: 'the answer comes back in the response; on 429 "resource unavailable" retry with backoff, and send the request without service_tier when the deadline is near',
      };
    case 'anthropic-message-batches':
      return {
        requestLine: line({ custom_id: id, params: { model: t.model, max_tokens: t.maxTokens, messages: [{ role: 'user', content: prompt }] } }),
        resultLine: line({
          custom_id: id,
          result: { type: 'succeeded', message: { id: 'msg_…', type: 'message', role: 'assistant', model: t.model, content: [{ type: 'text', text: '<answer>' }], stop_reason: 'end_turn', usage: { input_tokens: 0, output_tokens: 0 } } },
        }),
        idScheme,
        submit: 'POST /v1/messages/batches {"requests": [<up to 100,000 of these lines>]}',
        readBack: 'poll GET /v1/messages/batches/{id} until processing_status is "ended"; stream results_url (JSONL) and match by custom_id; result.type is succeeded, errored, canceled or expired (resubmit the last three)',
      };
    case 'gemini-batch':
      return t.operation === 'embeddings'
        ? {
            requestLine: line({ key: id, request: { model: `models/${t.model}`, content: { parts: [{ text: '<the text to embed>' }] } } }),
            resultLine: line({ key: id, response: { embedding: { values: ['<floats>'] } } }),
            idScheme,
            submit: `upload the .jsonl (File API), then POST models/${t.model}:asyncBatchEmbedContent with the file as input`,
            readBack: 'poll the batch operation until JOB_STATE_SUCCEEDED; download the output file and match lines by key (a failed line carries "status" instead of "response")',
          }
        : {
            requestLine: line({ key: id, request: { contents: [{ role: 'user', parts: [{ text: prompt }] }], generationConfig: { maxOutputTokens: t.maxTokens } } }),
            resultLine: line({ key: id, response: { candidates: [{ content: { role: 'model', parts: [{ text: '<answer>' }] }, finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 0, candidatesTokenCount: 0 } } }),
            idScheme,
            submit: `upload the .jsonl (File API), then POST models/${t.model}:batchGenerateContent with the file as input (inline requests only under 20 MB)`,
            readBack: 'poll the batch until JOB_STATE_SUCCEEDED; download the output file and match lines by key (a failed line carries "status" instead of "response")',
          };
    case 'vertex-batch-prediction':
      return {
        requestLine: line({ request: { contents: [{ role: 'user', parts: [{ text: prompt }] }], generationConfig: { maxOutputTokens: t.maxTokens }, labels: { custom_id: id } } }),
        resultLine: line({ status: '', processed_time: '…', request: { labels: { custom_id: id } }, response: { candidates: [{ content: { role: 'model', parts: [{ text: '<answer>' }] } }] } }),
        idScheme,
        submit: `write the .jsonl to Cloud Storage, then create a batchPredictionJobs resource with model publishers/google/models/${t.model}`,
        readBack: 'each output line repeats its request: match by the label; a non-empty "status" is a failed line',
      };
    case 'bedrock-batch-inference': {
      const recordId = `${recordIdPrefix(t.workload)}00000001`;
      const anthropicModel = /anthropic|claude/i.test(t.model);
      const modelInput = anthropicModel
        ? { anthropic_version: 'bedrock-2023-05-31', max_tokens: t.maxTokens, messages: [{ role: 'user', content: prompt }] }
        : { messages: [{ role: 'user', content: [{ text: prompt }] }], inferenceConfig: { maxTokens: t.maxTokens } };
      return {
        requestLine: line({ recordId, modelInput }),
        resultLine: line({ recordId, modelInput: { '…': '…' }, modelOutput: anthropicModel ? { content: [{ type: 'text', text: '<answer>' }], stop_reason: 'end_turn' } : { output: { message: { content: [{ text: '<answer>' }] } } } }),
        idScheme: `${recordIdPrefix(t.workload)}{seq:8 digits}`,
        submit: `put the .jsonl in S3, then CreateModelInvocationJob with modelId ${t.model}${anthropicModel ? '' : ' and the Converse invocation type'}, an output S3 location and a service role`,
        readBack: 'results land in the output S3 prefix as <file>.jsonl.out; match by recordId (order is not guaranteed); a failed record carries "error"',
      };
    }
  }
}
