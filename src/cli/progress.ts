// The app layer's progress events, shown: a rewriting progress line while files are read (terminals only), and
// on stderr the ingest summary and the --export-calls line, as soon as each is known.
import type { OnProgress } from '../app/progress.ts';
import type { PullProgress } from '../pull/run.ts';
import { oneLine } from '../report/escape.ts';
import { renderIngestSummary } from '../report/ingest-summary.ts';
import { renderPullOutcome } from '../report/pull-summary.ts';
import { type Io, progressLine } from './io.ts';

/**
 * `summaries`: print the ingest summary on stderr when ingest finishes (audit, simulate, check: stdout is the
 * report). `batchable ingest` prints its summary on stdout itself. Call `done` in a finally, so an error
 * message does not land on a half-drawn progress line.
 */
export function showProgress(io: Io, summaries: boolean): { onProgress: OnProgress; done: () => void } {
  const line = progressLine(io);
  const onProgress: OnProgress = (event) => {
    if (event.kind === 'reading') return line.update(`reading ${oneLine(event.file)} ${Math.round(event.fraction * 100)}%`);
    if (event.kind === 'pulling') return line.update(pullProgressText(event.source, event.event));
    line.done();
    if (event.kind === 'pulled') {
      if (summaries) io.err(renderPullOutcome(event.outcome));
      return;
    }
    if (event.kind === 'ingested') {
      // Files a directory or glob brought in that are not usage: one warning line each, and a count in the summary.
      for (const s of event.summary.skippedFiles ?? []) io.err(`warning: skipped ${oneLine(s.file)}: ${oneLine(s.reason)}\n`);
      if (summaries) io.err(renderIngestSummary(event.summary));
    } else if (summaries) {
      const how = event.partitionBy === undefined ? '' : ` (Parquet, one directory per ${event.partitionBy})`;
      io.err(`${event.calls.toLocaleString('en-US')} calls with their labels and costs written to ${oneLine(event.file)}${how}\n`);
    }
  };
  return { onProgress, done: line.done };
}

/** A pull's progress line: pages, buckets and rows as they arrive, a retry with its wait, the ingest of its files. */
export function pullProgressText(source: string, e: PullProgress): string {
  if (e.kind === 'page') return `${source}: ${e.pages} page${e.pages === 1 ? '' : 's'}, ${e.buckets} buckets, ${e.records} rows`;
  if (e.kind === 'retry') return `${source}: ${e.notice.reason}; retry ${e.notice.attempt} in ${(e.notice.delayMs / 1000).toFixed(1)} s`;
  return `${source}: ingesting ${oneLine(e.file)} ${Math.round(e.done * 100)}%`;
}
