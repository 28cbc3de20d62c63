import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';
import { classifyCalls } from '../../src/classify/index.ts';
import { otelGenAiSpans } from '../../src/ingest/adapters/otel.ts';
import { sniff } from '../../src/ingest/sniff.ts';

type CallRow = Record<string, unknown>;

const columns = `call_id, trace_id, parent_id, provider, model, operation, input_tokens, cache_read_tokens, cache_write_unknown_tokens,
  output_tokens, reasoning_tokens, input_tokens_reported, streamed, ttft_ms, latency_ms, lane, lane_source, service_tier_raw,
  status, finish_reason, user_id, session_id, app, ts, ended_at`;

describe('otel-genai-spans', () => {
  it('is detected in OTLP JSON and flattened JSONL, and does not take Langfuse or LiteLLM files', async () => {
    expect(otelGenAiSpans.detect(await sniff(fixture('otel/otlp-traces.json')))).toBe(true);
    expect(otelGenAiSpans.detect(await sniff(fixture('otel/spans.jsonl')))).toBe(true);
    expect(otelGenAiSpans.detect(await sniff(fixture('langfuse/observations.jsonl')))).toBe(false);
    expect(otelGenAiSpans.detect(await sniff(fixture('litellm/spend-logs.json')))).toBe(false);
  });

  it('pivots OTLP attributes, takes cached tokens out of input, and skips agent and tool spans', async () => {
    const { ws, summary } = await ingested([fixture('otel/otlp-traces.json')]);
    expect(summary).toMatchObject({ calls: 5, rejects: 0, skipped: 2 });
    expect(await ws.all("SELECT path, reason FROM rejects WHERE kind = 'skip' ORDER BY path")).toEqual([
      { path: '/resourceSpans/0/scopeSpans/0/spans/0', reason: 'otel invoke_agent span: its model calls are spans of their own' },
      { path: '/resourceSpans/0/scopeSpans/0/spans/2', reason: 'otel execute_tool span: its model calls are spans of their own' },
    ]);
    const rows = await ws.all<CallRow>(`SELECT ${columns}, tags::VARCHAR AS tags FROM calls ORDER BY call_id`);
    const byId = new Map(rows.map((r) => [r.call_id, r]));
    const chat = byId.get('a1b2c3d4e5f60002')!;
    expect({ ...chat, tags: JSON.parse(chat.tags as string) }).toEqual({
      call_id: 'a1b2c3d4e5f60002',
      trace_id: '5b8efff798038103d269b633813fc60c',
      parent_id: 'a1b2c3d4e5f60001',
      provider: 'openai',
      model: 'gpt-5.4-2026-03-05',
      operation: 'chat',
      input_tokens: 1104n,
      cache_read_tokens: 4096n,
      cache_write_unknown_tokens: null,
      output_tokens: 310n,
      reasoning_tokens: 64n,
      input_tokens_reported: 5200n,
      streamed: true,
      ttft_ms: 410,
      latency_ms: 2400,
      lane: 'standard',
      lane_source: 'reported',
      service_tier_raw: 'default',
      status: null,
      finish_reason: 'stop',
      user_id: 'u_42',
      session_id: 'conv_1',
      app: 'support-bot',
      ts: new Date('2026-08-27T09:46:40.000Z'),
      ended_at: new Date('2026-08-27T09:46:42.400Z'),
      tags: expect.objectContaining({
        'service.name': 'support-bot',
        'deployment.environment': 'production',
        'gen_ai.usage.input_tokens': 5200,
        'gen_ai.response.finish_reasons': ['stop'],
        'gen_ai.request.stream': true,
        'otel.span.name': 'chat gpt-5.4',
        'otel.scope.name': 'opentelemetry.instrumentation.openai_v2',
      }),
    });
    // Older attribute names: gen_ai.system, cache_creation (writes); 15300 = 1800 + 12000 read + 1500 written.
    expect(byId.get('a1b2c3d4e5f60004')).toMatchObject({
      provider: 'anthropic', input_tokens: 1800n, cache_read_tokens: 12000n, cache_write_unknown_tokens: 1500n, streamed: false, ttft_ms: null, latency_ms: 4050, lane_source: 'inferred',
    });
    expect(byId.get('b1c2d3e4f5a60001')).toMatchObject({ input_tokens: 5200n, cache_read_tokens: null, streamed: null, lane: 'flex', app: 'nightly-digest', parent_id: null });
    expect(byId.get('b1c2d3e4f5a60002')).toMatchObject({ operation: 'embeddings', input_tokens: 820n, output_tokens: 0n, latency_ms: 180 });
    expect(byId.get('b1c2d3e4f5a60003')).toMatchObject({ status: 'error', input_tokens: 0n, output_tokens: 0n, latency_ms: 30000 });
  });

  it("Claude Code's own spans (a real 2.1.138 trace, fixtures/SOURCES.md): the llm_request span's usage without the gen_ai prefix, Anthropic's semantics", async () => {
    const { ws, summary } = await ingested([fixture('otel/real-claude-code-spans.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'otel-genai-spans', rows: 3, calls: 1, skipped: 2, rejects: 0 });
    expect(await ws.all(`SELECT model, provider, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens, ttft_ms, finish_reason FROM calls`)).toEqual([
      { model: 'claude-haiku-4-5-20251001', provider: 'anthropic', input_tokens: 387n, cache_read_tokens: 0n, cache_write_unknown_tokens: 0n, output_tokens: 18n, ttft_ms: 2166, finish_reason: 'end_turn' },
    ]);
    // The interaction and tool spans carry no usage: skipped, as any span without it.
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY line")).toEqual([
      { line: 1n, reason: 'otel span without gen_ai usage: claude_code.interaction' },
      { line: 3n, reason: 'otel span without gen_ai usage: claude_code.tool.execution' },
    ]);
    // The same attributes on a span of another name are not read as usage.
    const other = readFileSync(fixture('otel/real-claude-code-spans.jsonl'), 'utf8').split('\n')[1]!.replace('"claude_code.llm_request"', '"my_app.step"');
    const dir = mkdtempSync(join(tmpdir(), 'batchable-otel-'));
    writeFileSync(join(dir, 'other.jsonl'), `${other}\n`);
    expect((await ingested([join(dir, 'other.jsonl')])).summary).toMatchObject({ calls: 0, skipped: 1 });
  });

  it('reads flattened spans, skips spans without usage and rejects an unreadable count with its line', async () => {
    const { ws, summary } = await ingested([fixture('otel/spans.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 1, skipped: 1 });
    expect(await ws.all('SELECT kind, line, reason FROM rejects ORDER BY line')).toEqual([
      { kind: 'skip', line: 2n, reason: 'otel span without gen_ai usage: GET /orders' },
      { kind: 'reject', line: 3n, reason: 'not a whole number in input_tokens: "lots"; not a whole number in input_tokens_reported: "lots"' },
    ]);
    const rows = await ws.all<CallRow>(`SELECT ${columns} FROM calls ORDER BY ts`);
    expect(rows.map((r) => [r.call_id, r.operation, r.input_tokens, r.cache_read_tokens, r.ttft_ms, r.streamed, r.lane, r.service_tier_raw, r.app])).toEqual([
      ['c1d2e3f4a5b60004', 'completions', 640n, null, null, null, 'standard', 'scale', 'batch-worker'],
      ['c1d2e3f4a5b60001', 'chat', 1104n, 4096n, 410, true, 'standard', 'default', 'support-bot'],
    ]);
  });

  it('reads OTLP export requests one per line (collector file exporter), with line and pointer', async () => {
    const { ws, summary } = await ingested([fixture('otel/otlp-export.jsonl')]);
    expect(summary).toMatchObject({ calls: 5, rejects: 0, skipped: 2 });
    expect(await ws.all("SELECT call_id, source_row, source_path, input_tokens, app FROM calls WHERE call_id IN ('a1b2c3d4e5f60004', 'b1c2d3e4f5a60002') ORDER BY call_id")).toEqual([
      { call_id: 'a1b2c3d4e5f60004', source_row: 1n, source_path: '/resourceSpans/0/scopeSpans/0/spans/3', input_tokens: 1800n, app: 'support-bot' },
      { call_id: 'b1c2d3e4f5a60002', source_row: 2n, source_path: '/resourceSpans/0/scopeSpans/0/spans/1', input_tokens: 820n, app: 'nightly-digest' },
    ]);
  });
  it('keeps every attribute type and odd level of an OTLP request, read in one parse', async () => {
    const { ws, summary } = await ingested([fixture('otel/otlp-edge-cases.jsonl')]);
    expect(summary).toMatchObject({ calls: 4, rejects: 2, skipped: 5 });
    const rows = await ws.all<CallRow>("SELECT call_id, source_row, source_path, app, ttft_ms, streamed, finish_reason, status, tags::VARCHAR AS tags FROM calls ORDER BY call_id");
    const s1 = rows.find((r) => r.call_id === 's1')!;
    expect({ ...s1, tags: JSON.parse(s1.tags as string) }).toEqual({
      call_id: 's1', source_row: 1n, source_path: '/resourceSpans/0/scopeSpans/0/spans/0', app: 'svc-a',
      ttft_ms: 250, streamed: true, finish_reason: 'stop', status: 'error',
      tags: {
        'service.name': 'svc-a', n: 12, // resource attributes; "junk" and null elements of the list are dropped
        'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o',
        'gen_ai.usage.input_tokens': 100, 'gen_ai.usage.output_tokens': 20, // intValue as a string and as a number
        'gen_ai.request.stream': true, 'gen_ai.response.time_to_first_chunk': 0.25,
        'gen_ai.response.finish_reasons': ['stop', 3, 1.5, false], // arrayValue of mixed values
        kv: { values: [{ key: 'a', value: { stringValue: 'b' } }] }, // kvlistValue kept as sent
        big: 123456789012345678901234567890, wordint: 'abc', // an intValue that is not a number stays text
        'quo"te': 'x\ny', '5': 'numkey', // escaped keys and values; a number as key
        'otel.span.name': 'chat m', 'otel.scope.name': '7', // a scope name that is a number
        // a value that is not an object, a key with no value and an empty value are null, which the merge drops
      },
    });
    // A flattened span on its own line, after a line whose resourceSpans is not a list.
    expect(rows.find((r) => r.call_id === 'fs1')).toMatchObject({ source_row: 3n, source_path: null, app: 'flat-svc' });
    expect(rows.find((r) => r.call_id === 's5')).toMatchObject({ source_path: '/resourceSpans/2/scopeSpans/0/spans/0', app: null });
    expect(await ws.all('SELECT line, path, kind, reason FROM rejects ORDER BY line, path')).toEqual([
      { line: 1n, path: '/resourceSpans/0/scopeSpans/0/spans/1', kind: 'skip', reason: 'otel span without gen_ai usage: (unnamed)' }, // a string
      { line: 1n, path: '/resourceSpans/0/scopeSpans/0/spans/3', kind: 'skip', reason: 'otel invoke_agent span: its model calls are spans of their own' },
      { line: 1n, path: '/resourceSpans/0/scopeSpans/0/spans/4', kind: 'skip', reason: 'otel span without gen_ai usage: nousage' }, // attributes not a list
      { line: 2n, path: null, kind: 'skip', reason: 'otel span without gen_ai usage: (unnamed)' },
      { line: 4n, path: null, kind: 'reject', reason: 'malformed JSON' },
      { line: 5n, path: '/resourceSpans/0/scopeSpans/0/spans/0', kind: 'skip', reason: 'otel span without gen_ai usage: (unnamed)' }, // null
      { line: 5n, path: '/resourceSpans/0/scopeSpans/0/spans/1', kind: 'reject', reason: 'missing ts; missing input_tokens' },
    ]);
  });
});

// Other instrumentations' spans, each real (fixtures/SOURCES.md): OpenInference (Arize Phoenix's span objects and its
// OTLP), MLflow's stored spans (snake_case), OpenLIT, OpenLLMetry, pydantic-ai and Google ADK. Before, the first three
// were refused or read as 0 calls, and pydantic-ai's agent runs were rejected as rows without a model.
describe('otel spans of other instrumentations', () => {
  const read = async (file: string, select = 'call_id, provider, model, operation, streamed, finish_reason, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens') => {
    const { ws, summary } = await ingested([fixture(file)]);
    const calls = await ws.all<CallRow>(`SELECT ${select} FROM calls ORDER BY ts, source_row, source_path`);
    const skips = (await ws.all<{ reason: string }>("SELECT reason FROM rejects WHERE kind = 'skip' ORDER BY line, path")).map((r) => r.reason);
    ws.close();
    return { summary: summary.files[0]!, calls, skips };
  };

  it('each is detected as otel-genai-spans, and by no other format', async () => {
    const { adapters } = await import('../../src/ingest/adapters/index.ts');
    for (const file of ['otel/real-phoenix-spans.json', 'otel/real-openinference-otlp.jsonl', 'otel/real-mlflow-spans.jsonl', 'otel/real-openlit-span.json',
      'otel/real-openllmetry-span.json', 'otel/pydantic-ai-spans.jsonl', 'otel/google-adk-spans.jsonl']) {
      const sample = await sniff(fixture(file));
      expect(adapters.filter((a) => a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id), file).toEqual(['otel-genai-spans']);
    }
  });

  it("Phoenix's span objects (OpenInference): LLM spans are the calls, the prompt count holding cache reads and writes; agent and tool spans skipped", async () => {
    const { summary, calls, skips } = await read('otel/real-phoenix-spans.json', 'call_id, trace_id, parent_id, provider, model, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens, latency_ms, user_id, session_id');
    expect(summary).toMatchObject({ format: 'otel-genai-spans', rows: 4, calls: 2, skipped: 2, rejects: 0 });
    expect(calls).toEqual([
      { call_id: 's02', trace_id: 'fixture-trace-1', parent_id: 's01', provider: 'anthropic', model: 'claude-fable-5', input_tokens: 2n, cache_read_tokens: 31559n,
        cache_write_unknown_tokens: 760n, output_tokens: 119n, latency_ms: 1000, user_id: 'user@example.com', session_id: 'fixture-session' },
      { call_id: 's04', trace_id: 'fixture-trace-1', parent_id: 's01', provider: 'anthropic', model: 'claude-fable-5', input_tokens: 2n, cache_read_tokens: 32319n,
        cache_write_unknown_tokens: 965n, output_tokens: 168n, latency_ms: 1000, user_id: 'user@example.com', session_id: 'fixture-session' },
    ]);
    expect(skips).toEqual([
      'openinference AGENT span: not a model call (its model calls are LLM spans of their own)',
      'openinference TOOL span: not a model call (its model calls are LLM spans of their own)',
    ]);
  });

  it('OpenInference in OTLP (base64 ids): the model, the stream flag from the invocation parameters, the first token from its span event, the session', async () => {
    const { summary, calls } = await read('otel/real-openinference-otlp.jsonl', 'call_id, provider, model, streamed, ttft_ms, latency_ms, finish_reason, input_tokens, cache_read_tokens, output_tokens, reasoning_tokens, session_id');
    expect(summary).toMatchObject({ calls: 1, rejects: 0 });
    // The "First Token Stream Event" at …827017000 ns, 27.435 ms after the span's start.
    expect(calls).toEqual([{ call_id: 'bxmmJ+P2IEk=', provider: 'openai', model: 'gpt-4.1-mini', streamed: true, ttft_ms: 27.435, latency_ms: 31.417, finish_reason: 'stop',
      input_tokens: 22n, cache_read_tokens: 0n, output_tokens: 54n, reasoning_tokens: 0n, session_id: 'product-onboarding' }]);
  });

  it("MLflow's stored spans (snake_case ids and nanosecond times): the chat span is a call, its finish reasons' JSON text read", async () => {
    const { summary, calls, skips } = await read('otel/real-mlflow-spans.jsonl', 'call_id, parent_id, ts, latency_ms, provider, model, finish_reason, input_tokens, output_tokens');
    expect(summary).toMatchObject({ rows: 2, calls: 1, skipped: 1, rejects: 0 });
    expect(calls).toEqual([{ call_id: 'As1A+i6CJK4=', parent_id: 'PYrGYPZAoK0=', ts: new Date('2026-03-05T11:40:23.888Z'), latency_ms: 1353.674074, provider: 'openai',
      model: 'RedHatAI/Qwen3-Next-80B-A3B-Instruct-FP8', finish_reason: 'stop', input_tokens: 63n, output_tokens: 153n }]);
    expect(skips).toEqual(['otel span without gen_ai usage: POST']);
  });

  it("OpenLIT's and OpenLLMetry's spans: their stream flags, OpenLIT's cost estimate, the provider in one case", async () => {
    const openlit = await read('otel/real-openlit-span.json', 'provider, model, streamed, finish_reason, input_tokens, output_tokens, reported_cost::VARCHAR AS cost, reported_cost_kind');
    expect(openlit.calls).toEqual([{ provider: 'openai', model: 'gpt-3.5-turbo', streamed: false, finish_reason: 'stop', input_tokens: 14n, output_tokens: 96n,
      cost: '0.000151000', reported_cost_kind: 'estimated' }]);
    const openllmetry = await read('otel/real-openllmetry-span.json', 'provider, model, streamed, finish_reason, input_tokens, output_tokens');
    expect(openllmetry.calls).toEqual([{ provider: 'openai', model: 'gpt-3.5-turbo-0125', streamed: false, finish_reason: 'stop', input_tokens: 14n, output_tokens: 173n }]);
  });

  it("pydantic-ai: an agent run's summed usage is skipped (not rejected, not counted); its chat spans are the calls, with their cost", async () => {
    const { summary, calls, skips } = await read('otel/pydantic-ai-spans.jsonl', 'input_tokens, output_tokens, reported_cost::VARCHAR AS cost');
    expect(summary).toMatchObject({ rows: 12, calls: 4, skipped: 8, rejects: 0 });
    expect(calls).toEqual([
      { input_tokens: 265n, output_tokens: 73n, cost: '0.000083550' },
      { input_tokens: 417n, output_tokens: 53n, cost: '0.000094350' },
      { input_tokens: 502n, output_tokens: 14n, cost: '0.000083700' },
      { input_tokens: 131n, output_tokens: 69n, cost: '0.000061050' },
    ]);
    expect(skips.filter((s) => s.startsWith('otel agent run span'))).toEqual([
      'otel agent run span (joke_agent): its model calls are spans of their own',
      'otel agent run span (joke_agent): its model calls are spans of their own',
      'otel agent run span (evaluator_agent): its model calls are spans of their own',
    ]);
  });

  it("Google ADK: the provider from llm.provider (gen_ai.system names the framework), chain and agent spans skipped", async () => {
    const { summary, calls, skips } = await read('otel/google-adk-spans.jsonl', 'provider, model, input_tokens, output_tokens, user_id, session_id');
    expect(summary).toMatchObject({ rows: 5, calls: 2, skipped: 3, rejects: 0 });
    expect(calls).toEqual([
      { provider: 'google', model: 'gemini-2.0-flash', input_tokens: 28n, output_tokens: 3n, user_id: 'demo-user', session_id: 'demo-session' },
      { provider: 'google', model: 'gemini-2.0-flash', input_tokens: 39n, output_tokens: 6n, user_id: 'demo-user', session_id: 'demo-session' },
    ]);
    expect(skips.slice(0, 2)).toEqual([
      'openinference CHAIN span: not a model call (its model calls are LLM spans of their own)',
      'openinference AGENT span: not a model call (its model calls are LLM spans of their own)',
    ]);
  });
});

describe('otel-genai-spans: other instrumentations\' names and wrappers', () => {
  const tokens = 'SELECT call_id, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens FROM calls ORDER BY ts';

  it("reads the cache under the older underscore names, inside or outside the input as the span's total says", async () => {
    // OpenLLMetry before 2025-10-30: prompt_tokens = Anthropic's input + the cache; llm.usage.total_tokens = prompt + completion.
    const legacy = await ingested([fixture('otel/openllmetry-legacy-cache-names.jsonl')]);
    expect(await legacy.ws.all(tokens)).toEqual([
      { call_id: '051581bf3cb55c13', input_tokens: 4n, cache_read_tokens: 0n, cache_write_unknown_tokens: 1163n, output_tokens: 187n },
      { call_id: '1f2e3d4c5b6a7980', input_tokens: 4n, cache_read_tokens: 1163n, cache_write_unknown_tokens: 0n, output_tokens: 202n },
    ]);
    // Strands Agents: input_tokens is Bedrock's, the cache outside it (total_tokens 58,291 = 4,299 + 631 + 35,574 + 17,787).
    const strands = await ingested([fixture('otel/strands-legacy-cache-names.jsonl')]);
    expect(await strands.ws.all(tokens)).toEqual([
      { call_id: 'a1b2c3d4e5f60718', input_tokens: 4299n, cache_read_tokens: 35574n, cache_write_unknown_tokens: 17787n, output_tokens: 631n },
    ]);
  });

  it("reads a cache larger than the input outside it, under the dotted names too (OpenLLMetry's Bedrock spans), where it rejected both calls as a negative input", async () => {
    // OpenLLMetry 0.62.1's Bedrock instrumentation: input_tokens is Anthropic's own (4), the cache from Bedrock's headers.
    const { ws, summary } = await ingested([fixture('otel/openllmetry-bedrock-cache-outside.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 0 });
    expect(await ws.all(tokens)).toEqual([
      { call_id: 'a1b2c3d4e5f60718', input_tokens: 4n, cache_read_tokens: 0n, cache_write_unknown_tokens: 18131n, output_tokens: 50n },
      { call_id: 'b2c3d4e5f6071829', input_tokens: 4n, cache_read_tokens: 18131n, cache_write_unknown_tokens: 0n, output_tokens: 50n },
    ]);
  });

  it("skips Microsoft.Extensions.AI's orchestrate_tools spans (their model calls' summed usage), which were rejected as missing a model", async () => {
    const { ws, summary } = await ingested([fixture('otel/rebuilt-meai-orchestrate-tools.jsonl')]);
    expect(summary).toMatchObject({ calls: 3, rejects: 0 });
    expect(await ws.all(`SELECT input_tokens, output_tokens FROM calls ORDER BY ts`)).toEqual([
      { input_tokens: 2546n, output_tokens: 47n }, { input_tokens: 3004n, output_tokens: 167n }, { input_tokens: 2497n, output_tokens: 200n },
    ]);
    const skips = await ws.all<{ reason: string }>(`SELECT reason FROM rejects WHERE kind = 'skip' AND starts_with(reason, 'otel orchestrate_tools')`);
    expect(skips.length).toBe(2);
  });

  it("takes the 0x off ids a console exporter prints (LiteLLM's OTel callback, a real span), so a trace joins across exporters", async () => {
    const { ws } = await ingested([fixture('otel/real-litellm-console-span.json')]);
    expect(await ws.all('SELECT call_id, trace_id, model, input_tokens, output_tokens FROM calls')).toEqual([
      { call_id: 'd7faef9ceb56aca5', trace_id: 'b90c5c673e0fc69a3f742892238c50a0', model: 'gpt-3.5-turbo-0125', input_tokens: 8n, output_tokens: 9n },
    ]);
  });

  it("LiteLLM's OTel callback (a real capture): the cache split and reasoning from metadata.usage_object (Python's dict text), the cost from gen_ai.cost.total_cost", async () => {
    // fixtures/SOURCES.md: LiteLLM's litellm_request span over its raw_gen_ai_request span; gen_ai.usage.input_tokens 412 is
    // OpenAI's prompt_tokens, 256 of them cache reads that only metadata.usage_object names. Before: 412 uncached input, no
    // reasoning, no cost (recomputed $0.000078 against LiteLLM's $0.0000588, flagged).
    const { ws, summary } = await ingested([fixture('otel/real-litellm-otlp-usage-object.json')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 0, skipped: 1 });
    expect(await ws.all(`SELECT call_id, trace_id, provider, model, streamed, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens,
      reasoning_tokens, input_tokens_reported, finish_reason, latency_ms, reported_cost::VARCHAR AS cost, reported_cost_kind FROM calls`)).toEqual([
      { call_id: 'a5f632a15409374f', trace_id: 'b1d8ae1b3fb8f0217735e4f3496c3bdf', provider: 'openai', model: 'gpt-4o-mini-2024-07-18', streamed: false,
        input_tokens: 156n, cache_read_tokens: 256n, cache_write_unknown_tokens: null, output_tokens: 27n, reasoning_tokens: 8n, input_tokens_reported: 412n,
        finish_reason: 'tool_calls', latency_ms: 736.6272, cost: '0.000058800', reported_cost_kind: 'estimated' },
    ]);
    // The child span (the provider's raw response, its usage as Python's dict text only) is no second call.
    expect(await ws.all("SELECT reason FROM rejects WHERE kind = 'skip'")).toEqual([{ reason: 'otel span without gen_ai usage: raw_gen_ai_request' }]);
    // Priced from the catalog, the split matches LiteLLM's own cost: 156 x $0.15 + 256 x $0.075 + 27 x $0.60 per 1M = $0.0000588.
    const r = await runCli(['audit', fixture('otel/real-litellm-otlp-usage-object.json'), '--db', ':memory:', '--format', 'csv', '--by', 'model']);
    expect(r.stdout).toContain('gpt-4o-mini,standard,1,0.000059,0.000059,0.000000,\n');
  });

  it("OpenLLMetry 0.62.3 (a real capture): its stream flag gen_ai.is_streaming and its reasoning count gen_ai.usage.reasoning_tokens", async () => {
    // fixtures/SOURCES.md: an openai.chat span under a traceloop workflow span. Before: streamed and reasoning_tokens NULL.
    const { ws, summary } = await ingested([fixture('otel/real-openllmetry-0.62.3-otlp.json')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 0, skipped: 1 });
    expect(await ws.all(`SELECT call_id, parent_id, provider, model, streamed, input_tokens, cache_read_tokens, output_tokens, reasoning_tokens,
      input_tokens_reported, finish_reason, latency_ms FROM calls`)).toEqual([
      { call_id: '76a26812b532f640', parent_id: 'aaa24d5a6cca68bf', provider: 'openai', model: 'gpt-4o-mini-2024-07-18', streamed: false, input_tokens: 156n,
        cache_read_tokens: 256n, output_tokens: 27n, reasoning_tokens: 8n, input_tokens_reported: 412n, finish_reason: 'tool_call', latency_ms: 25.878 },
    ]);
  });

  it("Pydantic AI's cache counts under gen_ai.usage.details (its versions of 2025-10-22 to 2026-04-07) are inside its input", async () => {
    // fixtures/SOURCES.md: Pydantic AI's own test span (a fake model's usage: input 100 with 20 cache reads and 10 cache
    // writes, output 200 with 30 reasoning). Before: 100 uncached input, no cache, no reasoning.
    const { ws, summary } = await ingested([fixture('otel/pydantic-ai-details-cache-span.jsonl')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 0 });
    expect(await ws.all(`SELECT provider, model, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens, reasoning_tokens,
      input_tokens_reported, reported_cost::VARCHAR AS cost FROM calls`)).toEqual([
      { provider: 'openai', model: 'gpt-4o-2024-11-20', input_tokens: 70n, cache_read_tokens: 20n, cache_write_unknown_tokens: 10n, output_tokens: 200n,
        reasoning_tokens: 30n, input_tokens_reported: 100n, cost: '0.001881250' },
    ]);
  });

  it("the Vercel AI SDK's spans as its JavaScript SDK holds them (a real ai 6.0.68 capture): [seconds, nanoseconds] times, ids in spanContext, its do* spans the calls", async () => {
    const { ws, summary } = await ingested([fixture('otel/real-vercel-ai-v6-spans.json')]);
    // Before: no call (the four chat spans rejected as "unparsable time in ts", the embedding skipped without usage).
    expect(summary).toMatchObject({ calls: 5, rejects: 0, skipped: 5 });
    expect(await ws.all(`SELECT call_id, trace_id, provider, model, operation, streamed, ttft_ms, input_tokens, cache_read_tokens, output_tokens,
      reasoning_tokens, ts, latency_ms, json_extract_string(tags, '$."ai.telemetry.functionId"') AS fn FROM calls ORDER BY ts`)).toEqual([
      { call_id: '39d6e9b3ddec9996', trace_id: 'b3e700af9eab81e19f72f964d62a35af', provider: 'openai', model: 'gpt-4o-mini-2024-07-18', operation: 'chat', streamed: false, ttft_ms: null,
        input_tokens: 14n, cache_read_tokens: null, output_tokens: 20n, reasoning_tokens: null, ts: new Date('2026-02-03T15:19:52.242Z'), latency_ms: 1779.415667, fn: 'test-generate-text' },
      expect.objectContaining({ call_id: '6c0201026326855d', input_tokens: 50n, output_tokens: 9n, fn: 'test-generate-text-messages' }),
      expect.objectContaining({ call_id: 'bf098ec12458e605', input_tokens: 63n, output_tokens: 156n, fn: 'test-generate-object' }),
      // The stream: its time to first chunk in milliseconds, its cached and reasoning counts (0 here).
      expect.objectContaining({ call_id: '5a81ef3ffb5d8603', streamed: true, ttft_ms: 426.8535000000011, input_tokens: 15n, cache_read_tokens: 0n, output_tokens: 112n, reasoning_tokens: 0n }),
      // The embedding: ai.usage.tokens, the provider before the dot of `openai.embedding`.
      expect.objectContaining({ call_id: '53e12604843b0399', provider: 'openai', model: 'text-embedding-3-small', operation: 'embeddings', input_tokens: 10n, output_tokens: 0n, latency_ms: 253.719584 }),
    ]);
    expect(await ws.all<{ reason: string }>("SELECT DISTINCT reason FROM rejects WHERE kind = 'skip' ORDER BY reason")).toEqual([
      { reason: 'vercel ai sdk ai.embed span: its model calls are its do* spans' },
      { reason: 'vercel ai sdk ai.generateObject span: its model calls are its do* spans' },
      { reason: 'vercel ai sdk ai.generateText span: its model calls are its do* spans' },
      { reason: 'vercel ai sdk ai.streamText span: its model calls are its do* spans' },
    ]);
    // Each function's calls are a workload of its own, named by its functionId.
    await classifyCalls(ws, undefined);
    expect((await ws.all<{ workload: string }>('SELECT DISTINCT workload FROM labels ORDER BY workload')).map((r) => r.workload)).toEqual([
      'test-embed', 'test-generate-object', 'test-generate-text', 'test-generate-text-messages', 'test-stream-text',
    ]);
  });

  it("the Vercel AI SDK over OTLP (ai 5.0.26): the doGenerate span is the call, the generateText around it skipped; the app's userId and sessionId metadata read", async () => {
    const { ws, summary } = await ingested([fixture('otel/real-vercel-ai-v5-otlp.json')]);
    expect(summary).toMatchObject({ calls: 1, rejects: 0 });
    expect(await ws.all('SELECT model, input_tokens, output_tokens FROM calls')).toEqual([{ model: 'gpt-4o-mini-2024-07-18', input_tokens: 412n, output_tokens: 27n }]);
    expect(await ws.all<{ reason: string }>("SELECT reason FROM rejects WHERE kind = 'skip' AND starts_with(reason, 'vercel')")).toEqual([
      { reason: 'vercel ai sdk ai.generateText span: its model calls are its do* spans' },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'batchable-vercel-'));
    const file = join(dir, 'spans.jsonl');
    writeFileSync(file, `${JSON.stringify({
      traceId: 'c4a1f7e29b0d3856a1f2c3d4e5f60718', spanId: 'aa01bb02cc03dd05', name: 'ai.streamText.doStream', startTimeUnixNano: '1749830400000000000', endTimeUnixNano: '1749830402000000000',
      attributes: { 'ai.operationId': 'ai.streamText.doStream', 'ai.model.provider': 'anthropic.messages', 'ai.model.id': 'claude-sonnet-4-5', 'ai.usage.inputTokens': 900,
        'ai.usage.outputTokens': 40, 'ai.telemetry.metadata.userId': 'user-17', 'ai.telemetry.metadata.sessionId': 'chat-4' },
    })}\n`);
    const other = await ingested([file]);
    expect(await other.ws.all('SELECT provider, model, streamed, input_tokens, output_tokens, user_id, session_id FROM calls')).toEqual([
      { provider: 'anthropic', model: 'claude-sonnet-4-5', streamed: true, input_tokens: 900n, output_tokens: 40n, user_id: 'user-17', session_id: 'chat-4' },
    ]);
  });

  it('refuses an OTLP metrics export by name, with the traces export to take instead', async () => {
    const file = fixture('otel/metrics-only.json');
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('an OpenTelemetry metrics export: token histograms per model and time window, with no call to label or price');
  });
});
