// Amazon Bedrock: invocation logs (gzipped JSON lines, as S3 delivery writes them) and batch inference output.
// Record 1 of invocation-logs.json.gz is the public sample in dheerajoruganty/aws-bedrock-logs-mcp-server setup.md
// (fixtures/SOURCES.md); the others are written from the AWS documentation of the log schema.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bedrockBatchOutput, bedrockInvocationLogs } from '../../src/ingest/adapters/bedrock.ts';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { chooseAdapter } from '../../src/ingest/detect.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const logs = fixture('bedrock/invocation-logs.json.gz');
const batch = fixture('bedrock/batch-output.jsonl.out');

describe('bedrock detection', () => {
  it('recognises each file as its own format, and no other format takes it', async () => {
    for (const [file, id] of [[logs, 'bedrock-invocation-logs'], [batch, 'bedrock-batch-output']] as const) {
      const sample = await sniff(file);
      expect(chooseAdapter(file, sample).id).toBe(id);
      expect(adapters.filter((a) => a.id !== id && a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id)).toEqual([]);
    }
  });
  it('does not take OpenAI or Anthropic batch files, Langfuse or OTel', async () => {
    for (const other of ['openai/batch-output.jsonl', 'openai/batch-input.jsonl', 'anthropic/batch-results.jsonl', 'langfuse/observations.jsonl', 'otel/spans.jsonl']) {
      const sample = await sniff(fixture(other));
      expect(bedrockInvocationLogs.detect(sample), other).toBe(false);
      expect(bedrockBatchOutput.detect(sample), other).toBe(false);
    }
  });
});

describe('bedrock-invocation-logs', () => {
  it('reads calls with Bedrock token semantics: input excludes cache reads and writes; stream operations are streamed', async () => {
    const { ws, summary } = await ingested([logs]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-invocation-logs', rows: 5, calls: 4, skipped: 1, rejects: 0 });
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'skip'")).toEqual([{ line: 5n, reason: 'Bedrock invocation failed (ThrottlingException): not billed' }]);
    const rows = await ws.all(`SELECT call_id, model, provider, operation, streamed, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens,
      latency_ms, inference_geo, user_id, api_key_name, tags->>'job' AS job, tags->>'bedrock_operation' AS op FROM calls ORDER BY source_row`);
    // The caller's IAM identity is the key it called with (its role or user name names it), never an end user.
    expect(await ws.all('SELECT DISTINCT api_key FROM calls ORDER BY 1')).toEqual([
      { api_key: 'arn:aws:iam::XXXXXXXXXXXX:user/dheeraj' }, { api_key: 'arn:aws:sts::111122223333:assumed-role/chat-api/i-0def' },
      { api_key: 'arn:aws:sts::111122223333:assumed-role/etl-runner/i-0abc' }, { api_key: 'arn:aws:sts::111122223333:assumed-role/indexer/i-0fed' },
    ]);
    expect(rows).toEqual([
      { call_id: 'ff4b6c63-5561-4431-93b8-06a817275900', model: 'amazon.nova-lite-v1:0', provider: 'amazon-bedrock', operation: 'chat', streamed: true,
        input_tokens: 4n, cache_read_tokens: 0n, cache_write_unknown_tokens: 0n, output_tokens: 38n, latency_ms: 302, inference_geo: 'us-east-1',
        user_id: null, api_key_name: 'dheeraj', job: null, op: 'ConverseStream' },
      // The model id is kept as written (an inference-profile ARN): pricing resolves it.
      { call_id: '8d2e51b0-1c7f-4f7a-9a55-0b6f8e1d2c31', model: 'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6',
        provider: 'amazon-bedrock', operation: 'chat', streamed: false, input_tokens: 1200n, cache_read_tokens: 15000n, cache_write_unknown_tokens: 2048n,
        output_tokens: 640n, latency_ms: 5120, inference_geo: 'us-west-2', user_id: null, api_key_name: 'etl-runner', job: 'nightly-enrich', op: 'Converse' },
      { call_id: 'c0a8f6de-77aa-4d1e-b2a0-5d7c9e3f1a02', model: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0', provider: 'amazon-bedrock', operation: 'chat',
        streamed: true, input_tokens: 850n, cache_read_tokens: 0n, cache_write_unknown_tokens: 0n, output_tokens: 120n, latency_ms: null,
        inference_geo: 'eu-central-1', user_id: null, api_key_name: 'chat-api', job: null, op: 'InvokeModelWithResponseStream' },
      { call_id: 'e41b7a90-3c2d-4e8f-9a1b-6c5d4e3f2a10', model: 'amazon.titan-embed-text-v2:0', provider: 'amazon-bedrock', operation: 'embeddings',
        streamed: false, input_tokens: 512n, cache_read_tokens: null, cache_write_unknown_tokens: null, output_tokens: 0n, latency_ms: null,
        inference_geo: 'us-east-1', user_id: null, api_key_name: 'indexer', job: null, op: 'InvokeModel' },
    ]);
  });
});

describe('bedrock invocation logs exported from CloudWatch Logs (real, fixtures/SOURCES.md)', () => {
  it("Logs Insights' result rows: each @message is the record; a guardrail's block before the model ran is skipped, not rejected", async () => {
    const { summary, ws } = await ingested([fixture('bedrock/real-cloudwatch-insights-rows.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-invocation-logs', rows: 5, calls: 2, skipped: 3, rejects: 0 });
    expect(await ws.all('SELECT call_id, input_tokens, output_tokens, finish_reason, inference_geo FROM calls ORDER BY source_path')).toEqual([
      { call_id: 'a0dc0578-f33c-4a44-b739-107d672d5662', input_tokens: 219n, output_tokens: 112n, finish_reason: 'end_turn', inference_geo: 'us-east-2' },
      { call_id: '089eede5-e3db-4ec3-ad08-601289d88b34', input_tokens: 219n, output_tokens: 109n, finish_reason: 'end_turn', inference_geo: 'us-west-2' },
    ]);
    expect(await ws.all("SELECT DISTINCT reason FROM rejects WHERE kind = 'skip'")).toEqual([
      { reason: 'Bedrock guardrail intervened before the model ran: no model tokens billed' },
    ]);
  });

  // fixtures/SOURCES.md: the same five real records, as `aws logs get-query-results` returns them and as the Logs Insights
  // console's CSV download writes them (with @message; and with the fields Insights discovers, dotted).
  it.each(['bedrock/cloudwatch-get-query-results.json', 'bedrock/cloudwatch-insights-export.csv'])('%s: the same calls as the result rows', async (file) => {
    const { summary, ws } = await ingested([fixture(file)]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-invocation-logs', rows: 5, calls: 2, skipped: 3, rejects: 0 });
    expect(await ws.all('SELECT call_id, ts::VARCHAR AS ts, input_tokens, output_tokens, finish_reason, api_key_name FROM calls ORDER BY call_id')).toEqual([
      { call_id: '089eede5-e3db-4ec3-ad08-601289d88b34', ts: '2025-08-15 14:39:40+00', input_tokens: 219n, output_tokens: 109n, finish_reason: 'end_turn', api_key_name: 'ie-staging-staging-claudeInvoker-us-east-1-lambdaRole' },
      { call_id: 'a0dc0578-f33c-4a44-b739-107d672d5662', ts: '2025-08-15 14:39:40+00', input_tokens: 219n, output_tokens: 112n, finish_reason: 'end_turn', api_key_name: 'ie-staging-staging-claudeInvoker-us-east-1-lambdaRole' },
    ]);
  });

  // fixtures/SOURCES.md: two more real get-query-results files of the same load test. Both were refused as unrecognised.
  it("get-query-results as PowerShell's ConvertTo-Json writes it (one flat list of 108 fields): each @message is a call, pointed at in the list", async () => {
    const { summary, ws } = await ingested([fixture('bedrock/real-cloudwatch-query-results-flat.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-invocation-logs', rows: 6, calls: 6, skipped: 0, rejects: 0 });
    expect(await ws.all('SELECT count(*) AS calls, sum(input_tokens)::BIGINT AS input, sum(output_tokens)::BIGINT AS output, min(source_path) AS first FROM calls'))
      .toEqual([{ calls: 6n, input: 1314n, output: 629n, first: '/results/25' }]);
    expect(await ws.all("SELECT call_id FROM calls WHERE source_path = '/results/7'")).toEqual([{ call_id: '0c0500e6-c4ad-4390-b16f-9c3d24f9f76b' }]);
  });

  it('get-query-results of the records\' fields, no @message: the fields nested back into records, the model from the field the query named `model`', async () => {
    const { summary, ws } = await ingested([fixture('bedrock/real-cloudwatch-query-results-fields.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-invocation-logs', rows: 2, calls: 2, rejects: 0 });
    expect(await ws.all('SELECT call_id, ts::VARCHAR AS ts, model, input_tokens, output_tokens, inference_geo FROM calls ORDER BY call_id')).toEqual([
      { call_id: '85b25dcd-78a7-4ad2-9cfa-166ecd6034d8', ts: '2025-08-15 12:44:54+00', model: 'claude-sonnet-4-20250514', input_tokens: 219n, output_tokens: 109n, inference_geo: 'us-east-2' },
      { call_id: '9081a09f-d387-4e2a-a2fe-3a6163392508', ts: '2025-08-15 12:44:54+00', model: 'claude-sonnet-4-20250514', input_tokens: 219n, output_tokens: 109n, inference_geo: 'us-east-1' },
    ]);
  });

  it("the Logs Insights CSV of a query's fields: nested back into records; rows without token counts are rejected, not guessed", async () => {
    const { summary, ws } = await ingested([fixture('bedrock/cloudwatch-insights-fields.csv')]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-invocation-logs', rows: 5, calls: 2, skipped: 0, rejects: 3 });
    expect(await ws.all('SELECT call_id, ts::VARCHAR AS ts, model, input_tokens, output_tokens, streamed, inference_geo, api_key_name FROM calls ORDER BY call_id')).toEqual([
      { call_id: '089eede5-e3db-4ec3-ad08-601289d88b34', ts: '2025-08-15 14:39:40+00', model: 'arn:aws:bedrock:us-east-1:663981805246:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0',
        input_tokens: 219n, output_tokens: 109n, streamed: false, inference_geo: 'us-east-1', api_key_name: 'ie-staging-staging-claudeInvoker-us-east-1-lambdaRole' },
      { call_id: 'a0dc0578-f33c-4a44-b739-107d672d5662', ts: '2025-08-15 14:39:40+00', model: 'arn:aws:bedrock:us-east-1:663981805246:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0',
        input_tokens: 219n, output_tokens: 112n, streamed: false, inference_geo: 'us-east-1', api_key_name: 'ie-staging-staging-claudeInvoker-us-east-1-lambdaRole' },
    ]);
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'reject' ORDER BY line")).toEqual(
      [2n, 3n, 4n].map((line) => ({ line, reason: expect.stringContaining('missing input_tokens') })));
  });

  it('log events ({events: [{@message}]}): each event is a call', async () => {
    const { summary, ws } = await ingested([fixture('bedrock/real-cloudwatch-log-events.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-invocation-logs', rows: 4, calls: 4, skipped: 0, rejects: 0 });
    expect(await ws.all('SELECT sum(input_tokens)::BIGINT AS input, sum(output_tokens)::BIGINT AS output FROM calls')).toEqual([{ input: 876n, output: 436n }]);
  });
});

describe('bedrock invocation logs: Converse blocked by a guardrail (real, fixtures/SOURCES.md)', () => {
  it('a Converse call of no tokens that stopped for the guardrail is skipped; one the guardrail stopped after the model ran is a call', async () => {
    const { summary, ws } = await ingested([fixture('bedrock/real-elastic-invocations.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-invocation-logs', rows: 7, calls: 5, skipped: 2, rejects: 0 });
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY line")).toEqual([
      { line: 1n, reason: 'Bedrock guardrail intervened before the model ran: no model tokens billed' },
      { line: 2n, reason: 'Bedrock guardrail intervened before the model ran: no model tokens billed' },
    ]);
    expect(await ws.all("SELECT input_tokens, output_tokens, finish_reason FROM calls WHERE finish_reason = 'guardrail_intervened'")).toEqual([
      { input_tokens: 70n, output_tokens: 209n, finish_reason: 'guardrail_intervened' },
    ]);
  });
});

describe('bedrock invocation logs: cache writes by TTL (fixtures/SOURCES.md)', () => {
  it("an Anthropic body's usage.cache_creation splits Bedrock's one write count into 5-minute and 1-hour writes; a throttled call is skipped", async () => {
    const { summary, ws } = await ingested([fixture('bedrock/invocation-cache-ttl.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-invocation-logs', rows: 3, calls: 2, skipped: 1, rejects: 0 });
    expect(await ws.all('SELECT input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, cache_write_unknown_tokens, output_tokens FROM calls ORDER BY source_row')).toEqual([
      // InvokeModel: the body's usage
      { input_tokens: 9n, cache_read_tokens: 0n, cache_write_5m_tokens: 0n, cache_write_1h_tokens: 2403n, cache_write_unknown_tokens: null, output_tokens: 23n },
      // InvokeModelWithResponseStream: the message_start event's usage
      { input_tokens: 6n, cache_read_tokens: 178945n, cache_write_5m_tokens: 553n, cache_write_1h_tokens: 0n, cache_write_unknown_tokens: null, output_tokens: 40n },
    ]);
  });
});

describe('bedrock-batch-output of a model whose bodies name none (fixtures/SOURCES.md: the AWS docs\' Titan example)', () => {
  it('is rejected with a fix that works: the job\'s modelId added to every line, then read with its Titan counts', async () => {
    const { summary } = await ingested([fixture('bedrock/batch-output-titan.jsonl.out')]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-batch-output', rows: 2, calls: 0, skipped: 1, rejects: 1 });
    expect(summary.files[0]?.firstRejects[0]?.reason).toContain(`jq -c '. + {modelId: "MODEL"}' FILE > FILE.with-model.jsonl.out`);
    // What that jq line writes:
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-bedrock-')), 'titan.jsonl.out');
    writeFileSync(file, readFileSync(fixture('bedrock/batch-output-titan.jsonl.out'), 'utf8').trim().split('\n')
      .map((line) => JSON.stringify({ ...JSON.parse(line), modelId: 'amazon.titan-text-express-v1' })).join('\n') + '\n');
    const { ws, summary: fixed } = await ingested([file]);
    expect(fixed.files[0]).toMatchObject({ calls: 1, skipped: 1, rejects: 0 });
    expect(await ws.all('SELECT model, lane, input_tokens, output_tokens, finish_reason FROM calls')).toEqual([
      { model: 'amazon.titan-text-express-v1', lane: 'batch', input_tokens: 8n, output_tokens: 3n, finish_reason: 'FINISH' },
    ]);
  });
});

describe('bedrock-batch-output', () => {
  it('InvokeModelWithResponseStream: the latency and first byte from the last stream event, the stop reason from message_delta', async () => {
    // fixtures/SOURCES.md: line 1 a real guardrail-blocked stream record (no invocation metrics), line 2 written from
    // the stream's documented final event (`amazon-bedrock-invocationMetrics`).
    const { ws, summary } = await ingested([fixture('bedrock/invocation-stream.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 0 });
    expect(await ws.all('SELECT source_row AS line, model, streamed, input_tokens, output_tokens, latency_ms, ttft_ms, finish_reason FROM calls ORDER BY source_row')).toEqual([
      { line: 1n, model: 'anthropic.claude-3-sonnet-20240229-v1:0', streamed: true, input_tokens: 0n, output_tokens: 0n, latency_ms: null, ttft_ms: null, finish_reason: 'end_turn' },
      { line: 2n, model: 'anthropic.claude-3-haiku-20240307-v1:0', streamed: true, input_tokens: 17n, output_tokens: 322n, latency_ms: 7881, ttft_ms: 1145, finish_reason: 'end_turn' },
    ]);
  });

  it('reads records as batch-lane calls; failed records are skipped; a body without a model is a reject that says what to do', async () => {
    const { ws, summary } = await ingested([batch]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-batch-output', rows: 4, calls: 2, skipped: 1, rejects: 1 });
    expect(await ws.all("SELECT line, kind, reason FROM rejects ORDER BY line")).toEqual([
      { line: 3n, kind: 'skip', reason: 'Bedrock batch record failed (400): not billed' },
      { line: 4n, kind: 'reject', reason: expect.stringContaining('no model: this Bedrock batch output body does not name its model') },
    ]);
    const rows = await ws.all(`SELECT call_id, model, lane, input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
      cache_write_unknown_tokens, output_tokens, tags->>'record_id' AS record FROM calls ORDER BY source_row`);
    expect(rows).toEqual([
      { call_id: 'msg_bdrk_01A1', model: 'claude-haiku-4-5-20251001', lane: 'batch', input_tokens: 410n, cache_read_tokens: 0n, cache_write_5m_tokens: null,
        cache_write_1h_tokens: null, cache_write_unknown_tokens: 0n, output_tokens: 22n, record: 'CALL0000001' },
      { call_id: 'msg_bdrk_01A2', model: 'claude-haiku-4-5-20251001', lane: 'batch', input_tokens: 380n, cache_read_tokens: 2048n, cache_write_5m_tokens: 1024n,
        cache_write_1h_tokens: 0n, cache_write_unknown_tokens: null, output_tokens: 18n, record: 'CALL0000002' },
    ]);
  });
});

describe('bedrock-batch-output: a real record with an Anthropic body (fixtures/SOURCES.md: ybalbert001/llm_translation_research)', () => {
  it('claude-3-haiku-20240307 on Bedrock batch: one batch call of 111 input and 73 output tokens, named by its message id, its recordId kept', async () => {
    const file = fixture('bedrock/real-batch-output-claude-3-haiku.jsonl.out');
    const sample = await sniff(file);
    expect(chooseAdapter(file, sample).id).toBe('bedrock-batch-output');
    expect(adapters.filter((a) => a.id !== 'bedrock-batch-output' && a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id)).toEqual([]);
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'bedrock-batch-output', rows: 1, calls: 1, skipped: 0, rejects: 0 });
    expect(await ws.all(`SELECT call_id, provider, model, operation, lane, requests, input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
      cache_write_unknown_tokens, output_tokens, finish_reason, tags->>'record_id' AS record FROM calls`)).toEqual([
      { call_id: 'msg_bdrk_018FaiigbPq6PehfhWM2GMBv', provider: 'amazon-bedrock', model: 'claude-3-haiku-20240307', operation: 'chat', lane: 'batch', requests: 1n,
        input_tokens: 111n, cache_read_tokens: null, cache_write_5m_tokens: null, cache_write_1h_tokens: null, cache_write_unknown_tokens: null,
        output_tokens: 73n, finish_reason: 'stop_sequence', record: 'meta_Appliances_0_0' },
    ]);
  });
});
