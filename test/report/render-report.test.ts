// The whole report page: every string from a page or the spec escaped (paths, text, warnings,
// pointers, YAML), no script and no request allowed, a page without coverage said so, and spans
// linked both ways to the spec paths they fed.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderReport, type ReportModel } from '../../generator/report/render-report.js';

const HOSTILE = `</script><img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>`;
/** A pointer whose last key is the hostile text. */
const HOSTILE_POINTER = `/paths/~1orders/post/${HOSTILE.replaceAll('/', '~1')}`;

function model(): ReportModel {
  const text = `# Orders ${HOSTILE}\n\nPOST /orders\n\n- ${HOSTILE}\n`;
  const listAt = text.indexOf('- ');
  return {
    api: 'shop',
    title: `Shop ${HOSTILE}`,
    specFile: `specs/shop/openapi.yaml`,
    generateCommand: 'npm run generate',
    pages: [
      {
        path: `specs/shop/sources/${HOSTILE}.md`,
        format: 'property-tables',
        text,
        coverage: { measure: 'blocks', blocks: 3, used: 2 },
        spans: [
          { from: 0, to: text.indexOf('\n'), state: 'fed', kind: `the heading "${HOSTILE}"`, at: { line: 1, column: 1 }, specPlace: 0, diagnostics: [] },
          { from: text.indexOf('POST'), to: text.indexOf('POST') + 12, state: 'fed', kind: 'the text "POST /orders"', at: { line: 3, column: 1 }, specPlace: 1, diagnostics: [] },
          { from: listAt, to: text.length - 1, state: 'unread', kind: 'a list', at: { line: 5, column: 1 }, message: `a list under \`${HOSTILE}\` was not read`, diagnostics: [0] },
        ],
        diagnostics: [
          { severity: 'warning', message: `a list under \`${HOSTILE}\` was not read`, location: { file: `specs/shop/sources/${HOSTILE}.md`, line: 5, column: 1 } },
          { severity: 'warning', message: `assumed ${HOSTILE}`, location: { file: `specs/shop/sources/${HOSTILE}.md`, line: 3, column: 6, pointer: `/x/${HOSTILE}` } },
        ],
      },
      {
        path: 'specs/shop/sources/bump.md',
        format: 'bump-markdown',
        text: `# Export ${HOSTILE}\n`,
        notMeasured: `the bump-markdown importer does not record which blocks it read`,
        spans: [],
        diagnostics: [],
      },
    ],
    specPlaces: [
      { pointer: HOSTILE_POINTER, found: true, line: 12, yaml: `summary: ${HOSTILE}`, fedBy: [{ page: 0, span: 0 }] },
      { pointer: '/paths/~1orders/post', found: false, fedBy: [{ page: 0, span: 1 }] },
    ],
  };
}

describe('renderReport', () => {
  const html = renderReport(model());
  const $ = load(html);

  it('lets nothing from a page or the spec become markup', () => {
    expect($('img').length).toBe(0);
    expect($('script').length).toBe(0);
    expect(html).not.toMatch(/<(?:img|script)\b/i);
    // Each hostile string is there as text: the title, the page path, the page text, the warning, the pointer, the YAML.
    expect($('h1').text()).toContain(HOSTILE);
    expect($('#page-1 h2').text()).toBe(`specs/shop/sources/${HOSTILE}.md`);
    expect($('#page-1 pre.source').text()).toContain(`# Orders ${HOSTILE}`);
    expect($('#p1-d1').text()).toContain(`a list under \`${HOSTILE}\` was not read`);
    expect($('#p1-d2').text()).toContain(`(at /x/${HOSTILE})`);
    expect($('#spec-1 pre.yaml').text()).toBe(`summary: ${HOSTILE}`);
    expect($('#spec-1 h3').text()).toBe(`paths./orders.post.${HOSTILE}`);
  });

  it('forbids scripts and requests of any kind', () => {
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
  });

  it('labels and links each span that fed the spec, and each spec path back to its spans', () => {
    const heading = $('#page-1 pre.source a.fed:not(.tag)').first();
    expect(heading.attr('href')).toBe('#spec-1');
    expect(heading.attr('data-pointer')).toBe(HOSTILE_POINTER);
    expect(heading.text()).toBe(`# Orders ${HOSTILE}`);
    expect($('#p1-s1').text()).toBe(`paths./orders.post.${HOSTILE}`);
    expect($('#spec-1 a').attr('href')).toBe('#p1-s1');
    // A spec path the spec lacks is labelled so, on the span and on its entry.
    expect($('#p1-s2').text()).toBe('paths./orders.post (not in the spec)');
    expect($('#spec-2 .missing').text()).toContain('not in specs/shop/openapi.yaml');
    expect($('#spec-2 .missing').text()).toContain('npm run generate');
  });

  it('marks an unread span with its warning, linked to it, and badges a warning no span stands for', () => {
    const unread = $('#page-1 pre.source a.unread:not(.tag)');
    expect(unread.text()).toBe(`- ${HOSTILE}`);
    expect(unread.attr('href')).toBe('#p1-d1');
    expect($('#p1-s3').text()).toBe(`not read: a list under \`${HOSTILE}\` was not read`);
    expect($('#p1-d1 a').attr('href')).toBe('#p1-s3');
    expect($('#p1-d2-at').attr('title')).toBe(`assumed ${HOSTILE}`);
    expect($('#p1-d2 a').attr('href')).toBe('#p1-d2-at');
  });

  it('says so for a page without coverage, and shows the page', () => {
    expect($('#page-2 .not-measured').text()).toBe('Coverage not measured: the bump-markdown importer does not record which blocks it read. The page is shown as it is.');
    expect($('#page-2 pre.source').text()).toBe(`# Export ${HOSTILE}\n`);
    expect($('table.summary tbody tr').eq(1).text()).toContain('not measured');
  });

  it('sums the API up', () => {
    expect($('.summary-line').text()).toBe('2 pages · 2 of 3 blocks used (66.7%) on the 1 page whose coverage is recorded · 1 not read · 2 warnings · 1 not measured');
  });

  it('is the same text for the same input', () => {
    expect(renderReport(model())).toBe(html);
  });
});
