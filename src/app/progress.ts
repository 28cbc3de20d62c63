// What a running command tells its caller while it works. The app layer never prints: the CLI turns these
// events into a progress line and stderr messages; a programmatic caller may ignore them.
import type { IngestSummary } from '../ingest/ingest.ts';
import type { PullOutcome } from '../pull/outcome.ts';
import type { PullProgress } from '../pull/run.ts';

export type ProgressEvent =
  /** A file is being read; `fraction` is the share done (0..1), reported about twice a second. */
  | { readonly kind: 'reading'; readonly file: string; readonly fraction: number }
  /** The files given were ingested (or found already held). */
  | { readonly kind: 'ingested'; readonly summary: IngestSummary }
  /** --export-calls: every call was written to `file`. */
  | { readonly kind: 'exported'; readonly file: string; readonly calls: number; readonly partitionBy?: 'day' | 'month' | undefined }
  /** A pull is fetching pages (or waiting to retry, or ingesting its raw files). */
  | { readonly kind: 'pulling'; readonly source: string; readonly event: PullProgress }
  /** A pull finished: the windows or generations fetched, the raw files written, what the ingest added. */
  | { readonly kind: 'pulled'; readonly outcome: PullOutcome };

export type OnProgress = (event: ProgressEvent) => void;

/** The workspace database every app function opens: a path, or ":memory:" (the default: nothing is kept). */
export type WorkspaceOption = {
  /** DuckDB file of the workspace; ":memory:" (the default) keeps nothing between calls. */
  readonly db?: string | undefined;
  readonly onProgress?: OnProgress | undefined;
};

export const memoryDb = ':memory:';
