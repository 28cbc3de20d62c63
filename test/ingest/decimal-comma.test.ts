// A CSV delimited by `;` (or a tab) is a spreadsheet's in a locale whose decimal mark is the comma: its times and
// costs are written `350,5` and `0,0031`. They were rejects ("not a number in ttft_ms"), the whole call lost.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('batchable-decimal-comma-');
const rows = (d: string, day = '03') =>
  [
    ['ts', 'model', 'input_tokens', 'output_tokens', 'ttft_ms', 'reported_cost'],
    [`2026-08-${day}T09:00:00Z`, 'gpt-4o-mini', '100', '10', '350,5', '0,0031'],
    [`2026-08-${day}T09:01:00Z`, 'gpt-4o-mini', '100', '10', '1.200,25', '12'],
    [`2026-08-${day}T09:02:00Z`, 'gpt-4o-mini', '100', '10', 'abc', '0,0031'],
  ].map((r) => r.join(d)).join('\n') + '\n';

it('reads decimal commas in a ;- or tab-delimited CSV, alone and in files read in one scan; other text is still a reject', async () => {
  const dir = tempDir();
  const scan = join(dir, 'daily');
  mkdirSync(scan);
  const single = join(dir, 'semicolon.csv');
  writeFileSync(single, rows(';'));
  writeFileSync(join(dir, 'tab.tsv'), rows('\t'));
  for (const day of ['04', '05']) writeFileSync(join(scan, `${day}.csv`), rows(';', day));
  for (const [input, calls] of [[single, 2], [join(dir, 'tab.tsv'), 2], [scan, 4]] as const) {
    const db = join(dir, `${calls}-${input.length}.duckdb`);
    const r = await runCli(['ingest', input, '--db', db]);
    expect(r.stdout).toContain(`${calls} calls ingested, ${calls / 2} row${calls > 2 ? 's' : ''} rejected`);
    expect(r.stdout).toContain(':4: not a number in ttft_ms: "abc"');
    const ws = await openWorkspace(db);
    const read = await ws.all<{ ttft_ms: number; cost: string }>('SELECT DISTINCT ttft_ms, reported_cost::VARCHAR AS cost FROM calls ORDER BY ttft_ms');
    expect(read).toEqual([{ ttft_ms: 350.5, cost: '0.003100000' }, { ttft_ms: 1200.25, cost: '12.000000000' }]);
    await ws.close();
  }
});

it('keeps a comma-delimited CSV as it is: a quoted "350,5" there is not a number', async () => {
  const file = join(tempDir(), 'comma.csv');
  writeFileSync(file, 'ts,model,input_tokens,output_tokens,ttft_ms\n2026-08-03T09:00:00Z,gpt-4o-mini,100,10,"350,5"\n');
  const r = await runCli(['ingest', file, '--db', ':memory:']);
  expect(r.stdout).toContain('0 calls ingested, 1 row rejected');
  expect(r.stdout).toContain('not a number in ttft_ms: "350,5"');
});
