// Property-based: any text into the OpenAPI-bearing importers and the structured-text parser gives
// a fragment or located diagnostics, never an exception or a hang. (The other importers have their
// own property tests beside their unit tests.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openapiInMarkdownImporter } from '../../generator/importers/openapi-in-markdown.js';
import { openapiImporter } from '../../generator/importers/openapi.js';
import { parseStructured } from '../../generator/parse/structured-text.js';

const tokens = fc.constantFrom('{', '}', '[', ']', '"', "'", ':', ',', '\n', '  ', '- ', '#', '```json\n', '```\n', '## GET /x\n', '"openapi": "3.0.1"', 'openapi: 3.1.0\n', '"$ref": "#/x"', '&a ', '*a', '<<: ', '__proto__', '\u2028', '\ufeff', '"paths": {', '"swagger": "2.0"');
const soup = fc.array(fc.oneof(tokens, fc.string()), { maxLength: 80 }).map((parts) => parts.join(''));
const text = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), soup);

function located(diagnostics: { location?: { file: string; line?: number } }[]): boolean {
  return diagnostics.every((d) => d.location?.file === 'page' && (d.location.line === undefined || d.location.line >= 1));
}

describe('no input makes them throw', () => {
  it.each([
    ['openapi', openapiImporter],
    ['openapi-in-markdown', openapiInMarkdownImporter],
  ] as const)('%s', async (_name, importer) => {
    await fc.assert(
      fc.asyncProperty(text, async (page) => {
        const result = await importer.importPage({ text: page, path: 'page' });
        expect(result.fragment !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        expect(located(result.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('parseStructured', () => {
    fc.assert(
      fc.property(text, (page) => {
        const { result, diagnostics } = parseStructured(page, { file: 'page' });
        expect(result !== undefined || diagnostics.length > 0).toBe(true);
        expect(located(diagnostics)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
