// The text reader's cuts of lines a copied rendering ran together, table-driven: each case a line
// as printed, and the lines the reader reads it as.
import { describe, expect, it } from 'vitest';
import { readText } from '../../../generator/importers/page/read-text.js';

function linesOf(given: string): string[] {
  return readText(given, 'p.txt').blocks.map((block) => ('text' in block ? block.text : block.kind === 'code' ? `code: ${block.value.trim()}` : block.kind));
}

describe('lines a rendering ran together', () => {
  const cases: [string, { given: string; want: string[] }][] = [
    ['a section title glued after a value', { given: 'Format\nuuidResponse Body\n', want: ['Format', 'uuid', 'Response Body'] }],
    ['a section title glued before its value', { given: 'Request bodyНет\n', want: ['Request body', 'Нет'] }],
    ['one capitalized word glued to another is one name', { given: 'ResponseWrapper<Object>\n', want: ['ResponseWrapper<Object>'] }],
    ['literal values, then the next field', { given: 'Value in\n"cat" | "dog"weight?number\n', want: ['Value in', '"cat" | "dog"', 'table'] }],
    ['the operation line, then its sample', { given: 'POST https://api.example.com/v1/notes{\n"text": "hi"\n}\n', want: ['POST https://api.example.com/v1/notes', 'code: {\n"text": "hi"\n}'] }],
    ['samples glued to each other', { given: '{\n"a": 1\n}{\n"b": 2\n}\n', want: ['code: {\n"a": 1\n}', 'code: {\n"b": 2\n}'] }],
    ['a curl command, then the word after it', { given: 'curl -X DELETE "https://h.example/v1/x/1"Empty\n', want: ['code: curl -X DELETE "https://h.example/v1/x/1"', 'Empty'] }],
    ['a word that merely contains a title', { given: 'requestBody\n', want: ['requestBody'] }],
  ];
  it.each(cases)('%s', (_what, { given, want }) => {
    expect(linesOf(given)).toEqual(want);
  });
});
