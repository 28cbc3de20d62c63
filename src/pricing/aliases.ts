// The user's aliases file (DIR/aliases.json next to the user catalogs): private names such as Azure deployment
// names or internal proxy names, mapped to catalog ids. Validated by zod; pricing/aliases.schema.json is generated
// from the same schema (scripts/build-catalog.mjs). Written by `batchable pricing alias NAME=CATALOG_ID`.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.ts';

export { aliasesFileName } from './catalog-files.ts';

export const userAliasSchema = z
  .object({
    name: z.string().min(1).describe('the model name as calls write it (an Azure deployment, a proxy name…), matched case-insensitively'),
    model: z.string().min(1).describe('the catalog id (or any spelling of it) whose prices apply'),
    provider: z.string().min(1).optional().describe("only for calls of this provider (e.g. azure); absent: any provider"),
    added: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('when the alias was written'),
  })
  .strict();

export const aliasesFileSchema = z
  .object({
    $schema: z.string().optional(),
    aliases: z.array(userAliasSchema),
  })
  .strict();

export type UserAlias = z.infer<typeof userAliasSchema>;
export type AliasesFile = z.infer<typeof aliasesFileSchema>;

/** The JSON Schema published as pricing/aliases.schema.json. */
export function aliasesJsonSchema(): unknown {
  return z.toJSONSchema(aliasesFileSchema, { io: 'input' });
}

export function readAliasesFile(file: string): UserAlias[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(file, undefined, `not a valid aliases file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = aliasesFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new InputError(file, undefined, `not a valid aliases file: ${problems.join('; ')} (format: pricing/aliases.schema.json)`);
  }
  const seen = new Map<string, number>();
  parsed.data.aliases.forEach((a, i) => {
    const key = `${a.name.toLowerCase()}\u0000${a.provider ?? ''}`;
    const prior = seen.get(key);
    if (prior !== undefined) throw new InputError(file, undefined, `aliases.${i}: "${a.name}"${a.provider ? ` (provider ${a.provider})` : ''} is already defined at aliases.${prior}; keep one`);
    seen.set(key, i);
  });
  return parsed.data.aliases.map((a) => (a.provider === undefined ? a : { ...a, provider: a.provider.toLowerCase() }));
}

/**
 * Adds or replaces one alias (same name and provider) and writes the file atomically (temp file + rename).
 * Returns the alias it replaced, if any.
 */
export function writeAlias(file: string, alias: UserAlias): UserAlias | undefined {
  const aliases = existsSync(file) ? readAliasesFile(file) : [];
  const same = (a: UserAlias) => a.name.toLowerCase() === alias.name.toLowerCase() && (a.provider ?? '') === (alias.provider ?? '');
  const replaced = aliases.find(same);
  const next: AliasesFile = { aliases: [...aliases.filter((a) => !same(a)), alias] };
  aliasesFileSchema.parse(next);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(tmp, file);
  return replaced;
}
