// A time before 2020 is a reject with its line: 0 and 1970-01-01 stand in for a missing time in real exports, and
// kept they stretched the period to 56 years and divided every 30-day figure by 700.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('batchable-times-');

describe('times no LLM API call can have', () => {
  it('rejects a ts before 2020 (0, 1970-01-01) or after 2099 (9999-12-31) with its line; the years between are calls', async () => {
    const file = join(tempDir(), 'times.csv');
    const rows = [
      'ok-1,2026-10-01T10:00:00Z', 'zero,0', 'epoch,1970-01-01T00:00:00Z', 'late-2019,2019-12-31T23:59:59Z', 'first,2020-01-01T00:00:00Z', 'ok-2,2026-10-31T10:00:00Z', 'max,9999-12-31T23:59:59Z', 'last,2099-12-31T23:59:59Z',
    ].map((r) => `${r},gpt-5.4-mini,1000,100`);
    writeFileSync(file, `call_id,ts,model,input_tokens,output_tokens\n${rows.join('\n')}\n`);
    const db = join(tempDir(), 'w.duckdb');
    const r = await runCli(['ingest', file, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 calls ingested, 4 rows rejected');
    const ws = await openWorkspace(db);
    const listed = (await ws.all<{ line: bigint; reason: string }>('SELECT line, reason FROM rejects ORDER BY line')).map((x) => [Number(x.line), x.reason]);
    expect(await ws.all("SELECT call_id FROM calls ORDER BY ts")).toEqual([{ call_id: 'first' }, { call_id: 'ok-1' }, { call_id: 'ok-2' }, { call_id: 'last' }]);
    ws.close();
    expect(listed).toEqual([
      [3, 'ts 1970-01-01 00:00:00 UTC is before 2020: no LLM API call is that old (0 or 1970-01-01 stands in for a missing time)'],
      [4, 'ts 1970-01-01 00:00:00 UTC is before 2020: no LLM API call is that old (0 or 1970-01-01 stands in for a missing time)'],
      [5, 'ts 2019-12-31 23:59:59 UTC is before 2020: no LLM API call is that old (0 or 1970-01-01 stands in for a missing time)'],
      [8, "ts 9999-12-31 23:59:59 UTC is after 2099: a placeholder (9999-12-31 stands in for a missing time), not a call's time"],
    ]);
  });
});
