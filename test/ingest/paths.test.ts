// Issue 14 findings 1, 4, 5, 10, 11 and issue 13 defect 6: paths are read as given, directories and globs are
// expanded safely, bad paths are one line before anything is committed, truncated gzip and absurd counts stop.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { fixture, repoRoot, runCli } from '../helpers/cli.ts';

const noStack = /\n\s+at /;
const header = 'call_id,ts,model,input_tokens,output_tokens\n';
/** A batchable-csv file with `n` calls whose ids start with `prefix`. */
const usage = (prefix: string, n = 1, input = 100) =>
  header + Array.from({ length: n }, (_, i) => `${prefix}${i},2026-10-05T09:00:${String(i % 60).padStart(2, '0')}Z,gpt-5.4,${input},10\n`).join('');
const tempDir = () => mkdtempSync(join(tmpdir(), 'batchable-paths-'));

async function heldCalls(db: string): Promise<{ calls: number; files: string[] }> {
  const ws = await openWorkspace(db);
  try {
    const [row] = await ws.all<{ n: bigint }>('SELECT count(*) AS n FROM calls');
    const files = (await ws.all<{ file: string }>('SELECT file FROM sources ORDER BY file')).map((r) => r.file);
    return { calls: Number(row?.n ?? 0), files };
  } finally {
    ws.close();
  }
}

describe('paths that exist are never globs', () => {
  it('reads data[1].csv as that file, not data1.csv, and star*.csv as one file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data1.csv'), usage('plain', 1));
    writeFileSync(join(dir, 'data[1].csv'), usage('bracket', 2));
    writeFileSync(join(dir, 'star*.csv'), usage('star', 3));
    writeFileSync(join(dir, 'starA.csv'), usage('a', 4));
    const db = join(dir, 'w.duckdb');
    const r = await runCli(['ingest', join(dir, 'data[1].csv'), join(dir, 'star*.csv'), '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 calls ingested');
    const ws = await openWorkspace(db);
    const ids = (await ws.all<{ call_id: string; source_file: string }>('SELECT call_id, source_file FROM calls ORDER BY call_id'));
    ws.close();
    expect(ids.map((i) => i.call_id)).toEqual(['bracket0', 'bracket1', 'star0', 'star1', 'star2']);
    expect(new Set(ids.map((i) => i.source_file))).toEqual(new Set([join(dir, 'data[1].csv'), join(dir, 'star*.csv')]));
  });

  it('expands an argument that is not a path as a glob, and says how many files it matched', async () => {
    const dir = tempDir();
    for (const n of [1, 2, 3]) writeFileSync(join(dir, `part${n}.csv`), usage(`p${n}-`, 1));
    const r = await runCli(['ingest', join(dir, 'part*.csv'), '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${join(dir, 'part*.csv')}: pattern matched 3 files`);
    expect(r.stdout).toContain('3 calls ingested');
  });
});

describe('directories', () => {
  it('ends on a symlink loop and reads each file once', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'one.csv'), usage('one', 2));
    symlinkSync('..', join(dir, 'a', 'up')); // a/up -> dir: a loop
    symlinkSync(join(dir, 'a'), join(dir, 'again')); // a second way into a/
    const r = await runCli(['ingest', dir, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 calls ingested');
    expect(r.stdout.match(/one\.csv/g)).toHaveLength(1);
  });

  it('a dangling symlink stops the run with one line, before any file is committed', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'a.csv'), usage('a', 2));
    symlinkSync(join(dir, 'gone.csv'), join(data, 'b.csv'));
    const db = join(dir, 'w.duckdb');
    const r = await runCli(['ingest', data, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${join(data, 'b.csv')}: dangling symbolic link (points to ${join(dir, 'gone.csv')}, which does not exist)\n`);
    expect(await heldCalls(db)).toEqual({ calls: 0, files: [] });
  });

  it('a symlink that loops onto itself is one line naming it', async () => {
    const dir = tempDir();
    symlinkSync('self.csv', join(dir, 'self.csv'));
    const r = await runCli(['ingest', join(dir, 'self.csv'), '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${join(dir, 'self.csv')}: symbolic link loop (points to self.csv)\n`);
  });

  it('unreadable files and directories are one line, exit 2, nothing committed', () => {
    // Permissions bind only non-root users: as root, the CLI runs as `nobody`.
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'a.csv'), usage('a', 2));
    writeFileSync(join(data, 'b.csv'), usage('b', 2));
    mkdirSync(join(data, 'locked'));
    chmodSync(data, 0o755);
    chmodSync(join(data, 'b.csv'), 0o000);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, [join(repoRoot, 'bin/batchable.js'), ...args], {
        encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: dir }, ...asUser,
      });
      return { code: r.status, stderr: r.stderr };
    };
    const db = join(dir, 'w.duckdb');
    const file = run(['ingest', join(data, 'b.csv'), '--db', db]);
    expect(file).toEqual({ code: 2, stderr: `error: ${join(data, 'b.csv')}: cannot read: permission denied\n` });
    const inDir = run(['ingest', data, '--db', db]);
    expect(inDir).toEqual({ code: 2, stderr: `error: ${join(data, 'b.csv')}: cannot read: permission denied\n` });
    chmodSync(join(data, 'b.csv'), 0o644);
    chmodSync(join(data, 'locked'), 0o000);
    const lockedDir = run(['ingest', data, '--db', db]);
    expect(lockedDir).toEqual({ code: 2, stderr: `error: ${join(data, 'locked')}: cannot read the directory: permission denied\n` });
    chmodSync(join(data, 'locked'), 0o755);
    expect(run(['ingest', data, '--db', db]).code).toBe(0);
  });

  it('a mixed directory skips the files that match no format, one warning each, and counts them (issue 13 defect 6)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'usage-1.csv'), usage('u1-', 3));
    writeFileSync(join(dir, 'usage-2.csv'), usage('u2-', 2));
    writeFileSync(join(dir, 'README.md'), '# Exports\nDownloaded monthly.\n');
    writeFileSync(join(dir, 'notes.csv'), 'date,who,what\n2026-10-01,ana,asked finance\n');
    // An OpenAI Batch API input file: requests to send, no usage (https://platform.openai.com/docs/guides/batch).
    writeFileSync(join(dir, 'batch-input.jsonl'),
      '{"custom_id": "request-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello"}]}}\n');
    writeFileSync(join(dir, 'empty.json'), '');
    const r = await runCli(['audit', dir, '--db', ':memory:']);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: skipped'));
    expect(warnings.map((w) => w.split(':')[1]?.trim())).toEqual(
      ['README.md', 'batch-input.jsonl', 'empty.json', 'notes.csv'].map((f) => `skipped ${join(dir, f)}`),
    );
    expect(r.stderr).toContain('5 calls ingested, 0 rows rejected, 4 files skipped (not usage)');
    expect(r.stderr).not.toMatch(noStack);

    // The same file named explicitly is an error.
    const named = await runCli(['ingest', join(dir, 'notes.csv'), '--db', ':memory:']);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/^error: .*notes\.csv: unrecognised CSV usage format/);
    // And through a glob it is skipped.
    const glob = await runCli(['ingest', join(dir, '*.csv'), '--db', ':memory:']);
    expect(glob.code).toBe(0);
    expect(glob.stdout).toContain('pattern matched 3 files');
    expect(glob.stdout).toContain('5 calls ingested, 0 rows rejected, 1 file skipped (not usage)');
  });
});

describe('file contents that stop a file', () => {
  it('a truncated gzip stops the file: exit 2, one line, nothing kept', async () => {
    const dir = tempDir();
    const whole = gzipSync(usage('g', 16_000));
    writeFileSync(join(dir, 'cut.csv.gz'), whole.subarray(0, Math.floor(whole.length * 0.8)));
    writeFileSync(join(dir, 'ok.csv'), usage('ok', 2));
    const db = join(dir, 'w.duckdb');
    const r = await runCli(['ingest', join(dir, 'ok.csv'), join(dir, 'cut.csv.gz'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${join(dir, 'cut.csv.gz')}: the gzip stream ends early (truncated file); nothing from it was kept. \`gzip -t\` shows the same; fetch the file again\n`);
    expect(await heldCalls(db)).toEqual({ calls: 2, files: [join(dir, 'ok.csv')] });
  });

  it('rejects counts above 10^12 with the line, and later reports still run', async () => {
    const dir = tempDir();
    const file = join(dir, 'huge.csv');
    writeFileSync(file, `${usage('ok', 2)}big,2026-10-05T10:00:00Z,gpt-5.4,9223372036854775807,10\nbig2,2026-10-05T10:00:00Z,gpt-5.4,10,1000000000001\n`);
    const db = join(dir, 'w.duckdb');
    const r = await runCli(['ingest', file, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`rejected ${file}:4: input_tokens above 10^12 (9223372036854775807): not a real count`);
    expect(r.stdout).toContain(`rejected ${file}:5: output_tokens above 10^12 (1000000000001): not a real count`);
    expect(r.stdout).toContain('2 calls ingested, 2 rows rejected');
    const audit = await runCli(['audit', '--db', db]);
    expect(audit.stderr).not.toMatch(/overflow/i);
    expect(audit.code).toBe(0);
  });
});

describe('issue 13 defect 6 with the real fixtures', () => {
  it('usage files, a cost report, a README and a batch input file: exit 0, the cost report feeds reconciliation, two files skipped', async () => {
    const dir = tempDir();
    for (const f of ['anthropic/claude_api_cost_2026_08.csv', 'anthropic/console-usage.csv', 'openai/batch-input.jsonl', 'batchable/mixed-workloads.csv']) {
      copyFileSync(fixture(f), join(dir, f.split('/')[1]!));
    }
    writeFileSync(join(dir, 'README.md'), '# August exports\n');
    const r = await runCli(['audit', dir, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('warning: skipped')).map((l) => l.slice(17, l.indexOf(':', 17)))).toEqual(
      [join(dir, 'README.md'), join(dir, 'batch-input.jsonl')],
    );
    expect(r.stderr).toMatch(/claude_api_cost_2026_08\.csv: anthropic-cost-csv, 7 billed cost rows loaded for reconciliation/);
    expect(r.stderr).toContain('13 calls ingested, 1 row rejected, 2 files skipped (not usage)');
  });
});
