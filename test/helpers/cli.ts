// Test helpers: run the CLI in-process with a captured Io, or spawn the built binary as a user would.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (path: string): string => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

export type RunResult = { code: number; stdout: string; stderr: string };

/**
 * Runs `batchable ...args` in this process (fast; used for most behaviour tests). The environment is the
 * test's own (empty by default), so no test reads or writes the CI's GitHub Actions variables.
 */
export async function runCli(args: readonly string[], columns = 120, env: Record<string, string | undefined> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    style: { color: false, columns },
    interactive: false,
  };
  const code = await main(['node', 'batchable', ...args], io, env);
  return { code, stdout, stderr };
}

const bin = fileURLToPath(new URL('../../bin/batchable.js', import.meta.url));

/** Spawns the built binary in a pinned environment, as a user or CI script would run it. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC', ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
