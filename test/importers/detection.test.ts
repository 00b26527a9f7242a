// Format detection across every importer at once: each seed page goes to its own format, every other
// format that looks for its own marks scores it below one half, and the general reading of
// reference pages, which reads any page it finds an operation on, scores below the page's own format.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, findImporter, formatNames, importers, importPage } from '../../generator/importers/index.js';
import { seedPath } from '../helpers.js';

const SEED_FORMATS: [seed: string, format: string][] = [
  ['000_8b16e981a714adc2.txt', 'openapi-in-markdown'],
  ['001_8aa89d55e2f4932d.txt', 'openapi-in-markdown'],
  ['002_2aaea495d352ef51.txt', 'bump-markdown'],
  ['003_ebfbe447b3948f37.txt', 'reference-page'],
  ['004_68b5ddc88128bc58.txt', 'json-samples'],
];

describe('format detection', () => {
  it.each(SEED_FORMATS)('reads seed %s as %s, and no other format claims it', (seed, format) => {
    const page = { text: readFileSync(seedPath(seed), 'utf8'), path: seed };
    expect(detectFormat(page)?.name).toBe(format);
    const own = findImporter(format)!.detect(page);
    expect(own, format).toBeGreaterThanOrEqual(0.9);
    for (const importer of importers) {
      if (importer.name === format) continue;
      const score = importer.detect(page);
      if (importer.name === 'reference-page') expect(score, importer.name).toBeLessThan(own);
      else expect(score, importer.name).toBeLessThan(0.5);
    }
  });

  it('takes `property-tables`, the general reading\'s older name, as `reference-page`', async () => {
    expect(formatNames).not.toContain('property-tables');
    expect(findImporter('property-tables')?.name).toBe('reference-page');
    const page = { text: readFileSync(seedPath('003_ebfbe447b3948f37.txt'), 'utf8'), path: 'p.txt' };
    expect((await importPage(page, 'property-tables')).format).toBe('reference-page');
  });

  it('cannot tell a page on which no recognizer finds an operation', async () => {
    const result = await importPage({ text: '# Notes\n\nNothing here names an operation.\n', path: 'notes.md' });
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^cannot tell the page's format/) })]);
  });
});
