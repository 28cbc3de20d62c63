// The classify stage: what audit, simulate, check and explain call.
export { classifyCalls, type OrgShape } from './classify.ts';
export { exportCalls, partitions, type PartitionBy } from './export.ts';
export { loadRules } from './rules/load.ts';
export { compileRules, ruleOutcomes, type CompiledRules, type RuleOutcome } from './rules/compile.ts';
export { rulesFileSchema, rulesJsonSchema, type Rule, type Rules } from './rules/schema.ts';
