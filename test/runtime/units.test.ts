import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from '../../templates/runtime/redact.js';
import { nextFromLinkHeader, readPointer } from '../../templates/runtime/pagination.js';
import { serializeQuery } from '../../templates/runtime/query.js';
import { DEFAULT_RETRY, mergeRetry, parseRetryAfter, retryDelay } from '../../templates/runtime/retry.js';
import { checkHeader } from '../../templates/runtime/headers.js';
import { RequestError } from '../../templates/runtime/errors.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it.each([
    ['2', 2000],
    ['0', 0],
    ['1.5', 1500],
    ['Mon, 23 Nov 2026 12:00:10 GMT', 10_000],
    // Unreadable or past: undefined, so that the caller backs off rather than retrying at once.
    ['Mon, 23 Nov 2026 11:00:00 GMT', undefined],
    ['Thu, 01 Jan 1970 00:00:00 GMT', undefined],
    ['-5', undefined],
    ['5s', undefined],
    ['12:00', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j is %j ms', (given, want) => {
    expect(parseRetryAfter(given, now)).toBe(want);
  });
});

describe('retryDelay', () => {
  it('draws from [0, initial * 2^(n-1)) capped at maxDelayMs (full jitter)', () => {
    expect(retryDelay(1, DEFAULT_RETRY, undefined, () => 0.999)).toBe(499);
    expect(retryDelay(3, DEFAULT_RETRY, undefined, () => 0.5)).toBe(1000);
    expect(retryDelay(30, DEFAULT_RETRY, undefined, () => 0.999)).toBe(29_970);
    expect(retryDelay(1, DEFAULT_RETRY, undefined, () => 0)).toBe(0);
  });
  it('takes a Retry-After within maxRetryAfterMs over backoff, capped at maxDelayMs', () => {
    expect(retryDelay(1, DEFAULT_RETRY, 2000)).toBe(2000);
    expect(retryDelay(1, DEFAULT_RETRY, 0)).toBe(0);
    expect(retryDelay(1, DEFAULT_RETRY, 45_000)).toBe(30_000);
    expect(retryDelay(1, { ...DEFAULT_RETRY, maxDelayMs: 120_000 }, 60_000)).toBe(60_000);
  });
  it('ignores a Retry-After past maxRetryAfterMs, and an unreadable one, for its own backoff', () => {
    expect(retryDelay(1, DEFAULT_RETRY, 99_999_000, () => 0.5)).toBe(250);
    expect(retryDelay(1, { ...DEFAULT_RETRY, maxDelayMs: 120_000 }, 60_001, () => 0.5)).toBe(250);
    expect(retryDelay(2, DEFAULT_RETRY, parseRetryAfter('-5'), () => 0.5)).toBe(500);
    expect(retryDelay(1, { ...DEFAULT_RETRY, maxRetryAfterMs: 120_000, maxDelayMs: 120_000 }, 90_000)).toBe(90_000);
  });
});

describe('mergeRetry', () => {
  const client = { ...DEFAULT_RETRY, maxRetries: 5, maxDelayMs: 1000 };
  it.each([
    ['no call options: the client\'s', client, undefined, client],
    ['call options over the client\'s, not over the defaults', client, { initialDelayMs: 10 }, { ...client, initialDelayMs: 10 }],
    ['false turns them off', client, false, false],
    ['a client without retries, a call with them: over the defaults', false, { maxRetries: 1 }, { ...DEFAULT_RETRY, maxRetries: 1 }],
  ] as const)('%s', (_name, base, override, want) => {
    expect(mergeRetry(base, override)).toEqual(want);
  });
});

describe('serializeQuery', () => {
  it.each([
    ['primitives', { a: 1, b: true, c: 'x y' }, undefined, 'a=1&b=true&c=x%20y'],
    ['skips undefined and null', { a: undefined, b: null, c: 0 }, undefined, 'c=0'],
    ['exploded arrays', { t: ['a', 'b'] }, undefined, 't=a&t=b'],
    ['comma arrays', { t: ['a', 'b,c'] }, { t: { explode: false } }, 't=a,b%2Cc'],
    ['pipe arrays', { t: ['a', 'b'] }, { t: { style: 'pipeDelimited' as const, explode: false } }, 't=a|b'],
    ['deepObject', { f: { x: 1, 'a]b': 'c' } }, undefined, 'f%5Bx%5D=1&f%5Ba%5Db%5D=c'],
    ['form objects', { f: { x: 1, y: 2 } }, { f: { style: 'form' as const } }, 'x=1&y=2'],
    ['dates', { d: new Date('2026-01-02T03:04:05Z') }, undefined, 'd=2026-01-02T03%3A04%3A05.000Z'],
    ['nested deepObject', { deep: { a: { b: 1, c: null }, d: 'x' } }, undefined, 'deep%5Ba%5D%5Bb%5D=1&deep%5Bd%5D=x'],
    ['arrays inside deepObject, by index', { items: { list: [{ price: 'p1' }, 'two'] } }, undefined, 'items%5Blist%5D%5B0%5D%5Bprice%5D=p1&items%5Blist%5D%5B1%5D=two'],
    ['deepObject keys that look like brackets stay inside theirs', { f: { 'a][b': { 'c]=1&x': 2 } } }, undefined, 'f%5Ba%5D%5Bb%5D%5Bc%5D%3D1%26x%5D=2'],
  ])('%s', (_name, query, styles, want) => {
    expect(serializeQuery(query, styles)).toBe(want);
  });

  it.each([
    ['an object in a form array', { t: [{ a: 1 }] }, undefined, /query parameter "t" holds an object/],
    ['a nested object in a form object', { f: { x: { y: 1 } } }, { f: { style: 'form' as const } }, /query parameter "f" holds an object/],
    ['an array in a pipe-delimited array', { t: [['a']] }, { t: { style: 'pipeDelimited' as const } }, /query parameter "t" holds an object/],
    ['a lone surrogate', { q: 'a\uD800b' }, undefined, /query parameter "q" has a lone surrogate/],
    ['a lone surrogate in a deepObject key', { f: { ['\uDC00']: 1 } }, undefined, /query parameter "f" has a lone surrogate/],
  ])('refuses %s with a RequestError', (_name, query, styles, message) => {
    expect(() => serializeQuery(query, styles)).toThrow(RequestError);
    expect(() => serializeQuery(query, styles)).toThrow(message);
  });

  it('refuses an object that contains itself, or nests too deep, with a RequestError', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => serializeQuery({ f: loop })).toThrow(/query parameter "f" nests deeper than 8 levels/);
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 8; i++) deep = { d: deep };
    expect(() => serializeQuery({ f: deep })).toThrow(RequestError);
  });
});

describe('pagination helpers', () => {
  it.each([
    ['<https://a.test/x?page=2>; rel="next", <https://a.test/x?page=9>; rel="last"', 'https://a.test/x?page=2'],
    ['<https://a.test/x?page=1>; rel="prev"', undefined],
    ['<https://a.test/n>; rel="prefetch next"', 'https://a.test/n'],
    [null, undefined],
  ])('nextFromLinkHeader(%j)', (header, want) => {
    expect(nextFromLinkHeader(header)).toBe(want);
  });
  it('reads pointers without touching the prototype', () => {
    expect(readPointer({ a: { 'b/c': [1, 2] } }, '/a/b~1c/1')).toBe(2);
    expect(readPointer({}, '/__proto__/polluted')).toBeUndefined();
    expect(readPointer({ a: 1 }, '/constructor')).toBeUndefined();
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://a.test/x?api_key=secret', 'https://a.test/x?api_key=…'],
    ['https://a.test/x?api_key=secret&page=2&api_key=again', 'https://a.test/x?api_key=…&page=…&api_key=…'],
    ['https://a.test/x?bare-token-secret&a=1', 'https://a.test/x?…&a=…'],
    ['https://user:pass@a.test/x', 'https://…@a.test/x'],
    ['https://us@er:p@ss@a.test:8443/x?k=v', 'https://…@a.test:8443/x?k=…'],
    ['https://a.test/x#token=secret', 'https://a.test/x#…'],
    ['https://a.test/x?k=v#t', 'https://a.test/x?k=…#…'],
    ['/x?k=secret', '/x?k=…'],
    ['https://a.test/x\u0000y?k=\r\n', 'https://a.test/x\\u0000y?k=…'],
    ['https://a.test/plain', 'https://a.test/plain'],
  ])('%s', (given, want) => {
    expect(redactUrl(given)).toBe(want);
    expect(redactUrl(redactUrl(given))).toBe(want);
  });
});

describe('redactText', () => {
  it.each([
    ['Failed to parse URL from http://[bad/x?api_key=secret', 'Failed to parse URL from http://[bad/x?api_key=…'],
    ['Request cannot be constructed from a URL that includes credentials: http://ann:secret@a.test/x', 'Request cannot be constructed from a URL that includes credentials: http://…@a.test/x'],
    ['Headers.append: "Bearer sec\u0000ret" is an invalid header value.', 'Headers.append: "…" is an invalid header value.'],
    ['GET /items?token=secret&x=1: reset', 'GET /items?token=…&x=…: reset'],
    ['GET http://a.test/items?token=secret. Then (http://b.test/?k=v).', 'GET http://a.test/items?token=…. Then (http://b.test/?k=…).'],
    ['line\nbreak and \u0000 nul', 'line\\u000abreak and \\u0000 nul'],
    ['connect ECONNREFUSED 127.0.0.1:1', 'connect ECONNREFUSED 127.0.0.1:1'],
  ])('%j', (given, want) => {
    expect(redactText(given)).toBe(want);
    expect(given.includes('secret') && redactText(given).includes('secret')).toBe(false);
  });
});

describe('checkHeader', () => {
  it.each([
    ['X-Trace', 'a b\tc ~ é ÿ'],
    ["!#$%&'*+-.^_`|~09az", ''],
  ])('lets %j through', (name, value) => {
    expect(() => checkHeader(name, value)).not.toThrow();
  });
  it.each([
    ['X Trace', 'v', /header name "X Trace" is not an HTTP token/],
    ['X-Trace:', 'v', /is not an HTTP token/],
    ['', 'v', /is not an HTTP token/],
    ['X-Trace', 'a\u0000secret', /header "X-Trace" has a control character \(U\+0000\)/],
    ['X-Trace', 'a\r\nInjected: 1', /control character \(U\+000D\)/],
    ['X-Trace', 'a\u007fb', /control character \(U\+007F\)/],
    ['X-Trace', 'secret €', /a character outside Latin-1 \(U\+20AC\)/],
    ['X-Trace', 'secret 😀', /outside Latin-1 \(U\+1F600\)/],
    ['X-Trace', 'secret \uD800', /outside Latin-1 \(U\+D800\)/],
  ])('refuses %j: %j', (name, value, message) => {
    expect(() => checkHeader(name, value)).toThrow(RequestError);
    expect(() => checkHeader(name, value)).toThrow(message);
    try {
      checkHeader(name, value);
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
