// The seed pages are kept byte for byte under specs/<api>/sources/: their hashes are recorded here,
// so the check needs nothing outside the repository (and ../shared/seeds, when present, agrees).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_COPIES, seedPath } from './helpers.js';

const SHA256: Record<string, string> = {
  '000_8b16e981a714adc2.txt': 'd56eeb52dd4f361af307c8afdac7b7ee8d3d7b138ccc04dd53d719724c8e4d4e',
  '001_8aa89d55e2f4932d.txt': '29ccda5aee4b90218f311f501589d73a8a06ece8e9e78d02c4d908d4f4012250',
  '002_2aaea495d352ef51.txt': '925134de05ecc4230446eb6cf90e623ee1bd502d4a7f473731c2fa1f025cb8ed',
  '003_ebfbe447b3948f37.txt': '5893542885c65885bba7fd2a72db2aa8531f989156713ad7adfd9d9f0d23a21f',
  '004_68b5ddc88128bc58.txt': '568205b33a3cc2e96e99266bdb250342aaafb1c705e035965cd2dd3d08b8744a',
};

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('seed pages', () => {
  it.each(Object.keys(SEED_COPIES))('%s is copied unchanged', (seed) => {
    expect(sha256(seedPath(seed))).toBe(SHA256[seed]);
    const shared = path.resolve(ROOT, '../shared/seeds', seed);
    if (existsSync(shared)) expect(sha256(shared)).toBe(SHA256[seed]);
  });
});
