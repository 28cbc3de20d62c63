// The paging loop OpenAI's Usage API and Anthropic's usage report share: `{data: [bucket], has_more, next_page}`,
// the next page asked for with `page=<next_page>` until has_more is false.
import { z } from 'zod';
import type { HttpClient } from '../http.ts';
import { maxPagesPerQuery, type Page } from '../source.ts';
import { describeRange, type Range } from '../time.ts';

export const usagePageSchema = (startKey: string, endKey: string, time: z.ZodType) =>
  z.object({
    data: z.array(z.object({ [startKey]: time, [endKey]: time, results: z.array(z.record(z.string(), z.unknown())) })),
    has_more: z.boolean(),
    next_page: z.string().nullable().optional(),
  });

type UsageBucket = Record<string, unknown> & { results: unknown[] };

/**
 * Pages through one query. `timeOf` reads a bucket's start or end as epoch ms. Every bucket must lie inside
 * `bounds`; a page that breaks that, or a cursor that repeats, is malformed.
 */
export async function* usagePages(
  client: HttpClient,
  first: URL,
  schema: z.ZodType,
  keys: { start: string; end: string; timeOf: (value: unknown) => number },
  bounds: Range,
  label: string,
): AsyncGenerator<Page> {
  const url = new URL(first);
  const seen = new Set<string>();
  for (let n = 1; n <= maxPagesPerQuery; n += 1) {
    const what = `page ${n} of ${label}`;
    const page = (await client.getPage(url, schema, what)) as { data: UsageBucket[]; has_more: boolean; next_page?: string | null };
    for (const bucket of page.data) {
      const start = keys.timeOf(bucket[keys.start]);
      const end = keys.timeOf(bucket[keys.end]);
      if (!(start >= bounds.start && end <= bounds.end && start < end)) {
        throw client.malformed(url, what, `a bucket ${String(bucket[keys.start])}–${String(bucket[keys.end])} lies outside the range asked for (${describeRange(bounds)})`);
      }
    }
    yield { body: page, buckets: page.data.length, records: page.data.reduce((sum, b) => sum + b.results.length, 0) };
    if (!page.has_more) return;
    const next = page.next_page;
    if (typeof next !== 'string' || next === '' || seen.has(next)) {
      throw client.malformed(url, what, next ? `the cursor ${JSON.stringify(next.slice(0, 40))} repeats` : 'has_more is true but next_page is empty');
    }
    seen.add(next);
    url.searchParams.set('page', next);
  }
  throw client.malformed(url, label, `more than ${maxPagesPerQuery} pages`);
}

/** Unix seconds (OpenAI) as epoch ms. */
export const fromUnixSeconds = (value: unknown): number => (typeof value === 'number' ? value * 1000 : Number.NaN);

/** RFC 3339 text (Anthropic) as epoch ms. */
export const fromRfc3339 = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);
