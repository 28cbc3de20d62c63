// Opening the workspace database and running migrations. The only module that creates DuckDB instances.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';
import { BatchableError, withCleanup } from '../errors.ts';
import { phase, profiled } from '../profile.ts';
import { refreshCallsView } from './calls-view.ts';
import { macroSql } from './macros.ts';
import { memoryLimit, tempDirectory } from './memory.ts';
import { asInterruption, checkInterrupted, createAtomically, trackConnection, walFailure } from './recovery.ts';
import { migrations } from './schema.ts';
import { sqlString } from './sql.ts';
import type { Params, Workspace } from './types.ts';
import { defaultDbPath } from './default-path.ts';

export { defaultDbPath };

// DuckDB's Node API is CommonJS: 60 modules re-exported from one index. Imported from ES modules, Node scans each
// of them for its export names first (cjs-module-lexer), which cost 0.12 s of CPU on every run (0.26 s against
// 0.14 s for require, measured on this 2-core machine): most of a what-if's start. require skips the scan.
const { DuckDBInstance: Instance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');

export type { Params, Workspace } from './types.ts';

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
  phase(`opening ${path}`);
  const hadLog = path !== ':memory:' && existsSync(`${path}.wal`);
  try {
    instance = await Instance.create(path);
  } catch (error) {
    if (spill !== undefined) rmSync(spill, { recursive: true, force: true });
    const wal = walFailure(path, error);
    if (wal !== undefined) throw wal;
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BatchableError(`--db ${path}: cannot open the workspace database (${why}); pass another --db or ":memory:"`, 2, {
      cause: error,
    });
  }
  phase(`duckdb opened ${path}`);
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
      phase('workspace closed');
    },
  };
  // Zone-less timestamps in exports are UTC; display zones are applied when reporting (--tz).
  await ws.run("SET TimeZone = 'UTC'");
  // A bounded memory budget chosen from the machine's memory (src/db/memory.ts): past it DuckDB spills to disk.
  await ws.run(`SET memory_limit = ${sqlString(limit)}`);
  if (spill !== undefined) await ws.run(`SET temp_directory = ${sqlString(spill)}`);
  // Text is stored with DuckDB's dictionary compression, not FSST: building FSST symbol tables for every text
  // column cost ingest 1.1 s of its 15.2 s of CPU at 5M calls (wide bench shape, medians of 3: 7.99 s -> 7.42 s of
  // wall; 1.6-2.4 s of the raw read's 12.5), for a file 1.6x as large (220 MB instead of 140 MB; the CSV is 658 MB).
  // README, Speed.
  await ws.run("SET disabled_compression_methods = 'fsst'");
  const migrated = await migrate(ws);
  for (const sql of macroSql) await ws.run(sql);
  // The view is derived from code (defaults, provenance, keys): checked on open (and rewritten if its text
  // differs), it always matches this version.
  const viewChanged = await refreshCallsView(ws);
  // What opening changed (a migration, the view, a log replayed) goes into the database file now, not the log.
  // An open that changed nothing writes nothing: a what-if on an analysed workspace only reads.
  if (path !== ':memory:' && (migrated || viewChanged || hadLog)) await ws.run('CHECKPOINT');
  phase('workspace ready');
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

/** Applies the migrations the workspace lacks; whether it applied any. */
async function migrate(ws: Workspace): Promise<boolean> {
  await ws.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ DEFAULT current_timestamp)');
  const done = new Set((await ws.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  let applied = false;
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    applied = true;
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
  return applied;
}
