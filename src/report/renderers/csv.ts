// CSV: one row per report row plus a `total` row; money as USD text with 6 decimals (exact), shares 0..1.
import { type Fraction, toNumber } from '../../simulate/fraction.ts';
import { usdText } from '../money.ts';
import type { MicroSteps, Report, Style } from '../model.ts';

const quote = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const share = (f: Fraction | undefined): string => (f === undefined ? '' : toNumber(f, 6).toFixed(6));
const steps = (s: MicroSteps) => [usdText(s.now), usdText(s.structural), usdText(s.batch), usdText(s.caching), usdText(s.credits)];

export function renderCsv(report: Report, _style: Style): string {
  const head = ['name', 'label', 'requests', 'blocking_share', 'current_usd', 'structural_usd', 'batch_usd', 'caching_usd', 'simulated_usd',
    'savings_usd', 'batchable_sync_usd', 'top_reason'];
  const rows = report.rows.map((r) => [r.name, r.label, String(r.requests), share(r.blockingShare), ...steps(r.steps), usdText(r.savingsMicros),
    usdText(r.batchableSyncMicros), r.reasons[0] ?? '']);
  const t = report.totals;
  rows.push(['total', '', String(t.requests), '', ...steps(t.steps), usdText(t.savingsMicros), usdText(t.batchableSyncMicros), '']);
  return `${[head, ...rows].map((r) => r.map(quote).join(',')).join('\n')}\n`;
}
