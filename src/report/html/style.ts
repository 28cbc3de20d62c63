// The page's only stylesheet, inlined: a system font stack (nothing to download), a laptop-width column,
// and print rules (A4/Letter, charts and rows kept whole, colours kept for the label badges and bars).
export const pageCss = `
:root { color-scheme: light; --ink: #111827; --muted: #4b5563; --line: #e5e7eb; --accent: #1e3a8a; --save: #047857; --warn: #b45309; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f9fafb; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 40px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
.period, .shares, .monthly, figcaption, footer { color: var(--muted); }
.period { margin: 0; }
.headline { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 20px 0 8px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.card-title { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.card-value { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
.card.saving .card-value { color: var(--save); }
.shares, .monthly { margin: 4px 0; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
figcaption { font-size: 13px; margin-top: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border-bottom: 2px solid var(--line); }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.name { overflow-wrap: anywhere; font-weight: 600; }
table.steps { width: auto; min-width: 420px; margin-top: 8px; }
ul.reasons { margin: 0; padding-left: 18px; font-size: 13px; color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; white-space: nowrap; }
.badge.blocking { background: #e2e8f0; color: #334155; }
.badge.non_blocking { background: #fef3c7; color: #92400e; }
.badge.mixed { background: #ede9fe; color: #5b21b6; }
.warnings { border: 1px solid #f59e0b; background: #fffbeb; border-radius: 8px; padding: 4px 16px; margin-top: 16px; }
.warnings h2 { color: var(--warn); margin-top: 8px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
footer { margin-top: 32px; font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media (max-width: 760px) { .headline { grid-template-columns: repeat(2, minmax(0, 1fr)); } main { padding: 16px; } }
@media print {
  @page { margin: 12mm; }
  body { background: #fff; font-size: 10pt; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13pt; margin-top: 16px; }
  .card-value { font-size: 17pt; }
  table { font-size: 9pt; }
  table.workloads td:last-child { width: 32%; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .card { break-inside: avoid; }
  .chart, figure, tr, .warnings { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
}
`;
