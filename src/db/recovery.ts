// A workspace survives a kill at any moment (README "What batchable promises": a kill):
// - it is created whole or not at all: built under a temporary name, checkpointed, then linked into place, so its
//   write-ahead log never holds the schema DDL (DuckDB 1.x cannot replay an ALTER on a table with a
//   current_timestamp default: "no default database set");
// - ingest checkpoints after the first file of a run and then at most every 2 s, so the log holds little;
// - SIGINT and SIGTERM interrupt the running statement: the file in progress rolls back, the workspace closes
//   cleanly (DuckDB checkpoints on close) and the run exits 130 / 143;
// - a log that still cannot be replayed is named in one line, with `batchable doctor`, which sets the log aside
//   (kept next to the database) and keeps everything checkpointed.
import { existsSync, linkSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { BatchableError } from '../errors.ts';

/** Builds a new workspace at `path` through `build(tmp)` (which creates, migrates and closes it), then links it into place. */
export async function createAtomically(path: string, build: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.creating-${process.pid}`;
  removeAbandoned(path);
  try {
    await build(tmp);
    if (existsSync(`${tmp}.wal`)) throw new Error(`${tmp}.wal left after a checkpointed close`);
    try {
      linkSync(tmp, path); // fails if another run created `path` meanwhile: theirs is kept
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
      if (!existsSync(path)) renameSync(tmp, path); // a file system without hard links
    }
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
  }
}

/** Half-built workspaces (`<db>.creating-<pid>`, and their logs) of runs that were killed while creating one. */
function removeAbandoned(path: string): void {
  const prefix = `${basename(path)}.creating-`;
  for (const name of readdirSync(dirname(path))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).replace(/\.wal$/, ''));
    if (!Number.isInteger(pid) || (pid !== process.pid && alive(pid))) continue;
    rmSync(join(dirname(path), name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The one line for a database whose write-ahead log cannot be replayed, else undefined. */
export function walFailure(path: string, error: unknown): BatchableError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!/replaying WAL/i.test(message)) return undefined;
  return new BatchableError(
    `--db ${path}: the workspace's write-ahead log (${path}.wal) cannot be replayed: a run was killed while writing. ` +
      `Run \`batchable doctor --db ${path}\` to set the log aside and open the workspace from its last checkpoint`,
    2,
    { cause: error },
  );
}

/** What `batchable doctor` did. */
export type DoctorResult = { readonly wal: 'none' | 'replayed' | 'set-aside'; readonly keptAs?: string };

/**
 * Opens the workspace once to see whether its log replays. If it does not, the log is renamed to
 * `<db>.wal.broken-<time>` (nothing is deleted) and the database opens from its last checkpoint.
 * `open(path)` opens and closes the workspace (with migrations), throwing as openWorkspace does.
 */
export async function repairWorkspace(path: string, open: (path: string) => Promise<void>): Promise<DoctorResult> {
  if (!existsSync(path)) throw new BatchableError(`--db ${path}: no workspace there`);
  const wal = `${path}.wal`;
  const hadWal = existsSync(wal) && statSync(wal).size > 0;
  try {
    await open(path);
    return { wal: hadWal ? 'replayed' : 'none' };
  } catch (error) {
    const cause = (error as Error).cause ?? error;
    if (walFailure(path, cause) === undefined) throw error;
  }
  const keptAs = `${wal}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(wal, keptAs);
  await open(path);
  return { wal: 'set-aside', keptAs };
}

// SIGINT / SIGTERM: every open connection is interrupted; statements not yet started refuse to start.
const open = new Set<DuckDBConnection>();
let received: NodeJS.Signals | undefined;

export class Interrupted extends BatchableError {
  readonly signal: NodeJS.Signals;
  constructor(signal: NodeJS.Signals) {
    // 128 + the signal's number, as shells report a process the signal ended.
    super(`interrupted (${signal}): the file being read was rolled back; every file committed before it is kept. Run the command again to continue`,
      signal === 'SIGINT' ? 130 : 143);
    this.signal = signal;
  }
}

export function trackConnection(conn: DuckDBConnection): () => void {
  open.add(conn);
  return () => open.delete(conn);
}

/** Throws when a signal has arrived: called before each statement. */
export function checkInterrupted(): void {
  if (received !== undefined) throw new Interrupted(received);
}

/** The error a statement failed with, as the interruption when a signal caused it. */
export function asInterruption(error: unknown): unknown {
  return received !== undefined ? new Interrupted(received) : error;
}

/** Installs the handlers (the real process only; tests in-process never do). A second signal exits at once. */
export function handleSignals(exit: (code: number) => void): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (received !== undefined) return exit(signal === 'SIGINT' ? 130 : 143);
    received = signal;
    for (const conn of open) conn.interrupt();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
