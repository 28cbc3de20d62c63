// Many small CSV files of one header joined into one file that DuckDB reads once. DuckDB's multi-file reader costs
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

/** Whether a CSV field (the reader's column `column`, quoted) is a marker: the file's place in the list, else NULL. */
export const markerOrdSql = (column: string): string =>
  `CASE WHEN starts_with(${column}, ${sqlString(markerPrefix)}) THEN TRY_CAST(substr(${column}, ${markerPrefix.length + 1}) AS UBIGINT) END`;

export type JoinedFiles = { readonly file: string; readonly dispose: () => void };

const bom = Buffer.from([0xef, 0xbb, 0xbf]);
const withoutBom = (content: Buffer): Buffer => (content.subarray(0, 3).equals(bom) ? content.subarray(3) : content);

/**
 * Joins `files` (CSV of `bytes` each, with the same header line, `columns` wide with `delimiter`) into one temporary
 * file, or undefined when they cannot be joined so that each file's rows read as they would alone: a compressed
 * file, a file holding the marker's control character, a header line that differs in its bytes (a byte-order mark
 * aside), or files too large on average to gain (joinable). The caller checks after the read that every marker came
 * back, in order (an open quote at a file's end would take in the marker after it), and reads the files one by one
 * otherwise. Each file is read, checked and written in turn: one file in memory at a time.
 */
export function joinCsvFiles(files: readonly string[], bytes: readonly number[], columns: number, delimiter: string): JoinedFiles | undefined {
  if (files.length < 2 || !joinable(files, bytes)) return undefined;
  let dir: string;
  try {
    dir = mkdtempSync(join(tempDirectory() ?? tmpdir(), 'batchable-join-'));
  } catch {
    return undefined; // no room or no right to write there: the files are read as they are
  }
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const file = join(dir, 'joined.csv');
  let joined = false;
  try {
    const fd = openSync(file, 'w');
    try {
      let header: Buffer | undefined;
      let marker = '';
      for (const [ord, name] of files.entries()) {
        const content = withoutBom(readFileSync(name));
        if (content.indexOf(1) >= 0) return undefined;
        if (header === undefined) {
          const end = content.indexOf(10);
          if (end < 0) return undefined;
          header = Buffer.from(content.subarray(0, end + 1));
          const eol = end >= 1 && content[end - 1] === 13 ? '\r\n' : '\n';
          marker = `${delimiter.repeat(columns - 1)}${eol}`;
          writeSync(fd, header);
        } else if (!content.subarray(0, header.length).equals(header)) return undefined;
        writeSync(fd, `${markerPrefix}${ord}${marker}`);
        const body = content.subarray(header.length);
        if (body.length === 0) continue;
        writeSync(fd, body);
        // A last line without its line break would run into the next file's marker.
        if (body[body.length - 1] !== 10) writeSync(fd, marker.endsWith('\r\n') ? '\r\n' : '\n');
      }
      joined = true;
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // A full disk (a small tmpfs), or an input file gone since it was previewed: read as they are, where a file's
    // own error names it.
    if (error instanceof Error && 'code' in error) return undefined;
    throw error;
  } finally {
    if (!joined) dispose();
  }
  return { file, dispose };
}

/** Whether files of these sizes gain from being joined: none compressed, and small on average (concatMaxAverageBytes). */
export const joinable = (files: readonly string[], bytes: readonly number[]): boolean =>
  !files.some(isGzip) && bytes.reduce((n, b) => n + b, 0) <= concatMaxAverageBytes * files.length;
