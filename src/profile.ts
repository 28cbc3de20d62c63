// BATCHABLE_PROFILE: where a run's time goes, on stderr. `=1` prints each SQL statement with its seconds
// (src/db/workspace.ts) and the phases of a command; `=phases` the phases only. A phase line gives the wall and
// CPU seconds since the process started (modules loaded, workspace open, files ingested, labels and prices
// checked or built, report built, closed, and the process's exit with its peak RSS), so a slow answer shows
// whether it waited on Node's start, on module loading, on DuckDB, or on the machine's load (wall far above CPU).
// `npm run bench` reads the exit line for the CPU seconds of a command run as a user runs it, and an audit's
// ingested and labels lines for the time labelling adds to its ingest. Nothing is printed otherwise.

const setting = process.env.BATCHABLE_PROFILE;
/** Whether statements are timed (BATCHABLE_PROFILE=1). */
export const profiling = setting === '1';
/** Whether phases are printed (BATCHABLE_PROFILE=1 or =phases). */
const phases = profiling || setting === 'phases';

/**
 * Prints `[phase 0.412s wall 0.380s cpu] <name>`: seconds since the process started (performance.now() counts
 * from the process's time origin; process.cpuUsage() from its start, every thread), so phases add up to what a
 * user waits for.
 */
export function phase(name: string): void {
  if (!phases) return;
  const { user, system } = process.cpuUsage();
  process.stderr.write(`[phase ${(performance.now() / 1000).toFixed(3)}s wall ${((user + system) / 1e6).toFixed(3)}s cpu] ${name}\n`);
}

if (phases) process.once('exit', (code) => phase(`exit ${code}, peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`));

/**
 * Runs `work` and prints `[0.12s 0.20cpu] <sql>` after it when profiling: wall seconds, and the CPU seconds the
 * process spent meanwhile (DuckDB's threads included), which on a loaded machine say more than the wall.
 */
export async function profiled<T>(sql: string, work: () => Promise<T>): Promise<T> {
  if (!profiling) return work();
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work();
  } finally {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const used = process.cpuUsage(cpu);
    process.stderr.write(`[${seconds}s ${((used.user + used.system) / 1e6).toFixed(2)}cpu] ${sql.replace(/\s+/g, ' ').trim().slice(0, 150)}\n`);
  }
}
