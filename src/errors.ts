// The error classes users see, and the exit-code contract: 0 fine, 1 a check failed, 2 bad usage or input,
// 3 a bug in batchable (an internal error: printed with its stack and a request to report it), 130 / 143 a run
// interrupted by SIGINT / SIGTERM (128 + the signal's number, as shells report it; src/db/recovery.ts).
import { totalmem } from 'node:os';
import { defaultMemoryLimitBytes, sizeBytes } from './db/sizes.ts';
import { oneLine } from './report/escape.ts';

export type ExitCode = 0 | 1 | 2 | 3 | 130 | 143;

/** The exit code of an internal error: distinct from 2, so a script never mistakes our bug for bad input. */
export const internalExitCode = 3;

/** An error the user can act on: printed as one message, never with a stack trace. */
export class BatchableError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = 2, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** A flag or argument that cannot be used as given. */
export class UsageError extends BatchableError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 2, options);
  }
}

/** A file, or a place in a file, that cannot be read as usage data. */
export class InputError extends BatchableError {
  readonly file: string;
  constructor(file: string, line: number | undefined, problem: string, options?: ErrorOptions) {
    // The path is input too: a newline in a file name would start a line of its own (the rest is shown as `\x1b` by
    // the terminal-safe stderr, which keeps line breaks for messages of several lines).
    super(`${oneLine(file)}${line === undefined ? '' : `:${line}`}: ${problem}`, 2, options);
    this.file = file;
  }
}

/** A file that matches no usage format: stops the run when named, is skipped when found in a directory or glob. */
export class UnrecognisedFormat extends InputError {
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(file, undefined, problem);
    this.problem = problem;
  }
}

/** A threshold of `batchable check` was breached: exit 1, never confused with a tool error. */
export class CheckFailed extends BatchableError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** A bug in batchable itself, detected before it could produce a wrong figure: reported with its stack. */
export class InternalError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InternalError';
  }
}

/** Only a BatchableError is the user's to fix (exit 2, or 1 for a breached check); anything else is our bug (3). */
export function exitCodeFor(error: unknown): ExitCode {
  return error instanceof BatchableError ? error.exitCode : internalExitCode;
}

/**
 * DuckDB running out of its memory budget is a limit the user can raise, not a bug: one line naming the limit and
 * how to raise it, wherever it happens (ingest, labelling, pricing, report).
 */
export function knownError(error: unknown): unknown {
  if (error instanceof BatchableError || !(error instanceof Error)) return error;
  if (/Out of Memory Error/i.test(error.message)) return outOfMemory(undefined, error);
  return diskFull(error) ?? error;
}

/**
 * A full disk is the machine's limit, not a bug or bad input: DuckDB could not write the workspace or its spill files
 * (a plan gone wrong once wrote 63 GB of them; a 50M-call audit under a 1 GB memory limit writes about 11 GB). One
 * line: the file it could not write (batchable's own path, no usage data) and where to put spill files instead.
 * Undefined for any other error.
 */
export function diskFull(cause: unknown): BatchableError | undefined {
  if (!(cause instanceof Error) || !(/No space left on device/i.test(cause.message) || (cause as NodeJS.ErrnoException).code === 'ENOSPC')) return undefined;
  const file = /Could not write file "([^"]+)"/.exec(cause.message)?.[1];
  return new BatchableError(
    `no space left on the disk${file === undefined ? '' : ` holding ${file}`}: free some, or put DuckDB's spill files on a disk with room (BATCHABLE_TEMP_DIR=DIR), and run again`,
    2,
    { cause },
  );
}

/** DuckDB ran out of its memory budget: one line naming the limit and how to raise it (`while` says where). */
export function outOfMemory(while_: string | undefined, cause: unknown): BatchableError {
  const set = process.env.BATCHABLE_MEMORY_LIMIT;
  const limit = set ?? "40% of this machine's memory by default";
  return new BatchableError(
    `out of memory${while_ === undefined ? '' : ` while ${while_}`}: DuckDB's memory limit (${limit}) was reached; raise it with BATCHABLE_MEMORY_LIMIT=${largerMemoryLimitGb(set)}GB (or more) and run again`,
    2,
    { cause },
  );
}

/**
 * A memory limit worth trying after running out, in GB: twice the one that ran out (BATCHABLE_MEMORY_LIMIT, else the
 * machine's default: src/db/sizes.ts), and at least 4. Suggesting 4GB to a workspace that ran out at the
 * default of a 24 GB machine (9.6 GB) would have lowered it.
 */
function largerMemoryLimitGb(set: string | undefined): number {
  const bytes = (set === undefined ? undefined : sizeBytes(set)) ?? defaultMemoryLimitBytes(totalmem());
  return Math.max(4, Math.ceil((2 * bytes) / 1e9));
}

/** What a message can quote from input (a header, a line) is capped: an error is a line, not the file. */
const maxMessage = 1000;
const capped = (message: string): string =>
  message.length <= maxMessage ? message : `${message.slice(0, maxMessage)}… (${(message.length - maxMessage).toLocaleString('en-US')} more characters)`;

/** Why a path cannot be read, in words (never a stack). */
export function pathProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}

/** The stack of an error and of each cause under it ("caused by: …"), for a bug report. */
function stackOf(error: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; depth++) {
    const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    lines.push(depth === 0 ? text : `caused by: ${text}`);
    const suppressed = e instanceof Error ? (e as Error & { suppressed?: unknown[] }).suppressed : undefined;
    for (const s of Array.isArray(suppressed) ? suppressed : []) {
      lines.push(`while cleaning up, also: ${s instanceof Error ? s.message : String(s)}`);
    }
    e = e instanceof Error ? e.cause : undefined;
  }
  return lines.join('\n');
}

/** Known errors print one line; anything else is our bug: its stack, and what to do with it. */
export function formatError(error: unknown): string {
  if (error instanceof BatchableError) return `error: ${capped(error.message)}\n`;
  return (
    `internal error (please report): ${stackOf(error)}\n` +
    `This is a bug in batchable, not a problem with your data or flags (exit ${internalExitCode}). Please report it ` +
    'with the command you ran and the lines above (they hold no usage data beyond what the message quotes).\n'
  );
}

/**
 * Runs `work`, then `cleanup` whatever happened. A cleanup that fails after `work` failed never hides the first
 * error: it is attached to it as `suppressed` (shown under an internal error's stack) and the first error is thrown.
 */
export async function withCleanup<T>(work: () => Promise<T>, cleanup: () => Promise<void> | void): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    try {
      await cleanup();
    } catch (secondary) {
      if (error instanceof Error) {
        const holder = error as Error & { suppressed?: unknown[] };
        holder.suppressed = [...(holder.suppressed ?? []), secondary];
      }
    }
    throw error;
  }
  await cleanup();
  return result;
}
