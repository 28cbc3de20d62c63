// What a `pull` source is: where its API lives, how it authenticates, and how it pages through a time range.
// Sources are declarative like ingest adapters; the orchestration (ranges, raw files, ingest) is src/pull/run.ts.
import { UsageError } from '../errors.ts';
import type { AuthHelp, HttpClient } from './http.ts';
import type { Decimal } from './decimal-sum.ts';
import type { BucketWidth, Range } from './time.ts';

export type Env = Readonly<Record<string, string | undefined>>;

/** One validated page as the API sent it, with what it holds (for progress and for skipping empty files). */
export type Page = { readonly body: unknown; readonly buckets: number; readonly records: number };

export type FetchContext = {
  readonly client: HttpClient;
  readonly baseUrl: string;
  readonly width: BucketWidth;
  /** The query's range. */
  readonly range: Range;
  /**
   * Where returned buckets may lie: the query range for complete windows, up to the end of the current bucket for
   * the partial one. A bucket outside it would overlap another raw file and be counted twice: the page is malformed.
   */
  readonly bounds: Range;
};

export type FirstRequest = URL | { readonly url: URL; readonly body: unknown };

export type Credentials = { readonly headers: Readonly<Record<string, string>>; readonly secrets: readonly string[] };

export type PullSource = {
  readonly id: string;
  readonly title: string;
  /** The API reference the requests follow. */
  readonly reference: string;
  /** The ingest adapter that reads the raw pages (src/ingest/adapters/). */
  readonly adapter: string;
  /** The API serves ended buckets only (OpenRouter's activity): the current one is not asked for. */
  readonly completedOnly?: boolean;
  /** The only bucket width the API offers, when it offers one (cost reports: 1d). */
  readonly fixedWidth?: BucketWidth;
  /**
   * The width pulled when none is asked for (else 1h). The usage APIs' is 1m: in an hour's bucket a poller's few
   * minutes of work an hour look like any busy hour, and labels read from hours miss it (README, "Minute buckets").
   */
  readonly defaultWidth?: BucketWidth;
  /** The money a page states, in USD, exactly (cost reports only). */
  readonly reportedUsd?: (body: unknown) => Decimal;
  /**
   * 'buckets': aggregated usage per time bucket (no ids: a bucket fetched twice would be counted twice).
   * 'calls': one record per call with the source's own id (a call fetched twice is a counted duplicate).
   */
  readonly granularity: 'buckets' | 'calls';
  /**
   * How long after a bucket ends the source may still add to it. Until then the bucket is fetched with the partial
   * one (held back from ingest for bucketed sources, fetched again next time); after it, it is complete and fetched once.
   */
  readonly settleMs: number;
  readonly defaultBaseUrl: string | undefined;
  /** The env var the provider's official SDK reads for its base URL. */
  readonly baseUrlEnv: string;
  readonly auth: AuthHelp;
  /** The key(s) from the environment; a missing one is a UsageError naming the variable. */
  readonly credentials: (env: Env) => Credentials;
  /** Header names and how to show them in --dry-run (never the value). */
  readonly redactedHeaders: (env: Env) => Readonly<Record<string, string>>;
  /**
   * The first request of each query for a range (what --dry-run prints; later pages follow the API's cursor): a URL
   * to GET, or a URL and the JSON body to POST (APIs whose queries are documents).
   */
  readonly firstRequests: (baseUrl: string, range: Range, width: BucketWidth) => FirstRequest[];
  readonly fetchPages: (ctx: FetchContext) => AsyncGenerator<Page>;
};

/** `base` + `path`, keeping any path prefix of the base (`https://proxy/openai/v1` + `/organization/...`). */
export function endpoint(base: string, path: string): URL {
  return new URL(`${base.replace(/\/+$/, '')}${path}`);
}

/** The first set value among `names`, else a UsageError that says which variable to set and what it needs. */
export function requireEnv(env: Env, names: readonly string[], help: string): string {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  throw new UsageError(`${names[0]} is not set: ${help}`);
}

/** How --dry-run shows a secret header: the variable it comes from, never the value. */
export const fromEnv = (name: string, env: Env): string => `<${name}${env[name] ? '' : ': not set'}>`;

/** Guards a cursor loop: a server that repeats a cursor or never ends is malformed, not an infinite pull. */
export const maxPagesPerQuery = 100_000;
