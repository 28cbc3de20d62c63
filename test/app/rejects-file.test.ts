// `rejects --file` finds a file by any name of it: files are stored as they were named on the command line, and a
// user who ingested `./a.csv` and asked for `a.csv` (or its absolute path) was told "no rejected rows" when it had one.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, listRejects } from '../../src/index.ts';
import { UsageError } from '../../src/errors.ts';
import { fixture, runCli } from '../helpers/cli.ts';

describe('rejects --file', () => {
  it('takes the name as ingested, the same file by another path, or its base name; a name of no file is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-rejects-'));
    const db = join(dir, 'usage.duckdb');
    const file = join(dir, 'ragged-row.csv');
    copyFileSync(fixture('bad/ragged-row.csv'), file);
    const asIngested = relative(process.cwd(), file); // stored as named: a relative path
    await ingest({ db, files: [asIngested] });
    for (const name of [asIngested, file, `./${asIngested}`, 'ragged-row.csv']) {
      const rows = await listRejects({ db, file: name, limit: 10 });
      expect(rows.map((r) => r.file)).toEqual([asIngested]);
    }
    await expect(listRejects({ db, file: 'other.csv', limit: 10 })).rejects.toThrow(UsageError);
    const r = await runCli(['rejects', '--db', db, '--file', 'other.csv']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain(`--file other.csv: no input file by that name in the workspace; files ingested: ${asIngested}`);
  });

  it('a base name two files share asks for one of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-rejects-'));
    const db = join(dir, 'usage.duckdb');
    const [a, b] = ['a', 'b'].map((d) => join(dir, d, 'ragged-row.csv'));
    for (const f of [a!, b!]) {
      mkdirSync(join(f, '..'), { recursive: true });
      copyFileSync(fixture('bad/ragged-row.csv'), f);
    }
    // Different content, so both are held: the second gets a row of its own.
    appendFileSync(b!, '\n');
    await ingest({ db, files: [a!, b!] });
    await expect(listRejects({ db, file: 'ragged-row.csv', limit: 10 })).rejects.toThrow(/files of that name: .*a\/ragged-row\.csv, .*b\/ragged-row\.csv \(give one as listed\)/);
  });
});
