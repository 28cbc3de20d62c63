// Workload names: an explicit tag when the source has one, else the most specific grouping it allows.
// Computed once per distinct identity (tags, key, project, app, model, operation), not per row: exports
// repeat a handful of identities millions of times.
import { sqlString } from '../../db/sql.ts';
import { backgroundHintSql, interactiveHintSql, nameTextSql } from './names.ts';

/** Tag keys that name a workload, most explicit first. */
export const workloadTagKeys = ['workload', 'feature', 'job', 'job_name', 'task', 'pipeline', 'use_case', 'name', 'component'] as const;

export const explicitWorkloadSql = `coalesce(${workloadTagKeys
  .map((k) => `nullif(trim(json_extract_string(tags, ${sqlString(`$."${k}"`)})), '')`)
  .join(', ')})`;

/** One 64-bit hash per identity; NULLs hash too, so it is a join key without IS NOT DISTINCT FROM. */
export const identityHashSql = (alias: string): string =>
  `hash(${['tags::VARCHAR', 'api_key_name', 'api_key', 'project', 'app', 'model', 'operation'].map((c) => `${alias}.${c}`).join(', ')})`;

/**
 * Per identity: the name without rules (`proj_jobs · gpt-5.4 · chat`: project, plus the key when the project
 * holds several keys, model, operation) and the background / interactive words its names carry.
 */
export const identitiesSql = `
  WITH ids AS (
    SELECT ident, any_value(tags) AS tags, any_value(api_key_name) AS api_key_name, any_value(api_key) AS api_key,
      any_value(project) AS project, any_value(app) AS app, any_value(model) AS model, any_value(operation) AS operation
    FROM (SELECT ${identityHashSql('c')} AS ident, c.* FROM calls c) GROUP BY ident
  ), keyed AS (
    SELECT *, count(DISTINCT coalesce(api_key_name, api_key)) OVER (PARTITION BY project) AS keys_in_project FROM ids
  )
  SELECT ident,
    coalesce(${explicitWorkloadSql}, concat_ws(' · ',
      project,
      CASE WHEN project IS NULL OR keys_in_project > 1 THEN coalesce(api_key_name, api_key, CASE WHEN project IS NULL THEN app END) END,
      model,
      operation), 'unnamed') AS auto_workload,
    ${backgroundHintSql(nameTextSql)} AS bg_word,
    ${interactiveHintSql(nameTextSql)} AS fg_word,
    coalesce(api_key_name, api_key) AS key_id
  FROM keyed`;
