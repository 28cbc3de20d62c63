// Claude Code local logs (~/.claude/projects/<encoded cwd>/<session>.jsonl): one line per event of
// a session. Assistant lines carry the API response's `message.usage` (Anthropic's figures: input EXCLUDES cache
// reads and writes; cache writes split 5m / 1h under `cache_creation`). Every other line (user turns, tool results,
// system lines, summaries, file-history snapshots) is not usage and is skipped, never rejected.
//
// One response is written on several lines (one per content block, each repeating the usage, an early line of a
// streamed response holding a snapshot of it), so the call id is message id + request id and the engine keeps the
// line of each id with the most output tokens (repeatOrderSql; the others are counted as duplicates).
// Claude Code streams every response to a developer at a terminal: these calls are interactive by nature.
import { defineAdapter, hasAll, hasAny, type AdapterContext, type AdapterSelect, type SelectList } from '../adapter.ts';
import { jsonFields } from './sql-helpers.ts';

function claudeCodeSelect(ctx: AdapterContext): AdapterSelect {
  // Every field of a line in one parse of it (jsonFields): a session's lines are many and long.
  const line = jsonFields('j', '_j');
  const jtext = line.field;
  const usage = (path: string) => jtext(`message.usage.${path}`);
  const type = jtext('type');
  const model = jtext('message.model');
  // Claude Code writes `sessionId`; a published guide's line spells it `session_id`, read alike.
  const session = `coalesce(${jtext('sessionId')}, ${jtext('session_id')})`;
  const columns: SelectList = {
    _line: '_line',
    _path: '_elem',
    _skip: `CASE WHEN ${type} IS DISTINCT FROM 'assistant' THEN 'claude code ' || coalesce(${type}, 'untyped') || ' line: not usage'
      WHEN json_type(j, '$.message.usage') IS DISTINCT FROM 'OBJECT' THEN 'claude code assistant line without usage'
      WHEN ${model} = '<synthetic>' THEN 'claude code synthetic message (written by the CLI, no API call)' END`,
    call_id: `coalesce(${jtext('message.id')} || ':' || ${jtext('requestId')}, ${jtext('message.id')}, ${jtext('requestId')})`,
    granularity: "'call'",
    ts: jtext('timestamp'),
    provider: "'anthropic'",
    model,
    operation: "'chat'",
    lane: `bt_lane(${usage('service_tier')})`,
    service_tier_raw: usage('service_tier'),
    speed: usage('speed'),
    inference_geo: usage('inference_geo'),
    // The CLI always streams, to someone watching the terminal.
    streamed: "'true'",
    latency_ms: jtext('durationMs'),
    finish_reason: jtext('message.stop_reason'),
    status: `CASE WHEN ${jtext('isApiErrorMessage')} = 'true' THEN 'error' END`,
    input_tokens: usage('input_tokens'),
    cache_read_tokens: usage('cache_read_input_tokens'),
    cache_write_5m_tokens: usage('cache_creation.ephemeral_5m_input_tokens'),
    cache_write_1h_tokens: usage('cache_creation.ephemeral_1h_input_tokens'),
    // Older versions log only the total of cache writes: writes with no TTL split.
    cache_write_unknown_tokens: `CASE WHEN json_type(j, '$.message.usage.cache_creation') IS DISTINCT FROM 'OBJECT' THEN ${usage('cache_creation_input_tokens')} END`,
    output_tokens: usage('output_tokens'),
    // Extended thinking, counted inside output_tokens (2.1.233 logs it; informational, billed as output).
    reasoning_tokens: usage('output_tokens_details.thinking_tokens'),
    web_search_requests: usage('server_tool_use.web_search_requests'),
    session_id: session,
    trace_id: session,
    parent_id: jtext('parentUuid'),
    app: "'claude-code'",
    // Older versions wrote their own estimate of the cost.
    reported_cost: jtext('costUSD'),
    reported_cost_kind: `CASE WHEN ${jtext('costUSD')} IS NOT NULL THEN 'estimated' END`,
    tags: `json_merge_patch('{}', json_object('project', ${jtext('cwd')}, 'git_branch', nullif(${jtext('gitBranch')}, ''),
      'claude_code_version', ${jtext('version')}, 'sidechain', j->'isSidechain', 'agent_id', ${jtext('agentId')},
      'request_id', ${jtext('requestId')}, 'surface', 'claude-code (interactive coding agent)'))`,
  };
  return { columns, from: `(SELECT *, ${line.extract()} AS _j FROM ${ctx.src} WHERE j IS NOT NULL) lines` };
}

export const claudeCodeLogs = defineAdapter({
  id: 'claude-code',
  title: 'Claude Code local logs (~/.claude/projects/**/*.jsonl; assistant lines are calls, interactive by nature)',
  kinds: ['jsonl'],
  recognisedBy: 'lines with sessionId, uuid and parentUuid (Claude Code session events; session_id read as sessionId); only assistant lines with message.usage are calls',
  // Session files can open with summary or snapshot lines; the thread keys of the event lines are what is distinctive.
  detect: (sample) =>
    (hasAll(sample, ['uuid', 'parentUuid']) && hasAny(sample, ['sessionId', 'session_id']) && sample.keys.has('type') && !sample.keys.has('traceId')) ||
    // A session that holds only its summary lines (ccusage's "empty session"): not usage, but still this format.
    (sample.kind === 'jsonl' && sample.records.length > 0 &&
      sample.records.every((r) => typeof r === 'object' && r !== null && (r as Record<string, unknown>).type === 'summary' && 'leafUuid' in r)),
  idsFromSource: true,
  select: claudeCodeSelect,
});

export const claudeCodeAdapters = [claudeCodeLogs];
