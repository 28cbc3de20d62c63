// Azure OpenAI through API Management's LLM logs (ApiManagementGatewayLlmLog). The table's columns are Microsoft's
// documented schema (learn.microsoft.com/azure/azure-monitor/reference/tables/apimanagementgatewayllmlog); the
// rows are written from it. Why this log: see src/ingest/adapters/azure.ts (the resource's own RequestResponse
// diagnostic logs carry no token counts).
import { describe, expect, it } from 'vitest';
import { azureApimGatewayLogs, azureApimLlmLogs } from '../../src/ingest/adapters/azure.ts';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const csv = fixture('azure/apim-llm-log.csv');
const json = fixture('azure/apim-llm-log.json');

describe('azure-apim-llm-logs', () => {
  it('is detected in the portal CSV and the JSON export, and no other format takes them; it takes no other format', async () => {
    for (const file of [csv, json]) {
      const sample = await sniff(file);
      expect(adapters.filter((a) => a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id), file).toEqual(['azure-apim-llm-logs']);
    }
    for (const other of ['openai/completions_usage_2026-03-31_2026-04-02.csv', 'litellm/spend-logs.csv', 'batchable/mixed-workloads.csv', 'openrouter/generations-array.json', 'litellm/spend-logs.json']) {
      expect(azureApimLlmLogs.detect(await sniff(fixture(other))), other).toBe(false);
    }
  });

  it('reads one call per request: split entries skipped, deployment name standing in for a missing model, prompt kept whole', async () => {
    const { ws, summary } = await ingested([csv]);
    expect(summary.files[0]).toMatchObject({ rows: 4, calls: 3, skipped: 1, rejects: 0 });
    expect(await ws.all("SELECT line, reason FROM rejects")).toEqual([{ line: 3n, reason: "continuation of a split LLM log entry (sequence 1): its call is on entry 0" }]);
    expect(await ws.all(`SELECT call_id, ts, model, provider, operation, streamed, input_tokens, cache_read_tokens, output_tokens, app FROM calls ORDER BY ts`)).toEqual([
      { call_id: 'chatcmpl-AzA1', ts: new Date('2026-09-23T02:00:05.120Z'), model: 'gpt-5.4-mini-2026-03-17', provider: 'azure-openai', operation: 'chat', streamed: false,
        input_tokens: 12000n, cache_read_tokens: null, output_tokens: 800n, app: 'etl-gpt54mini' },
      { call_id: 'chatcmpl-AzA2', ts: new Date('2026-09-23T09:14:40.002Z'), model: 'support-chat', provider: 'azure-openai', operation: 'chat', streamed: true,
        input_tokens: 900n, cache_read_tokens: null, output_tokens: 150n, app: 'support-chat' },
      { call_id: 'emb-AzA3', ts: new Date('2026-09-23T09:15:02.310Z'), model: 'text-embedding-3-small', provider: 'azure-openai', operation: 'embeddings', streamed: false,
        input_tokens: 2048n, cache_read_tokens: null, output_tokens: 0n, app: 'embed-small' },
    ]);
  });

  it('reads the JSON export the same way', async () => {
    const { ws } = await ingested([json]);
    expect(await ws.all('SELECT call_id, ts, model, streamed, input_tokens, output_tokens FROM calls ORDER BY ts')).toEqual([
      { call_id: 'chatcmpl-AzA1', ts: new Date('2026-09-23T02:00:05.120Z'), model: 'gpt-5.4-mini-2026-03-17', streamed: false, input_tokens: 12000n, output_tokens: 800n },
      { call_id: 'chatcmpl-AzA2', ts: new Date('2026-09-23T09:14:40.002Z'), model: 'support-chat', streamed: true, input_tokens: 900n, output_tokens: 150n },
    ]);
  });
});

// API Management's GatewayLogs: no token counts of their own, but the logged backend response body holds the model's
// usage. fixtures/azure/real-apim-gateway-logs.jsonl is a real resource log (fixtures/SOURCES.md); the CSV and JSON are
// the Log Analytics table (ApiManagementGatewayLogs) written from its documented columns.
describe('azure-apim-gateway-logs', () => {
  const real = fixture('azure/real-apim-gateway-logs.jsonl');
  const tableCsv = fixture('azure/apim-gateway-logs.csv');
  const tableJson = fixture('azure/apim-gateway-logs.json');

  it('is detected in both layouts, and neither Azure log takes the other', async () => {
    for (const file of [real, tableCsv, tableJson]) {
      const sample = await sniff(file);
      expect(adapters.filter((a) => a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id), file).toEqual(['azure-apim-gateway-logs']);
    }
    for (const other of [csv, json, 'litellm/spend-logs.csv', 'batchable/mixed-workloads.csv'].map((f) => (f.includes('/fixtures/') ? f : fixture(f)))) {
      expect(azureApimGatewayLogs.detect(await sniff(other)), other).toBe(false);
    }
  });

  it('a real resource log: the call from its response body, the content-filtered request skipped', async () => {
    const { ws, summary } = await ingested([real]);
    expect(summary.files[0]).toMatchObject({ format: 'azure-apim-gateway-logs', rows: 2, calls: 1, skipped: 1, rejects: 0 });
    expect(await ws.all(`SELECT call_id, ts, latency_ms, model, provider, operation, streamed, input_tokens, output_tokens, finish_reason, app,
      tags->>'response_id' AS response_id FROM calls`)).toEqual([
      { call_id: '99789635-18d0-480f-8182-a3a3c477a6a4', ts: new Date('2024-07-02T06:31:31.446590Z'), latency_ms: 176, model: 'gpt-35-turbo', provider: 'azure-openai',
        operation: 'chat', streamed: false, input_tokens: 14n, output_tokens: 8n, finish_reason: 'stop', app: 'gpt-chat-pilot', response_id: 'chatcmpl-9gRL14hGa8nQstOJKvLjh7EyulsnT' },
    ]);
    expect(await ws.all("SELECT line, reason FROM rejects")).toEqual([{ line: 2n, reason: 'failed request (status 400) without usage: not billed' }]);
  });

  it('the table: chat with cache reads, a stream whose last event holds the usage, embeddings, Responses with reasoning; a cut body rejected with what to log', async () => {
    const { ws, summary } = await ingested([tableCsv]);
    expect(summary.files[0]).toMatchObject({ rows: 7, calls: 4, skipped: 2, rejects: 1 });
    expect(await ws.all(`SELECT call_id, ts, model, operation, streamed, input_tokens, cache_read_tokens, output_tokens, reasoning_tokens, api_key, project, app
      FROM calls ORDER BY ts`)).toEqual([
      { call_id: '5d1c0b9e-0001-4a57-9a0e-1d2b3c4d5e61', ts: new Date('2026-09-23T02:00:05.120Z'), model: 'gpt-4o-2024-11-20', operation: 'chat', streamed: false,
        input_tokens: 1376n, cache_read_tokens: 1024n, output_tokens: 300n, reasoning_tokens: 0n, api_key: 'invoice-batch', project: 'backoffice', app: 'invoice-gpt4o' },
      { call_id: '5d1c0b9e-0002-4a57-9a0e-1d2b3c4d5e62', ts: new Date('2026-09-23T09:14:40.002Z'), model: 'gpt-4o-mini-2024-07-18', operation: 'chat', streamed: true,
        input_tokens: 900n, cache_read_tokens: 0n, output_tokens: 150n, reasoning_tokens: null, api_key: 'support-web', project: 'support', app: 'support-mini' },
      { call_id: '5d1c0b9e-0003-4a57-9a0e-1d2b3c4d5e63', ts: new Date('2026-09-23T09:15:02.310Z'), model: 'text-embedding-3-small', operation: 'embeddings', streamed: false,
        input_tokens: 2048n, cache_read_tokens: null, output_tokens: 0n, reasoning_tokens: null, api_key: 'search-indexer', project: 'search', app: 'embed-small' },
      { call_id: '5d1c0b9e-0007-4a57-9a0e-1d2b3c4d5e67', ts: new Date('2026-09-23T11:02:30.000Z'), model: 'o4-mini-2025-04-16', operation: 'responses', streamed: false,
        input_tokens: 1000n, cache_read_tokens: 500n, output_tokens: 700n, reasoning_tokens: 512n, api_key: 'agent-runner', project: 'agents', app: 'agent-o4mini' },
    ]);
    const rejects = await ws.all<{ line: bigint; kind: string; reason: string }>('SELECT line, kind, reason FROM rejects ORDER BY line');
    expect(rejects.map((r) => [r.kind, r.reason.split(':')[0]])).toEqual([
      ['reject', 'Azure OpenAI chat call logged without usage'],
      ['skip', 'gateway request that is not a model call (GET https'],
      ['skip', 'failed request (status 429) without usage'],
    ]);
    expect(rejects[0]!.reason).toContain('cut at the diagnostic setting\'s byte limit');
    expect(rejects[0]!.reason).toContain('ApiManagementGatewayLlmLog');
  });

  it('reads the table exported as JSON (az monitor log-analytics query) the same way', async () => {
    const { ws } = await ingested([tableJson]);
    expect(await ws.all('SELECT call_id, ts, model, streamed, input_tokens, cache_read_tokens, output_tokens FROM calls ORDER BY ts')).toEqual([
      { call_id: '5d1c0b9e-0001-4a57-9a0e-1d2b3c4d5e61', ts: new Date('2026-09-23T02:00:05.120Z'), model: 'gpt-4o-2024-11-20', streamed: false, input_tokens: 1376n, cache_read_tokens: 1024n, output_tokens: 300n },
      { call_id: '5d1c0b9e-0002-4a57-9a0e-1d2b3c4d5e62', ts: new Date('2026-09-23T09:14:40.002Z'), model: 'gpt-4o-mini-2024-07-18', streamed: true, input_tokens: 900n, cache_read_tokens: 0n, output_tokens: 150n },
    ]);
  });
});
