// The HTML report opened in a real browser (Debian's headless Chromium via playwright-core) with the
// network off: no console errors, no request leaves the page, three charts with marks, totals equal to the
// JSON. Saves test-artifacts/report.png (and docs/report-screenshot.png, the README's picture, with UPDATE_SCREENSHOT=1).
// Without /usr/bin/chromium these tests are reported as skipped, with the reason in their name.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html/index.ts';
import { fixture, repoRoot, runCli } from '../helpers/cli.ts';
import { cents, loadHtmlInput } from '../helpers/html.ts';

const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
const auditHelp = await runCli(['audit', '--help']);
const auditHasHtml = /--html\b/.test(auditHelp.stdout);

const artifacts = join(repoRoot, 'test-artifacts');
const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A JSON USD number (at most 6 decimals; the test's figures are far below 2^53 micro-dollars) -> micro-dollars. */
const jsonMicros = (usd: number): bigint => {
  const [whole = '0', frac = ''] = Math.abs(usd).toFixed(6).split('.');
  return (usd < 0 ? -1n : 1n) * (BigInt(whole) * 1_000_000n + BigInt(frac));
};

type Totals = { current_micros: bigint; simulated_micros: bigint; savings_micros: bigint; savings_share: number | null; requests: number | null };
type JsonTotals = { current_usd: number; simulated_usd: number; savings_usd: number; savings_share: number | null; requests: number | null };
const fromJson = (t: JsonTotals): Totals => ({
  current_micros: jsonMicros(t.current_usd),
  simulated_micros: jsonMicros(t.simulated_usd),
  savings_micros: jsonMicros(t.savings_usd),
  savings_share: t.savings_share,
  requests: t.requests,
});

type Seen = {
  consoleErrors: string[];
  /** Every request the page made that was not the report file itself, aborted by the route. */
  blocked: string[];
  requests: string[];
  totals: Record<string, string>;
  charts: { width: number; marks: number }[];
};

/** Opens `file` offline, with every non-file request aborted and recorded; screenshots it when asked. */
async function inspect(browser: Browser, file: string, screenshot?: string): Promise<Seen> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, javaScriptEnabled: true });
  const seen: Seen = { consoleErrors: [], blocked: [], requests: [], totals: {}, charts: [] };
  try {
    await context.setOffline(true);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      seen.blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('console', (m) => void (m.type() === 'error' && seen.consoleErrors.push(m.text())));
    page.on('pageerror', (e) => void seen.consoleErrors.push(e.message));
    page.on('request', (r) => void seen.requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    for (const field of ['current_usd', 'simulated_usd', 'savings_usd', 'savings_share', 'requests']) {
      seen.totals[field] = (await page.locator(`[data-total="${field}"]`).textContent()) ?? '';
    }
    for (const svg of await page.locator('figure svg.marks').all()) {
      const box = await svg.boundingBox();
      seen.charts.push({ width: box?.width ?? 0, marks: await svg.locator('.role-mark path, .role-mark text').count() });
    }
    if (screenshot !== undefined) await page.screenshot({ path: screenshot, fullPage: true });
  } finally {
    await context.close();
  }
  return seen;
}

function expectCleanReport(seen: Seen, file: string, totals: Totals): void {
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.blocked).toEqual([]);
  expect(seen.requests).toEqual([pathToFileURL(file).href]);
  expect(seen.charts.length).toBeGreaterThanOrEqual(3);
  for (const chart of seen.charts) {
    expect(chart.width).toBeGreaterThan(300);
    expect(chart.marks).toBeGreaterThan(0);
  }
  expect(seen.totals).toEqual({
    current_usd: cents(totals.current_micros),
    simulated_usd: cents(totals.simulated_micros),
    savings_usd: cents(totals.savings_micros),
    savings_share: totals.savings_share === null ? '—' : `${(totals.savings_share * 100).toFixed(2)}%`,
    requests: totals.requests === null ? '?' : totals.requests.toLocaleString('en-US'),
  });
}

const suiteName = haveChromium
  ? 'HTML report in headless Chromium, network off'
  : `HTML report in headless Chromium: SKIPPED, ${chromiumPath} not found (install Debian's chromium: apt-get install -y chromium)`;

// Said out loud as well, so a run without Chromium cannot be mistaken for a pass.
if (!haveChromium) console.warn(suiteName);
if (!auditHasHtml) console.warn('audit --html FILE: SKIPPED, `batchable audit --help` lists no --html option yet');

describe(suiteName, () => {
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'batchable-html-'));

  beforeAll(async () => {
    if (haveChromium) browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(!haveChromium)('renders the fixture report: no errors, no requests out, 3 charts, totals equal the JSON', async () => {
    const input = loadHtmlInput();
    const file = join(dir, 'report.html');
    writeFileSync(file, await renderHtml(input));
    mkdirSync(artifacts, { recursive: true });
    const png = join(artifacts, 'report.png');
    const seen = await inspect(browser!, file, png);
    expectCleanReport(seen, file, input.totals);
    expect(seen.totals.current_usd).toBe('$81,491.74');
    expect(seen.charts).toHaveLength(3);
    expect(seen.charts.map((c) => c.marks)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(1280); // IHDR width: the laptop viewport
    // The README's picture is refreshed on request only, so a machine with other fonts leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOT === '1') copyFileSync(png, join(repoRoot, 'docs', 'report-screenshot.png'));
  });

  describe(auditHasHtml ? 'audit --html FILE' : 'audit --html FILE: SKIPPED, `batchable audit --help` lists no --html option yet', () => {
    it.skipIf(!haveChromium || !auditHasHtml)('renders what the CLI writes, with the totals of audit --format json', async () => {
      const csv = fixture('batchable/mixed-workloads.csv');
      const file = join(dir, 'audit.html');
      const run = await runCli(['audit', csv, '--db', ':memory:', '--html', file]);
      expect(run.code, run.stderr).toBe(0);
      const json = await runCli(['audit', csv, '--db', ':memory:', '--format', 'json']);
      const report = JSON.parse(json.stdout) as { totals: JsonTotals };
      mkdirSync(artifacts, { recursive: true });
      expectCleanReport(await inspect(browser!, file, join(artifacts, 'report-audit.png')), file, fromJson(report.totals));
    });
  });
});
