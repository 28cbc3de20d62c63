// The limits table: every figure sourced and dated; routes pick the right endpoint; templates' id rules.
import { describe, expect, it } from 'vitest';
import { batchTargetFor, limitsCheckedOn, targets } from '../../src/plan/limits.ts';
import { idPrefix, recordIdPrefix } from '../../src/plan/templates.ts';

describe('limits table', () => {
  it('cites an https page for every figure and is dated', () => {
    expect(limitsCheckedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const t of Object.values(targets)) {
      const figures = [t.windowHours, t.maxRequestsPerJob, t.maxBytesPerJob, t.maxEmbeddingInputsPerJob, t.enqueuedTokens, t.concurrentJobs].filter((f) => f != null);
      for (const f of figures) expect(f.source, `${t.id}`).toMatch(/^https:\/\/\S+$/);
      // A limit not published as a number says why.
      for (const f of figures) if (f.value === null && t.kind === 'batch') expect(f.note, `${t.id}`).toBeTruthy();
      expect(t.docs).toMatch(/^https:\/\//);
    }
  });

  it('holds the documented per-batch figures', () => {
    expect(targets['openai-batch'].maxRequestsPerJob.value).toBe(50_000);
    expect(targets['openai-batch'].maxBytesPerJob.value).toBe(200 * 1024 * 1024);
    expect(targets['anthropic-message-batches'].maxRequestsPerJob.value).toBe(100_000);
    expect(targets['anthropic-message-batches'].maxBytesPerJob.value).toBe(256 * 1024 * 1024);
    expect(targets['gemini-batch'].maxBytesPerJob.value).toBe(2 * 1024 * 1024 * 1024);
  });

  it.each([
    ['openai', 'openai', 'openai-batch'],
    ['anthropic', 'anthropic', 'anthropic-message-batches'],
    ['google', 'google', 'gemini-batch'],
    ['vertex_ai', 'google', 'vertex-batch-prediction'],
    ['bedrock', 'anthropic', 'bedrock-batch-inference'],
    ['aws-bedrock', 'anthropic', 'bedrock-batch-inference'],
    ['deepseek', 'deepseek', null],
    [null, 'anthropic', 'anthropic-message-batches'],
  ])('source %s, catalog %s -> %s', (source, catalog, target) => {
    expect(batchTargetFor(source, catalog)).toBe(target);
  });
});

describe('template ids', () => {
  it('makes a custom_id prefix any provider accepts, from any workload name', () => {
    expect(idPrefix('nightly-digest')).toBe('nightly-digest');
    expect(idPrefix('Team A / Nightly Digest (v2)')).toBe('team-a-nightly-digest-v2');
    expect(idPrefix('é☃')).toBe('workload');
    expect(idPrefix('x'.repeat(80))).toHaveLength(40);
    expect(`${idPrefix('a'.repeat(80))}-20261001-000001`).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(recordIdPrefix('nightly-digest')).toBe('NIG');
    expect(recordIdPrefix('a')).toBe('AXX');
  });
});
