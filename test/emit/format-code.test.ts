// formatCode runs prettier's standalone build with the two plugins a file needs
// (generator/emit/format-code.ts): it formats as prettier's Node entry does with the same options,
// on the seeds' generated files with their indentation and line breaks inside statements undone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatCode, PRETTIER_LIMIT, PRETTIER_OPTIONS } from '../../generator/emit/format-code.js';
import { ROOT } from '../helpers.js';

const files = readdirSync(path.join(ROOT, 'generated'), { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(d\.ts|js)$/.test(file))
  .map((file) => path.join(ROOT, 'generated', file))
  .filter((file) => readFileSync(file, 'utf8').length <= PRETTIER_LIMIT)
  .sort();

describe("formatCode with prettier's standalone build", () => {
  it('has generated files to format', () => {
    expect(files.length).toBeGreaterThan(8);
  });

  it.each(files.map((file) => [path.relative(ROOT, file), file]))('formats %s as prettier formats it', async (_name, file) => {
    const text = readFileSync(file!, 'utf8')
      .replace(/^[ \t]+/gm, '')
      .replace(/,\n(?=[^\n])/g, ', ');
    const parser = file!.endsWith('.js') ? 'babel' : 'typescript';
    expect(await formatCode(path.basename(file!), text)).toBe(await prettier.format(text, { ...PRETTIER_OPTIONS, parser }));
  });
});
