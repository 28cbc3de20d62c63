// The memory budget and spill directory: a share of the machine by default, a floor for small machines,
// BATCHABLE_MEMORY_LIMIT and BATCHABLE_TEMP_DIR when set, and DuckDB really runs with what was chosen.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lineCapBytes, memoryLimit, memoryLimitBytes } from '../../src/db/memory.ts';
import { defaultMemoryLimitBytes } from '../../src/db/sizes.ts';
import { openWorkspace } from '../../src/db/workspace.ts';
import { runCli } from '../helpers/cli.ts';

const GiB = 1024 ** 3;
const saved = { limit: process.env.BATCHABLE_MEMORY_LIMIT, temp: process.env.BATCHABLE_TEMP_DIR };
afterEach(() => {
  for (const [key, value] of [['BATCHABLE_MEMORY_LIMIT', saved.limit], ['BATCHABLE_TEMP_DIR', saved.temp]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('memory limit', () => {
  it('defaults to 40% of the machine, at least 1 GiB or half the machine when that is smaller', () => {
    expect(defaultMemoryLimitBytes(24 * GiB)).toBe(Math.floor(24 * GiB * 0.4));
    expect(defaultMemoryLimitBytes(2 * GiB)).toBe(GiB);
    expect(defaultMemoryLimitBytes(1.5 * GiB)).toBe(0.75 * GiB);
    expect(memoryLimit({}, 24 * GiB)).toBe(`${Math.floor((24 * 1024 * 0.4))}MiB`);
  });

  it('BATCHABLE_MEMORY_LIMIT wins, and a malformed one is a clear error', () => {
    expect(memoryLimit({ BATCHABLE_MEMORY_LIMIT: '3GB' }, 24 * GiB)).toBe('3GB');
    expect(() => memoryLimit({ BATCHABLE_MEMORY_LIMIT: 'lots' }, 24 * GiB)).toThrow(/BATCHABLE_MEMORY_LIMIT=lots: expected a size such as 1GB/);
  });

  it('the longest CSV line DuckDB may read follows the budget: 32 MB from 4 GiB up, 1/128 of it below, 2 MB at least', () => {
    expect(memoryLimitBytes({ BATCHABLE_MEMORY_LIMIT: '1GB' })).toBe(1e9);
    expect(memoryLimitBytes({ BATCHABLE_MEMORY_LIMIT: '1GiB' })).toBe(GiB);
    expect(memoryLimitBytes({}, 24 * GiB)).toBe(Math.floor(24 * 1024 * 0.4) * 1024 ** 2);
    expect(lineCapBytes(8e9)).toBe(32 << 20);
    expect(lineCapBytes(GiB)).toBe(8 << 20);
    expect(lineCapBytes(100e6)).toBe(2 << 20);
  });

  it('under a 1 GB budget a longer line is refused with the lower limit (a 32 MB limit would need 512 MiB blocks)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'batchable-memtest-'));
    try {
      const file = join(root, 'long.csv');
      const row = (id: string, note = '') => `${id},2026-10-05T09:00:00Z,gpt-5.4,10,1,"${note}"\n`;
      writeFileSync(file, `call_id,ts,model,input_tokens,output_tokens,note\n${row('a')}${row('long', 'x'.repeat(9_000_000))}${row('b')}`);
      process.env.BATCHABLE_MEMORY_LIMIT = '1GB';
      const r = await runCli(['ingest', file, '--db', ':memory:']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}:3: a line of 9,000,041 bytes, over the 7,812,500-byte limit for one line (batchable raises DuckDB's limit to the file's size, up to 7 MB under this memory limit)`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('DuckDB runs with the chosen limit and spills under BATCHABLE_TEMP_DIR, removed on close', async () => {
    const root = mkdtempSync(join(tmpdir(), 'batchable-memtest-'));
    try {
      process.env.BATCHABLE_MEMORY_LIMIT = '700MB';
      process.env.BATCHABLE_TEMP_DIR = join(root, 'spill-here');
      const ws = await openWorkspace(':memory:');
      const [row] = await ws.all<{ limit: string; temp: string }>(
        "SELECT current_setting('memory_limit') AS limit, current_setting('temp_directory') AS temp",
      );
      expect(row?.limit).toMatch(/^66\d(\.\d+)? MiB$/); // DuckDB shows 700 MB as MiB
      expect(row?.temp.startsWith(join(root, 'spill-here', 'batchable-spill-'))).toBe(true);
      ws.close();
      expect(readdirSync(join(root, 'spill-here'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(existsSync(root)).toBe(false);
  });
});
