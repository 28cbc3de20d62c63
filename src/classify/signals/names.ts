// Names and tags: words in tags (keys and values), key names, project and app that name a scheduled or bulk
// job (`nightly`, `etl`…) or an interactive surface (`chat`, `copilot`…). Fixed word lists, never user text.
import { sqlString } from '../../db/sql.ts';

export const backgroundWords = ['nightly', 'cron', 'etl', 'backfill', 'evals?', 'digest', 'reports?', 'enrich[a-z]*', 'batch', 'jobs?', 'scheduled', 'offline', 'bulk', 'ingest[a-z]*', 'worker', 'synthetic'] as const;
export const interactiveWords = ['chat', 'assistant', 'autocomplete', 'copilot', 'voice', 'live', 'realtime', 'interactive'] as const;

/**
 * The lower-cased text names are searched in, most telling first (the first word found wins): tag values,
 * key name, key, project, app, then tag keys (a `job` key says less than its value `nightly-digest`).
 */
export const nameTextSql = `lower(concat_ws(' ', array_to_string(json_extract_string(tags, '$.*'), ' '), api_key_name, api_key, project, app,
  array_to_string(json_keys(tags), ' ')))`;

/** A word between non-letters (so `proj_jobs` and `nightly-digest` match, `chatter` and `batchable` do not). */
const wordRegex = (words: readonly string[]): string => `(^|[^a-z])(${words.join('|')})([^a-z]|$)`;

/** The first background word found in `text`, or '' (DuckDB regexp_extract returns '' on no match). */
export const backgroundHintSql = (text: string): string => `regexp_extract(${text}, ${sqlString(wordRegex(backgroundWords))}, 2)`;
export const interactiveHintSql = (text: string): string => `regexp_extract(${text}, ${sqlString(wordRegex(interactiveWords))}, 2)`;
