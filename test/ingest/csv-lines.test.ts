// A CSV reject or skip names the line a user opens. DuckDB numbers records, not lines: a quoted field's line breaks
// and blank lines made every line after them wrong (and the quoted raw text was another row's). src/ingest/file-rows.ts:
// csvLineMapSql; src/ingest/hash.ts: plainLines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hashFile } from '../../src/ingest/hash.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('batchable-csv-lines-');
const unclosed = 'a quote (") opens a field on this line and is never closed, so the rest of the file would be one value; close it, or remove it (a quote inside a value is written twice, inside a quoted field); nothing from the file was ingested';
const head = 'call_id,ts,model,input_tokens,output_tokens\n';
// Line numbers as `cat -n` shows them: a quoted field over two lines (4-5, 11-12), a quote inside an unquoted value
// (6), a blank line (7) before two lines DuckDB sets aside (8, 9: it counts the blank line, not the quoted line break), escaped quotes (11).
const body = [
  'a1,2026-10-05T09:00:00Z,gpt-5.4,10,1',
  ',,,,',
  '"a4",2026-10-05T09:00:03Z,"gpt-5.4\nx",10,1',
  'a5,2026-10-05T09:00:04Z,gpt"5.4,10,1',
  '',
  '   ',
  'a6,2026-10-05T09:00:05Z,gpt-5.4,10,1,extra',
  'a7,,gpt-5.4,10,1',
  'a8,2026-10-05T09:00:06Z,"say ""hi""\nthere",10,1',
  'a9,2026-10-05T09:00:06Z,gpt-5.4,,1',
].join('\n') + '\n';
const expected = (file: string) => [
  `${file}:3: missing ts; missing model; missing input_tokens; missing output_tokens`,
  '    ,,,,',
  `${file}:8: MISSING COLUMNS: Expected Number of Columns: 5 Found: 1`,
  '       ',
  `${file}:9: TOO MANY COLUMNS: Expected Number of Columns: 5 Found: 6`,
  '    a6,2026-10-05T09:00:05Z,gpt-5.4,10,1,extra',
  `${file}:10: missing ts`,
  '    a7,,gpt-5.4,10,1',
  `${file}:13: missing input_tokens`,
  '    a9,2026-10-05T09:00:06Z,gpt-5.4,,1',
];

describe('CSV rejects name the line a user opens', () => {
  it('after quoted line breaks, blank lines and DuckDB\'s own rejects, plain and gzipped', async () => {
    const dir = tempDir();
    for (const [name, bytes] of [['h.csv', Buffer.from(head + body)], ['h.csv.gz', gzipSync(head + body)]] as const) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const db = join(dir, `${name}.duckdb`);
      expect((await runCli(['ingest', file, '--db', db])).stdout).toContain('4 calls ingested, 5 rows rejected');
      const r = await runCli(['rejects', '--db', db]);
      expect(r.stdout.trimEnd().split('\n')).toEqual(expected(file));
    }
  });

  it('in files read in one scan, each file\'s own lines', async () => {
    const dir = tempDir();
    // No DuckDB rejects (those files are read one by one): the quoted line break and the blank line shift the rest.
    const scanned = body.split('\n').filter((l) => !['   ', 'a6,2026-10-05T09:00:05Z,gpt-5.4,10,1,extra'].includes(l)).join('\n');
    const [a, b] = [join(dir, 'a.csv'), join(dir, 'b.csv')];
    writeFileSync(a, head + 'z1,2026-10-05T08:00:00Z,gpt-5.4,10,1\n');
    writeFileSync(b, head + scanned);
    const db = join(dir, 'w.duckdb');
    expect((await runCli(['ingest', a, b, '--db', db])).stdout).toContain('5 calls ingested, 3 rows rejected');
    const r = await runCli(['rejects', '--db', db]);
    expect(r.stdout.trimEnd().split('\n').filter((l) => l.startsWith(b))).toEqual([`${b}:3: missing ts; missing model; missing input_tokens; missing output_tokens`, `${b}:8: missing ts`, `${b}:11: missing input_tokens`]);
  });

  it('the hash pass tells plain files from ones with a quote or a blank line, across read chunks', async () => {
    const dir = tempDir();
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `r${i},2026-10-05T09:00:00Z,gpt-5.4,10,1\n`).join('');
    /** The header and rows, exactly `bytes` long, ending with a line break. */
    const upTo = (bytes: number) => {
      const text = head + rows(Math.floor((bytes - head.length) / 50));
      return text + `p${'x'.repeat(bytes - text.length - 35)},2026-10-05T09:00:00Z,gpt-5.4,1,1\n`;
    };
    expect(upTo(1 << 20).length).toBe(1 << 20);
    const cases: [string, string, boolean][] = [
      ['plain', head + rows(10), true],
      ['quoted', head + rows(5) + 'q,2026-10-05T09:00:00Z,"gpt-5.4",1,1\n', false],
      ['blank', head + rows(5) + '\n' + rows(5), false],
      ['crlf blank', (head + rows(5)).replaceAll('\n', '\r\n') + '\r\n' + rows(1), false],
      ['leading blank', '\n' + head + rows(5), false],
      ['cr plain', (head + rows(5)).replaceAll('\n', '\r'), true],
      ['cr blank', (head + rows(5)).replaceAll('\n', '\r') + '\r' + rows(1).replaceAll('\n', '\r'), false],
      ['crlf plain', (head + rows(5)).replaceAll('\n', '\r\n'), true],
      // Over 8 MB (streamed in 1 MB chunks): a blank line wherever it falls.
      ['large plain', head + rows(250_000), true],
      ['large blank', head + rows(200_000) + '\n' + rows(50_000), false],
      // The blank line's two line breaks on either side of the first 1 MB chunk's end.
      ['blank across chunks', upTo(1 << 20) + '\n' + rows(250_000), false],
    ];
    for (const [name, text, plain] of cases) {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, text);
      expect([name, (await hashFile(file)).plainLines]).toEqual([name, plain]);
    }
  });
});

it('in a file that quotes every field, whatever its number of columns', async () => {
  // The quote that closes a field and the one that opens the next share a delimiter ("a","b"): with four columns
  // every row read as opening a field over lines, and the rejects were named at lines 4, 6 and 8 (for 3, 5 and 7).
  const dir = tempDir();
  const rows = [
    '"ts","model","input_tokens","output_tokens"',
    '"2026-08-03T09:00:00Z","gpt-4o-mini","100","10"',
    '"2026-08-03T09:01:00Z","gpt-4o-mini","100","multi\nline"',
    '"2026-08-03T09:02:00Z","gpt-4o-mini","x","10"',
    '"2026-08-03T09:03:00Z","gpt-4o-mini","100","10"',
    '"2026-08-03T09:04:00Z","gpt-4o-mini","y",""',
  ];
  for (const [name, delimiter] of [['comma.csv', ','], ['semicolon.csv', ';']] as const) {
    const file = join(dir, name);
    writeFileSync(file, rows.map((r) => r.replaceAll('","', `"${delimiter}"`)).join('\n') + '\n');
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.stdout.split('\n').filter((l) => l.includes('rejected ')).map((l) => l.trim().split(': ')[0])).toEqual([
      `rejected ${file}:3`,
      `rejected ${file}:5`,
      `rejected ${file}:7`,
    ]);
  }
});

it('a quote that opens a field and never closes is named by its line (DuckDB\'s sniffer names none)', async () => {
  const file = join(tempDir(), 'unclosed.csv');
  // The quoted field over lines 3-4 is closed; the quote on line 6 is not.
  writeFileSync(file, head + 'a1,2026-10-05T09:00:00Z,gpt-5.4,10,1\na2,2026-10-05T09:00:01Z,"gpt\n5.4",10,1\n\n"a3,2026-10-05T09:00:02Z,gpt-5.4,10,1\na4,2026-10-05T09:00:03Z,gpt-5.4,10,1\n');
  const r = await runCli(['ingest', file, '--db', ':memory:']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`error: ${file}:6: ${unclosed}\n`);
});

it('past the part DuckDB sniffs, an unclosed quote is refused too: it would have been one reject holding the rest of the file', async () => {
  const dir = tempDir();
  const file = join(dir, 'late-quote.csv');
  const rows = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i},2026-10-05T09:00:00Z,gpt-5.4,10,1\n`).join('');
  writeFileSync(file, head + rows('r', 40_000) + '"bad,2026-10-05T09:00:00Z,gpt-5.4,10,1\n' + rows('s', 500));
  const db = join(dir, 'w.duckdb');
  const r = await runCli(['ingest', file, '--db', db]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`error: ${file}:40002: ${unclosed}\n`);
  expect((await runCli(['rejects', '--db', db])).stdout).toBe('no rejected rows\n');
});

describe('line endings', () => {
  const row = (i: number, tokens = '100') => `2026-08-03T09:0${i}:00Z,gpt-4o-mini,${tokens},10`;

  it('CRLF rows with a bare LF inside a quoted value (as Excel writes a line break in a cell): rejects keep their lines', async () => {
    const file = join(tempDir(), 'excel.csv');
    writeFileSync(file, ['ts,model,input_tokens,output_tokens,note', `${row(0)},"two\nlines"`, `${row(1, 'x')},b`, `${row(2)},c`].join('\r\n') + '\r\n');
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`rejected ${file}:4: not a whole number in input_tokens: "x"`);
  });

  it('JSONL whose lines end in both CRLF and LF (files of both kinds joined) is read, each line a record', async () => {
    const file = join(tempDir(), 'joined.jsonl');
    const record = (i: number, tokens: string | number) => JSON.stringify({ ts: `2026-08-03T09:0${i}:00Z`, model: 'gpt-4o-mini', input_tokens: tokens, output_tokens: 10 });
    writeFileSync(file, `${record(0, 100)}\r\n${record(1, 100)}\n${record(2, 'x')}\r\n${record(3, 100)}\n`);
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 calls ingested, 1 row rejected');
    expect(r.stdout).toContain(`rejected ${file}:3: not a whole number in input_tokens: "x"`);
  });

  it('a CSV whose rows end in both, which DuckDB cannot read, is refused at the first line that differs, with the command that mends it', async () => {
    const dir = tempDir();
    const file = join(dir, 'joined.csv');
    const text = `ts,model,input_tokens,output_tokens\r\n${row(0)}\r\n${row(1)}\n${row(2)}\r\n`;
    writeFileSync(file, text);
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${file}:3: this line ends in LF, the lines before it in CRLF, and DuckDB's CSV reader gave up on the file ("Error when ` +
      `sniffing file"). Unless that line break is inside a quoted value, make the line endings one kind (\`sed 's/\\r$//' '${file}' > fixed.csv\`) and ingest ` +
      'the result; nothing from the file was ingested\n');
    const fixed = join(dir, 'fixed.csv');
    writeFileSync(fixed, text.replaceAll('\r\n', '\n'));
    expect((await runCli(['ingest', fixed, '--db', ':memory:'])).stdout).toContain('3 calls ingested, 0 rows rejected');
  });
});
