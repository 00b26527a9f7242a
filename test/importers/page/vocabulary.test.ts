// The words around facts: status lines in every printed form, section titles, request targets.
import { describe, expect, it } from 'vitest';
import { matchSectionTitle, matchStatusLine, readTarget, statusesInProse, statusOfReasonPhrase } from '../../../generator/importers/page/vocabulary.js';

describe('status lines', () => {
  const cases: [string, { given: string; inResponses: boolean; want: string | undefined }][] = [
    ['code and reason phrase', { given: '201 Created', inResponses: true, want: '201' }],
    ['code, dash, description', { given: '201 - Instance created', inResponses: false, want: '201' }],
    ['a bare number outside responses is prose', { given: '200 of them failed', inResponses: false, want: undefined }],
    ['Status: label', { given: 'Status: 201 Created', inResponses: false, want: '201' }],
    ['Status code: label', { given: 'Status code: 204', inResponses: false, want: '204' }],
    ['HTTP status line', { given: 'HTTP/1.1 200 OK', inResponses: false, want: '200' }],
    ['HTTP_STATUS =', { given: 'HTTP_STATUS = 200', inResponses: false, want: '200' }],
    ['HTTP Code: label', { given: 'HTTP Code: 200', inResponses: false, want: '200' }],
    ['success status code(s) in a sentence', { given: 'Success status code(s): 201.', inResponses: false, want: '201' }],
    ['reason phrase then code', { given: 'Not Found(404)', inResponses: false, want: '404' }],
    ['a lower-case phrase then code, in responses', { given: 'ok(200)', inResponses: true, want: '200' }],
    ['status: and a reason phrase only', { given: 'status: Created', inResponses: false, want: '201' }],
    ['an example titled with its status', { given: 'Delete Link by Id - 404', inResponses: true, want: '404' }],
    ['a tab titled with the outcome and its code', { given: '🔴 Error 401', inResponses: false, want: '401' }],
    ['HTTP and a code opening a sentence', { given: 'HTTP 404 returns 404 Not Found for a missing gauge', inResponses: false, want: '404' }],
    ['an outcome word in a sentence is no status', { given: 'Error 401 is rare.', inResponses: false, want: undefined }],
    ['default', { given: 'default', inResponses: true, want: 'default' }],
    ['a range', { given: '4XX', inResponses: true, want: '4XX' }],
  ];
  it.each(cases)('%s', (_what, { given, inResponses, want }) => {
    expect(matchStatusLine(given, inResponses)?.status).toBe(want);
  });

  it.each([
    ['OK', '200'],
    ['No Content', '204'],
    ['Unprocessable Entity', '422'],
    ['Accepted.', '202'],
    ['Success', undefined],
  ] as const)('the reason phrase %j alone is %s', (phrase, code) => {
    expect(statusOfReasonPhrase(phrase)).toBe(code);
  });
});

describe('section titles', () => {
  const cases: [string, ReturnType<typeof matchSectionTitle>][] = [
    ['Path Parameters', { kind: 'parameters', in: 'path' }],
    ['URL Parameter:', { kind: 'parameters', in: 'path' }],
    // A location in parentheses after a description names no section.
    ['Document ID to delete (path parameter)', undefined],
    ['path Parameters', { kind: 'parameters', in: 'path' }],
    ['Header Params', { kind: 'parameters', in: 'header' }],
    ['Required Path Parameters', { kind: 'parameters', in: 'path', required: true }],
    ['Optional Query Parameters', { kind: 'parameters', in: 'query', required: false }],
    ['- Parameters in the request header', { kind: 'parameters', in: 'header' }],
    ['- Parameters in the request body', { kind: 'body' }],
    ['Parameters 12', { kind: 'parameters' }],
    ['Request', { kind: 'parameters', unplaced: true }],
    ['Body Parameters', { kind: 'body' }],
    ['Request Body schema: application/json', { kind: 'body', mediaType: 'application/json' }],
    ['Request fields (multipart/form-data):', { kind: 'body', mediaType: 'multipart/form-data' }],
    ['Response 200 fields (application/json):', { kind: 'response', status: '200', description: '', mediaType: 'application/json' }],
    ['Response (201)', { kind: 'response', status: '201', description: '' }],
    ['Successful Response (200 OK)', { kind: 'response', status: '200', description: 'ok' }],
    ['200 Response', { kind: 'response', status: '200', description: '' }],
    ['Error Responses', { kind: 'responses' }],
    ['Returns', { kind: 'responses' }],
    ['HTTP Headers', { kind: 'headers', of: 'request' }],
    ['Response Headers', { kind: 'headers', of: 'response' }],
    ['Authorizations', { kind: 'security' }],
    ['Authorization', undefined],
    ['Create a thing', undefined],
    ['Body Required', { kind: 'body', required: true }],
    ['Request Body 📥', { kind: 'body' }],
    ['Router Params', { kind: 'parameters', in: 'path' }],
    ['4.3 Path Parameters', { kind: 'parameters', in: 'path' }],
    ['Response Description', { kind: 'responses' }],
    ['请求体参数（Request Body）', { kind: 'body' }],
    ['错误码（Errors）', { kind: 'responses' }],
    ['リクエストボディ', { kind: 'body' }],
    ['Parámetros de ruta', { kind: 'parameters', in: 'path' }],
    ['Réponses', { kind: 'responses' }],
    ['Тело запроса', { kind: 'body' }],
  ];
  it.each(cases)('%j', (given, want) => {
    expect(matchSectionTitle(given)).toEqual(want);
  });
});

describe('request targets', () => {
  const cases: [string, ReturnType<typeof readTarget>][] = [
    ['/users/:id', { path: '/users/{id}' }],
    ['/users/<id>', { path: '/users/{id}' }],
    ['/users/[id]', { path: '/users/{id}' }],
    ['/users/{{id}}', { path: '/users/{id}' }],
    ['https://api.example.com/v1/x?limit=1', { path: '/v1/x', server: 'https://api.example.com', query: ['limit'] }],
    ['{{baseUrl}}/api/webhooks/', { path: '/api/webhooks/' }],
    ['/v3/customers/{customerId}Removed one customer', { path: '/v3/customers/{customerId}' }],
    ['https://x.example.com/v1/lamps/[Lamp ID]', { path: '/v1/lamps/{Lamp_ID}', server: 'https://x.example.com' }],
    ['/v1/lamps/<lamp id>/bulbs', { path: '/v1/lamps/{lamp_id}/bulbs' }],
    ['/v1/feeders/01HZZ...', { path: '/v1/feeders/01HZZ...' }],
    ['/v1/feeders.', { path: '/v1/feeders' }],
    ['not/a/path', undefined],
  ];
  it.each(cases)('%s', (given, want) => {
    expect(readTarget(given)).toEqual(want);
  });
});

describe('statuses a sentence states', () => {
  const cases: [string, string[]][] = [
    ['A successful call returns 200 OK with the body shown to the right.', ['200']],
    ['Sollte die Session nicht existieren, wird mit einem Status 404 geantwortet:', ['404']],
    ['It returns 200 OK, or 404 Not Found when the shelf is gone.', ['200', '404']],
    // A number that is no status, or a code with another phrase, says nothing.
    ['Returns 200 and the customer to retry', []],
    ['Up to 500 items per page.', []],
  ];
  it.each(cases)('%s', (given, want) => {
    expect(statusesInProse(given).map((status) => status.status)).toEqual(want);
  });
});
