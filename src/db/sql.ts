// The one quoting helper. User text reaches SQL as parameters; where DuckDB cannot take a parameter
// (an identifier, an option of a table function), it goes through these two functions and nowhere else.

/** A SQL string literal: 'it''s'. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A quoted identifier: "my col". */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * `expr IN (values)` for constant lists, written as list_contains: DuckDB plans an IN list of five or more
 * constants as a hash join, which is slower per row and does not keep rows in file order (CSV line numbers
 * depend on that order). The values are code constants, quoted here all the same.
 */
export function sqlIn(expr: string, values: readonly string[]): string {
  return `list_contains([${values.map(sqlString).join(', ')}], ${expr})`;
}
