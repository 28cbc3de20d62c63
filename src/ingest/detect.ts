// Picks the adapter for a file: the one the user named, or the first whose detector recognises the sample.
import { InputError, UnrecognisedFormat, UsageError } from '../errors.ts';
import { quoted } from '../report/escape.ts';
import { hasAll, type Adapter, type Sample } from './adapter.ts';
import { geminiJobResultsFile, geminiResultsFileAdvice, vertexJobAdvice, vertexJobOutput } from './adapters/google.ts';
import { adapters } from './adapters/index.ts';

/**
 * Exports people keep beside their usage that hold no call to price, each with what to export instead (the
 * generic message would list every format's columns). A Langfuse traces export sums each trace's tokens over its
 * generations and their models (worker/src/features/database-read-stream/trace-stream.ts in langfuse/langfuse);
 * LiteLLM's usage page exports daily totals per team, tag or key (`Date, Team, Team ID, [Model,] Spend ($), Requests,
 * …, Total Tokens`: ui/litellm-dashboard/src/components/EntityUsageExport/utils.ts in BerriAI/litellm). Anthropic's
 * Enterprise analytics report per user (`GET /v1/organizations/analytics/user_usage_report`: an `actor`, a `product` such as
 * `chat` or `claude_code`, tokens per model) counts people's use of Anthropic's own apps, which no batch lane serves.
 * Anthropic's Claude Code usage report (Admin API `GET /v1/organizations/usage_report/claude_code`: per day and person,
 * `core_metrics`, `tool_actions` and a `model_breakdown` of tokens and estimated cost) sums a developer's sessions, whose
 * calls the session logs hold one by one. OpenAI's Batch object (`GET /v1/batches/{id}`, and the list of them: status,
 * `request_counts`, since 2025 the job's `usage` summed) is one job's totals; its calls are the lines of its output file.
 * A Gemini Batch API job built from an input file (`GET batches/{id}`, or the SDKs' job object) names the file its
 * results went to (`response.responsesFile`, `dest.file_name`), downloaded through the Files API: a line per request.
 * A Vertex AI batch prediction job (the SDK's job object, or the REST BatchPredictionJob) names the Cloud Storage prefix
 * or BigQuery table its output went to, whose `predictions.jsonl` files hold a line per request.
 */
const otherExports: readonly { readonly is: (sample: Sample) => boolean; readonly what: string | ((sample: Sample) => string) }[] = [
  {
    is: (sample) => hasAll(sample, ['timestamp', 'sessionId', 'observationCount', 'inputTokens']),
    what: "a Langfuse traces export: each row sums a trace's tokens over its generations and their models, so no call can be priced " +
      'from it. Export the observations instead (Langfuse: Tracing → Observations → Export, CSV or JSON), or run `batchable pull langfuse`',
  },
  {
    is: (sample) => hasAll(sample, ['Date', 'Spend ($)', 'Requests', 'Total Tokens']),
    what: "a LiteLLM usage page export: daily totals per team, tag or key, with no call and no split of its tokens into input and output. " +
      'Export the spend logs instead (LiteLLM_SpendLogs: `/spend/logs`, or the table as CSV), or run `batchable pull litellm`',
  },
  {
    // OTLP metrics (`gen_ai.client.token.usage` histograms): token sums per model and window, no call to label or price.
    is: (sample) => sample.keys.has('resourceMetrics') && !sample.keys.has('resourceSpans'),
    what: 'an OpenTelemetry metrics export: token histograms per model and time window, with no call to label or price. ' +
      "Export the traces (spans) instead: the collector's file exporter on the traces pipeline, or your backend's span export",
  },
  {
    is: (sample) => hasAll(sample, ['actor', 'product', 'uncached_input_tokens']),
    what: "Anthropic's analytics report per user (claude.ai, Claude Code and the other apps, by seat): people's use of Anthropic's apps, " +
      'not API calls a batch lane could take. For the API, export the Admin API usage report (`usage_report/messages`), or run `batchable pull anthropic`',
  },
  {
    is: (sample) => hasAll(sample, ['core_metrics', 'model_breakdown', 'terminal_type']),
    what: "Anthropic's Claude Code usage report (Admin API `usage_report/claude_code`): a day's totals per developer and model, with no call " +
      "to label or price. Read Claude Code's session logs instead (`~/.claude/projects/**/*.jsonl`, each assistant line a call), " +
      'or the Admin API usage report (`usage_report/messages`, or `batchable pull anthropic`)',
  },
  {
    is: (sample) => hasAll(sample, ['input_file_id', 'completion_window', 'request_counts']),
    what: "an OpenAI Batch object (`/v1/batches`): one job's status and totals, not its calls. Read the job's output file instead " +
      '(`GET /v1/files/{output_file_id}/content`: a line per call, on the batch lane), or the usage API (`batchable pull openai`)',
  },
  {
    is: (sample) => geminiJobResultsFile(sample) !== undefined,
    // The results file's name is the job's text: capped, on one line.
    what: (sample) => geminiResultsFileAdvice(quoted(geminiJobResultsFile(sample) ?? '', 100)),
  },
  {
    is: (sample) => vertexJobOutput(sample) !== undefined,
    // The output's name is the job's text: capped, on one line.
    what: (sample) => vertexJobAdvice(quoted(vertexJobOutput(sample) ?? '', 100)),
  },
];

export function findAdapter(id: string): Adapter {
  const adapter = adapters.find((a) => a.id === id);
  if (adapter === undefined) {
    throw new UsageError(`--input-format ${id}: unknown format; one of: ${adapters.map((a) => a.id).join(', ')} (see \`batchable formats\`)`);
  }
  return adapter;
}

export function chooseAdapter(file: string, sample: Sample, requested?: string): Adapter {
  if (requested !== undefined) {
    const adapter = findAdapter(requested);
    if (!adapter.kinds.includes(sample.kind)) {
      throw new InputError(file, undefined, `looks like ${sample.kind.toUpperCase()}, but --input-format ${requested} reads ${adapter.kinds.join('/')}`);
    }
    return adapter;
  }
  const candidates = adapters.filter((a) => a.kinds.includes(sample.kind));
  const found = candidates.find((a) => a.detect(sample));
  if (found !== undefined) return found;
  const other = otherExports.find((o) => o.is(sample));
  if (other !== undefined) throw new UnrecognisedFormat(file, typeof other.what === 'string' ? other.what : other.what(sample));
  // The names quoted are input: each is capped, so a binary or hostile header cannot fill the terminal.
  const names = (list: readonly string[]) => list.slice(0, 8).map((n) => quoted(n, 40)).join(', ');
  const seen = sample.kind === 'csv' || sample.kind === 'parquet' ? `header: ${names(sample.header)}` : `keys: ${names([...sample.keys].filter((k) => !k.includes('.')))}`;
  throw new UnrecognisedFormat(
    file,
    `unrecognised ${sample.kind.toUpperCase()} usage format (${seen}); checked against ${candidates.map((a) => a.id).join(', ')}. ` +
      'Pass --input-format NAME, or --map source_col=canonical_col to read it as batchable-csv/jsonl (see `batchable formats`)',
  );
}
