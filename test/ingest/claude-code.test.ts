// Claude Code local logs. fixtures/claude-code/session.jsonl is written from the documented line shapes
// (see fixtures/SOURCES.md): 11 lines, of which 4 assistant lines with usage, one a repeat of the same response.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCodeLogs } from '../../src/ingest/adapters/claude-code.ts';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { chooseAdapter } from '../../src/ingest/detect.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested } from '../helpers/workspace.ts';

const session = fixture('claude-code/session.jsonl');

describe('claude-code detection', () => {
  it('recognises a session file, and no other format takes it', async () => {
    const sample = await sniff(session);
    expect(chooseAdapter(session, sample).id).toBe('claude-code');
    expect(adapters.filter((a) => a.id !== 'claude-code' && a.kinds.includes('jsonl') && a.detect(sample)).map((a) => a.id)).toEqual([]);
  });
  it('a session of summary lines only is this format too: read as 0 calls, each line skipped', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-cc-')), 'empty-session.jsonl');
    writeFileSync(file, '{"type":"summary","summary":"Brief description","leafUuid":"42f8e822-c264-4c7e-b42c-5ba1c4810245"}\n');
    const { summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'claude-code', calls: 0, skipped: 1, rejects: 0 });
  });
  it('a session whose lines spell sessionId as session_id (as a published guide showed one) is read as Claude Code writes it', async () => {
    const real = fixture('claude-code/real-session-2.1.233.jsonl');
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-cc-')), 'guide-session.jsonl');
    const renamed = readFileSync(real, 'utf8').trim().split('\n').map((line) => {
      const { sessionId, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify(sessionId === undefined ? rest : { ...rest, session_id: sessionId });
    });
    expect(renamed.join('\n')).not.toContain('"sessionId"');
    writeFileSync(file, `${renamed.join('\n')}\n`);
    expect(chooseAdapter(file, await sniff(file)).id).toBe('claude-code');
    const calls = async (f: string) => {
      const { ws, summary } = await ingested([f]);
      const rows = await ws.all(`SELECT call_id, session_id, trace_id, parent_id, input_tokens, output_tokens FROM calls ORDER BY call_id`);
      ws.close();
      return { file: summary.files[0], rows };
    };
    const [guide, written] = [await calls(file), await calls(real)];
    expect(guide.file).toMatchObject({ format: 'claude-code', rows: 11, calls: 2, duplicates: 3, skipped: 6, rejects: 0 });
    expect(guide.rows).toEqual(written.rows);
    expect(guide.rows.map((r) => [r.session_id, r.trace_id])).toEqual([
      ['9c42ba52-3bf1-449f-a040-8ee33284a1c8', '9c42ba52-3bf1-449f-a040-8ee33284a1c8'], ['9c42ba52-3bf1-449f-a040-8ee33284a1c8', '9c42ba52-3bf1-449f-a040-8ee33284a1c8'],
    ]);
  });
  it("the Agent SDK's stream messages (session_id and uuid, but parent_tool_use_id, no parentUuid) are not session logs", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-cc-')), 'stream.jsonl');
    writeFileSync(file, `${JSON.stringify({ type: 'assistant', message: { id: 'msg_1', model: 'claude-sonnet-4-6', usage: { input_tokens: 3, output_tokens: 5 } },
      parent_tool_use_id: null, session_id: 's-1', uuid: 'u-1' })}\n`);
    expect(claudeCodeLogs.detect(await sniff(file))).toBe(false);
  });
  it('does not take Langfuse, OTel, Anthropic batch results or batchable JSONL', async () => {
    for (const other of ['langfuse/observations.jsonl', 'otel/spans.jsonl', 'anthropic/batch-results.jsonl', 'batchable/agent-trace.jsonl']) {
      expect(claudeCodeLogs.detect(await sniff(fixture(other))), other).toBe(false);
    }
  });
});

describe('claude-code', () => {
  it('reads assistant usage once per message id + request id; every other line is skipped, never rejected', async () => {
    const { ws, summary } = await ingested([session]);
    expect(summary.files[0]).toMatchObject({ format: 'claude-code', rows: 11, calls: 3, duplicates: 1, skipped: 7, rejects: 0 });
    const skips = await ws.all<{ line: bigint; reason: string }>("SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY line");
    expect(skips.map((s) => [Number(s.line), s.reason])).toEqual([
      [1, 'claude code summary line: not usage'],
      [2, 'claude code file-history-snapshot line: not usage'],
      [3, 'claude code user line: not usage'],
      [6, 'claude code user line: not usage'],
      [8, 'claude code system line: not usage'],
      [9, 'claude code synthetic message (written by the CLI, no API call)'],
      [11, 'claude code user line: not usage'],
    ]);
  });

  it('a real sub-agent log (2.1.92) writes a response on two lines as it streams: the line with the final output count is the call', async () => {
    // fixtures/SOURCES.md: line 2 holds 8 output tokens and no stop reason, line 3 the same response's 108 and tool_use.
    const { ws, summary } = await ingested([fixture('claude-code/real-subagent-2.1.92.jsonl')]);
    expect(summary.files[0]).toMatchObject({ rows: 12, calls: 4, duplicates: 4, skipped: 4, rejects: 0 });
    const calls = await ws.all(`SELECT call_id, source_row AS line, input_tokens, cache_read_tokens, cache_write_5m_tokens AS w5m, output_tokens, finish_reason
      FROM calls ORDER BY ts, source_row`);
    expect(calls).toEqual([
      { call_id: 'msg_01KTjdbaSkUTKqTxbsgaLTdY:req_011CZmCGDtZi9rgNnhYGh1UR', line: 3n, input_tokens: 3n, cache_read_tokens: 50973n, w5m: 613n, output_tokens: 108n, finish_reason: 'tool_use' },
      { call_id: 'REDACTED:req_011CZmCGj3kd6ZaZqxosa7sC', line: 6n, input_tokens: 5n, cache_read_tokens: 51586n, w5m: 4577n, output_tokens: 94n, finish_reason: 'tool_use' },
      expect.objectContaining({ call_id: 'REDACTED:req_011CZmCHZT5BrbzTmbAdBjU3', output_tokens: 74n, finish_reason: 'tool_use' }),
      // The published excerpt ends before this response's last line: its two lines say 1 each, and the first is kept.
      expect.objectContaining({ call_id: 'msg_015Ge311Y8zbEkDFDBM6mj3T:req_011CZmCJ9NkgcGe6ePH4KVPW', line: 10n, output_tokens: 1n, finish_reason: null }),
    ]);
    // Read in one scan with another session (src/ingest/many.ts): the same lines are the calls.
    const scan = await ingested([session, fixture('claude-code/real-subagent-2.1.92.jsonl')]);
    expect(await scan.ws.all(`SELECT source_row AS line, output_tokens FROM calls WHERE source_file LIKE '%real-subagent%' ORDER BY source_row`)).toEqual([
      { line: 3n, output_tokens: 108n }, { line: 6n, output_tokens: 94n }, { line: 8n, output_tokens: 74n }, { line: 10n, output_tokens: 1n },
    ]);
  });

  it('a real 2.1.233 session: 1 h cache writes, and thinking tokens read as the reasoning inside output', async () => {
    // fixtures/SOURCES.md: two responses, written on three and two lines; usage.output_tokens_details.thinking_tokens.
    const { ws, summary } = await ingested([fixture('claude-code/real-session-2.1.233.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'claude-code', rows: 11, calls: 2, duplicates: 3, skipped: 6, rejects: 0 });
    expect(await ws.all(`SELECT call_id, model, input_tokens, cache_read_tokens, cache_write_5m_tokens AS w5m, cache_write_1h_tokens AS w1h,
      output_tokens, reasoning_tokens, finish_reason, service_tier_raw FROM calls ORDER BY ts`)).toEqual([
      { call_id: 'msg_011CeDqKnDd2qP37QdkC5nGR:req_011CeDqKmUijDCCz6qAREdCL', model: 'claude-haiku-4-5-20251001', input_tokens: 10n, cache_read_tokens: 22820n,
        w5m: 0n, w1h: 9907n, output_tokens: 135n, reasoning_tokens: 49n, finish_reason: 'tool_use', service_tier_raw: 'standard' },
      { call_id: 'msg_011CeDqM4fc8gXHBvHTN5Np2:req_011CeDqM3MyViX5ty9Ax7xi5', model: 'claude-haiku-4-5-20251001', input_tokens: 8n, cache_read_tokens: 32727n,
        w5m: 0n, w1h: 1914n, output_tokens: 177n, reasoning_tokens: 107n, finish_reason: 'end_turn', service_tier_raw: 'standard' },
    ]);
  });

  it('keeps Anthropic token semantics: uncached input, cache reads, 5m / 1h writes, unsplit writes of older versions', async () => {
    const { ws } = await ingested([session]);
    const rows = await ws.all(`SELECT call_id, source_row, model, provider, input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
      cache_write_unknown_tokens, output_tokens, web_search_requests, streamed, session_id, app, lane, reported_cost::VARCHAR AS cost,
      tags->>'project' AS project FROM calls ORDER BY ts`);
    expect(rows).toEqual([
      { call_id: 'msg_01QmA7yV9:req_011CTa1', source_row: 4n, model: 'claude-sonnet-4-6', provider: 'anthropic', input_tokens: 4n, cache_read_tokens: 14210n,
        cache_write_5m_tokens: 0n, cache_write_1h_tokens: 6120n, cache_write_unknown_tokens: null, output_tokens: 312n, web_search_requests: null,
        streamed: true, session_id: '6f1c2a34-0b7e-4d3a-9c11-2f5e8a7d9b10', app: 'claude-code', lane: 'standard', cost: null, project: '/home/dev/shop-api' },
      { call_id: 'msg_01QmB2kP4:req_011CTa2', source_row: 7n, model: 'claude-sonnet-4-6', provider: 'anthropic', input_tokens: 6n, cache_read_tokens: 20330n,
        cache_write_5m_tokens: 820n, cache_write_1h_tokens: 0n, cache_write_unknown_tokens: null, output_tokens: 1045n, web_search_requests: 1n,
        streamed: true, session_id: '6f1c2a34-0b7e-4d3a-9c11-2f5e8a7d9b10', app: 'claude-code', lane: 'standard', cost: null, project: '/home/dev/shop-api' },
      { call_id: 'msg_01QmC9xZ1:req_011CTa3', source_row: 10n, model: 'claude-haiku-4-5', provider: 'anthropic', input_tokens: 1200n, cache_read_tokens: 0n,
        cache_write_5m_tokens: null, cache_write_1h_tokens: null, cache_write_unknown_tokens: 300n, output_tokens: 90n, web_search_requests: null,
        streamed: true, session_id: '6f1c2a34-0b7e-4d3a-9c11-2f5e8a7d9b10', app: 'claude-code', lane: 'standard', cost: '0.001947000', project: '/home/dev/shop-api' },
    ]);
  });

  it('a second copy of the session (Claude Code rewrites files on resume) adds nothing', async () => {
    const { summary } = await ingested([session, fixture('claude-code/session-resumed.jsonl')]);
    // The 4 assistant lines already held (3 responses, one written twice) are duplicates; the new response is the one call.
    expect(summary.files[1]).toMatchObject({ calls: 1, duplicates: 4 });
  });

  it('the report says these calls are interactive, and labels them blocking', async () => {
    const r = await runCli(['audit', session, '--db', ':memory:', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { notes: string[]; totals: { blocking_share: number } };
    expect(doc.notes).toContain(
      '3 call(s) come from Claude Code local logs: an interactive coding agent streaming to a developer, so they are someone waiting by nature; batch would not serve them.',
    );
    expect(doc.totals.blocking_share).toBe(1);
  });
});
