// Small CSV files of one header joined into one file for a scan (src/ingest/concat.ts): what the joined file holds, and
// when files are not joined (they are then read as they are; test/ingest/many.test.ts compares the outcomes).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { concatMaxAverageBytes, joinCsvFiles } from '../../src/ingest/concat.ts';

const dir = mkdtempSync(join(tmpdir(), 'batchable-concat-'));
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const sizes = (files: readonly string[]) => files.map((f) => readFileSync(f).length);
const saved = process.env.BATCHABLE_TEMP_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.BATCHABLE_TEMP_DIR;
  else process.env.BATCHABLE_TEMP_DIR = saved;
});

describe('joinCsvFiles', () => {
  it("writes the header once, then a marker row and each file's lines after its header", () => {
    const files = [
      file('a.csv', 'id,model,tokens\n1,m,10\n2,m,20\n'),
      file('b.csv', '\ufeffid,model,tokens\n3,m,30'), // a byte-order mark, no last line break
      file('c.csv', 'id,model,tokens\n'), // its header only
      file('d.csv', 'id,model,tokens\n4,"m, quoted",40\n'),
    ];
    const joined = joinCsvFiles(files, sizes(files), 3, ',')!;
    expect(readFileSync(joined.file, 'utf8')).toBe(
      'id,model,tokens\n\u0001bt:0,,\n1,m,10\n2,m,20\n\u0001bt:1,,\n3,m,30\n\u0001bt:2,,\n\u0001bt:3,,\n4,"m, quoted",40\n',
    );
    joined.dispose();
    expect(() => readFileSync(joined.file)).toThrow();
  });

  it('keeps CRLF lines and a semicolon in its markers', () => {
    const files = [file('e.csv', 'id;model\r\n1;m\r\n'), file('f.csv', 'id;model\r\n2;m')];
    const joined = joinCsvFiles(files, sizes(files), 2, ';')!;
    expect(readFileSync(joined.file, 'utf8')).toBe('id;model\r\n\u0001bt:0;\r\n1;m\r\n\u0001bt:1;\r\n2;m\r\n');
    joined.dispose();
  });

  it('joins nothing it cannot join so that each file reads as it does alone', () => {
    const ok = file('g.csv', 'id,model\n1,m\n');
    const cases: [string, string[], number[]?][] = [
      ['a control character like the marker\'s', [ok, file('h.csv', 'id,model\n2,m\u0001\n')]],
      ['another header line', [ok, file('i.csv', 'id,Model\n2,m\n')]],
      ['a header without a line break', [file('j.csv', 'id,model'), ok]],
      ['a compressed file', [ok, file('k.csv.gz', 'id,model\n2,m\n')]],
      ['files too large on average to gain', [ok, ok], [concatMaxAverageBytes + 1, concatMaxAverageBytes + 1]],
      ['one file', [ok]],
    ];
    for (const [what, files, bytes] of cases) expect(joinCsvFiles(files, bytes ?? sizes(files), 2, ','), what).toBeUndefined();
    // Nowhere to write the joined file (the temp directory under a file): the files are read as they are.
    process.env.BATCHABLE_TEMP_DIR = join(ok, 'sub');
    expect(joinCsvFiles([ok, ok], sizes([ok, ok]), 2, ',')).toBeUndefined();
  });
});
