// The workspace as the engine sees it: a connection with two helpers. Kept apart from workspace.ts (which opens
// it and builds the calls view) so that modules the opening code uses, such as calls-view.ts, can name the type
// without importing the module that imports them.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

export type Workspace = {
  readonly conn: DuckDBConnection;
  readonly path: string;
  /** Runs a statement, discarding any result. */
  run(sql: string, params?: Params): Promise<void>;
  /** Runs a query and returns plain JS rows (BIGINT as bigint, TIMESTAMPTZ as Date). */
  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  close(): void;
};
