// One model call recorded twice, one span (run, observation) inside the other: the rows over a counted call are
// skipped, so its tokens are counted once (src/ingest/nested-calls.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { fixture } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const skipsOf = async (ws: Awaited<ReturnType<typeof ingested>>['ws']) =>
  ws.all<{ line: bigint; reason: string }>("SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY line");

describe('a model call recorded again around itself', () => {
  it('OTel: the framework span over the SDK span, a wrapper over calls a chain span apart, and a wrapper without a model are skipped; each call counted once', async () => {
    const { ws, summary } = await ingested([fixture('otel/nested-instrumented-twice.jsonl')]);
    // Before: 9 calls (9,900 input tokens) and a reject ("missing model"): the LangChain span's 1,200 input tokens and the wrapper's 3,000
    // counted on top of the calls below them.
    expect(summary).toMatchObject({ calls: 7, rejects: 0, skipped: 5, duplicates: 0 });
    const skips = await skipsOf(ws);
    expect(skips.map((s) => s.line)).toEqual([1n, 2n, 5n, 6n, 11n]);
    expect(skips[1]!.reason).toBe(
      'span with model-call spans below it (an app instrumented twice, or a wrapper that sums its calls): 1 counted there (span c100000000000001), not again on it',
    );
    expect(skips[2]!.reason).toContain(': 2 counted there (span g200000000000001, …), not again on it');
    expect(skips[4]!.reason).toContain(': 1 counted there (span x400000000000001)');
    const [totals] = await ws.all<{ input: bigint; cached: bigint; output: bigint }>(
      'SELECT sum(input_tokens_reported) AS input, sum(cache_read_tokens) AS cached, sum(output_tokens) AS output FROM calls',
    );
    // Inputs c1 1,200 (1,024 of them cache reads), d1 1,200, g2 1,000, h2 2,000, s3, y4 and x4 100 each; outputs 80,
    // 80, 100, 100 and 10 each.
    expect(totals).toEqual({ input: 5700n, cached: 1024n, output: 390n });
    // A span whose parent is itself (broken input) is a call; a parent id of another trace is not its parent (d1 of
    // the first trace stays a call beside y4 of the fourth, which names it).
    expect((await ws.all<{ call_id: string }>('SELECT call_id FROM calls ORDER BY call_id')).map((r) => r.call_id)).toEqual([
      'c100000000000001', 'd100000000000001', 'g200000000000001', 'h200000000000001', 's300000000000001', 'x400000000000001', 'y400000000000001',
    ]);
    ws.close();
  });

  it('Langfuse: a LangChain generation over the OpenAI integration\'s is skipped; the child keeps its cache reads', async () => {
    const { ws, summary } = await ingested([fixture('langfuse/nested-generations.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 0, skipped: 2 });
    expect((await skipsOf(ws))[1]).toEqual({
      line: 2n,
      reason: 'observation with model-call observations below it (an app instrumented twice, or a wrapper that sums its calls): 1 counted there (observation 5c1d0000-0000-4000-8000-000000000003), not again on it',
    });
    expect(await ws.all('SELECT call_id, cache_read_tokens FROM calls ORDER BY call_id')).toEqual([
      { call_id: '5c1d0000-0000-4000-8000-000000000003', cache_read_tokens: 1024n },
      { call_id: '5c1d0000-0000-4000-8000-000000000004', cache_read_tokens: null },
    ]);
    ws.close();
  });

  it('LangSmith: a traceable llm run over the ChatOpenAI run in it is skipped; a root llm run alone is a call', async () => {
    const { ws, summary } = await ingested([fixture('langsmith/nested-llm-runs.jsonl')]);
    expect(summary).toMatchObject({ calls: 2, rejects: 0, skipped: 1 });
    expect((await skipsOf(ws))[0]!.reason).toContain('run with model-call runs below it');
    expect((await ws.all<{ call_id: string }>('SELECT call_id FROM calls ORDER BY call_id')).map((r) => r.call_id)).toEqual([
      '7a000000-0000-4000-8000-000000000002',
      '7a000000-0000-4000-8000-000000000003',
    ]);
    ws.close();
  });

  it('within each file: read in one scan, files give what they give alone, and a parent in another file is not read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-nested-'));
    const first = join(dir, 'a.jsonl');
    writeFileSync(first, readFileSync(fixture('otel/nested-instrumented-twice.jsonl')));
    // The second file: a call under d1, a call of the first file, in the same trace; and a nesting of its own.
    const span = (id: string, parent: string | null, start: number) =>
      JSON.stringify({
        traceId: '0af7651916cd43dd8448eb211c80319c', spanId: id, ...(parent === null ? {} : { parentSpanId: parent }), name: 'openai.chat',
        startTimeUnixNano: `${1790000050 + start}000000000`, endTimeUnixNano: `${1790000051 + start}000000000`,
        attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.output_tokens': 1 },
      });
    const second = join(dir, 'b.jsonl');
    writeFileSync(second, [span('e500000000000001', 'd100000000000001', 0), span('f500000000000001', null, 2), span('f500000000000002', 'f500000000000001', 2)].join('\n') + '\n');
    const read = async (oneScan: boolean) => {
      const ws = await openWorkspace(':memory:');
      const summary = await ingestFiles(ws, [first, second], { oneScan, ownTableMinCalls: 0 });
      const out = {
        summary,
        calls: await ws.all('SELECT call_id, source_file FROM calls ORDER BY source_file, call_id'),
        skips: await ws.all("SELECT file, line, reason FROM rejects ORDER BY file, line"),
        parts: (await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM source_parts'))[0]!.n,
      };
      ws.close();
      return out;
    };
    const scan = await read(true);
    const alone = await read(false);
    expect(scan.parts).toBe(2n); // the scan was used
    expect({ ...scan, parts: 0n }).toEqual({ ...alone, parts: 0n });
    expect(scan.summary).toMatchObject({ calls: 9, skipped: 6 });
    expect(scan.calls).toContainEqual({ call_id: 'd100000000000001', source_file: first });
    expect(scan.calls).toContainEqual({ call_id: 'e500000000000001', source_file: second });
    expect(scan.skips).toContainEqual(expect.objectContaining({ file: second, line: 2n }));
  });
});

describe("an agent's run that sums its calls", () => {
  it("is the call when no call below it is counted: Logfire's Claude Agent SDK spans (real), whose chat spans hold partial counts", async () => {
    const { ws, summary } = await ingested([fixture('otel/real-logfire-claude-agent-sdk-spans.jsonl')]);
    // Before: no call, $0 (the chat spans skipped without usage, the invoke_agent span as an agent's).
    expect(summary).toMatchObject({ calls: 1, rejects: 0, skipped: 3 });
    expect(await ws.all('SELECT model, input_tokens, cache_read_tokens, cache_write_unknown_tokens, output_tokens, session_id, reported_cost FROM calls')).toEqual([
      { model: 'claude-sonnet-4-6', input_tokens: 4n, cache_read_tokens: 17653n, cache_write_unknown_tokens: 1215n, output_tokens: 415n,
        session_id: 'ca03765b-a7e1-483b-9629-448c7aba5e7a', reported_cost: 0.01608915 },
    ]);
    ws.close();
  });

  it('stays skipped beside counted calls of its trace, even with no parent links; of two nested runs without calls, the inner is the call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-agent-runs-'));
    const span = (trace: string, id: string, parent: string | null, attributes: Record<string, unknown>) =>
      JSON.stringify({ traceId: trace, spanId: id, ...(parent === null ? {} : { parentSpanId: parent }), name: String(attributes['gen_ai.operation.name']),
        startTimeUnixNano: '1790000000000000000', endTimeUnixNano: '1790000001000000000', attributes });
    const run = (tokens: number) => ({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': tokens, 'gen_ai.usage.output_tokens': 10 });
    const chat = (tokens: number) => ({ 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': tokens, 'gen_ai.usage.output_tokens': 5 });
    const file = join(dir, 'spans.jsonl');
    writeFileSync(file, [
      // A run and its two calls, the parent links lost (each span a root, as a real Vercel AI SDK capture keeps them).
      span('t1', 'a1', null, run(300)), span('t1', 'b1', null, chat(100)), span('t1', 'c1', null, chat(200)),
      // A run inside a run, and no call counted below either (a chat span without usage).
      span('t2', 'a2', null, run(500)), span('t2', 'b2', 'a2', run(500)), span('t2', 'c2', 'b2', { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' }),
    ].join('\n') + '\n');
    const { ws, summary } = await ingested([file]);
    expect(summary).toMatchObject({ calls: 3, rejects: 0, skipped: 3 });
    expect((await ws.all<{ call_id: string }>('SELECT call_id FROM calls ORDER BY call_id')).map((r) => r.call_id)).toEqual(['b1', 'b2', 'c1']);
    // The outer run keeps its skip as an agent's (the inner one is the call); the run beside its calls too.
    expect(await ws.all("SELECT line, reason FROM rejects WHERE line IN (1, 4) ORDER BY line")).toEqual([
      { line: 1n, reason: 'otel invoke_agent span: its model calls are spans of their own' },
      { line: 4n, reason: 'otel invoke_agent span: its model calls are spans of their own' },
    ]);
    ws.close();
  });
});
