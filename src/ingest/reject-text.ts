/**
 * A reject's raw text (the `rejects` table's `raw`) is its row as read, kept to this many characters: enough to see
 * what is wrong with it, while a line of up to the reader's limit (32 MB by default) or a JSON page is not copied whole into the workspace. One
 * bound for every format (CSV lines, JSON records, Parquet rows as JSON).
 */
export const rejectTextChars = 2000;

/** `expr` (SQL text) cut to a reject's raw text. */
export const rejectTextSql = (expr: string): string => `left(${expr}, ${rejectTextChars})`;

/**
 * Where an input row is, as `rejects` and the ingest summary print it: `file:line`, with the record's JSON pointer
 * after `#` when the line holds several (an API page: `window.jsonl:2#/data/3`), or `file#pointer` in a JSON document.
 */
export const rowPlace = (file: string, line: number | bigint | null, path: string | null): string =>
  `${file}${line === null ? '' : `:${line}`}${path ? `#${path}` : ''}`;
