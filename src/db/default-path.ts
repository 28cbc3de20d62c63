// Where the workspace lives unless --db says otherwise. Its own module so that declaring the --db flag (every
// command, and --help) does not load DuckDB.
export const defaultDbPath = '.batchable/usage.duckdb';
