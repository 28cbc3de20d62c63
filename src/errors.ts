// The error classes users see, and the exit-code contract: 0 fine, 1 a check failed, 2 bad usage or input.
export type ExitCode = 0 | 1 | 2;

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
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`, 2, options);
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
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

export function exitCodeFor(error: unknown): ExitCode {
  return error instanceof BatchableError ? error.exitCode : 2;
}

/**
 * DuckDB running out of its memory budget is a limit the user can raise, not a bug: one line naming the limit and
 * how to raise it, wherever it happens (ingest, labelling, pricing, report).
 */
export function knownError(error: unknown): unknown {
  if (error instanceof BatchableError || !(error instanceof Error) || !/Out of Memory Error/i.test(error.message)) return error;
  return new BatchableError(
    `out of memory: DuckDB's memory limit (${process.env.BATCHABLE_MEMORY_LIMIT ?? '1GB'}) was reached; raise it with BATCHABLE_MEMORY_LIMIT=4GB (or more) and run again`,
    2,
    { cause: error },
  );
}

/** What a message can quote from input (a header, a line) is capped: an error is a line, not the file. */
const maxMessage = 1000;
const capped = (message: string): string =>
  message.length <= maxMessage ? message : `${message.slice(0, maxMessage)}… (${(message.length - maxMessage).toLocaleString('en-US')} more characters)`;

/** Known errors print one line; unexpected ones keep their stack so a bug report can be filed. */
export function formatError(error: unknown): string {
  if (error instanceof BatchableError) return `error: ${capped(error.message)}\n`;
  if (error instanceof Error) return `internal error (please report): ${error.stack ?? error.message}\n`;
  return `internal error (please report): ${String(error)}\n`;
}
