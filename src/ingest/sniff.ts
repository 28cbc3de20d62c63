// Reads the first bytes of a file (through gzip when needed) to tell its layout and its keys or header.
import { createGunzip } from 'node:zlib';
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError, UnrecognisedFormat } from '../errors.ts';
import { quoted, shellWord } from '../report/escape.ts';
import type { ContainerKind, Sample } from './adapter.ts';

const sampleBytes = 256 * 1024;

export const isGzip = (file: string): boolean => /\.gz$/i.test(file);

/**
 * A file's size once decompressed, for the limits that follow it (a line, a JSON document). A gzip file's last 4
 * bytes say it (ISIZE, the size modulo 2^32 of its last member); ten times the compressed size stands in when that
 * is smaller (over 4 GB, several members) or unreadable. The old estimate alone, ten times, was too small for a
 * one-line OTLP document compressed 39 times: 18 MB allowed for 67 MB, and the read stopped.
 */
export function contentBytes(file: string): number {
  const size = statSync(file).size;
  if (!isGzip(file)) return size;
  let isize = 0;
  if (size >= 18) {
    const fd = openSync(file, 'r');
    try {
      const tail = Buffer.alloc(4);
      if (readSync(fd, tail, 0, 4, size - 4) === 4) isize = tail.readUInt32LE(0);
    } finally {
      closeSync(fd);
    }
  }
  return Math.max(isize, size * 10);
}

async function readHead(file: string): Promise<{ bytes: Buffer; complete: boolean }> {
  if (isGzip(file)) {
    const chunks: Buffer[] = [];
    let size = 0;
    let complete = true;
    const stream = createReadStream(file).pipe(createGunzip());
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= sampleBytes) {
          complete = false;
          break;
        }
      }
    } catch (error) {
      throw new InputError(file, undefined, `not a readable gzip file (${(error as Error).message})`, { cause: error });
    } finally {
      stream.destroy();
    }
    return { bytes: Buffer.concat(chunks).subarray(0, sampleBytes), complete };
  }
  // Read synchronously: at most 256 KB from a local file, where each asynchronous step (open, stat, read, close) waited
  // its turn on libuv's thread pool. A directory of 8,760 hourly files is sniffed one file after another.
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    const buffer = Buffer.alloc(Math.min(size, sampleBytes));
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), complete: size <= sampleBytes };
  } finally {
    closeSync(fd);
  }
}

/** A path as one shell word, its control characters shown. */
const pathWord = (path: string): string => shellWord(quoted(path, 200));

/**
 * Archives and compressions exports are downloaded in, by their first bytes, with the command that opens each: they
 * were "not a text file (a NUL byte at byte 5)". Gzip is read as it is (hash.ts, readHead above).
 */
const archives: readonly { readonly what: string; readonly magic: readonly number[]; readonly open: (file: string) => string }[] = [
  { what: 'a ZIP archive', magic: [0x50, 0x4b, 0x03, 0x04], open: (f) => `unzip ${pathWord(f)} -d exports/ && batchable ingest exports/` },
  { what: 'a 7-Zip archive', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], open: (f) => `7z x ${pathWord(f)} -oexports/ && batchable ingest exports/` },
  { what: 'bzip2-compressed', magic: [0x42, 0x5a, 0x68], open: (f) => `bunzip2 -k ${pathWord(f)}, then ingest the file it writes` },
  { what: 'xz-compressed', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], open: (f) => `unxz -k ${pathWord(f)}, then ingest the file it writes` },
  { what: 'zstd-compressed', magic: [0x28, 0xb5, 0x2f, 0xfd], open: (f) => `zstd -d ${pathWord(f)}, then ingest the file it writes` },
];

function decode(file: string, bytes: Buffer, complete: boolean): string {
  const archive = archives.find((a) => a.magic.every((b, i) => bytes[i] === b));
  if (archive !== undefined) {
    throw new UnrecognisedFormat(file, `${archive.what}, not an export batchable reads as it is (CSV, JSONL, JSON, Parquet, or one of them gzipped): \`${archive.open(file)}\``);
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new InputError(file, undefined, 'the file is UTF-16 text; save it as UTF-8 and run again');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Text exports never hold NUL bytes: this is a binary file (or a disk block of zeros), not usage.
    throw new UnrecognisedFormat(file, `not a text file (a NUL byte at byte ${nul}); batchable reads CSV, JSONL and JSON exports`);
  }
  try {
    // stream: true tolerates a character cut at the end of the sample.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete }).replace(/^\uFEFF/, '');
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    throw new InputError(file, line, `not UTF-8 text (invalid byte 0x${bytes[offset]?.toString(16)} at byte ${offset}); convert it with \`iconv -t UTF-8\` and run again`);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (sample-sized input). */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) if (i + k < bytes.length && ((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += size;
  }
  return bytes.length;
}

/** Key paths of a JSON value: objects by name, arrays looked into (first 3 elements), a few levels deep. */
export function collectKeys(value: unknown, into: Set<string>, prefix = '', depth = 0): void {
  if (depth > 5 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 3)) collectKeys(item, into, prefix, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    into.add(path);
    into.add(key); // bare names too, so detection also works on the regex-collected keys of large documents
    collectKeys(child, into, path, depth + 1);
  }
}

function kindOf(text: string, complete: boolean): ContainerKind {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return 'json';
  if (!trimmed.startsWith('{')) return 'csv';
  const firstLine = trimmed.split('\n', 1)[0] ?? '';
  try {
    JSON.parse(firstLine);
    return 'jsonl';
  } catch {
    // A pretty-printed document, or a single line cut by the sample: tell them apart by the line count.
    return !complete && !trimmed.includes('\n') ? 'jsonl' : 'json';
  }
}

export function csvHeader(text: string): { delimiter: string; header: string[] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', '\t', ';', '|'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  try {
    // The line has no line feed: saying so spares csv-parse's search for the record delimiter (0.7 s of CPU in
    // 8,760 hourly files); a line of bare CRs (classic Mac) is left to that search.
    const records = firstLine.includes('\r') ? {} : { record_delimiter: '\n' };
    const rows = parseCsv(firstLine, { delimiter, relax_quotes: true, to_line: 1, ...records }) as string[][];
    return { delimiter, header: (rows[0] ?? []).map((h) => h.trim()) };
  } catch {
    return { delimiter, header: [] };
  }
}

/**
 * Whether a CSV sample escapes quotes inside quoted fields with a backslash (`"say \"hi\" now"`, as Spark's and
 * MySQL's writers do) rather than doubling them (RFC 4180). Read as RFC 4180 such a file made DuckDB's sniffer give up
 * ("Error when sniffing file"). The sign: a backslash and a quote followed by an ordinary character, which RFC 4180
 * text cannot hold inside a quoted field (a quote there is doubled, or closes the field before a delimiter or a line
 * break); a backslash at the end of a value (`"C:\dir\"`) is not one.
 */
export function backslashEscaped(text: string, delimiter: string): boolean {
  const d = /[\\\]^-]/.test(delimiter) ? `\\${delimiter}` : delimiter;
  return new RegExp(`\\\\"[^"${d}\\r\\n]`).test(text);
}

/** Key names in JSON text that cannot be parsed whole (the start of a large record). */
function collectKeyNames(text: string, into: Set<string>): void {
  for (const match of text.matchAll(/"([^"\\]{1,80})"\s*:/g)) if (match[1]) into.add(match[1]);
}

/** How deep a sampled record may nest: detection walks it (JSON.stringify, key paths), and 20,000 levels overflowed the stack. */
const maxSampleDepth = 200;

/** The nesting depth of a parsed JSON value, without recursion (so that no depth overflows the stack); stops past 10,000. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, d);
    if (deepest > 10_000) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

/** Applies `--map source=canonical` to a list of names. */
const renamed = (names: Iterable<string>, map: ReadonlyMap<string, string>) => [...names].map((n) => map.get(n) ?? n);

export async function sniff(file: string, map: ReadonlyMap<string, string> = new Map()): Promise<Sample> {
  const { bytes, complete } = await readHead(file);
  if (bytes.length === 0) throw new UnrecognisedFormat(file, 'the file is empty: nothing to ingest');
  const text = decode(file, bytes, complete);
  if (text.trim() === '') throw new UnrecognisedFormat(file, 'the file holds only blank lines: nothing to ingest');
  const kind = kindOf(text, complete);
  const keys = new Set<string>();
  const records: unknown[] = [];
  let partial = !complete;
  if (kind === 'csv') {
    // Excel's delimiter hint (`sep=;`) as the first line, written by spreadsheets and some exports for Excel: the
    // header is the line after it. Read as the header, it matched no format ("header: sep=").
    const hint = /^\s*"?sep=(.?)"?\s*(?:\r?\n|$)/i.exec(text);
    if (hint !== null) {
      throw new UnrecognisedFormat(file, `its first line is a spreadsheet's delimiter hint (${quoted(hint[0].trim(), 20)}), not the header: remove that line (\`tail -n +2 ${pathWord(file)} > fixed.csv\`) and ingest the result`);
    }
    const { delimiter, header } = csvHeader(text);
    const headerLine = /\r?\n/.test(text) ? text.split(/\r?\n/, 1)[0] : undefined; // only a whole line
    return { kind, delimiter, backslashEscapes: backslashEscaped(text, delimiter), header: renamed(header, map), headerLine, keys, records, arrayDocument: false };
  }
  if (kind === 'jsonl') {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 50) partial = true;
    for (const line of lines.slice(0, complete ? 50 : Math.min(50, lines.length - 1))) {
      try {
        records.push(JSON.parse(line));
      } catch {
        // A malformed line becomes a reject with its line number at ingest; detection uses the others.
      }
    }
    // A first record longer than the sample (a one-line page of thousands of results): its key names are read
    // from the part the sample holds, as for a large document.
    if (records.length === 0 && !complete) collectKeyNames(text, keys);
  } else if (complete) {
    try {
      const doc: unknown = JSON.parse(text);
      records.push(...(Array.isArray(doc) ? doc.slice(0, 50) : [doc]));
      if (Array.isArray(doc) && doc.length > 50) partial = true;
    } catch (error) {
      // JSON.parse quotes the text around the error, newlines and all: one line, capped.
      throw new InputError(file, undefined, `not valid JSON (${quoted((error as Error).message, 160)}); is the file truncated?`);
    }
  } else {
    // A large document: collect the key names that appear in its first part.
    collectKeyNames(text, keys);
  }
  for (const record of records) {
    const depth = nestingDepth(record);
    if (depth > maxSampleDepth) throw new InputError(file, undefined, `a record nests JSON ${depth > 10_000 ? 'over 10,000' : depth.toLocaleString('en-US')} levels deep, and no usage record nests more than ${maxSampleDepth}: is this a usage export?`);
    collectKeys(record, keys);
  }
  const arrayDocument = kind === 'json' && text.trimStart().startsWith('[');
  return { kind, delimiter: '', header: [], keys: new Set(renamed(keys, map)), records, arrayDocument, partial };
}
