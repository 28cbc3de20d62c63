// `batchable explain <call-id|workload>`: re-labels the database and shows why one call or workload got its label.
import type { Command } from 'commander';
import { withWorkspace } from '../db/workspace.ts';
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
    const { classifyCalls, loadRules } = await import('../classify/index.ts');
    const { explainTarget, renderExplanation } = await import('../classify/explain.ts');
    const rules = await loadRules(flags.rules);
    const text = await withWorkspace(flags.db, async (ws) => {
      await classifyCalls(ws, rules);
      return renderExplanation(await explainTarget(ws, target, flags.rules));
    });
    io.out(visible(text)); // workload names, tags and keys are input
  });
}
