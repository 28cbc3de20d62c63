// What an ingest says: per file, then the one-line total users look for ("N calls ingested, M rows rejected").
import type { IngestSummary } from '../ingest/ingest.ts';
import { rowPlace } from '../ingest/reject-text.ts';
import { commandWord, oneLine } from './escape.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function renderIngestSummary(summary: IngestSummary): string {
  const lines: string[] = [];
  for (const p of summary.patterns ?? []) lines.push(`${p.pattern}: pattern matched ${plural(p.matched, 'file')}`);
  for (const f of summary.files) {
    if (f.status === 'not-usage') continue; // warned about on stderr as it was skipped
    if (f.status === 'already-ingested') {
      lines.push(`${f.file}: already ingested (same content, ${f.format}); nothing added`);
      continue;
    }
    const parts =
      f.costRows === undefined
        ? [`${plural(f.calls, 'call')} ingested`, `${plural(f.rejects, 'row')} rejected`]
        : [`${plural(f.costRows, 'billed cost row')} loaded for reconciliation (not calls)`, `${plural(f.rejects, 'row')} rejected`];
    if (f.duplicates > 0) parts.push(`${plural(f.duplicates, 'duplicate')} of calls already held skipped`);
    if ((f.replaced ?? 0) > 0) parts.push(`${plural(f.replaced ?? 0, 'less complete bucket')} held from earlier files replaced`);
    if (f.skipped > 0) parts.push(notCallsSkipped(f.skipped));
    lines.push(`${f.file}: ${f.format}, ${parts.join(', ')}`);
    for (const r of f.firstRejects) lines.push(`  rejected ${rowPlace(f.file, r.line, r.path)}: ${r.reason}`);
    if (f.rejects > f.firstRejects.length) lines.push(`  … ${f.rejects - f.firstRejects.length} more: batchable rejects --file ${commandWord(f.file)}`);
  }
  const total = [`${plural(summary.calls, 'call')} ingested`, `${plural(summary.rejects, 'row')} rejected`];
  if (summary.duplicates > 0) total.push(`${plural(summary.duplicates, 'duplicate')} skipped`);
  if (summary.skipped > 0) total.push(notCallsSkipped(summary.skipped));
  const already = summary.files.filter((f) => f.status === 'already-ingested').length;
  if (already > 0) total.push(`${plural(already, 'file')} already ingested`);
  const notUsage = summary.skippedFiles?.length ?? 0;
  if (notUsage > 0) total.push(`${plural(notUsage, 'file')} skipped (not usage)`);
  lines.push(total.join(', '));
  // File names and reasons quote input: their control characters are shown, not obeyed, and a newline in a file name
  // does not start a line of its own (each of these is one line).
  return `${lines.map(oneLine).join('\n')}\n`;
}

/** Rows skipped as not calls (no usage, a cache hit, an agent's span, a span around a call counted below it). */
function notCallsSkipped(n: number): string {
  return n === 1 ? '1 row that is not a call skipped' : `${plural(n, 'row')} that are not calls skipped`;
}
