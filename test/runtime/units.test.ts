import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../templates/runtime/errors.js';
import { nextFromLinkHeader, readPointer } from '../../templates/runtime/pagination.js';
import { serializeQuery } from '../../templates/runtime/query.js';
import { DEFAULT_RETRY, parseRetryAfter, retryDelay } from '../../templates/runtime/retry.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it.each([
    ['2', 2000],
    ['0', 0],
    ['1.5', 1500],
    ['Mon, 23 Nov 2026 12:00:10 GMT', 10_000],
    ['Mon, 23 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
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
  it('takes Retry-After over backoff, capped', () => {
    expect(retryDelay(1, DEFAULT_RETRY, 2000)).toBe(2000);
    expect(retryDelay(1, DEFAULT_RETRY, 10 * 60_000)).toBe(30_000);
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
  ])('%s', (_name, query, styles, want) => {
    expect(serializeQuery(query, styles)).toBe(want);
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
    ['https://a.test/x?api_key=secret', 'https://a.test/x?…'],
    ['https://user:pass@a.test/x', 'https://…@a.test/x'],
    ['https://a.test/x#token=1', 'https://a.test/x?…'],
  ])('%s', (given, want) => {
    expect(redactUrl(given)).toBe(want);
  });
});
