// repeatsIds (src/ingest/file-rows.ts): whether a file's kept rows repeat a call id. It compares the ids' sorted
// hashes first and counts the ids themselves only when two hashes are equal; a hash that collides on purpose
// takes that second path, where distinct ids must still be told apart from a repeated one.
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/db/workspace.ts';
import { repeatsIds } from '../../src/ingest/file-rows.ts';

let ws: Workspace | undefined;
afterEach(() => ws?.close());

/** A file table of these ids; `null` reasons are kept rows, a reason a rejected row. */
async function fileTable(rows: readonly (readonly [string | null, string | null])[]): Promise<Workspace> {
  ws = await openWorkspace(':memory:');
  await ws.run('CREATE TABLE f (call_id VARCHAR, _reason VARCHAR)');
  for (const [id, reason] of rows) await ws.run('INSERT INTO f VALUES ($1, $2)', [id, reason]);
  return ws;
}

const kept = '_reason IS NULL';
// Every id of the same length has the same "hash": distinct ids collide, so the exact count decides.
const colliding = 'hash(length(call_id))';

describe('repeatsIds', () => {
  it('distinct ids: no repeat, by their hashes alone or through the exact count when the hashes collide', async () => {
    const w = await fileTable([['req_1', null], ['req_2', null], ['req_3', null], [null, null], [null, null]]);
    expect(await repeatsIds(w, 'f', kept)).toBe(false);
    expect(await repeatsIds(w, 'f', kept, colliding)).toBe(false);
  });

  it('a repeated id is found both ways', async () => {
    const w = await fileTable([['req_1', null], ['req_2', null], ['req_1', null]]);
    expect(await repeatsIds(w, 'f', kept)).toBe(true);
    expect(await repeatsIds(w, 'f', kept, colliding)).toBe(true);
  });

  it('only kept rows count: an id repeated by a rejected row is not a repeat', async () => {
    const w = await fileTable([['req_1', null], ['req_2', null], ['req_1', 'missing ts']]);
    expect(await repeatsIds(w, 'f', kept)).toBe(false);
    expect(await repeatsIds(w, 'f', kept, colliding)).toBe(false);
  });
});
