// Google Gemini: API responses logged as JSONL, Batch API results, Vertex AI request-response logs from BigQuery.
// Token rule (usageMetadata): promptTokenCount INCLUDES cachedContentTokenCount; toolUsePromptTokenCount and
// thoughtsTokenCount are OUTSIDE prompt and candidates; thoughts are billed as output.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geminiBatchJob, geminiBatchResults, geminiResponses, vertexBatchPredictions, vertexBigQueryLogs } from '../../src/ingest/adapters/google.ts';
import { adapters } from '../../src/ingest/adapters/index.ts';
import { chooseAdapter } from '../../src/ingest/detect.ts';
import { sniff } from '../../src/ingest/sniff.ts';
import { fixture, runCli } from '../helpers/cli.ts';
import { ingested, picoOfUsd, pricedFiles } from '../helpers/workspace.ts';
import { classifyCalls } from '../../src/classify/index.ts';

const responses = fixture('google/gemini-responses.jsonl');
const batch = fixture('google/gemini-batch-results.jsonl');
const vertexJsonl = fixture('google/vertex-request-response.jsonl');
const vertexCsv = fixture('google/vertex-request-response.csv');
const vertexBatch = fixture('google/vertex-batch-predictions.jsonl');
const batchJob = fixture('google/gemini-batch-job-inline.json');
const batchJobSdk = fixture('google/gemini-batch-job-sdk.json');
const tokens = 'call_id, model, provider, lane, input_tokens, cache_read_tokens, output_tokens, reasoning_tokens, input_tokens_reported';

describe('google detection', () => {
  it('recognises each file as its own format, and no other format takes it', async () => {
    const cases = [[responses, 'gemini-responses'], [batch, 'gemini-batch-results'], [vertexJsonl, 'vertex-request-response-logs'], [vertexCsv, 'vertex-request-response-logs'], [vertexBatch, 'vertex-batch-predictions'],
      [batchJob, 'gemini-batch-job'], [batchJobSdk, 'gemini-batch-job']] as const;
    for (const [file, id] of cases) {
      const sample = await sniff(file);
      expect(chooseAdapter(file, sample).id, file).toBe(id);
      expect(adapters.filter((a) => a.id !== id && a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id), file).toEqual([]);
    }
  });
  it('does not take OpenAI, Anthropic, Bedrock, Langfuse or OTel files', async () => {
    for (const other of ['openai/batch-output.jsonl', 'anthropic/batch-results.jsonl', 'bedrock/batch-output.jsonl.out', 'langfuse/observations.jsonl', 'otel/spans.jsonl', 'batchable/mixed-workloads.csv']) {
      const sample = await sniff(fixture(other));
      for (const a of [geminiResponses, geminiBatchResults, vertexBigQueryLogs, vertexBatchPredictions, geminiBatchJob]) expect(a.detect(sample), `${a.id} on ${other}`).toBe(false);
    }
  });
});

describe('gemini-responses', () => {
  it('uncached input = prompt - cached + tool-use prompt; output = candidates + thoughts; audio stays inside the prompt', async () => {
    const { ws, summary } = await ingested([responses]);
    expect(summary.files[0]).toMatchObject({ rows: 4, calls: 3, skipped: 1, rejects: 0 });
    const rows = await ws.all(`SELECT ${tokens}, ts, tags->'prompt_tokens_details' AS details FROM calls ORDER BY source_row`);
    expect(rows).toMatchObject([
      // langfuse/langfuse#12531's numbers: 324 in, 1364 + 495 out.
      { call_id: 'Qm2vaJ3bFoSbz7IPq8GAwQ0', model: 'gemini-2.5-flash', provider: 'google', lane: 'standard', input_tokens: 324n, cache_read_tokens: null,
        output_tokens: 1859n, reasoning_tokens: 495n, input_tokens_reported: 324n },
      { call_id: 'Vx1qaK7yLpGgz7IP2eSX8Ao', model: 'gemini-2.5-pro', input_tokens: 5500n, cache_read_tokens: 8000n, output_tokens: 500n, reasoning_tokens: 200n,
        input_tokens_reported: 12000n, ts: new Date('2026-09-22T08:15:30Z'),
        details: '[{"modality":"TEXT","tokenCount":9600},{"modality":"AUDIO","tokenCount":2400}]' },
      // snake_case (Python SDK), no candidates count: output 0.
      { call_id: 'py-3', model: 'gemini-2.5-flash', input_tokens: 410n, cache_read_tokens: null, output_tokens: 0n, reasoning_tokens: null },
    ]);
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'skip'")).toEqual([{ line: 4n, reason: 'Gemini response without usageMetadata: not usage' }]);
  });
});

describe('gemini-batch-results', () => {
  it('reads results on the batch lane; a failed request is skipped as not billed', async () => {
    const { ws, summary } = await ingested([batch]);
    expect(summary.files[0]).toMatchObject({ rows: 3, calls: 2, skipped: 1, rejects: 0 });
    expect(await ws.all(`SELECT ${tokens}, tags->>'key' AS key FROM calls ORDER BY source_row`)).toEqual([
      { call_id: 'bt-1', model: 'gemini-2.5-flash', provider: 'google', lane: 'batch', input_tokens: 820n, cache_read_tokens: null, output_tokens: 64n,
        reasoning_tokens: 60n, input_tokens_reported: 820n, key: 'ticket-1' },
      { call_id: 'bt-2', model: 'gemini-2.5-flash', provider: 'google', lane: 'batch', input_tokens: 852n, cache_read_tokens: 2048n, output_tokens: 5n,
        reasoning_tokens: null, input_tokens_reported: 2900n, key: 'ticket-2' },
    ]);
    expect(await ws.all("SELECT reason FROM rejects WHERE kind = 'skip'")).toEqual([{ reason: 'Gemini batch request failed (Request contains an invalid argument.): not billed' }]);
  });
});

describe('gemini-batch-results of an embeddings job (fixtures/SOURCES.md: the Gemini cookbook\'s real results)', () => {
  it('names no model: rejected with the jq line that adds it; with it, embeddings calls of tokenCount input on the batch lane', async () => {
    const file = fixture('google/gemini-batch-embeddings.jsonl');
    expect(chooseAdapter(file, await sniff(file)).id).toBe('gemini-batch-results');
    const { summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ rows: 2, calls: 0, rejects: 2 });
    expect(summary.files[0]?.firstRejects[0]?.reason).toContain(`jq -c '. + {model: "MODEL"}' FILE > FILE.with-model.jsonl`);
    const withModel = join(mkdtempSync(join(tmpdir(), 'batchable-gemini-')), 'embeddings.jsonl');
    writeFileSync(withModel, readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.stringify({ ...JSON.parse(line), model: 'gemini-embedding-001' })).join('\n') + '\n');
    const { ws, summary: fixed } = await ingested([withModel]);
    expect(fixed.files[0]).toMatchObject({ calls: 2, rejects: 0 });
    expect(await ws.all("SELECT model, operation, lane, input_tokens, output_tokens, tags->>'key' AS key FROM calls ORDER BY key")).toEqual([
      { model: 'gemini-embedding-001', operation: 'embeddings', lane: 'batch', input_tokens: 1n, output_tokens: 0n, key: 'request_1' },
      { model: 'gemini-embedding-001', operation: 'embeddings', lane: 'batch', input_tokens: 1n, output_tokens: 0n, key: 'request_2' },
    ]);
  });
});

describe('gemini-batch-job', () => {
  // fixtures/SOURCES.md: written from the Batch API reference (GenerateContentBatch, GenerateContentBatchOutput) and the
  // google-genai SDK's BatchJob; the results appear twice in the REST job (under `response` and `metadata.output`).
  it('a finished job of inline requests (REST): each result once, on the batch lane, timed by the job end; a failed one skipped', async () => {
    const { ws, summary } = await ingested([batchJob]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 3, calls: 2, skipped: 1, rejects: 0 });
    expect(await ws.all(`SELECT ${tokens}, ts, source_path AS path, tags->>'key' AS key, tags->>'batch' AS batch FROM calls ORDER BY source_path`)).toEqual([
      { call_id: 'Xb5MaK-GIt6hz7IPyMSk8Qk', model: 'gemini-2.5-flash', provider: 'google', lane: 'batch', input_tokens: 41n, cache_read_tokens: null, output_tokens: 2n,
        reasoning_tokens: null, input_tokens_reported: 41n, ts: new Date('2026-10-14T02:07:41.903Z'), path: '/response/inlinedResponses/inlinedResponses/0',
        key: 'ticket-1001', batch: 'batches/5ixqb2gduc9x7wv1ly3z9vbe6cpdoyw6v0ab' },
      { call_id: 'Xb5MaOfXHsPYz7IPmbXW8Q0', model: 'gemini-2.5-flash', provider: 'google', lane: 'batch', input_tokens: 57n, cache_read_tokens: null, output_tokens: 254n,
        reasoning_tokens: 252n, input_tokens_reported: 57n, ts: new Date('2026-10-14T02:07:41.903Z'), path: '/response/inlinedResponses/inlinedResponses/1',
        key: 'ticket-1002', batch: 'batches/5ixqb2gduc9x7wv1ly3z9vbe6cpdoyw6v0ab' },
    ]);
    expect(await ws.all("SELECT path, reason FROM rejects WHERE kind = 'skip'")).toEqual([
      { path: '/response/inlinedResponses/inlinedResponses/2', reason: 'Gemini batch request failed (Request contains an invalid argument.): not billed' },
    ]);
  });

  it("the Python SDK's job object (snake_case, dest.inlined_responses): an image prompt's tokens, a quota failure skipped", async () => {
    const { ws, summary } = await ingested([batchJobSdk]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 2, calls: 1, skipped: 1, rejects: 0 });
    expect(await ws.all(`SELECT ${tokens}, ts FROM calls`)).toEqual([
      { call_id: 'c8RMaN3qAu2Bz7IP6tDb6A4', model: 'gemini-2.5-flash-lite', provider: 'google', lane: 'batch', input_tokens: 1310n, cache_read_tokens: null, output_tokens: 11n,
        reasoning_tokens: null, input_tokens_reported: 1310n, ts: new Date('2026-10-15T23:31:55.771Z') },
    ]);
    expect(await ws.all("SELECT reason FROM rejects WHERE kind = 'skip'")).toEqual([{ reason: 'Gemini batch request failed (Resource has been exhausted (e.g. check quota).): not billed' }]);
  });
});

describe('a Gemini batch job whose results are in a file (fixtures/SOURCES.md: written from Google\'s Batch API guide and reference)', () => {
  const rest = fixture('google/gemini-batch-job-file-rest.json');
  const sdk = fixture('google/gemini-batch-job-file-sdk.json');
  const refusal = (file: string, results = 'files/batch-7yq2k0c9w4n1m8x5e3r6t0u2i4o9p1a3s5d7') =>
    `error: ${file}: a Gemini Batch API job built from an input file: the job's status, not its calls, which are in the results file it names (${results}). ` +
    `Download that file with the Files API and read it instead (\`GET https://generativelanguage.googleapis.com/download/v1beta/${results}:download?alt=media\`, ` +
    'or `client.files.download(file=batch_job.dest.file_name)`): a JSONL line per request, `{key, response}` with its usage, on the batch lane\n';

  it('the finished REST job (responsesFile under response and metadata.output) is refused by name, with the file to download instead', async () => {
    const r = await runCli(['ingest', rest, '--db', ':memory:']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: refusal(rest) });
  });

  it("the Python SDK's job object (dest.file_name, dest.inlined_responses null) is refused the same way, not read as a job of no calls", async () => {
    expect(geminiBatchJob.detect(await sniff(sdk))).toBe(false);
    const r = await runCli(['ingest', sdk, '--db', ':memory:']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: refusal(sdk) });
  });

  it("the JavaScript SDK's job object (dest.fileName) and a batch alone (output.responsesFile) too; a hostile file name is printed inert", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-gemini-job-'));
    const js = join(dir, 'job-js.json');
    writeFileSync(js, JSON.stringify({ name: 'batches/js1', displayName: 'js', state: 'JOB_STATE_SUCCEEDED', model: 'models/gemini-2.5-flash', dest: { fileName: 'files/batch-js1' } }));
    expect(await runCli(['ingest', js, '--db', ':memory:'])).toMatchObject({ code: 2, stderr: refusal(js, 'files/batch-js1') });
    const bare = join(dir, 'batch.json');
    writeFileSync(bare, JSON.stringify({ name: 'batches/b1', state: 'BATCH_STATE_SUCCEEDED', output: { responsesFile: 'files/batch-b1\u001b[2J\nline' } }));
    const r = await runCli(['ingest', bare, '--db', ':memory:']);
    expect(r).toMatchObject({ code: 2, stderr: refusal(bare, 'files/batch-b1\\x1b[2J\\nline') });
    expect(r.stderr.trimEnd()).not.toMatch(/[\n\x1b]/);
  });

  it('a Vertex AI batch prediction job (the SDK job on Vertex, the REST BatchPredictionJob) is refused by name, with its output to read instead', async () => {
    // Field paths from the google-genai SDK's BatchJobDestination (gcs_uri, bigquery_uri) and Vertex AI's REST
    // BatchPredictionJob (outputConfig, outputInfo); the SDK job read as a job of no calls before its inline-results check.
    const dir = mkdtempSync(join(tmpdir(), 'batchable-vertex-job-'));
    const vertex = (file: string, output: string) =>
      `error: ${file}: a Vertex AI batch prediction job: the job's status, not its calls, which are in the output it names (${output}). ` +
      'Read its `predictions.jsonl` files instead (`gcloud storage cp "<output>/*/predictions.jsonl" .`; a BigQuery table exported as JSONL): ' +
      'a line per request with its response and usage, on the batch lane\n';
    const sdkJob = join(dir, 'vertex-sdk.json');
    writeFileSync(sdkJob, JSON.stringify({ name: 'projects/1/locations/us-central1/batchPredictionJobs/42', state: 'JOB_STATE_SUCCEEDED', model: 'gemini-2.5-flash',
      src: { format: 'jsonl', gcs_uri: ['gs://acme/in.jsonl'] }, dest: { format: 'jsonl', gcs_uri: 'gs://acme/out', bigquery_uri: null, file_name: null, inlined_responses: null } }));
    expect(await runCli(['ingest', sdkJob, '--db', ':memory:'])).toEqual({ code: 2, stdout: '', stderr: vertex(sdkJob, 'gs://acme/out') });
    const restJob = join(dir, 'vertex-rest.json');
    writeFileSync(restJob, JSON.stringify({ name: 'projects/1/locations/us-central1/batchPredictionJobs/43', displayName: 'nightly', state: 'JOB_STATE_SUCCEEDED',
      model: 'publishers/google/models/gemini-2.5-flash', outputConfig: { predictionsFormat: 'jsonl', gcsDestination: { outputUriPrefix: 'gs://acme/out' } },
      outputInfo: { gcsOutputDirectory: 'gs://acme/out/prediction-model-2026-10-15T23:31:55.771Z' } }));
    expect(await runCli(['ingest', restJob, '--db', ':memory:'])).toEqual({ code: 2, stdout: '', stderr: vertex(restJob, 'gs://acme/out/prediction-model-2026-10-15T23:31:55.771Z') });
  });

  it('a job of inline results is still read, and no adapter takes a job whose results are in a file', async () => {
    expect(geminiBatchJob.detect(await sniff(batchJob))).toBe(true);
    expect(geminiBatchJob.detect(await sniff(batchJobSdk))).toBe(true);
    for (const file of [rest, sdk]) {
      const sample = await sniff(file);
      expect(adapters.filter((a) => a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id), file).toEqual([]);
    }
  });
});

describe('a file of several Gemini batch jobs, some with inline results and some whose results are in a file', () => {
  // fixtures/SOURCES.md: the job fixtures above, one a line, as a script that appends each job's JSON writes them: the
  // real REST job of inline results, the REST job built from a file, the Python SDK's job of inline results and its job
  // built from a file; then a job still running, as `GET batches/{id}` returns it before it is done.
  const mixed = fixture('google/gemini-batch-jobs-mixed.jsonl');
  const jobs = readFileSync(mixed, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
  const fromFile = 'files/batch-7yq2k0c9w4n1m8x5e3r6t0u2i4o9p1a3s5d7';
  const advice = `a Gemini Batch API job built from an input file: the job's status, not its calls, which are in the results file it names (${fromFile}). ` +
    `Download that file with the Files API and read it instead (\`GET https://generativelanguage.googleapis.com/download/v1beta/${fromFile}:download?alt=media\`, ` +
    'or `client.files.download(file=batch_job.dest.file_name)`): a JSONL line per request, `{key, response}` with its usage, on the batch lane';

  it('reads the inline jobs\' calls; each job built from a file is a reject naming its results file, a job with no results a counted skip', async () => {
    const file = mixed;
    expect(chooseAdapter(file, await sniff(file)).id).toBe('gemini-batch-job');
    const { ws, summary } = await ingested([file]);
    // Lines 1 and 3: 3 + 2 results (one failed); lines 2 and 4: a job each, its calls elsewhere; line 5: a job, no result yet.
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 8, calls: 4, skipped: 2, rejects: 2 });
    expect(await ws.all("SELECT line, path, kind, reason, starts_with(raw, '{\"name\":\"batches/') AS job FROM rejects ORDER BY line, path")).toEqual([
      { line: 2n, path: null, kind: 'reject', reason: advice, job: true },
      { line: 3n, path: '/dest/inlined_responses/1', kind: 'skip', reason: 'Gemini batch request failed (Resource has been exhausted (e.g. check quota).): not billed', job: true },
      { line: 4n, path: null, kind: 'reject', reason: advice, job: true },
      { line: 5n, path: null, kind: 'skip', reason: 'a Gemini Batch API job holding no results (state BATCH_STATE_RUNNING): no call in it', job: true },
    ]);
    expect(await ws.all("SELECT count(*) AS n, count(DISTINCT tags->>'batch') AS jobs FROM calls WHERE lane = 'batch'")).toEqual([{ n: 4n, jobs: 2n }]);
    ws.close();
    // The summary says so, naming the file to download; --strict refuses such a file.
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${file}: gemini-batch-job, 4 calls ingested, 2 rows rejected, 2 rows that are not calls skipped\n  rejected ${file}:2: ${advice}\n`);
    expect((await runCli(['ingest', file, '--db', ':memory:', '--strict'])).code).toBe(2);
  });

  it('a JSON array of jobs alike: the job built from a file rejected by its place in the array, a hostile results file name capped and inert', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-gemini-jobs-'));
    const file = join(dir, 'jobs.json');
    const hostile = { ...(jobs[3] as { dest: object }), name: 'batches/h1', dest: { file_name: `files/batch-h1\u001b[2J\n${'x'.repeat(200)}`, inlined_responses: null } };
    writeFileSync(file, JSON.stringify([jobs[2], hostile]));
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 3, calls: 1, skipped: 1, rejects: 1 });
    const [reject] = await ws.all<{ path: string; reason: string }>("SELECT path, reason FROM rejects WHERE kind = 'reject'");
    expect(reject!.path).toBe('/1');
    expect(reject!.reason).toContain(`(files/batch-h1\u001b[2J\n${'x'.repeat(81)}… (119 more characters)). Download`);
    ws.close();
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.stdout).toContain('(files/batch-h1\\x1b[2J\\nxxx');
    expect(r.stdout).not.toMatch(/\x1b/);
  });

  it('a page of `GET batches` ({operations: [job…], nextPageToken}) is read as its jobs, each at its place in the page', async () => {
    // fixtures/SOURCES.md: the real REST job, the REST job built from a file and the running job above, listed in one page.
    const page = fixture('google/gemini-batches-list-page.json');
    expect(chooseAdapter(page, await sniff(page)).id).toBe('gemini-batch-job');
    const { ws, summary } = await ingested([page]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 5, calls: 3, skipped: 1, rejects: 1 });
    expect(await ws.all("SELECT path, kind, reason FROM rejects ORDER BY path")).toEqual([
      { path: '/operations/1', kind: 'reject', reason: advice },
      { path: '/operations/2', kind: 'skip', reason: 'a Gemini Batch API job holding no results (state BATCH_STATE_RUNNING): no call in it' },
    ]);
    // The page's job is read as the job alone is: the same calls, tokens and batch.
    const alone = await ingested([fixture('google/real-gemini-batch-job-rest.json')]);
    const calls = `SELECT ${tokens}, ts, tags->>'batch' AS batch FROM calls ORDER BY call_id`;
    expect(await ws.all(calls)).toEqual(await alone.ws.all(calls));
    alone.ws.close();
    ws.close();
  });

  it('a page of jobs built from input files only is refused by name, as one such job is', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-gemini-jobs-')), 'page.json');
    writeFileSync(file, JSON.stringify({ operations: [jobs[1]], nextPageToken: 'x' }));
    expect(await runCli(['ingest', file, '--db', ':memory:'])).toEqual({ code: 2, stdout: '', stderr: `error: ${file}: ${advice}\n` });
  });

  it('a file of more jobs than the sample holds, the first 50 built from input files, is read: the inline jobs further on are not lost', async () => {
    // Before, the sample (its first 50 lines) held no inline result, and the whole file was refused with its 3 calls.
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-gemini-jobs-')), 'jobs.jsonl');
    const fileJobs = Array.from({ length: 55 }, (_, i) => ({ ...(jobs[1] as object), name: `batches/f${i}` }));
    writeFileSync(file, [...fileJobs, jobs[0]].map((j) => JSON.stringify(j)).join('\n') + '\n');
    const sample = await sniff(file);
    expect(sample.partial).toBe(true);
    expect(chooseAdapter(file, sample).id).toBe('gemini-batch-job');
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 58, calls: 3, skipped: 0, rejects: 55 });
    expect(await ws.all("SELECT count(*) AS n, count(DISTINCT reason) AS reasons, min(line) AS first, max(line) AS last FROM rejects")).toEqual([
      { n: 55n, reasons: 1n, first: 1n, last: 55n },
    ]);
    ws.close();
  });

  it('a Vertex AI batch prediction job among Gemini jobs is a reject naming its output, not a skipped job of no results', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-gemini-jobs-')), 'jobs.jsonl');
    const vertexJob = { name: 'projects/1/locations/us-central1/batchPredictionJobs/42', state: 'JOB_STATE_SUCCEEDED', model: 'gemini-2.5-flash',
      src: { format: 'jsonl', gcs_uri: ['gs://acme/in.jsonl'] }, dest: { format: 'jsonl', gcs_uri: 'gs://acme/out\u001b[2J', bigquery_uri: null, file_name: null, inlined_responses: null } };
    writeFileSync(file, [jobs[0], vertexJob].map((j) => JSON.stringify(j)).join('\n') + '\n');
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 4, calls: 3, skipped: 0, rejects: 1 });
    const [reject] = await ws.all<{ line: bigint; reason: string }>('SELECT line, reason FROM rejects');
    expect(reject).toEqual({
      line: 2n,
      reason: "a Vertex AI batch prediction job: the job's status, not its calls, which are in the output it names (gs://acme/out\u001b[2J). " +
        'Read its `predictions.jsonl` files instead (`gcloud storage cp "<output>/*/predictions.jsonl" .`; a BigQuery table exported as JSONL): ' +
        'a line per request with its response and usage, on the batch lane',
    });
    ws.close();
    const r = await runCli(['ingest', file, '--db', ':memory:']);
    expect(r.stdout).toContain('(gs://acme/out\\x1b[2J)');
    expect(r.stdout).not.toMatch(/\x1b/);
  });

  it('a file of jobs built from input files only is still refused by name (exit 2)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-gemini-jobs-')), 'jobs.jsonl');
    writeFileSync(file, [jobs[1], jobs[3]].map((j) => JSON.stringify(j)).join('\n') + '\n');
    expect(await runCli(['ingest', file, '--db', ':memory:'])).toEqual({ code: 2, stdout: '', stderr: `error: ${file}: ${advice}\n` });
  });
});

describe('a Gemini batch job larger than the sample detection reads (256 KB)', () => {
  // Built from the real REST job and the SDK job above (fixtures/SOURCES.md): their results repeated, each with a key
  // and response id of its own, as a job of hundreds of inline requests holds them. Detection sees only key names then.
  const dir = mkdtempSync(join(tmpdir(), 'batchable-gemini-big-job-'));
  type Result = { response: { responseId?: string; response_id?: string }; metadata?: { key: string } };
  const grown = (results: Result[], n: number) => Array.from({ length: n }, (_, i) => {
    const r = structuredClone(results[i % results.length]!);
    if (r.response.responseId !== undefined) r.response.responseId += `-${i}`;
    if (r.response.response_id !== undefined) r.response.response_id += `-${i}`;
    return { ...r, ...(r.metadata === undefined ? {} : { metadata: { key: `req_${i + 1}` } }) };
  });
  async function recognised(file: string) {
    expect(readFileSync(file).length).toBeGreaterThan(256 * 1024);
    const sample = await sniff(file);
    expect(sample.records).toEqual([]);
    expect(adapters.filter((a) => a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id)).toEqual(['gemini-batch-job']);
  }

  it('the real REST job grown to 300 inline results, pretty-printed: each result once, on the batch lane, timed by the job end', async () => {
    const job = JSON.parse(readFileSync(fixture('google/real-gemini-batch-job-rest.json'), 'utf8')) as {
      response: { inlinedResponses: { inlinedResponses: Result[] } }; metadata: { output: { inlinedResponses: { inlinedResponses: Result[] } } } };
    job.response.inlinedResponses.inlinedResponses = grown(job.response.inlinedResponses.inlinedResponses, 300);
    job.metadata.output.inlinedResponses.inlinedResponses = grown(job.metadata.output.inlinedResponses.inlinedResponses, 300);
    const file = join(dir, 'job.json');
    writeFileSync(file, JSON.stringify(job, null, 2));
    await recognised(file);
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 300, calls: 300, skipped: 0, rejects: 0 });
    // A hundred each of the real job's three results: 5 + 4 + 6 in, 2955 + 3307 + 2730 out (thinking included).
    expect(await ws.all(`SELECT count(DISTINCT tags->>'key') AS keys, sum(input_tokens) AS input, sum(output_tokens) AS output, min(ts) AS first, max(ts) AS last
      FROM calls WHERE lane = 'batch' AND model = 'gemini-2.5-flash'`)).toEqual([
      { keys: 300n, input: 1500n, output: 899_200n, first: new Date('2025-12-10T18:28:31.548158Z'), last: new Date('2025-12-10T18:28:31.548158Z') },
    ]);
    ws.close();
  });

  it("the Python SDK's job object of 600 inline results on one line (model_dump_json): read as the small one is", async () => {
    const job = JSON.parse(readFileSync(batchJobSdk, 'utf8')) as { dest: { inlined_responses: Result[] } };
    job.dest.inlined_responses = grown(job.dest.inlined_responses.slice(0, 1), 600);
    const file = join(dir, 'job-sdk.json');
    writeFileSync(file, JSON.stringify(job) + '\n');
    await recognised(file);
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 600, calls: 600, skipped: 0, rejects: 0 });
    expect(await ws.all("SELECT count(DISTINCT call_id) AS ids, sum(input_tokens) AS input, sum(output_tokens) AS output FROM calls WHERE model = 'gemini-2.5-flash-lite'"))
      .toEqual([{ ids: 600n, input: 600n * 1310n, output: 600n * 11n }]);
    ws.close();
  });
});

describe("pairwiseLLM's Gemini batch results (fixtures/SOURCES.md: written by the R package's own download function)", () => {
  // pairwiseLLM writes a job's inline results in Anthropic's envelope, {custom_id, result: {type, response}}: they were
  // read as Anthropic's results, every line rejected (no model, no tokens), nothing priced.
  const results = fixture('google/pairwisellm-gemini-batch-results.jsonl');
  const tests = fixture('google/pairwisellm-gemini-batch-results-tests.jsonl');

  it("its results file (the real job's three responses, each written as a list of one) is Gemini's: batch calls priced at the batch rate", async () => {
    const sample = await sniff(results);
    expect(chooseAdapter(results, sample).id).toBe('gemini-batch-results');
    expect(adapters.filter((a) => a.kinds.includes(sample.kind) && a.detect(sample)).map((a) => a.id)).toEqual(['gemini-batch-results']);
    const { ws, rows } = await pricedFiles([results]);
    const job = { provider: 'google', model: 'gemini-2.5-flash', lane: 'batch', cache_read_tokens: null };
    // The real job's usage (google/real-gemini-batch-job-rest.json): thinking billed as output.
    expect(await ws.all(`SELECT ${tokens}, tags->>'key' AS key FROM calls ORDER BY key`)).toEqual([
      { ...job, call_id: 'rrs5adCnN4Lg_uMPtr-RyQc', input_tokens: 5n, input_tokens_reported: 5n, output_tokens: 2955n, reasoning_tokens: 1582n, key: 'GEM_S01_vs_S02' },
      { ...job, call_id: 'z7s5aazSFp7oz7IPzMOawA8', input_tokens: 4n, input_tokens_reported: 4n, output_tokens: 3307n, reasoning_tokens: 2168n, key: 'GEM_S03_vs_S04' },
      { ...job, call_id: 'zbs5abDsF-2fz7IPss7BsQE', input_tokens: 6n, input_tokens_reported: 6n, output_tokens: 2730n, reasoning_tokens: 1183n, key: 'GEM_S05_vs_S06' },
    ]);
    // gemini-2.5-flash at half its $0.30 / $2.50 per million: 5 x $0.15 + 2955 x $1.25 per million.
    expect(rows['rrs5adCnN4Lg_uMPtr-RyQc']!.cost_pico).toBe(picoOfUsd('0.0036945'));
    ws.close();
  });

  it("the package's test lines: a response written whole is read, an errored result and a failed request (no candidates, no counts) skipped", async () => {
    expect(chooseAdapter(tests, await sniff(tests)).id).toBe('gemini-batch-results');
    const { ws, summary } = await ingested([tests]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-results', rows: 3, calls: 1, skipped: 2, rejects: 0 });
    // Its parser's `model` where a response names no modelVersion.
    expect(await ws.all("SELECT model, lane, input_tokens, output_tokens, tags->>'key' AS key FROM calls")).toEqual([
      { model: 'gemini-pro', lane: 'batch', input_tokens: 10n, output_tokens: 5n, key: 'GEM_S01_vs_S02' },
    ]);
    expect(await ws.all("SELECT line, reason FROM rejects WHERE kind = 'skip' ORDER BY line")).toEqual([
      { line: 2n, reason: 'Gemini batch request failed (Validation error): not billed' },
      { line: 3n, reason: 'Gemini batch request without candidates or token counts (pairwiseLLM writes a failed request so, its error left out): not billed' },
    ]);
    ws.close();
  });

  it("Anthropic's batch results, whose envelope it shares, are still Anthropic's", async () => {
    for (const file of ['anthropic/batch-results.jsonl', 'anthropic/real-batch-results-sonnet-4-5.jsonl', 'anthropic/real-batch-results-sonnet-4-5-array.json']) {
      const sample = await sniff(fixture(file));
      expect(chooseAdapter(fixture(file), sample).id, file).toBe('anthropic-batch-results');
      expect(geminiBatchResults.detect(sample), file).toBe(false);
    }
  });
});

describe('batch results whose lines all succeeded', () => {
  // The usage sits under `response`: detection read only top-level usageMetadata, so a results file was recognised
  // only when one of its first lines had failed (an `error`), and a Vertex batch output not at all.
  it('a Gemini Batch API results file with no failed line is still gemini-batch-results', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batchable-gemini-')), 'results.jsonl');
    writeFileSync(file, readFileSync(batch, 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    const { summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-results', rows: 2, calls: 2, rejects: 0 });
  });
});

describe('vertex-batch-predictions', () => {
  it('a Vertex AI batch output (LiteLLM docs\' predictions.jsonl): batch lane on Vertex, timed by processed_time; a failed line skipped', async () => {
    const { ws, summary } = await ingested([vertexBatch]);
    expect(summary.files[0]).toMatchObject({ format: 'vertex-batch-predictions', rows: 3, calls: 2, skipped: 1, rejects: 0 });
    expect(await ws.all(`SELECT ${tokens}, ts, finish_reason, tags->>'traffic_type' AS traffic FROM calls ORDER BY source_row`)).toEqual([
      { call_id: 'S8vNaIvKHdvshMIP_aOtuAg', model: 'gemini-2.5-flash-lite', provider: 'google-vertex', lane: 'batch', input_tokens: 9n, cache_read_tokens: null,
        output_tokens: 10n, reasoning_tokens: null, input_tokens_reported: 9n, ts: new Date('2025-09-19T21:29:47.352Z'), finish_reason: 'MAX_TOKENS', traffic: 'ON_DEMAND' },
      { call_id: 'S8vNaOneHISShMIP28nA8QQ', model: 'gemini-2.5-flash-lite', provider: 'google-vertex', lane: 'batch', input_tokens: 9n, cache_read_tokens: null,
        output_tokens: 9n, reasoning_tokens: null, input_tokens_reported: 9n, ts: new Date('2025-09-19T21:29:47.358Z'), finish_reason: 'STOP', traffic: 'ON_DEMAND' },
    ]);
    const [skip] = await ws.all<{ line: bigint; reason: string }>("SELECT line, reason FROM rejects WHERE kind = 'skip'");
    expect(skip).toMatchObject({ line: 3n });
    expect(skip!.reason).toMatch(/^Vertex AI batch request failed \(Bad Request: .*Please use a valid role.*\): not billed$/);
  });
});

describe('vertex-batch-predictions as Google documents its failed lines', () => {
  // fixtures/SOURCES.md: Google Cloud's batch prediction page, its two output examples. A failed line keeps an empty
  // `response: {}` beside the error in `status`: it was rejected as missing its model and tokens.
  it('a failed line with an empty response is skipped as not billed', async () => {
    const { ws, summary } = await ingested([fixture('google/vertex-batch-predictions-docs.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'vertex-batch-predictions', rows: 2, calls: 1, skipped: 1, rejects: 0 });
    expect(await ws.all('SELECT input_tokens, output_tokens, lane FROM calls')).toEqual([{ input_tokens: 29180n, output_tokens: 36n, lane: 'batch' }]);
    const [skip] = await ws.all<{ line: bigint; reason: string }>("SELECT line, reason FROM rejects WHERE kind = 'skip'");
    expect(skip).toMatchObject({ line: 2n, reason: expect.stringMatching(/^Vertex AI batch request failed \(Bad Request: .*Please use a valid role.*\): not billed$/) });
  });
});

describe('gemini streamed chunks', () => {
  it('real streamed chunks logged as lines (fixtures/SOURCES.md): a response is its last chunk, with the final counts', async () => {
    const { ws, summary } = await ingested([fixture('google/real-stream-chunks.jsonl')]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-responses', rows: 4, calls: 3, duplicates: 1, rejects: 0 });
    expect(await ws.all(`SELECT call_id, input_tokens, output_tokens, reasoning_tokens, finish_reason FROM calls ORDER BY call_id`)).toEqual([
      { call_id: '45I2aaWZBumm2roPm8HR0Ao', input_tokens: 138n, output_tokens: 15n, reasoning_tokens: null, finish_reason: 'STOP' },
      expect.objectContaining({ call_id: '4HkhaaajEJaY0-kPyI_b2A4', input_tokens: 8n, output_tokens: 30n, reasoning_tokens: 23n }),
      expect.anything(),
    ]);
  });
});

describe('vertex-request-response-logs', () => {
  for (const [name, file] of [['JSONL', vertexJsonl], ['CSV', vertexCsv]] as const) {
    it(`reads BigQuery rows (${name}): the response's usage, the last chunk of a streamed call, rows without a response skipped`, async () => {
      const { ws, summary } = await ingested([file]);
      expect(summary.files[0]).toMatchObject({ rows: 3, calls: 2, skipped: 1, rejects: 0 });
      expect(await ws.all(`SELECT ${tokens}, streamed, ts, tags->>'api_method' AS method FROM calls ORDER BY ts`)).toEqual([
        { call_id: 'vx-1', model: 'gemini-2.5-flash', provider: 'google-vertex', lane: 'standard', input_tokens: 904n, cache_read_tokens: 4096n,
          output_tokens: 500n, reasoning_tokens: 380n, input_tokens_reported: 5000n, streamed: false, ts: new Date('2026-09-22T09:00:01.123Z'), method: 'generateContent' },
        { call_id: 'vx-2', model: 'gemini-2.5-flash', provider: 'google-vertex', lane: 'standard', input_tokens: 800n, cache_read_tokens: null,
          output_tokens: 40n, reasoning_tokens: null, input_tokens_reported: 800n, streamed: true, ts: new Date('2026-09-22T09:05:00Z'), method: 'streamGenerateContent' },
      ]);
      // A publisher model's endpoint names its project, and no more than the model.
      expect(await ws.all('SELECT DISTINCT project, app FROM calls')).toEqual([{ project: 'my-proj', app: null }]);
    });
  }

  it('a deployed endpoint (as its URL: elastic/beats\' sample row) names the calls by its project and id, not its whole URL', async () => {
    const { ws } = await ingested([fixture('google/vertex-request-response-beats.jsonl')]);
    expect(await ws.all(`SELECT call_id, model, project, app, input_tokens, output_tokens, tags->>'endpoint' AS endpoint FROM calls`)).toEqual([
      { call_id: '98765432101234567', model: 'gemini-2.5-pro', project: 'elastic-beats', app: 'endpoints/123456789', input_tokens: 8n, output_tokens: 24n,
        endpoint: 'https://us-central1-aiplatform.googleapis.com/v1/projects/elastic-beats/locations/us-central1/endpoints/123456789' },
    ]);
  });
});

describe('the lane a Gemini response was billed on', () => {
  it("Vertex AI's Flex PayGo (usageMetadata.trafficType, a real recorded response) is the flex lane at half the standard rate; the Gemini API's serviceTier is read", async () => {
    const { ws, rows } = await pricedFiles([fixture('google/real-pydantic-ai-cassette-responses.jsonl')]);
    expect(await ws.all('SELECT call_id, lane, service_tier_raw FROM calls ORDER BY source_row')).toEqual([
      { call_id: 'T9--adqvDqL4vdIPz7X2iQ4', lane: 'flex', service_tier_raw: 'ON_DEMAND_FLEX' },
      { call_id: 'NMoLaoiyAvKIz7IPyp6DkQE', lane: 'standard', service_tier_raw: 'standard' },
    ]);
    // 5 input tokens and 52 output (51 of them thoughts) of gemini-3-flash-preview: $0.0001585 at the standard rate
    // (as it was priced before), $0.00007925 on flex.
    expect(rows['T9--adqvDqL4vdIPz7X2iQ4']!.cost_pico).toBe(picoOfUsd('0.00007925'));
    // Billed on flex, nobody waited on it (a discounted lane), as OpenAI's flex calls are labelled.
    await classifyCalls(ws, undefined);
    expect(await ws.all("SELECT label, decided_by FROM labels l JOIN calls c USING (call_key) WHERE c.call_id = 'T9--adqvDqL4vdIPz7X2iQ4'")).toEqual([
      { label: 'non_blocking', decided_by: 'lane' },
    ]);
    ws.close();
  });

  it('each traffic type and tier: flex, priority, standard (on demand and provisioned), and none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchable-gemini-lane-'));
    const file = join(dir, 'responses.jsonl');
    const line = (id: string, usageExtra: Record<string, string>) =>
      JSON.stringify({ responseId: id, modelVersion: 'gemini-2.5-flash', createTime: '2026-09-01T10:00:00Z', usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 2, ...usageExtra } });
    writeFileSync(file, [line('a', { trafficType: 'ON_DEMAND_PRIORITY' }), line('b', { trafficType: 'ON_DEMAND' }), line('c', { trafficType: 'PROVISIONED_THROUGHPUT' }),
      line('d', { serviceTier: 'flex' }), line('e', { serviceTier: 'priority' }), line('f', {})].join('\n') + '\n');
    const { ws } = await ingested([file]);
    expect(await ws.all('SELECT call_id, lane, lane_source FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'a', lane: 'priority', lane_source: 'reported' },
      { call_id: 'b', lane: 'standard', lane_source: 'reported' },
      { call_id: 'c', lane: 'standard', lane_source: 'reported' },
      { call_id: 'd', lane: 'flex', lane_source: 'reported' },
      { call_id: 'e', lane: 'priority', lane_source: 'reported' },
      { call_id: 'f', lane: 'standard', lane_source: 'inferred' },
    ]);
    ws.close();
  });
});

describe('gemini batch: real files (fixtures/SOURCES.md)', () => {
  it('a real finished REST job of three inline requests (2025-12-10): each result once, thinking billed as output, timed by the job end', async () => {
    const file = fixture('google/real-gemini-batch-job-rest.json');
    expect(chooseAdapter(file, await sniff(file)).id).toBe('gemini-batch-job');
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-job', rows: 3, calls: 3, skipped: 0, rejects: 0 });
    const job = { provider: 'google', model: 'gemini-2.5-flash', lane: 'batch', cache_read_tokens: null, ts: new Date('2025-12-10T18:28:31.548158Z'),
      batch: 'batches/4m855v7q30kc7gtzcigdg9m72o87s08w33vp' };
    // totalTokenCount = prompt + candidates + thoughts: 5 + 1373 + 1582 = 2960, 4 + 1139 + 2168 = 3311, 6 + 1547 + 1183 = 2736.
    expect(await ws.all(`SELECT ${tokens}, ts, tags->>'key' AS key, tags->>'batch' AS batch FROM calls ORDER BY key`)).toEqual([
      { ...job, call_id: 'rrs5adCnN4Lg_uMPtr-RyQc', input_tokens: 5n, input_tokens_reported: 5n, output_tokens: 2955n, reasoning_tokens: 1582n, key: 'req_1' },
      { ...job, call_id: 'z7s5aazSFp7oz7IPzMOawA8', input_tokens: 4n, input_tokens_reported: 4n, output_tokens: 3307n, reasoning_tokens: 2168n, key: 'req_2' },
      { ...job, call_id: 'zbs5abDsF-2fz7IPss7BsQE', input_tokens: 6n, input_tokens_reported: 6n, output_tokens: 2730n, reasoning_tokens: 1183n, key: 'req_3' },
    ]);
  });

  it('a real line of a Gemini Batch API results file (2026-08-20, its key after the response): one batch call of 1427 + 144 tokens', async () => {
    const file = fixture('google/real-gemini-batch-result.jsonl');
    expect(chooseAdapter(file, await sniff(file)).id).toBe('gemini-batch-results');
    const { ws, summary } = await ingested([file]);
    expect(summary.files[0]).toMatchObject({ format: 'gemini-batch-results', rows: 1, calls: 1, skipped: 0, rejects: 0 });
    expect(await ws.all(`SELECT ${tokens}, tags->>'key' AS key FROM calls`)).toEqual([
      { call_id: 'CV-Haon5MNuA_PUP95Gg2Q4', model: 'gemini-3.5-flash-lite', provider: 'google', lane: 'batch', input_tokens: 1427n, cache_read_tokens: null,
        output_tokens: 144n, reasoning_tokens: null, input_tokens_reported: 1427n, key: '00_COM.png' },
    ]);
  });
});
