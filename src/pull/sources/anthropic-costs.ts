// Anthropic Admin API cost report, for reconciliation: what the organization was billed per day, workspace and
// description (model, token type, service tier). Reference:
// https://platform.claude.com/docs/en/api/admin/cost_report (GET /v1/organizations/cost_report: starting_at,
// ending_at, bucket_width 1d, group_by[] of workspace_id and description, limit up to 31, page = next_page while
// has_more; amount is a decimal string in cents ("123.45" is $1.2345), currency "USD"; about a day's lag). The
// anthropic-cost-report adapter loads the pages into billed_costs for the audit's reconciliation.
import { z } from 'zod';
import { addDecimal, parseDecimal, shiftDecimal, zeroDecimal, type Decimal } from '../decimal-sum.ts';
import { endpoint, type PullSource } from '../source.ts';
import { iso, type Range } from '../time.ts';
import { anthropicSource } from './anthropic.ts';
import { fromRfc3339, usagePages, usagePageSchema } from './usage-pages.ts';

const schema = usagePageSchema('starting_at', 'ending_at', z.string());

function requests(baseUrl: string, range: Range): URL[] {
  const url = endpoint(baseUrl, '/v1/organizations/cost_report');
  url.searchParams.set('starting_at', iso(range.start));
  url.searchParams.set('ending_at', iso(range.end));
  url.searchParams.set('bucket_width', '1d');
  for (const g of ['workspace_id', 'description']) url.searchParams.append('group_by[]', g);
  url.searchParams.set('limit', '31');
  return [url];
}

/** The USD of a cost report page: every amount (cents) / 100, exactly. */
function reportedUsd(body: unknown): Decimal {
  let cents = zeroDecimal;
  for (const bucket of (body as { data: { results: { amount?: unknown }[] }[] }).data) {
    for (const result of bucket.results) cents = addDecimal(cents, parseDecimal(result.amount) ?? zeroDecimal);
  }
  return shiftDecimal(cents, 2);
}

export const anthropicCostsSource: PullSource = {
  ...anthropicSource,
  id: 'anthropic-costs',
  title: 'Anthropic Admin API cost report (reconciliation)',
  reference: 'https://platform.claude.com/docs/en/api/admin/cost_report',
  adapter: 'anthropic-cost-report',
  fixedWidth: '1d',
  // Cost reports lag by about a day (Anthropic says so; OpenAI's costs are taken to lag as much): a day counts once
  // a further day has passed.
  settleMs: 86_400_000,
  reportedUsd,
  firstRequests: (baseUrl, range) => requests(baseUrl, range),
  async *fetchPages(ctx) {
    const [url] = requests(ctx.baseUrl, ctx.range);
    if (url) yield* usagePages(ctx.client, url, schema, { start: 'starting_at', end: 'ending_at', timeOf: fromRfc3339 }, ctx.bounds, 'cost_report');
  },
};
