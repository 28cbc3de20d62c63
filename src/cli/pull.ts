// `batchable pull <source>`: fetch usage from a provider's or gateway's API into raw files and ingest them, and
// `--pull SOURCE` on audit, simulate and check, which pulls first (for nightly CI jobs).
import type { Command } from 'commander';
import { withWorkspace } from '../db/workspace.ts';
import { UsageError } from '../errors.ts';
import type { PullOptions, PullProgress } from '../pull/run.ts';
import { bucketWidths, parseDuration, type BucketWidth } from '../pull/time.ts';
import { renderIngestSummary } from '../report/ingest-summary.ts';
import { renderOpenrouterSummary, renderPullSummary } from '../report/pull-summary.ts';
import type { Env } from './io.ts';
import { progressLine, type Io } from './io.ts';
import { addDbOption } from './options.ts';
import { dateFlag, oneOf } from './parse.ts';

type PullFlags = { db: string; since?: string; until?: string; bucketWidth?: string; settle?: string; baseUrl?: string; dryRun?: boolean; ids?: string };

/** Tests replace the clock and the network's timing; the CLI uses the real ones. */
export type PullHooks = Pick<PullOptions, 'now' | 'deps' | 'policy'>;

function settleFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`--settle ${value}: expected a duration such as 0, 30m, 4h or 1d`);
  return ms;
}

function pullOptions(source: string, flags: PullFlags, env: Env, hooks: PullHooks, onProgress: (e: PullProgress) => void): PullOptions {
  return {
    source,
    db: flags.db,
    since: dateFlag('--since', flags.since),
    until: dateFlag('--until', flags.until),
    bucketWidth: oneOf<BucketWidth>('--bucket-width', flags.bucketWidth, bucketWidths, '1h'),
    bucketWidthGiven: flags.bucketWidth !== undefined,
    settleMs: settleFlag(flags.settle),
    baseUrl: flags.baseUrl,
    env,
    ...hooks,
    onProgress,
  };
}

/** Progress on a terminal: pages, buckets and rows as they arrive, retries with their wait. */
function progressReporter(io: Io, source: string): { onProgress: (e: PullProgress) => void; done: () => void } {
  const line = progressLine(io);
  return {
    onProgress(e) {
      if (e.kind === 'page') line.update(`${source}: ${e.pages} page${e.pages === 1 ? '' : 's'}, ${e.buckets} buckets, ${e.records} rows`);
      else if (e.kind === 'retry') line.update(`${source}: ${e.notice.reason}; retry ${e.notice.attempt} in ${(e.notice.delayMs / 1000).toFixed(1)} s`);
      else line.update(`${source}: ingesting ${e.file} ${Math.round(e.done * 100)}%`);
    },
    done: () => line.done(),
  };
}

/** One pull into the workspace at flags.db; returns the text to print. */
async function pullInto(io: Io, source: string, flags: PullFlags, env: Env, hooks: PullHooks): Promise<string> {
  if (source === 'openrouter') return pullOpenrouter(io, flags, env, hooks);
  if (flags.ids !== undefined) throw new UsageError(`--ids: only the openrouter source takes generation ids; ${source} is pulled by time range`);
  const { runPull } = await import('../pull/run.ts');
  const progress = progressReporter(io, source);
  try {
    const options = pullOptions(source, flags, env, hooks, progress.onProgress);
    const result = await withWorkspace(flags.db, (ws) => runPull(ws, options));
    return renderPullSummary(result) + renderIngestSummary(result.ingest);
  } finally {
    progress.done();
  }
}

function openrouterOptions(flags: PullFlags, env: Env, hooks: PullHooks, onProgress: (e: PullProgress) => void) {
  if (flags.ids === undefined) {
    throw new UsageError('openrouter: pass --ids FILE, a file of generation ids (gen-…) one per line: OpenRouter\'s API reads generations by id only');
  }
  for (const flag of ['since', 'until'] as const) if (flags[flag] !== undefined) throw new UsageError(`--${flag}: openrouter is pulled by generation id (--ids), not by time`);
  return { db: flags.db, idsFile: flags.ids, baseUrl: flags.baseUrl, env, ...hooks, onProgress };
}

async function pullOpenrouter(io: Io, flags: PullFlags, env: Env, hooks: PullHooks): Promise<string> {
  const { runOpenrouterPull } = await import('../pull/openrouter.ts');
  const progress = progressReporter(io, 'openrouter');
  try {
    const options = openrouterOptions(flags, env, hooks, progress.onProgress);
    const result = await withWorkspace(flags.db, (ws) => runOpenrouterPull(ws, options));
    return renderOpenrouterSummary(result) + renderIngestSummary(result.ingest);
  } finally {
    progress.done();
  }
}

export function registerPull(program: Command, io: Io, env: Env, hooks: PullHooks = {}): void {
  const command = program
    .command('pull')
    .description('fetch usage from a provider or gateway API into raw files under the workspace, and ingest it')
    .argument('<source>', 'openai | anthropic | langfuse | litellm | openrouter (--ids) | openai-costs | anthropic-costs')
    .option('--since <date>', 'first UTC day to fetch (YYYY-MM-DD); default: where the last pull ended, or 7 days ago')
    .option('--until <date>', 'last UTC day to fetch, inclusive (YYYY-MM-DD); default: now')
    .option('--bucket-width <width>', 'bucket size the API aggregates by: 1m | 1h | 1d (default 1h; cost reports: 1d)')
    .option('--settle <duration>', 'how long after a bucket ends it counts as complete (default per source: openai 1h, anthropic 1d, langfuse 15m, litellm 5m, costs 1d)')
    .option('--base-url <url>', 'API base URL (default: the env var the official SDK reads, else the public endpoint)')
    .option('--ids <file>', 'openrouter: a file of generation ids (gen-…), one per line; ids fetched before are skipped')
    .option('--dry-run', 'print the requests it would make (keys shown as the env var they come from) and fetch nothing');
  addDbOption(command).action(async (source: string, flags: PullFlags) => {
    if (flags.dryRun === true && source === 'openrouter') {
      const { openrouterDryRun } = await import('../pull/openrouter.ts');
      const lines = openrouterDryRun(openrouterOptions(flags, env, hooks, () => undefined));
      io.out(lines.length === 0 ? 'openrouter: nothing to fetch; every id in the file was fetched before\n' : `${lines.join('\n')}\n`);
      return;
    }
    if (flags.dryRun === true) {
      const { planPull, dryRunRequests } = await import('../pull/run.ts');
      const options = pullOptions(source, flags, env, hooks, () => undefined);
      const plan = planPull(options);
      const lines = dryRunRequests(plan, env);
      io.out(lines.length === 0 ? `${source}: nothing to fetch; every window up to now is held in ${plan.rawDir}\n` : `${lines.join('\n')}\n`);
      return;
    }
    io.out(await pullInto(io, source, flags, env, hooks));
  });
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `--pull SOURCE` (repeatable) for commands that analyse the workspace. */
export function addPullOption(command: Command): Command {
  return command.option('--pull <source>', 'pull this source first (openai, anthropic, langfuse, litellm; repeatable), resuming where the last pull ended', collect, []);
}

/**
 * Runs the pulls a command asked for before it analyses. The pulled data goes into the workspace file, so an
 * in-memory workspace cannot hold it for the command that follows.
 */
export async function pullFirst(io: Io, flags: { pull?: string[]; db: string }, env: Env, hooks: PullHooks = {}): Promise<void> {
  const sources = flags.pull ?? [];
  if (sources.length === 0) return;
  if (flags.db === ':memory:') throw new UsageError('--pull needs a workspace file: with --db :memory: the pulled data would be gone before the report');
  if (sources.includes('openrouter')) throw new UsageError('--pull openrouter: OpenRouter is pulled by generation id; run `batchable pull openrouter --ids FILE` first');
  for (const source of sources) io.err(await pullInto(io, source, { db: flags.db }, env, hooks));
}
