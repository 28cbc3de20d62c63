// Claude Code local logs. fixtures/claude-code/session.jsonl is written from the documented line shapes
// (see fixtures/SOURCES.md): 11 lines, of which 4 assistant lines with usage, one a repeat of the same response.
import { mkdtempSync, writeFileSync } from 'node:fs';
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
