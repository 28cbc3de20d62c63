// rules suggest: analyse (ingest the files given, label, price), then draft a starter rules file asking about
// the workloads that hold the most spend with a low-confidence or default label.
import { renderSuggestions, suggestRules as suggestEngine, type Suggestions } from '../classify/suggest.ts';
import { withWorkspace } from '../db/workspace.ts';
import { analyse, type AnalyseOptions } from './analyse.ts';
import { memoryDb, type WorkspaceOption } from './progress.ts';

export type SuggestOptions = AnalyseOptions & WorkspaceOption & {
  /** How many workloads to ask about, largest spend first (default 10). */
  readonly top?: number | undefined;
};

export type SuggestResult = {
  /** The workloads asked about, with their spend, requests and evidence. */
  readonly suggestions: Suggestions;
  /** The starter rules file (YAML), valid against schemas/rules.schema.json. */
  readonly yaml: string;
};

export const defaultSuggestTop = 10;

/** `batchable rules suggest`: the questions that settle the most uncertain spend, as a rules file. */
export async function suggestRules(options: SuggestOptions = {}): Promise<SuggestResult> {
  return withWorkspace(options.db ?? memoryDb, async (ws) => {
    await analyse(ws, options, options.onProgress);
    const suggestions = await suggestEngine(ws, options.top ?? defaultSuggestTop);
    const source = (options.files ?? []).length > 0 ? `${(options.files ?? []).join(', ')}` : `workspace ${options.db ?? memoryDb}`;
    return { suggestions, yaml: renderSuggestions(suggestions, source) };
  });
}
