// Issue 14 finding 2: overlapping usage-bucket exports are never counted twice. A bucket already held is a
// counted duplicate, unless the new copy is more complete (a partial hour fetched again): then it replaces it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/types.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { fixture } from '../helpers/cli.ts';
import { memoryWorkspace } from '../helpers/workspace.ts';

// OpenAI Usage API pages (GET /v1/organization/usage/completions, bucket_width=1h, group_by=model,project_id,api_key_id),
// shaped as in https://platform.openai.com/docs/api-reference/usage/completions.
const result = (requests: number, input: number, project = 'proj_a') => ({
  object: 'organization.usage.completions.result', input_tokens: input, output_tokens: 10 * requests, input_cached_tokens: 0,
  input_audio_tokens: 0, output_audio_tokens: 0, num_model_requests: requests, model: 'gpt-4o-mini-2024-07-18', project_id: project,
  user_id: null, api_key_id: 'key_1', batch: false,
});
const hour1 = 1759651200;
const hour2 = hour1 + 3600;
const bucket = (start: number, results: unknown[]) => ({ object: 'bucket', start_time: start, end_time: start + 3600, results });
const page = (...data: unknown[]) => JSON.stringify({ object: 'page', data, has_more: false, next_page: null });

function files(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'batchable-buckets-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  return {
    page1: write('page1.json', page(bucket(hour1, [result(12, 1200)]))),
    pages12: write('pages12.json', page(bucket(hour1, [result(12, 1200)]), bucket(hour2, [result(5, 500)]))),
    // Hour 1 fetched while it was still running: 7 of its 12 requests.
    partial: write('partial.json', page(bucket(hour1, [result(7, 700)]))),
    // Hour 1 again, another project: a different bucket.
    otherProject: write('other-project.json', page(bucket(hour1, [result(3, 300, 'proj_b')]))),
    twice: write('twice.json', `${page(bucket(hour1, [result(7, 700)]))}\n${page(bucket(hour1, [result(12, 1200)]))}\n`),
  };
}

async function held(ws: Workspace) {
  const [totals] = await ws.all<{ buckets: bigint; requests: bigint; input: bigint }>(
    'SELECT count(*) AS buckets, sum(requests) AS requests, sum(input_tokens) AS input FROM calls',
  );
  // Every file's rows stay accounted for: calls + rejects + duplicates + skipped = rows.
  const unbalanced = await ws.all('SELECT file FROM sources WHERE calls + rejects + duplicates + skipped <> rows');
  const [viewed] = await ws.all<{ n: bigint }>('SELECT (SELECT sum(calls) FROM sources) - (SELECT count(*) FROM calls) AS n');
  expect(unbalanced).toEqual([]);
  expect(viewed?.n).toBe(0n);
  return { buckets: Number(totals!.buckets), requests: Number(totals!.requests), input: Number(totals!.input) };
}

describe('overlapping bucket exports', () => {
  it('page 1, then pages 1 and 2: the shared bucket is a counted duplicate (12 requests, not 24)', async () => {
    const f = files();
    const ws = await memoryWorkspace();
    await ingestFiles(ws, [f.page1!]);
    const second = await ingestFiles(ws, [f.pages12!]);
    expect(second.files[0]).toMatchObject({ calls: 1, duplicates: 1, replaced: 0 });
    expect(await held(ws)).toEqual({ buckets: 2, requests: 17, input: 1700 });
    ws.close();
  });

  it('pages 1 and 2, then page 1: the same', async () => {
    const f = files();
    const ws = await memoryWorkspace();
    await ingestFiles(ws, [f.pages12!]);
    const second = await ingestFiles(ws, [f.page1!]);
    expect(second.files[0]).toMatchObject({ calls: 0, duplicates: 1, replaced: 0 });
    expect(await held(ws)).toEqual({ buckets: 2, requests: 17, input: 1700 });
    ws.close();
  });

  it('a partial bucket fetched again complete replaces the older copy; the partial one fetched after is a duplicate', async () => {
    for (const ownTableMinCalls of [undefined, 1]) {
      // Both storage paths: small files moved into call_rows, and files keeping a table of their own.
      const f = files();
      const ws = await memoryWorkspace();
      await ingestFiles(ws, [f.partial!], { ownTableMinCalls });
      const complete = await ingestFiles(ws, [f.pages12!], { ownTableMinCalls });
      expect(complete.files[0]).toMatchObject({ calls: 2, duplicates: 0, replaced: 1 });
      expect(await held(ws)).toEqual({ buckets: 2, requests: 17, input: 1700 });
      const [partial] = await ws.all<{ calls: bigint; duplicates: bigint }>('SELECT calls, duplicates FROM sources WHERE file = $1', [f.partial!]);
      expect(partial).toEqual({ calls: 0n, duplicates: 1n });
      ws.close();

      const reverse = await memoryWorkspace();
      await ingestFiles(reverse, [f.pages12!], { ownTableMinCalls });
      const late = await ingestFiles(reverse, [f.partial!], { ownTableMinCalls });
      expect(late.files[0]).toMatchObject({ calls: 0, duplicates: 1, replaced: 0 });
      expect(await held(reverse)).toEqual({ buckets: 2, requests: 17, input: 1700 });
      reverse.close();
    }
  });

  it('rows of one file with the same identity travel together (a grouping batchable does not map); another project is another bucket', async () => {
    const f = files();
    const ws = await memoryWorkspace();
    // Two results for hour 1 that differ only in a field batchable does not keep: one copy of 19 requests.
    const r = await ingestFiles(ws, [f.twice!, f.otherProject!]);
    expect(r.files.map((o) => [o.calls, o.duplicates])).toEqual([[2, 0], [1, 0]]);
    // Page 1 (12 requests) is less complete than that copy: a duplicate; pages 1+2 bring hour 2 only.
    const more = await ingestFiles(ws, [f.page1!, f.pages12!]);
    expect(more.files.map((o) => [o.calls, o.duplicates, o.replaced])).toEqual([[0, 1, 0], [1, 1, 0]]);
    expect(await held(ws)).toEqual({ buckets: 4, requests: 27, input: 2700 });
    ws.close();
  });

  it('a file read alone, some of its rows copies of held buckets: its calls and rejects keep their lines', async () => {
    // OpenAI's usage CSV: a row's line is its position in the file's table (no `_line` stored), so the copies are
    // marked where they stand.
    const dir = mkdtempSync(join(tmpdir(), 'batchable-buckets-lines-'));
    const header = 'start_time,end_time,start_time_iso,end_time_iso,project_id,api_key_id,model,batch,input_tokens,output_tokens,input_cached_tokens,num_model_requests';
    const row = (h: number, requests: number, input: number | string = 1000) => {
      const start = hour1 + h * 3600;
      const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', '+00:00');
      return `${start},${start + 3600},${iso(start)},${iso(start + 3600)},proj_a,key_1,gpt-5.4-2026-03-05,False,${input},100,0,${requests}`;
    };
    const write = (name: string, lines: readonly string[]) => (writeFileSync(join(dir, name), `${lines.join('\n')}\n`), join(dir, name));
    const first = write('first.csv', [header, row(1, 5), row(2, 5), row(3, 5)]);
    // Hour 0 new (line 2), hour 1 a tie (a duplicate), hour 2 more complete (replaces the held copy), hour 3 less
    // complete (a duplicate), a reject, then hour 4 new (line 7).
    const later = write('later.csv', [header, row(0, 5), row(1, 5), row(2, 6), row(3, 4), row(4, 5, 'lots'), row(4, 5)]);
    for (const ownTableMinCalls of [undefined, 1]) {
      const ws = await memoryWorkspace();
      await ingestFiles(ws, [first], { ownTableMinCalls });
      const r = await ingestFiles(ws, [later], { ownTableMinCalls });
      expect(r.files[0]).toMatchObject({ calls: 3, duplicates: 2, rejects: 1, replaced: 1 });
      expect(await held(ws)).toEqual({ buckets: 5, requests: 26, input: 5000 });
      const rows = await ws.all<{ line: bigint; requests: bigint; start: bigint }>(
        'SELECT source_row AS line, requests, epoch(ts)::BIGINT AS start FROM calls WHERE source_file = $1 ORDER BY source_row', [later]);
      expect(rows).toEqual([
        { line: 2n, requests: 5n, start: BigInt(hour1) },
        { line: 4n, requests: 6n, start: BigInt(hour1 + 2 * 3600) },
        { line: 7n, requests: 5n, start: BigInt(hour1 + 4 * 3600) },
      ]);
      expect(await ws.all('SELECT line FROM rejects WHERE file = $1', [later])).toEqual([{ line: 6n }]);
      ws.close();
    }
  });

  describe('buckets of different widths over the same time (an hourly and a daily export)', () => {
    // Real Console exports (fixtures/SOURCES.md): two hours of 2026-03-31 exported at 12:19, then the month by day
    // at 12:24 and again at 12:31, of one key, model and workspace. Each day row holds those hours and more.
    const hours = fixture('anthropic/real-console-usage-hourly-2026-03-31.csv');
    const day = fixture('anthropic/real-console-usage-daily-2026-03.csv');
    const dayLater = fixture('anthropic/real-console-usage-daily-2026-03-later.csv');
    const consoleTotals = async (ws: Workspace) => {
      const [t] = await ws.all<{ rows: bigint; input: bigint; output: bigint }>(
        'SELECT count(*) AS rows, sum(input_tokens) AS input, sum(output_tokens) AS output FROM calls');
      const unbalanced = await ws.all('SELECT file FROM sources WHERE calls + rejects + duplicates + skipped <> rows');
      expect(unbalanced).toEqual([]);
      return { rows: Number(t!.rows), input: Number(t!.input), output: Number(t!.output) };
    };

    it('the day holds more than the two hours: the day is kept and the hours are duplicates, in either order, alone or together', async () => {
      for (const ownTableMinCalls of [undefined, 1]) {
        const ws = await memoryWorkspace();
        await ingestFiles(ws, [hours], { ownTableMinCalls });
        const r = await ingestFiles(ws, [day], { ownTableMinCalls });
        expect(r.files[0]).toMatchObject({ calls: 1, duplicates: 0, replaced: 2 });
        expect(await consoleTotals(ws)).toEqual({ rows: 1, input: 1809463, output: 414908 });
        const [h] = await ws.all<{ calls: bigint; duplicates: bigint }>('SELECT calls, duplicates FROM sources WHERE file = $1', [hours]);
        expect(h).toEqual({ calls: 0n, duplicates: 2n });
        ws.close();

        const reverse = await memoryWorkspace();
        await ingestFiles(reverse, [day], { ownTableMinCalls });
        const late = await ingestFiles(reverse, [hours], { ownTableMinCalls });
        expect(late.files[0]).toMatchObject({ calls: 0, duplicates: 2, replaced: 0 });
        expect(await consoleTotals(reverse)).toEqual({ rows: 1, input: 1809463, output: 414908 });
        reverse.close();
      }
      for (const files of [[hours, day, dayLater], [dayLater, hours, day]]) {
        const ws = await memoryWorkspace();
        const r = await ingestFiles(ws, files);
        expect(r.files.reduce((n, f) => n + f.calls, 0)).toBe(1);
        expect(await consoleTotals(ws)).toEqual({ rows: 1, input: 1947945, output: 452067 });
        ws.close();
      }
    });

    // OpenAI usage pages at two widths: hours 1 and 2 (12 and 5 requests), and the day that holds them.
    const dayStart = hour1 - (hour1 % 86400);
    const dayBucket = (requests: number, input: number) => ({ object: 'bucket', start_time: dayStart, end_time: dayStart + 86400, results: [result(requests, input)] });
    const widths = () => {
      const dir = mkdtempSync(join(tmpdir(), 'batchable-buckets-widths-'));
      const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
      return {
        hours: write('hours.json', page(bucket(hour1, [result(12, 1200)]), bucket(hour2, [result(5, 500)]))),
        sameDay: write('same-day.json', page(dayBucket(17, 1700))),
        fullerDay: write('fuller-day.json', page(dayBucket(20, 2000))),
        otherProjectDay: write('other-project-day.json', page({ ...dayBucket(17, 1700), results: [result(17, 1700, 'proj_b')] })),
      };
    };

    it('the same usage by hour and by day: the hours are kept (they show when the work ran); a fuller day wins', async () => {
      const f = widths();
      for (const ownTableMinCalls of [undefined, 1]) {
        const ws = await memoryWorkspace();
        await ingestFiles(ws, [f.sameDay!], { ownTableMinCalls });
        const r = await ingestFiles(ws, [f.hours!], { ownTableMinCalls });
        expect(r.files[0]).toMatchObject({ calls: 2, duplicates: 0, replaced: 1 });
        expect(await held(ws)).toEqual({ buckets: 2, requests: 17, input: 1700 });
        ws.close();
      }
      const together = await memoryWorkspace();
      const r = await ingestFiles(together, [f.hours!, f.sameDay!]);
      expect(r.files.map((o) => [o.calls, o.duplicates])).toEqual([[2, 0], [0, 1]]);
      expect(await held(together)).toEqual({ buckets: 2, requests: 17, input: 1700 });
      together.close();

      const fuller = await memoryWorkspace();
      await ingestFiles(fuller, [f.hours!]);
      const day = await ingestFiles(fuller, [f.fullerDay!]);
      expect(day.files[0]).toMatchObject({ calls: 1, duplicates: 0, replaced: 2 });
      expect(await held(fuller)).toEqual({ buckets: 1, requests: 20, input: 2000 });
      fuller.close();
    });

    it("another project's day is another series: nothing is settled", async () => {
      const f = widths();
      const ws = await memoryWorkspace();
      const r = await ingestFiles(ws, [f.hours!, f.otherProjectDay!]);
      expect(r.files.map((o) => [o.calls, o.duplicates])).toEqual([[2, 0], [1, 0]]);
      expect(await held(ws)).toEqual({ buckets: 3, requests: 34, input: 3400 });
      ws.close();
    });
  });
});
