// What one pull returns, whichever kind of source it was: time windows (usage and cost APIs) or generation ids
// (OpenRouter). Its own module so that the app layer's progress events can name it without an import circle.
import type { OpenrouterPullResult } from './openrouter.ts';
import type { PullResult } from './run.ts';

export type PullOutcome =
  | { readonly kind: 'windows'; readonly source: string; readonly result: PullResult }
  | { readonly kind: 'generations'; readonly source: 'openrouter'; readonly result: OpenrouterPullResult };
