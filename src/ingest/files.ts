// Turns the command line's files, globs and directories into a sorted list of input files.
//
// Promises (README "What batchable promises"):
// - A path that exists is read as that path, always: `data[1].csv` is that file, never a pattern. Only an
//   argument that is not an existing path is expanded as a glob, and the summary says how many files it matched.
// - Directories are walked by hand, each directory once by its real path, so a symlink loop ends.
// - Every path is checked before anything is ingested: an unreadable file or directory, a dangling symlink or a
//   symlink loop stops the whole run with one line naming the path and the cause, before any file is committed
//   (a half-ingested directory would be harder to reason about than a run that did nothing).
// - Files found by expanding a directory or a glob may be skipped when they match no usage format (a README, a
//   cost report); a file named explicitly must be usage (see `explicit`).
import { accessSync, constants, lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { InputError, pathProblem, UsageError } from '../errors.ts';
import type { Workspace } from '../db/workspace.ts';

/** Extensions read as usage exports when a directory is walked. */
const usageFile = /\.((csv|tsv|txt|jsonl|ndjson|json|jsonl\.out)(\.gz)?|parquet)$/i;
const hasGlob = (arg: string) => /[*?[]/.test(arg);

export type InputFile = {
  readonly file: string;
  /** Named on the command line (true) or found by expanding a directory or glob (false). */
  readonly explicit: boolean;
};

export type Expansion = {
  readonly files: readonly InputFile[];
  /** Each glob argument and how many files it matched. */
  readonly patterns: readonly { readonly pattern: string; readonly matched: number }[];
  /** Files found in a directory that are not usage exports by their name (README.md, notes.pdf). */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
};

export { pathProblem };

/** Throws one clear line when `path` is a symlink that leads nowhere or round in a circle. */
function explainBrokenLink(path: string, error: unknown): never {
  let link: Stats | undefined;
  try {
    link = lstatSync(path);
  } catch {
    link = undefined;
  }
  if (link?.isSymbolicLink()) {
    const code = (error as NodeJS.ErrnoException).code;
    let target = '';
    try {
      target = readlinkSync(path);
    } catch {
      target = '?';
    }
    if (code === 'ENOENT') throw new InputError(path, undefined, `dangling symbolic link (points to ${target}, which does not exist)`, { cause: error });
    if (code === 'ELOOP') throw new InputError(path, undefined, `symbolic link loop (points to ${target})`, { cause: error });
  }
  throw new InputError(path, undefined, `cannot read: ${pathProblem(error)}`, { cause: error });
}

function assertReadable(path: string): void {
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    throw new InputError(path, undefined, `cannot read: ${pathProblem(error)}`, { cause: error });
  }
}

/** An archive's or compressed file's extension, lower case (zip, 7z, bz2…), from its name; gzip is read as it is. */
const archiveExtension = (name: string): string | undefined => /\.(zip|7z|bz2|xz|zst|tar|tgz)$/i.exec(name)?.[1]?.toLowerCase();

/** Files under `dir`, sorted; each directory is entered once by its real path, so symlink loops end. */
function walk(dir: string, into: InputFile[], skipped: { file: string; reason: string }[], seen: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    explainBrokenLink(dir, error);
  }
  if (seen.has(real)) return; // a symlink back to a directory already walked
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(dir, { encoding: 'utf8' });
  } catch (error) {
    throw new InputError(dir, undefined, `cannot read the directory: ${pathProblem(error)}`, { cause: error });
  }
  for (const name of names.sort()) {
    // Hidden entries (.git, .DS_Store, editor swap files) are not exports.
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch (error) {
      explainBrokenLink(path, error);
    }
    if (stat.isDirectory()) walk(path, into, skipped, seen);
    else if (!stat.isFile()) skipped.push({ file: path, reason: 'not a regular file' });
    else if (!usageFile.test(name)) {
      // An archive of exports (a ZIP download) is worth a word on how to read it; other files are just not usage.
      const archive = archiveExtension(name);
      skipped.push({ file: path, reason: archive === undefined ? 'not a .csv, .jsonl, .json or .parquet file' : `a .${archive} archive or compressed file: extract it and ingest what it holds (.gz is read as it is)` });
    }
    else {
      assertReadable(path);
      into.push({ file: path, explicit: false });
    }
  }
}

export async function expandInputs(ws: Workspace, args: readonly string[]): Promise<Expansion> {
  const files: InputFile[] = [];
  const patterns: { pattern: string; matched: number }[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const arg of args) {
    let stat: Stats | undefined;
    try {
      stat = statSync(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Not there: maybe a glob. Any other failure (a broken link, a permission) is about this very path.
      if (code !== 'ENOENT' || lstatExists(arg)) explainBrokenLink(arg, error);
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found: InputFile[] = [];
      const before = skipped.length;
      walk(arg, found, skipped, new Set());
      if (found.length === 0) {
        const archives = skipped.slice(before).filter((s) => archiveExtension(s.file) !== undefined).map((s) => s.file);
        const hint = archives.length === 0 ? '' : `; it holds ${archives.length === 1 ? 'an archive' : `${archives.length} archives`} (${archives.slice(0, 3).join(', ')}${archives.length > 3 ? ', …' : ''}): extract ${archives.length === 1 ? 'it' : 'them'} and ingest what ${archives.length === 1 ? 'it holds' : 'they hold'}`;
        throw new InputError(arg, undefined, `the directory holds no .csv, .jsonl, .json (optionally .gz) or .parquet files${hint}`);
      }
      for (const f of found) files.push(f); // not push(...found): a spread of 100,000s of files overflows the stack
    } else if (stat !== undefined) {
      if (!stat.isFile()) throw new InputError(arg, undefined, 'not a regular file');
      assertReadable(arg);
      files.push({ file: arg, explicit: true });
    } else if (hasGlob(arg)) {
      // DuckDB's glob() expands the pattern; the pattern travels as a parameter.
      const rows = await ws.all<{ file: string }>('SELECT file FROM glob($1) ORDER BY file', [arg]);
      if (rows.length === 0) throw new UsageError(`no file matches ${arg}`);
      for (const { file } of rows) {
        assertReadable(file);
        files.push({ file, explicit: false });
      }
      patterns.push({ pattern: arg, matched: rows.length });
    } else {
      throw new InputError(arg, undefined, 'no such file or directory');
    }
  }
  // A file reached twice (named, and inside a named directory) is read once, as named if it was.
  const byPath = new Map<string, InputFile>();
  for (const f of files) {
    const held = byPath.get(f.file);
    if (held === undefined || (!held.explicit && f.explicit)) byPath.set(f.file, f);
  }
  return { files: [...byPath.values()], patterns, skipped };
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A path as DuckDB's readers must be given it: they expand `*`, `?` and `[...]` in every path, so each is put in a
 * bracket class that matches only itself (`data[1].csv` -> `data[[]1].csv`).
 */
export function literalPath(path: string): string {
  return path.replace(/[*?[]/g, (c) => `[${c}]`);
}
