// `calls` is a view over one table per ingested file: what it promises is what the old table did.
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { allCallColumns, migrations } from '../../src/db/schema.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'batchable-'));

describe('the calls view', () => {
  it('has the canonical columns, in order, with their types, then call_key', async () => {
    const ws = await openWorkspace(':memory:');
    const columns = await ws.all<{ column_name: string; column_type: string }>('DESCRIBE calls');
    const spelled = (type: string) => (type === 'TIMESTAMPTZ' ? 'TIMESTAMP WITH TIME ZONE' : type);
    expect(columns.map((c) => [c.column_name, c.column_type])).toEqual([...allCallColumns.map((c) => [c.name, spelled(c.type)]), ['call_key', 'BIGINT']]);
    ws.close();
  });

  it('gives a call without a provider one from its model: a Vertex AI resource name is Vertex\'s, a prefix is the provider', async () => {
    // OpenInference's vertexai instrumentation names the model by its resource name (a real Langfuse trace:
    // fixtures/langfuse/real-openinference-vertexai-trace.json); read by its first segment it was a provider "projects".
    const file = join(tempDir(), 'calls.csv');
    writeFileSync(file, 'call_id,ts,model,input_tokens,output_tokens\n' +
      'v1,2026-10-05T12:00:00Z,projects/acme-prod/locations/europe-west4/publishers/google/models/gemini-2.5-flash,10,5\n' +
      'v2,2026-10-05T12:00:01Z,publishers/anthropic/models/claude-sonnet-4-6,10,5\n' +
      'v3,2026-10-05T12:00:02Z,openrouter/openai/gpt-5.4,10,5\n' +
      'v4,2026-10-05T12:00:03Z,claude-sonnet-4-6,10,5\n');
    const ws = await openWorkspace(':memory:');
    await ingestFiles(ws, [file]);
    expect((await ws.all<{ provider: string }>('SELECT provider FROM calls ORDER BY call_id')).map((r) => r.provider))
      .toEqual(['google-vertex', 'google-vertex', 'openrouter', 'anthropic']);
    ws.close();
  });

  it('keeps rows written by schema version 1, and adds files ingested after the upgrade', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.duckdb');
    // A workspace as version 1 left it: `calls` a table holding one call.
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await conn.run('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ DEFAULT current_timestamp)');
    for (const statement of migrations[0]!.sql) await conn.run(statement);
    await conn.run('INSERT INTO schema_migrations (version) VALUES (1)');
    await conn.run(`INSERT INTO calls (call_id, ts, model, input_tokens, output_tokens, source_file)
      VALUES ('old-1', '2026-09-01T00:00:00Z', 'gpt-5.4', 10, 1, 'old.csv')`);
    conn.closeSync();
    instance.closeSync();

    const file = join(dir, 'new.csv');
    writeFileSync(file, 'call_id,ts,model,input_tokens,output_tokens\nnew-1,2026-10-01T00:00:00Z,claude-sonnet-4-6,20,2\n');
    const ws = await openWorkspace(path);
    await ingestFiles(ws, [file]);
    expect(await ws.all('SELECT call_id, provider, source_row FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'new-1', provider: 'anthropic', source_row: 2n },
      { call_id: 'old-1', provider: null, source_row: null },
    ]);
    expect(await ws.all('SELECT count(DISTINCT call_key) AS keys FROM calls')).toEqual([{ keys: 2n }]);
    ws.close();
  });

  it('upgrades a workspace from before the audio columns: call_rows gains them at its end, the view reads by name', async () => {
    const dir = tempDir();
    const path = join(dir, 'v2.duckdb');
    // A workspace as version 2 left it: call_rows without audio_input_tokens / audio_output_tokens.
    const before = allCallColumns.filter((c) => !c.name.startsWith('audio_'));
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await conn.run('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ DEFAULT current_timestamp)');
    await conn.run(`CREATE TABLE calls (${before.map((c) => `${c.name} ${c.type}`).join(', ')})`);
    for (const statement of migrations[0]!.sql.slice(1)) await conn.run(statement);
    for (const statement of migrations[1]!.sql) await conn.run(statement);
    await conn.run('INSERT INTO schema_migrations (version) VALUES (1), (2)');
    await conn.run(`INSERT INTO call_rows (call_id, ts, model, input_tokens, output_tokens, source_file)
      VALUES ('old-1', '2026-09-01T00:00:00Z', 'gpt-5.4', 10, 1, 'old.csv')`);
    conn.closeSync();
    instance.closeSync();

    const file = join(dir, 'new.csv');
    writeFileSync(file, 'call_id,ts,model,input_tokens,output_tokens,audio_input_tokens\nnew-1,2026-10-01T00:00:00Z,gpt-4o-audio-preview,20,2,7\n');
    const ws = await openWorkspace(path);
    await ingestFiles(ws, [file]); // a small file: moved into call_rows, by name
    expect(await ws.all('SELECT call_id, input_tokens, audio_input_tokens, source_file FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'new-1', input_tokens: 20n, audio_input_tokens: 7n, source_file: file },
      { call_id: 'old-1', input_tokens: 10n, audio_input_tokens: null, source_file: 'old.csv' },
    ]);
    ws.close();
  });

  it('works in a DuckDB session without batchable’s macros (users query the workspace file directly)', async () => {
    const dir = tempDir();
    const path = join(dir, 'w.duckdb');
    const file = join(dir, 'a.csv');
    writeFileSync(file, 'ts,model,input_tokens,output_tokens,streamed\n2026-10-01T00:00:00Z,gpt-5.4,20,2,yes\n');
    const ws = await openWorkspace(path);
    await ingestFiles(ws, [file]);
    ws.close();
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    const reader = await conn.runAndReadAll('SELECT provider, lane, requests, streamed, source_row FROM calls');
    expect(reader.getRowObjectsJS()).toEqual([{ provider: 'openai', lane: 'standard', requests: 1n, streamed: true, source_row: 2n }]);
    conn.closeSync();
    instance.closeSync();
  });
});

describe('the view after a run', () => {
  // The view is rebuilt once at the end of a run (not per file): a run that stops on a bad file still shows the
  // files committed before it, to a program that catches the error and goes on with the workspace.
  it('shows every file committed before a file that stopped the run', async () => {
    const ws = await openWorkspace(':memory:');
    const good = ['batchable/mixed-workloads.csv', 'seeds/gpt54-job.csv'].map((f) => join('fixtures', f));
    await expect(ingestFiles(ws, [...good, join('fixtures', 'bad', 'truncated.json')], { ownTableMinCalls: 0 })).rejects.toThrow();
    const [held] = await ws.all<{ calls: bigint; tables: bigint }>(
      'SELECT (SELECT sum(calls) FROM sources) AS calls, (SELECT count(*) FROM sources WHERE table_name IS NOT NULL) AS tables',
    );
    expect(held!.tables).toBe(2n);
    expect(await ws.all('SELECT count(*) AS n FROM calls')).toEqual([{ n: held!.calls }]);
    expect(held!.calls).toBeGreaterThan(1n);
    ws.close();
  });
});

describe('a file with a table of its own and a file moved into call_rows look the same through the view', () => {
  // Every ingestible fixture, in one workspace per mode: cross-file duplicates, lines set aside by the CSV
  // reader, malformed JSON lines, skips and rejects all go through both paths.
  const fixtureDirs = ['anthropic', 'bad', 'batchable', 'helicone', 'langfuse', 'langsmith', 'litellm', 'openai', 'openrouter', 'otel', 'portkey', 'check', 'seeds'];
  // Exit 2 without flags, tested elsewhere (the last four are refused by name: not calls).
  const broken = new Set(['empty.csv', 'latin1.csv', 'not-usage.csv', 'truncated.json', 'own-log-needs-map.csv', 'ui-export-traces.csv',
    'docs-analytics-user-usage-report.json', 'metrics-only.json', 'claude-code-usage-report.json', 'batch-object.json']);
  const files = fixtureDirs
    .flatMap((d) => readdirSync(join('fixtures', d)).map((f) => join('fixtures', d, f)))
    .filter((f) => /\.(csv|jsonl|json|gz)$/.test(f) && !broken.has(basename(f)) && !/baseline|cost-report|costs-page|batch-input/.test(f))
    .filter((f) => statSync(f).size < 1_000_000)
    .sort();

  it('ingests the fixtures to equal calls, rejects and sources', async () => {
    const snapshot = async (ownTableMinCalls: number) => {
      const ws = await openWorkspace(':memory:');
      const summary = await ingestFiles(ws, files, { ownTableMinCalls });
      const result = {
        summary,
        calls: await ws.all('SELECT * EXCLUDE (call_key), tags::VARCHAR AS tags FROM calls ORDER BY source_file, source_row, source_path, call_id'),
        rejects: await ws.all('SELECT * FROM rejects ORDER BY file, line, path, reason'),
        sources: await ws.all('SELECT * EXCLUDE (ingested_at, table_name) FROM sources ORDER BY file'),
        tables: (await ws.all<{ n: bigint }>("SELECT count(*) AS n FROM duckdb_tables() WHERE starts_with(table_name, 'calls_')"))[0]!.n,
        keys: (await ws.all<{ n: bigint }>('SELECT count(*) - count(DISTINCT call_key) AS n FROM calls'))[0]!.n,
      };
      ws.close();
      return result;
    };
    // Two workspaces, run side by side: DuckDB works on its own threads, so the second costs little wall time.
    const [own, moved] = await Promise.all([snapshot(0), snapshot(Number.MAX_SAFE_INTEGER)]);
    expect(own.tables).toBeGreaterThan(20n);
    expect(moved.tables).toBe(0n);
    expect(own.keys).toBe(0n);
    expect(moved.keys).toBe(0n);
    expect((own.calls as unknown[]).length).toBeGreaterThan(100);
    expect(own.summary).toEqual(moved.summary);
    expect(own.calls).toEqual(moved.calls);
    expect(own.rejects).toEqual(moved.rejects);
    expect(own.sources).toEqual(moved.sources);
    // Every fixture twice, one table and view arm each in the first pass. Ingest used to ask the 48-arm view about
    // the calls held three times per file (DuckDB plans every arm each time): 13.5 s alone on an idle machine, 39-45 s
    // at load 9.5 (and 46-89 s in full-suite runs). It now asks the tables (src/db/calls-view.ts callIdsSql,
    // callsOfFormatSql), rebuilds the view once per run instead of per file, and the two passes run side by side:
    // 8.7 s at load 4.7 (11.6 s of CPU, from 17.5).
  });

  it('keeps a mid-size file in a table of its own while the workspace holds fewer than eight, then moves them into call_rows', async () => {
    const dir = tempDir();
    // Ten files of 3 calls each (one with a rejected row), each ingested by a run of its own, as a daily job would;
    // mid-size here is 3 calls or more.
    const files = Array.from({ length: 10 }, (_, d) => {
      const file = join(dir, `day-${d}.csv`);
      const bad = d === 4 ? 'x-bad,not-a-time,gpt-5.4,1,1\n' : '';
      writeFileSync(file, `call_id,ts,model,input_tokens,output_tokens\n${[0, 1, 2].map((i) => `d${d}-${i},2026-10-0${d % 9 + 1}T0${i}:00:00Z,gpt-5.4,${100 + d},${i}\n`).join('')}${bad}`);
      return file;
    });
    const path = join(dir, 'mid.duckdb');
    const plain = join(dir, 'plain.duckdb');
    for (const file of files) {
      for (const [db, options] of [[path, { midSizeMinCalls: 3 }], [plain, {}]] as const) {
        const ws = await openWorkspace(db);
        await ingestFiles(ws, [file], options);
        ws.close();
      }
    }
    const ws = await openWorkspace(path);
    const tables = await ws.all<{ file: string; own: boolean }>('SELECT file, table_name IS NOT NULL AS own FROM sources ORDER BY file');
    expect(tables.map((t) => [basename(t.file), t.own])).toEqual(files.map((f, d) => [basename(f), d < 8]));
    const rows = 'SELECT call_id, ts, input_tokens, output_tokens, source_file, source_row FROM calls ORDER BY call_id';
    const kept = await ws.all(rows);
    expect(kept).toHaveLength(30);
    const rejects = 'SELECT parse_filename(file) AS file, line, reason FROM rejects';
    const rejected = await ws.all<{ file: string; line: bigint }>(rejects);
    expect(rejected.map((r) => [r.file, r.line])).toEqual([['day-4.csv', 5n]]);
    ws.close();
    // The same calls, rows and lines as a workspace where every file went into call_rows.
    const other = await openWorkspace(plain);
    expect((await other.all<{ n: bigint }>('SELECT count(*) AS n FROM sources WHERE table_name IS NOT NULL'))[0]!.n).toBe(0n);
    expect(await other.all(rows)).toEqual(kept);
    expect(await other.all(rejects)).toEqual(rejected);
    other.close();
  });
});
