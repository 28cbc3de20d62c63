import { openWorkspace } from './dist/db/workspace.js';
import { loadCatalog } from './dist/pricing/load-catalog.js';
import { priceCalls } from './dist/pricing/price-calls.js';
import { readFileSync } from 'node:fs';
const ws = await openWorkspace('/tmp/i15a/h.duckdb');
const cat = await loadCatalog({});
const t = async (label, f) => { const c0 = process.cpuUsage(); const t0 = performance.now(); const r = await f(); const cu = process.cpuUsage(c0); console.log(label, ((performance.now() - t0) / 1000).toFixed(2), 's wall', ((cu.user + cu.system) / 1e6).toFixed(2), 's cpu'); return r; };
const reps = Number(process.env.REPS ?? 1);
for (let i = 0; i < reps; i++) await t('priceCalls', () => priceCalls(ws, cat));
for (const f of process.argv.slice(2)) for (let k = 0; k < 2; k++) {
  const sql = readFileSync(f, 'utf8');
  const rows = await t(f.split('/').pop(), () => ws.all(sql));
  if (rows.length) console.log(JSON.stringify(rows[0], (k, v) => typeof v === 'bigint' ? String(v) : v));
}
ws.close?.();
