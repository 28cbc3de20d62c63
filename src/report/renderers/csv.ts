// CSV: one row per report row plus a `total` row; money as USD text with 6 decimals (exact), shares 0..1.
import { type Fraction, toNumber } from '../../simulate/fraction.ts';
import { usdText } from '../money.ts';
import type { MicroSteps, Report, Style } from '../model.ts';
import { csvText } from '../escape.ts';

const quote = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const share = (f: Fraction | undefined): string => (f === undefined ? '' : toNumber(f, 6).toFixed(6));
/** Known requests; empty when none is known (rows without a request count stay unknown, see uncounted_rows). */
const knownRequests = (r: { requests: bigint; uncountedRows: bigint }): string =>
  r.uncountedRows > 0n && r.requests === r.uncountedRows ? '' : String(r.requests - r.uncountedRows);
const steps = (s: MicroSteps) => [usdText(s.now), usdText(s.structural), usdText(s.batch), usdText(s.caching), usdText(s.credits)];

export function renderCsv(report: Report, _style: Style): string {
  const head = ['name', 'label', 'requests', 'blocking_share', 'current_usd', 'structural_usd', 'batch_usd', 'caching_usd', 'simulated_usd',
    'savings_usd', 'batchable_sync_usd', 'top_reason', 'uncounted_rows'];
  // Names and reasons can come from input: neutralised as text cells (OWASP); numbers stay numbers.
  const rows = report.rows.map((r) => [csvText(r.name), csvText(r.label), knownRequests(r), share(r.blockingShare), ...steps(r.steps), usdText(r.savingsMicros),
    usdText(r.batchableSyncMicros), csvText(r.reasons[0] ?? ''), String(r.uncountedRows)]);
  const t = report.totals;
  rows.push(['total', '', knownRequests(t), '', ...steps(t.steps), usdText(t.savingsMicros), usdText(t.batchableSyncMicros), '', String(t.uncountedRows)]);
  return `${[head, ...rows].map((r) => r.map(quote).join(',')).join('\n')}\n`;
}
