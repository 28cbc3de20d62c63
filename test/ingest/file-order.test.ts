// A call's call_key is its place in its file's table, and that place must be its place in the file: call_key orders
// calls that start in the same instant (src/classify/signals/sequence.ts: tieOrderSql), so two ingests of the same
// file must number its calls alike. Three ways of writing a file's table handed rows on in whatever order DuckDB's
// operators finished: the rewrite that marks repeated ids (a window), a JSONL scan of several files (each line joined
// to its file) and a format whose select joins records (Langfuse). Each is now written in file order: a CSV row's
// position, a JSON row's line and then its pointer (src/ingest/file-rows.ts: rebuild, inFileOrder).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';
import { ingestFiles, type IngestOptions } from '../../src/ingest/ingest.ts';
import { fixture } from '../helpers/cli.ts';

let ws: Workspace;
afterEach(() => ws?.close());

/** Two JSON pointers in their document's order: numbers as numbers (`/data/9` before `/data/10`). */
function comparePointers(a: string, b: string): number {
  const [x, y] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    if (p === q) continue;
    return /^\d+$/.test(p) && /^\d+$/.test(q) ? Number(p) - Number(q) : p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** The calls' (file, line, pointer) in call_key order, and whether that is file order (files in the order given). */
async function callsInKeyOrder(files: readonly string[], options: IngestOptions = {}): Promise<{ places: string[]; inFileOrder: boolean }> {
  ws = await openWorkspace(':memory:');
  await ingestFiles(ws, files, options);
  const rows = await ws.all<{ file: string; row: bigint | null; path: string | null }>(
    'SELECT source_file AS file, source_row AS row, source_path AS path FROM calls ORDER BY call_key',
  );
  const place = (r: { file: string; row: bigint | null; path: string | null }) => [files.indexOf(r.file), Number(r.row ?? -1n), r.path ?? ''] as const;
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [place(a), place(b)];
    return x[0] - y[0] || x[1] - y[1] || comparePointers(x[2], y[2]);
  });
  const key = (r: { file: string; row: bigint | null; path: string | null }) => place(r).join(':');
  return { places: rows.map(key), inFileOrder: rows.map(key).join(' ') === sorted.map(key).join(' ') };
}

test('a file with repeated ids keeps its calls in file order (Claude Code writes one response on several lines)', async () => {
  for (const file of ['claude-code/session.jsonl', 'claude-code/session-resumed.jsonl']) {
    const got = await callsInKeyOrder([fixture(file)]);
    expect(got.places.length).toBeGreaterThan(2);
    expect(got.inFileOrder, `${file}: ${got.places.join(' ')}`).toBe(true);
    ws.close();
  }
});

test('a CSV with repeated ids keeps its calls in file order, and two ingests number them alike', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'batchable-file-order-'));
  const file = join(dir, 'calls.csv');
  // 3,000 rows; from row 501 on, every tenth repeats the id of the row 501 rows before it (a duplicate, skipped).
  const lines = ['call_id,ts,model,input_tokens,output_tokens'];
  for (let i = 0; i < 3000; i++) lines.push(`${i % 10 === 9 && i >= 501 ? `req_${i - 501}` : `req_${i}`},2026-10-01T${String(Math.floor(i / 150)).padStart(2, '0')}:00:${String(i % 60).padStart(2, '0')}Z,gpt-5.4,100,10`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const first = await callsInKeyOrder([file]);
  ws.close();
  const second = await callsInKeyOrder([file]);
  expect(first.places.length).toBe(3000 - 250);
  expect(first.inFileOrder).toBe(true);
  expect(second.places).toEqual(first.places);
});

test('a JSONL scan of several files keeps their calls in file order, and two ingests number them alike', async () => {
  // Four files of 40,000 calls: more lines than one of DuckDB's row groups, so the join of lines to files runs on
  // several threads.
  const dir = mkdtempSync(join(tmpdir(), 'batchable-file-order-jsonl-'));
  const files = [0, 1, 2, 3].map((f) => {
    const file = join(dir, `part-${f}.jsonl`);
    const rows = Array.from({ length: 40_000 }, (_, i) => JSON.stringify({ call_id: `r${f}-${i}`, ts: `2026-10-0${f + 1}T00:00:00Z`, model: 'gpt-5.4', input_tokens: 100, output_tokens: 10 }));
    writeFileSync(file, `${rows.join('\n')}\n`);
    return file;
  });
  const first = await callsInKeyOrder(files);
  ws.close();
  const second = await callsInKeyOrder(files);
  expect(first.places.length).toBe(160_000);
  expect(first.inFileOrder).toBe(true);
  expect(second.places).toEqual(first.places);
  ws.close();
  // Written in parts of 150 kB (as a scan of large records is, writeInParts: 2,048 of these lines hold more): each part
  // is a range of the scan's lines, so the lines themselves must be in file order, not only each part's rows.
  const inParts = await callsInKeyOrder(files, { jsonPartBytes: 150_000 });
  expect(inParts.places).toEqual(first.places);
}, 60_000);

// At this size the join hands rows on in file order even unsorted; a 200,000-call Langfuse window did not (every call
// numbered differently by two ingests, README "What ingest promises"). This keeps the sort's columns right.
test("a format whose select joins records (Langfuse's observations and their traces) keeps its calls in file order", async () => {
  const got = await callsInKeyOrder([fixture('langfuse/pull-window.jsonl')]);
  expect(got.places.length).toBeGreaterThan(2);
  expect(got.inFileOrder, got.places.join(' ')).toBe(true);
});

test('a JSONL file of API pages and single records keeps its calls in file order (the select unions the two)', async () => {
  // LiteLLM spend logs, one record a line and pages of two (`{"data": [...]}`) in turn: the select takes the pages'
  // records and the single ones in two branches of a UNION, which hands on one branch's rows, then the other's.
  const records = JSON.parse(readFileSync(fixture('litellm/spend-logs.json'), 'utf8')) as Record<string, unknown>[];
  const record = (k: number) => ({ ...records[k % records.length], request_id: `req-${k}` });
  const lines: string[] = [];
  for (let k = 0; k < 12; k += 3) lines.push(JSON.stringify(record(k)), JSON.stringify({ data: [record(k + 1), record(k + 2)] }));
  const file = join(mkdtempSync(join(tmpdir(), 'batchable-file-order-pages-')), 'spend-logs.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const got = await callsInKeyOrder([file]);
  expect(got.places).toEqual(['1', '2/data/0', '2/data/1', '3', '4/data/0', '4/data/1', '5', '6/data/0', '6/data/1', '7', '8/data/0', '8/data/1'].map((p) => {
    const [row, ...path] = p.split('/');
    return `0:${row}:${path.length > 0 ? `/${path.join('/')}` : ''}`;
  }));
  expect(got.inFileOrder).toBe(true);
});

test('records of one line keep their order past the tenth (a pointer is ordered by its numbers, not as text)', async () => {
  // One line of a page of 12 records beside single records: the select unions the two (as above), so the rows are
  // sorted by line and pointer, and `/data/10` must come after `/data/9`, not after `/data/1`.
  const records = JSON.parse(readFileSync(fixture('litellm/spend-logs.json'), 'utf8')) as Record<string, unknown>[];
  const record = (k: number) => ({ ...records[k % records.length], request_id: `req-${k}` });
  const lines = [JSON.stringify(record(0)), JSON.stringify({ data: Array.from({ length: 12 }, (_, k) => record(k + 1)) }), JSON.stringify(record(13))];
  const file = join(mkdtempSync(join(tmpdir(), 'batchable-file-order-pointer-')), 'spend-logs.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const got = await callsInKeyOrder([file]);
  expect(got.places).toEqual(['0:1:', ...Array.from({ length: 12 }, (_, k) => `0:2:/data/${k}`), '0:3:']);
  expect(got.inFileOrder).toBe(true);
  const ids = await ws.all<{ id: string }>('SELECT call_id AS id FROM calls ORDER BY call_key');
  expect(ids.map((r) => r.id)).toEqual(Array.from({ length: 14 }, (_, k) => `req-${k}`));
  ws.close();
  // Two such files read in one scan (src/ingest/many.ts), sorted by file, line and pointer the same way.
  const second = join(dirname(file), 'spend-logs-2.jsonl');
  writeFileSync(second, `${lines.join('\n').replaceAll('"req-', '"req2-')}\n`);
  const scanned = await callsInKeyOrder([file, second], { ownTableMinCalls: 0 });
  expect(scanned.places).toEqual([...got.places, ...got.places.map((p) => p.replace(/^0:/, '1:'))]);
});
