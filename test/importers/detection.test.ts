// Format detection across every importer at once: each seed page goes to its own format, and every
// other importer scores it below one half.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, importers } from '../../generator/importers/index.js';
import { seedPath } from '../helpers.js';

const SEED_FORMATS: [seed: string, format: string][] = [
  ['000_8b16e981a714adc2.txt', 'openapi-in-markdown'],
  ['001_8aa89d55e2f4932d.txt', 'openapi-in-markdown'],
  ['002_2aaea495d352ef51.txt', 'bump-markdown'],
  ['003_ebfbe447b3948f37.txt', 'property-tables'],
  ['004_68b5ddc88128bc58.txt', 'json-samples'],
];

describe('format detection', () => {
  it.each(SEED_FORMATS)('reads seed %s as %s, and no other importer claims it', (seed, format) => {
    const page = { text: readFileSync(seedPath(seed), 'utf8'), path: seed };
    expect(detectFormat(page)?.name).toBe(format);
    for (const importer of importers) {
      const score = importer.detect(page);
      if (importer.name === format) expect(score, importer.name).toBeGreaterThanOrEqual(0.9);
      else expect(score, importer.name).toBeLessThan(0.5);
    }
  });
});
