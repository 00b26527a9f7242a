// `specmill docs` end to end: the real CLI builds a Redoc page per committed spec and an index, and
// headless Chromium shows every operation of every API. One screenshot is kept as an artifact:
// test/artifacts/docs-softwareone-marketplace.png (gitignored).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { escapeHtml, indexPage } from '../../generator/docs/build-docs.js';
import { HTTP_METHODS } from '../../generator/core/openapi-types.js';
import { ROOT } from '../helpers.js';
import { describeInBrowser, launchChromium, type Browser } from '../support/browser.js';
import { runCli } from '../support/run-cli.js';

const APIS = ['softwareone-marketplace', 'elastic-cloud', 'cloud-foundry', 'flowkiwi'];
const ARTIFACTS = path.join(ROOT, 'test/artifacts');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Operation {
  label: string;
  tag?: string;
}

function operationsOf(api: string): { title: string; operations: Operation[] } {
  const spec = parse(readFileSync(path.join(ROOT, 'specs', api, 'openapi.yaml'), 'utf8')) as {
    info: { title: string };
    paths: Record<string, Record<string, { summary?: string; operationId: string; tags?: string[] }>>;
  };
  const operations = Object.values(spec.paths).flatMap((item) =>
    HTTP_METHODS.flatMap((m) => (item[m] ? [{ label: item[m].summary ?? item[m].operationId, ...(item[m].tags?.[0] ? { tag: item[m].tags[0] } : {}) }] : [])),
  );
  return { title: spec.info.title, operations };
}

describe('the index page', () => {
  it('escapes every title and link', () => {
    const html = indexPage([{ api: 'x', title: '<img src=x onerror=alert(1)> & "Co"', version: "1'<b>", operations: 1, file: 'x".html' }]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;Co&#34;');
    expect(html).toContain('href="x%22.html"');
    expect(escapeHtml(`<>&"'\``)).toBe('&#60;&#62;&#38;&#34;&#39;&#96;');
  });

  it('links the coverage report beside the reference, or alone when there is no reference', () => {
    const html = indexPage([
      { api: 'a', title: 'A', version: '1', operations: 2, file: 'a.html', report: 'a.report.html' },
      { api: 'b', title: 'B <i>', version: '', operations: 1, report: 'b.report.html' },
    ]);
    expect(html).toContain('<li><a href="a.html">A</a> <span class="version">1</span> <span class="count">2 operations</span> <span class="count">(<a href="a.report.html">coverage report</a>)</span></li>');
    expect(html).toContain('<li>B &#60;i&#62; <span class="count">1 operation</span> <span class="count">(<a href="b.report.html">coverage report</a>)</span></li>');
  });
});

describeInBrowser('specmill docs in headless Chromium', () => {
  let out: string;
  let browser: Browser;

  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'specmill-docs-'));
    const result = runCli(['docs', '--out', out]);
    expect(result.stderr).toMatch(/4 API reference\(s\)/);
    expect(result.status).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('the index links every API by its title', async () => {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    for (const api of APIS) {
      const link = page.getByRole('link', { name: operationsOf(api).title, exact: true });
      expect(await link.getAttribute('href')).toBe(`${api}.html`);
    }
    await page.getByRole('link', { name: 'Flowkiwi API', exact: true }).click();
    await page.locator('h1', { hasText: /^Flowkiwi API/ }).waitFor();
    await page.close();
  });

  it.each(APIS)('%s: every operation is shown, by its summary', async (api) => {
    const page = await browser.context.newPage();
    // Redoc fetches its logo from a CDN; the pages need nothing else from the network.
    await page.route(/^https?:/, (route) => route.abort());
    await page.goto(pathToFileURL(path.join(out, `${api}.html`)).href);
    const { title, operations } = operationsOf(api);
    await page.locator('h1', { hasText: new RegExp(`^${escapeRegExp(title)}`) }).waitFor();
    expect(operations.length).toBeGreaterThan(0);
    for (const { label, tag } of operations) {
      // The sidebar lists each operation under its tag; opening it shows the operation's own page.
      const entry = page.locator('a', { hasText: label }).first();
      if (!(await entry.isVisible()) && tag) await page.getByText(tag, { exact: true }).first().click();
      await entry.click();
      // Redoc's heading also holds a deep-link anchor, so match the heading's text, not its accessible name.
      await page.locator('h1, h2', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
    if (api === 'softwareone-marketplace') {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `docs-${api}.png`) });
    }
    await page.close();
  });
});
