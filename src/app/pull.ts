// pull: fetch usage from a provider's or gateway's API into raw files next to the workspace and ingest them
// (src/pull/). Typed options in, data out, progress through the callback; it never prints.
import { withWorkspace } from '../db/workspace.ts';
import type { Workspace } from '../db/types.ts';
import { UsageError } from '../errors.ts';
import type { HttpDeps, RetryPolicy } from '../pull/http.ts';
import { openrouterDryRun, runOpenrouterPull } from '../pull/openrouter.ts';
import type { PullOutcome } from '../pull/outcome.ts';
import { dryRunRequests, planPull, runPull, type PullOptions } from '../pull/run.ts';
import type { Env } from '../pull/source.ts';
import type { BucketWidth } from '../pull/time.ts';
import { memoryDb, type OnProgress, type WorkspaceOption } from './progress.ts';

export type { PullOutcome };

/** One pull: which source, which window, where its API is. */
export type PullInput = {
  /** openai, anthropic, langfuse, litellm, openai-costs, anthropic-costs, or openrouter (with `ids`). */
  readonly source: string;
  /** First UTC day (YYYY-MM-DD); default: where the last pull ended, or 7 days ago. */
  readonly since?: string | undefined;
  /** Last UTC day, inclusive; default: now. */
  readonly until?: string | undefined;
  /** Default: openai and anthropic 1m, the other sources 1h; cost reports have 1d only. */
  readonly bucketWidth?: BucketWidth | undefined;
  /** How long after a bucket ends it counts as complete; default: the source's own. */
  readonly settleMs?: number | undefined;
  /** The API's base URL; default: the env var the official SDK reads, else the public endpoint. */
  readonly baseUrl?: string | undefined;
  /** openrouter: a file of generation ids, one per line. */
  readonly ids?: string | undefined;
  /** Where keys and base URLs are read from; default process.env. */
  readonly env?: Env | undefined;
  /** Tests pin the clock and the network's timing. */
  readonly now?: (() => number) | undefined;
  readonly deps?: HttpDeps | undefined;
  readonly policy?: RetryPolicy | undefined;
};

function windowOptions(input: PullInput, db: string, onProgress?: OnProgress): PullOptions {
  if (input.ids !== undefined) throw new UsageError(`--ids: only the openrouter source takes generation ids; ${input.source} is pulled by time range`);
  return {
    source: input.source,
    db,
    since: input.since,
    until: input.until,
    bucketWidth: input.bucketWidth,
    settleMs: input.settleMs,
    baseUrl: input.baseUrl,
    env: input.env ?? process.env,
    now: input.now,
    deps: input.deps,
    policy: input.policy,
    onProgress: (event) => onProgress?.({ kind: 'pulling', source: input.source, event }),
  };
}

function generationOptions(input: PullInput, db: string, onProgress?: OnProgress) {
  if (input.ids === undefined) {
    throw new UsageError("openrouter: pass --ids FILE, a file of generation ids (gen-…) one per line: OpenRouter's API reads generations by id only");
  }
  for (const flag of ['since', 'until'] as const) if (input[flag] !== undefined) throw new UsageError(`--${flag}: openrouter is pulled by generation id (--ids), not by time`);
  return {
    db,
    idsFile: input.ids,
    baseUrl: input.baseUrl,
    env: input.env ?? process.env,
    now: input.now,
    deps: input.deps,
    policy: input.policy,
    onProgress: (event: Parameters<NonNullable<PullOptions['onProgress']>>[0]) => onProgress?.({ kind: 'pulling', source: 'openrouter', event }),
  };
}

/** Pulls into an open workspace; its raw files go next to the workspace's database file. */
export async function pullInto(ws: Workspace, input: PullInput, onProgress?: OnProgress): Promise<PullOutcome> {
  const outcome: PullOutcome =
    input.source === 'openrouter'
      ? { kind: 'generations', source: 'openrouter', result: await runOpenrouterPull(ws, generationOptions(input, ws.path, onProgress)) }
      : { kind: 'windows', source: input.source, result: await runPull(ws, windowOptions(input, ws.path, onProgress)) };
  onProgress?.({ kind: 'pulled', outcome });
  return outcome;
}

/** `batchable pull`: opens the workspace (":memory:" by default: the raw files then go under .batchable/raw). */
export async function pull(options: PullInput & WorkspaceOption): Promise<PullOutcome> {
  return withWorkspace(options.db ?? memoryDb, (ws) => pullInto(ws, options, options.onProgress));
}

/** `batchable pull --dry-run`: the requests a pull would make, keys shown as the env vars they come from. */
export function pullRequests(options: PullInput & Pick<WorkspaceOption, 'db'>): string[] {
  const db = options.db ?? memoryDb;
  if (options.source === 'openrouter') return openrouterDryRun(generationOptions(options, db));
  const plan = planPull(windowOptions(options, db));
  return dryRunRequests(plan, options.env ?? process.env);
}
