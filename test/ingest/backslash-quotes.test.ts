// CSV that escapes quotes inside quoted fields with a backslash (`"say \"hi\" now"`, as Spark's and MySQL's writers
// do) instead of doubling them (RFC 4180): DuckDB's sniffer gave up on it read as RFC 4180 ("Error when sniffing
// file", exit 2 with no line). Sniff tells the two apart; rejects still name their lines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { backslashEscaped } from '../../src/ingest/sniff.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('batchable-backslash-');
const header = 'call_id,ts,model,input_tokens,output_tokens,note';

describe('quotes escaped with a backslash', () => {
  it('are told from RFC 4180 quoting by the sample', () => {
    expect(backslashEscaped('a,"say \\"hi\\" now"\n', ',')).toBe(true);
    expect(backslashEscaped('a;"say \\"hi\\" now"\n', ';')).toBe(true);
    expect(backslashEscaped('a,"say ""hi"" now"\n', ',')).toBe(false);
    // a value that ends with a backslash, in RFC 4180 quoting
    expect(backslashEscaped('a,"C:\\dir\\",b\n"x\\"\n', ',')).toBe(false);
    expect(backslashEscaped('a,"C:\\dir\\";b\n', ';')).toBe(false);
  });

  it('are read as quotes, a field over two lines included, and a reject after them names its line', async () => {
    const file = join(tempDir(), 'spark.csv');
    writeFileSync(file, [header, 'c1,2026-10-01T00:00:00Z,gpt-5.4,100,10,"say \\"hi\\" now"', 'c2,2026-10-01T00:00:00Z,gpt-5.4,100,10,"two', 'lines \\"quoted\\""',
      'c3,bad,gpt-5.4,100,10,x', 'c4,2026-10-01T00:00:00Z,gpt-5.4,100,10,"a \\\\ backslash"'].join('\n') + '\n');
    const ws = await openWorkspace(':memory:');
    const summary = await ingestFiles(ws, [file]);
    expect(summary).toMatchObject({ calls: 3, rejects: 1 });
    expect(await ws.all("SELECT call_id, tags->>'note' AS note FROM calls ORDER BY call_id")).toEqual([
      { call_id: 'c1', note: 'say "hi" now' },
      { call_id: 'c2', note: 'two\nlines "quoted"' },
      { call_id: 'c4', note: 'a \\ backslash' },
    ]);
    expect(await ws.all('SELECT line, reason, raw FROM rejects')).toEqual([{ line: 5n, reason: 'unparsable time in ts: "bad"', raw: 'c3,bad,gpt-5.4,100,10,x' }]);
    ws.close();
  });

  it('files of one header read in one scan give what each gives alone', async () => {
    const dir = tempDir();
    const files = [1, 2].map((d) => {
      const file = join(dir, `day-${d}.csv`);
      writeFileSync(file, `${header}\nd${d},2026-10-0${d}T00:00:00Z,gpt-5.4,100,10,"say \\"hi\\" on day ${d}"\n`);
      return file;
    });
    const read = async (oneScan: boolean) => {
      const ws = await openWorkspace(':memory:');
      await ingestFiles(ws, files, { oneScan });
      const rows = await ws.all("SELECT call_id, tags->>'note' AS note, source_row FROM calls ORDER BY call_id");
      ws.close();
      return rows;
    };
    expect(await read(true)).toEqual([{ call_id: 'd1', note: 'say "hi" on day 1', source_row: 2n }, { call_id: 'd2', note: 'say "hi" on day 2', source_row: 2n }]);
    expect(await read(true)).toEqual(await read(false));
  });
});
