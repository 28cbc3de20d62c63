// Many small CSV files of one header (or JSONL files) joined into one file that DuckDB reads once. DuckDB's multi-file reader costs
// about 1 ms a file whatever its size (8,760 hourly files of 100 calls: 2.4-2.7 s a scan of 2,000 files, against
// 0.4-0.5 s for the same rows in one file), so a day of hourly exports took 3.3x the time of one file of its rows.
// Here each file's rows follow a marker row of their own in one temporary file: its header once, then for each file a
// marker (`\x01bt:<its place>` in the first column, the other columns empty) and the file's lines after its header.
// The marker rows say where each file's rows begin (markedParts); nothing else of the files changes, so a row's
// position after its marker is its position in its file, as reading the file alone gives it.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempDirectory } from '../db/memory.ts';
import { sqlString } from '../db/sql.ts';
import { isGzip } from './sniff.ts';

/**
 * Files joined only when they are this small on average: past it, writing them again costs more than DuckDB's 1 ms a
 * file (a daily file of 20,000 calls is 2.3 MB, about 2-4 ms to copy).
 */
export const concatMaxAverageBytes = 256 << 10;

/** The first field of a marker row: a control character that the files were checked not to hold anywhere. */
const markerPrefix = '\u0001bt:';
/** A JSONL marker line's: another control character, as \x01 is the delimiter of the reader that reads JSONL lines. */
const lineMarkerPrefix = '\u0002bt:';

/** Whether a CSV field (the reader's column `column`, quoted) is a marker: the file's place in the list, else NULL. */
export const markerOrdSql = (column: string): string =>
  `CASE WHEN starts_with(${column}, ${sqlString(markerPrefix)}) THEN TRY_CAST(substr(${column}, ${markerPrefix.length + 1}) AS UBIGINT) END`;

export type JoinedFiles = {
  readonly file: string;
  readonly dispose: () => void;
  /** Where each file's part of the joined file begins (its marker), in bytes: a reader reject's byte position names its file. */
  readonly starts: readonly number[];
};

const bom = Buffer.from([0xef, 0xbb, 0xbf]);
const withoutBom = (content: Buffer): Buffer => (content.subarray(0, 3).equals(bom) ? content.subarray(3) : content);

/**
 * Joins `files` (CSV of `bytes` each, with the same header line, `columns` wide with `delimiter`) into one temporary
 * file, or undefined when they cannot be joined so that each file's rows read as they would alone: a compressed
 * file, a file holding the marker's control character, a header line that differs in its bytes (a byte-order mark
 * aside), or files too large on average to gain (joinable). The caller checks after the read that every marker came
 * back, in order (an open quote at a file's end would take in the marker after it), and reads the files one by one
 * otherwise.
 */
export function joinCsvFiles(files: readonly string[], bytes: readonly number[], columns: number, delimiter: string): JoinedFiles | undefined {
  let header: Buffer | undefined;
  let eol = '\n';
  return joinFiles(files, bytes, 'csv', 1, (content, ord, write) => {
    if (header === undefined) {
      const end = content.indexOf(10);
      if (end < 0) return false;
      header = Buffer.from(content.subarray(0, end + 1));
      if (end >= 1 && content[end - 1] === 13) eol = '\r\n';
      write(header);
    } else if (!content.subarray(0, header.length).equals(header)) return false;
    write(`${markerPrefix}${ord}${delimiter.repeat(columns - 1)}${eol}`);
    return appendLines(content.subarray(header.length), eol, write);
  });
}

/**
 * Joins JSONL `files` (of `bytes` each) into one temporary file: before each file's lines a marker line
 * (`\x02bt:<its place>`, never JSON), so that a line's file and its number in it follow from the markers
 * (markedLineParts in src/ingest/many.ts). Undefined where joinCsvFiles would be, and for a file with a carriage
 * return anywhere (lines read from a file of CRLF lines lose the CR; from the joined file, whose markers end in LF,
 * they might not).
 */
export function joinJsonlFiles(files: readonly string[], bytes: readonly number[]): JoinedFiles | undefined {
  return joinFiles(files, bytes, 'jsonl', 2, (content, ord, write) => {
    if (content.indexOf(13) >= 0) return false;
    write(`${jsonlMarker(ord)}\n`);
    return appendLines(content, '\n', write);
  });
}

/** The marker line before the JSONL file at `ord` in a joined file. */
const jsonlMarker = (ord: number): string => `${lineMarkerPrefix}${ord}`;

/** Whether a line of a joined JSONL file (`line`, SQL) is a marker. */
export const isMarkerLineSql = (line: string): string => `coalesce(starts_with(${line}, ${sqlString(lineMarkerPrefix)}), false)`;

/** The file's place a marker line (`line`, SQL) names. */
export const markerLineOrdSql = (line: string): string => `TRY_CAST(substr(${line}, ${lineMarkerPrefix.length + 1}) AS BIGINT)`;

/** Writes `lines` (a file's, after its header), ending them with `eol` when the last has no line break; true. */
function appendLines(lines: Buffer, eol: string, write: (data: Buffer | string) => void): boolean {
  if (lines.length === 0) return true;
  write(lines);
  // A last line without its line break would run into the next file's marker.
  if (lines[lines.length - 1] !== 10) write(eol);
  return true;
}

/**
 * Writes each of `files` through `each` (its content without a byte-order mark, its place, and the writer; false when
 * it cannot be joined) into one temporary file; a file holding the markers' `control` character is not joined. Each file is read, checked and written in turn: one file in memory at
 * a time. Undefined when any cannot be joined, when they are too large on average to gain (joinable), or when the
 * temporary file cannot be made or filled (a full tmpfs) or an input file is gone since its preview: they are then
 * read as they are, where a file's own error names it.
 */
function joinFiles(
  files: readonly string[],
  bytes: readonly number[],
  extension: string,
  control: number,
  each: (content: Buffer, ord: number, write: (data: Buffer | string) => void) => boolean,
): JoinedFiles | undefined {
  if (files.length < 2 || !joinable(files, bytes)) return undefined;
  let dir: string;
  try {
    dir = mkdtempSync(join(tempDirectory() ?? tmpdir(), 'batchable-join-'));
  } catch {
    return undefined;
  }
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const file = join(dir, `joined.${extension}`);
  let joined = false;
  const starts: number[] = [];
  try {
    const fd = openSync(file, 'w');
    try {
      let at = 0;
      const write = (data: Buffer | string) => void (at += typeof data === 'string' ? writeSync(fd, data) : writeSync(fd, data));
      for (const [ord, name] of files.entries()) {
        const content = withoutBom(readFileSync(name));
        starts.push(at); // the first file's part begins with the CSV header line, written once
        if (content.indexOf(control) >= 0 || !each(content, ord, write)) return undefined;
      }
      joined = true;
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error) return undefined;
    throw error;
  } finally {
    if (!joined) dispose();
  }
  return { file, dispose, starts };
}

/** Whether `count` files of `bytes` in all gain from being joined: small on average (concatMaxAverageBytes). */
export const smallOnAverage = (bytes: number, count: number): boolean => bytes <= concatMaxAverageBytes * count;

/** Whether files of these sizes gain from being joined: none compressed, and small on average. */
const joinable = (files: readonly string[], bytes: readonly number[]): boolean =>
  !files.some(isGzip) && smallOnAverage(bytes.reduce((n, b) => n + b, 0), files.length);
