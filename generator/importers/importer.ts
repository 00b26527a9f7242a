// The one interface every importer implements: a page's text and path in, an OpenAPI fragment and
// located diagnostics out. Importers never throw for bad input; they report it.
import type { Diagnostic } from '../core/diagnostics.js';
import type { OpenApiDocument } from '../core/openapi-types.js';

export interface Page {
  /** The page's full text, unchanged. */
  text: string;
  /** The path used in diagnostics and in `x-specmill-source` (relative to the API folder). */
  path: string;
}

export interface ImportResult {
  /**
   * An OpenAPI 3.0 or 3.1 document holding what the page describes, with `x-specmill-source`
   * (`page:line:column`) on each operation and component schema. Undefined when the page could
   * not be read at all (then `diagnostics` holds at least one error).
   */
  fragment?: OpenApiDocument;
  diagnostics: Diagnostic[];
  /** Which blocks of the page fed the spec and which were not read; from importers built on the page model. */
  coverage?: PageCoverage;
}

/** A page's coverage: every block either fed a part of the operation or is reported as not read. */
export interface PageCoverage {
  blocks: number;
  used: number;
  /** What each used block fed: a JSON pointer under the operation (`/parameters`, `/responses/201`). */
  fed: { kind: string; at: { line: number; column: number }; pointer: string }[];
  unread: { kind: string; at: { line: number; column: number }; section: string }[];
}

export interface Importer {
  /** The format's name, as given to `--format`. */
  name: string;
  /** One line for `--help`. */
  description: string;
  /** How sure the importer is that the page is of its format: 0 (no) to 1 (certain). */
  detect(page: Page): number;
  importPage(page: Page): ImportResult | Promise<ImportResult>;
}

/** Formats `page:line:column` for `x-specmill-source`. */
export function sourceRef(page: string, line: number, column?: number): string {
  return column === undefined ? `${page}:${line}` : `${page}:${line}:${column}`;
}
