// batchable-jsonl reads only the fields whose top-level key some record has (AdapterContext.recordKeys, found over
// every record, not the sniffed sample): a key first seen in the file's last record, or under a --map path, is still
// read, and a key no record has leaves its column out of the file's table (the `calls` view pads it with NULL).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedColumns } from '../../src/db/calls-view.ts';
import { openWorkspace } from '../../src/db/workspace.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';

const dir = mkdtempSync(join(tmpdir(), 'batchable-record-keys-'));

function jsonl(name: string, records: readonly Record<string, unknown>[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return file;
}

const record = (i: number, extra: Record<string, unknown> = {}) => ({
  call_id: `r${i}`, ts: `2026-10-01T00:${String(i % 60).padStart(2, '0')}:00Z`, model: 'gpt-5.4', input_tokens: 100 + i, output_tokens: i, feature: 'digest', ...extra,
});

describe('batchable-jsonl fields by the keys the records have', () => {
  it('a key first seen in the last of 300 records, and a --map path first seen in record 250, are read', async () => {
    const records = Array.from({ length: 300 }, (_, i) =>
      record(i, { ...(i === 299 ? { reasoning_tokens: 7 } : {}), ...(i === 250 ? { usage: { cached: 40 } } : {}) }));
    const file = jsonl('late-keys.jsonl', records);
    for (const ownTableMinCalls of [0, Number.MAX_SAFE_INTEGER]) {
      const ws = await openWorkspace(':memory:');
      await ingestFiles(ws, [file], { map: new Map([['usage.cached', 'cache_read_tokens']]), ownTableMinCalls });
      const rows = await ws.all<{ call_id: string; reasoning_tokens: bigint | null; cache_read_tokens: bigint | null; audio_output_tokens: bigint | null; tags: string }>(
        "SELECT call_id, reasoning_tokens, cache_read_tokens, audio_output_tokens, tags::VARCHAR AS tags FROM calls WHERE call_id IN ('r0', 'r250', 'r299') ORDER BY call_id",
      );
      expect(rows).toEqual([
        { call_id: 'r0', reasoning_tokens: null, cache_read_tokens: null, audio_output_tokens: null, tags: '{"feature":"digest"}' },
        { call_id: 'r250', reasoning_tokens: null, cache_read_tokens: 40n, audio_output_tokens: null, tags: '{"feature":"digest","usage":{"cached":40}}' },
        { call_id: 'r299', reasoning_tokens: 7n, cache_read_tokens: null, audio_output_tokens: null, tags: '{"feature":"digest"}' },
      ]);
      if (ownTableMinCalls === 0) {
        const [table] = await ws.all<{ table_name: string }>('SELECT table_name FROM sources');
        const stored = await storedColumns(ws, table!.table_name);
        expect(stored.has('reasoning_tokens') && stored.has('cache_read_tokens')).toBe(true);
        expect(stored.has('audio_output_tokens') || stored.has('ttft_ms')).toBe(false);
      }
      ws.close();
    }
  });

  it('rows that lack a required key, or whose file no record has it in, are rejected with the reasons they always had', async () => {
    const reasons = async (records: readonly unknown[], inputFormat?: string) => {
      const file = jsonl(`r${records.length}.jsonl`, records as Record<string, unknown>[]);
      const ws = await openWorkspace(':memory:');
      await ingestFiles(ws, [file], { inputFormat });
      const rows = await ws.all<{ line: bigint; reason: string }>('SELECT line, reason FROM rejects ORDER BY line');
      ws.close();
      return rows.map((r) => [Number(r.line), r.reason]);
    };
    const { output_tokens: _, ...noOutput } = record(1);
    expect(await reasons([record(1), { call_id: 'x', ts: '2026-10-01T00:00:00Z', input_tokens: 1 }, [1, 2], record(2)])).toEqual([
      [2, 'missing model; missing output_tokens'],
      [3, 'missing ts; missing model; missing input_tokens; missing output_tokens'],
    ]);
    // No record has output_tokens: its column is not read at all, and every row still says it is missing.
    expect(await reasons([noOutput, { ...noOutput, call_id: 'r2', ts: 'bad' }], 'batchable-jsonl')).toEqual([
      [1, 'missing output_tokens'],
      [2, 'unparsable time in ts: "bad"; missing output_tokens'],
    ]);
  });
});
