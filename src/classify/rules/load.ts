// Reading and validating a rules file (YAML or JSON). Every problem is exit 2 naming the file, the rule and the field.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { z } from 'zod';
import { InputError, UsageError, pathProblem } from '../../errors.ts';
import { parseHours, rulesFileSchema, type Rules } from './schema.ts';

export async function loadRules(file: string | undefined): Promise<Rules | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--rules ${file}: cannot read the rules file (${pathProblem(error)})`, { cause: error });
  }
  // The YAML parser loads only when a rules file is given.
  const { parse: parseYaml } = await import('yaml');
  const data = parseDocument(file, text, parseYaml);
  const parsed = rulesFileSchema.safeParse(data);
  if (!parsed.success) throw new InputError(file, undefined, describeIssue(data, parsed.error));
  const rules = Array.isArray(parsed.data) ? parsed.data : parsed.data.rules;
  rules.forEach((rule, index) => {
    if (rule.match.hours !== undefined && parseHours(rule.match.hours) === undefined) {
      throw new InputError(file, undefined, `${ruleLabel(index, rule.name)}: field match.hours "${rule.match.hours}": hours are 0-23 (end up to 24), e.g. "0-6" or "22-2"`);
    }
  });
  return { file, rules };
}

function parseDocument(file: string, text: string, parseYaml: (text: string) => unknown): unknown {
  const json = extname(file).toLowerCase() === '.json';
  try {
    return json ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new InputError(file, line, `not valid ${json ? 'JSON' : 'YAML'} (${message})`, { cause: error });
  }
}

const ruleLabel = (index: number, name: unknown): string => `rule ${index + 1}${typeof name === 'string' ? ` "${name}"` : ''}`;

/** The first issue as "rule 2 "etl": field match.api_key: expected ...". */
function describeIssue(data: unknown, error: z.ZodError): string {
  const issue = pickIssue(error);
  if (issue === undefined) return 'invalid rules file';
  const path = [...issue.path];
  if (path[0] === 'rules') path.shift();
  const list = Array.isArray(data) ? data : (data as { rules?: unknown } | null)?.rules;
  if (typeof path[0] === 'number' && Array.isArray(list)) {
    const index = path.shift() as number;
    const rule = list[index] as { name?: unknown } | undefined;
    const field = path.length > 0 ? `field ${path.join('.')}` : 'rule';
    return `${ruleLabel(index, rule?.name)}: ${field}: ${issue.message}`;
  }
  return `expected a list of rules (or {rules: [...]}) with name, match, workload, label, deadline: ${issue.message}`;
}

/** Union errors hide the useful issue inside; take the deepest one (the array branch is the one users write). */
function pickIssue(error: z.ZodError): z.core.$ZodIssue | undefined {
  let best: z.core.$ZodIssue | undefined;
  const visit = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      const full = { ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodIssue;
      if (issue.code === 'invalid_union') {
        for (const branch of issue.errors) visit(branch, full.path);
      } else if (best === undefined || full.path.length > best.path.length) best = full;
    }
  };
  visit(error.issues, []);
  return best;
}
