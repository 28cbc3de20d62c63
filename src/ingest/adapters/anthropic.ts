// Anthropic sources: the Admin API usage report, the Console usage CSV export and Message Batches results (JSONL as
// the API gives them, or saved as one JSON array). Anthropic's input figures EXCLUDE cache reads and writes, so they
// are already the uncached input that `input_tokens` holds; cache writes keep their 5-minute / 1-hour split when reported.
import { sqlIdent } from '../../db/sql.ts';
import { defineAdapter, fileTimeSql, hasAll, jtext, type Adapter, type AdapterContext, type Sample } from '../adapter.ts';
import { everyRecordHas, isUsagePage, usagePages } from './sql-helpers.ts';

/** Anthropic's usage report pages: buckets from starting_at to ending_at. */
const usageReportPages = usagePages('starting_at', 'ending_at');

function usageReportSelect(ctx: AdapterContext) {
  const rows = usageReportPages.rows(ctx);
  const res = rows.res;
  const columns = {
    _line: 'rr._line',
    _path: 'rr._path',
    granularity: "'bucket'",
    ts: 'rr.bucket_start',
    ended_at: 'rr.bucket_end',
    provider: "'anthropic'",
    model: res('model'),
    operation: "'chat'",
    // service_tier is only present when grouped by it; otherwise lane stays NULL (standard, inferred).
    lane: `bt_lane(${res('service_tier')})`,
    service_tier_raw: res('service_tier'),
    speed: res('speed'),
    context_tier: res('context_window'),
    inference_geo: res('inference_geo'),
    // No request count in this report: requests stays NULL (unknown), never a guess.
    input_tokens: res('uncached_input_tokens'),
    cache_read_tokens: res('cache_read_input_tokens'),
    cache_write_5m_tokens: res('cache_creation.ephemeral_5m_input_tokens'),
    cache_write_1h_tokens: res('cache_creation.ephemeral_1h_input_tokens'),
    output_tokens: res('output_tokens'),
    web_search_requests: res('server_tool_use.web_search_requests'),
    api_key: res('api_key_id'),
    project: res('workspace_id'),
    // Grouped by account_id (a person) or service_account_id (automation). The API reference's own example row carries
    // both: the account is the user, and both are kept in tags.
    user_id: `coalesce(${res('account_id')}, ${res('service_account_id')})`,
    tags: `CASE WHEN ${res('service_account_id')} IS NOT NULL THEN json_merge_patch('{}', json_object('account_id', ${res('account_id')}, 'service_account_id', ${res('service_account_id')})) END`,
  };
  return { columns, from: rows.from() };
}

export const anthropicUsageReport = defineAdapter({
  id: 'anthropic-usage-report',
  title: 'Anthropic Admin API usage report (usage_report/messages pages)',
  kinds: ['json', 'jsonl'],
  recognisedBy: 'usage pages whose buckets have starting_at, ending_at and results (cost reports, with amount, are not usage)',
  detect: (sample) => isUsagePage(sample, 'starting_at', 'ending_at', 'uncached_input_tokens', ['amount', 'currency', 'cost_type']),
  idsFromSource: false,
  select: usageReportSelect,
  unnests: usageReportPages.unnests,
});

/** The Console usage CSV columns we read, by their header names. */
const consoleRequired = ['usage_date_utc', 'model_version', 'usage_input_tokens_no_cache', 'usage_output_tokens'] as const;

function consoleCsvSelect(ctx: AdapterContext) {
  // `--map source=canonical` renamed the header for detection; the relation still has the file's own names.
  const sourceOf = new Map<string, string>();
  for (const [source, target] of ctx.map) sourceOf.set(target, source);
  const col = (name: string): string | undefined => {
    const source = sourceOf.get(name) ?? name;
    return ctx.header.includes(source) ? sqlIdent(source) : undefined;
  };
  const date = col('usage_date_utc') ?? 'NULL';
  return {
    columns: {
      granularity: "'bucket'",
      ts: date,
      // The export's granularity shows in the value: `2026-03-31` is a day, `2026-03-31 02:00` an hour (an hourly
      // export read as days once showed two hours of data as a day, and a 30-day estimate built on it).
      ended_at: `(bt_ts(${date}) + CASE WHEN regexp_matches(${date}, '\\d:\\d\\d') THEN INTERVAL 1 HOUR ELSE INTERVAL 1 DAY END)::VARCHAR`,
      provider: "'anthropic'",
      model: col('model_version'),
      operation: "'chat'",
      lane: col('usage_type') && `bt_lane(${col('usage_type')})`,
      service_tier_raw: col('usage_type'),
      speed: col('speed'),
      // Display text such as `≤ 200k`, kept verbatim.
      context_tier: col('context_window'),
      inference_geo: col('inference_geo'),
      input_tokens: col('usage_input_tokens_no_cache'),
      cache_read_tokens: col('usage_input_tokens_cache_read'),
      cache_write_5m_tokens: col('usage_input_tokens_cache_write_5m'),
      cache_write_1h_tokens: col('usage_input_tokens_cache_write_1h'),
      // Older exports have one cache-write column, with no TTL split.
      cache_write_unknown_tokens: col('usage_input_tokens_cache_write'),
      output_tokens: col('usage_output_tokens'),
      web_search_requests: col('web_search_count'),
      // The export names keys by their name, not their apikey_… id.
      api_key_name: col('api_key'),
      project: col('workspace'),
    },
    from: ctx.src,
  };
}

export const anthropicConsoleCsv = defineAdapter({
  id: 'anthropic-console-csv',
  title: 'Anthropic Console usage export (CSV, one row per day × model × key × workspace)',
  kinds: ['csv'],
  recognisedBy: `header includes ${consoleRequired.join(', ')}`,
  detect: (sample) => hasAll(sample, consoleRequired),
  idsFromSource: false,
  select: consoleCsvSelect,
});

function batchResultsSelect(ctx: AdapterContext) {
  const usage = (path: string) => jtext(`result.message.usage.${path}`);
  const resultType = jtext('result.type');
  return {
    columns: {
      _line: '_line',
      _path: '_elem',
      _skip: `CASE WHEN ${resultType} IS DISTINCT FROM 'succeeded' THEN 'batch request ' || coalesce(${resultType}, 'without a result type') || ': not billed' END`,
      call_id: jtext('result.message.id'),
      granularity: "'call'",
      // Result lines carry no time; the file's modification time (about when the batch ended) is the best we have.
      ts: fileTimeSql(ctx),
      provider: "'anthropic'",
      model: jtext('result.message.model'),
      operation: "'chat'",
      lane: "'batch'",
      service_tier_raw: usage('service_tier'),
      speed: usage('speed'),
      inference_geo: usage('inference_geo'),
      status: "'success'",
      finish_reason: jtext('result.message.stop_reason'),
      input_tokens: usage('input_tokens'),
      cache_read_tokens: usage('cache_read_input_tokens'),
      cache_write_5m_tokens: usage('cache_creation.ephemeral_5m_input_tokens'),
      cache_write_1h_tokens: usage('cache_creation.ephemeral_1h_input_tokens'),
      // Only the total is reported (older responses): writes with no TTL split.
      cache_write_unknown_tokens: `CASE WHEN ${usage('cache_creation')} IS NULL THEN ${usage('cache_creation_input_tokens')} END`,
      output_tokens: usage('output_tokens'),
      // Extended thinking, inside output_tokens, where the response states it.
      reasoning_tokens: usage('output_tokens_details.thinking_tokens'),
      web_search_requests: usage('server_tool_use.web_search_requests'),
      tags: `json_object('custom_id', ${jtext('custom_id')})`,
    },
    from: `${ctx.src} WHERE j IS NOT NULL`,
  };
}

/**
 * Batch results: every line has custom_id and result (with result.type), or every element of a JSON array does (the
 * results saved as one list, as `json.dump([r.model_dump() for r in client.messages.batches.results(id)], f)` writes
 * them: read as the lines are). An array longer than the sample shows only its key names. A result never holds a
 * `response`: pairwiseLLM writes its Gemini batch results in this envelope, a Gemini response under `result.response`
 * (gemini-batch-results reads them).
 */
const isBatchResults = (sample: Sample) =>
  sample.records.length === 0
    ? sample.arrayDocument && hasAll(sample, ['custom_id', 'result', 'type'])
    : everyRecordHas(sample, ['custom_id', 'result']) && sample.keys.has('result.type') && !sample.keys.has('result.response');

export const anthropicBatchResults = defineAdapter({
  id: 'anthropic-batch-results',
  title: 'Anthropic Message Batches results (JSONL, or the results saved as one JSON array; no per-line time: ts is the file modification time)',
  kinds: ['jsonl', 'json'],
  recognisedBy: 'every line (or element of a JSON array) has custom_id and result (with result.type); ts is the file modification time (results have no timestamp)',
  detect: isBatchResults,
  idsFromSource: true,
  select: batchResultsSelect,
});

export const anthropicAdapters: readonly Adapter[] = [anthropicUsageReport, anthropicConsoleCsv, anthropicBatchResults];
