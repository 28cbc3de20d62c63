// The baseline of `check --baseline FILE`: a previous `batchable check --format json` output. Only its shares
// are used; they are read back at the 6 decimals they were written with, so an unchanged bill compares equal.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError, pathProblem } from '../errors.ts';
import { frac, type Fraction } from '../simulate/fraction.ts';

export const shareNames = ['sync_share_spend', 'sync_share_requests', 'avoidable_share'] as const;
export type ShareName = (typeof shareNames)[number];

const share = z.number().min(0).max(1).nullable().optional();

const baselineSchema = z.object({
  schema_version: z.literal(1),
  shares: z.object({ sync_share_spend: share, sync_share_requests: share, avoidable_share: share }),
});

export type Baseline = { readonly file: string; readonly shares: Readonly<Record<ShareName, Fraction | null>> };

/** Shares are written with 6 decimals: micro-units are exact integers. */
export const sharePlaces = 6;
const shareScale = 10n ** BigInt(sharePlaces);

const fromJsonShare = (value: number | null | undefined): Fraction | null =>
  value === null || value === undefined ? null : frac(BigInt(Math.round(value * Number(shareScale))), shareScale);

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(file, undefined, `cannot read the --baseline file (${pathProblem(error)}); write one with \`batchable check ... --format json > ${file}\``, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, undefined, `--baseline is not JSON (${error instanceof Error ? error.message : String(error)}); expected the output of \`batchable check --format json\``, {
      cause: error,
    });
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new InputError(file, undefined, `--baseline is not a \`batchable check --format json\` output${where}: ${issue?.message ?? 'invalid'}`);
  }
  const shares = parsed.data.shares;
  return {
    file,
    shares: {
      sync_share_spend: fromJsonShare(shares.sync_share_spend),
      sync_share_requests: fromJsonShare(shares.sync_share_requests),
      avoidable_share: fromJsonShare(shares.avoidable_share),
    },
  };
}
