import { openWorkspace } from './dist/db/workspace.js';
import { readFileSync } from 'node:fs';
const sql = readFileSync('/tmp/dump.sql', 'utf8');
const m = sql.match(/WITH m AS \((SELECT[\s\S]*?FROM _src WHERE j IS NOT NULL)\)/)[1];
const pairs = [...m.matchAll(/\(j->>'(\$\.[a-z_0-9]+)'\) AS ([a-z_0-9]+)/g)].map((x) => [x[1], x[2]]);
const ws = await openWorkspace('/tmp/w/jt.duckdb');
const files = process.argv.slice(2);
await ws.run(`CREATE OR REPLACE TEMP TABLE _src AS SELECT row_number() OVER () AS _line, '' AS _elem, NULL::VARCHAR AS _raw, line::JSON AS j FROM read_csv(${JSON.stringify(files).replaceAll('"', "'")}, columns = {'line': 'VARCHAR'}, header = false, delim = '\x01', quote = '', escape = '', auto_detect = false)`);
console.log((await ws.all('SELECT count(*)::INTEGER AS n FROM _src'))[0], pairs.length);
const cols = pairs.map(([p, n]) => `(j->>'${p}') AS ${n}`).join(', ');
const list = `SELECT ${pairs.map(([p, n], i) => `x[${i + 1}] AS ${n}`).join(', ')} FROM (SELECT json_extract_string(j, [${pairs.map(([p]) => `'${p}'`).join(', ')}]) AS x FROM _src)`;
const variants = { arrows: `SELECT ${cols} FROM _src`, list };
for (const r of [1, 2, 3]) {
  const out = [];
  for (const [n, q] of Object.entries(variants)) { const t = performance.now(); await ws.run(`CREATE OR REPLACE TEMP TABLE x_${n} AS ${q}`); out.push(`${n} ${(performance.now() - t).toFixed(1)}`); }
  console.log(out.join(' | '));
}
console.log(await ws.all(`SELECT count(*)::INTEGER AS d FROM (SELECT * FROM x_arrows EXCEPT ALL SELECT * FROM x_list)`));
ws.close();
