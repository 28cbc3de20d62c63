// The program: commands, and the one place that turns errors into exit codes (0 fine, 1 check failed, 2 bad usage/input).
import { Command, CommanderError } from 'commander';
import { exitCodeFor, formatError, knownError, type ExitCode } from '../errors.ts';
import { version } from '../version.ts';
import { registerAudit } from './audit.ts';
import { registerCheck } from './check.ts';
import { registerDoctor } from './doctor.ts';
import { registerExplain } from './explain.ts';
import { registerFormats } from './formats.ts';
import { registerIngest } from './ingest.ts';
import { registerPlan } from './plan.ts';
import { registerPricing } from './pricing.ts';
import { registerPull } from './pull.ts';
import { registerSimulate } from './simulate.ts';
import { type Env, processIo, terminalSafe, type Io } from './io.ts';
import { handleSignals } from '../db/recovery.ts';
import { phase } from '../profile.ts';
import { registerRejects } from './rejects.ts';
import { registerRules } from './rules.ts';

export type { Env } from './io.ts';

export function createProgram(io: Io, env: Env = process.env): Command {
  const program = new Command('batchable')
    .description('Find the LLM API spend nobody waits on, and what it would cost on the batch lane.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)');
  registerAudit(program, io, env);
  registerIngest(program, io);
  registerFormats(program, io);
  registerRejects(program, io);
  registerSimulate(program, io, env);
  registerPlan(program, io, env);
  registerCheck(program, io, env);
  registerExplain(program, io);
  registerPricing(program, io);
  registerRules(program, io);
  registerPull(program, io, env);
  registerDoctor(program, io);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

/** Runs the CLI and returns its exit code. Tests call this in-process with their own Io. */
export async function main(argv: readonly string[], given: Io = processIo, env: Env = process.env): Promise<ExitCode> {
  phase('modules loaded');
  const io = terminalSafe(given);
  // Ctrl-C and TERM interrupt DuckDB, roll back the file in progress and close the workspace cleanly.
  if (given === processIo) handleSignals((code) => process.exit(code));
  try {
    await createProgram(io, env).parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2; // commander printed its message
    const known = knownError(error);
    io.err(formatError(known));
    return exitCodeFor(known);
  }
}
