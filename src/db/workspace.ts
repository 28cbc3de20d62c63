// Opening the workspace database and running migrations. The only module that creates DuckDB instances.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BatchableError, withCleanup } from '../errors.ts';
import { refreshCallsView } from './calls-view.ts';
import { macroSql } from './macros.ts';
import { memoryLimit, tempDirectory } from './memory.ts';
import { asInterruption, checkInterrupted, createAtomically, trackConnection, walFailure } from './recovery.ts';
import { migrations } from './schema.ts';
import { sqlString } from './sql.ts';
import type { Params, Workspace } from './types.ts';

export const defaultDbPath = '.batchable/usage.duckdb';

export type { Params, Workspace } from './types.ts';

/** BATCHABLE_PROFILE=1 prints each statement's seconds on stderr: where a slow run spends its time. */
async function profiled<T>(sql: string, work: () => Promise<T>): Promise<T> {
  if (process.env.BATCHABLE_PROFILE !== '1') return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stderr.write(`[${seconds}s] ${sql.replace(/\s+/g, ' ').trim().slice(0, 150)}\n`);
  }
}

/** Statements that clean up after an interruption, so they still run once a signal has arrived. */
const cleanup = /^\s*(ROLLBACK|DROP|CHECKPOINT)\b/i;

export async function openWorkspace(path: string = defaultDbPath, creating = false): Promise<Workspace> {
  const limit = memoryLimit(); // checked before anything is opened
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // A new workspace is built under another name and linked into place whole (src/db/recovery.ts).
  if (path !== ':memory:' && !creating && !existsSync(path)) {
    await createAtomically(path, async (tmp) => {
      const fresh = await openWorkspace(tmp, true);
      await fresh.run('CHECKPOINT');
      fresh.close();
    });
  }
  // An in-memory workspace, or any workspace given BATCHABLE_TEMP_DIR, spills to a directory of its own
  // (concurrent runs must not share one), removed on close. A file workspace otherwise spills to `<db>.tmp/`.
  const tempRoot = tempDirectory();
  const spill = tempRoot !== undefined || path === ':memory:' ? spillDirectory(tempRoot) : undefined;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (error) {
    if (spill !== undefined) rmSync(spill, { recursive: true, force: true });
    const wal = walFailure(path, error);
    if (wal !== undefined) throw wal;
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BatchableError(`--db ${path}: cannot open the workspace database (${why}); pass another --db or ":memory:"`, 2, {
      cause: error,
    });
  }
  const conn = await instance.connect();
  const untrack = trackConnection(conn);
  const ws: Workspace = {
    conn,
    path,
    async run(sql, params) {
      if (!cleanup.test(sql)) checkInterrupted();
      await profiled(sql, () => conn.run(sql, params)).catch((error: unknown) => {
        throw asInterruption(error);
      });
    },
    async all<T>(sql: string, params?: Params) {
      checkInterrupted();
      const reader = await profiled(sql, () => conn.runAndReadAll(sql, params)).catch((error: unknown) => {
        throw asInterruption(error);
      });
      return reader.getRowObjectsJS() as T[];
    },
    close() {
      untrack();
      conn.closeSync();
      instance.closeSync();
      if (spill !== undefined) rmSync(spill, { recursive: true, force: true });
    },
  };
  // Zone-less timestamps in exports are UTC; display zones are applied when reporting (--tz).
  await ws.run("SET TimeZone = 'UTC'");
  // A bounded memory budget chosen from the machine's memory (src/db/memory.ts): past it DuckDB spills to disk.
  await ws.run(`SET memory_limit = ${sqlString(limit)}`);
  if (spill !== undefined) await ws.run(`SET temp_directory = ${sqlString(spill)}`);
  await migrate(ws);
  for (const sql of macroSql) await ws.run(sql);
  // The view is derived from code (defaults, provenance, keys): rebuilt on open, it always matches this version.
  await refreshCallsView(ws);
  // What opening changed (a migration, the view) goes into the database file now, not the log.
  if (path !== ':memory:') await ws.run('CHECKPOINT');
  return ws;
}

/** A fresh spill directory under `root` (BATCHABLE_TEMP_DIR, created if missing) or the system's temp directory. */
function spillDirectory(root: string | undefined): string {
  try {
    if (root !== undefined) mkdirSync(root, { recursive: true });
    return mkdtempSync(join(root ?? tmpdir(), 'batchable-spill-'));
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BatchableError(`BATCHABLE_TEMP_DIR=${root ?? tmpdir()}: cannot create a spill directory there (${why}); point it at a writable disk`, 2, { cause: error });
  }
}

/** Runs `fn` with an open workspace and always closes it. */
export async function withWorkspace<T>(path: string | undefined, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openWorkspace(path);
  // A close that fails after `fn` failed must not hide `fn`'s error.
  return withCleanup(() => fn(ws), () => ws.close());
}

async function migrate(ws: Workspace): Promise<void> {
  await ws.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ DEFAULT current_timestamp)');
  const done = new Set((await ws.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await ws.run('BEGIN TRANSACTION');
    let committed = false;
    await withCleanup(
      async () => {
        for (const statement of migration.sql) await ws.run(statement);
        await ws.run('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
        await ws.run('COMMIT');
        committed = true;
      },
      async () => {
        if (!committed) await ws.run('ROLLBACK');
      },
    );
  }
}
