// `--html FILE`: one self-contained HTML page (inline CSS and SVG, no scripts, no network) from the JSON
// report plus the chart series of ./input.ts. Pure: the caller writes the string where it wants.
import type { HtmlReportInput } from './input.ts';
import { renderPage } from './page.ts';

export type { HtmlReportInput } from './input.ts';

export async function renderHtml(input: HtmlReportInput): Promise<string> {
  // Vega and Vega-Lite take ~0.35 s to load: only the runs that draw charts pay for them.
  const { dailySpec, renderChartSvg, waterfallBars, waterfallSpec, workloadSpec } = await import('./charts.ts');
  const [workloads, daily, waterfall] = await Promise.all([
    renderChartSvg(workloadSpec(input), 'workloads'),
    renderChartSvg(dailySpec(input), 'daily'),
    renderChartSvg(waterfallSpec(input), 'waterfall'),
  ]);
  return renderPage(input, { workloads, daily, waterfall }, waterfallBars(input));
}
