// The eval's simulated team (eval/answers.ts): it answers the starter file `rules suggest` writes by uncommenting
// one label line per question, and the answered file is a valid rules file with exactly those labels.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { answerSuggestions } from '../../eval/answers.ts';
import { loadRules } from '../../src/classify/rules/load.ts';
import { renderSuggestions, type Suggestion, type Suggestions } from '../../src/classify/suggest.ts';

const suggestion = (workload: string): Suggestion => ({
  workload, label: 'blocking', confidence: 0.5, decidedBy: 'default', nameOnly: false, costPico: 10n ** 12n, requests: 100n, uncountedRows: 0n, estimatedRequests: 0n, waits: [], free: [], busiestDay: 'Monday', busiestHour: 9, sharedName: false, usageRows: false, apart: [],
});
const drafted: Suggestions = {
  totalPico: 5n * 10n ** 12n, lowPico: 3n * 10n ** 12n, calls: 1000n,
  workloads: [suggestion('proj_a · gpt-5.4 · chat'), suggestion('nightly "digest" [v2] · no user or trace'), suggestion('left alone')],
};

async function parsed(yaml: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'answers-')), 'rules.yaml');
  writeFileSync(file, yaml);
  return (await loadRules(file))?.rules ?? [];
}

test('answers uncomment one label per answered question; unanswered rules change no label', async () => {
  const answers = new Map([
    ['proj_a · gpt-5.4 · chat', 'blocking'],
    ['nightly "digest" [v2] · no user or trace', 'non_blocking'],
  ] as const);
  const { yaml, answered } = answerSuggestions(renderSuggestions(drafted, 'test.csv'), answers);
  expect(answered).toBe(2);
  const rules = await parsed(yaml);
  expect(rules.map((r) => [r.match.workload, r.label])).toEqual([
    ['proj_a · gpt-5.4 · chat', 'blocking'],
    ['nightly "digest" [[]v2] · no user or trace', 'non_blocking'], // the name as a glob that matches it alone
    ['left alone', undefined],
  ]);
  // As drafted, the file labels nothing.
  expect((await parsed(renderSuggestions(drafted, 'test.csv'))).every((r) => r.label === undefined)).toBe(true);
});

test('a file without the drafted shape is an error, not a silently unanswered file', () => {
  const answers = new Map([['proj_a · gpt-5.4 · chat', 'non_blocking']] as const);
  const withoutLabelLines = renderSuggestions(drafted, 'test.csv').replaceAll('# label:', '# lbl:');
  expect(() => answerSuggestions(withoutLabelLines, answers)).toThrow(/answered 0 of 1/);
  expect(() => answerSuggestions('rules: []\n', answers)).toThrow(/1 answers but 0 rules/);
});
