// A CSV header naming a column twice (src/ingest/header.ts): a column the format reads is refused with both
// positions, never read from the first one silently; a repeated column that only becomes a tag is kept.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/db/workspace.ts';
import { runCli } from '../helpers/cli.ts';
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
