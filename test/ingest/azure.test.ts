// Azure OpenAI through API Management's LLM logs (ApiManagementGatewayLlmLog). The table's columns are Microsoft's
// documented schema (learn.microsoft.com/azure/azure-monitor/reference/tables/apimanagementgatewayllmlog); the
// rows are written from it. Why this log: see src/ingest/adapters/azure.ts (the resource's own RequestResponse
// diagnostic logs carry no token counts).
import { describe, expect, it } from 'vitest';
import { azureApimLlmLogs } from '../../src/ingest/adapters/azure.ts';
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
