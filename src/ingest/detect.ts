// Picks the adapter for a file: the one the user named, or the first whose detector recognises the sample.
import { InputError, UnrecognisedFormat, UsageError } from '../errors.ts';
import { quoted } from '../report/escape.ts';
import type { Adapter, Sample } from './adapter.ts';
import { adapters } from './adapters/index.ts';

export function findAdapter(id: string): Adapter {
  const adapter = adapters.find((a) => a.id === id);
  if (adapter === undefined) {
    throw new UsageError(`--input-format ${id}: unknown format; one of: ${adapters.map((a) => a.id).join(', ')} (see \`batchable formats\`)`);
  }
  return adapter;
}

export function chooseAdapter(file: string, sample: Sample, requested?: string): Adapter {
  if (requested !== undefined) {
    const adapter = findAdapter(requested);
    if (!adapter.kinds.includes(sample.kind)) {
      throw new InputError(file, undefined, `looks like ${sample.kind.toUpperCase()}, but --input-format ${requested} reads ${adapter.kinds.join('/')}`);
    }
    return adapter;
  }
  const candidates = adapters.filter((a) => a.kinds.includes(sample.kind));
  const found = candidates.find((a) => a.detect(sample));
  if (found !== undefined) return found;
  // The names quoted are input: each is capped, so a binary or hostile header cannot fill the terminal.
  const names = (list: readonly string[]) => list.slice(0, 8).map((n) => quoted(n, 40)).join(', ');
  const seen = sample.kind === 'csv' || sample.kind === 'parquet' ? `header: ${names(sample.header)}` : `keys: ${names([...sample.keys].filter((k) => !k.includes('.')))}`;
  throw new UnrecognisedFormat(
    file,
    `unrecognised ${sample.kind.toUpperCase()} usage format (${seen}); checked against ${candidates.map((a) => a.id).join(', ')}. ` +
      'Pass --input-format NAME, or --map source_col=canonical_col to read it as batchable-csv/jsonl (see `batchable formats`)',
  );
}
