// Reading a `pricing update` source: a named database (its canonical URL), a URL, or a local file, with a
// timeout and a size cap (the body is streamed and abandoned past the cap), then parsed and imported.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { BatchableError, UsageError } from '../../errors.ts';
import { importGenaiPrices, isGenaiPrices } from './genai-prices.ts';
import type { ImportedModel } from './imported.ts';
import { importLitellm, isLitellm } from './litellm.ts';
import { importModelsDev, isModelsDev } from './models-dev.ts';
import { importOpenrouter, isOpenrouter } from './openrouter.ts';

type Importer = { readonly name: string; readonly url: string; readonly detect: (json: unknown) => boolean; readonly run: (json: unknown, source: string) => ImportedModel[] };

/** Named sources and their canonical URLs. */
export const importers: readonly Importer[] = [
  { name: 'litellm', url: 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json', detect: isLitellm, run: importLitellm },
  { name: 'models.dev', url: 'https://models.dev/api.json', detect: isModelsDev, run: importModelsDev },
  { name: 'genai-prices', url: 'https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json', detect: isGenaiPrices, run: importGenaiPrices },
  { name: 'openrouter', url: 'https://openrouter.ai/api/v1/models', detect: isOpenrouter, run: importOpenrouter },
];

import { defaultLimits, type FetchLimits } from '../defaults.ts';

export { defaultLimits, type FetchLimits };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 3 : 0)} MB`;

async function fetchCapped(url: string, limits: FetchLimits): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!response.ok) throw new BatchableError(`--source ${url}: HTTP ${response.status} ${response.statusText}; check the URL or pass a downloaded file`);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) throw tooBig(url, limits);
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const next = await reader!.read();
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limits.maxBytes) {
        controller.abort();
        throw tooBig(url, limits);
      }
      chunks.push(next.value);
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof BatchableError) throw error;
    if (controller.signal.aborted) {
      throw new BatchableError(`--source ${url}: no complete answer within ${limits.timeoutMs / 1000} s; retry, raise --timeout, or download the file and pass its path`, 2, { cause: error });
    }
    throw new BatchableError(`--source ${url}: cannot download (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}); check the URL or pass a downloaded file`, 2, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

const tooBig = (source: string, limits: FetchLimits) =>
  new BatchableError(`--source ${source}: larger than the ${mb(limits.maxBytes)} cap; not a price database (raise --max-bytes if it really is)`);

/** Reads, parses and imports a source; every failure is exit 2 with what went wrong and where. */
export async function readSource(source: string, limits: FetchLimits = defaultLimits): Promise<{ label: string; models: ImportedModel[] }> {
  const named = importers.find((i) => i.name === source);
  const url = named?.url ?? (/^https?:\/\//i.test(source) ? source : undefined);
  let text: string;
  if (url !== undefined) text = await fetchCapped(url, limits);
  else {
    if (!existsSync(source) || !statSync(source).isFile()) {
      throw new UsageError(`--source ${source}: not a named source (${importers.map((i) => i.name).join(', ')}), a URL or an existing file`);
    }
    if (statSync(source).size > limits.maxBytes) throw tooBig(source, limits);
    text = readFileSync(source, 'utf8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BatchableError(`--source ${source}: not valid JSON (${error instanceof Error ? error.message : String(error)}); the download may be truncated`);
  }
  const importer = named ?? importers.find((i) => i.detect(json));
  if (importer === undefined) {
    throw new BatchableError(`--source ${source}: not a known price database shape (LiteLLM, models.dev, genai-prices or OpenRouter)`);
  }
  return { label: named !== undefined ? named.name : source, models: importer.run(json, source) };
}
