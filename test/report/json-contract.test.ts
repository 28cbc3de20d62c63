// The report JSON contract: real `--format json` output checked against the schema (strict: a field added to
// the output but not to the contract fails), the committed JSON Schema equal to the one generated from it, and
// money written from exact decimal text (never through a double).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema, reportJsonSchemaDocument } from '../../src/report/json-contract.ts';
import { intJson, JsonDecimal, stringifyJson, usdJson } from '../../src/report/json-number.ts';
import { fixture, repoRoot, runCli } from '../helpers/cli.ts';

const json = async (...args: string[]) => {
  const r = await runCli([...args, '--db', ':memory:', '--format', 'json']);
  expect(r.code).toBe(0);
  return { text: r.stdout, doc: reportJsonSchema.parse(JSON.parse(r.stdout)) };
};

describe('report JSON contract', () => {
  it('schemas/report.schema.json is the schema the code checks against', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'schemas/report.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(reportJsonSchemaDocument());
  });

  it('audit and simulate output, with and without a reconciliation, follow the contract', async () => {
    const plain = await json('audit', fixture('seeds/ten-thousand-dollars.csv'));
    expect(plain.doc.reconciliation).toEqual([]);
    expect(plain.doc.billed_reconciliation).toBeNull();
    const reconciled = await json('simulate', fixture('seeds/gpt54-job.csv'), fixture('seeds/sonnet-job.csv'), '--structural-discount', 'anthropic=0.15', '--batch-share', '0.5', '--by', 'model');
    expect(reconciled.doc.reconciliation).toEqual([
      { model: 'gpt-5.4', lane: 'standard', rows: 1, recomputed_usd: 225, reported_usd: 225, residual_usd: 0, flag: null },
    ]);
  });

  it('the schema refuses a document that breaks the contract', () => {
    const good = { schema_version: 2 } as Record<string, unknown>;
    expect(reportJsonSchema.safeParse(good).success).toBe(false);
  });
});

describe('exact JSON numbers', () => {
  it('writes micro-dollars as their exact decimal, past what a double holds', () => {
    // 2^53 + 1 micro-dollars: Number() would print 9007199254.740992.
    expect(stringifyJson({ usd: usdJson(9_007_199_254_740_993n), n: intJson(12_345_678_901_234_567_891n) }, 0)).toBe('{"usd":9007199254.740993,"n":12345678901234567891}');
    expect(stringifyJson([usdJson(0n), usdJson(1_500n), usdJson(-2_500_000n), usdJson(225_000_000n)], 0)).toBe('[0,0.0015,-2.5,225]');
  });

  it('input text never becomes a number, whatever it holds', () => {
    const sneaky = '\u0000json-decimal:5';
    expect(JSON.parse(stringifyJson({ name: sneaky, v: new JsonDecimal('1') }, 0))).toEqual({ name: sneaky, v: 1 });
  });
});
