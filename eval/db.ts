// What the eval generators need from a database: the product's Workspace satisfies it, and so does anything
// else that runs DuckDB SQL. The eval folder is compiled on its own (tsconfig.eval.json, into build/eval/),
// never into dist/: nothing here ships in the package.

export type EvalDb = {
  run(sql: string, params?: Record<string, string | number | boolean | null>): Promise<void>;
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
};

/** A SQL string literal for code constants (workload names, file paths of our own temp dirs). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
