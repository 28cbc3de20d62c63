// Issue 14 finding 6: a workspace survives a kill at any moment of a first or a later run, and a log that cannot
// be replayed is one line pointing at `batchable doctor`, which keeps every committed file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { repoRoot } from '../helpers/cli.ts';

const bin = join(repoRoot, 'bin/batchable.js');
const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' };
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

function usageFile(dir: string, name: string, n: number, prefix: string): string {
  const file = join(dir, name);
  const rows = Array.from({ length: n }, (_, i) => `${prefix}${i},2026-10-0${1 + (i % 7)}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z,gpt-5.4,${100 + (i % 900)},${i % 97},proj_${i % 5}`);
  writeFileSync(file, `call_id,ts,model,input_tokens,output_tokens,project\n${rows.join('\n')}\n`);
  return file;
}

/** Starts `batchable args`, sends `signal` after `ms`, and resolves with its exit code (or the signal). */
function killedAfter(args: string[], ms: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(signal), ms);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

/** The workspace opens, and every committed file's calls are there, no more. */
async function consistent(db: string): Promise<{ files: number; calls: number }> {
  const ws = await openWorkspace(db);
  try {
    const [row] = await ws.all<{ files: bigint; recorded: bigint; calls: bigint }>(
      'SELECT (SELECT count(*) FROM sources) AS files, (SELECT coalesce(sum(calls), 0) FROM sources) AS recorded, (SELECT count(*) FROM calls) AS calls',
    );
    expect(row!.calls).toBe(row!.recorded);
    return { files: Number(row!.files), calls: Number(row!.calls) };
  } finally {
    ws.close();
  }
}

describe('a kill at any moment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'batchable-kill-'));
  const rows = 30_000;
  const first = usageFile(dir, 'first.csv', rows, 'a');
  const second = usageFile(dir, 'second.csv', rows, 'b');
  // Moments from creating the workspace, through reading, to labelling and pricing (the run takes ~1.5 s).
  it.each([
    [40, 'SIGKILL'], [300, 'SIGTERM'], [700, 'SIGINT'], [1300, 'SIGKILL'],
  ] as [number, NodeJS.Signals][])('first and later runs killed after %i ms by %s: the workspace opens and holds whole files only', async (ms, signal) => {
    {
      {
        // The first run on a new workspace.
        const db = join(dir, `w${ms}.duckdb`);
        const killed = await killedAfter(['audit', first, '--db', db], ms, signal);
        // Before the handlers are installed (Node starting) the signal ends the process as KILL would.
        if (signal !== 'SIGKILL' && killed.code !== 0 && killed.signal === null) {
          // Handled: one line, exit 128 + signal number.
          expect(killed.code).toBe(signal === 'SIGINT' ? 130 : 143);
          expect(killed.stderr).toMatch(/^error: interrupted \(SIG(INT|TERM)\): the file being read was rolled back/m);
          expect(killed.stderr).not.toMatch(/\n\s+at /);
        }
        if (existsSync(db)) {
          const held = await consistent(db);
          expect([0, rows]).toContain(held.calls);
        }
        // No half-built workspace under a temporary name is left behind.
        // A later run on that workspace, killed in its turn.
        await killedAfter(['audit', second, '--db', db], ms, signal);
        if (existsSync(db)) await consistent(db);
        const after = await consistent(db);
        expect([0, rows, 2 * rows]).toContain(after.calls);
        // And the workspace still works: the next run completes both files.
        const again = run(['ingest', first, second, '--db', db]);
        expect(again.stderr).toBe('');
        expect(again.code).toBe(0);
        expect(await consistent(db)).toEqual({ files: 2, calls: 2 * rows });
        // A half-built workspace a KILL left under a temporary name is removed by the next creation.
        expect(readdirSync(dir).filter((f) => f.startsWith(`w${ms}.duckdb.creating-`))).toEqual([]);
      }
    }
  });

  it('a log that cannot be replayed: one line naming doctor; doctor sets it aside and keeps the committed files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-wal-'));
    const db = join(dir, 'w.duckdb');
    expect(run(['ingest', usageFile(dir, 'a.csv', 50, 'a'), '--db', db]).code).toBe(0);
    // DuckDB 1.x cannot replay an ALTER on a table with a current_timestamp default (what killed first runs did).
    const breaker = `import { DuckDBInstance } from '@duckdb/node-api';
      const i = await DuckDBInstance.create(${JSON.stringify(db)}); const c = await i.connect();
      await c.run('ALTER TABLE sources ADD COLUMN extra VARCHAR'); process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['--input-type=module', '-e', breaker], { cwd: repoRoot, env });
    expect(existsSync(`${db}.wal`)).toBe(true);

    const broken = run(['audit', '--db', db]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(`error: --db ${db}: the workspace's write-ahead log (${db}.wal) cannot be replayed: a run was killed while writing. Run \`batchable doctor --db ${db}\` to set the log aside and open the workspace from its last checkpoint\n`);

    const doctor = run(['doctor', '--db', db]);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(/the write-ahead log could not be replayed .* set aside as .*w\.duckdb\.wal\.broken-/);
    expect(doctor.stdout).toContain('holds 1 file, 50 calls');
    expect(readdirSync(dir).some((f) => f.startsWith('w.duckdb.wal.broken-'))).toBe(true);
    expect(run(['audit', '--db', db]).code).toBe(0);
    expect(run(['doctor', '--db', db]).stdout).toBe(`${db}: opens cleanly; it holds 1 file, 50 calls\n`);
  });
});
