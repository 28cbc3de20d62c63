// OpenAI Costs API, for reconciliation: what the organization was billed per day, line item and project.
// Reference: https://platform.openai.com/docs/api-reference/usage/costs (GET /v1/organization/costs: start_time,
// end_time, bucket_width 1d only, group_by[] of project_id and line_item, limit up to 180, page = next_page while
// has_more; each result's amount is {value (USD, a number), currency}). The openai-costs adapter loads the pages
// into billed_costs, which the audit's reconciliation sets beside the cost recomputed from usage; the pull's summary
// also states each window's total, summed exactly.
import { z } from 'zod';
import { addDecimal, parseDecimal, zeroDecimal, type Decimal } from '../decimal-sum.ts';
import { endpoint, type PullSource } from '../source.ts';
import type { Range } from '../time.ts';
import { openaiSource } from './openai.ts';
import { fromUnixSeconds, usagePages, usagePageSchema } from './usage-pages.ts';

const schema = usagePageSchema('start_time', 'end_time', z.number().int());

function requests(baseUrl: string, range: Range): URL[] {
  const url = endpoint(baseUrl, '/organization/costs');
  url.searchParams.set('start_time', String(range.start / 1000));
  url.searchParams.set('end_time', String(Math.ceil(range.end / 1000)));
  url.searchParams.set('bucket_width', '1d');
  for (const g of ['line_item', 'project_id']) url.searchParams.append('group_by[]', g);
  url.searchParams.set('limit', '180');
  return [url];
}

/** The USD of a costs page: every result's amount.value, exactly. */
function reportedUsd(body: unknown): Decimal {
  let sum = zeroDecimal;
  for (const bucket of (body as { data: { results: { amount?: { value?: unknown } }[] }[] }).data) {
    for (const result of bucket.results) sum = addDecimal(sum, parseDecimal(result.amount?.value) ?? zeroDecimal);
  }
  return sum;
}

export const openaiCostsSource: PullSource = {
  ...openaiSource,
  id: 'openai-costs',
  title: 'OpenAI Costs API (reconciliation)',
  reference: 'https://platform.openai.com/docs/api-reference/usage/costs',
  adapter: 'openai-costs',
  fixedWidth: '1d',
  // Cost reports lag by about a day (Anthropic says so; OpenAI's costs are taken to lag as much): a day counts once
  // a further day has passed.
  settleMs: 86_400_000,
  reportedUsd,
  auth: { envVars: 'OPENAI_ADMIN_KEY', permission: 'an OpenAI admin key (sk-admin-…) with read access to Usage and Costs' },
  firstRequests: (baseUrl, range) => requests(baseUrl, range),
  async *fetchPages(ctx) {
    const [url] = requests(ctx.baseUrl, ctx.range);
    if (url) yield* usagePages(ctx.client, url, schema, { start: 'start_time', end: 'end_time', timeOf: fromUnixSeconds }, ctx.bounds, 'costs');
  },
};
