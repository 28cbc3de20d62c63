// OpenRouter: what its API exposes for an account's generations is one generation at a time, by id
// (GET /api/v1/generation?id=gen-…, https://openrouter.ai/docs/api/api-reference/generations/get-generation; any API
// key of the account, as a Bearer token). There is no listing: the ids come from the application, which gets one in
// every completion response. So `pull openrouter --ids FILE` fetches each id not fetched before, writes the
// responses to `raw/openrouter/generations-<time>.jsonl.gz`, and ingests them with the openrouter-generation adapter.
// (The account's daily aggregates, GET /api/v1/activity, need a management key and carry no per-call signal; they are
// not pulled.)
// A 404 means the generation is not (yet) queryable (stats appear a few seconds after a completion ends): it is
// counted, named, and asked for again by the next pull.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Workspace } from '../db/workspace.ts';
import { InputError, UsageError } from '../errors.ts';
import { ingestFiles, type IngestSummary } from '../ingest/ingest.ts';
import { HttpClient, type HttpDeps, type RetryPolicy } from './http.ts';
import { rawDir, writeRaw } from './raw.ts';
import { endpoint, fromEnv, requireEnv, type Env } from './source.ts';
import type { PullProgress } from './run.ts';
import { stamp } from './time.ts';

export const openrouterReference = 'https://openrouter.ai/docs/api/api-reference/generations/get-generation';
const defaultBaseUrl = 'https://openrouter.ai/api/v1';
const baseUrlEnv = 'OPENROUTER_BASE_URL';
const keyHelp = 'an OpenRouter API key of the account that made the generations (openrouter.ai/settings/keys)';

export type OpenrouterPullOptions = {
  readonly db: string;
  /** A text file of generation ids, one per line (blank lines and # comments ignored). */
  readonly idsFile: string;
  readonly baseUrl?: string | undefined;
  readonly env: Env;
  readonly now?: (() => number) | undefined;
  readonly deps?: HttpDeps | undefined;
  readonly policy?: RetryPolicy | undefined;
  readonly onProgress?: ((event: PullProgress) => void) | undefined;
};

export type OpenrouterPullResult = {
  readonly rawDir: string;
  readonly requested: number;
  /** Ids a previous pull already fetched: not asked for again. */
  readonly alreadyHeld: number;
  readonly fetched: number;
  /** Ids the API does not know (yet): asked for again next time. */
  readonly notFound: readonly string[];
  readonly file: string | undefined;
  readonly ingest: IngestSummary;
};

const responseSchema = z.object({ data: z.object({ id: z.string(), created_at: z.string(), model: z.string() }) });
/** What a generation id may look like: OpenRouter's are `gen-` and letters, digits, dashes. */
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
const rawFile = /^generations-\d{8}T\d{4}Z(-\d+)?\.jsonl\.gz$/;

/** The ids of a file, in order, without repeats; a line that cannot be an id is an error with its line. */
export function readIds(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(file, undefined, `cannot read the ids file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const ids: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!idPattern.test(line)) throw new InputError(file, i + 1, `not a generation id: ${JSON.stringify(line.slice(0, 60))} (expected one id per line, e.g. gen-1234567890)`);
    ids.push(line);
  }
  return [...new Set(ids)];
}

/** The generation ids the raw files already hold. */
function heldIds(dir: string): { ids: Set<string>; files: string[] } {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => rawFile.test(n)).sort();
  } catch {
    // no directory yet: nothing held
  }
  const ids = new Set<string>();
  for (const name of names) {
    for (const line of gunzipSync(readFileSync(join(dir, name))).toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      const id = (JSON.parse(line) as { data?: { id?: unknown } }).data?.id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return { ids, files: names.map((n) => join(dir, n)) };
}

function baseUrl(options: OpenrouterPullOptions): string {
  const value = options.baseUrl ?? (options.env[baseUrlEnv]?.trim() || undefined) ?? defaultBaseUrl;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${options.baseUrl === undefined ? baseUrlEnv : '--base-url'} ${JSON.stringify(value)}: not a URL (expected e.g. https://openrouter.ai/api/v1)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--base-url ${value}: expected an http:// or https:// URL`);
  return value;
}

/** The requests `pull openrouter --ids FILE --dry-run` would make. */
export function openrouterDryRun(options: OpenrouterPullOptions): string[] {
  const base = baseUrl(options);
  const held = heldIds(rawDir(options.db, 'openrouter')).ids;
  const todo = readIds(options.idsFile).filter((id) => !held.has(id));
  const lines = todo.slice(0, 20).map((id) => {
    const url = endpoint(base, '/generation');
    url.searchParams.set('id', id);
    return `GET ${url.href}`;
  });
  if (todo.length > 20) lines.push(`… and ${todo.length - 20} more ids`);
  if (lines.length > 0) lines.push(`  authorization: Bearer ${fromEnv('OPENROUTER_API_KEY', options.env)}`);
  return lines;
}

export async function runOpenrouterPull(ws: Workspace, options: OpenrouterPullOptions): Promise<OpenrouterPullResult> {
  const base = baseUrl(options);
  const dir = rawDir(options.db, 'openrouter');
  const requestedIds = readIds(options.idsFile);
  const key = requireEnv(options.env, ['OPENROUTER_API_KEY'], `set it to ${keyHelp}`);
  const client = new HttpClient({
    source: 'openrouter',
    auth: { envVars: 'OPENROUTER_API_KEY', permission: keyHelp },
    headers: { authorization: `Bearer ${key}` },
    secrets: [key],
    policy: options.policy,
    deps: options.deps,
    onRetry: (notice) => options.onProgress?.({ kind: 'retry', notice }),
  });
  const held = heldIds(dir);
  const todo = requestedIds.filter((id) => !held.ids.has(id));
  const responses: unknown[] = [];
  const notFound: string[] = [];
  for (const [i, id] of todo.entries()) {
    const url = endpoint(base, '/generation');
    url.searchParams.set('id', id);
    const what = `generation ${id}`;
    const response = await client.findPage(url, responseSchema, what);
    if (response === undefined) notFound.push(id);
    else if (response.data.id !== id) throw client.malformed(url, what, `it answers for ${JSON.stringify(response.data.id.slice(0, 60))}`);
    else responses.push(response);
    options.onProgress?.({ kind: 'page', window: { start: 0, end: 0 }, pages: i + 1, buckets: 0, records: responses.length });
  }
  // One file per pull, named by its time; a second pull in the same minute gets a suffix.
  let file: string | undefined;
  if (responses.length > 0) {
    const at = stamp(Math.floor((options.now ?? Date.now)() / 60_000) * 60_000);
    const taken = new Set(held.files.map((f) => f.slice(f.lastIndexOf('/') + 1)));
    let name = `generations-${at}.jsonl.gz`;
    for (let n = 2; taken.has(name); n += 1) name = `generations-${at}-${n}.jsonl.gz`;
    file = writeRaw(dir, name, responses);
  }
  const ingest = await ingestFiles(ws, [...held.files, ...(file === undefined ? [] : [file])], {
    inputFormat: 'openrouter-generation',
    onProgress: (f, done) => options.onProgress?.({ kind: 'ingest', file: f, done }),
  });
  return { rawDir: dir, requested: requestedIds.length, alreadyHeld: requestedIds.length - todo.length, fetched: responses.length, notFound, file, ingest };
}
