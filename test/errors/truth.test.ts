// Errors that tell the truth: only errors known to come from the input are input errors (exit 2, one line);
// a mistake in batchable's own SQL is an internal error with its stack, a request to report it, and exit 3;
// a cleanup that fails too never hides the first error; unreadable inputs say "permission denied".
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { BatchableError, formatError, InternalError, exitCodeFor, knownError, withCleanup } from '../../src/errors.ts';
import { inputErrorClass, readError } from '../../src/ingest/file-rows.ts';
import { fixture, runCli } from '../helpers/cli.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'batchable-errors-'));
const asRoot = process.getuid?.() === 0; // root reads files whatever their mode

afterEach(() => vi.restoreAllMocks());

describe('internal errors', () => {
  it('a SQL mistake in an adapter is an internal error with its stack and exit 3, not "is the file truncated?"', async () => {
    const adapter = adapters.find((a) => a.id === 'batchable-csv')!;
    const select = adapter.select.bind(adapter);
    // The adapter's SELECT names a column no file has: DuckDB's Binder Error is our bug, whatever the input.
    vi.spyOn(adapter, 'select').mockImplementation((ctx) => {
      const s = select(ctx);
      return { ...s, columns: { ...s.columns, model: 'json_extract(no_such_column, \'$.x\')' } };
    });
    const r = await runCli(['audit', fixture('seeds/ten-thousand-dollars.csv'), '--db', ':memory:']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^internal error \(please report\): InternalError: reading .*ten-thousand-dollars\.csv with the batchable-csv adapter, DuckDB refused a query batchable wrote: Binder Error/);
    expect(r.stderr).toMatch(/\n {4}at /); // the stack
    expect(r.stderr).toContain('caused by: Error: Binder Error');
    expect(r.stderr).toContain('This is a bug in batchable, not a problem with your data or flags (exit 3). Please report it');
    expect(r.stderr).not.toContain('truncated');
  });

  it('a malformed file is still an input error: one line, exit 2', async () => {
    const r = await runCli(['ingest', fixture('bad/truncated.json'), '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*truncated\.json.*not valid JSON/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('anything that is not a BatchableError exits 3; InternalError keeps its cause in the report', () => {
    const e = new InternalError('an invariant broke', { cause: new Error('the query returned no row') });
    expect(exitCodeFor(e)).toBe(3);
    expect(exitCodeFor(new TypeError('x'))).toBe(3);
    expect(exitCodeFor(new BatchableError('bad flag'))).toBe(2);
    expect(formatError(e)).toContain('caused by: Error: the query returned no row');
  });

  it('a full disk is one line, exit 2, naming the file DuckDB could not write and where spill files can go', () => {
    // DuckDB's own message when its spill files filled the disk (seen on a scan that paired every reject with every line).
    const duck = new Error('IO Error: Could not write file "/tmp/w.duckdb.tmp/duckdb_temp_storage_DEFAULT-5.tmp": No space left on device');
    const known = knownError(duck);
    expect(exitCodeFor(known)).toBe(2);
    expect(formatError(known)).toBe(
      'error: no space left on the disk holding /tmp/w.duckdb.tmp/duckdb_temp_storage_DEFAULT-5.tmp: free some, or put DuckDB\'s spill files on a disk with room (BATCHABLE_TEMP_DIR=DIR), and run again\n',
    );
    const node = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(formatError(knownError(node))).toBe('error: no space left on the disk: free some, or put DuckDB\'s spill files on a disk with room (BATCHABLE_TEMP_DIR=DIR), and run again\n');
    expect(exitCodeFor(knownError(new Error('IO Error: Could not read file')))).toBe(3);
    // Met while reading a file, it is not the file's fault (an input error naming it) nor a query of ours.
    expect(inputErrorClass.test(duck.message)).toBe(false);
    expect(inputErrorClass.test('IO Error: Could not read file "x.csv": No such file or directory')).toBe(true);
    return readError('usage.csv', 'batchable-csv', duck).then((e) => expect(formatError(e)).toMatch(/^error: no space left on the disk holding \/tmp\/w\.duckdb\.tmp\//));
  });
});

describe('cleanup never hides the first error', () => {
  it('withCleanup rethrows the work error and keeps the cleanup error beside it', async () => {
    const first = new Error('the real problem');
    const run = withCleanup(
      async () => {
        throw first;
      },
      async () => {
        throw new Error('ROLLBACK failed too');
      },
    );
    await expect(run).rejects.toBe(first);
    expect((first as Error & { suppressed?: Error[] }).suppressed?.map((e) => e.message)).toEqual(['ROLLBACK failed too']);
    expect(formatError(first)).toContain('while cleaning up, also: ROLLBACK failed too');
  });

  it('a cleanup error after a success is thrown (nothing fails silently)', async () => {
    await expect(withCleanup(async () => 1, () => { throw new Error('close failed'); })).rejects.toThrow('close failed');
    await expect(withCleanup(async () => 1, () => undefined)).resolves.toBe(1);
  });
});

describe('input problems said as they are', () => {
  it.skipIf(asRoot)('an unreadable rules file, --pricing-dir and --baseline say "permission denied"', async () => {
    const dir = tempDir();
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, 'rules: []\n');
    chmodSync(rules, 0o000);
    const r = await runCli(['audit', fixture('seeds/ten-thousand-dollars.csv'), '--db', ':memory:', '--rules', rules]);
    expect(r).toMatchObject({ code: 2, stderr: `error: --rules ${rules}: cannot read the rules file (permission denied)\n` });

    const prices = join(dir, 'prices');
    writeFileSync(join(dir, 'placeholder'), '');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(prices);
    chmodSync(prices, 0o000);
    const p = await runCli(['audit', fixture('seeds/ten-thousand-dollars.csv'), '--db', ':memory:', '--pricing-dir', prices]);
    expect(p).toMatchObject({ code: 2, stderr: `error: --pricing-dir ${prices}: cannot read the directory (permission denied)\n` });

    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, '{}');
    chmodSync(baseline, 0o000);
    const b = await runCli(['check', fixture('check/org-export.csv'), '--db', ':memory:', '--baseline', baseline, '--max-increase', '5']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('cannot read the --baseline file (permission denied)');
  });

  it('a bad --limit is an error naming the flag, not silently 100', async () => {
    for (const limit of ['ten', '0', '-3', '2.5']) {
      const r = await runCli(['rejects', '--limit', limit, '--db', ':memory:']);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `error: --limit ${limit}: expected a whole number of at least 1\n` });
    }
    expect((await runCli(['rejects', '--limit', '5', '--db', ':memory:'])).stdout).toBe('no rejected rows\n');
  });
});
