// The method+path recognizer, table-driven: each way a page prints its operation, read as one.
import { describe, expect, it } from 'vitest';
import { findOperation, readCurlData, sameOperationPath, samePath } from '../../../generator/importers/page/find-operation.js';
import { readPage } from '../../../generator/importers/page/read-page.js';

function find(text: string) {
  const found = findOperation(readPage({ text, path: `p-${text.length}-${text.slice(0, 12)}` }).blocks);
  return found && { method: found.method, path: found.path, ...(found.server ? { server: found.server } : {}), ...(found.methodInferred ? { methodInferred: true } : {}) };
}

describe('method and path', () => {
  const cases: [string, { given: string; want: ReturnType<typeof find> }][] = [
    ['a line of its own', { given: 'Title\n\nPOST /v1/things\n', want: { method: 'post', path: '/v1/things' } }],
    ['lower case, alone on its line above the path', { given: 'Title\n\nget\n\n/documents/api/{version}\n', want: { method: 'get', path: '/documents/api/{version}' } }],
    ['an inline-code line in Markdown', { given: '# T\n\n`PATCH /repos/{owner}/{repo}/issues/{issue_number}`\n', want: { method: 'patch', path: '/repos/{owner}/{repo}/issues/{issue_number}' } }],
    ['a bold method and a code path', { given: '# T\n\n**PATCH** `/contacts/{id}`\n\nText.\n', want: { method: 'patch', path: '/contacts/{id}' } }],
    ['glued to its path', { given: 'Title\nPOST/v3/things\n', want: { method: 'post', path: '/v3/things' } }],
    ['glued to a full URL', { given: 'Title\nGEThttps://api.example.com/v1/urls/content\n', want: { method: 'get', path: '/v1/urls/content', server: 'https://api.example.com' } }],
    ['a label line', { given: '# T\n\nEndpoint: GET /users/{id}\nVersion: 1.0\n', want: { method: 'get', path: '/users/{id}' } }],
    ['Method URL and Preferred HTTP method', { given: 'Facts\n\nMethod URL: https://slack.example/api/chat.info\nPreferred HTTP method: GET\n', want: { method: 'get', path: '/api/chat.info', server: 'https://slack.example' } }],
    ['HTTP Verb and URL Segment bullets', { given: 'T\n- HTTP Verb: DELETE\n- URL Segment: /v1/sessions/{sessionId}\n', want: { method: 'delete', path: '/v1/sessions/{sessionId}' } }],
    ['a path broken at every slash', { given: 'PATCH\n/\napi\n/\nroles\n/\n{id}\n', want: { method: 'patch', path: '/api/roles/{id}' } }],
    ['a path without its leading slash', { given: 'POST api/Users\nRequest Information\n', want: { method: 'post', path: '/api/Users' } }],
    ['a curl sample', { given: "T\n\ncurl -X PATCH 'https://host.example/v3/x/[guid]' \\\n  -H 'Accept: application/json'\n", want: { method: 'patch', path: '/v3/x/{guid}', server: 'https://host.example' } }],
    ['a curl sample without -X (curl sends GET)', { given: "T\n\ncurl https://api.example.com/contacts/<id> \\\n-H 'Accept:application/json'\n", want: { method: 'get', path: '/contacts/{id}', server: 'https://api.example.com', methodInferred: true } }],
    ['colon placeholders', { given: 'T\n\nGET /v1/invoices/:id\n', want: { method: 'get', path: '/v1/invoices/{id}' } }],
    ['angle-bracket placeholders', { given: 'T\n\nPUT /api/v2/users/<user-id>.json\n', want: { method: 'put', path: '/api/v2/users/{user-id}.json' } }],
    ['double-brace placeholders and a templated host', { given: 'T\n\nDELETE {{BASE_URL}}/v3/domains/{{name}}\n', want: { method: 'delete', path: '/v3/domains/{name}' } }],
    ['the template over a sample of it', { given: 'T\n\nDELETE /v3/hooks/789\n\nURI\nDELETE /v3/hooks/{hook_id}\n', want: { method: 'delete', path: '/v3/hooks/{hook_id}' } }],
    ['of two printed paths, the one the curl sample calls', { given: 'T\n\nDELETE /hooks/{id}\n\nDELETE/api/v1/hooks/{id}secret key\n\ncurl -X DELETE https://h.example/api/v1/hooks/wh_123\n', want: { method: 'delete', path: '/api/v1/hooks/{id}', server: 'https://h.example' } }],
    ['only a URL, no method', { given: 'T\n\nEndpoint: /api/json/tickets/get/\n', want: { method: 'get', path: '/api/json/tickets/get/', methodInferred: true } }],
    ['nothing of the kind', { given: 'Just prose about GET requests.\n', want: undefined }],
    ['a cell of an operation index table', { given: 'Method | HTTP request | Description\n--- | --- | ---\n[**plantGet**](x.md) | **GET** /plants/{id} | \n', want: { method: 'get', path: '/plants/{id}' } }],
    ['labels of another language', { given: '# 创建订单\n\n- **方法**：`POST`\n- **路径**：`/v1/orders`\n', want: { method: 'post', path: '/v1/orders' } }],
    ['a sentence glued to the path', { given: 'T\n\nDELETE\n/v1/docs/:idPermanently delete a document.\n', want: { method: 'delete', path: '/v1/docs/{id}' } }],
    ['a camelCase placeholder is no glued sentence', { given: 'T\n\nDELETE\n/v1/docs/:docId\n', want: { method: 'delete', path: '/v1/docs/{docId}' } }],
  ];
  it.each(cases)('%s', (_what, { given, want }) => {
    expect(find(given)).toEqual(want);
  });
});

describe('one path template', () => {
  it.each([
    ['/a/{id}', '/a/42', true],
    ['/a/{id}/b', '/a/{x}/b', true],
    ['/a/{id}', '/a/42/b', false],
    ['/a/b', '/a/c', false],
  ] as const)('%s and %s: %s', (a, b, same) => {
    expect(samePath(a, b)).toBe(same);
  });
});

describe('the JSON a curl command sends', () => {
  const cases: [string, { given: string; want: string | undefined }][] = [
    ['-d with single quotes', { given: `curl -X PUT "https://h.example/x" -d '{ "a": 1 }'`, want: '{ "a": 1 }' }],
    ['--data over several lines', { given: "curl --request POST \\\n--url https://h.example/x \\\n--data '\n{\n\"a\": 1\n}\n'", want: '{\n"a": 1\n}\n' }],
    ['--data-raw with double quotes', { given: 'curl https://h.example/x --data-raw "{\\"a\\": 1}"', want: '{\\"a\\": 1}' }],
    ['form data is no JSON', { given: "curl https://h.example/x -d 'a=1&b=2'", want: undefined }],
    ['no data', { given: 'curl https://h.example/x', want: undefined }],
  ];
  it.each(cases)('%s', (_what, { given, want }) => {
    expect(readCurlData(given)?.text).toBe(want);
  });
});

describe('a path printed again as an example of the operation', () => {
  it.each([
    ['/v0/api/things/{id}', '/api/things/42', true],
    ['/v0/api/things/', '/api/things/THING-ID', true],
    ['/v1/things/{id}', '/v1/other/42', false],
    ['/a/{id}', '/b', false],
  ] as const)('%s and %s: %s', (template, example, same) => {
    expect(sameOperationPath(template, example)).toBe(same);
  });
});
