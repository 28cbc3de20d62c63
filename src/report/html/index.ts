// `--html FILE`: one self-contained HTML page (inline CSS and SVG, no scripts, no network) from the JSON
// report plus the chart series of ./input.ts. Pure: the caller writes the string where it wants.
import { dailySpec, renderChartSvg, waterfallBars, waterfallSpec, workloadSpec } from './charts.ts';
import type { HtmlReportInput } from './input.ts';
import { renderPage } from './page.ts';

export type { HtmlReportInput } from './input.ts';

export async function renderHtml(input: HtmlReportInput): Promise<string> {
  const [workloads, daily, waterfall] = await Promise.all([
    renderChartSvg(workloadSpec(input), 'workloads'),
    renderChartSvg(dailySpec(input), 'daily'),
    renderChartSvg(waterfallSpec(input), 'waterfall'),
  ]);
  return renderPage(input, { workloads, daily, waterfall }, waterfallBars(input));
}
