// Cost exports: billed money per day, model and token type. They feed the reconciliation (src/ingest/costs.ts,
// src/pricing/billed.ts), never the calls: a cost row says what was charged, not how many calls or tokens.
//   anthropic-cost-csv     Console → Cost → Export (`claude_api_cost_*.csv`): `model` is a DISPLAY name
//                          ("Claude Opus 4.6"), `--` marks not-applicable cells, cost_usd in USD, list_price_usd beside it.
//   anthropic-cost-report  Admin API `cost_report` pages: `amount` is a decimal string in CENTS ("123.45" = $1.2345).
//   openai-costs           `/v1/organization/costs` pages: `amount.value` in USD; model and token class packed into
//                          `line_item` ("gpt-4o-mini-2024-07-18, input", "priority | gpt-5.6-sol, output, long context").
//   openai-costs-csv       the dashboard's cost export (`cost_*.csv`): the same results as CSV columns (amount_value…).
import { sqlIdent } from '../../db/sql.ts';
import { defineAdapter, hasAll, hasAny, type AdapterContext, type AdapterSelect, type Sample, type SelectList } from '../adapter.ts';
import { dashboardColumn, openaiDashboardHead } from './openai.ts';
import { everyRecordHas, usagePages } from './sql-helpers.ts';

/** A CSV column by name, or NULL; `--` (not applicable) reads as NULL. */
const csvCol = (ctx: AdapterContext, name: string) => (ctx.header.includes(name) ? `nullif(trim(${sqlIdent(name)}), '--')` : 'NULL');

const anthropicCostCsvHeader = ['usage_date_utc', 'model', 'token_type', 'cost_usd'];

function anthropicCostCsvSelect(ctx: AdapterContext): AdapterSelect {
  const c = (n: string) => csvCol(ctx, n);
  const date = c('usage_date_utc');
  return {
    columns: {
      ts: date,
      ended_at: `(bt_ts(${date}) + CASE WHEN regexp_matches(${date}, '\\d:\\d\\d') THEN INTERVAL 1 HOUR ELSE INTERVAL 1 DAY END)::VARCHAR`,
      provider: "'anthropic'",
      // Display name → an id pricing can resolve: "Claude Opus 4.6" → "claude-opus-4.6".
      model: `replace(lower(${c('model')}), ' ', '-')`,
      line_item: `concat_ws(', ', ${c('cost_type')}, ${c('token_type')}, ${c('context_window')})`,
      token_type: c('token_type'),
      lane: `bt_lane(${c('usage_type')})`,
      project: c('workspace'),
      api_key: c('api_key'),
      cost_usd: c('cost_usd'),
      list_cost_usd: c('list_price_usd'),
    },
    from: ctx.src,
  };
}

export const anthropicCostCsv = defineAdapter({
  id: 'anthropic-cost-csv',
  title: 'Anthropic Console cost export (CSV; billed cost for reconciliation, not calls)',
  kinds: ['csv'],
  recognisedBy: `header includes ${anthropicCostCsvHeader.join(', ')}`,
  detect: (sample) => sample.kind === 'csv' && hasAll(sample, anthropicCostCsvHeader),
  idsFromSource: false,
  role: 'costs',
  select: anthropicCostCsvSelect,
});

/** A cost page: the usage-page envelope whose results carry `amount`. */
const isCostPage = (sample: Sample, startKey: string, endKey: string) =>
  (hasAll(sample, [`data.${startKey}`, `data.${endKey}`, 'data.results']) || everyRecordHas(sample, [startKey, endKey, 'results']) ||
    (sample.records.length === 0 && hasAll(sample, [startKey, endKey, 'results']))) &&
  hasAny(sample, ['data.results.amount', 'results.amount', 'amount']);

/** Cost in another currency cannot be compared with USD prices: a reject that names the currency. */
const notUsdReject = (currency: string) =>
  `CASE WHEN upper(${currency}) IS DISTINCT FROM 'USD' AND ${currency} IS NOT NULL THEN 'cost in ' || ${currency} || ', not USD: cannot reconcile' END`;

/** Anthropic's cost report pages: buckets from starting_at to ending_at. */
const anthropicCostPages = usagePages('starting_at', 'ending_at');

function anthropicCostReportSelect(ctx: AdapterContext): AdapterSelect {
  const rows = anthropicCostPages.rows(ctx);
  const res = rows.res;
  const currency = res('currency');
  const columns = {
    _line: 'rr._line',
    _path: 'rr._path',
    _reject: notUsdReject(currency),
    ts: 'rr.bucket_start',
    ended_at: 'rr.bucket_end',
    provider: "'anthropic'",
    model: res('model'),
    line_item: `coalesce(${res('description')}, concat_ws(', ', ${res('cost_type')}, ${res('token_type')}))`,
    token_type: res('token_type'),
    lane: `bt_lane(${res('service_tier')})`,
    project: res('workspace_id'),
    // Cents, as a decimal string: "123.45" is $1.2345. An unreadable amount is passed through so the reject names it.
    cost_usd: `CASE WHEN bt_dec(${res('amount')}) IS NULL THEN ${res('amount')} ELSE (bt_dec(${res('amount')}) / 100)::VARCHAR END`,
  };
  return { columns, from: rows.from() };
}

export const anthropicCostReport = defineAdapter({
  id: 'anthropic-cost-report',
  title: 'Anthropic Admin API cost_report pages (amounts in cents; billed cost for reconciliation, not calls)',
  kinds: ['json', 'jsonl'],
  recognisedBy: 'pages whose buckets have starting_at, ending_at and results with amount',
  detect: (sample) => isCostPage(sample, 'starting_at', 'ending_at'),
  idsFromSource: false,
  role: 'costs',
  select: anthropicCostReportSelect,
  unnests: anthropicCostPages.unnests,
});

/**
 * An OpenAI cost line item read: "priority | gpt-5.6-sol, output, long context" is an optional tier before '|', the
 * model before the first comma, the token type after it. Items without a comma ("web search tool calls", "Vector
 * storage") name no model: kept, unattributed.
 */
function openaiLineItem(item: string): SelectList {
  const tiered = `contains(${item}, '|')`;
  const rest = `trim(CASE WHEN ${tiered} THEN split_part(${item}, '|', 2) ELSE ${item} END)`;
  return {
    model: `CASE WHEN contains(${rest}, ',') THEN trim(split_part(${rest}, ',', 1)) END`,
    line_item: item,
    token_type: `CASE WHEN contains(${rest}, ',') THEN trim(substr(${rest}, strpos(${rest}, ',') + 1)) END`,
    lane: `CASE WHEN ${tiered} THEN bt_lane(trim(split_part(${item}, '|', 1))) END`,
  };
}

/** OpenAI's costs pages: buckets from start_time to end_time. */
const openaiCostPages = usagePages('start_time', 'end_time');

function openaiCostsSelect(ctx: AdapterContext): AdapterSelect {
  const rows = openaiCostPages.rows(ctx);
  const res = rows.res;
  const columns = {
    _line: 'rr._line',
    _path: 'rr._path',
    _reject: notUsdReject(res('amount.currency')),
    ts: 'rr.bucket_start',
    ended_at: 'rr.bucket_end',
    provider: "'openai'",
    ...openaiLineItem(res('line_item')),
    project: res('project_id'),
    api_key: res('api_key_id'),
    cost_usd: res('amount.value'),
    quantity: res('quantity'),
    quantity_unit: res('quantity_unit'),
  };
  return { columns, from: rows.from() };
}

/**
 * The dashboard's cost export (`cost_<from>_<to>.csv`): the Costs API's results, one row each, with the bucket's
 * times; a bucket with no cost is a row with no amount (an empty day), skipped. Without a grouping, a row is the
 * organisation's total for its bucket (no line item: no model, so not compared). user_email is not read.
 */
function openaiCostsCsvSelect(ctx: AdapterContext): AdapterSelect {
  const c = (name: string) => dashboardColumn(ctx, name);
  return {
    columns: {
      _skip: `CASE WHEN ${c('amount_value')} IS NULL THEN 'an empty bucket: no cost in it' END`,
      _reject: notUsdReject(c('amount_currency')),
      ts: `coalesce(${c('start_time_iso')}, ${c('start_time')})`,
      ended_at: `coalesce(${c('end_time_iso')}, ${c('end_time')})`,
      provider: "'openai'",
      ...openaiLineItem(c('line_item')),
      project: c('project_id'),
      api_key: c('api_key_id'),
      cost_usd: c('amount_value'),
      quantity: c('quantity'),
      quantity_unit: c('quantity_unit'),
    },
    from: ctx.src,
  };
}

export const openaiCostsCsv = defineAdapter({
  id: 'openai-costs-csv',
  title: 'OpenAI dashboard cost export (cost_*.csv; billed cost for reconciliation, not calls)',
  kinds: ['csv'],
  recognisedBy: `header begins ${openaiDashboardHead.join(', ')} and has amount_value and line_item`,
  detect: (sample) => openaiDashboardHead.every((h, i) => sample.header[i] === h) && hasAll(sample, ['amount_value', 'line_item']),
  idsFromSource: false,
  role: 'costs',
  select: openaiCostsCsvSelect,
});

export const openaiCosts = defineAdapter({
  id: 'openai-costs',
  title: 'OpenAI Costs API pages (/v1/organization/costs; billed cost for reconciliation, not calls)',
  kinds: ['json', 'jsonl'],
  recognisedBy: 'pages whose buckets have start_time, end_time and results with amount',
  detect: (sample) => isCostPage(sample, 'start_time', 'end_time'),
  idsFromSource: false,
  role: 'costs',
  select: openaiCostsSelect,
  unnests: openaiCostPages.unnests,
});

export const costAdapters = [anthropicCostCsv, anthropicCostReport, openaiCosts, openaiCostsCsv];
