// Many CSV files of one format and header, or JSONL files of one format, are read in one scan (src/ingest/many.ts).
// Whatever the scan does, the workspace must be what reading the files one by one gives: the same calls (ids, lines,
// provenance), rejects, skips, duplicates and per-file counts. Each case ingests the same files both ways and compares.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';
import { concatMaxAverageBytes } from '../../src/ingest/concat.ts';
import { ingestFiles, type IngestOptions } from '../../src/ingest/ingest.ts';
import { ScanGroup, type Preview } from '../../src/ingest/many.ts';
import { fixture } from '../helpers/cli.ts';

const header = 'call_id,ts,model,input_tokens,output_tokens,project';
const row = (id: string, i: number, tokens: string | number = 100 + i) => `${id},2026-10-0${1 + (i % 7)}T${String(i % 24).padStart(2, '0')}:00:00Z,gpt-5.4,${tokens},${i % 50},proj_${i % 3}`;

function write(dir: string, name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Everything a file's ingest leaves behind, comparable across the two ways of reading. */
async function snapshot(ws: Workspace) {
  return {
    calls: await ws.all('SELECT * EXCLUDE (call_key), tags::VARCHAR AS tags FROM calls ORDER BY source_file, source_row, call_id'),
    billed: (await ws.all("SELECT 1 FROM information_schema.tables WHERE table_name = 'billed_costs'")).length === 0
      ? []
      : await ws.all('SELECT * FROM billed_costs ORDER BY source_file, source_row, line_item, token_type'),
    rejects: await ws.all('SELECT * FROM rejects ORDER BY file, line, kind, reason'),
    sources: await ws.all('SELECT * EXCLUDE (ingested_at, table_name) FROM sources ORDER BY file'),
    keys: (await ws.all<{ n: bigint }>('SELECT count(*) - count(DISTINCT call_key) AS n FROM calls'))[0]!.n,
  };
}

async function both(runs: readonly (readonly string[])[], options: IngestOptions = {}) {
  const result = async (oneScan: boolean) => {
    const ws = await openWorkspace(':memory:');
    const summaries = [];
    for (const files of runs) summaries.push(await ingestFiles(ws, files, { ...options, oneScan }));
    const parts = (await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM source_parts'))[0]!.n;
    const out = { summaries, ...(await snapshot(ws)), parts };
    ws.close();
    return out;
  };
  return { scan: await result(true), alone: await result(false) };
}

/** An ingest with --strict, read in one scan or one by one: its error and the files it kept. */
async function strictRun(files: readonly string[], oneScan: boolean, options: IngestOptions = {}) {
  const ws = await openWorkspace(':memory:');
  const error = await ingestFiles(ws, files, { ...options, strict: true, oneScan }).then(() => undefined, (e: Error) => e.message);
  const held = await ws.all('SELECT file, calls FROM sources ORDER BY file');
  const parts = (await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM source_parts'))[0]!.n;
  ws.close();
  return { error, held, parts };
}

describe('files read in one scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'batchable-many-'));
  // Daily files: a reject (a token count that is not a number), ids repeated within a file and across files,
  // a file with only its header, and a copy of an earlier file under another name. Kept under day=… directories:
  // the directories are not columns.
  const days = [
    write(dir, 'day=1/usage.csv', [header, ...Array.from({ length: 30 }, (_, i) => row(`a${i}`, i)), row('a3', 3)]),
    write(dir, 'day=2/usage.csv', [header, ...Array.from({ length: 20 }, (_, i) => row(`b${i}`, i, i === 7 ? 'lots' : 100 + i)), row('a5', 5)]),
    write(dir, 'day=3/usage.csv', [header]),
    write(dir, 'day=4/usage.csv', [header, ...Array.from({ length: 25 }, (_, i) => row(`c${i}`, i))]),
  ];
  const copy = join(dir, 'day=5-copy.csv');
  copyFileSync(days[0]!, copy);

  it('gives what reading each file alone gives, in its own table or in call_rows', async () => {
    for (const ownTableMinCalls of [0, Number.MAX_SAFE_INTEGER]) {
      const { scan, alone } = await both([[...days, copy]], { ownTableMinCalls });
      expect(scan.summaries).toEqual(alone.summaries);
      expect(scan.calls).toEqual(alone.calls);
      expect(scan.rejects).toEqual(alone.rejects);
      expect(scan.sources).toEqual(alone.sources);
      expect(scan.keys).toBe(0n);
      // The scan was used: its table's parts are recorded (none when its rows went into call_rows).
      expect(scan.parts).toBe(ownTableMinCalls === 0 ? 4n : 0n);
      expect(alone.parts).toBe(0n);
    }
    const { scan } = await both([[...days, copy]]);
    const s = scan.summaries[0]!;
    expect(s.files.map((f) => [f.status, f.rows, f.calls, f.rejects, f.duplicates])).toEqual([
      ['ingested', 31, 30, 0, 1],
      ['ingested', 21, 19, 1, 1],
      ['ingested', 0, 0, 0, 0],
      ['ingested', 25, 25, 0, 0],
      ['already-ingested', 31, 0, 0, 0],
    ]);
    expect(s.files[1]!.firstRejects).toEqual([{ line: 9, path: null, reason: 'not a whole number in input_tokens: "lots"' }]);
    expect(scan.rejects).toMatchObject([{ file: days[1], line: 9n, raw: row('b7', 7, 'lots') }]);
    expect((scan.calls as { tags: string | null }[]).every((c) => c.tags === null)).toBe(true);
  });

  it('an id repeated across files: the earliest file keeps it, even where a later copy has more output tokens', async () => {
    // Within a file the row with the most output tokens is the call (file-rows.ts, repeatOrderSql); across files the
    // earliest file's, as reading them one by one keeps. A CSV scan's rows carry a hash of their file, not its place.
    const dir = mkdtempSync(join(tmpdir(), 'batchable-many-repeat-'));
    const files = Array.from({ length: 6 }, (_, k) => write(dir, `part-${k}.csv`, [header, row(`own-${k}`, k), row('dup-1', 1, 100), `dup-1,2026-10-02T01:00:00Z,gpt-5.4,100,${10 + k},proj_1`]));
    for (const ownTableMinCalls of [0, Number.MAX_SAFE_INTEGER]) {
      const { scan, alone } = await both([files], { ownTableMinCalls });
      expect(scan.calls).toEqual(alone.calls);
      expect(scan.sources).toEqual(alone.sources);
      const kept = (scan.calls as { call_id: string; source_file: string; output_tokens: bigint }[]).filter((c) => c.call_id === 'dup-1');
      expect(kept.map((c) => [c.source_file, c.output_tokens])).toEqual([[files[0], 10n]]);
    }
  });

  it('is idempotent: the same files again add nothing; files ingested later meet the ids held', async () => {
    const later = [
      write(dir, 'later/1.csv', [header, row('c0', 0), row('d1', 1)]),
      write(dir, 'later/2.csv', [header, row('d2', 2), row('a1', 1)]),
    ];
    const { scan, alone } = await both([days, [...days, ...later]], { ownTableMinCalls: 0 });
    expect(scan.summaries).toEqual(alone.summaries);
    expect(scan.calls).toEqual(alone.calls);
    expect(scan.sources).toEqual(alone.sources);
    expect(scan.summaries[1]!.files.map((f) => f.status)).toEqual(['already-ingested', 'already-ingested', 'already-ingested', 'already-ingested', 'ingested', 'ingested']);
    expect(scan.summaries[1]!.duplicates).toBe(2);
  });

  it('files already held are settled by the scan: none is looked up again alone; one new file among them is read alone', async () => {
    const added = write(dir, 'added/1.csv', [header, row('n1', 1), row('a1', 1)]);
    const { scan, alone } = await both([days, [...days, added]], { ownTableMinCalls: 0 });
    expect(scan.summaries).toEqual(alone.summaries);
    expect(scan.calls).toEqual(alone.calls);
    expect(scan.summaries[1]!.files.map((f) => f.status)).toEqual(['already-ingested', 'already-ingested', 'already-ingested', 'already-ingested', 'ingested']);
    // Reading a file alone asks whether a file of its size is held (ingestFile); the scan asks once for the group.
    const ws = await openWorkspace(':memory:');
    await ingestFiles(ws, days);
    const asked: string[] = [];
    const all = ws.all.bind(ws);
    ws.all = ((sql: string, params?: never) => (asked.push(sql), all(sql, params))) as typeof ws.all;
    await ingestFiles(ws, [...days, added]);
    ws.close();
    expect(asked.filter((sql) => sql.startsWith('SELECT 1 FROM sources WHERE bytes = $1'))).toHaveLength(1);
  });

  it('a line the CSV reader sets aside, bucket rows, and --strict with a reject: read one by one, the same outcome', async () => {
    const ragged = [
      write(dir, 'ragged/1.csv', [header, row('r1', 1), `${row('r2', 2)},extra`, row('r3', 3)]),
      write(dir, 'ragged/2.csv', [header, row('r4', 4)]),
    ];
    const r = await both([ragged]);
    expect(r.scan).toEqual(r.alone);
    expect(r.scan.rejects).toMatchObject([{ line: 3n }]);

    // OpenAI's usage CSV: day buckets, matched against held copies file by file.
    const bucketFile = fixture('openai/completions_usage_2026-03-31_2026-04-02.csv');
    const text = readFileSync(bucketFile, 'utf8').trimEnd().split('\n');
    const buckets = [write(dir, 'buckets/a.csv', text.slice(0, 2)), write(dir, 'buckets/b.csv', [text[0]!, ...text.slice(1)])];
    const b = await both([buckets]);
    expect(b.scan).toEqual(b.alone);
    expect(b.scan.summaries[0]!.duplicates).toBeGreaterThan(0);

    const s = await strictRun(days, true);
    expect(s).toEqual(await strictRun(days, false));
    expect(s.error).toContain(`${days[1]}:9: not a whole number in input_tokens`);
    expect(s.held).toEqual([{ file: days[0], calls: 30n }]);
  });

  it('a line the reader sets aside sends only its file alone: the files around it are still scanned, joined or not', async () => {
    // A truncated or hand-edited line in one of 365 daily files sent all 365 one by one (72 s against 2 s).
    const rows = (d: number) => Array.from({ length: 6 }, (_, i) => row(`s${d}-${i}`, i));
    const plain = Array.from({ length: 6 }, (_, d) => write(dir, `set-aside/plain/${d}.csv`, [header, ...rows(d), ...(d === 2 ? [`${row('x', 1)},extra`] : [])]));
    // Gzipped files are never joined: the reader names each reject's file.
    const gz = plain.map((f, d) => {
      const file = join(dir, `set-aside/gz/${d}.csv.gz`);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, gzipSync(readFileSync(f)));
      return file;
    });
    for (const files of [plain, gz]) {
      const r = await both([files], { ownTableMinCalls: 0 });
      expect(r.scan).toEqual({ ...r.alone, parts: r.scan.parts });
      expect(r.scan.parts).toBe(5n); // files 0-1 and 3-5, two scans; file 2 alone
      expect(r.scan.rejects).toMatchObject([{ file: files[2], line: 8n, reason: expect.stringContaining('TOO MANY COLUMNS') }]);
    }
    // Two files with such a line, the last one among them.
    const two = [...plain.slice(0, 5), write(dir, 'set-aside/plain/6.csv', [header, `${row('y', 2)},extra`, ...rows(6)])];
    const r = await both([two], { ownTableMinCalls: 0 });
    expect(r.scan).toEqual({ ...r.alone, parts: r.scan.parts });
    expect(r.scan.parts).toBe(4n);
  });

  it('the columns DuckDB named in the first file are given to the scan: odd header names, CRLF lines, a semicolon and decimal commas', async () => {
    // DuckDB names a repeated column `note_1` and an empty one `column5`; the scan reads every file with those names.
    const odd = 'call_id;ts;model;input_tokens;output_tokens;;note;note;"a ""quoted"" name";reported_cost';
    const line = (i: number) => `o${i};2026-10-0${1 + (i % 7)}T10:00:00Z;gpt-5.4;${100 + i};${i};x;y;z;"q;${i}";0,00${i}`;
    const files = [0, 1, 2].map((f) => {
      const file = join(dir, `odd/${f}.csv`);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, `${[odd, ...Array.from({ length: 4 + f }, (_, i) => line(f * 10 + i))].join('\r\n')}\r\n`);
      return file;
    });
    const { scan, alone } = await both([files], { ownTableMinCalls: 0 });
    expect(scan).toEqual({ ...alone, parts: 3n });
    expect(scan.summaries[0]!.calls).toBe(15);
    expect((scan.calls as { reported_cost: unknown }[]).map((c) => String(c.reported_cost))).toContain('0.002');
  });

  it('small files are joined into one file for the scan (src/ingest/concat.ts), and each row keeps its file and line', async () => {
    // Under BATCHABLE_TEMP_DIR, to see the joined file made and removed.
    const root = mkdtempSync(join(tmpdir(), 'batchable-join-test-'));
    const saved = process.env.BATCHABLE_TEMP_DIR;
    process.env.BATCHABLE_TEMP_DIR = root;
    /** The scan's outcome and, from the statements it ran, whether it read a joined file; what the two ways give must agree. */
    const joinedRun = async (files: readonly string[]) => {
      const { scan, alone } = await both([files], { ownTableMinCalls: 0 });
      expect(scan.summaries).toEqual(alone.summaries);
      expect(scan.calls).toEqual(alone.calls);
      expect(scan.rejects).toEqual(alone.rejects);
      expect(scan.sources).toEqual(alone.sources);
      const ws = await openWorkspace(':memory:');
      const reads: string[] = [];
      const run = ws.run.bind(ws);
      ws.run = ((sql: string, params?: never) => (reads.push(sql), run(sql, params))) as typeof ws.run;
      await ingestFiles(ws, files, { ownTableMinCalls: 0 });
      // Nothing of the joined file is left, and no marker row is a call or a reject.
      expect(readdirSync(root).filter((f) => f.startsWith('batchable-join-'))).toEqual([]);
      const n = (await ws.all<{ calls: bigint; rejects: bigint }>("SELECT (SELECT count(*) FROM calls WHERE call_id LIKE '%bt:%') AS calls, (SELECT count(*) FROM rejects WHERE reason LIKE '%bt:%') AS rejects"))[0]!;
      expect([n.calls, n.rejects]).toEqual([0n, 0n]);
      ws.close();
      return { scan, joined: reads.some((sql) => sql.includes('batchable-join-') && sql.includes('CREATE OR REPLACE TABLE')) };
    };
    try {
      // The daily files above: a reject, ids repeated within and across files, a file with only its header.
      const daily = await joinedRun(days);
      expect(daily.joined).toBe(true);
      expect(daily.scan.parts).toBe(4n);
      expect(daily.scan.rejects).toMatchObject([{ file: days[1], line: 9n, raw: row('b7', 7, 'lots') }]);

      // A byte-order mark on one file, CRLF lines, a last line without its line break.
      const crlf = [0, 1, 2].map((f) => {
        const file = join(dir, `joined-crlf/${f}.csv`);
        mkdirSync(join(file, '..'), { recursive: true });
        const text = [header, ...Array.from({ length: 3 }, (_, i) => row(`j${f}-${i}`, i, f === 2 && i === 1 ? 'x' : 100 + i))].join('\r\n');
        writeFileSync(file, `${f === 1 ? '\ufeff' : ''}${text}${f === 2 ? '' : '\r\n'}`);
        return file;
      });
      const crlfRun = await joinedRun(crlf);
      expect(crlfRun.joined).toBe(true);
      expect(crlfRun.scan.summaries[0]!.calls).toBe(8);
      expect(crlfRun.scan.rejects).toMatchObject([{ file: crlf[2], line: 3n }]);

      // A quote left open at a file's end takes in the next file's marker (here the quote that closes it is in the file
      // after, so the joined file reads without a reject): the files are read one by one instead, and the file is
      // refused as it is alone (the two ways give the same error).
      const open = [
        write(dir, 'joined-open/1.csv', [header, row('q0', 0)]),
        write(dir, 'joined-open/2.csv', [header, row('q1', 1), 'q2,2026-10-01T00:00:00Z,gpt-5.4,1,2,"proj']),
        write(dir, 'joined-open/3.csv', [header, 'q3,2026-10-01T00:00:00Z,gpt-5.4,1,2,proj_0"', row('q4', 4)]),
      ];
      const refused = async (oneScan: boolean) => {
        const ws = await openWorkspace(':memory:');
        const reads: string[] = [];
        const run = ws.run.bind(ws);
        ws.run = ((sql: string, params?: never) => (reads.push(sql), run(sql, params))) as typeof ws.run;
        const error = await ingestFiles(ws, open, { oneScan }).then(() => undefined, (e: Error) => e.message);
        ws.close();
        return { error, joined: reads.some((sql) => sql.includes('batchable-join-') && sql.includes('CREATE OR REPLACE TABLE')) };
      };
      const openScan = await refused(true);
      expect(openScan).toEqual({ error: (await refused(false)).error, joined: true });
      expect(openScan.error).toContain(`${open[1]}:3: a quote (") opens a field on this line and is never closed`);
      expect(readdirSync(root).filter((f) => f.startsWith('batchable-join-'))).toEqual([]);
      // The same quote in a scan's first file: that file cannot even be described; read one by one, the same error.
      // (Before, DuckDB's own error surfaced from the scan, as a bug of ours.)
      const ws = await openWorkspace(':memory:');
      const firstError = await ingestFiles(ws, [open[1]!, open[0]!]).then(() => undefined, (e: Error) => e.message);
      ws.close();
      expect(firstError).toContain(`${open[1]}:3: a quote (") opens a field on this line and is never closed`);

      // --strict with no reject keeps the scan (no marker counts as a reject).
      const clean = [write(dir, 'joined-strict/1.csv', [header, row('s1', 1)]), write(dir, 'joined-strict/2.csv', [header, row('s2', 2)])];
      const strictRun = await both([clean], { strict: true, ownTableMinCalls: 0 });
      expect(strictRun.scan).toEqual({ ...strictRun.alone, parts: 2n });

      // A file holding the marker's control character is not joined; the files are still read in one scan.
      const control = [write(dir, 'joined-control/1.csv', [header, row('k1', 1)]), write(dir, 'joined-control/2.csv', [header, `${row('k2', 2)}\u0001`])];
      const controlRun = await joinedRun(control);
      expect(controlRun.joined).toBe(false);
      expect(controlRun.scan.parts).toBe(2n);
    } finally {
      if (saved === undefined) delete process.env.BATCHABLE_TEMP_DIR;
      else process.env.BATCHABLE_TEMP_DIR = saved;
    }
  });

  it('real CSV exports split in three, each after its header, read as the files alone do; those the scan can take are joined first, an adapter that parses JSON columns first included', async () => {
    const used: string[] = [];
    // (Usage buckets, which are matched file by file, are read one by one: the bucket test above has them.)
    for (const name of ['langfuse/ui-export-observations.csv', 'google/vertex-request-response.csv', 'litellm/spend-logs.csv', 'azure/apim-llm-log.csv', 'helicone/export-legacy.csv',
      'openrouter/generations.csv', 'batchable/own-log-needs-map.csv']) {
      const text = readFileSync(fixture(name), 'utf8');
      // Split at record boundaries (a quoted field may hold line breaks): the line each record ends on.
      const ends = (parse(text, { info: true, bom: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { info: { lines: number } }[]).map((r) => r.info.lines);
      const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
      const cuts = [ends[Math.floor(ends.length / 3)]!, ends[Math.floor((2 * ends.length) / 3)]!];
      const pieces = [lines.slice(0, cuts[0]), lines.slice(cuts[0], cuts[1]), lines.slice(cuts[1])].map((p, i) => (i === 0 ? p : [lines[0]!, ...p]));
      const parts = pieces.map((p, i) => write(dir, `real-csv/${name}/${i}.csv`, p.filter((l, j) => l !== '' || j < p.length - 1)));
      const map = name === 'batchable/own-log-needs-map.csv' ? new Map([['when', 'ts'], ['engine', 'model'], ['prompt', 'input_tokens'], ['completion', 'output_tokens']]) : undefined;
      const { scan, alone } = await both([parts], { ownTableMinCalls: 0, ...(map === undefined ? {} : { map }) });
      expect(scan, name).toEqual({ ...alone, parts: scan.parts });
      expect(scan.summaries[0]!.calls, name).toBeGreaterThan(0);
      if (scan.parts > 0n) used.push(name);
    }
    // Helicone's and LiteLLM's adapters read the file through a query of their own (their JSON columns parsed first)
    // that passes the reader's columns on: read in one scan too. Langfuse's export is scanned as records only where each
    // of its rows is one line (the test below): its middle piece holds a field over two lines and is read alone, which
    // leaves no two pieces side by side to scan.
    expect(used).toEqual(['google/vertex-request-response.csv', 'litellm/spend-logs.csv', 'azure/apim-llm-log.csv', 'helicone/export-legacy.csv',
      'openrouter/generations.csv', 'batchable/own-log-needs-map.csv']);
  });

  it("Langfuse's CSV exports are read in one scan as records where each row is one line, as each file alone reads them", async () => {
    // The UI export's rows (its records are joined per trace within a file: src/ingest/csv-records.ts), without the row
    // whose field spans two lines, in three daily files with ids of their own; and the whole export, that row included,
    // as a fourth: its records need their lines mapped, so it is read alone and the three others are scanned.
    const lines = readFileSync(fixture('langfuse/ui-export-observations.csv'), 'utf8').trimEnd().split('\n');
    const oneLineRows = [lines[0]!, ...lines.slice(1, 4), lines[6]!];
    const days = ['1', '2', '3'].map((d) => write(dir, `langfuse/day-${d}.csv`, oneLineRows.map((l) => l.replaceAll('"a1f0c2d4-', `"d${d}-a1f0c2d4-`).replaceAll('"b7e91a00-', `"d${d}-b7e91a00-`))));
    const whole = write(dir, 'langfuse/whole.csv', lines);
    for (const files of [days, [days[0]!, whole, days[1]!, days[2]!]]) {
      const { scan, alone } = await both([files], { ownTableMinCalls: 0 });
      expect(scan, files.join(' ')).toEqual({ ...alone, parts: scan.parts });
      // Each file scanned is a part of the scan's table: the three days, or, with the whole export read alone in their
      // midst, the two after it (files are read in order: the first day is then alone before it).
      expect(scan.parts).toBe(files.length === 3 ? 3n : 2n);
      expect(alone.parts).toBe(0n);
      expect(scan.summaries[0]!.calls).toBe(files.length === 3 ? 6 : 9);
    }
    // A column of its own named as the reader's file column: read alone, as the same files are.
    const named = days.map((f, i) => write(dir, `langfuse/named-${i}.csv`, readFileSync(f, 'utf8').trimEnd().split('\n').map((l, j) => `${j === 0 ? '"_bt_file"' : '"x"'},${l}`)));
    const { scan, alone } = await both([named], { ownTableMinCalls: 0 });
    expect(scan).toEqual(alone);
    expect(scan.summaries[0]!.calls).toBe(6);
  });

  it('skipped rows keep their file, line and raw text (Azure API Management LLM log CSV, split in two)', async () => {
    const lines = readFileSync(fixture('azure/apim-llm-log.csv'), 'utf8').trimEnd().split('\n');
    const half = Math.ceil(lines.length / 2);
    const parts = [write(dir, 'azure/a.csv', lines.slice(0, half)), write(dir, 'azure/b.csv', [lines[0]!, ...lines.slice(half)])];
    const { scan, alone } = await both([parts], { ownTableMinCalls: 0 });
    expect(scan).toEqual({ ...alone, parts: 2n });
    expect((scan.rejects as { kind: string; raw: string | null }[]).filter((r) => r.kind === 'skip').every((r) => r.raw !== null)).toBe(true);
    expect(scan.summaries[0]!.skipped).toBeGreaterThan(0);
  });

  it('rejects in many files get their lines and raw text as alone: fields over several lines, blank lines, a secret key', async () => {
    // Read together (file-rows.ts, fillCsvRawTextOfMany), where alone each file is read again for its rejects.
    const quoted = (id: string, i: number) => `${id},2026-10-01T0${i}:00:00Z,gpt-5.4,${100 + i},5,"proj ""x""\nline two,\n""three"""`;
    const files = [
      write(dir, 'rejects/plain.csv', [header, row('p1', 1), row('p2', 2, 'lots'), row('p3', 3), row('p4', 4, 'sk-proj-abcdefghijklmnopqrstuvwxyz012345')]),
      write(dir, 'rejects/spans.csv', [header, quoted('s1', 1), '', row('s2', 2), quoted('s3', 3), row('s4', 4, 'many'), '', quoted('s5', 5), row('s6', 6, '-')]),
      write(dir, 'rejects/none.csv', [header, row('n1', 1), quoted('n2', 2)]),
      write(dir, 'rejects/late.csv', [header, ...Array.from({ length: 40 }, (_, i) => (i % 9 === 4 ? quoted(`l${i}`, i % 10) : row(`l${i}`, i, i % 13 === 12 ? 'x' : 100)))]),
    ];
    const { scan, alone } = await both([files], { ownTableMinCalls: 0 });
    expect(scan.parts).toBe(4n);
    expect(scan).toEqual({ ...alone, parts: scan.parts });
    const rejects = scan.rejects as { file: string; line: bigint; raw: string | null }[];
    // Lines by hand: a quoted row takes three lines; late.csv's row i is on line 2 + i + 2 for each quoted row before it.
    expect(rejects.map((r) => [r.file.split('/').at(-1), r.line])).toEqual([
      ['late.csv', 16n], ['late.csv', 33n], ['late.csv', 48n], ['plain.csv', 3n], ['plain.csv', 5n], ['spans.csv', 10n], ['spans.csv', 15n],
    ]);
    expect(rejects.map((r) => r.raw).slice(3, 6)).toEqual(['p2,2026-10-03T02:00:00Z,gpt-5.4,lots,2,proj_2', 'p4,2026-10-05T04:00:00Z,gpt-5.4,sk-proj-…,4,proj_1',
      's4,2026-10-05T04:00:00Z,gpt-5.4,many,4,proj_1']);
  });

  it('usage buckets are read in one scan, and copies of a bucket in two files, or in a file and one held, are settled as reading them in order ends', async () => {
    // OpenAI's usage CSV, one file a day (as a daily pull writes them): 365 such files took 150 s read one by one.
    const usageHeader = 'start_time,end_time,start_time_iso,end_time_iso,project_id,api_key_id,model,batch,input_tokens,output_tokens,input_cached_tokens,num_model_requests';
    const day = (d: number, requests = 5, hours = [0, 6, 12]) => {
      const rows = hours.flatMap((h) => ['gpt-5.4-2026-03-05', 'gpt-5.4-mini-2026-03-17'].map((model, k) => {
        const start = Date.UTC(2026, 9, d, h) / 1000;
        const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', '+00:00');
        return `${start},${start + 3600},${iso(start)},${iso(start + 3600)},proj_${k},key_${k},${model},False,${1000 + h},${200 + k},100,${requests + h}`;
      }));
      return [usageHeader, ...rows];
    };
    const days = [1, 2, 3, 4].map((d) => write(dir, `usage/day-${d}.csv`, day(d)));
    const distinct = await both([days], { ownTableMinCalls: 0 });
    expect(distinct.scan).toEqual({ ...distinct.alone, parts: distinct.scan.parts });
    expect(distinct.scan.parts).toBe(4n);
    expect(distinct.scan.summaries[0]!.calls).toBe(24);

    // Day 2 pulled again, more complete (a partial bucket fetched later), beside day 5, in a second run: the scan
    // replaces the held copies of day 2, as reading the files one by one does.
    const again = [write(dir, 'usage/day-2-again.csv', day(2, 9)), write(dir, 'usage/day-5.csv', day(5))];
    const held = await both([days, again], { ownTableMinCalls: 0 });
    expect(held.scan).toEqual({ ...held.alone, parts: held.scan.parts });
    expect(held.scan.parts).toBe(6n); // both runs were scans
    expect(held.scan.summaries[1]!.files[0]!.replaced).toBe(6);
    expect(held.scan.summaries[1]!.duplicates).toBe(0);
    // Pulled again, no more complete (the same buckets in another order, or fewer requests): the held copies stay, the
    // new ones are duplicates; and held copies that win over
    // a scan's copy as its less complete ones lose.
    const same = [write(dir, 'usage/day-2-same.csv', [usageHeader, ...day(2).slice(1).reverse()]), write(dir, 'usage/day-3-less.csv', day(3, 1)), write(dir, 'usage/day-6.csv', day(6))];
    const kept = await both([days, same], { ownTableMinCalls: 0 });
    expect(kept.scan).toEqual({ ...kept.alone, parts: kept.scan.parts });
    expect(kept.scan.summaries[1]!.files.map((f) => [f.calls, f.duplicates, f.replaced ?? 0])).toEqual([[0, 6, 0], [0, 6, 0], [6, 0, 0]]);

    // Copies within one scan: day 2 twice (the later more complete), day 3 three times (the first and a later one
    // tie, the middle one less complete), and day 4 sharing only its noon bucket with a file of days 4 and 5 (an
    // export whose window crosses midnight).
    const across = write(dir, 'usage/day-4-5.csv', [usageHeader, ...day(4, 5, [12]).slice(1), ...day(5).slice(1)]);
    const less = write(dir, 'usage/day-3-less-again.csv', day(3, 2));
    const same3 = write(dir, 'usage/day-3-same.csv', [usageHeader, ...day(3).slice(1).reverse()]);
    const files = [...days.slice(0, 3), again[0]!, less, same3, days[3]!, across];
    const within = await both([files], { ownTableMinCalls: 0 });
    // Settled at once, each file's counts are its final ones, those the workspace's sources hold either way.
    expect({ ...within.scan, summaries: undefined }).toEqual({ ...within.alone, summaries: undefined, parts: within.scan.parts });
    expect(within.scan.parts).toBe(8n);
    const counts = within.scan.summaries[0]!.files.map((f) => [f.calls, f.duplicates, f.replaced ?? 0]);
    expect(counts).toEqual([[6, 0, 0], [0, 6, 0], [6, 0, 0], [6, 0, 0], [0, 6, 0], [0, 6, 0], [6, 0, 0], [6, 2, 0]]);
    expect(within.scan.sources.map((r) => [(r as { file: string }).file.split('/').at(-1), (r as { calls: bigint }).calls]))
      .toEqual(within.alone.sources.map((r) => [(r as { file: string }).file.split('/').at(-1), (r as { calls: bigint }).calls]));
    // Read one by one, the summary tells the copy of day 2 first kept, then replaced by the later one.
    expect(within.alone.summaries[0]!.files[3]!.replaced).toBe(6);
  });

  it('a real export split into daily files reads as the one file does', async () => {
    const lines = readFileSync(fixture('batchable/mixed-workloads.csv'), 'utf8').trimEnd().split('\n');
    const parts = [1, 4, 8].map((start, i, all) => write(dir, `split/${i}.csv`, [lines[0]!, ...lines.slice(start, all[i + 1] ?? lines.length)]));
    const { scan, alone } = await both([parts], { ownTableMinCalls: 0 });
    expect(scan).toEqual({ ...alone, parts: 3n });
    const ws = await openWorkspace(':memory:');
    await ingestFiles(ws, [fixture('batchable/mixed-workloads.csv')]);
    const whole = await ws.all('SELECT * EXCLUDE (call_key, source_id, source_file, source_row), tags::VARCHAR AS tags FROM calls ORDER BY call_id');
    ws.close();
    const split = (scan.calls as Record<string, unknown>[])
      .map(({ source_id: _a, source_file: _b, source_row: _c, ...rest }) => rest)
      .sort((x, y) => String(x.call_id).localeCompare(String(y.call_id)));
    expect(split).toEqual(whole);
  });
});

describe('JSONL files read in one scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'batchable-many-jsonl-'));
  const record = (id: string | undefined, i: number, tokens: unknown = 100 + i, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ ...(id === undefined ? {} : { call_id: id }), ts: `2026-10-0${1 + (i % 7)}T${String(i % 24).padStart(2, '0')}:00:00Z`, model: 'gpt-5.4',
      input_tokens: tokens, output_tokens: i % 50, tags: { project: `proj_${i % 3}` }, ...extra });
  // Hourly files: a line that is not JSON, blank lines, a row that is not a call (its key masked in the reject),
  // ids repeated within a file and across files, records without ids (ids from their file and line), and a copy.
  const hours = [
    write(dir, 'hour=1/usage.jsonl', [...Array.from({ length: 12 }, (_, i) => record(`a${i}`, i)), record('a3', 3)]),
    write(dir, 'hour=2/usage.jsonl', ['', record('b0', 0), '{"call_id": "b1", "ts": ', '', record('b2', 2, 'lots', { api_key: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123' }), record('a5', 5)]),
    write(dir, 'hour=3/usage.jsonl', Array.from({ length: 9 }, (_, i) => record(undefined, i))),
    write(dir, 'hour=4/usage.jsonl', Array.from({ length: 7 }, (_, i) => record(`c${i}`, i))),
  ];
  const copy = join(dir, 'hour=5-copy.jsonl');
  copyFileSync(hours[0]!, copy);

  it('gives what reading each file alone gives, in its own table or in call_rows', async () => {
    for (const ownTableMinCalls of [0, Number.MAX_SAFE_INTEGER]) {
      const { scan, alone } = await both([[...hours, copy]], { ownTableMinCalls });
      expect(scan).toEqual({ ...alone, parts: ownTableMinCalls === 0 ? 4n : 0n });
      expect(scan.keys).toBe(0n);
    }
    const { scan } = await both([[...hours, copy]]);
    const s = scan.summaries[0]!;
    expect(s.files.map((f) => [f.status, f.format, f.rows, f.calls, f.rejects, f.duplicates])).toEqual([
      ['ingested', 'batchable-jsonl', 13, 12, 0, 1],
      ['ingested', 'batchable-jsonl', 4, 1, 2, 1],
      ['ingested', 'batchable-jsonl', 9, 9, 0, 0],
      ['ingested', 'batchable-jsonl', 7, 7, 0, 0],
      ['already-ingested', 'batchable-jsonl', 13, 0, 0, 0],
    ]);
    expect(s.files[1]!.firstRejects).toEqual([
      { line: 3, path: null, reason: 'malformed JSON' },
      { line: 5, path: null, reason: 'not a whole number in input_tokens: "lots"' },
    ]);
    const rejects = scan.rejects as { line: bigint; raw: string }[];
    expect(rejects.map((r) => [r.line, r.raw.slice(0, 24)])).toEqual([[3n, '{"call_id": "b1", "ts": '], [5n, '{"call_id":"b2","ts":"20']]);
    expect(rejects[1]!.raw).not.toContain('abcdefghijklmnopqrstuvwxyz');
    const calls = scan.calls as { call_id: string; source_file: string; source_row: bigint }[];
    expect(calls.filter((c) => c.source_file === hours[2]).map((c) => [c.call_id.slice(16), c.source_row])).toEqual(
      Array.from({ length: 9 }, (_, i) => [`:${i + 1}`, BigInt(i + 1)]),
    );
  });

  it('a line of space separators (a space, a no-break space, an ideographic space) is blank; a tab is not, and is rejected as such', async () => {
    const spaced = [
      write(dir, 'spaced/a.jsonl', [record('s0', 0), '   ', '\u00a0\u3000 ', '\t', record('s1', 1)]),
      write(dir, 'spaced/b.jsonl', ['\u2003', record('s2', 2)]),
    ];
    const { scan, alone } = await both([spaced], { ownTableMinCalls: 0 });
    expect(scan).toEqual({ ...alone, parts: scan.parts });
    const files = scan.summaries[0]!.files;
    expect(files.map((f) => [f.rows, f.calls, f.rejects])).toEqual([[3, 2, 1], [1, 1, 0]]);
    expect(files[0]!.firstRejects).toEqual([{ line: 4, path: null, reason: 'malformed JSON' }]);
  });

  it('small files are joined into one before the read, a marker line before each, and each line keeps its file and number', async () => {
    const runs = async (files: readonly string[]) => {
      const { scan, alone } = await both([files], { ownTableMinCalls: 0 });
      expect(scan).toEqual({ ...alone, parts: scan.parts });
      const ws = await openWorkspace(':memory:');
      const reads: string[] = [];
      const run = ws.run.bind(ws);
      ws.run = ((sql: string, params?: never) => (reads.push(sql), run(sql, params))) as typeof ws.run;
      await ingestFiles(ws, files, { ownTableMinCalls: 0 });
      ws.close();
      return { scan, joined: reads.some((sql) => sql.includes('batchable-join-') && sql.includes('_lines')) };
    };
    // The hourly files above (a line that is not JSON, blank lines, repeated ids, records without ids), a byte-order
    // mark on one file, and a last line without its line break.
    const bom = join(dir, 'joined/bom.jsonl');
    mkdirSync(join(bom, '..'), { recursive: true });
    writeFileSync(bom, `\ufeff${record('m0', 0)}\n${record('m1', 1)}`);
    const hourly = await runs([...hours, bom]);
    expect(hourly.joined).toBe(true);
    expect(hourly.scan.parts).toBe(5n);
    expect(hourly.scan.rejects).toMatchObject([{ file: hours[1], line: 3n }, { file: hours[1], line: 5n }]);
    // A file of CRLF lines is not joined (its lines would keep their CR); the files are still read in one scan.
    const crlf = join(dir, 'joined/crlf.jsonl');
    writeFileSync(crlf, `${record('r0', 0)}\r\n${record('r1', 1)}\r\n`);
    const crlfRun = await runs([hours[0]!, crlf]);
    expect(crlfRun.joined).toBe(false);
    expect(crlfRun.scan.parts).toBe(2n);
  });

  it('is idempotent, and files ingested later meet the ids held', async () => {
    const later = [write(dir, 'later/1.jsonl', [record('c0', 0), record('d1', 1)]), write(dir, 'later/2.jsonl', [record('d2', 2), record('a1', 1)])];
    const { scan, alone } = await both([hours, [...hours, ...later]], { ownTableMinCalls: 0 });
    expect(scan).toEqual({ ...alone, parts: 6n });
    expect(scan.summaries[1]!.duplicates).toBe(2);
  });

  it('gzipped files are read in one scan too, and files of records large enough to be read in parts (API pages of usage buckets)', async () => {
    const gz = hours.map((f, i) => {
      const file = join(dir, `gz/${i}.jsonl.gz`);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, gzipSync(readFileSync(f)));
      return file;
    });
    const g = await both([gz], { ownTableMinCalls: 0 });
    expect(g.scan).toEqual({ ...g.alone, parts: 4n });
    // Parts of 2 KB: a record of about 160 bytes is large at 2,048 records a vector. They were read one by one.
    const large = await both([hours], { ownTableMinCalls: 0, jsonPartBytes: 2048 });
    expect(large.scan).toEqual({ ...large.alone, parts: 4n });
    // OpenAI's usage API page (the docs' example), one page a day as `batchable pull` keeps them (a page a line,
    // gzipped): 365 such files took 125 s read one by one, 8.7 s in one scan.
    const page = JSON.parse(readFileSync(fixture('openai/usage-completions.json'), 'utf8')) as { data: { start_time: number; end_time: number }[] };
    const days = [0, 1, 2].map((d) => {
      const shifted = { ...page, data: page.data.map((b) => ({ ...b, start_time: b.start_time + d * 86400, end_time: b.end_time + d * 86400 })) };
      const file = join(dir, `pages/day-${d}.jsonl.gz`);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, gzipSync(`${JSON.stringify(shifted)}\n`));
      return file;
    });
    const pages = await both([days], { ownTableMinCalls: 0, jsonPartBytes: 2048 });
    expect(pages.scan).toEqual({ ...pages.alone, parts: 3n });
    expect(pages.scan.summaries[0]!.calls).toBeGreaterThan(0);
    // Day 1 pulled again later, each bucket with one request more: its first copies lose, in the same scan.
    type Page = { data: { start_time: number; results: { num_model_requests: number }[] }[] };
    const first = JSON.parse(gunzipSync(readFileSync(days[1]!)).toString('utf8')) as Page;
    const later = { ...first, data: first.data.map((b) => ({ ...b, results: b.results.map((r) => ({ ...r, num_model_requests: r.num_model_requests + 1 })) })) };
    const again = join(dir, 'pages/day-1-again.jsonl.gz');
    writeFileSync(again, gzipSync(`${JSON.stringify(later)}\n`));
    const repulled = await both([[...days, again]], { ownTableMinCalls: 0, jsonPartBytes: 2048 });
    expect({ ...repulled.scan, summaries: undefined }).toEqual({ ...repulled.alone, summaries: undefined, parts: 4n });
    const [, day1, , day1Again] = repulled.scan.summaries[0]!.files;
    expect(day1!.calls).toBe(0);
    expect(day1!.duplicates).toBe(day1Again!.calls);
    expect(day1Again!.calls).toBeGreaterThan(0);
  });

  it('--strict with a reject: the files before it are scanned, then its file, read alone, stops the run', async () => {
    const good = Array.from({ length: 4 }, (_, d) => write(dir, `strict/${d}.csv`, [header, ...Array.from({ length: 5 }, (_, i) => row(`g${d}-${i}`, i))]));
    const bad = write(dir, 'strict/4.csv', [header, row('b1', 1), row('b2', 2, 'lots')]);
    const after = write(dir, 'strict/5.csv', [header, row('z1', 1)]);
    const scan = await strictRun([...good, bad, after], true, { ownTableMinCalls: 0 });
    const alone = await strictRun([...good, bad, after], false, { ownTableMinCalls: 0 });
    expect({ ...scan, parts: 0n }).toEqual(alone);
    expect(scan.error).toContain('rejected and --strict is set; nothing from');
    expect(scan.held).toHaveLength(4);
    expect(scan.parts).toBe(4n); // the four files before it, in one scan
  });

  it('a record over the line limit sends only its file alone: the files around it are still scanned, joined or not', async () => {
    // The line limit follows the memory budget (src/db/memory.ts): under 256 MB it is 2 MiB.
    const saved = process.env.BATCHABLE_MEMORY_LIMIT;
    process.env.BATCHABLE_MEMORY_LIMIT = '256MB';
    try {
      const big = (name: string) => write(dir, name, [record('big1', 1), record('big2', 2, 100, { blob: 'x'.repeat(3_000_000) }), record('big3', 3)]);
      const small = (name: string, k: number) => write(dir, name, Array.from({ length: 4 }, (_, i) => record(`${name}-${i}`, i + k)));
      // 3 MB among 16 files is small on average: joined, the reject placed by its byte; among 5, read as they are.
      const joined = [...Array.from({ length: 8 }, (_, k) => small(`long/j${k}.jsonl`, k)), big('long/j-big.jsonl'), ...Array.from({ length: 7 }, (_, k) => small(`long/j${k + 8}.jsonl`, k))];
      const apart = [small('long/a0.jsonl', 0), small('long/a1.jsonl', 1), big('long/a-big.jsonl'), small('long/a2.jsonl', 2), small('long/a3.jsonl', 3)];
      for (const [files, parts] of [[joined, 15n], [apart, 4n]] as const) {
        const r = await both([files], { ownTableMinCalls: 0 });
        expect(r.scan).toEqual({ ...r.alone, parts: r.scan.parts });
        expect(r.scan.parts).toBe(parts); // the files on each side of the large one: two scans
        expect(r.scan.rejects).toMatchObject([{ file: files.find((f) => f.includes('big')), line: 2n }]);
      }
    } finally {
      if (saved === undefined) delete process.env.BATCHABLE_MEMORY_LIMIT;
      else process.env.BATCHABLE_MEMORY_LIMIT = saved;
    }
  });

  it('--strict with a line that is not JSON: its file read alone stops the run, the same outcome', async () => {
    const s = await strictRun(hours, true);
    expect(s).toEqual(await strictRun(hours, false));
    expect(s.error).toContain(`${hours[1]}:3: malformed JSON`);
  });

  it('real exports split in two read as the one file does; those whose rows do not depend on their file use the scan', async () => {
    const used: string[] = [];
    for (const name of ['claude-code/session.jsonl', 'litellm/spend-logs-v2-pages.jsonl', 'openai/batch-output.jsonl', 'otel/spans.jsonl',
      'langsmith/runs.jsonl', 'helicone/export.jsonl', 'openrouter/generations.jsonl', 'anthropic/batch-results.jsonl',
      'langfuse/observations.jsonl', 'langfuse/gemini-reasoning-outside.jsonl']) {
      const lines = readFileSync(fixture(name), 'utf8').trimEnd().split('\n');
      const half = Math.ceil(lines.length / 2);
      const parts = [write(dir, `${name}/0.jsonl`, lines.slice(0, half)), write(dir, `${name}/1.jsonl`, lines.slice(half))];
      // The halves were written a day apart: a row that takes its file's time must take its own file's.
      parts.forEach((f, i) => utimesSync(f, new Date(Date.UTC(2026, 9, 1 + i, 12)), new Date(Date.UTC(2026, 9, 1 + i, 12))));
      const { scan, alone } = await both([parts], { ownTableMinCalls: 0 });
      expect(scan, name).toEqual({ ...alone, parts: scan.parts });
      expect(scan.summaries[0]!.calls, name).toBeGreaterThan(0);
      if (scan.parts > 0n) used.push(name);
    }
    // OpenAI's and Anthropic's batch results have no time of their own: each row takes its own file's modification time.
    expect(used).toEqual(['claude-code/session.jsonl', 'litellm/spend-logs-v2-pages.jsonl', 'openai/batch-output.jsonl', 'otel/spans.jsonl', 'langsmith/runs.jsonl',
      'helicone/export.jsonl', 'openrouter/generations.jsonl', 'anthropic/batch-results.jsonl', 'langfuse/observations.jsonl',
      'langfuse/gemini-reasoning-outside.jsonl']);
  });

  it('Langfuse windows share a scan, and a trace joins its observations within its own file only', async () => {
    // `pull langfuse` writes a window's observations page and its trace list (users, sessions, names) as one file.
    // The second window's observations belong to the same traces, but its file holds no trace list: read alone, they
    // carry no user, and a trace's generations are counted within each file.
    const [page, traces] = readFileSync(fixture('langfuse/pull-window.jsonl'), 'utf8').trimEnd().split('\n');
    const first = write(dir, 'langfuse-windows/0.jsonl', [page!, traces!]);
    const second = write(dir, 'langfuse-windows/1.jsonl', [page!.replaceAll('"id":"gen-', '"id":"gen2-')]);
    // Pages large enough to be read in parts are unnested into their records first, then read in one statement.
    for (const jsonPartBytes of [512, undefined]) {
      const { scan, alone } = await both([[first, second]], { ownTableMinCalls: 0, jsonPartBytes });
      expect(scan).toEqual({ ...alone, parts: 2n });
    }
    const { scan } = await both([[first, second]], { ownTableMinCalls: 0 });
    const users = (scan.calls as { source_file: string; user_id: string | null }[]).map((c) => [c.source_file === first, c.user_id !== null]);
    expect(users.filter(([own, user]) => own && user).length).toBeGreaterThan(0);
    expect(users.filter(([own, user]) => !own && user)).toEqual([]);
  });
});

describe('scan groups', () => {
  /** A preview of a CSV (or .gz) file of `bytes`, of one key: what ScanGroup reads of it. */
  const preview = (i: number, bytes: number, gz: boolean, kind: string, joinsRecords?: true) =>
    ({ file: `/data/h${i}.${kind}${gz ? '.gz' : ''}`, bytes, key: 'k', sample: { kind }, adapter: { joinsRecords } }) as unknown as Preview;
  const filled = (bytes: number, gz = false, kind = 'csv', joinsRecords?: true) => {
    const group = new ScanGroup();
    for (let i = 0; i < 20_000; i++) {
      const next = preview(i, bytes, gz, kind, joinsRecords);
      if (!group.takes(next)) break;
      group.add(next);
    }
    return group.files.length;
  };

  it('take up to 10,000 small CSV or JSONL files (joined before the read, 256 MiB), else up to 2,000 (1 GiB)', () => {
    expect(filled(10_000)).toBe(10_000); // hourly files of 100 calls
    expect(filled(10_000, false, 'jsonl')).toBe(10_000);
    expect(filled(110_000)).toBe(2440); // hourly files of 1,000 calls: 256 MiB a joined scan
    expect(filled(concatMaxAverageBytes + 1)).toBe(2000);
    expect(filled(10_000, true)).toBe(2000); // compressed files are not joined
    expect(filled(600_000)).toBe(1789); // a gigabyte
  });

  it('a gzipped JSONL file weighs the text its footer names (pulled minute buckets compress about 25-fold), not ten times its size', () => {
    const limit = process.env.BATCHABLE_MEMORY_LIMIT;
    try {
      process.env.BATCHABLE_MEMORY_LIMIT = '1GiB';
      const day = (i: number) => ({ file: `/raw/d${i}.jsonl.gz`, bytes: 1 << 20, weight: 30 << 20, key: 'k', sample: { kind: 'jsonl' }, adapter: {} }) as unknown as Preview;
      const group = new ScanGroup();
      let n = 0;
      while (n < 100 && group.takes(day(n))) group.add(day(n++));
      expect(n).toBe(4); // 128 MiB of text a scan (an eighth of the limit), 30 MiB a file
    } finally {
      if (limit === undefined) delete process.env.BATCHABLE_MEMORY_LIMIT;
      else process.env.BATCHABLE_MEMORY_LIMIT = limit;
    }
  });

  it('of a format whose records are joined within their file (Langfuse), hold a sixteenth of the memory limit (16 to 256 MiB); other JSONL an eighth (up to 1 GiB)', () => {
    const limit = process.env.BATCHABLE_MEMORY_LIMIT;
    try {
      process.env.BATCHABLE_MEMORY_LIMIT = '1GiB';
      expect(filled(1 << 20, false, 'jsonl', true)).toBe(64); // daily windows of 1 MiB: 64 MiB a scan
      expect(filled(1 << 20, false, 'jsonl')).toBe(128); // other JSONL (API pages take about seven times their text): 128 MiB
      expect(filled(1 << 20)).toBe(1024); // CSV: a gigabyte
      process.env.BATCHABLE_MEMORY_LIMIT = '100GB';
      expect(filled(1 << 20, false, 'jsonl', true)).toBe(256);
      expect(filled(1 << 20, false, 'jsonl')).toBe(1024);
      process.env.BATCHABLE_MEMORY_LIMIT = '64MiB';
      expect(filled(1 << 20, false, 'jsonl', true)).toBe(16);
    } finally {
      if (limit === undefined) delete process.env.BATCHABLE_MEMORY_LIMIT;
      else process.env.BATCHABLE_MEMORY_LIMIT = limit;
    }
  });
});

describe('cost exports read in one scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'batchable-many-costs-'));
  it('Console cost CSV and OpenAI cost CSV and pages, split into days: the same billed costs, rejects and sources as each file alone', async () => {
    // Anthropic Console's cost CSV (a real export's header), one file a day; a cost that is not a number in one.
    const consoleLines = readFileSync(fixture('anthropic/claude_api_cost_2026_08.csv'), 'utf8').trimEnd().split('\n');
    const days = [1, 2, 3].map((d) => write(dir, `console/2026-08-0${d}.csv`, [consoleLines[0]!,
      ...consoleLines.slice(1).map((l) => l.replace('2026-08-05', `2026-08-0${d}`)).map((l, i) => (d === 2 && i === 3 ? l.replace(',0.2114145,', ',n/a,') : l))]));
    const console_ = await both([days]);
    expect(console_.scan).toEqual({ ...console_.alone, parts: 0n });
    // The fixture's last row is a reject of its own (a cost that is not a number), in every file, with its text.
    expect(console_.scan.billed).toHaveLength(3 * 7 - 1);
    expect(console_.scan.rejects.map((r) => [(r as { file: string }).file, (r as { line: bigint }).line, (r as { raw: string }).raw.split(',')[7]]))
      .toEqual([[days[0], 9n, 'not-a-number'], [days[1], 5n, 'n/a'], [days[1], 9n, 'not-a-number'], [days[2], 9n, 'not-a-number']]);
    expect(console_.scan.summaries[0]!.files.map((f) => [f.rows, f.calls, f.costRows, f.rejects, f.duplicates])).toEqual([[8, 0, 7, 1, 0], [8, 0, 6, 2, 0], [8, 0, 7, 1, 0]]);
    // --strict stops at the first file with a reject, the same way.
    const strict = await strictRun(days, true);
    expect(strict).toEqual(await strictRun(days, false));
    expect(strict.error).toContain('rejected and --strict is set');

    // OpenAI's costs CSV, one file a day.
    const openaiLines = readFileSync(fixture('openai/cost_2026-03-31_2026-04-01.csv'), 'utf8').trimEnd().split('\n');
    const shift = (l: string, d: number) => l.replace(/^(\d+),(\d+),/, (_, a: string, b: string) => `${Number(a) + d * 86400},${Number(b) + d * 86400},`);
    const openaiDays = [0, 1, 2].map((d) => write(dir, `openai/${d}.csv`, [openaiLines[0]!, ...openaiLines.slice(1).map((l) => shift(l, d))]));
    const openai = await both([openaiDays]);
    expect(openai.scan).toEqual({ ...openai.alone, parts: 0n });
    // Its last row, a bucket with no amount, is a skip in each file, with its line and text.
    expect(openai.scan.billed).toHaveLength(3 * 4);
    expect(openai.scan.rejects.map((r) => [(r as { kind: string }).kind, (r as { line: bigint }).line, (r as { raw: string }).raw.startsWith(shift(openaiLines[5]!, 0).slice(0, 10))]))
      .toEqual([['skip', 6n, false], ['skip', 6n, false], ['skip', 6n, false]].map(([k, l], i) => [k, l, i === 0]));

    // OpenAI's costs API page, one a day as \`batchable pull\` keeps them (a page a line, gzipped), with a line that is
    // not JSON in one.
    const page = JSON.parse(readFileSync(fixture('openai/costs-line-items.json'), 'utf8')) as { data: { start_time: number; end_time: number }[] };
    const pages = [0, 1, 2].map((d) => {
      const shifted = { ...page, data: page.data.map((b) => ({ ...b, start_time: b.start_time + d * 86400, end_time: b.end_time + d * 86400 })) };
      const file = join(dir, `pages/day-${d}.jsonl.gz`);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, gzipSync(`${JSON.stringify(shifted)}\n${d === 1 ? '{"object": "page", "data": [\n' : ''}`));
      return file;
    });
    const pulled = await both([pages]);
    expect(pulled.scan).toEqual({ ...pulled.alone, parts: 0n });
    expect(pulled.scan.rejects).toMatchObject([{ file: pages[1], line: 2n, reason: 'malformed JSON' }]);
    expect(pulled.scan.billed.length).toBeGreaterThan(0);
    expect(pulled.scan.calls).toEqual([]);
  });

  it('are taken by the scan (the files are not read one by one)', async () => {
    const lines = readFileSync(fixture('anthropic/claude_api_cost_2026_08.csv'), 'utf8').trimEnd().split('\n');
    const files = [1, 2].map((d) => write(dir, `taken/${d}.csv`, [lines[0]!, ...lines.slice(1).map((l) => l.replace('2026-08-05', `2026-08-0${d}`))]));
    const inserts = async (oneScan: boolean) => {
      const ws = await openWorkspace(':memory:');
      const ran: string[] = [];
      const run = ws.run.bind(ws);
      ws.run = ((sql: string, params?: never) => (ran.push(sql), run(sql, params))) as typeof ws.run;
      await ingestFiles(ws, files, { oneScan });
      ws.close();
      return ran.filter((sql) => sql.trim().startsWith('INSERT INTO billed_costs')).length;
    };
    expect([await inserts(true), await inserts(false)]).toEqual([1, 2]);
  });
});
