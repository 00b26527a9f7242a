// What every part of the Bump.sh reader shares: the page, where its lines came from, and the
// diagnostics it reports against them.
import { warning, type Diagnostic } from '../../diagnostics.js';
import type { Page } from '../importer.js';
import type { PageLine } from './page-lines.js';

export interface PageReader {
  page: Page;
  locate(offset: number): { line: number; column: number };
  diagnostics: Diagnostic[];
}

export function warnAt(reader: PageReader, message: string, at: PageLine): void {
  reader.diagnostics.push(warning(message, { file: reader.page.path, ...reader.locate(at.offset) }));
}

/** A heading or line as the page shows it, shortened for a message. */
export function quote(line: PageLine): string {
  const text = line.text.length > 60 ? `${line.text.slice(0, 57)}...` : line.text;
  return JSON.stringify(text);
}
