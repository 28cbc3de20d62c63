// Text that came from input (workload names, tags, keys, models, file names, rejected lines) on its way into an
// output a person reads or a program opens. JSON needs none of this (JSON.stringify escapes control characters);
// every other output goes through one of these (README "What batchable promises": hostile names).

/**
 * Control characters that act on a terminal or reorder text: C0 (except tab and newline), DEL, C1 (U+009B is
 * a CSI on some terminals), line/paragraph separators and the bidirectional overrides/isolates ("Trojan Source").
 */
const controls = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const controlsAndBreaks = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const shown = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Every control character made visible as `\xHH` / `\uHHHH`; tab and newline kept (multi-line text). */
export function visible(text: string): string {
  return text.replace(controls, shown);
}

/** For one cell or one line: every control character made visible, newlines and tabs included. */
export function oneLine(text: string): string {
  return text.replace(controlsAndBreaks, shown);
}

/** Text as one POSIX shell word (single quotes), for a command a message offers to copy. */
export const shellWord = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;

/** `text` as one word of a command to copy: bare when the shell reads it as it is (a plain path), else shellWord. */
export const commandWord = (text: string): string => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : shellWord(text));

/** At most `max` characters of `text` from input, made visible, with how much was left out. */
export function quoted(text: string, max = 200): string {
  const cut = text.length > max ? `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en-US')} more characters)` : text;
  return oneLine(cut);
}

/**
 * quoted()'s cut as SQL, over `expr` (SQL text) of each row: for text from input that lands in a table (a reject's
 * reason), made visible where it is printed.
 */
export const quotedCutSql = (expr: string, max = 200): string =>
  `CASE WHEN length(${expr}) > ${max} THEN left(${expr}, ${max}) || '… (' || format('{:,}', length(${expr}) - ${max}) || ' more characters)' ELSE ${expr} END`;

/**
 * A text cell for a spreadsheet, per the OWASP CSV-injection guidance: a cell that begins with `=`, `+`, `-`, `@`,
 * tab or carriage return would run as a formula, so it is prefixed with a single quote (the spreadsheet then shows
 * it as text). Numbers never pass through here: they stay numbers.
 */
export function csvText(text: string): string {
  return oneLine(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
}

/** The SQL twin of csvText for DuckDB's CSV writer: controls stripped, formula starts quoted. `x` is SQL. */
export function csvTextSql(x: string): string {
  return `(CASE WHEN regexp_matches(${x}, '^[=+\\-@\\t\\r]') THEN '''' ELSE '' END
    || regexp_replace(${x}, '[\\x00-\\x1f\\x7f-\\x9f\\x{2028}\\x{2029}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}]', '', 'g'))`;
}

/**
 * A markdown table cell or list item, for pasting into GitHub comments and wikis: HTML cannot open a tag or
 * an entity, link and image syntax cannot form (`[x](javascript:…)`, `![](…)`), emphasis and code marks stay
 * literal, pipes cannot end the cell, and control characters are visible.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[\\`*_[\]!|]/g, (c) => `\\${c}`);
}
