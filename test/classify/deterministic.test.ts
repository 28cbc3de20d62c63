// Labels must not depend on the run: DuckDB sums doubles in parallel, in whatever order its threads finish, so
// stddev_pop, avg of doubles and regr_* differ in their last bits from one run to the next, and a workload on a
// threshold could change label between two audits of the same data (src/classify/signals/exact.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { family, generateOrg } from '../../eval/family.ts';
import { classifyCalls } from '../../src/classify/index.ts';
import { stddevPopOfIntegers } from '../../src/classify/signals/exact.ts';
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';

let ws: Workspace;
afterEach(() => ws?.close());

test('the exact standard deviation of integers is stddev_pop, with a FILTER, and NULL over no rows', async () => {
  ws = await openWorkspace(':memory:');
  const [row] = await ws.all<{ ours: number; theirs: number; ours_f: number; theirs_f: number; none: number | null }>(`
    SELECT ${stddevPopOfIntegers('x')} AS ours, stddev_pop(x) AS theirs,
      ${stddevPopOfIntegers('x', 'FILTER (WHERE x % 3 = 0)')} AS ours_f, stddev_pop(x) FILTER (WHERE x % 3 = 0) AS theirs_f,
      ${stddevPopOfIntegers('x', 'FILTER (WHERE x < 0)')} AS none
    FROM (SELECT (hash(i) % 100000)::BIGINT AS x FROM range(100000) r(i))`);
  expect(row?.ours).toBeCloseTo(row?.theirs ?? Number.NaN, 6);
  expect(row?.ours_f).toBeCloseTo(row?.theirs_f ?? Number.NaN, 6);
  expect(row?.none).toBeNull();
});

test('labelling the same usage buckets three times gives the same day, hour and run statistics to the bit', async () => {
  const org = family.find((o) => o.id === 'data-company');
  if (org === undefined) throw new Error('no data-company org in the eval family');
  const gen = await openWorkspace(':memory:');
  const datasets = await generateOrg(gen, org, mkdtempSync(join(tmpdir(), 'det-')));
  gen.close();
  const hourly = datasets.find((d) => d.name.endsWith('-usage-1h'));
  if (hourly === undefined) throw new Error('no hourly rendering');
  const columns = ['day_cv', 'weekday_spread_share', 'weekday_step_share', 'weekday_dispersion', 'weekday_floor_share', 'mix_input', 'mix_output',
    'mix_cached', 'weekend_share', 'onoff_share', 'label', 'confidence'];
  const runs: string[] = [];
  for (let i = 0; i < 3; i++) {
    ws = await openWorkspace(':memory:');
    await ingestFiles(ws, hourly.files);
    await classifyCalls(ws, undefined);
    const rows = await ws.all(`SELECT workload, ${columns.map((c) => `${c}::VARCHAR AS ${c}`).join(', ')} FROM label_workloads ORDER BY workload`);
    runs.push(JSON.stringify(rows));
    ws.close();
  }
  expect(runs[1]).toBe(runs[0]);
  expect(runs[2]).toBe(runs[0]);
}, 30_000);
