// `batchable pull <source>`: fetch usage from a provider's or gateway's API into raw files and ingest them, and
// `--pull SOURCE` on audit, simulate and check, which pulls into the same workspace first (for nightly CI jobs).
// Flags are parsed here; src/app/pull.ts runs the pull and returns data.
import type { Command } from 'commander';
import type { PullInput } from '../app/pull.ts';
import { UsageError } from '../errors.ts';
import { bucketWidths, parseDuration, type BucketWidth } from '../pull/time.ts';
import type { Env } from './io.ts';
import type { Io } from './io.ts';
import { addDbOption } from './options.ts';
import { dateFlag, oneOf } from './parse.ts';
import { showProgress } from './progress.ts';

type PullFlags = { db: string; since?: string; until?: string; bucketWidth?: string; settle?: string; baseUrl?: string; dryRun?: boolean; ids?: string };

function settleFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`--settle ${value}: expected a duration such as 0, 30m, 4h or 1d`);
  return ms;
}

function pullInput(source: string, flags: PullFlags, env: Env): PullInput & { db: string } {
  return {
    source,
    db: flags.db,
    since: dateFlag('--since', flags.since),
    until: dateFlag('--until', flags.until),
    bucketWidth: flags.bucketWidth === undefined ? undefined : oneOf<BucketWidth>('--bucket-width', flags.bucketWidth, bucketWidths, '1h'),
    settleMs: settleFlag(flags.settle),
    baseUrl: flags.baseUrl,
    ids: flags.ids,
    env,
  };
}

export function registerPull(program: Command, io: Io, env: Env): void {
  const command = program
    .command('pull')
    .description('fetch usage from a provider or gateway API into raw files under the workspace, and ingest it')
    .argument('<source>', 'openai | anthropic | langfuse | litellm | helicone | openrouter (--ids) | openrouter-activity | openai-costs | anthropic-costs')
    .option('--since <date>', 'first UTC day to fetch (YYYY-MM-DD); default: where the last pull ended, or 7 days ago')
    .option('--until <date>', 'last UTC day to fetch, inclusive (YYYY-MM-DD); default: now')
    .option('--bucket-width <width>', 'bucket size the API aggregates by: 1m | 1h | 1d (default: openai and anthropic 1m, the others 1h; cost reports: 1d)')
    .option('--settle <duration>', 'how long after a bucket ends it counts as complete (default per source: openai 1h, anthropic 1d, langfuse 15m, litellm 5m, helicone 15m, costs 1d)')
    .option('--base-url <url>', 'API base URL (default: the env var the official SDK reads, else the public endpoint)')
    .option('--ids <file>', 'openrouter: a file of generation ids (gen-…), one per line; ids fetched before are skipped')
    .option('--dry-run', 'print the requests it would make (keys shown as the env var they come from) and fetch nothing');
  addDbOption(command).action(async (source: string, flags: PullFlags) => {
    const input = pullInput(source, flags, env);
    const app = await import('../app/pull.ts');
    if (flags.dryRun === true) {
      const lines = app.pullRequests(input);
      io.out(lines.length === 0 ? `${source}: nothing to fetch; everything asked for is already held\n` : `${lines.join('\n')}\n`);
      return;
    }
    const progress = showProgress(io, false);
    try {
      const outcome = await app.pull({ ...input, onProgress: progress.onProgress });
      const { renderPullOutcome } = await import('../report/pull-summary.ts');
      io.out(renderPullOutcome(outcome));
    } finally {
      progress.done();
    }
  });
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `--pull SOURCE` (repeatable) for commands that analyse the workspace. */
export function addPullOption(command: Command): Command {
  return command.option('--pull <source>', 'pull this source into the workspace first (openai, anthropic, langfuse, litellm, helicone, openai-costs, anthropic-costs; repeatable), resuming where the last pull ended', collect, []);
}

/**
 * The pulls `--pull` asks for, checked before anything runs. The sources' modules (and their zod page schemas)
 * load only when a pull is asked for: a what-if on an analysed workspace does not pay for them.
 */
export async function parsePulls(sources: readonly string[] | undefined, env: Env): Promise<PullInput[]> {
  if (sources === undefined || sources.length === 0) return [];
  const { pullSourceIds } = await import('../pull/sources/index.ts');
  return sources.map((source) => {
    if (source === 'openrouter') throw new UsageError('--pull openrouter: OpenRouter is pulled by generation id; run `batchable pull openrouter --ids FILE` first');
    if (!pullSourceIds().includes(source)) throw new UsageError(`--pull ${source}: expected one of ${pullSourceIds().filter((s) => s !== 'openrouter').join(', ')}`);
    return { source, env };
  });
}
