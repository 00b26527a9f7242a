// The coverage report in headless Chromium: the spans that fed the spec are highlighted and carry
// the spec path they produced, following one lands on what the spec holds there, the unread spans
// are marked with their warning, and the page whose HTML is hostile ran no script, added no element
// and made no request. A screenshot is kept: test/artifacts/report-shop-orders.png (gitignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { describeInBrowser, launchChromium, type Browser } from '../support/browser.js';
import { makeReportProject, REPORT_API, type ReportProject } from '../support/report-project.js';
import { runCli } from '../support/run-cli.js';

const ARTIFACTS = path.join(ROOT, 'test/artifacts');

describeInBrowser('specmill report in headless Chromium', () => {
  let project: ReportProject;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    project = makeReportProject();
    const result = runCli(['report'], project.dir);
    expect(result.status, result.stderr).toBe(0);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(project.path('docs-site', `${REPORT_API}.report.html`)).href);
  });

  afterAll(async () => {
    await browser?.close();
    project?.remove();
  });

  /** The marked text (not the badge) of the span that fed `pointer`, on the page at `pagePath`. */
  const fedSpan = (pagePath: string, pointer: string) =>
    page.locator('section.page', { has: page.locator('h2', { hasText: pagePath }) }).locator(`pre.source a.fed:not(.tag)[data-pointer="${pointer}"]`);

  it('highlights the spans that fed the spec, each labelled with its spec path', async () => {
    const table = fedSpan('create-order.md', '/paths/~1orders/post/requestBody').first();
    expect(await table.textContent()).toContain('| sku | string | yes | The product');
    // Its badge, just before it, reads the path.
    const badge = page.locator('section.page', { has: page.locator('h2', { hasText: 'create-order.md' }) }).locator('pre.source a.tag.fed', { hasText: /^paths\.\/orders\.post\.requestBody$/ });
    expect(await badge.count()).toBeGreaterThan(0);
    // A highlight is visibly one: a background of its own.
    const background = await table.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('on a page flattened onto one line, highlights by column', async () => {
    const operation = fedSpan('list-orders.txt', '/paths/~1v1~1orders/get');
    expect(await operation.textContent()).toBe('get https://api.shop.example/v1/orders');
    const parameters = fedSpan('list-orders.txt', '/paths/~1v1~1orders/get/parameters').first();
    expect(await parameters.textContent()).toMatch(/^limitintegerHow many orders to return\./);
  });

  it('marks the parts of an embedded OpenAPI document that fed an operation and a schema', async () => {
    expect(await fedSpan('get-order.md', '/paths/~1orders~1{orderId}/get').textContent()).toMatch(/^"get":\{"summary":"Get an order"/);
    expect(await fedSpan('get-order.md', '/components/schemas/Order').textContent()).toMatch(/^"Order":\{"type":"object"/);
  });

  it('follows a span to what the spec holds at its path', async () => {
    await fedSpan('create-order.md', '/paths/~1orders/post/requestBody').first().click();
    const target = page.locator('section.spec-place:target');
    await target.waitFor({ state: 'visible' });
    expect(await target.locator('h3').textContent()).toBe('paths./orders.post.requestBody');
    expect(await target.locator('pre.yaml').textContent()).toMatch(/^required: true\ncontent:\n {2}application\/json:/);
    expect(await target.textContent()).toContain(`specs/${REPORT_API}/openapi.yaml:`);
  });

  it('marks the spans not read, with their warning', async () => {
    const unread = page.locator('pre.source .unread:not(.tag)');
    const texts = await unread.allTextContents();
    expect(texts).toContain('- leave the parcel at the door\n- ring twice');
    expect(texts).toContain('```json\n{ "id": "ord_1", "total": 12.5 }\n```');
    expect(await page.locator('pre.source .tag.unread', { hasText: /^not read: a list under `.+` was not read$/ }).count()).toBe(1);
    const style = await unread.first().evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(style).toBe('underline');
  });

  it('runs nothing from the hostile page and adds none of its elements', async () => {
    expect(await page.evaluate(() => (globalThis as { __specmillPwned?: unknown }).__specmillPwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('img, script, iframe, object, embed').length)).toBe(0);
    expect(errors).toEqual([]);
    // The hostile markup is on the page as text.
    expect(await page.locator('section.page', { has: page.locator('h2', { hasText: 'cancel-order.html' }) }).locator('pre.source').textContent()).toContain(
      `<img src=x onerror="globalThis.__specmillPwned='img'">`,
    );
    // The report is the one request: no image, font or script was fetched.
    expect(requests.filter((url) => !url.endsWith(`${REPORT_API}.report.html`) && !url.includes('.report.html#'))).toEqual([]);
  });

  it('is reached from the index, and kept as a screenshot', async () => {
    const index = await browser.context.newPage();
    await index.goto(pathToFileURL(project.path('docs-site', 'index.html')).href);
    await index.getByRole('link', { name: 'coverage report' }).click();
    await index.locator('h1', { hasText: 'Shop Orders API: what the pages gave the spec' }).waitFor();
    await index.close();
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `report-${REPORT_API}.png`), fullPage: true });
  });
});
