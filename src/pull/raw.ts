// Raw pages on disk: `<workspace>/raw/<source>/<start>--<end>.jsonl.gz`, one API page per line, exactly the
// fields the API sent. A file's name is the window it covers, so the files themselves say what was fetched
// (nothing is fetched twice) and can be re-read offline (`batchable ingest .batchable/raw/openai`).
// The current, incomplete bucket is written apart, as `<start>--<end>.partial.jsonl.gz`, and replaced by every
// pull; for bucketed sources it is held back from ingest as `….jsonl.gz.partial`, a name `ingest <dir>` skips.
import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
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

/**
 * A raw file written page by page as the pages arrive (gzipped JSONL under a temporary name, as writeRaw), renamed by
 * commit() once every window of the pull is fetched. A window's pages are never held together in memory, nor joined
 * into one string as writeRaw does (fit for a few responses): a million Langfuse generations, about 740 MB of JSON at
 * the eval's Langfuse window's 741 bytes per generation and trace, are more than a string holds (2^29 characters).
 */
export class RawWriter {
  readonly temporary: string;
  readonly dir: string;
  readonly name: string;
  private readonly gzip = createGzip();
  private readonly written: Promise<void>;
  private failure: unknown;

  constructor(dir: string, name: string) {
    this.dir = dir;
    this.name = name;
    mkdirSync(dir, { recursive: true });
    this.temporary = join(dir, `.${name}.${process.pid}.tmp`);
    this.written = pipeline(this.gzip, createWriteStream(this.temporary));
    this.written.catch((e: unknown) => void (this.failure = e));
  }

  /** Appends one page as a line; waits while the file is behind. */
  async write(page: unknown): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (!this.gzip.write(`${JSON.stringify(page)}\n`)) await Promise.race([once(this.gzip, 'drain'), this.written]);
  }

  /** Ends the file (still under its temporary name). */
  async close(): Promise<void> {
    this.gzip.end();
    await this.written;
  }

  /** Gives the closed file its name; returns its path. */
  commit(): string {
    const path = join(this.dir, this.name);
    renameSync(this.temporary, path);
    return path;
  }

  /** Stops writing and removes the temporary file. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.written.catch(() => undefined);
    rmSync(this.temporary, { force: true });
  }
}

/** Removes temporary raw files left by pulls that were killed (their process is gone); another live pull's stay. */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^\..+\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
