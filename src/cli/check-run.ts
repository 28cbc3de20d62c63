// The action of `batchable check`: parse the flags, run the app command, print the report, annotate GitHub
// Actions, and fail with exit 1 on a breach.
import { check } from '../app/check.ts';
import { annotations, appendStepSummary, type Env, inGitHubActions } from '../check/github.ts';
import { renderCheck, thresholdLabel } from '../check/report.ts';
import { CheckFailed } from '../errors.ts';
import { type CheckFlags, parseCheckFlags } from './check-flags.ts';
import type { Io } from './io.ts';
import type { AnalysisFlags } from './options.ts';
import { parseAnalysisFlags } from './parse.ts';
import { parsePulls } from './pull.ts';
import { showProgress } from './progress.ts';

export type CheckCommandFlags = CheckFlags & Omit<AnalysisFlags, 'exportCalls'> & { db: string; pull?: string[] };

/** Runs the gate. `env` is the process environment by default; tests pass their own. */
export async function runCheck(io: Io, files: readonly string[], flags: CheckCommandFlags, env: Env): Promise<void> {
  const parsed = parseCheckFlags(flags);
  // --pull: the APIs to pull from into the same workspace before the analysis (parsed with the other flags, so a
  // bad threshold is exit 2 before anything is fetched).
  const analysis = { ...parseAnalysisFlags(files, flags), pull: await parsePulls(flags.pull, env) };
  const progress = showProgress(io, true);
  let report;
  try {
    ({ report } = await check({
      ...analysis,
      filter: parsed.filter,
      limits: parsed.limits,
      onProgress: progress.onProgress,
    }));
  } finally {
    progress.done();
  }

  io.out(renderCheck(report, parsed.format, io.style));
  if (inGitHubActions(env)) {
    // Workflow commands are read from stdout and stderr alike; with --format json they go to stderr so
    // stdout stays a parseable document (the next run's --baseline).
    const emit = parsed.format === 'json' ? io.err : io.out;
    for (const line of annotations(report)) emit(`${line}\n`);
    const problem = appendStepSummary(report, env);
    if (problem !== undefined) io.err(`warning: ${problem}\n`);
  }

  const breached = report.thresholds.filter((t) => !t.passed);
  if (breached.length > 0) {
    throw new CheckFailed(`check failed: ${breached.map(thresholdLabel).join(', ')} over the limit (exit 1)`);
  }
}
