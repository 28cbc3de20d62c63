import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.ts';
import { pathProblem } from './files.ts';
import { isGzip } from './sniff.ts';

/** Files up to this size are read whole to hash them; larger ones are streamed. */
const smallFileBytes = 8 << 20;

/**
 * DuckDB's CSV reader (every CSV and JSONL file is read through it) drops a line longer than this without a word:
 * no row, no reject (measured: a line of 536,870,000 bytes is a reject, `LINE SIZE OVER MAXIMUM`; one of 536,871,000
 * is nothing at all). The hash pass measures long lines so that ingest can refuse such a file instead (ingest.ts).
 */
export const readerLineCeilingBytes = 2 ** 29;

/**
 * A file's identity (the sha256 of its bytes as stored); its longest line, when that spans more than one read chunk;
 * and whether its lines are plain: no quote character and no blank line, so that a CSV record's number is its line's
 * (DuckDB numbers records, file-rows.ts: buildCsvOffLines).
 */
export type FileDigest = { readonly sourceId: string; readonly longestLineBytes: number; readonly plainLines: boolean };

/** Whether DuckDB's CSV reader would drop a line of the file without a word (`ceiling`: tests lower it). */
export const dropsLine = (digest: FileDigest, ceiling = readerLineCeilingBytes): boolean => digest.longestLineBytes > ceiling;

/**
 * Whether a text has no quote character and no blank line, fed chunk by chunk: two native searches a chunk (the quote,
 * and the blank line of the file's line ending, as its first line break shows: LF, CRLF or CR), and the chunk's last
 * two bytes kept to see a blank line across the boundary. Four searches a chunk (every line ending's blank line) took
 * hashFile from 0.44 s (the sha256 alone) to 0.71 s of wall on a 658 MB file; these two, 0.48-0.51 s.
 */
class PlainLines {
  private plain = true;
  private blank: string | undefined;
  private tail: Buffer = Buffer.alloc(0);
  add(chunk: Buffer): void {
    if (!this.plain) return;
    if (this.blank === undefined) {
      // A blank first line is a blank line too.
      if (this.tail.length === 0 && (chunk[0] === 10 || chunk[0] === 13)) {
        this.plain = false;
        return;
      }
      const lf = chunk.indexOf(10);
      if (lf > 0 && chunk[lf - 1] === 13) this.blank = '\n\r\n';
      else if (lf >= 0) this.blank = '\n\n';
      else if (chunk.indexOf(13) >= 0) this.blank = '\r\r';
    }
    const seam = Buffer.concat([this.tail, chunk.subarray(0, 2)]);
    const blank = this.blank ?? '\n\n';
    this.plain = chunk.indexOf(34) < 0 && chunk.indexOf(blank) < 0 && seam.indexOf(blank) < 0;
    this.tail = chunk.length >= 2 ? chunk.subarray(chunk.length - 2) : Buffer.concat([this.tail, chunk]).subarray(-2);
  }
  get value(): boolean {
    return this.plain;
  }
}

/**
 * The longest run of bytes without a line break (LF, or CR in a file without LF), fed chunk by chunk: each
 * chunk is searched from both ends, natively, so lines shorter than a chunk cost nothing and are not measured.
 */
class LongLines {
  private current = 0;
  private longest = 0;
  add(chunk: Buffer): void {
    let first = chunk.indexOf(10);
    if (first < 0) first = chunk.indexOf(13);
    if (first < 0) {
      this.current += chunk.length;
      return;
    }
    this.longest = Math.max(this.longest, this.current + first);
    let last = chunk.lastIndexOf(10);
    if (last < 0) last = chunk.lastIndexOf(13);
    this.current = chunk.length - last - 1;
  }
  get bytes(): number {
    return Math.max(this.longest, this.current);
  }
}

/**
 * sha256 of the file's bytes as stored (a .gz file is hashed compressed). A .gz file is also decompressed to its
 * end in the same pass, as `gzip -t` would: DuckDB's reader keeps the rows before a truncated or corrupt stream's
 * end and reports a single bad line, so the ingest waits for this check before it commits anything.
 */
export async function hashFile(file: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  const lines = new LongLines();
  const plain = new PlainLines();
  if (!isGzip(file)) {
    // A small file in one read: a stream costs ~0.8 ms of CPU per file to set up, against ~0.1 ms for this
    // (2,000 hourly files of 100 calls: 1.55 s against 0.25 s). Synchronous, as sniff reads a file's head: each
    // asynchronous step (open, stat, read, close) waited its turn on libuv's thread pool.
    try {
      const fd = openSync(file, 'r');
      try {
        // No line of a small file can come near readerLineCeilingBytes.
        if (fstatSync(fd).size <= smallFileBytes) {
          const bytes = readFileSync(fd);
          plain.add(bytes);
          return { sourceId: hash.update(bytes).digest('hex'), longestLineBytes: 0, plainLines: plain.value };
        }
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw new InputError(file, undefined, `cannot read: ${pathProblem(error)}`, { cause: error });
    }
  }
  const gunzip = isGzip(file) ? createGunzip() : undefined;
  // A .gz file's lines are measured as decompressed, in the drain; a plain file's as it is hashed.
  const tested = gunzip === undefined ? Promise.resolve() : drain(file, gunzip, lines, plain);
  tested.catch(() => undefined); // awaited below
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      if (gunzip === undefined) {
        lines.add(chunk as Buffer);
        plain.add(chunk as Buffer);
      }
      if (gunzip !== undefined && !gunzip.write(chunk as Buffer)) await new Promise((resolve) => gunzip.once('drain', resolve));
    }
  } catch (error) {
    gunzip?.destroy();
    throw new InputError(file, undefined, `cannot read: ${pathProblem(error)}`, { cause: error });
  }
  gunzip?.end();
  await tested;
  return { sourceId: hash.digest('hex'), longestLineBytes: lines.bytes, plainLines: plain.value };
}

/** Reads the decompressed stream to its end, measuring its long lines; rejects with one line when the gzip data is cut short or corrupt. */
async function drain(file: string, gunzip: ReturnType<typeof createGunzip>, lines: LongLines, plain: PlainLines): Promise<void> {
  try {
    for await (const chunk of gunzip) {
      lines.add(chunk as Buffer);
      plain.add(chunk as Buffer);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'Z_BUF_ERROR' ? 'the gzip stream ends early (truncated file)' : `corrupt gzip data (${(error as Error).message})`;
    throw new InputError(file, undefined, `${why}; nothing from it was kept. \`gzip -t\` shows the same; fetch the file again`, { cause: error });
  }
}
