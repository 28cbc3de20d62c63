// Issue 14 findings 3 and 12: large records are read or rejected with their line, never dropped; errors blame the
// right line and quote input capped and escaped.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { InputError, outOfMemory } from '../../src/errors.ts';
import { hashFile } from '../../src/ingest/hash.ts';
import { ingestFiles, readError } from '../../src/ingest/ingest.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

// The files here are tens of MB (a 32 MB line, large pages): every directory made is removed after the file's tests.
const tempDir = tempDirs('batchable-limits-');
const rec = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ call_id: id, ts: '2026-10-05T09:00:00Z', model: 'gpt-5.4', input_tokens: 10, output_tokens: 1, ...extra });
const csvHead = 'call_id,ts,model,input_tokens,output_tokens,note\n';
const csvRow = (id: string, note = '') => `${id},2026-10-05T09:00:00Z,gpt-5.4,10,1,"${note}"\n`;

describe('long lines and large records', () => {
  // The line limit scales with the memory budget (src/db/memory.ts): pinned here so the figures do not depend on the machine.
  const saved = process.env.BATCHABLE_MEMORY_LIMIT;
  beforeAll(() => void (process.env.BATCHABLE_MEMORY_LIMIT = '8GB'));
  afterAll(() => (saved === undefined ? delete process.env.BATCHABLE_MEMORY_LIMIT : void (process.env.BATCHABLE_MEMORY_LIMIT = saved)));

  it('reads a CSV line over DuckDB’s 2 MB default (the limit follows the file size)', async () => {
    const file = join(tempDir(), 'long.csv');
    writeFileSync(file, csvHead + csvRow('a') + csvRow('b') + csvRow('long', 'x'.repeat(3_000_000)) + csvRow('c'));
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 calls ingested, 0 rows rejected');
  });

  it('a CSV line over 32 MB names its own line and the reason, in one line', async () => {
    const file = join(tempDir(), 'huge-line.csv');
    writeFileSync(file, csvHead + csvRow('a') + csvRow('b') + csvRow('long', 'x'.repeat(34_000_000)) + csvRow('c'));
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${file}:4: a line of 34,000,041 bytes, over the 33,554,432-byte limit for one line (batchable raises DuckDB's limit to the file's size, up to 32 MB under this memory limit); no usage record is that long: check how the file was written\n`);
  });

  it('a JSONL record over the limit is a reject with its line; one of 3 MB is a call; the first record may exceed the sample', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.jsonl');
    // The first record is larger than detection's 256 KB sample: its keys are still seen.
    writeFileSync(file, [rec('mid', { tags: { blob: 'x'.repeat(3_000_000) } }), rec('r1'), rec('big', { tags: { blob: 'y'.repeat(34_000_000) } }), rec('r2')].join('\n') + '\n');
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`rejected ${file}:3: LINE SIZE OVER MAXIMUM`);
    expect(r.stdout).toContain('3 calls ingested, 1 row rejected');
  });

  it('a one-line JSON page over 256 KB is recognised by the keys in its first part', async () => {
    const file = join(tempDir(), 'usage-page.json');
    const results = Array.from({ length: 9000 }, (_, i) => ({
      object: 'organization.usage.completions.result', input_tokens: 100 + i, output_tokens: 10, input_cached_tokens: 0, num_model_requests: 1,
      model: 'gpt-4o-mini-2024-07-18', project_id: `proj_${i % 7}`, user_id: null, api_key_id: null, batch: false,
    }));
    writeFileSync(file, JSON.stringify({ object: 'page', data: [{ object: 'bucket', start_time: 1759651200, end_time: 1759654800, results }], has_more: false, next_page: null }));
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('openai-usage, 9,000 calls ingested, 0 rows rejected');
    // Over DuckDB's 2 MB default line (the page's one line): with the format forced, it was "1 row rejected".
    const big = join(tempDir(), 'usage-page-big.json');
    const wide = results.map((x) => ({ ...x, project_id: `proj_${'p'.repeat(120)}_${x.input_tokens % 7}` }));
    writeFileSync(big, JSON.stringify({ object: 'page', data: [{ object: 'bucket', start_time: 1759651200, end_time: 1759654800, results: wide }], has_more: false, next_page: null }));
    const forced = await runCli(['ingest', big, '--input-format', 'openai-usage', '--db', ':memory:']);
    expect(forced.stdout).toContain('openai-usage, 9,000 calls ingested, 0 rows rejected');
  });
});

describe('what an error quotes from input', () => {
  it('a file of NUL bytes is one short line', async () => {
    const file = join(tempDir(), 'zeros.csv');
    writeFileSync(file, Buffer.alloc(300_000));
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${file}: not a text file (a NUL byte at byte 0); batchable reads CSV, JSONL and JSON exports\n`);
  });

  it('an archive or another compression is named, with the command that opens it', async () => {
    const dir = tempDir();
    const zip = join(dir, "usage export.zip");
    // A ZIP archive's local file header, then what it would hold.
    writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), Buffer.from('usage.csv')]));
    const r = await runCli(['ingest', zip, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${zip}: a ZIP archive, not an export batchable reads as it is (CSV, JSONL, JSON, Parquet, or one of them gzipped): \`unzip '${zip}' -d exports/ && batchable ingest exports/\`\n`);
    for (const [name, magic, what] of [['u.csv.bz2', [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41], 'bzip2-compressed'], ['u.csv.xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz-compressed'],
      ['u.csv.zst', [0x28, 0xb5, 0x2f, 0xfd, 0x00], 'zstd-compressed'], ['u.7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive']] as const) {
      const file = join(dir, name);
      writeFileSync(file, Buffer.from(magic));
      expect((await runCli(['ingest', file, '--db', ':memory:'])).stderr).toMatch(new RegExp(`^error: ${file.replaceAll('.', '\\.')}: ${what},`));
    }
    // Found in a directory, an archive is skipped by its name, with what to do; a directory of archives only says so.
    const only = tempDir();
    writeFileSync(join(only, 'export.zip'), Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect((await runCli(['ingest', only, '--db', ':memory:'])).stderr).toBe(
      `error: ${only}: the directory holds no .csv, .jsonl, .json (optionally .gz) or .parquet files; it holds an archive (${join(only, 'export.zip')}): extract it and ingest what it holds\n`,
    );
    writeFileSync(join(only, 'usage.csv'), 'call_id,ts,model,input_tokens,output_tokens\nc1,2026-10-01T00:00:00Z,gpt-5.4,100,10\n');
    const inDir = await runCli(['ingest', only, '--db', ':memory:']);
    expect(inDir.code).toBe(0);
    expect(inDir.stderr).toContain(`warning: skipped ${join(only, 'export.zip')}: a .zip archive or compressed file: extract it and ingest what it holds (.gz is read as it is)`);
  });

  it('a huge unrecognised header is capped and escaped', async () => {
    const file = join(tempDir(), 'wide.csv');
    writeFileSync(file, `${'\x1b[2J'.repeat(20)}${'h'.repeat(200_000)},b\n1,2\n`);
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(1500);
    expect(r.stderr).not.toMatch(/\x1b/);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
});

describe('out of memory', () => {
  it('names the limit and BATCHABLE_MEMORY_LIMIT, not the file', async () => {
    const file = join(tempDir(), 'many.csv');
    const rows = Array.from({ length: 200_000 }, (_, i) => `c${i},2026-10-05T09:${String(i % 60).padStart(2, '0')}:00Z,gpt-5.4,${i},${i % 97},p${i % 13},note${i}`);
    writeFileSync(file, `call_id,ts,model,input_tokens,output_tokens,project,note\n${rows.join('\n')}\n`);
    const saved = process.env.BATCHABLE_MEMORY_LIMIT;
    process.env.BATCHABLE_MEMORY_LIMIT = '8MB';
    try {
      const r = await runCli(['audit', file, '--db', ':memory:']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: out of memory.*DuckDB's memory limit \(8MB\) was reached; raise it with BATCHABLE_MEMORY_LIMIT=4GB \(or more\) and run again\n$/);
      // At a limit of 4GB and more, twice that (4GB would not raise it).
      process.env.BATCHABLE_MEMORY_LIMIT = '9.6GB';
      expect(outOfMemory(undefined, new Error('Out of Memory Error')).message).toMatch(/memory limit \(9\.6GB\) was reached; raise it with BATCHABLE_MEMORY_LIMIT=20GB \(or more\)/);
      process.env.BATCHABLE_MEMORY_LIMIT = '8GiB';
      expect(outOfMemory(undefined, new Error('Out of Memory Error')).message).toMatch(/BATCHABLE_MEMORY_LIMIT=18GB \(or more\)/);
    } finally {
      if (saved === undefined) delete process.env.BATCHABLE_MEMORY_LIMIT;
      else process.env.BATCHABLE_MEMORY_LIMIT = saved;
    }
  });
});

describe('lines DuckDB would drop without a word', () => {
  // DuckDB's CSV reader (CSV, and JSONL's lines) drops a line over 512 MiB with no row and no reject (src/ingest/hash.ts:
  // measured on 536,871,000 bytes). The hash pass measures long lines; a file with one is refused. Files over 8 MB are
  // hashed as a stream (smaller ones cannot hold such a line), so these are 9 MB, with the ceiling lowered to 2 MB.
  const ceiling = 2 << 20;
  const filler = (n: number) => Array.from({ length: n }, (_, i) => rec(`f${i}`)).join('\n') + '\n';
  const longRec = rec('long', { tags: { blob: 'z'.repeat(3_000_000) } });

  it('the hash pass measures the longest line across read chunks, plain, gzipped and with CR line breaks', async () => {
    const dir = tempDir();
    const body = filler(40_000) + longRec + '\n' + filler(40_000);
    const plain = join(dir, 'a.jsonl');
    writeFileSync(plain, body);
    expect((await hashFile(plain)).longestLineBytes).toBe(longRec.length);
    const gz = join(dir, 'a.jsonl.gz');
    writeFileSync(gz, gzipSync(body));
    expect((await hashFile(gz)).longestLineBytes).toBe(longRec.length);
    const cr = join(dir, 'cr.csv');
    writeFileSync(cr, body.replaceAll('\n', '\r'));
    expect((await hashFile(cr)).longestLineBytes).toBe(longRec.length);
    const short = join(dir, 'short.jsonl');
    writeFileSync(short, filler(120_000));
    expect((await hashFile(short)).longestLineBytes).toBeLessThan(1 << 20);
  });

  it('a JSONL or CSV file with such a line is refused with its line, and nothing from it is kept', async () => {
    const dir = tempDir();
    const jsonl = join(dir, 'long-line.jsonl');
    writeFileSync(jsonl, filler(2) + longRec + '\n' + filler(60_000));
    const csv = join(dir, 'long-line.csv');
    writeFileSync(csv, csvHead + csvRow('a') + csvRow('long', 'x'.repeat(3_000_000)) + Array.from({ length: 150_000 }, (_, i) => csvRow(`r${i}`)).join(''));
    for (const [file, line] of [[jsonl, 3], [csv, 3]] as const) {
      const ws = await openWorkspace(':memory:');
      try {
        const error = await ingestFiles(ws, [file], { lineCeilingBytes: ceiling }).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message).toMatch(new RegExp(`^${file.replaceAll('.', '\\.')}:${line}: a line of 3,0\\d\\d,\\d\\d\\d bytes, over the 2,097,152 bytes DuckDB can read as one line; nothing from the file was ingested`));
        expect(await ws.all('SELECT * FROM sources')).toEqual([]);
        expect(await ws.all('SELECT * FROM calls')).toEqual([]);
        // The same file under DuckDB's real ceiling is read whole.
        expect((await ingestFiles(ws, [file])).calls).toBeGreaterThan(60_000);
      } finally {
        ws.close();
      }
    }
  });

  it('two CSV files read in one scan fall back to one by one, and the one with the line is named', async () => {
    const dir = tempDir();
    const rows = (p: string) => Array.from({ length: 150_000 }, (_, i) => csvRow(`${p}${i}`)).join('');
    const [ok, bad] = [join(dir, 'a.csv'), join(dir, 'b.csv')];
    writeFileSync(ok, csvHead + rows('a'));
    writeFileSync(bad, csvHead + csvRow('long', 'x'.repeat(3_000_000)) + rows('b'));
    const ws = await openWorkspace(':memory:');
    try {
      const error = await ingestFiles(ws, [ok, bad], { lineCeilingBytes: ceiling }).then(() => undefined, (e: unknown) => e);
      expect((error as Error).message).toMatch(new RegExp(`^${bad.replaceAll('.', '\\.')}:2: a line of`));
    } finally {
      ws.close();
    }
  });
});

it('a JSON document DuckDB cannot hold as one value is an input error that says how to split it', async () => {
  // DuckDB's words for a 602 MB OTLP document with line breaks between its export requests (read as one document).
  const duckdb = new Error('Invalid Input Error: "maximum_object_size" of 268435456 bytes exceeded while reading file "/tmp/multi9.json" (>536870908 bytes).\n Try increasing "maximum_object_size".');
  const error = await readError('/tmp/multi9.json', 'otel-genai-spans', duckdb);
  expect(error).toBeInstanceOf(InputError);
  expect(error.message).toBe("/tmp/multi9.json: a JSON document or record over 512 MiB, more than DuckDB reads as one value; nothing from the file was ingested. Split it into one record per line (JSONL; `jq -c '.data[]'` for API pages, `jq -c '.resourceSpans[] | {resourceSpans: [.]}'` for OTLP)");
});
