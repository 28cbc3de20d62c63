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
