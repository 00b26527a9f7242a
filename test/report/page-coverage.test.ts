// The report's one reading of coverage: the importer's record of blocks turned into spans of the
// page's text (by line and column, so a page on one line is cut by its columns), and, for pages
// that embed an OpenAPI document, the documents and the stamped parts they fed.
import { describe, expect, it } from 'vitest';
import { importPage } from '../../generator/importers/index.js';
import type { ImportResult, PageCoverage } from '../../generator/importers/importer.js';
import { parseSource, readPageSpans, type CoverageSpan } from '../../generator/report/page-coverage.js';
import { fixture } from '../helpers.js';

const OPERATION = '/paths/~1things/post';
const FRAGMENT = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/things': { post: { responses: {} } } } };

function coverage(fed: [number, number, string][], unread: [number, number, string][] = []): PageCoverage {
  return {
    blocks: fed.length + unread.length,
    used: fed.length,
    fed: fed.map(([line, column, pointer]) => ({ kind: 'a block', at: { line, column }, pointer })),
    unread: unread.map(([line, column, section]) => ({ kind: 'a list', at: { line, column }, section })),
  };
}

/** Each span as the text it covers, with its state and pointer. */
function shown(text: string, spans: readonly CoverageSpan[]): [string, string, string | undefined][] {
  return spans.map((s) => [s.state, text.slice(s.from, s.to), s.pointer]);
}

describe('readPageSpans: the blocks an importer recorded', () => {
  it.each<[string, { text: string; coverage: PageCoverage; want: [string, string, string | undefined][] }]>([
    [
      'a block runs to the next one, blank lines left out',
      {
        text: '# Things\n\nPOST /things\n\n- a\n- b\n\n',
        coverage: coverage([[1, 1, '/summary'], [3, 1, '']], [[5, 1, 'Body']]),
        want: [
          ['fed', '# Things', `${OPERATION}/summary`],
          ['fed', 'POST /things', OPERATION],
          ['unread', '- a\n- b', undefined],
        ],
      },
    ],
    [
      'a page on one line is cut by its columns',
      {
        text: 'Make thingspost /thingsBody ParamsnamestringThe name',
        coverage: coverage([[1, 1, '/summary'], [1, 12, ''], [1, 24, '/description'], [1, 35, '/requestBody']]),
        want: [
          ['fed', 'Make things', `${OPERATION}/summary`],
          ['fed', 'post /things', OPERATION],
          ['fed', 'Body Params', `${OPERATION}/description`],
          ['fed', 'namestringThe name', `${OPERATION}/requestBody`],
        ],
      },
    ],
    [
      'two blocks recorded at one place share their span',
      {
        text: '<details>\n<summary>x</summary>\n| a | b |\n',
        coverage: coverage([[1, 1, '/responses/200'], [1, 1, '/responses/200'], [3, 1, '/responses/200']]),
        want: [
          ['fed', '<details>\n<summary>x</summary>', `${OPERATION}/responses/200`],
          ['fed', '<details>\n<summary>x</summary>', `${OPERATION}/responses/200`],
          ['fed', '| a | b |', `${OPERATION}/responses/200`],
        ],
      },
    ],
    [
      'a place past the page is kept on it',
      { text: 'short', coverage: coverage([[9, 40, '']]), want: [['fed', '', OPERATION]] },
    ],
  ])('%s', (_, { text, coverage: recorded, want }) => {
    const read = readPageSpans({ text, path: 'p.md' }, { fragment: FRAGMENT, diagnostics: [], coverage: recorded });
    expect(read?.measure).toBe('blocks');
    expect(read?.blocks).toBe(recorded.blocks);
    expect(shown(text, read!.spans)).toEqual(want);
  });

  it('a page the importer refused keeps its spans, without a pointer into a spec', () => {
    const read = readPageSpans({ text: 'a\n\nb\n', path: 'p.md' }, { diagnostics: [], coverage: coverage([[1, 1, '']], [[3, 1, '']]) });
    expect(read!.spans.map((s) => [s.state, s.pointer])).toEqual([
      ['fed', undefined],
      ['unread', undefined],
    ]);
  });

  it('reads the coverage of any importer that records it, whatever its format', () => {
    const read = readPageSpans({ text: '# x\n', path: 'p.md' }, { fragment: FRAGMENT, diagnostics: [], coverage: coverage([[1, 1, '']]), format: 'bump-markdown' } as ImportResult);
    expect(read?.spans.map((s) => s.pointer)).toEqual([OPERATION]);
  });

  it('a page whose importer records no coverage has none', () => {
    const result: ImportResult & { format: string } = { fragment: FRAGMENT, diagnostics: [], format: 'bump-markdown' };
    expect(readPageSpans({ text: '# x\n', path: 'p.md' }, result)).toBeUndefined();
    expect(readPageSpans({ text: '# x\n', path: 'p.md' }, { diagnostics: [] })).toBeUndefined();
  });

  it('reads what the page model records of a real page on one line', async () => {
    const page = fixture('report/shop-orders/sources/list-orders.txt');
    const result = await importPage(page);
    const read = readPageSpans(page, result)!;
    expect(read.measure).toBe('blocks');
    expect(read.spans.length).toBe(result.coverage!.fed.length + result.coverage!.unread.length);
    // Every span starts at the column the importer recorded, on the one line.
    for (const span of read.spans) expect(span.from).toBe(span.at.column - 1);
    const operation = read.spans.find((s) => s.pointer === '/paths/~1v1~1orders/get');
    expect(page.text.slice(operation!.from, operation!.to)).toBe('get https://api.shop.example/v1/orders');
    expect(read.spans.every((s) => s.pointer?.startsWith('/paths/~1v1~1orders/get'))).toBe(true);
  });

  it('marks the whole of an unread list of a Markdown page', async () => {
    const page = fixture('report/shop-orders/sources/create-order.md');
    const read = readPageSpans(page, await importPage(page))!;
    const unread = read.spans.filter((s) => s.state === 'unread');
    expect(unread.map((s) => page.text.slice(s.from, s.to))).toEqual(['- leave the parcel at the door\n- ring twice']);
  });
});

describe('readPageSpans: pages that embed an OpenAPI document', () => {
  it('the document is used where it fed an operation or a schema; an example fed nothing', async () => {
    const page = fixture('report/shop-orders/sources/get-order.md');
    const result = await importPage(page);
    expect(result.coverage).toBeUndefined(); // measured here, from the stamps
    const read = readPageSpans(page, result)!;
    expect(read).toMatchObject({ measure: 'documents', blocks: 2, used: 1 });
    const text = (s: CoverageSpan) => page.text.slice(s.from, s.to);
    const [document, operation, schema, example] = read.spans;
    expect(document).toMatchObject({ state: 'document', kind: 'a code block (json)' });
    expect(text(document!)).toMatch(/^```json\n\{"openapi":"3\.1\.0".*\n```$/s);
    expect(operation).toMatchObject({ state: 'fed', pointer: '/paths/~1orders~1{orderId}/get', kind: 'the operation GET /orders/{orderId}' });
    expect(text(operation!)).toMatch(/^"get":\{"summary":"Get an order".*\}\}\},"components":\{"schemas":\{$/);
    expect(schema).toMatchObject({ state: 'fed', pointer: '/components/schemas/Order' });
    expect(text(schema!)).toBe('"Order":{"type":"object","properties":{"id":{"type":"string"},"total":{"type":"number"}}}}}}');
    expect(example).toMatchObject({ state: 'unread', kind: 'a code block (json)' });
    expect(text(example!)).toBe('```json\n{ "id": "ord_1", "total": 12.5 }\n```');
    expect(read.spans).toHaveLength(4);
  });

  it('a document rebuilt from what no code block holds (MDX props) is not measured', async () => {
    const page = fixture('openapi-in-markdown/docusaurus-operation.mdx');
    const result = await importPage(page);
    expect(result.fragment).toBeDefined();
    expect(readPageSpans(page, result)).toBeUndefined();
  });

  it('a plain OpenAPI file is one document', async () => {
    const text = 'openapi: 3.1.0\ninfo:\n  title: t\n  version: "1"\npaths:\n  /x:\n    get:\n      responses:\n        "200":\n          description: OK\n';
    const page = { text, path: 'x.yaml' };
    const read = readPageSpans(page, await importPage(page))!;
    expect(read).toMatchObject({ measure: 'documents', blocks: 1, used: 1 });
    expect(read.spans.map((s) => [s.state, s.pointer, text.slice(s.from, s.to)])).toEqual([
      ['document', undefined, text.trimEnd()],
      ['fed', '/paths/~1x/get', text.slice(text.indexOf('get:')).trimEnd()],
    ]);
  });
});

describe('parseSource', () => {
  it.each<[string, string, { line: number; column: number } | undefined]>([
    ['p.md:3:7', 'p.md', { line: 3, column: 7 }],
    ['p.md:3', 'p.md', { line: 3, column: 1 }],
    ['a:b.md:12:4', 'a:b.md', { line: 12, column: 4 }],
    ['other.md:3:7', 'p.md', undefined],
    ['p.md:x:7', 'p.md', undefined],
  ])('%s on %s', (source, page, want) => {
    expect(parseSource(source, page)).toEqual(want);
  });
});
