// Turns the command line's files, globs and directories into a sorted list of input files.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, UsageError } from '../errors.ts';
import type { Workspace } from '../db/workspace.ts';

const usageFile = /\.(csv|tsv|txt|jsonl|ndjson|json)(\.gz)?$/i;
const hasGlob = (arg: string) => /[*?[]/.test(arg);

export async function expandInputs(ws: Workspace, args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = (readdirSync(arg, { recursive: true, encoding: 'utf8' }) as string[])
        .map((name) => join(arg, name))
        .filter((path) => usageFile.test(path) && statSync(path).isFile())
        .sort();
      if (found.length === 0) throw new InputError(arg, undefined, 'the directory holds no .csv, .jsonl or .json files (optionally .gz)');
      files.push(...found);
    } else if (stat?.isFile()) {
      files.push(arg);
    } else if (hasGlob(arg)) {
      // DuckDB's glob() expands the pattern; the pattern travels as a parameter.
      const rows = await ws.all<{ file: string }>('SELECT file FROM glob($1) ORDER BY file', [arg]);
      if (rows.length === 0) throw new UsageError(`no file matches ${arg}`);
      files.push(...rows.map((r) => r.file));
    } else {
      throw new InputError(arg, undefined, 'no such file or directory');
    }
  }
  return [...new Set(files)];
}
