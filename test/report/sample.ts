// A small workspace's worth of calls covering every case the savings report distinguishes.
import { noStructural } from '../../src/simulate/structural.ts';
import { frac } from '../../src/simulate/fraction.ts';
import type { SavingsOptions } from '../../src/report/savings.ts';
import { gpt54, type TestCall } from '../helpers/analysis.ts';

export const calls: TestCall[] = [
  // chat: streamed, blocking, 3 requests over a day
  { id: 'c1', workload: 'chat', label: 'blocking', reasons: ['streamed'], ts: '2026-10-01T00:00:00Z', tokens: { in: 2_000_000n, out: 200_000n } },
  { id: 'c2', workload: 'chat', label: 'blocking', reasons: ['streamed'], ts: '2026-10-01T12:00:00Z', requests: 2, tokens: { in: 2_000_000n, out: 200_000n } },
  // nightly: non-blocking, big enough to pay ($60 now, $30 saving in 30 days)
  { id: 'n1', workload: 'nightly', label: 'non_blocking', reasons: ['name: nightly'], ts: '2026-10-02T02:00:00Z', requests: 6, tokens: { in: 10_000_000n, out: 2_000_000n } },
  // evals on gpt-5.4, small: below --min-saving
  { id: 'e1', workload: 'evals', label: 'non_blocking', reasons: ['name: eval'], provider: 'openai', model: 'gpt-5.4', rates: gpt54, ts: '2026-10-03T03:00:00Z', tokens: { in: 400_000n, out: 0n } },
  // a non-blocking job on a model whose batch lane does not take it
  { id: 'x1', workload: 'audio-jobs', label: 'non_blocking', reasons: ['no user'], provider: 'openai', model: 'gpt-audio', rates: gpt54, batchRates: null, ts: '2026-10-04T03:00:00Z', tokens: { in: 1_000_000n, out: 0n } },
  // non-blocking with a tight deadline, and an agent chain
  { id: 't1', workload: 'reports', label: 'non_blocking', reasons: ['rule: reports'], deadlineMinutes: 120, ts: '2026-10-05T03:00:00Z', tokens: { in: 4_000_000n, out: 0n } },
  { id: 'a1', workload: 'agent', label: 'non_blocking', reasons: ['trace chain'], agentChain: true, ts: '2026-10-06T03:00:00Z', tokens: { in: 4_000_000n, out: 0n } },
  // already on batch: nothing to move
  { id: 'b1', workload: 'nightly', label: 'non_blocking', reasons: ['lane: batch'], lane: 'batch', ts: '2026-10-31T00:00:00Z', tokens: { in: 2_000_000n, out: 0n } },
];

export const baseOptions: SavingsOptions = {
  command: 'audit',
  by: 'workload',
  filter: { tz: 'UTC', workloads: [] },
  structural: noStructural,
  creditBonus: frac(0n),
  minSavingMicros: 10_000_000n,
  catalog: 'test catalog',
  rulesFile: null,
};

