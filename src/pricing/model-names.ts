// Exact model-name resolution. A name matches a catalog model only through its normalised form: lowercase,
// a known provider prefix stripped, a trailing snapshot date stripped, dots and dashes made equal. Never fuzzy:
// edit distance is used only to suggest ids in an error message.
import { routeOf } from './routes.ts';

/** Prefixes that name the provider (or a gateway in front of it) without changing the price. */
const providerPrefixes = ['openrouter', 'openai', 'anthropic', 'google', 'gemini', 'vertex_ai', 'deepseek', 'models'];

const snapshotDate = /[-@](\d{4}-\d{2}-\d{2}|\d{8})$/;

export function normaliseModel(name: string): string {
  let s = name.trim().toLowerCase();
  for (;;) {
    const slash = s.indexOf('/');
    if (slash < 0 || !providerPrefixes.includes(s.slice(0, slash))) break;
    s = s.slice(slash + 1);
  }
  return s.replace(snapshotDate, '').replaceAll('.', '-');
}

/**
 * The exact key of a name: lowercase, dots and dashes equal, a Vertex `@` version written as a dash, snapshot date
 * kept. Dated snapshots with their own price (`gpt-4o-2024-05-13`) are found by this key first.
 */
export function modelKey(name: string): string {
  return name.trim().toLowerCase().replaceAll('@', '-').replaceAll('.', '-');
}

/** A `-latest` / `-default` suffix names the current snapshot: tried after the exact key and the dateless one. */
export const withoutLatest = (key: string): string => key.replace(/-(latest|default)$/, '');

/** True when the name carries a snapshot date (used to prefer undated keys when importing). */
export const hasSnapshotDate = (name: string): boolean => snapshotDate.test(name.trim());

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * Up to `count` catalog ids closest to `name` (for messages only): ids the name starts with first, then by edit
 * distance, measured on the model the name's route names (`arn:aws:bedrock:…:foundation-model/x` is x). None when a
 * resource name names no model (an application inference profile ARN, a Vertex endpoint): the nearest ids to
 * `arn:aws:bedrock:us-east-1:4669…:application-inference-profile/xyz` were grok-4-fast-non-reasoning and the like.
 */
export function closestIds(name: string, ids: Iterable<string>, count = 3): string[] {
  const route = routeOf(name);
  if (route.namesNoModel === true) return [];
  const target = normaliseModel(route.name);
  return [...ids]
    .map((id) => ({ id, n: normaliseModel(id) }))
    .map(({ id, n }) => ({ id, n, p: target.startsWith(n) ? 0 : 1, d: editDistance(target, n) }))
    .filter(({ n, p, d }) => p === 0 || d <= nearEdits(target, n))
    .sort((a, b) => a.p - b.p || a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((x) => x.id);
}

/**
 * How many edits still make two names near: two, or two in five characters of the longer. A model of a family the
 * catalog does not hold is near none of its ids: real Bedrock logs' `amazon.nova-micro-v1:0` was offered o1-mini,
 * o1-pro and o3-mini, and Groq's `llama-3.1-8b-instant` gemma and claude ids, each as the alias to write.
 */
function nearEdits(a: string, b: string): number {
  return Math.max(2, Math.floor((Math.max(a.length, b.length) * 2) / 5));
}
