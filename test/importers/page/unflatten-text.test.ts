// A portal page flattened onto one line: its line breaks put back before its landmarks, every offset
// kept, and its blocks located by their column on the page's one line.
import { describe, expect, it } from 'vitest';
import { isFlattenedText, readFlattenedText, unflattenText } from '../../../generator/importers/page/unflatten-text.js';
import { readText } from '../../../generator/importers/page/read-text.js';
import type { Block } from '../../../generator/importers/page/blocks.js';

const lines = [
  'Get Job',
  'Get Job',
  'Get a job',
  'Retrieve a job by its guid.',
  'GET https://api.example.local/v3/jobs/{guid}',
  'COPY',
  'Path Parameters',
  'string',
  'guid',
  'Required',
  'The unique identifier',
  'Responses',
  '200',
  'OK',
  'Returns Job of type(s) application/json',
  '{"guid": "string", "state": "string"}',
  'Response Headers',
  'string',
  'X-Request-Id',
  'The request',
  '404',
  'Not Found',
  'Returns NotFound of type(s) application/json',
  '{"errors": [{"code": 0}]}',
  'array of object',
  'errors',
  'Optional',
  'errors',
  'Code Samples',
  'COPY',
  "curl -H 'Authorization: <value>' https://{api_host}/v3/jobs/{guid}",
  'Jobs',
  'GET',
  'Get a job',
  'POST',
  'Create a job',
  'DELETE',
  'Delete a job',
];
const lineBroken = lines.join('\n');
const flattened = lines.join(' ');

/** A block's kind and words, without where it stands. */
function shape(block: Block): string {
  switch (block.kind) {
    case 'table':
      return `table ${block.rows.map((row) => `${row.name}:${row.type}:${row.required}:${row.description}`).join(', ')}`;
    case 'code':
      return `code ${block.value.replace(/\s+/g, ' ')}`;
    case 'text':
    case 'heading':
      return `${block.kind} ${block.text}`;
    default:
      return block.kind;
  }
}

describe('flattened portal text', () => {
  it('is told apart from a page that kept its lines, and from prose', () => {
    expect(isFlattenedText(flattened)).toBe(true);
    expect(isFlattenedText(lineBroken)).toBe(false);
    expect(isFlattenedText(`A long paragraph about GET https://h.example/x ${'and more words '.repeat(30)}`)).toBe(false);
  });

  it('gets its lines back at the landmarks, each break in place of a space', () => {
    const unflattened = unflattenText(flattened);
    expect(unflattened).toHaveLength(flattened.length);
    expect(unflattened.replace(/\n/g, ' ')).toBe(flattened);
    expect(unflattened).toBe(lineBroken);
  });

  it('reads into the blocks of its line-broken copy, each located by its column', () => {
    const flat = readFlattenedText(flattened, 'p.txt');
    const broken = readText(lineBroken, 'p.txt');
    expect(flat.blocks.map(shape)).toEqual(broken.blocks.map(shape));
    const sample = flat.blocks.find((block) => block.kind === 'code')!;
    expect(sample.at).toEqual({ line: 1, column: flattened.indexOf('{"guid"') + 1 });
    const table = flat.blocks.find((block) => block.kind === 'table')!;
    expect(table.kind === 'table' && table.rows[0]!.at).toEqual({ line: 1, column: flattened.indexOf('guid Required') + 1 });
  });

  it('cuts a sample the page never closes no further than the next body line', () => {
    const text = `T T GET https://h.example/a Responses 200 OK Returns A of type(s) application/json {"a": "string" 404 Not Found Returns B of type(s) application/json {"b": 1} ${'padding '.repeat(30)}`;
    const unflattened = unflattenText(text);
    expect(unflattened.split('\n')).toContain('Returns B of type(s) application/json');
    expect(unflattened.split('\n')).toContain('{"b": 1}');
  });
});
