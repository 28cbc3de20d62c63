// The ingest engine's promises: nothing lost (a call or a counted reject), nothing doubled, bad files are
// one clear exit-2 line. Exercised through the CLI as a user meets them, plus the rows they leave behind.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';
import { assertKeepsFileOrder } from '../../src/ingest/ingest.ts';
import { ingested, memoryWorkspace } from '../helpers/workspace.ts';

const noStack = /\n\s+at /;
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'batchable-')), 'usage.duckdb');

describe('batchable-csv and batchable-jsonl', () => {
  it('keeps NULL distinct from 0, defaults requests to 1, infers the provider and folds extra columns into tags', async () => {
    const { ws, summary } = await ingested([fixture('batchable/mixed-workloads.csv')]);
    expect(summary).toMatchObject({ calls: 10, rejects: 0, duplicates: 0 });
    const rows = await ws.all<Record<string, unknown>>(
      `SELECT call_id, provider, requests, input_tokens, cache_read_tokens, output_tokens, streamed, ttft_ms, lane, lane_source,
              granularity, source_row, tags->>'feature' AS feature
       FROM calls WHERE call_id IN ('req_0001', 'req_0004', 'req_0008') ORDER BY call_id`,
    );
    expect(rows).toEqual([
      { call_id: 'req_0001', provider: 'openai', requests: 1n, input_tokens: 1840n, cache_read_tokens: 1024n, output_tokens: 312n, streamed: true,
        ttft_ms: 410, lane: 'standard', lane_source: 'inferred', granularity: 'call', source_row: 2n, feature: 'chat' },
      { call_id: 'req_0004', provider: 'openai', requests: 1n, input_tokens: 5200n, cache_read_tokens: null, output_tokens: 900n, streamed: false,
        ttft_ms: null, lane: 'standard', lane_source: 'inferred', granularity: 'call', source_row: 5n, feature: 'nightly-digest' },
      { call_id: 'req_0008', provider: 'openai', requests: 1n, input_tokens: 81200n, cache_read_tokens: null, output_tokens: 0n, streamed: false,
        ttft_ms: null, lane: 'standard', lane_source: 'inferred', granularity: 'call', source_row: 9n, feature: 'backfill-embeddings' },
    ]);
    ws.close();
  });

  it('reads JSONL with nested tags and 5m / 1h cache writes, and gzip through the same detection', async () => {
    const { ws, summary } = await ingested([fixture('batchable/agent-trace.jsonl'), fixture('batchable/agent-trace-copy.jsonl.gz')]);
    // The .gz copy holds the same request ids: they are counted as duplicates, never doubled.
    expect(summary.files.map((f) => [f.format, f.calls, f.duplicates])).toEqual([
      ['batchable-jsonl', 3, 0],
      ['batchable-jsonl', 0, 3],
    ]);
    const [first] = await ws.all<Record<string, unknown>>(
      `SELECT provider, cache_write_5m_tokens, cache_write_1h_tokens, cache_write_unknown_tokens, trace_id, tags->>'feature' AS feature
       FROM calls WHERE call_id = 'c1'`,
    );
    expect(first).toEqual({ provider: 'anthropic', cache_write_5m_tokens: 0n, cache_write_1h_tokens: 2048n, cache_write_unknown_tokens: null,
      trace_id: 't1', feature: 'support-agent' });
    const [third] = await ws.all<{ env: string }>(`SELECT tags->>'env' AS env FROM calls WHERE call_id = 'c3'`);
    expect(third?.env).toBe('prod');
    ws.close();
  });

  it('reads a JSON array of the same records (jq -s, json.dump of a list): a reject named by its JSON pointer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-array-'));
    const file = join(dir, 'calls.json');
    const rec = (id: string, ts: string) => ({ call_id: id, ts, model: 'gpt-5.4', input_tokens: 10, output_tokens: 1, feature: 'nightly', user_id: 'u1' });
    writeFileSync(file, `\ufeff${JSON.stringify([rec('a', '2026-10-01T00:00:00Z'), rec('b', 'bad'), rec('c', '2026-10-02T00:00:00Z')], null, 2)}`);
    const { ws, summary } = await ingested([file]);
    expect(summary.files.map((f) => [f.format, f.calls, f.rejects])).toEqual([['batchable-jsonl', 2, 1]]);
    expect(await ws.all("SELECT call_id, source_path, user_id, tags->>'feature' AS feature FROM calls ORDER BY call_id")).toEqual([
      { call_id: 'a', source_path: '/0', user_id: 'u1', feature: 'nightly' },
      { call_id: 'c', source_path: '/2', user_id: 'u1', feature: 'nightly' },
    ]);
    expect(await ws.all('SELECT path, reason FROM rejects')).toEqual([{ path: '/1', reason: 'unparsable time in ts: "bad"' }]);
    ws.close();
  });

  it('--map renames a team’s own columns so their log reads as batchable-csv', async () => {
    const plain = await runCli(['ingest', fixture('batchable/own-log-needs-map.csv'), '--db', ':memory:']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('unrecognised CSV usage format');
    expect(plain.stderr).toContain('--map');
    const mapped = await runCli(['ingest', fixture('batchable/own-log-needs-map.csv'), '--db', ':memory:',
      '--map', 'when=ts,engine=model,prompt=input_tokens,completion=output_tokens']);
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain('2 calls ingested, 0 rows rejected');
  });

  it('--map refuses a target that is not a canonical column', async () => {
    const r = await runCli(['ingest', fixture('batchable/own-log-needs-map.csv'), '--db', ':memory:', '--map', 'when=time']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --map when=time: "time" is not a canonical column/);
  });
});

describe('nothing lost, nothing doubled', () => {
  it('ingesting the same file twice adds nothing, and says so', async () => {
    const db = tempDb();
    const first = await runCli(['ingest', fixture('batchable/mixed-workloads.csv'), '--db', db]);
    expect(first.stdout).toContain('10 calls ingested, 0 rows rejected');
    const second = await runCli(['ingest', fixture('batchable/mixed-workloads.csv'), '--db', db]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already ingested (same content, batchable-csv); nothing added');
    expect(second.stdout).toContain('0 calls ingested, 0 rows rejected, 1 file already ingested');
  });

  it('a CSV with a ragged row rejects that row with file:line and keeps the others', async () => {
    const { ws, summary } = await ingested([fixture('batchable/../bad/ragged-row.csv')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 1 });
    expect(await ws.all('SELECT line, reason, raw FROM rejects')).toEqual([
      { line: 3n, reason: 'MISSING COLUMNS: Expected Number of Columns: 4 Found: 3', raw: '2026-10-05T09:01:00Z,gpt-5.4,120' },
    ]);
    expect(await ws.all('SELECT source_row FROM calls ORDER BY source_row')).toEqual([{ source_row: 2n }, { source_row: 4n }]);
    ws.close();
  });

  it("a reject's raw text is its row's first 2,000 characters, in every format", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-'));
    const long = 'x'.repeat(5000);
    const csv = join(dir, 'long.csv');
    // Line 3: a bad time (the line is re-read from the file); line 4: ragged (DuckDB's reader sets it aside).
    writeFileSync(csv, `ts,model,input_tokens,output_tokens,note\n2026-10-05T09:00:00Z,gpt-5.4,100,10,ok\nnot-a-time,gpt-5.4,100,10,${long}\n${long},gpt-5.4\n`);
    const jsonl = join(dir, 'long.jsonl');
    const record = { ts: '2026-10-05T09:00:00Z', model: 'gpt-5.4', input_tokens: 100, output_tokens: 10 };
    writeFileSync(jsonl, [JSON.stringify(record), JSON.stringify({ ...record, ts: 'not-a-time', note: long }), `{"ts": "${long}`].join('\n') + '\n');
    const { ws, summary } = await ingested([csv, jsonl]);
    expect(summary).toMatchObject({ calls: 2, rejects: 4 });
    const rows = await ws.all<{ file: string; line: bigint; n: bigint; head: string }>(
      'SELECT file, line, length(raw) AS n, left(raw, 12) AS head FROM rejects ORDER BY file, line',
    );
    expect(rows).toEqual([
      { file: csv, line: 3n, n: 2000n, head: 'not-a-time,g' },
      { file: csv, line: 4n, n: 2000n, head: 'xxxxxxxxxxxx' },
      { file: jsonl, line: 2n, n: 2000n, head: '{"ts":"not-a' },
      { file: jsonl, line: 3n, n: 2000n, head: '{"ts": "xxxx' },
    ]);
    ws.close();
  });

  it('malformed JSON lines, bad numbers, negative tokens, unparsable times and missing columns are rejects with reasons', async () => {
    const r = await runCli(['ingest', fixture('bad/malformed-lines.jsonl'), '--db', ':memory:']);
    expect(r.code).toBe(0);
    const file = fixture('bad/malformed-lines.jsonl');
    expect(r.stdout).toContain('1 call ingested, 4 rows rejected');
    expect(r.stdout).toContain(`rejected ${file}:2: malformed JSON`);
    expect(r.stdout).toContain(`rejected ${file}:3: not a whole number in input_tokens: "lots"`);
    expect(r.stdout).toContain(`rejected ${file}:4: unparsable time in ts: "yesterday"; negative output_tokens (-3)`);
    expect(r.stdout).toContain(`rejected ${file}:5: missing model`);
  });

  it('--strict turns any reject into exit 2 and ingests nothing from that file', async () => {
    const db = tempDb();
    const r = await runCli(['ingest', fixture('bad/ragged-row.csv'), '--db', db, '--strict']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: 1 row\(s\) rejected and --strict is set; nothing from .*ragged-row.csv was ingested\. First: .*ragged-row.csv:3: MISSING COLUMNS/);
    const after = await runCli(['audit', '--db', db]);
    expect(after.stdout).not.toContain('gpt-5.4');
  });

  it('a required column absent from the header rejects every row, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-'));
    const file = join(dir, 'no-output.csv');
    writeFileSync(file, 'ts,model,input_tokens\n2026-10-05T09:00:00Z,gpt-5.4,100\n');
    const r = await runCli(['ingest', file, '--db', ':memory:', '--input-format', 'batchable-csv']);
    expect(r.stdout).toContain(`rejected ${file}:2: missing output_tokens`);
    expect(r.stdout).toContain('0 calls ingested, 1 row rejected');
  });
});

describe('bad files are exit 2 with one line that names the file', () => {
  const cases: [string, string, RegExp][] = [
    ['not UTF-8', 'bad/latin1.csv', /latin1\.csv:2: not UTF-8 text \(invalid byte 0xe9 at byte \d+\); convert it with `iconv -t UTF-8`/],
    ['empty', 'bad/empty.csv', /empty\.csv: the file is empty: nothing to ingest/],
    ['truncated JSON', 'bad/truncated.json', /truncated\.json: not valid JSON .*is the file truncated\?/],
    ['unrecognised', 'bad/not-usage.csv', /not-usage\.csv: unrecognised CSV usage format \(header: id, date, amount\); checked against .*batchable-csv/],
  ];
  it.each(cases)('%s', async (_name, path, message) => {
    const r = await runCli(['ingest', fixture(path), '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(noStack);
  });

  it('a missing file and an unmatched glob', async () => {
    const missing = await runCli(['ingest', 'fixtures/nope.csv', '--db', ':memory:']);
    expect(missing).toMatchObject({ code: 2, stderr: 'error: fixtures/nope.csv: no such file or directory\n' });
    const glob = await runCli(['ingest', 'fixtures/**/*.nothing', '--db', ':memory:']);
    expect(glob).toMatchObject({ code: 2, stderr: 'error: no file matches fixtures/**/*.nothing\n' });
  });

  it('an unknown --input-format lists the formats', async () => {
    const r = await runCli(['ingest', fixture('batchable/mixed-workloads.csv'), '--db', ':memory:', '--input-format', 'excel']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --input-format excel: unknown format; one of: .*batchable-csv, batchable-jsonl/);
  });
});

describe('inputs', () => {
  it('expands directories and globs', async () => {
    const dir = await runCli(['ingest', fixture('batchable'), '--db', ':memory:']);
    // The directory holds own-log-needs-map.csv, which needs --map: found by expansion, it is skipped with a warning.
    expect(dir.code).toBe(0);
    expect(dir.stderr).toMatch(/^warning: skipped .*own-log-needs-map\.csv: unrecognised CSV usage format .*--map/);
    expect(dir.stdout).toContain('1 file skipped (not usage)');
    const glob = await runCli(['ingest', `${fixture('batchable')}/agent-trace*`, '--db', ':memory:']);
    expect(glob.code).toBe(0);
    expect(glob.stdout).toContain('3 calls ingested, 0 rows rejected, 3 duplicates skipped');
  });
});

describe('number parsing', () => {
  it('reads "1200.0" as 1200 but rejects a fractional token count instead of rounding it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-'));
    const file = join(dir, 'fractions.csv');
    writeFileSync(file, 'ts,model,input_tokens,output_tokens\n2026-10-05T09:00:00Z,gpt-5.4,1200.0,10\n2026-10-05T09:01:00Z,gpt-5.4,85.5,10\n');
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 1, rejects: 1 });
    expect(await ws.all('SELECT input_tokens FROM calls')).toEqual([{ input_tokens: 1200n }]);
    expect(await ws.all('SELECT line, reason FROM rejects')).toEqual([{ line: 3n, reason: 'not a whole number in input_tokens: "85.5"' }]);
    ws.close();
  });
});

describe('line numbers', () => {
  it('stay exact past several lines the CSV reader set aside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-'));
    const file = join(dir, 'two-ragged.csv');
    writeFileSync(
      file,
      'ts,model,input_tokens,output_tokens\n' +
        '2026-10-05T09:00:00Z,gpt-5.4,1,1\n' + // line 2
        '2026-10-05T09:01:00Z,gpt-5.4\n' + // line 3: ragged
        '2026-10-05T09:02:00Z,gpt-5.4,3,3\n' + // line 4
        '2026-10-05T09:03:00Z,gpt-5.4,4,4,4\n' + // line 5: ragged
        '2026-10-05T09:04:00Z,gpt-5.4,5,5\n' + // line 6
        '2026-10-05T09:05:00Z,gpt-5.4,-6,6\n', // line 7: negative
    );
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 3, rejects: 3 });
    expect(await ws.all('SELECT source_row, input_tokens FROM calls ORDER BY source_row')).toEqual([
      { source_row: 2n, input_tokens: 1n },
      { source_row: 4n, input_tokens: 3n },
      { source_row: 6n, input_tokens: 5n },
    ]);
    expect(await ws.all('SELECT line, raw FROM rejects ORDER BY line')).toEqual([
      { line: 3n, raw: '2026-10-05T09:01:00Z,gpt-5.4' },
      { line: 5n, raw: '2026-10-05T09:03:00Z,gpt-5.4,4,4,4' },
      { line: 7n, raw: '2026-10-05T09:05:00Z,gpt-5.4,-6,6' },
    ]);
    ws.close();
  });

  it.each([
    ['in a table of its own', 0],
    ['moved into call_rows', undefined],
  ])('match the file on a file large enough for DuckDB to read in parallel (%s)', async (_, ownTableMinCalls) => {
    // 250,000 rows (~20 MB): several CSV buffers read by two threads. Every call_id names its own line, and two
    // bad rows sit far into the file. (A plan that reordered rows once gave wrong lines only at this size.)
    const dir = mkdtempSync(join(tmpdir(), 'batchable-'));
    const file = join(dir, 'large.csv');
    const lines = ['call_id,ts,model,input_tokens,output_tokens,streamed,feature'];
    for (let line = 2; line <= 250_001; line++) {
      const tokens = line === 180_000 ? '1.5' : line === 240_000 ? '-3' : String(100 + (line % 900));
      lines.push(`line_${line},2026-10-05T09:00:00Z,gpt-5.4,${tokens},20,${line % 2 === 0 ? 'yes' : 'no'},f${line % 7}`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { ws, summary } = await ingested([file], { ownTableMinCalls });
    expect(summary).toMatchObject({ calls: 249_998, rejects: 2 });
    expect(await ws.all(`SELECT count(*) AS wrong FROM calls WHERE source_row <> substr(call_id, 6)::BIGINT`)).toEqual([{ wrong: 0n }]);
    expect(await ws.all(`SELECT count(*) AS wrong FROM calls WHERE streamed <> (source_row % 2 = 0)`)).toEqual([{ wrong: 0n }]);
    expect(await ws.all('SELECT line, raw FROM rejects ORDER BY line')).toEqual([
      { line: 180_000n, raw: 'line_180000,2026-10-05T09:00:00Z,gpt-5.4,1.5,20,yes,f2' },
      { line: 240_000n, raw: 'line_240000,2026-10-05T09:00:00Z,gpt-5.4,-3,20,yes,f5' },
    ]);
    ws.close();
  });

  it('an adapter whose plan would reorder rows is stopped, not recorded with wrong lines', async () => {
    const ws = await memoryWorkspace();
    const csv = "read_csv('fixtures/batchable/mixed-workloads.csv', all_varchar = true)";
    await expect(assertKeepsFileOrder(ws, { columns: { model: 'model' }, from: csv }, 'test')).resolves.toBeUndefined();
    const joined = { columns: { model: 'model' }, from: `${csv} JOIN (SELECT 'gpt-5.4' AS model) USING (model)` };
    await expect(assertKeepsFileOrder(ws, joined, 'test')).rejects.toThrow(/test adapter's plan does not keep file order \(.*HASH_JOIN/);
    ws.close();
  });
});
