// How much memory DuckDB may use, and where it spills past that. One concern, one module: the workspace asks
// here and sets what it is told.
//
// The default was a fixed 1 GB: out of core at any size (good), but on a 24 GB machine a 50M-call audit spilled
// 11 GB of temp files that the machine had the memory to hold. DuckDB's own default (80% of RAM) is too greedy
// for a CLI that runs beside other work, so the default is a share of the machine's memory, with a floor that
// keeps small machines (and containers with little memory) working.
import { totalmem } from 'node:os';
import { BatchableError } from '../errors.ts';
import { defaultMemoryLimitBytes, sizeBytes } from './sizes.ts';

/** DuckDB's memory_limit: BATCHABLE_MEMORY_LIMIT (e.g. "4GB", "512MB") when set, else the machine's default. */
export function memoryLimit(env: NodeJS.ProcessEnv = process.env, total: number = totalmem()): string {
  const value = env.BATCHABLE_MEMORY_LIMIT;
  if (value === undefined || value === '') return `${Math.floor(defaultMemoryLimitBytes(total) / 1024 ** 2)}MiB`;
  if (sizeBytes(value) === undefined) {
    throw new BatchableError(`BATCHABLE_MEMORY_LIMIT=${value}: expected a size such as 1GB or 512MB`);
  }
  return value;
}

/** The limit in bytes (DuckDB reads "1GB" as 10^9 bytes and "1GiB" as 2^30). */
export function memoryLimitBytes(env: NodeJS.ProcessEnv = process.env, total: number = totalmem()): number {
  return sizeBytes(memoryLimit(env, total)) ?? defaultMemoryLimitBytes(total);
}

/**
 * The longest line DuckDB's CSV reader may be asked to take under `limitBytes`. DuckDB reads in buffers of 16
 * lines' length: a 32 MB line limit allocates 512 MiB blocks, which a 1 GB budget cannot give (a 5M-call CSV
 * then failed to ingest at 1 GB: measured). So 32 MB where the budget allows (4 GiB and more), 1/128 of the
 * budget below that (8 MB at 1 GiB), never under DuckDB's own 2 MB default.
 */
export function lineCapBytes(limitBytes: number): number {
  return Math.min(32 << 20, Math.max(2 << 20, Math.floor(limitBytes / 128)));
}

/**
 * Where DuckDB spills: BATCHABLE_TEMP_DIR when set (a disk with room: a 50M-call audit under a 1 GB limit wrote
 * 11 GB), else DuckDB's own default next to a file workspace (`<db>.tmp/`), or a fresh directory of the
 * system's temp directory for an in-memory one (the caller creates and removes that one).
 */
export function tempDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.BATCHABLE_TEMP_DIR;
  return value === undefined || value === '' ? undefined : value;
}
