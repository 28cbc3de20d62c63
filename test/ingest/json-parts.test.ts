// Large JSON records are read in parts (src/ingest/ingest.ts: writeInParts): the same calls, rejects and skips, with
// the same lines and paths, as one statement gives; an adapter that joins a file's records reads it whole; and a
// file that is one line over the line limit is read as a document.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { ingestFiles, jsonParts } from '../../src/ingest/ingest.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('batchable-json-parts-');

const attr = (key: string, value: Record<string, unknown>) => ({ key, value });
/** An OTLP span: a chat call of `model` (none: a reject), or a span without usage (a skip). */
function span(i: number, kind: 'call' | 'no-model' | 'no-usage') {
  const t = 1787824000000000000n + BigInt(i) * 1000000000n;
  const attributes = kind === 'no-usage'
    ? [attr('http.method', { stringValue: 'POST' })]
    : [
        attr('gen_ai.operation.name', { stringValue: 'chat' }),
        ...(kind === 'call' ? [attr('gen_ai.request.model', { stringValue: i % 2 === 0 ? 'gpt-5.4' : 'gpt-5.4-mini' })] : []),
        attr('gen_ai.usage.input_tokens', { intValue: String(1000 + i) }),
        attr('gen_ai.usage.output_tokens', { intValue: String(i % 97) }),
        attr('user.id', { stringValue: `u_${i % 13}` }),
      ];
  return { traceId: i.toString(16).padStart(32, '0'), spanId: i.toString(16).padStart(16, '0'), name: `chat ${i}`, kind: 3,
    startTimeUnixNano: t.toString(), endTimeUnixNano: (t + 700000000n).toString(), attributes, status: {} };
}
/** One export request of the collector's file exporter: `n` spans from span number `from`. */
function request(from: number, n: number) {
  const spans = Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return span(i, i % 37 === 5 ? 'no-model' : i % 41 === 7 ? 'no-usage' : 'call');
  });
  return JSON.stringify({ resourceSpans: [{ resource: { attributes: [attr('service.name', { stringValue: `svc-${from % 3}` })] },
    scopeSpans: [{ scope: { name: 'opentelemetry.instrumentation.openai_v2' }, spans }] }] });
}

/** Calls, rejects and skips of a file as `ingestFiles` reads it with `jsonPartBytes`, and the parts it cut. */
async function read(file: string, jsonPartBytes: number) {
  const ws = await openWorkspace(':memory:');
  try {
    const summary = await ingestFiles(ws, [file], { jsonPartBytes });
    const calls = await ws.all(`SELECT call_id, model, input_tokens, output_tokens, user_id, app, ts FROM calls ORDER BY call_id`);
    const rejects = await ws.all('SELECT line, path, reason, kind, raw FROM rejects ORDER BY line, path');
    return { summary: { calls: summary.calls, rejects: summary.rejects, skipped: summary.skipped }, calls, rejects };
  } finally {
    ws.close();
  }
}

describe('large JSON records, read in parts', () => {
  it('a JSONL of OTLP export requests gives the same calls, rejects and skips, lines and paths, as one statement', async () => {
    const file = join(tempDir(), 'otlp.jsonl');
    const lines = Array.from({ length: 30 }, (_, l) => request(l * 40, 40));
    lines.splice(6, 0, '{"resourceSpans": [ cut off'); // line 7: malformed
    writeFileSync(file, `${lines.join('\n')}\n`);

    // The parts the small size cuts: several, in order, covering every record once.
    const ws = await openWorkspace(':memory:');
    await ws.run(`CREATE TEMP TABLE _src AS SELECT line::JSON AS j FROM read_csv(${`'${file}'`}, columns = {'line': 'VARCHAR'},
      header = false, delim = '\x01', quote = '', escape = '', auto_detect = false) WHERE json_valid(line)`);
    const parts = await jsonParts(ws, 60_000);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts[0]!.lo).toBe(0n);
    expect(parts.at(-1)!.hi).toBe(29n);
    parts.slice(1).forEach((p, k) => expect(p.lo).toBe(parts[k]!.hi + 1n));
    // Records of a few hundred bytes, or a file under the size, are one statement.
    expect(await jsonParts(ws, 100 << 20)).toEqual([]);
    ws.close();

    const whole = await read(file, 1 << 30);
    const inParts = await read(file, 60_000);
    expect(whole.summary).toEqual({ calls: 1200 - 33 - 29, rejects: 1 + 33, skipped: 29 });
    expect(inParts).toEqual(whole);
    expect(whole.rejects).toContainEqual({ line: 7n, path: null, reason: 'malformed JSON', kind: 'reject', raw: '{"resourceSpans": [ cut off' });
    expect(whole.rejects).toContainEqual(expect.objectContaining({ line: 1n, path: '/resourceSpans/0/scopeSpans/0/spans/5', reason: 'missing model', kind: 'reject' }));
  });

  it('usage pages read in parts (their results unnested first, then read in one statement) give what one statement gives', async () => {
    // A day of minute buckets per page, as `pull openai` writes them: 4 pages of 120 buckets of 3 results; each
    // 40th result has no model (a reject), each 53rd is an image result (a skip). Line 3 is malformed.
    const result = (i: number) =>
      i % 53 === 11
        ? { object: 'organization.usage.images.result', images: 2, num_model_requests: 1, model: 'dall-e-3' }
        : { object: 'organization.usage.completions.result', input_tokens: 1000 + i, output_tokens: i % 97, input_cached_tokens: i % 7,
            num_model_requests: 1 + (i % 5), project_id: `proj_${i % 3}`, api_key_id: `key_${i % 4}`, model: i % 40 === 9 ? null : 'gpt-4o-mini-2024-07-18',
            batch: false, service_tier: 'default' };
    const page = (p: number) => JSON.stringify({ object: 'page', has_more: false, next_page: null,
      data: Array.from({ length: 120 }, (_, b) => ({ object: 'bucket', start_time: 1790812800 + (p * 120 + b) * 60, end_time: 1790812860 + (p * 120 + b) * 60,
        results: Array.from({ length: 3 }, (_, r) => result((p * 120 + b) * 3 + r)) })) });
    const dir = tempDir();
    const lines = [page(0), page(1), '{"object": "page", "data": [ cut off', page(2), page(3)];
    const file = join(dir, 'minutes.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const whole = await read(file, 1 << 30);
    const inParts = await read(file, 30_000);
    expect(whole.summary).toEqual({ calls: 1440 - 36 - 27 + 1, rejects: 1 + 36 - 1, skipped: 27 });
    expect(inParts).toEqual(whole);
    expect(whole.rejects).toContainEqual({ line: 3n, path: null, reason: 'malformed JSON', kind: 'reject', raw: '{"object": "page", "data": [ cut off' });
    expect(whole.rejects).toContainEqual(expect.objectContaining({ line: 1n, path: '/data/3/results/0', kind: 'reject' }));
    // Many files at once (src/ingest/many.ts) read their parts the same way.
    const second = join(dir, 'minutes-2.jsonl');
    writeFileSync(second, `${[page(4), page(5)].join('\n')}\n`);
    const both = async (partBytes: number) => {
      const ws = await openWorkspace(':memory:');
      try {
        const summary = await ingestFiles(ws, [file, second], { jsonPartBytes: partBytes });
        return { summary: { calls: summary.calls, rejects: summary.rejects, skipped: summary.skipped },
          calls: await ws.all('SELECT call_key, call_id, ts, input_tokens, source_row, source_path FROM calls ORDER BY call_key') };
      } finally {
        ws.close();
      }
    };
    const many = await both(30_000);
    expect(many).toEqual(await both(1 << 30));
    expect(many.summary.calls).toBeGreaterThan(whole.summary.calls);
  });

  it('an adapter that joins a file’s records (Langfuse: observations read their trace’s user) reads its pages’ records in one statement', async () => {
    // Parts of 100 bytes: the pages are unnested into their records first (ingest.ts: unnestPages), then read whole.
    const tiny = await read(fixture('langfuse/pull-window.jsonl'), 100);
    const whole = await read(fixture('langfuse/pull-window.jsonl'), 1 << 30);
    expect(tiny).toEqual(whole);
    expect(whole.calls.filter((c) => (c as { user_id: unknown }).user_id !== null)).toHaveLength(3); // the job's trace has no user
    // A reject's text is its own record, its page read whole or unnested (it was the page from its start, read whole).
    const other = (r: typeof whole) => r.rejects.find((x) => String(x.reason).includes('another window'))!.raw as string;
    expect(JSON.parse(other(whole))).toMatchObject({ id: 'tr-other', observations: ['gen-z9'] });
  });

  it('a JSON document’s rejects and skips keep their own element’s or record’s text, its pages read whole or unnested', async () => {
    // The window's two pages as one JSON array: a record is `/1/data/k`, and read in tiny parts its page is unnested
    // into records (file-rows.ts: unnestPages), whose rows are then the only ones that hold its text.
    const pages = readFileSync(fixture('langfuse/pull-window.jsonl'), 'utf8').trim().split('\n');
    const document = join(tempDir(), 'pull-window.json');
    writeFileSync(document, `[${pages.join(',\n')}]`);
    const tiny = await read(document, 100);
    const whole = await read(document, 1 << 30);
    expect(tiny).toEqual(whole);
    const other = whole.rejects.find((x) => String(x.reason).includes('another window'))!;
    expect(other.path).toMatch(/^\/1\/data\/\d+$/);
    expect(JSON.parse(other.raw as string)).toMatchObject({ id: 'tr-other', observations: ['gen-z9'] });
    expect(whole.rejects.every((r) => r.raw !== null)).toBe(true);
    // An array of records: a reject is its element, from its start.
    const records = join(tempDir(), 'records.json');
    const record = (id: string, input: unknown) => ({ call_id: id, ts: '2026-10-01T09:00:00Z', model: 'gpt-5.4', input_tokens: input, output_tokens: 5 });
    writeFileSync(records, JSON.stringify([record('r0', 10), record('r1', 'lots'), record('r2', 12)]));
    const read3 = await read(records, 1 << 30);
    expect(read3.rejects).toEqual([
      { line: null, path: '/1', reason: 'not a whole number in input_tokens: "lots"', kind: 'reject', raw: JSON.stringify(record('r1', 'lots')) },
    ]);
  });
});

describe('one line over the line limit', () => {
  const saved = process.env.BATCHABLE_MEMORY_LIMIT;
  afterAll(() => (saved === undefined ? delete process.env.BATCHABLE_MEMORY_LIMIT : void (process.env.BATCHABLE_MEMORY_LIMIT = saved)));

  it('a file that is one JSON document on one line, longer than a line may be, is read as a document', async () => {
    // Under 1 GB of memory a line may hold 8 MB (src/db/memory.ts: lineCapBytes); this document is about 9 MB.
    process.env.BATCHABLE_MEMORY_LIMIT = '1GB';
    const file = join(tempDir(), 'otlp-one-line.json');
    writeFileSync(file, request(0, 18000));
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${file}: otel-genai-spans, 17,086 calls ingested, 487 rows rejected, 427 rows that are not calls skipped`);
    expect(r.stdout).toContain(`rejected ${file}#/resourceSpans/0/scopeSpans/0/spans/10032: missing model`);
  });

  it('gzipped, its size is read from the gzip footer: a document compressed 30 times or more is read whole', async () => {
    // Under 2 GB a line may hold 16 MB, and a document was allowed ten times its compressed size (here about 6 MB).
    process.env.BATCHABLE_MEMORY_LIMIT = '2GB';
    const file = join(tempDir(), 'otlp-one-line.json.gz');
    const text = request(0, 36000);
    writeFileSync(file, gzipSync(text));
    expect(text.length).toBeGreaterThan(16 << 20);
    expect(statSync(file).size * 10).toBeLessThan(16 << 20);
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/otel-genai-spans, 34,\d{3} calls ingested/);
  });
});
