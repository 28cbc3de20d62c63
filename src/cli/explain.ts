// `batchable explain <call-id|workload>`: re-labels the database and shows why one call or workload got its label.
import type { Command } from 'commander';
import { visible } from '../report/escape.ts';
import type { Io } from './io.ts';
import { addDbOption } from './options.ts';

export function registerExplain(program: Command, io: Io): void {
  const command = program
    .command('explain')
    .description('show the signals, the rule or heuristic that decided, the confidence and what would change the label')
    .argument('<target>', 'a call id, or a workload name')
    .option('--rules <file>', 'rules file (YAML or JSON) that names workloads and decides labels first');
  addDbOption(command).action(async (target: string, flags: { db: string; rules?: string }) => {
    const { explain } = await import('../app/explain.ts');
    const { renderExplanation } = await import('../classify/explain.ts');
    const text = renderExplanation(await explain({ db: flags.db, target, rules: flags.rules }));
    io.out(visible(text)); // workload names, tags and keys are input
  });
}
