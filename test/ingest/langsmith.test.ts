// LangSmith runs (fixtures/langsmith: written from the SDK's Run schema, fixtures/SOURCES.md): only llm and
// embedding runs are calls; tokens as LangChain counts them (prompt_tokens includes the cache reads and writes).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { langsmithRuns } from '../../src/ingest/adapters/langsmith.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const runs = fixture('langsmith/runs.jsonl');
const page = fixture('langsmith/runs-query-page.json');
const columns = `call_id, trace_id, parent_id, provider, model, operation, input_tokens, cache_read_tokens, cache_write_unknown_tokens,
  input_tokens_reported, output_tokens, ttft_ms, streamed, reported_cost::VARCHAR AS cost, user_id, session_id, project, tags::VARCHAR AS tags`;

describe('langsmith-runs', () => {
  it('is detected in runs saved as JSONL and in /runs/query pages, and takes no other format', async () => {
    for (const file of [runs, page]) {
      const sample = await sniff(file);
      expect(adapters.filter((a) => a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id), file).toEqual(['langsmith-runs']);
    }
    for (const other of ['langfuse/observations.jsonl', 'langfuse/ui-export-observations.json', 'otel/spans.jsonl', 'litellm/spend-logs.json', 'helicone/export.jsonl', 'batchable/agent-trace.jsonl']) {
      expect(langsmithRuns.detect(await sniff(fixture(other))), other).toBe(false);
    }
  });

  it('a real root chain run (GET /runs/{id}) carries its model runs\' rolled-up usage: skipped, and the skip says where its tokens are', async () => {
    const { ws, summary } = await ingested([fixture('langsmith/real-root-chain-run.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'langsmith-runs', rows: 1, calls: 0, skipped: 1, rejects: 0 });
    expect(await ws.all('SELECT reason FROM rejects')).toEqual([
      { reason: "langsmith chain run: its 624 tokens are its model runs', counted on those runs (a file of root runs alone holds no call: export the llm runs too)" },
    ]);
  });

  it('reads llm and embedding runs: cache tokens out of the prompt, the thread and user from metadata, a chain keeps its trace', async () => {
    const { ws, summary } = await ingested([runs]);
    expect(summary.files[0]).toMatchObject({ format: 'langsmith-runs', calls: 4, rejects: 1, skipped: 2 });
    expect(await ws.all('SELECT line, kind, reason FROM rejects ORDER BY line')).toEqual([
      { line: 1n, kind: 'skip', reason: "langsmith chain run: its 2482 tokens are its model runs', counted on those runs (a file of root runs alone holds no call: export the llm runs too)" },
      { line: 6n, kind: 'reject', reason: 'not a whole number in input_tokens: "many"; not a whole number in input_tokens_reported: "many"' },
      { line: 7n, kind: 'skip', reason: 'langsmith prompt run: no model usage' },
    ]);
    const rows = await ws.all<Record<string, unknown>>(`SELECT ${columns} FROM calls ORDER BY ts`);
    expect(rows.map((r) => r.call_id)).toEqual(['7c2d9e10-0001-4b2a-8c3d-000000000010', '7c2d9e10-0002-4b2a-8c3d-000000000011',
      '5e1f0a3c-0002-4c1d-9a11-000000000002', '5e1f0a3c-0003-4c1d-9a11-000000000003']);
    const [nightly, embedding, streamedStep, step] = rows;
    // 16,300 prompt tokens hold 12,000 cache reads and 2,500 cache writes: 1,800 uncached. Traced alone: no trace.
    expect(nightly).toMatchObject({ trace_id: null, provider: 'anthropic', model: 'claude-3-5-haiku-20241022', input_tokens: 1800n, cache_read_tokens: 12000n,
      cache_write_unknown_tokens: 2500n, input_tokens_reported: 16300n, output_tokens: 220n, streamed: null, cost: '0.003100000', session_id: null,
      project: '8a7b6c5d-0000-4000-8000-00000000bbbb', tags: '{"job":"nightly-digest","name":"summarize_ticket","tags":["batch"]}' });
    expect(embedding).toMatchObject({ operation: 'embeddings', input_tokens: 5200n, output_tokens: 0n, tags: '{"run_name":"OpenAIEmbeddings"}' });
    // Inside the agent's chain: the trace, the thread as the session, the user; a first token time is a stream.
    expect(streamedStep).toMatchObject({ trace_id: '5e1f0a3c-0001-4c1d-9a11-000000000001', parent_id: '5e1f0a3c-0001-4c1d-9a11-000000000001',
      input_tokens: 796n, cache_read_tokens: 1024n, output_tokens: 240n, ttft_ms: 610, streamed: true, user_id: 'u_1042', session_id: 'th-9912',
      tags: '{"run_name":"ChatOpenAI","tags":["prod"]}' });
    expect(step).toMatchObject({ ttft_ms: null, streamed: null, session_id: 'th-9912', input_tokens: 410n });
  });

  it('reads a /runs/query page to the same calls as the runs themselves', async () => {
    const fromPage = await (await ingested([page])).ws.all(`SELECT ${columns} FROM calls ORDER BY ts`);
    const fromRuns = await (await ingested([runs])).ws.all(`SELECT ${columns} FROM calls WHERE trace_id IS NOT NULL ORDER BY ts`);
    expect(fromPage).toEqual(fromRuns);
    expect(fromPage).toHaveLength(2);
  });

  it('reads runs whose inputs and outputs are long (cut to the fields the select reads) to the same calls, and reads no other field', async () => {
    // Runs of 1 KB or more are cut to langsmithRuns.recordFields before the select reads them (recordFieldsSql): a field
    // the select read outside that list would be NULL on every long run. Every top-level field its SQL reads from the
    // run (`j`): the paths of each json_extract and json_type over it, and each `->`.
    const select = langsmithRuns.select({ src: '_src', kind: 'jsonl', header: [], map: new Map(), fileModifiedAt: '2026-01-01T00:00:00.000Z' });
    const sql = [select.from, ...Object.values(select.columns)].join('\n');
    const named = new Set([
      ...[...sql.matchAll(/json_(?:extract(?:_string)?|type)\(j, (\[[^\]]*\]|'[^']*')\)/g)].flatMap((m) => [...m[1]!.matchAll(/'\$\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((n) => n[1]!)),
      ...[...sql.matchAll(/\bj->>?'([A-Za-z_][A-Za-z0-9_]*)'/g)].map((m) => m[1]!),
    ]);
    expect(named.size).toBeGreaterThan(15);
    expect([...named].filter((f) => !langsmithRuns.recordFields!.includes(f))).toEqual([]);
    // The fixture's runs with a prompt and a completion of 2 KB each: the same calls.
    const long = readFileSync(runs, 'utf8').trim().split('\n').map((line) => {
      const run = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify({ ...run, inputs: { messages: [[{ type: 'human', content: 'q'.repeat(2048) }]] }, outputs: { text: 'a'.repeat(2048) } });
    });
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-langsmith-long-')), 'runs.jsonl');
    writeFileSync(file, `${long.join('\n')}\n`);
    const fromLong = await (await ingested([file])).ws.all(`SELECT ${columns} FROM calls ORDER BY ts, call_id`);
    const fromRuns = await (await ingested([runs])).ws.all(`SELECT ${columns} FROM calls ORDER BY ts, call_id`);
    expect(fromLong).toEqual(fromRuns);
    expect(fromLong.length).toBeGreaterThan(2);
  });

  it('the audit labels the agent\'s streamed steps blocking and says LangSmith records no key', async () => {
    const r = await runCli(['audit', runs, '--db', ':memory:', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { notes: string[]; workloads: { name: string; label: string }[] };
    expect(doc.notes.some((n) => n.startsWith('4 call(s) come from LangSmith runs, which record no API key'))).toBe(true);
    expect(doc.workloads.find((w) => w.name.includes('ChatOpenAI') || w.name.includes('gpt-4o-mini'))?.label).toBe('blocking');
  });
});

it('one agent, many conversations and users: one workload, its calls streamed and blocking', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const chain = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const start = new Date(Date.UTC(2026, 7, 3, 9, 0, i * 20)).toISOString();
    lines.push(JSON.stringify({ id: `${chain.slice(0, -4)}f${String(i).padStart(3, '0')}`, name: 'ChatOpenAI', run_type: 'llm', start_time: start,
      end_time: start, parent_run_id: chain, trace_id: chain, session_id: 'proj-1', status: 'success', prompt_tokens: 900, completion_tokens: 80,
      first_token_time: start, extra: { metadata: { thread_id: `th-${i}`, user_id: `u-${i % 7}`, ls_provider: 'openai', ls_model_name: 'gpt-4o-mini', ls_temperature: (i % 3) / 10 } } }));
  }
  const file = join(mkdtempSync(join(tmpdir(), 'batchable-langsmith-threads-')), 'runs.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const r = await runCli(['audit', file, '--db', ':memory:', '--format', 'json']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as { workloads: { name: string; requests: number; label: string }[] };
  expect(doc.workloads.map((w) => [w.name, w.requests, w.label])).toEqual([['proj-1 · gpt-4o-mini · chat', 40, 'blocking']]);
});
