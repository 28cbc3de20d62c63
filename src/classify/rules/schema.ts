// The rules file (--rules FILE): ordered rules whose first match decides a call's workload and/or label.
// One zod schema is the validation, the TypeScript type and (via z.toJSONSchema) the published JSON Schema.
import { z } from 'zod';
import { InternalError } from '../../errors.ts';

/** A glob (DuckDB GLOB: *, ?, [abc]) or a list of globs, any of which may match. */
const globOrList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** `0-6` covers 00:00-05:59 UTC; `22-2` wraps past midnight; `9` is 09:00-09:59; ranges join with commas. */
export const hoursPattern = /^\s*\d{1,2}(\s*-\s*\d{1,2})?(\s*,\s*\d{1,2}(\s*-\s*\d{1,2})?)*\s*$/;

/** `30m`, `12h`, `2d`. */
export const deadlinePattern = /^(\d+)\s*(m|min|h|d)$/;

/** A `tags.<key>` match key; dots in the key walk nested objects. */
export const tagKeyPattern = /^[A-Za-z0-9_.-]+$/;

export const columnMatchKeys = ['api_key', 'api_key_name', 'project', 'model', 'operation', 'user_id', 'provider', 'app', 'workload'] as const;

const matchShape = Object.fromEntries(columnMatchKeys.map((k) => [k, globOrList.optional()])) as Record<
  (typeof columnMatchKeys)[number],
  z.ZodOptional<typeof globOrList>
>;

export const ruleMatchSchema = z
  .object({
    ...matchShape,
    hours: z.string().regex(hoursPattern, 'expected UTC hour ranges like "0-6" or "22-2,12"')
      .describe('UTC hours of the call start: "0-6" is 00:00-05:59, "22-2" wraps past midnight, "9" is 09:00-09:59; comma-separated').optional(),
  })
  .catchall(globOrList)
  .describe('Every key must match (AND). Values are DuckDB globs (*, ?, [abc]) or lists of globs (OR). `workload` tests the name the call would get without rules; `tags.<key>` tests a tag value (dots walk nested objects).')
  .superRefine((match, ctx) => {
    const known = new Set<string>([...columnMatchKeys, 'hours']);
    for (const key of Object.keys(match)) {
      if (known.has(key)) continue;
      if (!key.startsWith('tags.') || !tagKeyPattern.test(key.slice('tags.'.length))) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `unknown match key; use one of ${[...known].join(', ')} or tags.<key> (letters, digits, _ . -)`,
        });
      }
    }
    if (Object.keys(match).length === 0) ctx.addIssue({ code: 'custom', message: 'match needs at least one key (use model: "*" to match every call)' });
  });

export const ruleSchema = z
  .object({
    name: z.string().min(1).describe('shown in reasons and `explain`').optional(),
    match: ruleMatchSchema,
    workload: z.string().min(1).describe('name the matching calls\' workload').optional(),
    label: z.enum(['blocking', 'non_blocking']).describe('decide the label (rules beat heuristics; only an already-batch lane beats a rule)').optional(),
    deadline: z.string().regex(deadlinePattern, 'expected a duration like "30m", "12h" or "2d"')
      .describe('when the result is needed: under 1h means blocking, 1h or more batchable (under 24h is flagged as a risk)').optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.workload === undefined && rule.label === undefined && rule.deadline === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a rule sets at least one of workload, label, deadline' });
    }
    if (rule.label !== undefined && rule.deadline !== undefined) {
      const minutes = deadlineMinutes(rule.deadline);
      const implied = minutes < 60 ? 'blocking' : 'non_blocking';
      if (implied !== rule.label) {
        ctx.addIssue({ code: 'custom', path: ['deadline'], message: `deadline ${rule.deadline} means ${implied}, but label says ${rule.label}` });
      }
    }
  });

export const rulesFileSchema = z
  .union([z.array(ruleSchema), z.object({ rules: z.array(ruleSchema) }).strict()])
  .describe('batchable rules file: ordered rules, the first match wins (batchable --rules FILE)');

export type Rule = z.infer<typeof ruleSchema>;
export type RuleMatch = z.infer<typeof ruleMatchSchema>;
/** The validated, ordered rules of one file. */
export type Rules = { readonly file: string; readonly rules: readonly Rule[] };

/** Minutes in a deadline string already validated by deadlinePattern. */
export function deadlineMinutes(text: string): number {
  const m = deadlinePattern.exec(text.trim());
  if (!m) throw new InternalError(`not a deadline: ${text}`);
  const n = Number(m[1]);
  return m[2] === 'd' ? n * 1440 : m[2] === 'h' ? n * 60 : n;
}

/** Hour ranges as [start, end) pairs in 0..24, already validated by hoursPattern; undefined if out of range. */
export function parseHours(text: string): { from: number; to: number }[] | undefined {
  const ranges: { from: number; to: number }[] = [];
  for (const part of text.split(',')) {
    const [a, b] = part.split('-').map((s) => Number(s.trim()));
    if (a === undefined || a > 23) return undefined;
    const to = b === undefined ? (a + 1) % 24 : b;
    if (to > 24 || to === a) return undefined;
    ranges.push({ from: a, to: to % 24 });
  }
  return ranges;
}

/** The JSON Schema published at schemas/rules.schema.json (test/classify/rules-schema.test.ts keeps the file in step). */
export function rulesJsonSchema(): unknown {
  return z.toJSONSchema(rulesFileSchema, { io: 'input', unrepresentable: 'any' });
}
