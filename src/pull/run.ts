// `pull` end to end: work out which windows are not yet on disk, fetch each through the source's paging, write
// its pages as a raw file, then ingest the raw files through the source's existing adapter. Returns data and
// reports progress through a callback; it never prints.
//
// Incremental rule: a window is fetched once. The raw files' names say which windows are held; the next pull
// starts where the last complete bucket ended. The current bucket (this hour, or today) is partial: it is fetched
// on every pull and replaces the previous partial file. For per-call sources (Langfuse, LiteLLM) it is ingested
// too, and the calls fetched again next time are counted duplicates of their ids. For bucketed sources (OpenAI,
// Anthropic) it is held back from ingest: a bucket row has no id, and the ingest engine does not (yet) replace an
// older copy of a bucket with a more complete one, so ingesting it now would count it twice later.
import { existsSync, rmdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../errors.ts';
import type { Workspace } from '../db/workspace.ts';
import { ingestFiles, type IngestSummary } from '../ingest/ingest.ts';
import { HttpClient, type HttpDeps, type RetryNotice, type RetryPolicy } from './http.ts';
import { addDecimal, zeroDecimal, type Decimal } from './decimal-sum.ts';
import { listRaw, RawWriter, rawDir, rawName, removeRaw, removeStaleTemporaries } from './raw.ts';
import type { Env, PullSource } from './source.ts';
import { pullSource } from './sources/index.ts';
import { ceilTo, dailyPieces, dayMs, describeRange, floorTo, gaps, isAligned, type BucketWidth, type Range } from './time.ts';

export type PullOptions = {
  readonly source: string;
  /** The workspace database path: raw files go next to it. */
  readonly db: string;
  /** UTC dates, YYYY-MM-DD; `until` is inclusive (the whole day). */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  /** The width asked for; default: the source's (PullSource.defaultWidth, else 1h). A source with one fixed width refuses another. */
  readonly bucketWidth?: BucketWidth | undefined;
  /** How long after a bucket ends it counts as complete (default: the source's own, see PullSource.settleMs). */
  readonly settleMs?: number | undefined;
  readonly baseUrl?: string | undefined;
  readonly env: Env;
  /** Tests pin the clock and the network's timing; production uses the real ones. */
  readonly now?: (() => number) | undefined;
  readonly deps?: HttpDeps | undefined;
  readonly policy?: RetryPolicy | undefined;
  readonly onProgress?: ((event: PullProgress) => void) | undefined;
};

export type PullProgress =
  | { readonly kind: 'page'; readonly window: Range; readonly pages: number; readonly buckets: number; readonly records: number }
  | { readonly kind: 'retry'; readonly notice: RetryNotice }
  | { readonly kind: 'ingest'; readonly file: string; readonly done: number };

export type PulledWindow = {
  readonly range: Range;
  readonly file: string;
  readonly pages: number;
  readonly buckets: number;
  readonly records: number;
  /** 'complete': ingested; 'partial': the current bucket, ingested (per-call sources); 'held': the current bucket, not ingested. */
  readonly kind: 'complete' | 'partial' | 'held';
  /** Cost reports: the USD the window's pages state, summed exactly. */
  readonly reportedUsd: Decimal | undefined;
};

export type PullPlan = {
  readonly source: PullSource;
  readonly baseUrl: string;
  readonly width: BucketWidth;
  readonly rawDir: string;
  readonly requested: Range;
  /** Complete windows not yet on disk. */
  readonly windows: readonly Range[];
  /** The current, incomplete bucket, when the range reaches now. */
  readonly partial: { readonly range: Range; readonly bounds: Range } | undefined;
  /** True when the start was not given and the default window was used (a first pull). */
  readonly defaultedSince: boolean;
};

export type PullResult = {
  readonly plan: PullPlan;
  readonly windows: readonly PulledWindow[];
  readonly ingest: IngestSummary;
};

/** The default first window when no --since is given and nothing is held: the last 7 whole days and today. */
export const defaultSinceDays = 7;

/** Works out what a pull would fetch, without touching the network. */
export function planPull(options: PullOptions): PullPlan {
  const source = pullSource(options.source);
  const baseUrl = resolveBaseUrl(source, options);
  const dir = rawDir(options.db, source.id);
  const width = source.fixedWidth ?? options.bucketWidth ?? source.defaultWidth ?? '1h';
  if (source.fixedWidth !== undefined && options.bucketWidth !== undefined && options.bucketWidth !== source.fixedWidth) {
    throw new UsageError(`--bucket-width ${options.bucketWidth}: ${source.id} reports ${source.fixedWidth} buckets only`);
  }
  const now = Math.floor((options.now ?? Date.now)() / 1000) * 1000;
  const held = listRaw(dir).filter((f) => !f.partial);
  const heldEnd = held.reduce<number | undefined>((max, f) => (max === undefined || f.range.end > max ? f.range.end : max), undefined);
  const since = options.since === undefined ? undefined : Date.parse(`${options.since}T00:00:00Z`);
  const until = options.until === undefined ? undefined : Date.parse(`${options.until}T00:00:00Z`) + dayMs;
  const start = since ?? heldEnd ?? floorTo(now, '1d') - defaultSinceDays * dayMs;
  const end = Math.min(until ?? now, now);
  if (since !== undefined && until !== undefined && until <= since) throw new UsageError(`--until ${options.until} is before --since ${options.since}`);
  if (since !== undefined && since >= now) throw new UsageError(`--since ${options.since} is in the future`);
  const requested = { start, end: Math.max(start, end) };
  // A bucket is complete when it has ended and the source has had time to report all of it (its settle time).
  const settleMs = options.settleMs ?? source.settleMs;
  const completeEnd = Math.max(start, floorTo(Math.min(requested.end, now - settleMs), width));
  // Minute buckets a raw file a day (dailyPieces): a month's in one file needs about 3 GB of memory to read in.
  const missing = gaps({ start, end: completeEnd }, held.map((f) => f.range));
  const windows = width === '1m' ? dailyPieces(missing) : missing;
  const partial =
    requested.end > completeEnd && source.completedOnly !== true
      ? { range: { start: completeEnd, end: requested.end }, bounds: { start: completeEnd, end: ceilTo(requested.end, width) } }
      : undefined;
  if (source.granularity === 'buckets') {
    // Bucket APIs snap a query to bucket boundaries: a window that does not start and end on one would fetch
    // buckets that overlap a file already held, and count them twice.
    const edges = [...windows.flatMap((w) => [w.start, w.end]), ...(partial ? [partial.range.start] : [])];
    const off = edges.find((t) => !isAligned(t, width));
    if (off !== undefined) {
      throw new UsageError(
        `--bucket-width ${width}: the ${source.id} data already held ends at ${new Date(off).toISOString()}, not on a ${width} boundary; pull with the width used before (or a finer one) until a ${width} boundary first`,
      );
    }
  }
  return { source, baseUrl, width, rawDir: dir, requested, windows, partial, defaultedSince: since === undefined && heldEnd === undefined };
}

function resolveBaseUrl(source: PullSource, options: PullOptions): string {
  const flag = options.baseUrl;
  const fromEnv = options.env[source.baseUrlEnv];
  const value = flag ?? (fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv.trim() : undefined) ?? source.defaultBaseUrl;
  const where = flag !== undefined ? '--base-url' : fromEnv ? source.baseUrlEnv : 'the default base URL';
  if (value === undefined) throw new UsageError(`${source.id}: no server to pull from; pass --base-url or set ${source.baseUrlEnv} (e.g. http://localhost:4000)`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${where} ${JSON.stringify(value)}: not a URL (expected e.g. https://host/path)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${where} ${value}: expected an http:// or https:// URL`);
  if (url.username !== '' || url.password !== '') throw new UsageError(`${where}: put credentials in the env vars, not in the URL`);
  return value;
}

/** The requests a pull would make, with the header names and where their values come from (never the values). */
export function dryRunRequests(plan: PullPlan, env: Env): string[] {
  const width = plan.width;
  const headers = Object.entries(plan.source.redactedHeaders(env)).map(([k, v]) => `  ${k}: ${v}`);
  const lines: string[] = [];
  const windows = [...plan.windows.map((w) => ({ range: w, note: 'complete' })), ...(plan.partial ? [{ range: plan.partial.range, note: 'current bucket, partial' }] : [])];
  for (const w of windows) {
    for (const request of plan.source.firstRequests(plan.baseUrl, w.range, width)) {
      const what = request instanceof URL ? `GET ${request.href}` : `POST ${request.url.href} ${JSON.stringify(request.body)}`;
      lines.push(`${what}   # ${describeRange(w.range)}, ${w.note}; then the next pages as the API says`, ...headers);
    }
  }
  return lines;
}

/** Fetches what the plan lists, writes raw files, and ingests every held raw file of the source. */
export async function runPull(ws: Workspace, options: PullOptions): Promise<PullResult> {
  const plan = planPull(options);
  const { source } = plan;
  const credentials = source.credentials(options.env);
  const client = new HttpClient({
    source: source.id,
    auth: source.auth,
    headers: credentials.headers,
    secrets: credentials.secrets,
    policy: options.policy,
    deps: options.deps,
    onRetry: (notice) => options.onProgress?.({ kind: 'retry', notice }),
  });
  // Each window's pages go to its raw file as they arrive (under a temporary name), never all in memory.
  const writers: RawWriter[] = [];
  const fetchWindow = async (range: Range, bounds: Range, kind: PulledWindow['kind']) => {
    const writer = new RawWriter(plan.rawDir, rawName(range, kind));
    writers.push(writer);
    let pages = 0;
    let buckets = 0;
    let records = 0;
    let usd: Decimal | undefined = source.reportedUsd === undefined ? undefined : zeroDecimal;
    for await (const page of source.fetchPages({ client, baseUrl: plan.baseUrl, width: plan.width, range, bounds })) {
      await writer.write(page.body);
      pages += 1;
      if (usd !== undefined && source.reportedUsd) usd = addDecimal(usd, source.reportedUsd(page.body));
      buckets += page.buckets;
      records += page.records;
      options.onProgress?.({ kind: 'page', window: range, pages, buckets, records });
    }
    await writer.close();
    return { range, kind, writer, pages, buckets, records, reportedUsd: usd };
  };

  // Every window is fetched before any raw file gets its name or anything is ingested: a failure part-way leaves the
  // workspace and the raw directory as they were, and the next pull asks for the same windows again.
  removeStaleTemporaries(plan.rawDir);
  const madeDirs = [plan.rawDir, dirname(plan.rawDir)].filter((d) => !existsSync(d));
  const fetched: Awaited<ReturnType<typeof fetchWindow>>[] = [];
  try {
    for (const range of plan.windows) fetched.push(await fetchWindow(range, range, 'complete'));
    if (plan.partial) fetched.push(await fetchWindow(plan.partial.range, plan.partial.bounds, source.granularity === 'calls' ? 'partial' : 'held'));
  } catch (error) {
    for (const writer of writers) await writer.abort();
    // The directories this pull made, if they are empty again (another process may have written there meanwhile).
    for (const dir of madeDirs) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty, or gone: left as it is
      }
    }
    throw error;
  }

  const previousPartials = listRaw(plan.rawDir).filter((f) => f.partial);
  const windows: PulledWindow[] = [];
  for (const f of fetched) {
    const file = f.writer.commit();
    windows.push({ range: f.range, file, pages: f.pages, buckets: f.buckets, records: f.records, kind: f.kind, reportedUsd: f.reportedUsd });
  }
  const written = new Set(windows.map((w) => w.file));
  for (const old of previousPartials) if (!written.has(old.path)) removeRaw(old.path);

  // Every complete raw file of the source, not only the new ones: a pull killed between writing and ingesting, or a
  // fresh --db next to old raw files, catches up here. Files already ingested are recognised by content and add nothing.
  const toIngest = [...listRaw(plan.rawDir).filter((f) => !f.partial).map((f) => f.path), ...windows.filter((w) => w.kind === 'partial').map((w) => w.file)];
  const ingest = await ingestFiles(ws, toIngest, {
    inputFormat: source.adapter,
    onProgress: (file, done) => options.onProgress?.({ kind: 'ingest', file, done }),
  });
  return { plan, windows, ingest };
}

