// Page-number paging (Langfuse's observations, LiteLLM's spend logs): ask for page 1, 2, … until the page number
// reaches the total the server reports, or a page comes back empty. Both servers sort newest first with offset
// paging, so a record arriving mid-pull can push another onto the next page: it is then fetched twice, which the
// ingest counts as a duplicate of its id; none is lost. Windows in the past do not move.
import type { z } from 'zod';
import type { HttpClient } from '../http.ts';
import { maxPagesPerQuery, type Page } from '../source.ts';

export async function* numberedPages(
  client: HttpClient,
  first: URL,
  schema: z.ZodType,
  read: (page: never) => { records: number; totalPages: number },
  pageParam: string,
  label: string,
  /** False for pages that are not usage (Langfuse's traces, fetched to be joined): their records count as none. */
  usage = true,
): AsyncGenerator<Page> {
  const url = new URL(first);
  for (let n = 1; n <= maxPagesPerQuery; n += 1) {
    url.searchParams.set(pageParam, String(n));
    const body = await client.getPage(url, schema, `page ${n} of ${label}`);
    const { records, totalPages } = read(body as never);
    yield { body, buckets: 0, records: usage ? records : 0 };
    if (records === 0 || n >= totalPages) return;
  }
  throw client.malformed(url, label, `more than ${maxPagesPerQuery} pages`);
}
