// Raw pages on disk: `<workspace>/raw/<source>/<start>--<end>.jsonl.gz`, one API page per line, exactly the
// fields the API sent. A file's name is the window it covers, so the files themselves say what was fetched
// (nothing is fetched twice) and can be re-read offline (`batchable ingest .batchable/raw/openai`).
// The current, incomplete bucket is written apart, as `<start>--<end>.partial.jsonl.gz`, and replaced by every
// pull; for bucketed sources it is held back from ingest as `….jsonl.gz.partial`, a name `ingest <dir>` skips.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defaultDbPath } from '../db/default-path.ts';
import { parseStamp, stamp, type Range } from './time.ts';

/** The workspace directory: where the --db file lives (`.batchable/` for an in-memory database). */
export const workspaceDir = (db: string): string => dirname(db === ':memory:' ? defaultDbPath : db);

export const rawDir = (db: string, source: string): string => join(workspaceDir(db), 'raw', source);

export type RawFile = { readonly path: string; readonly range: Range; readonly partial: boolean };

const complete = /^(\d{8}T\d{4}Z)--(\d{8}T\d{4}Z)\.jsonl\.gz$/;
const partial = /^(\d{8}T\d{4}Z)--(\d{8}T\d{4}Z)\.(partial\.jsonl\.gz|jsonl\.gz\.partial)$/;

/** The raw files of one source, complete windows first in time order, then any partial one. */
export function listRaw(dir: string): RawFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: RawFile[] = [];
  for (const name of names.sort()) {
    const m = complete.exec(name) ?? partial.exec(name);
    const start = m ? parseStamp(m[1] ?? '') : undefined;
    const end = m ? parseStamp(m[2] ?? '') : undefined;
    if (m && start !== undefined && end !== undefined && start < end) files.push({ path: join(dir, name), range: { start, end }, partial: m[3] !== undefined });
  }
  return [...files.filter((f) => !f.partial).sort((a, b) => a.range.start - b.range.start), ...files.filter((f) => f.partial)];
}

export function rawName(range: Range, kind: 'complete' | 'partial' | 'held'): string {
  const base = `${stamp(range.start)}--${stamp(range.end)}`;
  return kind === 'complete' ? `${base}.jsonl.gz` : kind === 'partial' ? `${base}.partial.jsonl.gz` : `${base}.jsonl.gz.partial`;
}

/** Writes pages as gzipped JSONL under a temporary name, then renames: a killed pull never leaves half a file. */
export function writeRaw(dir: string, name: string, pages: readonly unknown[]): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  const text = pages.map((p) => JSON.stringify(p)).join('\n');
  writeFileSync(temporary, gzipSync(text === '' ? '' : `${text}\n`));
  renameSync(temporary, path);
  return path;
}

export function removeRaw(path: string): void {
  rmSync(path, { force: true });
}
