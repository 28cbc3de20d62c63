// A CSV header that names one column twice. DuckDB's reader keeps both, renaming the later ones (`model`,
// `model_1`: case-insensitively, after trimming), and an adapter that reads `model` then reads the first one
// without a word: a file with two `model` columns was priced by the first and the other became a tag. `--map`
// can do the same (`--map model_name=model` on a file that also has `model`: the last one won). A column read
// by the adapter that has a twin is refused with both positions; a twin that only becomes a tag is kept as one.
import { sqlIdent } from '../db/sql.ts';
import { InputError } from '../errors.ts';
import { quoted } from '../report/escape.ts';
import type { AdapterSelect } from './adapter.ts';

/** A column name (after `--map`) that the adapter reads and the header holds more than once, with its 1-based positions. */
export type AmbiguousColumn = { readonly name: string; readonly positions: readonly number[] };

/**
 * `named`: the header as the adapter sees it (after `--map` renames), `read`: the same columns as DuckDB names them
 * (one per position, in order), `select`: what the adapter reads. Tags are not counted as reading a column: a
 * repeated column that is not a canonical one becomes a tag under DuckDB's name for it, and nothing is lost.
 */
export function ambiguousColumn(named: readonly string[], read: readonly string[], select: AdapterSelect): AmbiguousColumn | undefined {
  if (named.length !== read.length) return undefined; // the sniffed header and DuckDB's disagree: nothing to pair by position
  const positions = new Map<string, number[]>();
  named.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    positions.set(key, [...(positions.get(key) ?? []), i]);
  });
  const expressions = Object.entries(select.columns)
    .filter(([column, sql]) => column !== 'tags' && typeof sql === 'string')
    .map(([, sql]) => sql as string);
  for (const indexes of positions.values()) {
    if (indexes.length < 2) continue;
    const used = indexes.some((i) => expressions.some((sql) => sql.includes(sqlIdent(read[i]!))));
    if (used) return { name: named[indexes[0]!]!, positions: indexes.map((i) => i + 1) };
  }
  return undefined;
}

/** The error for a column named twice: which columns, and how to settle it. */
export function ambiguousColumnError(file: string, column: AmbiguousColumn, header: readonly string[], map: ReadonlyMap<string, string>): InputError {
  const described = column.positions.map((p) => {
    const source = header[p - 1];
    return source !== undefined && map.get(source) === column.name && source !== column.name ? `${p} ("${quoted(source, 80)}", renamed by --map)` : String(p);
  });
  return new InputError(
    file,
    1,
    `the header has ${column.positions.length} columns read as "${quoted(column.name, 80)}" (columns ${described.slice(0, -1).join(', ')} and ${described.at(-1)}), and batchable cannot tell which one holds it. ` +
      'Rename or remove the others in the header (or change the --map that renames one), and run again',
  );
}

/**
 * A column of the file whose name begins `_bt_`, the names an adapter's own query gives the fields it adds over the
 * reader while it passes the file's columns on (Helicone's `SELECT *, … AS _bt_props`, LiteLLM's `_bt_md`). DuckDB
 * binds such a name to the file's column, the first of the two, without an error (and renames the second `_1` in a
 * `SELECT *`), so the adapter would read the file's text in place of its own field: such a file is refused, whatever
 * the adapter adds. `read`: the columns as DuckDB names them.
 */
export function reservedColumn(read: readonly string[]): string | undefined {
  return read.find((name) => /^_bt_/i.test(name));
}

/** The error for a column with a name batchable keeps for itself: which, and how to settle it. */
export function reservedColumnError(file: string, column: string, adapterId: string): InputError {
  return new InputError(
    file,
    1,
    `the header has a column "${quoted(column, 80)}": names beginning "_bt_" are kept for the fields batchable's ${adapterId} reader adds. ` +
      'Rename or remove that column in the header, and run again',
  );
}
