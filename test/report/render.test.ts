// Renderers of the savings report, in a pinned style (no colour, 120 columns): file snapshots and exact CSV.
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.ts';
import { render } from '../../src/report/render.ts';
import { buildSavingsReport, type SavingsOptions } from '../../src/report/savings.ts';
import { parseStructural } from '../../src/cli/parse.ts';
import { frac, parseDecimal } from '../../src/simulate/fraction.ts';
import { analysisWorkspace } from '../helpers/analysis.ts';
import { baseOptions, calls } from './sample.ts';

const pinned = { color: false, columns: 120 };
let ws: Workspace | undefined;
afterEach(() => ws?.close());
const build = async (o: Partial<SavingsOptions> = {}) => {
  ws = await analysisWorkspace(calls);
  return buildSavingsReport(ws, { ...baseOptions, ...o });
};
const simulateOptions: Partial<SavingsOptions> = {
  command: 'simulate',
  batchShare: parseDecimal('0.9'),
  batchShareText: '0.9',
  structural: parseStructural('0.15'),
  cacheHitRate: parseDecimal('0.5'),
  creditBonus: frac(1n, 10n),
};

describe('table', () => {
  it('audit', async () => {
    await expect(render(await build(), 'table', pinned)).toMatchFileSnapshot('./__snapshots__/audit.table.txt');
  });

  it('simulate', async () => {
    await expect(render(await build(simulateOptions), 'table', pinned)).toMatchFileSnapshot('./__snapshots__/simulate.table.txt');
  });

  it('fits a narrow terminal', async () => {
    const text = render(await build(), 'table', { color: false, columns: 100 });
    const tableLines = text.split('\n').filter((l) => /^[│┌├└]/.test(l));
    expect(Math.max(...tableLines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('colours only when the style allows it', async () => {
    const report = await build();
    expect(render(report, 'table', pinned)).not.toMatch(/\x1b\[/);
    expect(render(report, 'table', { color: true, columns: 120 })).toMatch(/\x1b\[1m/);
  });
});

it('markdown', async () => {
  await expect(render(await build(simulateOptions), 'markdown', pinned)).toMatchFileSnapshot('./__snapshots__/simulate.md');
});

it('csv: exact money, one row per workload and a total', async () => {
  const [savings, notes] = render(await build(), 'csv', pinned).split('\n\n');
  const lines = savings!.trimEnd().split('\n');
  expect(lines[0]).toBe('name,label,requests,blocking_share,current_usd,structural_usd,batch_usd,caching_usd,simulated_usd,savings_usd,batchable_sync_usd,top_reason,uncounted_rows');
  expect(lines[1]).toBe('nightly,non_blocking,7,0.000000,63.000000,63.000000,33.000000,33.000000,33.000000,30.000000,60.000000,name: nightly,0');
  expect(lines.at(-1)).toBe('total,,14,,108.500000,108.500000,66.000000,66.000000,66.000000,42.500000,85.000000,,0');
  expect(lines).toHaveLength(8);
  // The notes the other formats list under the table, as a table of their own (names in them are text cells too).
  expect(notes).toMatch(/^note_kind,note\nnote,/);
  expect(notes).toContain('\nnote,"audio-jobs: 1 non-blocking requests');
});

it('json: warnings travel in the document too', async () => {
  const json = JSON.parse(render(await build(simulateOptions), 'json', pinned)) as { warnings: string[] };
  expect(json.warnings).toHaveLength(1);
  expect(json.warnings[0]).toContain('This batches work someone waits on');
});
