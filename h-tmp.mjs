import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
const db = await DuckDBInstance.create('/tmp/i15a/h.duckdb'); const c = await db.connect();
// setup: the temp tables pricing needs
const files = process.argv.slice(2);
for (const f of files) {
  const sql = readFileSync(f, 'utf8');
  for (let k = 0; k < 2; k++) {
    const cpu0 = process.cpuUsage(); const t0 = performance.now();
    const r = await c.runAndReadAll(sql);
    const cu = process.cpuUsage(cpu0);
    console.log(f.split('/').pop(), ((performance.now() - t0) / 1000).toFixed(2), 's wall', ((cu.user + cu.system) / 1e6).toFixed(2), 's cpu', r.getRowObjects?.().slice?.(0,1).map(x=>JSON.stringify(x, (k,v)=>typeof v==='bigint'?String(v):v)).join(''));
  }
}
