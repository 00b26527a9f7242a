// The unit cache's pack: what a run used is written back whole, read back hash-checked, and
// anything damaged is a miss, never wrong text.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removePacksExcept, UnitCache } from '../../generator/cache/unit-cache.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-unit-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const packOf = (name: string) => path.join(dir, 'units', `${name}.pack`);

describe('UnitCache', () => {
  it('gives back what a saved run put in, including text beyond ASCII', () => {
    const first = UnitCache.open(dir, 'round-trip');
    expect(first.warm).toBe(false);
    first.set('a', 'one\nline');
    first.set('b', 'ünïcödé ✓ \u2028 𝒳');
    first.save();
    const second = UnitCache.open(dir, 'round-trip');
    expect(second.warm).toBe(true);
    expect(second.get('b')).toBe('ünïcödé ✓ \u2028 𝒳');
    expect(second.get('a')).toBe('one\nline');
    expect(second.get('c')).toBeUndefined();
    expect(second.stats).toEqual({ hits: 2, misses: 1, rejected: 0 });
  });

  it('keeps only the entries the last run used', () => {
    const first = UnitCache.open(dir, 'pruned');
    first.set('old', 'x');
    first.set('kept', 'y');
    first.save();
    const second = UnitCache.open(dir, 'pruned');
    second.get('kept');
    second.set('new', 'z');
    second.save();
    const third = UnitCache.open(dir, 'pruned');
    expect([third.get('old'), third.get('kept'), third.get('new')]).toEqual([undefined, 'y', 'z']);
  });

  it('refuses an entry whose bytes do not match their hash', () => {
    const cache = UnitCache.open(dir, 'tampered');
    cache.set('k', 'the right text');
    cache.save();
    writeFileSync(packOf('tampered'), readFileSync(packOf('tampered'), 'utf8').replace('the right text', 'the wrong text'));
    const again = UnitCache.open(dir, 'tampered');
    expect(again.get('k')).toBeUndefined();
    expect(again.stats.rejected).toBe(1);
  });

  it('reads a missing, empty, truncated or foreign file as an empty cache', () => {
    const index = '{"format":"specmill-units/2","entries":[["k",0,1,"abc"]]}';
    for (const text of [undefined, '', index, `x${index}${String(index.length).padStart(15, '0')}`, 'not a pack\nat all', '{"format":"other","entries":[]}000000000000030\n']) {
      const name = `broken-${Math.random().toString(36).slice(2)}`;
      if (text !== undefined) {
        const cache = UnitCache.open(dir, name);
        cache.set('seed', 'x');
        cache.save();
        writeFileSync(packOf(name), text);
      }
      const cache = UnitCache.open(dir, name);
      expect(cache.get('k')).toBeUndefined();
      expect(cache.get('seed')).toBeUndefined();
    }
  });

  it('does not rewrite a pack when a run used exactly what it holds', () => {
    const first = UnitCache.open(dir, 'still');
    first.set('k', 'v');
    first.save();
    const before = readFileSync(packOf('still'), 'utf8');
    const second = UnitCache.open(dir, 'still');
    second.get('k');
    rmSync(packOf('still'));
    second.save();
    // Nothing changed, so nothing was written (the file stays deleted).
    expect(() => readFileSync(packOf('still'))).toThrow();
    expect(before).toContain('"k"');
  });

  it('drops what an unfinished run made: the pack stays as it was', () => {
    const first = UnitCache.open(dir, 'unfinished');
    first.set('k', 'v');
    first.save();
    const second = UnitCache.open(dir, 'unfinished');
    second.set('other', 'w');
    second.discard();
    expect(UnitCache.open(dir, 'unfinished').get('k')).toBe('v');
    expect(readdirSync(path.join(dir, 'units')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('goes on in memory when the cache folder cannot be written', () => {
    const blocked = path.join(dir, 'a-file');
    writeFileSync(blocked, '');
    const cache = UnitCache.open(blocked, 'api');
    cache.set('k', 'v');
    expect(cache.get('k')).toBe('v');
    expect(() => cache.save()).not.toThrow();
  });

  it('removes the packs of APIs no longer in the config', () => {
    for (const name of ['kept', 'gone']) {
      const cache = UnitCache.open(path.join(dir, 'several'), name);
      cache.set('k', name);
      cache.save();
    }
    removePacksExcept(path.join(dir, 'several'), ['kept']);
    expect(readdirSync(path.join(dir, 'several/units'))).toEqual(['kept.pack']);
  });

  it('a memory cache never touches the disk', () => {
    const cache = UnitCache.memory();
    cache.set('k', 'v');
    cache.save();
    expect(cache.get('k')).toBe('v');
  });
});
