// batchable-csv / batchable-jsonl: our own generic format. The header (or the keys) use the canonical column
// names; `--map source=canonical` renames a user's own columns. Columns that are not canonical become tags.
import { callColumns, requiredColumns } from '../../db/schema.ts';
import { sqlIdent, sqlString } from '../../db/sql.ts';
import { defineAdapter, type AdapterContext, type SelectList } from '../adapter.ts';

const canonical = new Set<string>(callColumns.map((c) => c.name));

/** A JSON path literal for a dotted key path given by the user: '$.usage."prompt tokens"'. */
export function jsonPathLiteral(path: string): string {
  const segments = path.split('.').map((s) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `"${s.replaceAll('"', '\\"')}"`));
  return sqlString(`$.${segments.join('.')}`);
}

/**
 * The canonical column a CSV header name stands for, in any case (`TS`, `Input_Tokens`: a spreadsheet's or a BI
 * tool's export of a team's own log). DuckDB already takes `model` and `Model` for one name (header.ts).
 */
const canonicalName = (name: string): keyof SelectList | undefined => {
  const lower = name.toLowerCase();
  return canonical.has(name) ? (name as keyof SelectList) : canonical.has(lower) ? (lower as keyof SelectList) : undefined;
};

function csvSelect(ctx: AdapterContext) {
  const columns: SelectList = {};
  const extras: string[] = [];
  for (const source of ctx.header) {
    const name = canonicalName(ctx.map.get(source) ?? source);
    if (name !== undefined && columns[name] === undefined) columns[name] = sqlIdent(source);
    else extras.push(source);
  }
  const extraTags = extras.length === 0 ? null : `json_object(${extras.map((e) => `${sqlString(e)}, ${sqlIdent(e)}`).join(', ')})`;
  if (extraTags !== null) columns.tags = columns.tags === undefined ? extraTags : `json_merge_patch(coalesce(bt_json(${columns.tags}), '{}'), ${extraTags})`;
  return { columns, from: ctx.src };
}

function jsonlSelect(ctx: AdapterContext) {
  const sourceOf = new Map<string, string>();
  for (const [source, target] of ctx.map) sourceOf.set(target, source);
  const columns: SelectList = { _line: '_line', _path: '_elem' };
  // Every canonical field in one parse of the record (as jsonFields in sql-helpers.ts, with the user's --map paths
  // quoted): a `->>` parses the whole record each time, and 44 of them took 1.1-1.4 s for 10,000 records against
  // 45-76 ms for one json_extract_string over the 44 paths (the same values, checked record for record).
  // Only the fields some record has (ctx.recordKeys): a field of an absent key is NULL in every row, and reading all
  // 44 when a file has 15 took 1.43-1.48 s against 0.49-0.81 s for 730,000 records, its columns then converted and checked.
  const paths: string[] = [];
  for (const column of callColumns) {
    if (column.name === 'tags') continue;
    const path = sourceOf.get(column.name) ?? column.name;
    if (ctx.recordKeys !== undefined && !ctx.recordKeys.has(path.split('.')[0]!)) continue;
    paths.push(jsonPathLiteral(path));
    columns[column.name] = `_f[${paths.length}]`;
  }
  // Tags: the record without its canonical keys (a JSON merge patch with null deletes them), with `tags` flattened in.
  const removed = [...canonical, ...sourceOf.values()].map((k) => `${sqlString(k)}, NULL`).join(', ');
  columns.tags = `json_merge_patch(json_merge_patch(j, json_object(${removed})), coalesce(j->'tags', '{}'))`;
  const fields = paths.length === 0 ? 'NULL::VARCHAR[]' : `json_extract_string(j, [${paths.join(', ')}])`;
  return { columns, from: `(SELECT *, ${fields} AS _f FROM ${ctx.src} WHERE j IS NOT NULL) records` };
}

const recognisedBy = `header/keys include ${requiredColumns.join(', ')} (after --map renames)`;

export const batchableCsv = defineAdapter({
  id: 'batchable-csv',
  title: 'batchable generic CSV (canonical column names)',
  kinds: ['csv'],
  recognisedBy,
  detect: (sample) => requiredColumns.every((n) => sample.header.some((h) => canonicalName(h) === n)),
  idsFromSource: true,
  select: csvSelect,
});

export const batchableJsonl = defineAdapter({
  id: 'batchable-jsonl',
  // A JSON array of the same records too (`jq -s`, Python's json.dump of a list): it was "unrecognised JSON usage
  // format" with every canonical key listed.
  title: 'batchable generic JSONL, or a JSON array of such records (canonical keys)',
  kinds: ['jsonl', 'json'],
  recognisedBy,
  detect: (sample) => requiredColumns.every((c) => sample.keys.has(c)),
  idsFromSource: true,
  readsRecordKeys: true,
  select: jsonlSelect,
});
