// `specmill report` through the real bin, on a project of its own: the report and the index are
// written, the same pages give the same bytes, nothing is left half-written, and a bad argument or
// a missing spec is an error that says what to do.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportProject, REPORT_API, type ReportProject } from '../support/report-project.js';
import { runCli } from '../support/run-cli.js';

let project: ReportProject;
beforeAll(() => {
  project = makeReportProject();
});
afterAll(() => project?.remove());

describe('specmill report', () => {
  it('writes docs-site/<api>.report.html and an index that links it, and sums each API up', () => {
    const result = runCli(['report'], project.dir);
    expect(result.stderr).toMatch(new RegExp(`^${REPORT_API}: \\d+ of \\d+ blocks used \\(\\d+\\.\\d%\\) on 4 of 4 page\\(s\\), 2 span\\(s\\) not read: docs-site/${REPORT_API}\\.report\\.html$`, 'm'));
    expect(result.stderr).toMatch(/specmill: 1 coverage report\(s\) in docs-site; open docs-site\/index\.html/);
    expect(result.status).toBe(0);
    expect(readdirSync(project.path('docs-site')).sort()).toEqual(['index.html', `${REPORT_API}.report.html`]);
    const index = load(readFileSync(project.path('docs-site/index.html'), 'utf8'));
    const links = index('a').toArray().map((a) => [index(a).text(), index(a).attr('href')]);
    expect(links).toEqual([['coverage report', `${REPORT_API}.report.html`]]);
    expect(index('li').text()).toMatch(/^Shop Orders API 0\.0\.0 4 operations \(coverage report\)$/);
  });

  it('shows every page, escaped: the hostile page adds no element', () => {
    const html = readFileSync(project.path(`docs-site/${REPORT_API}.report.html`), 'utf8');
    expect(html).not.toMatch(/<(?:img|script)\b/i);
    const $ = load(html);
    expect($('section.page h2').toArray().map((h) => $(h).text())).toEqual(
      ['cancel-order.html', 'create-order.md', 'get-order.md', 'list-orders.txt'].map((p) => `specs/${REPORT_API}/sources/${p}`),
    );
    expect($('section.page pre.source').first().text()).toContain(`<script>globalThis.__specmillPwned='script'</script>`);
    // The page that embeds a document says what is not measured on it.
    expect($('section.page').eq(2).find('p.muted').first().text()).toMatch(/^read as openapi-in-markdown · 1 of 2 code blocks used \(50\.0%\); the prose around them is not measured · 1 not read/);
  });

  it('lists the spec paths in the order of the spec, each with its line and the start of its YAML', () => {
    const $ = load(readFileSync(project.path(`docs-site/${REPORT_API}.report.html`), 'utf8'));
    const places = $('section.spec-place').toArray();
    expect(places.length).toBeGreaterThan(5);
    const lines = places.map((p) => Number(/openapi\.yaml:(\d+)/.exec($(p).find('p.muted').first().text())?.[1]));
    expect(lines.every((line) => line > 0)).toBe(true);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // A long part of the spec is cut after 24 lines, and says how many more there are.
    const cut = $('pre.yaml').toArray().map((p) => $(p).text()).find((yaml) => yaml.includes('more lines)'));
    expect(cut?.split('\n')).toHaveLength(25);
    expect(cut).toMatch(/\n… \(\d+ more lines\)$/);
  });

  it('gives the same bytes for the same pages and spec, and leaves no temporary file', () => {
    const first = readFileSync(project.path(`docs-site/${REPORT_API}.report.html`));
    const again = runCli(['report', REPORT_API], project.dir);
    expect(again.status).toBe(0);
    expect(readFileSync(project.path(`docs-site/${REPORT_API}.report.html`)).equals(first)).toBe(true);
    expect(readdirSync(project.path('docs-site')).sort()).toEqual(['index.html', `${REPORT_API}.report.html`]);
  });

  it('writes to --out', () => {
    const result = runCli(['report', '--out', 'elsewhere'], project.dir);
    expect(result.status).toBe(0);
    expect(existsSync(project.path(`elsewhere/${REPORT_API}.report.html`))).toBe(true);
  });

  it('refuses an API the config does not list, naming those it does', () => {
    const result = runCli(['report', 'nope'], project.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`specmill\\.config\\.mjs: error: no API "nope" in the config: expected one of ${REPORT_API}`));
  });

  it('says to generate first when the spec is missing', () => {
    rmSync(project.path('specs', REPORT_API, 'openapi.yaml'));
    const result = runCli(['report'], project.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`specs/${REPORT_API}/openapi\\.yaml: error: no spec yet: run \`npx specmill generate\` first`));
  });
});
