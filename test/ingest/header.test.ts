// A CSV header naming a column twice (src/ingest/header.ts): a column the format reads is refused with both
// positions, never read from the first one silently; a repeated column that only becomes a tag is kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sqlIdent } from '../../src/db/sql.ts';
import { openWorkspace } from '../../src/db/workspace.ts';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('batchable-header-');
const write = (name: string, text: string) => {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
};

it('reads the canonical names in any case (a spreadsheet or BI tool capitalises a team\'s own log); others stay tags', async () => {
  const file = write('capitals.csv', 'TS,Model,Input_Tokens,Output_Tokens,Cache_Read_Tokens,Feature\n2026-10-01T00:00:00Z,gpt-5.4,100,20,40,search\n');
  const db = join(tempDir(), 'caps.duckdb');
  const r = await runCli(['ingest', file, '--db', db]);
  expect(r.stdout).toContain('batchable-csv, 1 call ingested, 0 rows rejected');
  const ws = await openWorkspace(db);
  expect(await ws.all('SELECT model, input_tokens, cache_read_tokens, output_tokens, tags::VARCHAR AS tags FROM calls')).toEqual([
    { model: 'gpt-5.4', input_tokens: 100n, cache_read_tokens: 40n, output_tokens: 20n, tags: '{"Feature":"search"}' },
  ]);
  await ws.close();
});

describe('a CSV header that names a column twice', () => {
  it('refuses two model columns, naming both, and keeps nothing', async () => {
    const file = write('two-models.csv', 'ts,model,input_tokens,output_tokens,model\n2026-10-01T00:00:00Z,gpt-5.4,100,20,gpt-5.4-mini\n');
    const db = join(tempDir(), 'w.duckdb');
    const r = await runCli(['ingest', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: ${file}:1: the header has 2 columns read as "model" (columns 2 and 5), and batchable cannot tell which one holds it. ` +
        'Rename or remove the others in the header (or change the --map that renames one), and run again\n',
    );
    const ws = await openWorkspace(db);
    expect(await ws.all('SELECT count(*)::INTEGER AS n FROM calls')).toEqual([{ n: 0 }]);
    await ws.close();
  });

  it('compares names as DuckDB does: trimmed and case-insensitive', async () => {
    const file = write('cased.csv', 'ts,model,input_tokens,output_tokens, Input_Tokens\n2026-10-01T00:00:00Z,gpt-5.4,100,20,7\n');
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 columns read as "input_tokens" (columns 3 and 5)');
  });

  it('refuses a --map that renames a column onto one the header already has', async () => {
    const file = write('mapped.csv', 'ts,model_name,input_tokens,output_tokens,model\n2026-10-01T00:00:00Z,gpt-5.4,100,20,gpt-5.4-mini\n');
    const r = await runCli(['ingest', file, '--map', 'model_name=model', '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 columns read as "model" (columns 2 ("model_name", renamed by --map) and 5)');
  });

  it('keeps a repeated column that only becomes a tag, under DuckDB’s name for the second', async () => {
    const file = write('notes.csv', 'ts,model,input_tokens,output_tokens,notes,notes\n2026-10-01T00:00:00Z,gpt-5.4,100,20,a,b\n');
    const db = join(tempDir(), 'tags.duckdb');
    const r = await runCli(['ingest', file, '--db', db]);
    expect(r.code).toBe(0);
    const ws = await openWorkspace(db);
    expect(await ws.all('SELECT model, tags::VARCHAR AS tags FROM calls')).toEqual([{ model: 'gpt-5.4', tags: '{"notes":"a","notes_1":"b"}' }]);
    await ws.close();
  });

  it('refuses a vendor export whose header repeats a column its format reads (OpenRouter)', async () => {
    const header = 'generation_id,created_at,model_permaslug,provider_name,tokens_prompt,tokens_completion,cost_total,tokens_completion';
    const file = write('openrouter.csv', `${header}\ngen-1,2026-04-13T10:00:00Z,openai/gpt-4o-mini,OpenAI,1840,212,0.0004,300\n`);
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1: the header has 2 columns read as "tokens_completion" (columns 6 and 8)`);
  });

  it('a spreadsheet delimiter hint (sep=;) as the first line: named, with the line to remove; skipped with that reason in a directory', async () => {
    const file = write("it's.csv", 'sep=;\ncall_id;ts;model;input_tokens;output_tokens\nc1;2026-10-01T00:00:00Z;gpt-5.4;100;10\n');
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${file}: its first line is a spreadsheet's delimiter hint (sep=;), not the header: remove that line (\`tail -n +2 '${file.replace("'", "'\\''")}' > fixed.csv\`) and ingest the result\n`);
    const dir = join(file, '..');
    const inDir = await runCli(['ingest', dir, '--db', ':memory:']);
    expect(inDir.stderr).toContain(`warning: skipped ${file}: its first line is a spreadsheet's delimiter hint`);
  });

  it('refuses the file by name when files of one header are read in one scan', async () => {
    const head = 'ts,model,input_tokens,output_tokens,model\n';
    const a = write('day-1.csv', `${head}2026-10-01T00:00:00Z,gpt-5.4,100,20,gpt-5.4-mini\n`);
    const b = write('day-2.csv', `${head}2026-10-02T00:00:00Z,gpt-5.4,100,20,gpt-5.4-mini\n`);
    const r = await runCli(['ingest', a, b, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${a}:1: the header has 2 columns read as "model" (columns 2 and 5)`);
  });
});

// Helicone's and LiteLLM's CSV readers add fields over the file's columns (`SELECT *, … AS _bt_props`). DuckDB binds a
// name the file also has to the file's column, silently: a Helicone export with a column `props` (the name the field
// had before) lost its sessions and took the column's text as its properties.
describe('a CSV column named like a field a reader adds', () => {
  const helicone = readFileSync(join(import.meta.dirname, '../../fixtures/helicone/export-legacy.csv'), 'utf8');
  // The fixture's records are one line each: a last column is added to every line.
  const withColumn = (name: string, value: string) =>
    `${helicone.trimEnd().split('\n').map((line, i) => (i === 0 ? `${line},${name}` : `${line},"${value}"`)).join('\n')}\n`;

  it('refuses a column whose name begins _bt_, in any case, naming it; the file alone and in a scan of many', async () => {
    const file = write('helicone-bt.csv', withColumn('_BT_Props', '{""Feature"":""evil""}'));
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: ${file}:1: the header has a column "_BT_Props": names beginning "_bt_" are kept for the fields batchable's helicone-requests reader adds. Rename or remove that column in the header, and run again\n`,
    );
    const other = write('helicone-bt-2.csv', withColumn('_BT_Props', '{}').replace(/b1f0c2d4/g, 'c1f0c2d4'));
    const many = await runCli(['ingest', file, other, '--db', ':memory:']);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain(`${file}:1: the header has a column "_BT_Props"`);
  });

  it('reads files too large to join with a column named _bt_file (the name a scan gives its file column) one by one, the column a tag', async () => {
    // Over 256 KiB each on average (concat.ts): a scan would name its file column _bt_file, which DuckDB refuses
    // beside the file's own (an internal error, exit 3, before).
    const rows = (day: number) => Array.from({ length: 9000 }, (_, k) => `2026-10-0${day}T00:00:00Z,gpt-5.4,${100 + k},20,z${k}`);
    const files = [1, 2, 3].map((day) => write(`big-${day}.csv`, `ts,model,input_tokens,output_tokens,_bt_file\n${rows(day).join('\n')}\n`));
    const db = join(tempDir(), 'bt-file.duckdb');
    const r = await runCli(['ingest', ...files, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('27,000 calls ingested, 0 rows rejected');
    const ws = await openWorkspace(db);
    const [tag] = await ws.all<{ tags: string }>("SELECT tags::VARCHAR AS tags FROM calls WHERE input_tokens = 107 AND ts = '2026-10-02T00:00:00Z'");
    await ws.close();
    expect(tag).toEqual({ tags: '{"_bt_file":"z7"}' });
  });

  it('reads a column named as the field was before (props) as a column of the file, the field still its own', async () => {
    const file = write('helicone-props.csv', withColumn('props', '{""Feature"":""evil""}'));
    const db = join(tempDir(), 'props.duckdb');
    const r = await runCli(['ingest', file, '--db', db]);
    expect(r.stdout).toContain('helicone-requests, 4 calls ingested, 0 rows rejected');
    const ws = await openWorkspace(db);
    const rows = await ws.all<{ session_id: string | null; tags: string }>('SELECT session_id, tags::VARCHAR AS tags FROM calls ORDER BY ts');
    await ws.close();
    expect(rows.map((row) => row.session_id)).toContain('sess-41c');
    expect(rows.some((row) => row.tags.includes('evil'))).toBe(false);
    expect(rows.some((row) => row.tags.includes('"feature":"support-chat"'))).toBe(true);
  });
});

it('every name a reader adds over the columns of a CSV it passes on begins _bt_ (so reservedColumn covers them all)', async () => {
  // Every reader is given the columns of every real CSV export in fixtures/ (some bind only with their own columns
  // present), and one more that no format reads.
  const exports = ['langfuse/ui-export-observations.csv', 'google/vertex-request-response.csv', 'litellm/spend-logs.csv', 'azure/apim-llm-log.csv',
    'anthropic/console-usage.csv', 'anthropic/claude_api_cost_2026_08.csv', 'helicone/export-legacy.csv', 'deepseek/usage-export.csv',
    'openai/completions_usage_2026-03-31_2026-04-02.csv', 'openai/cost_2026-03-31_2026-04-01.csv', 'openrouter/generations.csv', 'openrouter/activity.csv', 'azure/apim-gateway-logs.csv', 'bedrock/cloudwatch-insights-fields.csv'];
  const names = exports.flatMap((name) => (parse(readFileSync(fixture(name), 'utf8'), { bom: true, to_line: 1 }) as string[][])[0]!);
  const header = names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i); // as DuckDB compares them
  const file = 'zz_file_column';
  const src = `(SELECT ${[...header, file].map((h) => `'x' AS ${sqlIdent(h)}`).join(', ')})`;
  const ws = await openWorkspace(':memory:');
  const passing: string[] = [];
  try {
    // (Langfuse's CSV is read as JSON records, src/ingest/csv-records.ts: its reader has no file columns.)
    for (const adapter of adapters.filter((a) => a.kinds.includes('csv') && a.joinsRecords !== true)) {
      const select = adapter.select({ src, kind: 'csv', header: [...header, file], map: new Map(), fileModifiedAt: '2026-01-01T00:00:00.000Z' });
      if (select.from === src) continue;
      const names = (await ws.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${select.from}`)).map((r) => r.column_name);
      if (!names.includes(file)) continue;
      passing.push(adapter.id);
      expect(names.filter((n) => !header.includes(n) && n !== file && !n.startsWith('_bt_')), adapter.id).toEqual([]);
    }
  } finally {
    await ws.close();
  }
  expect(passing).toEqual(['bedrock-invocation-logs', 'azure-apim-gateway-logs', 'litellm-spendlogs', 'helicone-requests']);
});
