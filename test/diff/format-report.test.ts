import { describe, expect, it } from 'vitest';
import type { SpecChange } from '../../generator/diff/diff-specs.js';
import { formatReport, formatSummaryLine, type ApiDiff } from '../../generator/diff/format-report.js';

const removed: SpecChange = {
  kind: 'property-removed',
  breaking: true,
  operation: 'GET /things',
  operationId: 'listThings',
  direction: 'response',
  pointer: '/components/schemas/Thing/properties/url',
  source: 'specs/shop/sources/things.md:4:1',
  message: 'removed response 200 body property url',
  reason: 'code that reads it no longer compiles',
};
const added: SpecChange = {
  kind: 'operation-added',
  breaking: false,
  operation: 'POST /things',
  pointer: '/paths/~1things/post',
  message: 'added POST /things',
  reason: 'new calls break nothing',
};
const server: SpecChange = { kind: 'server-changed', breaking: true, pointer: '/servers/0/url', message: 'the default server changed from https://a.example.test to https://b.example.test', reason: 'clients built without a baseUrl now call another server (or none)' };

const DIFF: ApiDiff = { api: 'shop', base: 'origin/main', changes: [server, removed, added] };

describe('formatReport', () => {
  it('prints text grouped by operation, the whole API first', () => {
    expect(formatReport([DIFF], 'text')).toBe(`shop: 3 changes (2 breaking) since origin/main
  the API
    BREAKING  the default server changed from https://a.example.test to https://b.example.test (clients built without a baseUrl now call another server (or none))
              at /servers/0/url
  changed GET /things (listThings)
    BREAKING  removed response 200 body property url (code that reads it no longer compiles)
              at /components/schemas/Thing/properties/url from specs/shop/sources/things.md:4:1
  added POST /things
    ok        added POST /things (new calls break nothing)
              at /paths/~1things/post
`);
  });

  it('prints Markdown tables for a pull request', () => {
    expect(formatReport([{ ...DIFF, changes: [removed] }], 'markdown')).toBe(`## shop: 1 change (1 breaking) since origin/main

**1 breaking change** for code written against \`origin/main\`.

### \`GET /things (listThings)\`: changed

| | change | why | where |
| --- | --- | --- | --- |
| **breaking** | removed response 200 body property url | code that reads it no longer compiles | \`/components/schemas/Thing/properties/url\`<br>\`specs/shop/sources/things.md:4:1\` |

`);
  });

  it('prints JSON with a summary per API', () => {
    const json = JSON.parse(formatReport([DIFF, { api: 'new-api', base: 'HEAD', new: true, changes: [] }], 'json')) as { apis: { api: string; new: boolean; summary: unknown; changes: SpecChange[] }[] };
    expect(json.apis.map((a) => [a.api, a.new, a.summary, a.changes.length])).toEqual([
      ['shop', false, { total: 3, breaking: 2 }, 3],
      ['new-api', true, { total: 0, breaking: 0 }, 0],
    ]);
    expect(json.apis[0]?.changes[1]).toEqual(removed);
  });

  it('says so when nothing changed', () => {
    expect(formatReport([{ api: 'shop', base: 'HEAD', changes: [] }], 'text')).toBe('shop: no changes since HEAD\n');
    expect(formatReport([{ api: 'shop', base: 'HEAD', changes: [] }], 'markdown')).toBe('## shop: no changes since HEAD\n\n');
  });

  it('escapes what specs put in names: no HTML, no table breaks, no terminal control codes', () => {
    const hostile: SpecChange = { ...removed, message: 'removed property <img src=x onerror=alert(1)>|`x`|\u001b[31mred', pointer: '/components/schemas/A|B/properties/`x`' };
    const markdown = formatReport([{ api: 'shop', base: 'HEAD', changes: [hostile] }], 'markdown');
    const row = markdown.split('\n').find((line) => line.startsWith('| **breaking**'))!;
    expect(row).toContain('removed property &lt;img src=x onerror=alert(1)&gt;\\|\\`x\\`\\|\\\\u001b\\[31mred');
    expect(row).toContain('`` /components/schemas/A\\|B/properties/`x` ``');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
    const text = formatReport([{ api: 'shop', base: 'HEAD', changes: [hostile] }], 'text');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[31mred');
  });
});

describe('formatReport: shared schemas and facts read from prose', () => {
  const sharedChange: SpecChange = {
    kind: 'enum-value-added',
    breaking: true,
    direction: 'response',
    pointer: '/components/schemas/Thing/properties/status/enum/2',
    message: 'schema Thing property status can be "paused"',
    reason: 'an exhaustive switch over the values no longer covers them all',
    operations: [{ operation: 'GET /things', operationId: 'listThings' }, { operation: 'GET /things/{id}' }],
  };
  const prose: SpecChange = { kind: 'constraint-narrowed', breaking: true, operation: 'POST /things', direction: 'request', pointer: '/paths/~1things/post/requestBody/content/application~1json/schema/properties/name/maxLength', message: 'request body property name: maxLength lowered from 64 to 32', reason: 'values callers could send before are refused now', fromProse: true };
  const diff: ApiDiff = { api: 'shop', base: 'HEAD', changes: [sharedChange, prose] };

  it('prints a shared change once, under the operations it reaches, and marks prose', () => {
    expect(formatReport([diff], 'text')).toBe(`shop: 2 changes (2 breaking) since HEAD
  shared by GET /things (listThings), GET /things/{id}
    BREAKING  schema Thing property status can be "paused" (an exhaustive switch over the values no longer covers them all)
              at /components/schemas/Thing/properties/status/enum/2
  changed POST /things
    BREAKING  request body property name: maxLength lowered from 64 to 32 (values callers could send before are refused now) [read from prose]
              at /paths/~1things/post/requestBody/content/application~1json/schema/properties/name/maxLength
`);
    const markdown = formatReport([diff], 'markdown');
    expect(markdown).toContain('### Shared by `GET /things (listThings)`, `GET /things/{id}`\n');
    expect(markdown).toContain('| **breaking** | request body property name: maxLength lowered from 64 to 32 (read from prose) |');
    const json = JSON.parse(formatReport([diff], 'json')) as { apis: { summary: unknown; changes: SpecChange[] }[] };
    expect(json.apis[0]?.summary).toEqual({ total: 2, breaking: 2 });
    expect(json.apis[0]?.changes).toEqual([sharedChange, prose]);
  });
});

describe('formatSummaryLine', () => {
  it.each<[SpecChange[], string]>([
    [[removed], 'shop: 1 change (1 breaking)'],
    [[removed, added], 'shop: 2 changes (1 breaking)'],
  ])('%#', (changes, want) => {
    expect(formatSummaryLine('shop', changes)).toBe(want);
  });
});
