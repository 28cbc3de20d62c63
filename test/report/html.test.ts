// renderHtml on a realistic fixture (7 workloads, 14 days): figures to the cent, three Vega charts with
// marks, nothing that reaches the network, user text escaped.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html/index.ts';
import type { HtmlReportInput } from '../../src/report/html/input.ts';
import { cents, loadHtmlInput as load } from '../helpers/html.ts';

/** The text of the first element carrying `attr` (data attributes are how the page names its figures). */
const textOf = (html: string, attr: string): string | undefined => new RegExp(`${attr}[^>]*>([^<]*)<`).exec(html)?.[1];

function rowCells(html: string, name: string): Record<string, string> {
  const start = html.indexOf(`<tr data-workload="${name}">`);
  expect(start, `row ${name}`).toBeGreaterThan(-1);
  const row = html.slice(start, html.indexOf('</tr>', start));
  return Object.fromEntries([...row.matchAll(/data-field="([a-z_]+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
}

describe('renderHtml', () => {
  it('shows the headline totals to the cent', async () => {
    const input = load();
    const html = await renderHtml(input);
    expect(textOf(html, 'data-total="current_usd"')).toBe('$81,491.74');
    expect(textOf(html, 'data-total="simulated_usd"')).toBe('$51,731.80');
    expect(textOf(html, 'data-total="savings_usd"')).toBe('$29,759.95');
    expect(textOf(html, 'data-total="savings_share"')).toBe('36.52%');
    expect(textOf(html, 'data-total="requests"')).toBe('3,994,020');
    expect(textOf(html, 'data-monthly="savings_usd"')).toBe('$63,775.69');
    for (const field of ['current', 'simulated', 'savings'] as const) {
      expect(textOf(html, `data-total="${field}_usd"`)).toBe(cents(input.totals[`${field}_micros`]));
    }
    expect(html).toContain('2026-10-01 00:00 UTC to 2026-10-14 23:58 UTC (14.0 days)');
  });

  it('shows every workload figure equal to the input to the cent, half-cent ties rounded on the decimal', async () => {
    const input = load();
    const html = await renderHtml(input);
    for (const w of input.workloads) {
      const name = w.name.replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(rowCells(html, name)).toEqual({
        requests: w.requests === null ? '?' : w.requests.toLocaleString('en-US'),
        current_usd: cents(w.current_micros),
        simulated_usd: cents(w.simulated_micros),
        savings_usd: cents(w.savings_micros),
      });
    }
    // $6,079.115 and $4,922.495 are half-cent ties (as doubles they sit just below: toFixed(2) prints .11 and .49).
    expect(rowCells(html, 'eval-harness').current_usd).toBe('$6,079.12');
    expect(rowCells(html, 'code-review-bot').current_usd).toBe('$4,922.50');
    const total = html.slice(html.indexOf('<tfoot>'), html.indexOf('</tfoot>'));
    expect([...total.matchAll(/data-field="[a-z_]+">([^<]*)</g)].map((m) => m[1])).toEqual(['$81,491.74', '$51,731.80', '$29,759.95']);
  });

  it('draws the waterfall in stacking order with the exact change of every step', async () => {
    const html = await renderHtml(load());
    const steps = [...html.matchAll(/<tr data-step="([a-z]+)"><th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td><td class="num" data-usd="step">([^<]*)</g)];
    expect(steps.map((m) => [m[1], m[3], m[4]])).toEqual([
      ['now', '', '$81,491.74'],
      ['structural', '-$8,149.17', '$73,342.57'],
      ['batch', '-$19,024.18', '$54,318.39'],
      ['caching', '$0.00', '$54,318.39'],
      ['credits', '-$2,586.59', '$51,731.80'],
      ['final', '', '$51,731.80'],
    ]);
    // The chart's own labels are the same exact text.
    const chart = html.slice(html.indexOf('id="chart-waterfall"'), html.indexOf('<table class="steps">'));
    for (const label of ['$81,491.74', '-$8,149.17', '-$19,024.18', '$0.00', '-$2,586.59', '$51,731.80']) expect(chart).toContain(`>${label}</text>`);
  });

  it('has three Vega SVG charts with marks: 7 workload rows, 14 days, 6 steps', async () => {
    const html = await renderHtml(load());
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) expect(svg).toMatch(/class="mark-rect role-mark/);
    const [workloads = '', daily = '', waterfall = ''] = svgs;
    // One bar segment per non-zero part: 7 rows, doc-embeddings-backfill and code-review-bot have two parts.
    expect(workloads.match(/<path aria-label="[^"]*" role="graphics-symbol"/g)).toHaveLength(9);
    expect(workloads).toContain('aria-label="nightly-enrichment, Batchable, still synchronous: $29,241.19"');
    for (let d = 1; d <= 14; d++) expect(daily).toContain(`>10-${String(d).padStart(2, '0')}</text>`);
    expect(daily.match(/<path aria-label="2026-10-[^"]*" role="graphics-symbol"/g)).toHaveLength(14 * 3);
    expect(waterfall.match(/<path aria-label="[^"]*" role="graphics-symbol"/g)).toHaveLength(6);
  });

  it('needs no network: no URL, no script, no stylesheet or font to fetch', async () => {
    const html = await renderHtml(load());
    expect(html).not.toMatch(/\b(?:src|href|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    expect(html).not.toMatch(/https?:|\/\/[a-z0-9-]+\./i);
    expect(html).not.toMatch(/<(?:script|link|img|iframe|object|embed)\b/i);
    expect(html.match(/url\([^)]*\)/g) ?? []).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('escapes user text in names, reasons, notes and assumptions, in the table and the charts', async () => {
    const input = load();
    const evil = '<script>alert(1)</script>';
    const first = input.workloads[0]!;
    const renamed: HtmlReportInput = {
      ...input,
      workloads: [{ ...first, name: evil, reasons: ['"><img src=x onerror=alert(2)>', 'a & b'] }, ...input.workloads.slice(1)],
      per_workload_split: input.per_workload_split.map((s) => (s.name === first.name ? { ...s, name: evil } : s)),
      notes: [`${evil}: low volume`],
      warnings: ['<b>batches</b> work someone waits on'],
      assumptions: { ...input.assumptions, rules_file: '</dd><script>x()</script>' },
    };
    const html = await renderHtml(renamed);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<th scope="row" class="name">&lt;script&gt;alert(1)&lt;/script&gt;</th>');
    expect(html).toContain('<li>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</li><li>a &amp; b</li>');
    expect(html).toContain('<li>&lt;b&gt;batches&lt;/b&gt; work someone waits on</li>');
    expect(html).toContain('<dd>&lt;/dd&gt;&lt;script&gt;x()&lt;/script&gt;</dd>');
    // The name is an axis label in the workload chart, escaped there by vega's SVG writer.
    const chart = html.slice(html.indexOf('id="chart-workloads"'), html.indexOf('id="chart-daily"'));
    expect(chart).toContain('>&lt;script&gt;alert(1)&lt;/script&gt;</text>');
  });

  it('shows non-eligible synchronous spend, given or left unexplained, as "Other synchronous"', async () => {
    const input = load();
    const first = input.workloads[0]!;
    const split = input.per_workload_split.map((s) => (s.name === first.name ? { ...s, batchable_sync_micros: s.batchable_sync_micros - 1_000_000_000n } : s));
    const html = await renderHtml({ ...input, per_workload_split: split });
    expect(html).toContain(`aria-label="${first.name}, Other synchronous (no batch lane takes it): $1,000.00"`);
    expect(html).not.toContain(`aria-label="support-chat, Other synchronous`);
    // Given explicitly per day, it is drawn per day.
    const daily = input.daily.map((d, i) => (i === 0 ? { ...d, other_sync_micros: 12_345_000n } : d));
    const withOther = await renderHtml({ ...input, daily });
    expect(withOther).toContain('aria-label="2026-10-01, Other synchronous (no batch lane takes it): $12.35"');
  });

  it('charts the first 19 rows and one bar for the rest when there are more than 20', async () => {
    const input = load();
    const w = input.workloads[0]!;
    const many = Array.from({ length: 25 }, (_, i) => ({ ...w, name: `job-${i}`, current_micros: 1_500_000n }));
    const split = many.map((m) => ({ name: m.name, blocking_micros: 1_000_000n, batchable_sync_micros: 500_000n, batch_micros: 0n }));
    const html = await renderHtml({ ...input, workloads: many, per_workload_split: split });
    const chart = html.slice(html.indexOf('id="chart-workloads"'), html.indexOf('id="chart-daily"'));
    expect(chart).toContain('>job-18</text>');
    expect(chart).not.toContain('>job-19</text>');
    expect(chart).toContain('aria-label="6 more rows (see the table), Blocking (someone waits): $6.00"');
    expect(html).toContain('<tr data-workload="job-24">');
  });

  it('renders a report with no calls: three empty charts, $0.00 totals', async () => {
    const zero = { requests: 0, current_micros: 0n, simulated_micros: 0n, savings_micros: 0n, savings_share: null, sync_share: null, batchable_share: null };
    const html = await renderHtml({ schema_version: 2, period: { since: null, until: null }, assumptions: {}, totals: zero, workloads: [], notes: [], warnings: [], daily: [], per_workload_split: [], waterfall: [] });
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(textOf(html, 'data-total="current_usd"')).toBe('$0.00');
    expect(html).toContain('<p class="shares"><span data-total="requests">0</span> requests; — on synchronous lanes');
  });

  it('says so when there is no saving percent or period, and renders the same bytes twice', async () => {
    const input = load();
    const empty: HtmlReportInput = { ...input, period: { since: null, until: null, days: null }, totals: { ...input.totals, savings_share: null } };
    const html = await renderHtml(empty);
    expect(textOf(html, 'data-total="savings_share"')).toBe('—');
    expect(html).toContain('<span data-period="">no calls to no calls</span>');
    expect(await renderHtml(input)).toBe(await renderHtml(input));
  });
});
