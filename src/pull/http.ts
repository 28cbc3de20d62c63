// The one HTTP client every `pull` source uses (Node's built-in fetch): a request timeout, retries with
// exponential backoff and jitter on 429 and 5xx that honour Retry-After, one clear exit-2 error on 401/403 naming
// the env var and the permission the key needs, and page validation so a malformed page stops the pull before
// anything from it is written. Secrets travel only in headers and are scrubbed from every message this module
// builds; URLs never hold them.
import type { z } from 'zod';
import { BatchableError } from '../errors.ts';

/** What the client needs from the outside world; tests pass their own clock, sleep and random. */
export type HttpDeps = {
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
};

export const realDeps: HttpDeps = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

/** How to tell a user whose key was refused what to fix. */
export type AuthHelp = {
  /** The env var(s) the key came from, e.g. `OPENAI_ADMIN_KEY`. */
  readonly envVars: string;
  /** What the key must be allowed to do, in the provider's words. */
  readonly permission: string;
};

export type RetryPolicy = {
  readonly timeoutMs: number;
  /** Retries after the first attempt, for 429, 5xx, timeouts and network errors. */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the pull stops and says when to come back. */
  readonly maxRetryAfterMs: number;
};

export const defaultPolicy: RetryPolicy = { timeoutMs: 60_000, retries: 5, baseDelayMs: 1_000, maxDelayMs: 60_000, maxRetryAfterMs: 300_000 };

export type RetryNotice = { readonly attempt: number; readonly delayMs: number; readonly reason: string };

export type ClientOptions = {
  readonly source: string;
  readonly auth: AuthHelp;
  readonly headers: Readonly<Record<string, string>>;
  /** Values never to print (keys, passwords, basic-auth tokens). */
  readonly secrets: readonly string[];
  readonly policy?: RetryPolicy;
  readonly deps?: HttpDeps;
  readonly onRetry?: (notice: RetryNotice) => void;
};

/**
 * A request's method, URL and (for a POST) JSON body as a user may see them: no secrets in URLs or bodies, by
 * construction (keys travel in headers only).
 */
export const describeRequest = (url: URL, body?: unknown): string =>
  body === undefined ? `GET ${url.pathname}${url.search}` : `POST ${url.pathname}${url.search} ${JSON.stringify(body)}`;

export class HttpClient {
  readonly source: string;
  private readonly options: ClientOptions;
  private readonly policy: RetryPolicy;
  private readonly deps: HttpDeps;

  constructor(options: ClientOptions) {
    this.options = options;
    this.source = options.source;
    this.policy = options.policy ?? defaultPolicy;
    this.deps = options.deps ?? realDeps;
  }

  /** GETs a JSON page and checks its shape; `what` names the page in messages ("page 3 of …"). */
  async getPage<S extends z.ZodType>(url: URL, schema: S, what: string): Promise<z.output<S>> {
    const found = await this.findPage(url, schema, what, false);
    return found as z.output<S>;
  }

  /** POSTs `body` as JSON (APIs whose queries are documents, as Helicone's) and checks the answer as getPage does. */
  async postPage<S extends z.ZodType>(url: URL, body: unknown, schema: S, what: string): Promise<z.output<S>> {
    const found = await this.findPage(url, schema, what, false, body);
    return found as z.output<S>;
  }

  /** As getPage, but a 404 is an answer (undefined): a record the API does not hold (yet). */
  async findPage<S extends z.ZodType>(url: URL, schema: S, what: string, notFoundIsAnswer = true, post?: unknown): Promise<z.output<S> | undefined> {
    const text = await this.getText(url, notFoundIsAnswer, post);
    if (text === undefined) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw this.malformed(url, what, `not JSON (${JSON.stringify(this.scrub(text.slice(0, 80)))}…)`, post);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the page';
      throw this.malformed(url, what, `unexpected shape at ${where}: ${issue?.message ?? 'invalid'}`, post);
    }
    // The page as the API sent it (zod's output drops keys it does not know): raw files keep every field.
    return body as z.output<S>;
  }

  /**
   * The page's text after retries; every failure is a BatchableError (exit 2) that names the request. `post`: a
   * JSON body to POST instead of a GET.
   */
  async getText(url: URL): Promise<string>;
  async getText(url: URL, notFoundIsAnswer: boolean, post?: unknown): Promise<string | undefined>;
  async getText(url: URL, notFoundIsAnswer = false, post?: unknown): Promise<string | undefined> {
    const { retries } = this.policy;
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.attempt(url, post);
      if (outcome.kind === 'ok') return outcome.text;
      if (outcome.kind === 'fatal' && outcome.status === 404 && notFoundIsAnswer) return undefined;
      if (outcome.kind === 'fatal') throw outcome.error;
      if (attempt >= retries) {
        throw new BatchableError(
          `${this.source}: ${describeRequest(url, post)} still failing after ${attempt + 1} attempts (last: ${outcome.reason}); nothing from this pull was ingested. Run it again later.`,
        );
      }
      const delayMs = outcome.retryAfterMs ?? this.backoff(attempt);
      if (delayMs > this.policy.maxRetryAfterMs) {
        throw new BatchableError(
          `${this.source}: ${describeRequest(url, post)} answered ${outcome.reason} and asks to wait ${Math.ceil(delayMs / 1000)} s; nothing from this pull was ingested. Run it again after that.`,
        );
      }
      this.options.onRetry?.({ attempt: attempt + 1, delayMs, reason: outcome.reason });
      await this.deps.sleep(delayMs);
    }
  }

  /** Exponential backoff with "equal jitter": half the step fixed, half random, so parallel clients spread out. */
  private backoff(attempt: number): number {
    const step = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** attempt);
    return Math.round(step / 2 + this.deps.random() * (step / 2));
  }

  private async attempt(
    url: URL,
    post: unknown,
  ): Promise<{ kind: 'ok'; text: string } | { kind: 'retry'; reason: string; retryAfterMs?: number } | { kind: 'fatal'; status?: number; error: BatchableError }> {
    let response: Response;
    try {
      response = await this.deps.fetch(url, {
        ...(post === undefined ? {} : { method: 'POST', body: JSON.stringify(post) }),
        headers: { accept: 'application/json', ...(post === undefined ? {} : { 'content-type': 'application/json' }), ...this.options.headers },
        signal: AbortSignal.timeout(this.policy.timeoutMs),
        redirect: 'error', // a redirect could carry the key's header to another host
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'retry', reason: `no answer within ${this.policy.timeoutMs / 1000} s` };
      return { kind: 'retry', reason: `network error (${this.scrub(networkCause(error))})` };
    }
    const status = response.status;
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return { kind: 'retry', reason: `the answer was cut off (${this.scrub(networkCause(error))})` };
    }
    if (status >= 200 && status < 300) return { kind: 'ok', text };
    const reason = `${status} ${response.statusText}`.trim();
    if (status === 401 || status === 403) {
      const { envVars, permission } = this.options.auth;
      const what = status === 401 ? `the API refused the key in ${envVars}` : `the key in ${envVars} may not read this`;
      return {
        kind: 'fatal',
        error: new BatchableError(`${this.source}: ${what} (${reason} on ${describeRequest(url, post)}). It needs ${permission}. Nothing was ingested.`),
      };
    }
    if (status === 429 || status >= 500) {
      const retryAfterMs = retryAfter(response.headers, this.deps.now());
      return retryAfterMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, retryAfterMs };
    }
    const detail = this.scrub(serverMessage(text));
    const hint = status === 404 ? ' Check the base URL (--base-url or the env var) and that the server offers this API.' : '';
    return {
      kind: 'fatal',
      status,
      error: new BatchableError(`${this.source}: ${describeRequest(url, post)} answered ${reason}${detail === '' ? '' : `: ${detail}`}.${hint} Nothing was ingested.`),
    };
  }

  malformed(url: URL, what: string, problem: string, post?: unknown): BatchableError {
    return new BatchableError(
      `${this.source}: ${what} (${describeRequest(url, post)}) is malformed: ${problem}; nothing from this pull was ingested. Run again; if it persists, the API changed: report it.`,
    );
  }

  /** Replaces every secret with *** and strips control characters, so server text is safe to print. */
  scrub(text: string): string {
    let out = text;
    for (const secret of this.options.secrets) if (secret.length >= 4) out = out.split(secret).join('***');
    // eslint-disable-next-line no-control-regex
    return out.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  }
}

/** Retry-After in seconds or as an HTTP date; OpenAI also sends retry-after-ms. Undefined when absent or unreadable. */
export function retryAfter(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** The short message an API error body carries (`{error: {message}}`, `{detail}`, `{message}`), at most 200 characters. */
function serverMessage(text: string): string {
  let message = text;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const error = body.error;
    const candidate =
      (typeof error === 'object' && error !== null ? (error as Record<string, unknown>).message : error) ?? body.message ?? body.detail;
    if (typeof candidate === 'string') message = candidate;
  } catch {
    // not JSON: the text itself
  }
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

function networkCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) return (cause as Error & { code?: string }).code ?? cause.message;
  return error.message;
}
