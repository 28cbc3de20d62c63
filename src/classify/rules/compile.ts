// Rules -> one parameterised SQL CASE expression giving, per call, the index of the first rule that matches.
// Rule values (globs, tag paths, hours) only ever reach SQL as parameters; only column names, fixed by the
// schema, are written into the text. The expression reads the columns of `calls` plus `auto_workload` and
// `unattributed_workload`.
import type { DuckDBValue } from '@duckdb/node-api';
import { columnMatchKeys, deadlineMinutes, parseHours, tagKeyPattern, type Rule, type Rules } from './schema.ts';
import { InternalError } from '../../errors.ts';

export type CompiledRules = { readonly sql: string; readonly params: Record<string, DuckDBValue> };

/** What a matching rule sets, in the order of the file (rule_idx is the index in that order). */
export type RuleOutcome = {
  readonly rule_idx: number;
  readonly rule_name: string;
  readonly workload: string | null;
  readonly label: 'blocking' | 'non_blocking' | null;
  readonly deadline_minutes: number | null;
};

/**
 * The column each match key tests. `workload` tests the name the call would get without rules: the grouping's
 * name, or for a call with no user, trace or stream, also its own workload's (`… · no user or trace`,
 * `unattributed_workload`), so a rule naming the grouping still covers all its calls and a rule naming the
 * split-off workload (as `rules suggest` writes it) covers those alone.
 */
const columnFor: Record<(typeof columnMatchKeys)[number], string> = {
  api_key: 'api_key',
  api_key_name: 'api_key_name',
  project: 'project',
  model: 'model',
  operation: 'operation',
  user_id: 'user_id',
  provider: 'provider',
  app: 'app',
  workload: 'auto_workload',
};

export function compileRules(rules: Rules | undefined): CompiledRules {
  const params: Record<string, DuckDBValue> = {};
  if (rules === undefined || rules.rules.length === 0) return { sql: 'CAST(NULL AS INTEGER)', params };
  const whens = rules.rules.map((rule, index) => `WHEN ${conditionSql(rule, index, params)} THEN ${index}`);
  return { sql: `CASE\n  ${whens.join('\n  ')}\nEND`, params };
}

function conditionSql(rule: Rule, index: number, params: Record<string, DuckDBValue>): string {
  const parts: string[] = [];
  const bind = (suffix: string, value: DuckDBValue): string => {
    const name = `r${index}_${suffix}`;
    params[name] = value;
    return `$${name}`;
  };
  Object.entries(rule.match).forEach(([key, value], keyIndex) => {
    if (value === undefined) return;
    if (key === 'hours') {
      const ranges = parseHours(value as string) ?? [];
      const tests = ranges.map((r, i) => {
        const from = bind(`h${i}_from`, r.from);
        const to = bind(`h${i}_to`, r.to);
        // [from, to) in UTC hours; from >= to wraps past midnight.
        return r.from < r.to ? `(hour(ts) >= ${from} AND hour(ts) < ${to})` : `(hour(ts) >= ${from} OR hour(ts) < ${to})`;
      });
      parts.push(`(${tests.join(' OR ')})`);
      return;
    }
    const globs = Array.isArray(value) ? value : [value as string];
    let column: string;
    if (key.startsWith('tags.')) {
      const tagKey = key.slice('tags.'.length);
      if (!tagKeyPattern.test(tagKey)) throw new InternalError(`unvalidated tag key ${tagKey}`); // the schema rejects these first
      column = `json_extract_string(tags, ${bind(`m${keyIndex}_path`, tagPath(tagKey))})`;
    } else {
      column = columnFor[key as keyof typeof columnFor];
    }
    const tests = globs.map((glob, i) => {
      const param = bind(`m${keyIndex}_${i}`, glob);
      return key === 'workload' ? `(${column} GLOB ${param} OR unattributed_workload GLOB ${param})` : `${column} GLOB ${param}`;
    });
    parts.push(`coalesce(${tests.length === 1 ? tests[0] : `(${tests.join(' OR ')})`}, false)`);
  });
  return parts.length === 1 ? (parts[0] ?? 'false') : `(${parts.join(' AND ')})`;
}

export function ruleOutcomes(rules: Rules | undefined): RuleOutcome[] {
  return (rules?.rules ?? []).map((rule, index) => {
    const deadline = rule.deadline === undefined ? null : deadlineMinutes(rule.deadline);
    const label = rule.label ?? (deadline === null ? null : deadline < 60 ? 'blocking' : 'non_blocking');
    return { rule_idx: index, rule_name: rule.name ?? `rule ${index + 1}`, workload: rule.workload ?? null, label, deadline_minutes: deadline };
  });
}

/** `$."job"."name"`: every segment quoted, so `-` and digits are plain key characters (the key has no quotes). */
const tagPath = (key: string): string => `$.${key.split('.').map((segment) => `"${segment}"`).join('.')}`;
