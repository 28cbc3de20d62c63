// What a format's calls mean for a report, said once per format present in the workspace. Kept apart from the
// adapters' code, keyed by their ids: a report reads these on every run, and a what-if on an analysed workspace loads
// no ingest code (test/app/what-if-cost.test.ts); importing the registry for them loaded every adapter (22 modules).
import type { Workspace } from '../../db/workspace.ts';

/** Given the number of calls a format ingested, the note a report prints under its table, or under the reconciliation. */
type FormatNote = { readonly report?: (calls: bigint) => string; readonly reconciliation?: (calls: bigint) => string };

export const formatNoteById: Readonly<Record<string, FormatNote>> = {
  'claude-code': {
    report: (calls) =>
      `${calls} call(s) come from Claude Code local logs: an interactive coding agent streaming to a developer, so they are someone waiting by nature; ` +
      'batch would not serve them.',
  },
  // Langfuse records no API key, and observations carry no project of the org's: calls that share a model and carry no
  // name of their own (a generation or metadata naming the work) are one workload here, whatever service sent them.
  // The eval's Langfuse rendering (no names, no keys) had blocking spend labelled batchable on two of three blind orgs.
  'langfuse-observations': {
    report: (calls) =>
      `${calls} call(s) come from Langfuse, which records no API key: calls of one model that carry no name of their own (a generation name, ` +
      'or metadata such as workload or feature) are one workload here even when different services sent them. Calls that come off a ' +
      'batchable job\'s runs are held blocking, but a job and people that share a model can still share a label. Check the batchable ' +
      'workloads (`batchable explain <workload>`), or name the work in Langfuse and pull again.',
  },
  'langsmith-runs': {
    report: (calls) =>
      `${calls} call(s) come from LangSmith runs, which record no API key: calls of one model that carry no name of their own (a run name ` +
      'other than the model class, or metadata such as workload or feature) are one workload here even when different services sent them. ' +
      'Check the batchable workloads (`batchable explain <workload>`), or name the runs in LangSmith (run_name, metadata) and export again.',
  },
  // A Portkey log export names no API key (a hybrid deployment's metric rows do: the virtual key): as Langfuse's calls.
  'portkey-logs': {
    report: (calls) =>
      `${calls} call(s) come from Portkey logs, whose export records no API key: calls of one model and operation that carry no name in ` +
      'their metadata (workload, feature, job or pipeline) are one workload here even when different services sent them. Check the ' +
      'batchable workloads (`batchable explain <workload>`), or send a name in `x-portkey-metadata` and export again.',
  },
  'openrouter-activity': {
    reconciliation: (calls) =>
      `${calls} OpenRouter activity bucket(s): their prompt tokens include cached tokens, which the export cannot split out, so the recomputed cost ` +
      'prices every prompt token as uncached input; in the reconciliation a recomputed cost above the reported one is (at least partly) that cache discount.',
  },
};

/** The notes of the formats in the workspace (`sources` holds each file's format and call count), in format order. */
export async function formatNotes(ws: Workspace, where: 'report' | 'reconciliation' = 'report'): Promise<string[]> {
  const rows = await ws.all<{ format: string; calls: bigint }>('SELECT format, sum(calls)::BIGINT AS calls FROM sources GROUP BY format ORDER BY format');
  return rows.flatMap((r) => {
    const note = formatNoteById[r.format]?.[where];
    return note !== undefined && r.calls > 0n ? [note(r.calls)] : [];
  });
}
