// Fields printed type first, one attribute per line, as portals print them.
import { describe, expect, it } from 'vitest';
import { readText } from '../../../generator/importers/page/read-text.js';

function rows(text: string) {
  return readText(text, 'p.txt')
    .blocks.filter((block) => block.kind === 'table')
    .flatMap((block) => (block.kind === 'table' ? block.rows.map((row) => ({ name: row.name, type: row.type, required: row.required, description: row.description, at: row.at })) : []));
}

describe('type-first fields', () => {
  it('reads type, name, marker and description, fields one after another', () => {
    const text = 'Query Parameters\nstring of array\nnames\nOptional\n\nNames to filter by\nPossible values are : a, b,\n\ninteger As int64\npage\nRequired\n\nPage to display\n';
    expect(rows(text)).toEqual([
      { name: 'names', type: 'string of array', required: 'Optional', description: 'Names to filter by Possible values are : a, b,', at: { line: 3, column: 1 } },
      { name: 'page', type: 'integer As int64', required: 'Required', description: 'Page to display', at: { line: 10, column: 1 } },
    ]);
  });

  it('takes the name printed again as the description, and ends at two blank lines', () => {
    const text = 'array of object\nerrors\nOptional\n\nerrors\n\n\nService Instances\n';
    expect(rows(text).map((row) => [row.name, row.description])).toEqual([['errors', 'errors']]);
  });

  it('reads headers without a marker under a headers title only', () => {
    expect(rows('Response Headers\n\nstring\nLocation\n\nURL of the job\n').map((row) => [row.name, row.required])).toEqual([['Location', '']]);
    expect(rows('The job has a header.\n\nstring\nLocation\n\nURL of the job\n')).toEqual([]);
  });
});
