// The hashes the unit cache's keys are made of: by content, with source positions set apart.
import { describe, expect, it } from 'vitest';
import { SpecHashes } from '../../generator/cache/spec-hashes.js';

describe('SpecHashes', () => {
  it('hashes by content and notes compositions', () => {
    const hashes = new SpecHashes();
    expect(hashes.of({ allOf: [{ type: 'string' }] }).composition).toBe(true);
    expect(hashes.of({ type: 'string' }).composition).toBe(false);
    expect(hashes.of({ x: 1 }).hash).toBe(hashes.of({ x: 1 }).hash);
    expect(hashes.of({ x: 1 }).hash).not.toBe(hashes.of({ x: 2 }).hash);
  });

  it('sets apart the source positions of a part and of its operations, and only those', () => {
    const hashes = new SpecHashes();
    const at = (line: number) => ({ get: { operationId: 'a', 'x-specmill-source': `page.json:${line}:7` }, 'x-specmill-source': `page.json:${line - 1}:5` });
    const [before, after] = [hashes.of(at(10)), hashes.of(at(20))];
    expect(after.hash).toBe(before.hash);
    expect(after.positions).not.toBe(before.positions);
    // Deeper down, a position is content like any other.
    const nested = (line: number) => ({ schema: { 'x-specmill-source': `page.json:${line}:1` } });
    expect(hashes.of(nested(1)).hash).not.toBe(hashes.of(nested(2)).hash);
  });

  it('does not change the part it reads', () => {
    const part = { get: { operationId: 'a', 'x-specmill-source': 'p:1:1' }, 'x-specmill-sources': ['p'] };
    const copy = structuredClone(part);
    new SpecHashes().of(part);
    expect(part).toEqual(copy);
  });
});
