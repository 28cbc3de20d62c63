// A format whose records hold fields no select reads (Langfuse's `input` and `output`: whole prompts and completions)
// reads its JSON records cut to the fields it declares (Adapter.recordFields, recordFieldsSql), as its CSV is read
// (csv-records.ts). The cut must keep a field that is null apart from one that is absent: Langfuse's select tells a
// trace (`observations` present, even null) from an observation of another type by it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { langfuseObservations } from '../../src/ingest/adapters/langfuse.ts';
import { cutRecordBytes, pageRecords, recordFieldsSql } from '../../src/ingest/adapters/sql-helpers.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';

describe('records cut to the fields a select reads', () => {
  it('keeps the fields asked for of a long record, a null one as null, leaves out an absent one; a short record, or one not an object, stays whole', async () => {
    const ws = await openWorkspace(':memory:');
    const pad = 'p'.repeat(cutRecordBytes);
    await ws.run(`CREATE TEMP TABLE recs AS SELECT * FROM (VALUES
      (1, '', '{"id":"a","input":"${pad}","observations":null,"usage":{"input":3}}'::JSON),
      (2, '', '  {"id":"b","traceId":"t","input":["${pad}"]}'::JSON),
      (3, '', '[1,2,"${pad}"]'::JSON),
      (4, '', '{"type":"SPAN","id":"d\\"q","output":"${pad}"}'::JSON),
      (5, '', '{"id":"short","input":"kept"}'::JSON)) t(_line, _path, rec)`);
    const rows = await ws.all<{ _line: number; rec: string }>(
      `SELECT _line, rec::VARCHAR AS rec FROM ${recordFieldsSql('recs', ['id', 'traceId', 'observations', 'usage', 'type'])} ORDER BY _line`,
    );
    ws.close();
    expect(rows.map((r) => [r._line, r.rec])).toEqual([
      [1, '{"id":"a","observations":null,"usage":{"input":3}}'],
      [2, '{"id":"b","traceId":"t"}'],
      [3, `[1,2,"${pad}"]`],
      [4, '{"id":"d\\"q","type":"SPAN"}'],
      [5, '{"id":"short","input":"kept"}'],
    ]);
    // Each cut record is JSON that reads back the values it kept.
    for (const { rec } of rows) expect(() => JSON.parse(rec) as unknown).not.toThrow();
  });

  it('tells API pages from records without parsing records that cannot be pages, an escaped key still a page', async () => {
    // pageRecords parses a record only when its text names the list's key or holds a \\u escape (which could spell it).
    const ws = await openWorkspace(':memory:');
    await ws.run(`CREATE TEMP TABLE src AS SELECT * FROM (VALUES
      (1, '', '{"data":[{"id":"p1"},{"id":"p2"}]}'::JSON),
      (2, '', '{"\\u0064ata":[{"id":"e1"}]}'::JSON),
      (3, '', '{"id":"r1","metadata":{"data":[1]}}'::JSON),
      (4, '', '{"id":"r2","note":"caf\\u00e9"}'::JSON),
      (5, '', '{"id":"r3"}'::JSON),
      (6, '', '{"data":"not a list","id":"r4"}'::JSON)) t(_line, _elem, j)`);
    const rows = await ws.all<{ _line: number; _path: string; id: string }>(
      `SELECT _line, _path, json_extract_string(rec, '$.id') AS id FROM ${pageRecords('src')} ORDER BY _line, _path`);
    ws.close();
    expect(rows.map((r) => [r._line, r._path, r.id])).toEqual([
      [1, '/data/0', 'p1'], [1, '/data/1', 'p2'], [2, '/data/0', 'e1'], [3, '', 'r1'], [4, '', 'r2'], [5, '', 'r3'], [6, '', 'r4'],
    ]);
  });

  it("Langfuse's JSON and JSONL exports are read through the cut; a trace with observations null and a span without them are still told apart", async () => {
    const select = langfuseObservations.select({ src: '_src', kind: 'jsonl', header: [], map: new Map(), fileModifiedAt: '2026-01-01T00:00:00.000Z' });
    expect(select.from).toContain(recordFieldsSql(pageRecords('_src'), langfuseObservations.recordFields!));
    // A CSV's records are cut as they are read: not cut again.
    const csv = langfuseObservations.select({ src: '_src', kind: 'jsonl', header: [], map: new Map(), fileModifiedAt: '2026-01-01T00:00:00.000Z', recordsCut: true });
    expect(csv.from).not.toContain('_fields');

    const base = { traceId: 'tr-1', startTime: '2026-10-01T10:00:00.000Z', endTime: '2026-10-01T10:00:02.000Z', usageDetails: { input: 10, output: 5 }, model: 'gpt-4o' };
    // Every record long enough to be cut (its input), and one short one read whole.
    const input = 'x'.repeat(cutRecordBytes);
    const records = [
      { ...base, id: 'gen-1', type: 'GENERATION', input: 'x'.repeat(5000), output: { content: 'y'.repeat(300) } },
      { ...base, id: 'span-null', type: 'SPAN', observations: null, input },
      { ...base, id: 'span-absent', type: 'SPAN', input },
      { ...base, id: 'gen-2', type: 'GENERATION', userId: null, sessionId: 'sess-9', metadata: null, level: null, input },
      { ...base, id: 'gen-3', type: 'GENERATION', sessionId: 'sess-9' },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'batchable-record-fields-'));
    writeFileSync(join(dir, 'lf.jsonl'), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    writeFileSync(join(dir, 'lf.json'), JSON.stringify(records, null, 2));
    // Also with parts of 512 bytes: records that are not API pages are then read in one statement, not unnested part
    // by part (file-rows.ts: holdsPages), to the same rows.
    for (const [name, options] of [['lf.jsonl', {}], ['lf.json', {}], ['lf.jsonl', { jsonPartBytes: 512 }]] as const) {
      const ws = await openWorkspace(':memory:');
      await ingestFiles(ws, [join(dir, name)], options);
      const calls = await ws.all<{ call_id: string; user_id: string | null; session_id: string | null; input_tokens: bigint; tags: string }>(
        'SELECT call_id, user_id, session_id, input_tokens, tags::VARCHAR AS tags FROM calls ORDER BY call_id');
      const skips = await ws.all<{ reason: string; raw: string }>("SELECT reason, raw FROM rejects WHERE kind = 'skip' ORDER BY coalesce(line, 0), path");
      ws.close();
      expect(calls, name).toEqual([
        { call_id: 'gen-1', user_id: null, session_id: null, input_tokens: 10n, tags: '{}' },
        { call_id: 'gen-2', user_id: null, session_id: 'sess-9', input_tokens: 10n, tags: '{}' },
        { call_id: 'gen-3', user_id: null, session_id: 'sess-9', input_tokens: 10n, tags: '{}' },
      ]);
      expect(skips.map((s) => s.reason), name).toEqual([
        "langfuse trace: not usage (none of its observations is in this file: they are in another window's)",
        'langfuse SPAN observation: no model usage',
      ]);
      // A skip's text is its record as the file has it, not the cut record.
      expect((JSON.parse(skips[0]!.raw) as { observations?: unknown }).observations, name).toBeNull();
    }
  });
});
