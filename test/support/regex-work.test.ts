// The regex work meter itself: it must tell a reader that scans its input once from one that scans
// the rest of its input at every line, or the linearity tests that rely on it prove nothing.
import { describe, expect, it } from 'vitest';
import { growthOfRegexWork, measureRegexWork } from './regex-work.js';

/** Reads each line with one search from where the line starts: linear. */
function linearReader(text: string): number {
  let count = 0;
  const line = /[^\n]*\n?/y;
  for (let at = 0; at < text.length; at = line.lastIndex) {
    line.lastIndex = at;
    if (!line.exec(text)) break;
    count++;
  }
  return count;
}

/** Looks for a closing word after every line, searching the whole rest of the page each time: quadratic. */
function quadraticReader(text: string): number {
  let count = 0;
  const close = /\bEND\b/g;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    close.lastIndex = at;
    if (close.exec(text)) count++;
  }
  return count;
}

const page = (size: number) => 'a line of the page\n'.repeat(size);

describe('regex work meter', () => {
  it('counts the characters each search scanned, and every call', () => {
    const { result, scanned, calls } = measureRegexWork(() => /c/.exec('abcdef'));
    expect(result?.index).toBe(2);
    expect(scanned).toBe(3);
    expect(calls).toBe(1);
  });

  it('reaches the searches that match, replace, split and test make', () => {
    const { calls } = measureRegexWork(() => {
      'a,b'.split(/,/);
      'ab'.replace(/b/g, 'c');
      [...'aa'.matchAll(/a/g)];
      /x/.test('y');
    });
    expect(calls).toBeGreaterThanOrEqual(6);
  });

  it('sees linear work grow four times with four times the input', () => {
    expect(growthOfRegexWork(page, linearReader, 500)).toBeLessThan(6);
  });

  it('reports a planted quadratic reader', () => {
    expect(growthOfRegexWork(page, quadraticReader, 500)).toBeGreaterThan(12);
  });
});
