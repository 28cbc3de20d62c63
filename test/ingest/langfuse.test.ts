import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';
import { langfuseObservations } from '../../src/ingest/adapters/langfuse.ts';
import { sniff } from '../../src/ingest/sniff.ts';

type CallRow = Record<string, unknown>;

const columns = `call_id, trace_id, parent_id, model, provider, operation, input_tokens, cache_read_tokens, cache_write_unknown_tokens,
  output_tokens, reasoning_tokens, input_tokens_reported, ttft_ms, latency_ms, streamed, reported_cost::VARCHAR AS cost,
  reported_cost_kind, user_id, session_id, ts, ended_at`;

describe('langfuse-observations', () => {
  it('is detected in an API page and in JSONL, and does not take LiteLLM or OpenRouter files', async () => {
    expect(langfuseObservations.detect(await sniff(fixture('langfuse/observations-page.json')))).toBe(true);
    expect(langfuseObservations.detect(await sniff(fixture('langfuse/observations.jsonl')))).toBe(true);
    expect(langfuseObservations.detect(await sniff(fixture('litellm/spend-logs.json')))).toBe(false);
    expect(langfuseObservations.detect(await sniff(fixture('openrouter/generations.jsonl')))).toBe(false);
  });

  it('reads generations only, cache keys by their style, and seconds as ms', async () => {
    const { ws, summary } = await ingested([fixture('langfuse/observations-page.json')]);
    expect(summary).toMatchObject({ calls: 3, rejects: 0, skipped: 2 });
    const skips = await ws.all("SELECT path, reason, json_extract_string(raw, '$.type') AS type FROM rejects WHERE kind = 'skip' ORDER BY path");
    // Each skip keeps its own record's text (a page's records are unnested once for it).
    expect(skips).toEqual([
      { path: '/data/0', reason: 'langfuse SPAN observation: no model usage', type: 'SPAN' },
      { path: '/data/3', reason: 'langfuse EVENT observation: no model usage', type: 'EVENT' },
    ]);
    const rows = await ws.all<CallRow>(`SELECT ${columns}, source_path, tags::VARCHAR AS tags FROM calls ORDER BY ts, call_id`);
    expect(rows.map((r) => r.call_id)).toEqual(['e5b4a7c6-gen-nightly', 'b2e1d4f3-gen-anthropic', 'c3d2e5a4-gen-openai']);
    const [nightly, anthropic, openai] = rows;
    // Anthropic-style keys: cache reads/writes are outside `input`.
    expect(anthropic).toEqual({
      call_id: 'b2e1d4f3-gen-anthropic',
      trace_id: 'tr_9c1e',
      parent_id: 'a1f0c3e2-agent-root',
      model: 'claude-haiku-4-5',
      provider: 'anthropic',
      operation: 'chat',
      input_tokens: 1800n,
      cache_read_tokens: 12000n,
      cache_write_unknown_tokens: 500n,
      output_tokens: 220n,
      reasoning_tokens: null,
      input_tokens_reported: 1800n,
      ttft_ms: 640,
      latency_ms: 4200,
      streamed: true,
      cost: '0.004725000',
      reported_cost_kind: 'estimated',
      user_id: null,
      session_id: null,
      ts: new Date('2026-08-01T09:00:00.000Z'),
      ended_at: new Date('2026-08-01T09:00:04.200Z'),
      source_path: '/data/1',
      tags: '{"feature":"support-chat","name":"answer","environment":"production","level":"DEFAULT"}',
    });
    // OpenAI-style key: cached tokens are inside `input`; TTFT from completionStartTime when timeToFirstToken is null.
    expect(openai).toMatchObject({ input_tokens: 904n, cache_read_tokens: 4096n, cache_write_unknown_tokens: null, output_tokens: 310n, reasoning_tokens: 128n, ttft_ms: 350, latency_ms: 1500, streamed: true, cost: '0.002130000' });
    // Legacy usage (usageDetails empty); no completionStartTime: streamed unknown, not false.
    expect(nightly).toMatchObject({ input_tokens: 5200n, cache_read_tokens: null, output_tokens: 900n, streamed: null, ttft_ms: null, latency_ms: 8200, cost: '0.003100000' });
    expect(JSON.parse(nightly!.tags as string)).toEqual({ job: 'nightly-digest', name: 'summarize', environment: 'production', level: 'DEFAULT' });
  });

  it('reads JSONL with trace fields joined in, rejecting an unreadable latency with its line', async () => {
    const { ws, summary } = await ingested([fixture('langfuse/observations.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 1, skipped: 1 });
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'reject'")).toEqual([{ line: 3n, reason: 'not a number in latency_ms: "fast"' }]);
    const rows = await ws.all<CallRow>(`SELECT ${columns}, tags->'tags' AS trace_tags FROM calls ORDER BY ts`);
    expect(rows.map((r) => [r.call_id, r.input_tokens, r.cache_read_tokens, r.ttft_ms, r.streamed, r.user_id, r.session_id])).toEqual([
      ['f6a5b8d7-gen-1', 900n, null, null, null, null, null],
      ['c9d8e1a0-gen-3', 320n, 0n, 300, true, 'u_42', 's_1'],
    ]);
    expect(rows[1]!.trace_tags).toBe('["web"]');
  });
});

describe('langfuse-observations: real-file defects', () => {
  // Defect 1 (langfuse/langfuse#16321, #12531): Gemini's thoughts sit OUTSIDE `output` in usageDetails; the row's
  // total (24 + 378 + 1029 = 1431) says so. They are output tokens and billed as such.
  it('adds reasoning keys that sit outside output, judged by the total or outputUsage; keeps inclusive rows as they are', async () => {
    const { ws, summary } = await ingested([fixture('langfuse/gemini-reasoning-outside.jsonl')]);
    expect(summary).toMatchObject({ calls: 4, rejects: 0 });
    const rows = await ws.all<CallRow>('SELECT call_id, input_tokens, cache_read_tokens, output_tokens, reasoning_tokens, input_tokens_reported FROM calls ORDER BY call_id');
    expect(rows).toEqual([
      { call_id: 'obs_gem_1', input_tokens: 24n, cache_read_tokens: null, output_tokens: 1407n, reasoning_tokens: 1029n, input_tokens_reported: 24n },
      // total 2283 = 324 + 100 + 1364 + 495: the cache read sits outside input as well.
      { call_id: 'obs_gem_2', input_tokens: 324n, cache_read_tokens: 100n, output_tokens: 1859n, reasoning_tokens: 495n, input_tokens_reported: 424n },
      // No total: outputUsage 1859 = 1364 + 495.
      { call_id: 'obs_gem_3', input_tokens: 324n, cache_read_tokens: null, output_tokens: 1859n, reasoning_tokens: 495n, input_tokens_reported: 324n },
      // total 5310 = input + output: cached and reasoning are inside them (OpenAI's convention).
      { call_id: 'obs_oai_4', input_tokens: 904n, cache_read_tokens: 4096n, output_tokens: 310n, reasoning_tokens: 128n, input_tokens_reported: 5000n },
    ]);
  });

  // Defect 2: GET /api/public/traces/{id} nests the trace's observations; they are the rows.
  it('reads the observations nested in a trace, with the trace user and session', async () => {
    const file = fixture('langfuse/trace-with-observations.json');
    expect(langfuseObservations.detect(await sniff(file))).toBe(true);
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 2, rejects: 0, skipped: 1 });
    expect(await ws.all("SELECT path, reason FROM rejects WHERE kind = 'skip'")).toEqual([
      { path: '/observations/0', reason: 'langfuse SPAN observation: no model usage' },
    ]);
    const rows = await ws.all<CallRow>(`SELECT call_id, model, user_id, session_id, input_tokens, cache_read_tokens, output_tokens, ttft_ms,
      source_path, tags->>'trace_name' AS trace_name FROM calls ORDER BY ts`);
    expect(rows).toEqual([
      { call_id: 'obs_gen_gemini', model: 'gemini-2.5-flash', user_id: 'user_4411', session_id: 'sess_91', input_tokens: 24n, cache_read_tokens: null,
        output_tokens: 1407n, ttft_ms: 3900, source_path: '/observations/1', trace_name: 'support-answer' },
      { call_id: 'obs_gen_openai', model: 'gpt-5.4-mini', user_id: 'user_4411', session_id: 'sess_91', input_tokens: 88n, cache_read_tokens: 512n,
        output_tokens: 40n, ttft_ms: null, source_path: '/observations/2', trace_name: 'support-answer' },
    ]);
  });

  it('a real trace downloaded from the UI ({trace, observations}): its generation reads the trace\'s user, session, name and tags', async () => {
    // fixtures/SOURCES.md: the trace sits under `trace` (its observations inside it too), its observations beside it.
    const file = fixture('langfuse/real-ui-trace-download.json');
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'langfuse-observations', calls: 1, skipped: 2, rejects: 0 });
    expect(await ws.all(`SELECT call_id, model, user_id, session_id, input_tokens, output_tokens, reasoning_tokens, tags->>'trace_name' AS trace_name,
      tags->'trace_tags' AS trace_tags FROM calls`)).toEqual([
      { call_id: 'd8ab9e3ca45022e6', model: 'gemini-2.5-flash', user_id: 'demo-user', session_id: 'test-matter-001', input_tokens: 24n, output_tokens: 1407n,
        reasoning_tokens: 1029n, trace_name: 'matter-chat', trace_tags: '["conversational"]' },
    ]);
  });

  it("a real trace of OpenInference spans: its usage keys keep the instrumentation's names (completion_details.reasoning, prompt_details.cache_read), inside prompt and completion", async () => {
    // fixtures/SOURCES.md: openinference-instrumentation-google-genai 0.1.5, gemini-2.5-flash; Langfuse stored
    // llm.token_count.* as usageDetails {input 6, output 2055, completion_details.reasoning 1104, total 2061}: the total is
    // input + output, so the 1104 thinking tokens are inside the 2055 (they were read as no reasoning at all).
    const { ws, summary } = await ingested([fixture('langfuse/real-openinference-google-genai-trace.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'langfuse-observations', calls: 1, skipped: 0, rejects: 0 });
    expect(await ws.all(`SELECT call_id, model, input_tokens, cache_read_tokens, output_tokens, reasoning_tokens, input_tokens_reported, latency_ms,
      reported_cost::VARCHAR AS cost FROM calls`)).toEqual([
      { call_id: 'b7a63ca7e1d083bc', model: 'gemini-2.5-flash', input_tokens: 6n, cache_read_tokens: null, output_tokens: 2055n, reasoning_tokens: 1104n,
        input_tokens_reported: 6n, latency_ms: 12032, cost: '0.005139300' },
    ]);
    // The cache keys of the same instrumentations (OpenAI's, as openinference-instrumentation-openai-agents sends them, with
    // a cached prefix: written) are inside the prompt count as well: 1280 of 1500 were cache reads.
    const dir = mkdtempSync(join(tmpdir(), 'batchable-lf-oi-'));
    const file = join(dir, 'observations.json');
    writeFileSync(file, JSON.stringify({ data: [{ id: 'oi-1', traceId: 't-oi', type: 'GENERATION', startTime: '2026-09-14T08:30:00.000Z', endTime: '2026-09-14T08:30:01.000Z',
      model: 'gpt-4.1-2025-04-14', usageDetails: { input: 1500, 'prompt_details.cache_read': 1280, output: 40, 'completion_details.reasoning': 0, total: 1540 } }], meta: { page: 1 } }));
    const cached = await ingested([file]);
    expect(await cached.ws.all('SELECT input_tokens, cache_read_tokens, output_tokens, reasoning_tokens, input_tokens_reported FROM calls')).toEqual([
      { input_tokens: 220n, cache_read_tokens: 1280n, output_tokens: 40n, reasoning_tokens: 0n, input_tokens_reported: 1500n },
    ]);
  });

  it("a real trace of OpenInference's vertexai instrumentation: its model, a Vertex AI resource name, is Vertex's (not a provider named \"projects\")", async () => {
    // fixtures/SOURCES.md. Its usageDetails {input 5, output 845, total 2023} leave 1,173 tokens unnamed (gemini-2.5-flash's
    // thinking, not in the instrumentation's completion count): read as given, the reconciliation flags the cost.
    const { ws, summary } = await ingested([fixture('langfuse/real-openinference-vertexai-trace.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'langfuse-observations', calls: 1, skipped: 0, rejects: 0 });
    expect(await ws.all('SELECT provider, model, input_tokens, output_tokens, reasoning_tokens FROM calls')).toEqual([
      { provider: 'google-vertex', model: 'projects/vertex-ai-integration-467711/locations/europe-central2/publishers/google/models/gemini-2.5-flash',
        input_tokens: 5n, output_tokens: 845n, reasoning_tokens: null },
    ]);
  });

  it('a trace whose observations are ids only is one skipped row that says how to export them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-lf-'));
    const file = join(dir, 'traces.json');
    writeFileSync(file, JSON.stringify({ data: [{ id: 't1', timestamp: '2026-09-14T08:30:00Z', observations: ['o1', 'o2'], traceId: 'x', type: 'x', startTime: 'x', usageDetails: {} }], meta: { page: 1 } }));
    const { ws, summary } = await ingested([file], { inputFormat: 'langfuse-observations' });
    expect(summary).toMatchObject({ calls: 0, skipped: 1 });
    expect((await ws.all<{ reason: string }>("SELECT reason FROM rejects WHERE kind = 'skip'"))[0]!.reason).toContain('GET /api/public/observations?traceId=');
  });

  // Defect 1, second half: Langfuse's stated cost had the same undercount; reconciliation flags recomputed > reported.
  // gemini-2.5-flash $0.30 in / $0.03 cache read / $2.50 out per 1M: 24 x 0.3 + 1407 x 2.5 = $0.0035247;
  // 324 x 0.3 + 100 x 0.03 + 1859 x 2.5 = $0.0047477; 324 x 0.3 + 1859 x 2.5 = $0.0047447; sum $0.0130171 vs stated $0.0092139.
  // gpt-5.4-mini: 904 x 0.75 + 4096 x 0.075 + 310 x 4.5 = $0.0023802, as stated: not flagged.
  it("a real LiteLLM generation (completion start at its end: not streamed) with Langfuse's 0 for a model it could not price", async () => {
    // A real observation (LiteLLM -> OpenRouter, gemini-2.5-flash-preview-05-20): completionStartTime = endTime, which LiteLLM
    // writes for every call it did not stream; calculatedTotalCost 0.0 with modelId and every price null.
    const { ws, summary } = await ingested([fixture('langfuse/real-litellm-generation-page.json')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 0 });
    expect(await ws.all('SELECT streamed, ttft_ms, latency_ms, input_tokens, output_tokens, reported_cost FROM calls')).toEqual([
      { streamed: null, ttft_ms: null, latency_ms: 5397, input_tokens: 4598n, output_tokens: 573n, reported_cost: null },
    ]);
  });

  it("LiteLLM's callback generations: a first token before the end is a stream, at the end none; a cache hit is skipped", async () => {
    const { ws, summary } = await ingested([fixture('langfuse/litellm-callback-generations.jsonl')]);
    expect(summary).toMatchObject({ calls: 3, skipped: 1, rejects: 0 });
    expect(await ws.all('SELECT call_id, streamed, ttft_ms, reported_cost::VARCHAR AS cost FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'lf-llm-01', streamed: true, ttft_ms: 450, cost: '0.000207000' },
      { call_id: 'lf-llm-02', streamed: null, ttft_ms: null, cost: '0.000207000' },
      // Not LiteLLM's: another SDK sets completionStartTime on a stream's first chunk, whenever it came; a matched model's cost.
      { call_id: 'lf-sdk-04', streamed: true, ttft_ms: 1500, cost: '0.000207000' },
    ]);
    expect(await ws.all(`SELECT line, reason FROM rejects WHERE kind = 'skip'`)).toEqual([
      { line: 3n, reason: "served from LiteLLM's cache (metadata.cache_hit): no provider call, nothing billed" },
    ]);
  });

  it('reconciliation flags a recomputed cost above the stated one', async () => {
    const r = await runCli(['audit', fixture('langfuse/gemini-reasoning-outside.jsonl'), '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gemini-2\.5-flash +│ standard +│ +3 │ +\$0\.013017 │ +\$0\.009214 │ +\$0\.003803 │ recomputed higher/);
    expect(r.stdout).toMatch(/gpt-5\.4-mini +│ standard +│ +1 │ +\$0\.002380 │ +\$0\.002380 │ +\$0\.000000 │ +│/);
    expect(r.stdout).toContain('Flagged: 1 row(s) differ by more than 1%. Recomputed higher: the source under-states its cost');
  });

  it('and flags the reverse: a stated cost above the recomputed one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-rc-')), 'stated.csv');
    // 1M in x $0.75 + 100k out x $4.50 = $1.20 recomputed; the source states $1.50.
    writeFileSync(file, 'ts,model,input_tokens,output_tokens,reported_cost\n2026-09-15T02:00:00Z,gpt-5.4-mini,1000000,100000,1.50\n');
    const r = await runCli(['audit', file, '--db', ':memory:']);
    expect(r.stdout).toMatch(/gpt-5\.4-mini +│ standard +│ +1 │ +\$1\.20 │ +\$1\.50 │ +-\$0\.30 │ reported higher/);
  });
});

// Observations carry no user or session (they live on the trace), and the SDK integrations name every generation
// alike: fixtures/langfuse/pull-window.jsonl is a window as `pull langfuse` writes it, a page of observations and a
// page of the traces created in the same window (GET /api/public/traces, observations as ids).
describe('langfuse-observations: traces beside their observations, and what names and traces are worth', () => {
  it("reads each trace's user and session onto its observations; a trace's records are counted skips", async () => {
    const { ws, summary } = await ingested([fixture('langfuse/pull-window.jsonl')]);
    expect(summary).toMatchObject({ calls: 4, skipped: 4, rejects: 0 });
    const rows = await ws.all<Record<string, unknown>>('SELECT call_id, trace_id, user_id, session_id, tags::VARCHAR AS tags FROM calls ORDER BY call_id');
    const byId = new Map(rows.map((r) => [r.call_id, r]));
    // A chat turn in its own trace: the trace's user and session, and no trace id (one generation links nothing).
    expect(byId.get('gen-a1')).toMatchObject({ trace_id: null, user_id: 'user_8812', session_id: 'sess-41c' });
    // An agent's two steps keep their trace (a chain), with the trace's user.
    expect([byId.get('gen-b1')?.trace_id, byId.get('gen-b2')?.trace_id, byId.get('gen-b2')?.user_id]).toEqual(['tr-agent-7', 'tr-agent-7', 'user_9001']);
    // SDK default names (OpenAI-generation, ChatAnthropic, litellm-acompletion) name no workload.
    for (const id of ['gen-a1', 'gen-b1', 'gen-c1']) expect(JSON.parse(byId.get(id)!.tags as string)).not.toHaveProperty('name');
    expect(JSON.parse(byId.get('gen-c1')!.tags as string)).toMatchObject({ job: 'nightly-tagging', generation_name: 'litellm-acompletion', trace_name: 'tag_rows', trace_tags: ['batch'] });
    const skips = await ws.all<{ reason: string }>("SELECT reason FROM rejects WHERE kind = 'skip' ORDER BY path");
    expect(skips.map((s) => s.reason.slice(0, 40))).toEqual([
      'langfuse trace: not usage (its user, ses',
      'langfuse trace: not usage (its user, ses',
      'langfuse trace: not usage (its user, ses',
      // A trace whose observations are in another window's file (pull lists the traces of the hour before a window too).
      'langfuse trace: not usage (none of its o',
    ]);
  });

  it('a trace listed twice in one window gives its observations the user of its last listing', async () => {
    // The traces page again, with tr-chat-1's user changed (its list paged while the trace was updated): the later
    // listing is the latest fetched. Read either way round, the user is the last line's.
    const [observations, traces] = readFileSync(fixture('langfuse/pull-window.jsonl'), 'utf8').trim().split('\n');
    const updated = traces!.replace('"userId":"user_8812"', '"userId":"user_8812-updated"');
    const dir = mkdtempSync(join(tmpdir(), 'lf-twice-'));
    for (const [name, lines, user] of [['later.jsonl', [observations, traces, updated], 'user_8812-updated'], ['earlier.jsonl', [observations, updated, traces], 'user_8812']] as const) {
      const file = join(dir, name);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const { ws } = await ingested([file]);
      const [row] = await ws.all<{ user_id: string }>("SELECT user_id FROM calls WHERE call_id = 'gen-a1'");
      ws.close();
      expect(row?.user_id, name).toBe(user);
    }
  });

  it('a CSV export is read for the fields the select reads only, and the select reads no other', async () => {
    // The records of a CSV export keep only langfuseObservations.recordFields (src/ingest/csv-records.ts), and so do a
    // JSON export's once cut (recordFieldsSql): a field the select read outside that list would be NULL on every row.
    // Every top-level field the select's SQL reads from a record (`j` and `rec`, the observation `o`, its trace `t`):
    // the paths of each json_extract over them, and each `->`; over JSON records (which it cuts) and over a CSV's
    // (recordsCut: cut as read).
    const fields = new Set(langfuseObservations.recordFields);
    const context = { src: '_src', kind: 'jsonl', header: [], map: new Map(), fileModifiedAt: '2026-01-01T00:00:00.000Z' } as const;
    const selects = [langfuseObservations.select(context), langfuseObservations.select({ ...context, recordsCut: true })];
    const sql = selects.flatMap((select) => [select.from, ...Object.values(select.columns)]).join('\n');
    const reads = [...sql.matchAll(/json_extract(?:_string)?\((?:j|rec|o|t), (\[[^\]]*\]|'[^']*')\)/g)].map((m) => m[1]!);
    const named = new Set([
      ...reads.flatMap((list) => [...list.matchAll(/'\$\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)),
      ...[...sql.matchAll(/\b(?:j|rec|o|t)->>?'([A-Za-z_][A-Za-z0-9_]*)'/g)].map((m) => m[1]!),
    ]);
    expect(named.size).toBeGreaterThan(30);
    expect([...named].filter((f) => !fields.has(f))).toEqual([]);
    // The prompt and completion columns are left out: a skipped row's record has its id, not its input.
    const { ws } = await ingested([fixture('langfuse/ui-export-observations.csv')]);
    const raws = await ws.all<{ raw: string }>("SELECT raw FROM rejects WHERE kind = 'skip'");
    ws.close();
    expect(raws.length).toBe(2);
    for (const { raw } of raws) {
      expect(Object.keys(JSON.parse(raw) as object)).toContain('traceId');
      expect(Object.keys(JSON.parse(raw) as object)).not.toContain('input');
    }
  });

  it('a trace listed twice in one page gives its observations the user of its later listing, past the tenth record', async () => {
    // One traces page: tr-chat-1 at /data/2 and, updated, at /data/10, fillers between. As text, /data/2 sorted after
    // /data/10, so the earlier listing won (src/ingest/adapters/sql-helpers.ts: pointerOrderSql).
    const [observations, traces] = readFileSync(fixture('langfuse/pull-window.jsonl'), 'utf8').trim().split('\n');
    const page = JSON.parse(traces!) as { data: Record<string, unknown>[] };
    const chat = page.data.find((t) => t['id'] === 'tr-chat-1')!;
    const others = page.data.filter((t) => t['id'] !== 'tr-chat-1');
    const filler = (k: number) => ({ ...others[0]!, id: `tr-filler-${k}`, observations: [] });
    const data = [others[0], others[1], chat, ...Array.from({ length: 7 }, (_, k) => filler(k)), { ...chat, userId: 'user_8812-updated' }, ...others.slice(2)];
    const file = join(mkdtempSync(join(tmpdir(), 'lf-twice-page-')), 'window.jsonl');
    writeFileSync(file, `${[observations, JSON.stringify({ ...page, data })].join('\n')}\n`);
    const { ws } = await ingested([file]);
    const [row] = await ws.all<{ user_id: string }>("SELECT user_id FROM calls WHERE call_id = 'gen-a1'");
    ws.close();
    expect(row?.user_id).toBe('user_8812-updated');
  });

  it("a record's skip in a page keeps its own text and its pointer: read whole, in parts, and in a scan", async () => {
    // The traces page is line 2; each trace is a skip of its own. Its text was the page's from its start (the first trace).
    const own = [['/data/0', 'tr-chat-1'], ['/data/1', 'tr-agent-7'], ['/data/2', 'tr-job-3'], ['/data/3', 'tr-other']];
    const texts = async (files: string[], options = {}) => {
      const { ws } = await ingested(files, options);
      const rows = await ws.all<{ file: string; line: bigint; path: string; id: string }>(
        "SELECT file, line, path, json_extract_string(raw, '$.id') AS id FROM rejects WHERE kind = 'skip' ORDER BY file, path");
      ws.close();
      return rows.map((r) => [basename(r.file), Number(r.line), r.path, r.id]);
    };
    const window = fixture('langfuse/pull-window.jsonl');
    expect(await texts([window])).toEqual(own.map(([path, id]) => ['pull-window.jsonl', 2, path, id]));
    // In parts: the pages are unnested into their records before the one statement (writeInParts).
    expect(await texts([window], { jsonPartBytes: 512 })).toEqual(own.map(([path, id]) => ['pull-window.jsonl', 2, path, id]));
    // Two windows in one scan (many.ts): each reject finds its own file's record.
    const dir = mkdtempSync(join(tmpdir(), 'lf-raw-'));
    const second = join(dir, 'w2-window.jsonl');
    writeFileSync(second, readFileSync(window, 'utf8').replaceAll('tr-other', 'tr-other-2').replaceAll('"gen-', '"gen2-'));
    const scanned = await texts([window, second], { ownTableMinCalls: 0 });
    expect(scanned.filter((r) => r[0] === 'w2-window.jsonl').map((r) => r[3])).toEqual(['tr-chat-1', 'tr-agent-7', 'tr-job-3', 'tr-other-2']);
    expect(scanned.filter((r) => r[0] === 'pull-window.jsonl').map((r) => r[3])).toEqual(own.map(([, id]) => id));
    // `rejects` names the record within the line.
    const db = join(dir, 'w.duckdb');
    expect((await runCli(['ingest', window, '--db', db])).code).toBe(0);
    const listed = await runCli(['rejects', '--db', db]);
    expect(listed.stdout).toContain('pull-window.jsonl:2#/data/3: skipped: langfuse trace: not usage (none of its observations is in this file');
    expect(listed.stdout).toMatch(/pull-window\.jsonl:2#\/data\/3: [^\n]*\n {4}\{"id":"tr-other"/);
  });

  it('the report says Langfuse records no key, so unnamed calls of one model share a workload', async () => {
    const r = await runCli(['audit', fixture('langfuse/pull-window.jsonl'), '--db', ':memory:', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { notes: string[] };
    expect(doc.notes.some((n) => n.startsWith('4 call(s) come from Langfuse, which records no API key: calls of one model that carry no name of their own'))).toBe(true);
  });

  it('keeps a name the code gave a generation as its workload', async () => {
    const { ws } = await ingested([fixture('langfuse/observations-page.json')]);
    const names = await ws.all<{ n: string }>("SELECT DISTINCT json_extract_string(tags, '$.name') AS n FROM calls ORDER BY n");
    expect(names.map((r) => r.n)).toEqual(['answer', 'rewrite', 'summarize']);
  });
});

// The UI's batch export of the observations table (fixtures/SOURCES.md): the same rows as CSV and as JSON. The CSV
// writes nested fields as JSON text and times through JSON.stringify (`"2026-08-03T09:14:02.300Z"`, quotes kept), and
// both give `latency` in ms where the public API gives seconds.
describe('langfuse-observations: the UI export, as CSV and as JSON', () => {
  const exportColumns = `call_id, trace_id, parent_id, model, input_tokens, cache_read_tokens, output_tokens, ttft_ms, latency_ms, streamed,
    reported_cost::VARCHAR AS cost, user_id, project, ts, ended_at, tags::VARCHAR AS tags`;

  it('reads the CSV: its JSON cells and quoted times, skips named by the line a record begins on', async () => {
    const file = fixture('langfuse/ui-export-observations.csv');
    expect(langfuseObservations.detect(await sniff(file))).toBe(true);
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'langfuse-observations', calls: 3, rejects: 0, skipped: 2 });
    // The EVENT's record begins on line 7: the one before it holds a line break in its input (lines 5-6).
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY line")).toEqual([
      { line: 2n, reason: 'langfuse SPAN observation: no model usage' },
      { line: 7n, reason: 'langfuse EVENT observation: no model usage' },
    ]);
    const rows = await ws.all<CallRow>(`SELECT ${exportColumns} FROM calls ORDER BY ts`);
    expect(rows[0]).toEqual({
      call_id: 'b7e91a00-0001',
      // A generation alone in its trace, at its root: the trace links nothing.
      trace_id: null,
      parent_id: null,
      model: 'claude-3-5-haiku-20241022',
      input_tokens: 1800n,
      cache_read_tokens: 12000n,
      output_tokens: 220n,
      ttft_ms: null,
      latency_ms: 4200,
      streamed: null,
      cost: '0.003100000',
      user_id: null,
      project: 'cm3proj0001',
      ts: new Date('2026-08-03T02:00:00.000Z'),
      ended_at: new Date('2026-08-03T02:00:04.200Z'),
      tags: '{"job":"nightly-digest","name":"summarize-ticket","environment":"default","level":"DEFAULT","trace_name":"nightly-digest","trace_tags":[]}',
    });
    // latency 3100 ms as exported (not read as 3,100 s); the trace's name, tags and user joined in by Langfuse.
    expect(rows.slice(1).map((r) => [r.call_id, r.trace_id, r.latency_ms, r.ttft_ms, r.streamed, r.user_id])).toEqual([
      ['a1f0c2d4-0002', 'tr-chat-7781', 3100, 610, true, 'u_1042'],
      ['a1f0c2d4-0003', 'tr-chat-7781', 1300, null, null, 'u_1042'],
    ]);
    expect(JSON.parse(rows[1]!.tags as string)).toMatchObject({ name: 'draft-reply', trace_name: 'support-chat', trace_tags: ['prod', 'chat'] });
  });

  it('reads the JSON export to the same calls', async () => {
    const read = async (name: string) => (await ingested([fixture(name)])).ws.all<CallRow>(`SELECT ${exportColumns} FROM calls ORDER BY ts`);
    const fromJson = await read('langfuse/ui-export-observations.json');
    expect(fromJson).toEqual(await read('langfuse/ui-export-observations.csv'));
    expect(fromJson.map((r) => r.latency_ms)).toEqual([4200, 3100, 1300]);
  });

  it('names a CSV reject by its line after a record over lines, and a line the reader set aside', async () => {
    const lines = readFileSync(fixture('langfuse/ui-export-observations.csv'), 'utf8').trimEnd().split('\n');
    // Line 8: a generation whose input tokens are not a number; line 9: a row with a field too many.
    const bad = lines[3]!.replace('"a1f0c2d4-0003"', '"a1f0c2d4-0009"').replace('{""input"":410,', '{""input"":""many"",');
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-lf-')), 'export.csv');
    writeFileSync(file, [...lines, bad, `${lines[3]!},"extra"`].join('\n') + '\n');
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ calls: 3, rejects: 2, skipped: 2 });
    const rejects = await ws.all<{ line: bigint; reason: string; raw: string }>("SELECT line, reason, raw FROM rejects WHERE kind = 'reject' ORDER BY line");
    expect(rejects.map((r) => [r.line, r.reason.slice(0, 34)])).toEqual([
      [8n, 'not a whole number in input_tokens'],
      [9n, 'TOO MANY COLUMNS: Expected Number '],
    ]);
    expect(rejects[0]!.raw).toContain('"id":"a1f0c2d4-0009"');
    // Without a field over lines (the nightly record left out), each line begins a record: the lines are counted, not mapped.
    const plain = join(mkdtempSync(join(tmpdir(), 'batchable-lf-')), 'export.csv');
    writeFileSync(plain, [...lines.slice(0, 4), lines[6]!, bad, `${lines[3]!},"extra"`].join('\n') + '\n');
    const second = await ingested([plain]);
    expect(second.summary.files[0]).toMatchObject({ calls: 2, rejects: 2, skipped: 2 });
    expect(await second.ws.all("SELECT line, kind FROM rejects ORDER BY line")).toEqual([
      { line: 2n, kind: 'skip' },
      { line: 5n, kind: 'skip' },
      { line: 6n, kind: 'reject' },
      { line: 7n, kind: 'reject' },
    ]);
  });

  it('a directory\'s exports, each with a field over two lines, are read alone, a trace counted within its file (many.test.ts scans those without)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-lf-dir-'));
    for (const name of ['a.csv', 'b.csv']) writeFileSync(join(dir, name), readFileSync(fixture('langfuse/ui-export-observations.csv'), 'utf8').replaceAll('-000', `-${name[0]}00`));
    const r = await runCli(['ingest', dir, '--db', ':memory:']);
    expect(r.stdout).toContain('a.csv: langfuse-observations, 3 calls ingested, 0 rows rejected, 2 rows that are not calls skipped');
    expect(r.stdout).toContain('b.csv: langfuse-observations, 3 calls ingested, 0 rows rejected, 2 rows that are not calls skipped');
  });
});

it('a Langfuse traces export is named, with the observations export to take instead (its tokens are summed per trace)', async () => {
  const file = fixture('langfuse/ui-export-traces.csv');
  const r = await runCli(['ingest', file, '--db', ':memory:']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`error: ${file}: a Langfuse traces export: each row sums a trace's tokens over its generations and their models, so no call can be ` +
    'priced from it. Export the observations instead (Langfuse: Tracing → Observations → Export, CSV or JSON), or run `batchable pull langfuse`\n');
  // Beside the observations, in a directory: skipped with the same words.
  const dir = mkdtempSync(join(tmpdir(), 'batchable-lf-traces-'));
  writeFileSync(join(dir, 'observations.csv'), readFileSync(fixture('langfuse/ui-export-observations.csv')));
  writeFileSync(join(dir, 'traces.csv'), readFileSync(file));
  const d = await runCli(['ingest', dir, '--db', ':memory:']);
  expect(d.stdout).toContain('3 calls ingested, 0 rows rejected, 2 rows that are not calls skipped, 1 file skipped (not usage)');
  expect(d.stderr).toContain(`skipped ${join(dir, 'traces.csv')}: a Langfuse traces export`);
});
